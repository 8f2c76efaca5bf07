"""`ind-tui appointments list | locations | book`: desk appointments for scripts.

`book` finds the first free slot for a case's foreign national across the given locations
and books it; if someone takes that slot first, it books the next free one (up to 3 tries).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import date
from typing import Any

from ind_tui.base.safetext import CsvDictWriter
from ind_tui.cli import EXIT_FAILED, EXIT_OK, BadInput, day_arg
from ind_tui.cli.cases import _zaaknummer
from ind_tui.cli.listing import add_format, csv_style_of, with_output
from ind_tui.cli.session import _err, _lang
from ind_tui.i18n import t, text
from ind_tui.i18n.format import day, local, plural

COLUMNS = ("id", "starts_at", "location_id", "location_name", "purpose", "zaaknummer",
           "employee_name", "status")
PURPOSES = ("biometrics", "collect_document", "endorsement_sticker")
TRIES = 3


def register(sub: Any) -> None:
    parser = sub.add_parser("appointments", help=t("cli.help.appointments.appointments"))
    cmds = parser.add_subparsers(dest="appointments_command", metavar="ACTION", required=True)
    listing = cmds.add_parser("list", help=t("cli.help.appointments.list"))
    listing.add_argument("--case", dest="zaaknummer", help=t("cli.help.appointments.case"))
    listing.add_argument("--status", choices=("booked", "cancelled", "past"))
    add_format(listing)
    listing.set_defaults(handler=with_output(_list))
    places = cmds.add_parser("locations", help=t("cli.help.appointments.locations"))
    places.add_argument("--format", choices=("table", "json"), default="table")
    places.set_defaults(handler=_locations)
    book = cmds.add_parser("book", help=t("cli.help.appointments.book"))
    book.add_argument("--case", dest="zaaknummer", required=True,
                      help=t("cli.help.appointments.case2"))
    book.add_argument("--purpose", required=True, choices=PURPOSES)
    book.add_argument("--location", "--locations", dest="locations", action="append",
                      required=True, metavar="ID[,ID...]",
                      help=t("cli.help.appointments.location"))
    book.add_argument("--from", dest="start", metavar=t("cli.help.day"), type=day_arg,
                      help=t("cli.help.appointments.from"))
    book.add_argument("--format", choices=("text", "json"), default="text")
    book.set_defaults(handler=_book)


async def _run(args: argparse.Namespace, body: Any) -> int:
    from ind_tui.cli.cases import _run as run_cases

    result: int = await run_cases(args, body)
    return result


# --- list and locations -----------------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    if args.zaaknummer is not None:
        _zaaknummer(args.zaaknummer)
    return asyncio.run(_run(args, lambda client: _list_async(client, args)))


async def _list_async(client: Any, args: argparse.Namespace) -> int:
    from ind_tui.api.appointments import AppointmentStatus

    status = AppointmentStatus(args.status) if args.status else None
    found = await client.appointments(zaaknummer=args.zaaknummer, status=status)
    rows = [a.model_dump(mode="json") for a in found]
    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif args.format == "csv":
        style = csv_style_of(args)
        writer = CsvDictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n",
                               delimiter=style.delimiter)
        writer.writeheader(style.header(COLUMNS))
        writer.writerows(r | {"starts_at": style.moment(r["starts_at"])} for r in rows)
    else:
        from rich.table import Table

        from ind_tui.cli.output import cell, console
        from ind_tui.cli.words import named

        lang = _lang(args)
        table = Table(box=None, pad_edge=False)
        for column in ("when", "zaak", "employee", "purpose", "status", "place"):
            table.add_column(text(f"appointments.col.{column}", lang), no_wrap=True)
        for a in found:
            table.add_row(*map(cell, (
                local(a.starts_at, lang), a.zaaknummer, a.employee_name,
                named("appointments.purpose_short", a.purpose.value, lang),
                named("appointments.status", a.status.value, lang), _place(a, lang))))
        console(wide_pipe=True).print(table)
        sys.stderr.write(plural("cli.appointments.count", len(rows), lang) + "\n")
    return EXIT_OK


def _locations(args: argparse.Namespace) -> int:
    return asyncio.run(_run(args, lambda client: _locations_async(client, args)))


async def _locations_async(client: Any, args: argparse.Namespace) -> int:
    places = await client.locations()
    if args.format == "json":
        json.dump([p.model_dump(mode="json") for p in places], sys.stdout, indent=2,
                  ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    lang = _lang(args)
    for p in places:
        name = p.name_nl if lang == "nl" else p.name_en
        only = text("cli.appointments.only_types", lang)
        print(f"{p.id:<28} {name}{only if p.only_types is not None else ''}")
    return EXIT_OK


# --- book -------------------------------------------------------------------------------------


def _book(args: argparse.Namespace) -> int:
    _zaaknummer(args.zaaknummer)
    locations = [x.strip() for part in args.locations for x in part.split(",") if x.strip()]
    if not locations:
        raise BadInput(text("cli.refuse.no_location", _lang(args)))
    start: date | None = args.start
    return asyncio.run(_run(args, lambda client: _book_async(client, args, locations, start)))


async def _book_async(client: Any, args: argparse.Namespace, locations: list[str],
                      start: date | None) -> int:
    from ind_tui.api.appointments import Slot, VisitPurpose
    from ind_tui.api.errors import ConflictError
    from ind_tui.api.wire import ErrorCode
    from ind_tui.client.retry import new_idempotency_key

    lang = _lang(args)
    known = {p.id for p in await client.locations()}
    unknown = [x for x in locations if x not in known]
    if unknown:
        raise BadInput(text("cli.refuse.location", lang, value=", ".join(unknown),
                            names=", ".join(sorted(known))))
    found = await client.first_free(VisitPurpose(args.purpose), locations,
                                    zaaknummer=args.zaaknummer, start=start)
    if not found.slots:
        _err(text("cli.appointments.nothing_free", lang,
                  until=day(found.searched_until, lang)))
        return EXIT_FAILED
    slot: Slot = found.slots[0]
    for attempt in range(TRIES):
        try:
            booked = await client.book(args.zaaknummer, slot.id, new_idempotency_key())
            break
        except ConflictError as exc:
            nxt = exc.details.get("next_free") if exc.code == ErrorCode.SLOT_TAKEN else None
            if nxt is None or attempt == TRIES - 1:
                raise
            slot = Slot.model_validate(nxt)
    if args.format == "json":
        print(json.dumps(booked.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return EXIT_OK
    print(text("cli.appointments.booked", lang, when=local(booked.starts_at, lang),
               where=_place(booked, lang)))
    purpose = text(f"appointments.purpose.{booked.purpose.value}", lang)
    print(f"  {purpose}  {booked.employee_name} ({booked.zaaknummer})  {booked.id}")
    return EXIT_OK


def _place(appointment: Any, lang: str) -> str:
    return (appointment.location_name_nl if lang == "nl" else "") or appointment.location_name
