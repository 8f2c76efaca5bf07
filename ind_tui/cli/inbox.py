"""`ind-tui inbox` and `ind-tui due`: messages from the IND, and what is due soon, for scripts
(table, CSV or JSON on stdout). Dates are the portal's, not this computer's."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import date
from typing import Any

from ind_tui.base.safetext import CsvDictWriter
from ind_tui.cli import EXIT_FAILED, EXIT_OK, BadInput
from ind_tui.cli.cases import _zaaknummer
from ind_tui.cli.listing import add_format, csv_style_of, with_output
from ind_tui.cli.session import _fail, _lang, _passphrase, _profile
from ind_tui.i18n import language, t, text
from ind_tui.i18n.format import day, plural

INBOX_COLUMNS = ("id", "kind", "zaaknummer", "employee_name", "type_id", "sent_at", "read_at",
                 "state", "deadline", "decision", "decision_deadline", "requested")
DUE_COLUMNS = ("due", "days_left", "kind", "late", "employee_name", "employee_id",
               "zaaknummer", "message_id", "at", "detail")
MOMENTS = ("sent_at", "read_at", "at")  # written in Amsterdam time in a CSV


def register(sub: Any) -> None:
    inbox = sub.add_parser("inbox", help=t("cli.help.inbox.inbox"))
    inbox.add_argument("--unread", action="store_true", help=t("cli.help.inbox.unread"))
    inbox.add_argument("--case", dest="zaaknummer", metavar="ZAAKNUMMER",
                       help=t("cli.help.inbox.case"))
    inbox.add_argument("--kind", help=t("cli.help.inbox.kind"))
    add_format(inbox)
    inbox.set_defaults(handler=with_output(_inbox))
    due = sub.add_parser("due", help=t("cli.help.inbox.due"))
    add_format(due)
    due.set_defaults(handler=with_output(_due))


def _kind(value: str | None) -> Any:
    if value is None:
        return None
    from ind_tui.api.inbox import MessageKind

    wanted = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return MessageKind(wanted)
    except ValueError:
        names = ", ".join(k.value for k in MessageKind)
        raise BadInput(text("cli.refuse.kind", language(), value=repr(value),
                            names=names)) from None


async def _run(args: argparse.Namespace, body: Any) -> int:
    from ind_tui.api.errors import PortalError
    from ind_tui.cli.launch import connect_profile as connect

    profile = _profile(args)
    lang = _lang(args)
    try:
        async with connect(profile, passphrase=_passphrase) as conn:
            result: int = await body(conn.client, profile)
            return result
    except PortalError as exc:
        return _fail(exc, lang)


def _write(rows: list[dict[str, Any]], args: argparse.Namespace, columns: tuple[str, ...],
           table: list[tuple[str, str, int]], shown: list[dict[str, str]], count: str
           ) -> None:
    """`table`: (heading's text key, key in `shown`, minimum width) for the table a person
    reads, whose rows are `shown` (the words of `rows`); `count` the key of its count."""
    fmt = args.format
    if fmt == "json":
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    flat = [{k: ";".join(v) if isinstance(v, list) else v for k, v in r.items()} for r in rows]
    if fmt == "csv":
        style = csv_style_of(args)
        writer = CsvDictWriter(sys.stdout, fieldnames=columns, delimiter=style.delimiter)
        writer.writeheader(style.header(columns))
        writer.writerows(r | {k: style.moment(r.get(k)) for k in MOMENTS} for r in flat)
        return
    from rich.table import Table

    from ind_tui.cli.output import cell, console

    lang = _lang(args)
    out = Table(box=None, pad_edge=False)
    for n, (heading, _, width) in enumerate(table):
        # Every column on one line except the last, which wraps on a narrow terminal.
        out.add_column(text(heading, lang) if heading else "", no_wrap=n < len(table) - 1,
                       min_width=width or None)
    for r in shown:
        out.add_row(*(cell(r.get(key)) for _, key, _ in table))
    console().print(out)
    sys.stderr.write(plural(count, len(rows), lang) + "\n")


# --- inbox -----------------------------------------------------------------------------------


def _inbox(args: argparse.Namespace) -> int:
    kind = _kind(args.kind)
    if args.zaaknummer is not None:
        _zaaknummer(args.zaaknummer)
    return asyncio.run(_run(args, lambda client, _profile: _inbox_async(client, args, kind)))


async def _inbox_async(client: Any, args: argparse.Namespace, kind: Any) -> int:
    messages, _ = await client.messages(unread=True if args.unread else None,
                                        zaaknummer=args.zaaknummer, kind=kind)
    rows = []
    for m in messages:
        row = m.model_dump(mode="json", exclude={"subject"})
        row["requested"] = [d.key for d in m.requested]
        row["subject"] = m.subject
        rows.append(row)
    short = {"info_request": "request", "ready_for_collection": "ready"}
    for r in rows:
        r["new"] = "*" if r["read_at"] is None else ""
        r["date"] = r["sent_at"][:10]
        r["what"] = short.get(r["kind"], r["kind"])
        r["status"] = r["state"] or r["decision"] or ""
    shown = [_message_words(m, client.clock.today()) for m in messages]
    _write(rows, args, INBOX_COLUMNS, [
        ("", "new", 1), ("csv.id", "id", 10), ("inbox.col.sent", "date", 10),
        ("inbox.col.kind", "what", 8), ("inbox.col.case", "zaaknummer", 10),
        ("inbox.col.deadline", "deadline", 10), ("inbox.col.about", "status", 0),
        ("inbox.col.employee", "employee_name", 0)], shown, "cli.inbox.count")
    return EXIT_OK


def _message_words(m: Any, today: date) -> dict[str, str]:
    """A message as the inbox screen reads it (in the language `main` set)."""
    from ind_tui.tui.screens.inbox.text import about, kind_text

    return {"new": "*" if m.read_at is None else "", "id": m.id,
            "date": day(m.sent_at), "what": kind_text(m), "zaaknummer": m.zaaknummer,
            "deadline": day(m.deadline) if m.deadline else "", "status": about(m, today),
            "employee_name": m.employee_name}


# --- due -------------------------------------------------------------------------------------


def _due(args: argparse.Namespace) -> int:
    return asyncio.run(_run(args, lambda client, profile: _due_async(client, profile, args)))


async def _due_async(client: Any, profile: Any, args: argparse.Namespace) -> int:
    from ind_tui.services.due import load_due

    me = await client.me()
    due = await load_due(client, me, client.scope(me))
    rows = []
    for item in due.items:
        rows.append({
            "due": item.due.isoformat(), "days_left": item.days_left(due.today),
            "kind": item.kind, "late": item.late or item.due < due.today,
            "employee_name": item.employee_name, "employee_id": item.employee_id,
            "zaaknummer": item.zaaknummer, "message_id": item.message_id,
            "at": item.at.isoformat() if item.at else None, "detail": item.detail,
        })
    from ind_tui.tui.screens.inbox.text import days_left, due_detail, due_what

    # As the due screen reads them (in the language `main` set).
    shown = [{"due": day(item.due), "left": days_left(item.due, due.today),
              "what": due_what(item), "zaaknummer": item.zaaknummer or "",
              "who": item.employee_name or "", "detail": due_detail(item)}
             for item in due.items]
    _write(rows, args, DUE_COLUMNS, [
        ("due.col.date", "due", 10), ("due.col.left", "left", 4), ("due.col.what", "what", 16),
        ("due.col.case", "zaaknummer", 10), ("due.col.who", "who", 0),
        ("due.col.detail", "detail", 0)], shown, "cli.due.count")
    lang = _lang(args)
    for name, exc in due.failed.items():
        sys.stderr.write("ind-tui: " + text("cli.due.failed", lang, part=text(
            f"due.part.{name}", lang), code=exc.code) + "\n")
    return EXIT_FAILED if due.failed else EXIT_OK  # what was read is printed all the same
