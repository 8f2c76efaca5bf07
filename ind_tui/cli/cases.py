"""`ind-tui cases list | show | upload`: running cases for scripts (table, CSV or JSON on stdout).

CSV and JSON carry the same columns as an export from the cases screen
(`ind_tui.domain.cases.EXPORT_FIELDS`); here every case is one the portal lists.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import re
import sys
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from ind_tui.cli import EXIT_BAD_INPUT, EXIT_OK, BadInput
from ind_tui.cli.listing import add_format, csv_style_of, with_output
from ind_tui.cli.session import _err, _fail, _lang, _passphrase, _profile
from ind_tui.i18n import language, t, text

if TYPE_CHECKING:
    from ind_tui.domain.cases import CaseRow


def register(sub: Any) -> None:
    parser = sub.add_parser("cases", help=t("cli.help.cases.cases"))
    cmds = parser.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    listing = cmds.add_parser("list", help=t("cli.help.cases.list"))
    listing.add_argument("--status", help=t("cli.help.cases.status"))
    listing.add_argument("--type", dest="type_id", help=t("cli.help.cases.type"))
    add_format(listing)
    listing.set_defaults(handler=with_output(_list))
    show = cmds.add_parser("show", help=t("cli.help.cases.show"))
    show.add_argument("zaaknummer")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_show)
    upload = cmds.add_parser("upload", help=t("cli.help.cases.upload"))
    upload.add_argument("zaaknummer")
    upload.add_argument("file", help=t("cli.help.cases.file"))
    upload.add_argument("--allow-duplicate", action="store_true",
                        help=t("cli.help.cases.allow_duplicate"))
    upload.set_defaults(handler=_upload)


def _status(value: str | None) -> Any:
    """`--status` as the screen's `status:` filter spells it: in-progress or in_progress,
    and several separated by commas. None: every status."""
    if value is None:
        return None
    from ind_tui.api.cases import CaseStatus

    wanted = []
    for part in value.split(","):
        name = part.strip().lower().replace("-", "_").replace(" ", "_")
        try:
            wanted.append(CaseStatus(name))
        except ValueError:
            names = ", ".join(s.value for s in CaseStatus)
            raise BadInput(text("cli.refuse.status", language(), value=repr(part.strip()),
                                names=names)) from None
    return list(dict.fromkeys(wanted))


def _type(value: str | None) -> str | None:
    """`--type` as a known application type id; anything else is refused, with the ids."""
    if value is None:
        return None
    from ind_tui.domain.forms.rules import TYPES_BY_ID

    if value not in TYPES_BY_ID:
        names = ", ".join(sorted(TYPES_BY_ID))
        raise BadInput(text("cli.refuse.type", language(), value=repr(value), names=names))
    return value


def _list(args: argparse.Namespace) -> int:
    status = _status(args.status)
    _type(args.type_id)
    return asyncio.run(_run(args, lambda client: _list_async(client, args, status)))


async def _run(args: argparse.Namespace, body: Any) -> int:
    from ind_tui.api.errors import PortalError
    from ind_tui.cli.launch import connect_profile as connect

    profile = _profile(args)
    lang = _lang(args)
    try:
        async with connect(profile, passphrase=_passphrase) as conn:
            result: int = await body(conn.client)
            return result
    except PortalError as exc:
        return _fail(exc, lang)


async def _list_async(client: Any, args: argparse.Namespace, status: Any) -> int:
    from ind_tui.api.errors import PortalError
    from ind_tui.domain.cases import RecordWriter, case_rows, raw_from_summary
    from ind_tui.i18n.format import plural

    # The portal pages in case-number order: with one status (or none) asked of the portal,
    # or several picked out here from every page, rows come in order and can go out as they
    # come: an export streams.
    asked = status[0] if status and len(status) == 1 else None
    wanted = None if asked is not None or not status else set(status)

    async def batches() -> AsyncIterator[list[CaseRow]]:
        # The next page is asked for before this one is written: the portal works on it
        # meanwhile.
        pages = client.iter_cases(status=asked, type_id=args.type_id)
        coming = asyncio.ensure_future(anext(pages))
        try:
            while True:
                try:
                    page = await coming
                except StopAsyncIteration:
                    return
                coming = asyncio.ensure_future(anext(pages))
                items = page.items if wanted is None else [
                    c for c in page.items if c.status in wanted]
                yield case_rows(map(raw_from_summary, items))
        finally:
            coming.cancel()

    if args.format in ("json", "csv"):
        # The screen's export writes the same records: one set of columns for both.
        writer = RecordWriter(sys.stdout, args.format, csv_style_of(args))
        try:
            async for batch in batches():
                writer.write(batch)
        except PortalError as exc:
            # A page failed after the transport's retries (a 503, a dropped answer): what
            # went out stays, and the reader of the pipe is told it is not the whole list.
            # (With --output nothing stays: `with_output` says so.)
            sys.stdout.flush()
            code = _fail(exc, _lang(args))
            if getattr(args, "output", None) is None:
                _err(plural("cli.cases.incomplete", writer.count, _lang(args)))
            return code
        writer.close()
        return EXIT_OK
    rows = [row async for batch in batches() for row in batch]
    _print_table(rows, _lang(args))
    return EXIT_OK


def _print_table(rows: list[CaseRow], lang: str) -> None:
    """The cases as the screen names them: type and status in words, days in Amsterdam."""
    from datetime import date, datetime

    from rich.table import Table

    from ind_tui.cli.output import cell, console
    from ind_tui.cli.words import status_name, type_name
    from ind_tui.i18n.format import day, plural

    table = Table(box=None, pad_edge=False)
    for column, width in (("zaak", 10), ("employee", 0), ("type", 0), ("status", 0),
                          ("submitted", 10), ("deadline", 10)):
        # A case number and a date cut short say nothing: those keep their width, and on a
        # narrow terminal the type and status wrap instead.
        table.add_column(text(f"cases.col.{column}", lang), min_width=width or None,
                         no_wrap=column not in ("type", "status"))
    for row in rows:
        deadline = row.decision_deadline
        table.add_row(*map(cell, (
            row.zaaknummer, row.employee_name, type_name(row.type_id, lang),
            status_name(row.status.status, row.status.decision, lang),
            day(datetime.fromisoformat(row.submitted_at), lang),
            day(date.fromisoformat(deadline), lang) if deadline else "")))
    console().print(table)
    sys.stderr.write(plural("cli.cases.count", len(rows), lang) + "\n")


def _zaaknummer(value: str) -> str:
    if not re.fullmatch(r"\d{10}", value):
        raise BadInput(text("cli.refuse.zaaknummer", language(), value=repr(value)))
    return value


def _show(args: argparse.Namespace) -> int:
    _zaaknummer(args.zaaknummer)
    return asyncio.run(_run(args, lambda client: _show_async(client, args)))


async def _show_async(client: Any, args: argparse.Namespace) -> int:
    case = await client.case(args.zaaknummer)
    dossier = await client.case_documents(args.zaaknummer)
    if args.format == "json":
        out = {"case": case.model_dump(mode="json"), "dossier": dossier.model_dump(mode="json")}
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    _print_case(case, dossier, _lang(args))
    return EXIT_OK


def _print_case(case: Any, dossier: Any, lang: str) -> None:
    from ind_tui.cli.words import named, status_name, type_name
    from ind_tui.domain.case_notes import note_text
    from ind_tui.i18n.format import day, local, number

    def label(key: str) -> str:
        return f"{text(key, lang) + ':':<24}"

    print(f"{case.zaaknummer}  {case.employee_name}  {type_name(case.type_id, lang)}")
    decision = case.decision.value if case.decision else None
    print(label("case.status") + status_name(case.status.value, decision, lang))
    print(label("case.receipt") + text("case.receipt_line", lang, zaak=case.receipt.zaaknummer,
                                       date=day(case.receipt.receipt_date, lang)))
    print(label("case.deadline") + day(case.decision_deadline, lang))
    if case.decision_deadline != case.receipt.decision_deadline:
        print(" " * 24 + text("case.deadline_first", lang,
                              date=day(case.receipt.decision_deadline, lang)))
    print(text("case.timeline", lang) + ":")
    for event in case.events:
        # Amsterdam time, as everywhere else (the portal sends UTC).
        note = note_text(event.note, lang) if event.note else ""
        print(f"  {local(event.at, lang)}  "
              f"{named('cases.status', event.status.value, lang):<22} {note}")
    if case.can_upload:
        print(label("case.upload") + text("cli.cases.upload_open", lang))
    else:
        from ind_tui.i18n.guidance import guidance

        g = guidance(case.upload_refused_reason or "case_decided", lang)
        print(label("case.upload") + text("cli.cases.upload_closed", lang, reason=g.title))
    print(text("case.dossier", lang) + ":")
    for doc in dossier.documents:
        kind = named("case.doc_kind", doc.kind, lang)
        size = text("cli.cases.bytes", lang, n=number(doc.size, lang))
        print(f"  {doc.id:<22} {kind:<20} {size:>14}  {local(doc.added_at, lang)}  {doc.title}")


def _upload(args: argparse.Namespace) -> int:
    """Checked here first (the screen's checks); the same file already in the dossier is
    refused unless --allow-duplicate: a second copy is a second document on the case."""
    from pathlib import Path

    from ind_tui.local.drafts.documents import check_document
    from ind_tui.local.drafts.errors import guidance

    zaak = _zaaknummer(args.zaaknummer)
    lang = _lang(args)
    path = Path(args.file).expanduser()
    if not path.is_file():
        raise BadInput(text("cli.cases.no_file", lang, path=str(path)))
    check = check_document(path)
    if not check.ok or check.reason is not None:
        reason = guidance(check.reason or "document_unreadable", "nl" if lang == "nl" else "en")
        raise BadInput(text("cli.cases.refused", lang, name=path.name, reason=reason))
    data = path.read_bytes()
    return asyncio.run(_run(args, lambda client: _upload_async(client, args, zaak, path, data)))


async def _upload_async(client: Any, args: argparse.Namespace, zaak: str, path: Any,
                        data: bytes) -> int:  # fmt: skip
    from ind_tui.client.retry import new_idempotency_key
    from ind_tui.i18n.format import local

    lang = _lang(args)
    sha256 = hashlib.sha256(data).hexdigest()
    dossier = await client.case_documents(zaak)
    same = [d for d in dossier.documents if d.kind == "upload" and d.sha256 == sha256]
    if same and not args.allow_duplicate:
        # As `drafts file` refuses a possible duplicate: exit 2, nothing sent.
        _err(text("cli.cases.duplicate", lang, name=path.name, title=same[-1].title,
                  at=local(same[-1].added_at, lang)))
        return EXIT_BAD_INPUT
    # One key for this run: a lost answer is sent again under it and adds nothing.
    doc = await client.upload_case_document(zaak, data, path.name, new_idempotency_key())
    print(text("cli.cases.uploaded", lang, name=path.name, zaak=zaak, id=doc.id))
    return EXIT_OK
