"""The output options every `list` command shares: `--format table|csv|json`, and for CSV
`--csv-dialect language|neutral` (see `ind_tui.i18n.format.CsvStyle`): by default a CSV opens
in columns in a spreadsheet of the chosen language; `neutral` is one format for scripts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ind_tui.cli.session import _lang
from ind_tui.i18n import t

if TYPE_CHECKING:
    from ind_tui.i18n.format import CsvStyle

# As ind_tui.i18n.format.CSV_DIALECTS, named here so `--help` does not load Babel.
DIALECTS = ("language", "neutral")


def add_format(parser: Any) -> None:
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--csv-dialect", choices=DIALECTS, default="language",
                        help=t("cli.help.listing.csv_dialect"))


def csv_style_of(args: argparse.Namespace) -> CsvStyle:
    from ind_tui.i18n.format import csv_style

    return csv_style(args.csv_dialect, _lang(args))
