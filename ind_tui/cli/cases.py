"""`ind-tui cases list | show`: running cases for scripts (table, CSV or JSON on stdout).

CSV and JSON carry the same columns as an export from the cases screen
(`ind_tui.domain.cases.EXPORT_FIELDS`); here every case is one the portal lists.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
from typing import Any

from ind_tui.cli import EXIT_OK, BadInput
from ind_tui.cli.listing import add_format, csv_style_of
from ind_tui.cli.session import _fail, _lang, _passphrase, _profile


def register(sub: Any) -> None:
    parser = sub.add_parser("cases", help="running cases (lopende aanvragen)")
    cmds = parser.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    listing = cmds.add_parser("list", help="every case this account may see")
    listing.add_argument("--status", help="only these statuses, e.g. in-progress or "
                         "received,in_progress")
    listing.add_argument("--type", dest="type_id", help="only this application type")
    add_format(listing)
    listing.set_defaults(handler=_list)
    show = cmds.add_parser("show", help="one case: timeline, deadline, dossier")
    show.add_argument("zaaknummer")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=_show)


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
            raise BadInput(f"unknown status {part.strip()!r}; one of: {names}") from None
    return list(dict.fromkeys(wanted))


def _list(args: argparse.Namespace) -> int:
    status = _status(args.status)
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
    from ind_tui.domain.cases import CaseRow, case_rows, raw_from_summary, write_records

    rows: list[CaseRow] = []
    for wanted in status or [None]:
        async for page in client.iter_cases(status=wanted, type_id=args.type_id):
            rows.extend(case_rows(map(raw_from_summary, page.items)))
    rows.sort(key=lambda row: row.zaaknummer)
    if args.format in ("json", "csv"):
        # The screen's export writes the same records: one set of columns for both.
        write_records(sys.stdout, rows, args.format, csv_style_of(args))
        return EXIT_OK
    from rich.table import Table

    from ind_tui.cli.output import cell, console
    from ind_tui.domain.cases import record

    table = Table(box=None, pad_edge=False)
    for column in ("zaaknummer", "employee", "type", "status", "submitted", "deadline"):
        table.add_column(column, no_wrap=True)
    for row in rows:
        r = record(row)
        status_text = r["status"] + (f" ({r['decision']})" if r["decision"] else "")
        table.add_row(*map(cell, (r["zaaknummer"], r["employee_name"], r["type_id"],
                                  status_text, r["submitted_at"][:10], r["decision_deadline"])))
    console().print(table)
    from ind_tui.i18n.format import plural

    sys.stderr.write(plural("cli.cases.count", len(rows), _lang(args)) + "\n")
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    if not re.fullmatch(r"\d{10}", args.zaaknummer):
        raise BadInput(f"a zaaknummer has 10 digits, not {args.zaaknummer!r}")
    return asyncio.run(_run(args, lambda client: _show_async(client, args)))


async def _show_async(client: Any, args: argparse.Namespace) -> int:
    case = await client.case(args.zaaknummer)
    dossier = await client.case_documents(args.zaaknummer)
    if args.format == "json":
        out = {"case": case.model_dump(mode="json"), "dossier": dossier.model_dump(mode="json")}
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    from ind_tui.i18n.format import day, local

    lang = _lang(args)
    print(f"{case.zaaknummer}  {case.employee_name}  {case.type_id}")
    decision = f" ({case.decision.value})" if case.decision else ""
    print(f"status:    {case.status.value}{decision}")
    print(f"received:  {day(case.receipt.receipt_date, lang)}   "
          f"decision due: {day(case.decision_deadline, lang)}")
    if case.decision_deadline != case.receipt.decision_deadline:
        print(f"           (first deadline {day(case.receipt.decision_deadline, lang)}, extended)")
    print("timeline:")
    for event in case.events:
        # Amsterdam time, as everywhere else (the portal sends UTC).
        print(f"  {local(event.at, lang)}  {event.status.value:<22} {event.note or ''}")
    print("extra documents: " + ("possible" if case.can_upload else
                                 f"no longer ({case.upload_refused_reason})"))
    print("dossier:")
    for doc in dossier.documents:
        print(f"  {doc.id:<22} {doc.kind:<8} {doc.size:>8} bytes  {doc.title}")
    return EXIT_OK
