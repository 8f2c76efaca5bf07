"""`ind-tui employees list | duties | import`: the sponsor's employees for scripts.

list    every employee (table, CSV or JSON on stdout)
duties  deregistrations due and permits in their extension window
import  register the employees of a CSV file: a preview of every row first; `--dry-run`
        stops there. Rows go with idempotency keys, so running the same file again after a
        failure registers nobody twice. Rows to fix are written to a failures CSV.

Exit codes: 0 all went well, 1 some rows failed or have errors (or the portal refused),
2 the file cannot be read or its columns are not understood.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from ind_tui.base.atomic import atomic_write_bytes
from ind_tui.base.safetext import CsvDictWriter
from ind_tui.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, BadInput
from ind_tui.cli.listing import add_format, csv_style_of, with_output
from ind_tui.cli.session import _err, _fail, _lang, _passphrase, _profile
from ind_tui.i18n import t, text


def register(sub: Any) -> None:
    parser = sub.add_parser("employees", help=t("cli.help.employees.employees"))
    cmds = parser.add_subparsers(dest="employees_command", metavar="ACTION", required=True)
    listing = cmds.add_parser("list", help=t("cli.help.employees.list"))
    listing.add_argument("--status", choices=("registered", "deregistered"))
    add_format(listing)
    listing.set_defaults(handler=with_output(_list))
    duties = cmds.add_parser("duties", help=t("cli.help.employees.duties"))
    duties.add_argument("--format", choices=("table", "json"), default="table")
    duties.set_defaults(handler=_duties)
    imp = cmds.add_parser("import", help=t("cli.help.employees.import"))
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.add_argument("--dry-run", action="store_true",
                     help=t("cli.help.employees.dry_run"))
    imp.add_argument("--failures", type=Path, metavar="PATH",
                     help=t("cli.help.employees.failures"))
    imp.set_defaults(handler=_import)


def _t(key: str, **values: object) -> str:
    from ind_tui.i18n import t

    return t(key, **values)


def _run_sync(args: argparse.Namespace, body: Any) -> int:
    try:
        return asyncio.run(_run(args, body))
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


async def _run(args: argparse.Namespace, body: Any) -> int:
    from ind_tui.api.errors import PortalError
    from ind_tui.cli.launch import connect_profile as connect
    from ind_tui.i18n import set_language

    lang = _lang(args)
    set_language(lang)
    try:
        async with connect(_profile(args), passphrase=_passphrase) as conn:
            result: int = await body(conn.client, lang)
            return result
    except PortalError as exc:
        return _fail(exc, lang)


# --- list and duties ----------------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    return _run_sync(args, lambda client, lang: _list_async(client, args))


async def _list_async(client: Any, args: argparse.Namespace) -> int:
    from ind_tui.api.employees import EmployeeStatus
    from ind_tui.domain.employee_csv import EXPORT_COLUMNS

    status = EmployeeStatus(args.status) if args.status else None
    count = 0
    if args.format == "csv":
        style = csv_style_of(args)
        writer = CsvDictWriter(sys.stdout, fieldnames=EXPORT_COLUMNS, delimiter=style.delimiter)
        writer.writeheader(style.header(EXPORT_COLUMNS))
    elif args.format == "json":
        sys.stdout.write("[")
    rows: list[Any] = []
    async for page in client.iter_employees(status=status):
        for e in page.items:
            if args.format == "csv":
                writer.writerow(e.model_dump(mode="json"))
            elif args.format == "json":
                sys.stdout.write(("," if count else "") + "\n  " + e.model_dump_json())
            else:
                rows.append(e)
            count += 1
    if args.format == "json":
        sys.stdout.write("\n]\n" if count else "]\n")
    if args.format == "table":
        from ind_tui.i18n.format import day

        _table(tuple((_t(f"employees.col.{c}"), width) for c, width in (
            ("name", 0), ("v_number", 10), ("born", 10), ("nationality", 3), ("purpose", 0),
            ("start", 10), ("permit", 10), ("status", 0))),
               [(e.name, e.v_number, day(e.date_of_birth), e.nationality,
                 _t(f"purpose.{e.purpose.value}"), day(e.start_date),
                 day(e.permit_end) if e.permit_end else "",
                 _t(f"employees.status.{e.status.value}")) for e in rows])
        sys.stderr.write(_plural("cli.employees.count", count) + "\n")
    return EXIT_OK


def _plural(key: str, n: int) -> str:
    from ind_tui.i18n.format import plural

    return plural(key, n)


def _table(titles: tuple[tuple[str, int], ...], rows: list[tuple[str, ...]]) -> None:
    """`titles`: each column's heading and the width it keeps (a date or a V-number cut
    short says nothing); the last column wraps on a narrow terminal."""
    from rich.table import Table

    from ind_tui.cli.output import cell, console

    table = Table(box=None, pad_edge=False)
    for n, (title, width) in enumerate(titles):
        table.add_column(title, no_wrap=n < len(titles) - 1, min_width=width or None)
    for row in rows:
        table.add_row(*map(cell, row))
    console().print(table)


def _duties(args: argparse.Namespace) -> int:
    return _run_sync(args, lambda client, lang: _duties_async(client, args))


async def _duties_async(client: Any, args: argparse.Namespace) -> int:
    from ind_tui.services.duties import load_employee_duties

    await client.me()  # learns the portal's clock
    duties = await load_employee_duties(client)
    if args.format == "json":
        out = [{"kind": d.kind, "due": d.due.isoformat(), "employee_id": d.employee_id,
                "employee_name": d.employee_name, "late": d.late, "detail": d.detail}
               for d in duties]
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    from ind_tui.i18n.format import day
    from ind_tui.services.due import from_duties
    from ind_tui.tui.screens.inbox.text import days_left, due_detail, due_what

    # As the due screen reads them (in the language `_run` set).
    today = client.clock.today()
    _table(tuple((_t(f"due.col.{c}"), width) for c, width in (
        ("date", 10), ("left", 0), ("what", 0), ("who", 0), ("detail", 0))),
           [(day(item.due), days_left(item.due, today), due_what(item),
             item.employee_name or "", due_detail(item)) for item in from_duties(duties)])
    sys.stderr.write(_plural("cli.employees.duties", len(duties)) + "\n")
    return EXIT_OK


# --- import -------------------------------------------------------------------------------


def _import(args: argparse.Namespace) -> int:
    from ind_tui.domain.employee_csv import read_csv

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise BadInput(text("cli.refuse.unreadable", _lang(args), path=str(args.file),
                            reason=exc.strerror or exc)) from exc
    csv_file = read_csv(data)
    return _run_sync(args, lambda client, lang: _import_async(client, args, csv_file, lang))


async def _import_async(client: Any, args: argparse.Namespace, csv_file: Any, lang: str) -> int:
    from ind_tui.domain.employee_csv import RowState, preview
    from ind_tui.services.employee_import import Outcome, describe, failures_csv, send

    me = await client.me()
    today = client.clock.today()
    registered = await client.employees()
    result = preview(csv_file, today, registered=registered,
                     recognised={r.purpose for r in me.recognitions})
    delimiter = {"\t": "tab"}.get(csv_file.delimiter, csv_file.delimiter)
    print(f"{args.file}: " + _t("employees.import.file", encoding=csv_file.encoding,
                                delimiter=delimiter, rows=len(result.rows)))
    for problem in result.problems:
        print("  " + describe(problem.as_row_error(), lang))
    for row in result.rows:
        if row.state is RowState.ERROR:
            said = "; ".join(describe(e, lang) for e in row.errors)
            print(f"  {_t('employees.import.col.line')} {row.line}: {said}")
    print(_t("employees.import.summary", ready=result.count(RowState.READY),
             already=result.count(RowState.ALREADY), duplicate=result.count(RowState.DUPLICATE),
             errors=result.count(RowState.ERROR)))
    if not result.sendable:
        _err("ind-tui: " + _t("employees.import.blocked") + " "
             + "; ".join(describe(p.as_row_error(), lang) for p in result.problems))
        return EXIT_BAD_INPUT
    has_errors = result.count(RowState.ERROR) > 0
    if args.dry_run:
        if args.failures is not None:
            _write_failures(args.failures, failures_csv(result, None, lang))
        return EXIT_FAILED if has_errors else EXIT_OK
    summary = await send(client, result)
    print(_t("employees.import.result", registered=summary.count(Outcome.REGISTERED),
             already=summary.count(Outcome.ALREADY) + result.count(RowState.ALREADY),
             failed=summary.count(Outcome.FAILED), not_sent=summary.count(Outcome.NOT_SENT)))
    for line, outcome in sorted(summary.results.items()):
        if outcome.error is not None and outcome.outcome is not Outcome.ALREADY:
            print(f"  {_t('employees.import.col.line')} {line}: {describe(outcome.error, lang)}")
    if summary.stopped is not None:
        _err("ind-tui: " + _t("employees.import.stopped", reason=describe(summary.stopped, lang)))
    failed = summary.count(Outcome.FAILED) + summary.count(Outcome.NOT_SENT)
    if has_errors or failed:
        target = args.failures or args.file.with_name(f"{args.file.stem}-failures.csv")
        _write_failures(target, failures_csv(result, summary, lang))
        return EXIT_FAILED
    return EXIT_OK


def _write_failures(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        _err("ind-tui: " + _t("cli.refuse.unwritable", path=str(path),
                              reason=exc.strerror or exc))
        return
    print(_t("employees.import.failures", path=path))
