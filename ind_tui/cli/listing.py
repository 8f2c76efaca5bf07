"""The output options every `list` command shares: `--format table|csv|json`, for CSV
`--csv-dialect language|neutral` (see `ind_tui.i18n.format.CsvStyle`): by default a CSV opens
in columns in a spreadsheet of the chosen language; `neutral` is one format for scripts. And
`--output FILE`: the list written to a file whole or not at all (`with_output`)."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ind_tui.cli import EXIT_FAILED, EXIT_OK
from ind_tui.cli.session import _err, _lang
from ind_tui.i18n import t

if TYPE_CHECKING:
    from ind_tui.i18n.format import CsvStyle

# As ind_tui.i18n.format.CSV_DIALECTS, named here so `--help` does not load Babel.
DIALECTS = ("language", "neutral")


def add_format(parser: Any) -> None:
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--csv-dialect", choices=DIALECTS, default="language",
                        help=t("cli.help.listing.csv_dialect"))
    parser.add_argument("--output", "-o", metavar="FILE", type=Path,
                        help=t("cli.help.listing.output"))


Handler = Callable[[argparse.Namespace], int]


class _Unfinished(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def with_output(handler: Handler) -> Handler:
    """`handler` with its standard output going to `--output FILE` when given: into a
    temporary file that takes FILE's name only when the command succeeds (the one atomic
    write, `base.atomic`); on a failure it is removed and the user told."""

    def run(args: argparse.Namespace) -> int:
        path: Path | None = getattr(args, "output", None)
        if path is None:
            return handler(args)
        from ind_tui.base.atomic import atomic_text_writer
        from ind_tui.i18n import text

        target = path.expanduser()
        try:
            with atomic_text_writer(target) as out, contextlib.redirect_stdout(out):
                code = handler(args)
                if code != EXIT_OK:
                    raise _Unfinished(code)  # leaves the writer: the temporary file goes
        except _Unfinished as unfinished:
            if unfinished.code == EXIT_FAILED:
                _err(text("cli.output.not_written", _lang(args), path=str(target)))
            return unfinished.code
        return code

    return run


def csv_style_of(args: argparse.Namespace) -> CsvStyle:
    from ind_tui.i18n.format import csv_style

    return csv_style(args.csv_dialect, _lang(args))
