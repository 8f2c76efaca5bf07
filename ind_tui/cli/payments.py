"""`ind-tui payments list`: fees paid and refunds, for scripts and bookkeeping.

`--format csv` writes the same CSV as the TUI's export (one line per payment, its refund on
the same line)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from ind_tui.cli import EXIT_OK, BadInput
from ind_tui.cli.listing import add_format, csv_style_of, with_output
from ind_tui.cli.session import _lang
from ind_tui.i18n import t, text
from ind_tui.i18n.format import day, money, plural


def register(sub: Any) -> None:
    parser = sub.add_parser("payments", help=t("cli.help.payments.payments"))
    cmds = parser.add_subparsers(dest="payments_command", metavar="ACTION", required=True)
    listing = cmds.add_parser("list", help=t("cli.help.payments.list"))
    listing.add_argument("--case", dest="zaaknummer", help=t("cli.help.payments.case"))
    listing.add_argument("--year", type=int, help=t("cli.help.payments.year"))
    listing.add_argument("--status", choices=("pending", "paid", "refunded"))
    add_format(listing)
    listing.set_defaults(handler=with_output(_list))


def _list(args: argparse.Namespace) -> int:
    from ind_tui.cli.cases import _run, _zaaknummer

    if args.zaaknummer is not None:
        _zaaknummer(args.zaaknummer)
    if args.year is not None and not 2000 <= args.year <= 2100:
        raise BadInput(text("cli.refuse.year", _lang(args), year=args.year))

    return asyncio.run(_run(args, lambda client: _list_async(client, args)))


async def _list_async(client: Any, args: argparse.Namespace) -> int:
    from ind_tui.api.payments import PaymentStatus
    from ind_tui.client.payments import write_payments_csv

    status = PaymentStatus(args.status) if args.status else None
    listed = await client.payments(zaaknummer=args.zaaknummer, year=args.year, status=status)
    if args.format == "json":
        json.dump(listed.model_dump(mode="json"), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_OK
    if args.format == "csv":
        write_payments_csv(listed.items, sys.stdout, csv_style_of(args))
        return EXIT_OK
    from rich.table import Table

    from ind_tui.cli.output import cell, console
    from ind_tui.cli.words import named, type_name

    lang = _lang(args)

    table = Table(box=None, pad_edge=False)
    for column, justify in (("payments.col.paid", "left"), ("payments.col.reference", "left"),
                            ("payments.col.case", "left"), ("payments.col.employee", "left"),
                            ("cases.col.type", "left"), ("payments.col.amount", "right"),
                            ("csv.method", "left"), ("payments.col.status", "left"),
                            ("payments.col.refund", "left")):  # fmt: skip
        table.add_column(text(column, lang), no_wrap=True,
                         justify=justify)  # type: ignore[arg-type]
    for p in listed.items:
        refund = ""
        if p.refund is not None:
            refund = text("payments.refund_made", lang, day=day(p.refund.refunded_at, lang),
                          reason=named("payments.reason", p.refund.reason.value, lang))
        elif p.refund_due is not None:
            refund = text("payments.refund_due", lang, day=day(p.refund_due, lang))
        table.add_row(*map(cell, (day(p.paid_at, lang), p.reference, p.zaaknummer or "—",
                                  p.employee_name, type_name(p.type_id, lang),
                                  money(p.amount_eur, lang),
                                  named("payments.method", p.method.value, lang),
                                  named("payments.status", p.status.value, lang), refund)))
    console(wide_pipe=True).print(table)
    totals = listed.totals
    print(plural("cli.payments.totals", totals.count, lang,
                 charged=money(totals.charged_eur, lang), pending=money(totals.pending_eur, lang),
                 refunded=money(totals.refunded_eur, lang), net=money(totals.net_eur, lang)))
    return EXIT_OK
