"""`ind-tui inbox` and `ind-tui due`: messages from the IND, and what is due soon, for scripts
(table, CSV or JSON on stdout). Dates are the portal's, not this computer's."""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from typing import Any

from ind_tui.base.safetext import CsvDictWriter
from ind_tui.cli import EXIT_FAILED, EXIT_OK, BadInput
from ind_tui.cli.listing import add_format, csv_style_of, with_output
from ind_tui.cli.session import _fail, _lang, _passphrase, _profile

INBOX_COLUMNS = ("id", "kind", "zaaknummer", "employee_name", "type_id", "sent_at", "read_at",
                 "state", "deadline", "decision", "decision_deadline", "requested")
DUE_COLUMNS = ("due", "days_left", "kind", "late", "employee_name", "employee_id",
               "zaaknummer", "message_id", "at", "detail")
MOMENTS = ("sent_at", "read_at", "at")  # written in Amsterdam time in a CSV


def register(sub: Any) -> None:
    inbox = sub.add_parser("inbox", help="messages from the IND (newest first)")
    inbox.add_argument("--unread", action="store_true", help="only unread messages")
    inbox.add_argument("--case", dest="zaaknummer", metavar="ZAAKNUMMER",
                       help="only the messages about this case")
    inbox.add_argument("--kind", help="info_request, decision or ready_for_collection")
    add_format(inbox)
    inbox.set_defaults(handler=with_output(_inbox))
    due = sub.add_parser("due", help="what is due soon, soonest first (portal date)")
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
        raise BadInput(f"unknown kind {value!r}; one of: {names}") from None


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
           table: list[tuple[str, str, int]], noun: str) -> None:
    """`table`: (heading, row key, minimum width) for the human-readable table."""
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

    out = Table(box=None, pad_edge=False)
    for n, (heading, _, width) in enumerate(table):
        # Every column on one line except the last, which wraps on a narrow terminal.
        out.add_column(heading, no_wrap=n < len(table) - 1, min_width=width or None)
    for r in flat:
        out.add_row(*(cell(r.get(key)) for _, key, _ in table))
    console().print(out)
    sys.stderr.write(f"{len(rows)} {noun}\n")


# --- inbox -----------------------------------------------------------------------------------


def _inbox(args: argparse.Namespace) -> int:
    kind = _kind(args.kind)
    if args.zaaknummer is not None and not re.fullmatch(r"\d{10}", args.zaaknummer):
        raise BadInput(f"a zaaknummer has 10 digits, not {args.zaaknummer!r}")
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
    _write(rows, args, INBOX_COLUMNS, [
        ("", "new", 1), ("id", "id", 10), ("date", "date", 10), ("kind", "what", 8),
        ("case", "zaaknummer", 10), ("deadline", "deadline", 10), ("status", "status", 0),
        ("employee", "employee_name", 0)], "messages")
    return EXIT_OK


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
            "about": _about(item),
        })
    _write(rows, args, DUE_COLUMNS, [
        ("due", "due", 10), ("days", "days_left", 4), ("what", "kind", 16),
        ("case", "zaaknummer", 10), ("who", "employee_name", 0), ("detail", "about", 0)],
        "items")
    for name, exc in due.failed.items():
        sys.stderr.write(f"ind-tui: could not read {name}: {exc.code}\n")
    return EXIT_FAILED if due.failed else EXIT_OK  # what was read is printed all the same


def _about(item: Any) -> str:
    """The machine detail of a due item in words, for the table."""
    detail: str = item.detail
    if item.kind == "information":
        return f"documents asked: {detail.replace(',', ', ')}"
    if item.kind == "address":
        return f"administration address changes on {detail}"
    if item.kind == "appointment" and item.at is not None:
        from ind_tui.domain.clock import AMSTERDAM

        purpose, _, location = detail.partition("@")
        return f"{item.at.astimezone(AMSTERDAM):%H:%M} {location} ({purpose.replace('_', ' ')})"
    if detail.startswith("opens:"):
        return f"extension possible from {detail[6:]}"
    return detail.replace("_", " ")
