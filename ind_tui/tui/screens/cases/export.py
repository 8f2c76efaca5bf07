"""`e` on the cases list: the rows in view, as filtered and sorted, to a CSV or JSON file. The
writer is the one `ind-tui cases list --format csv|json` uses, so both give the same columns."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Any, cast

from textual.screen import Screen

from ind_tui.domain.cases import CaseRow, ExportFormat, format_for
from ind_tui.i18n import t
from ind_tui.i18n.format import csv_style, number
from ind_tui.local.exports import export_cases
from ind_tui.tui.screens.cases.data import describe_error
from ind_tui.tui.screens.cases.dialogs import path_prompt
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.pathinput import expand
from ind_tui.tui.widgets.table_model import TableModel


def default_export_path(today: date) -> Path:
    return Path.cwd() / f"ind-cases-{today.isoformat()}.csv"


def check_export_path(path: Path) -> str | None:
    if format_for(path) is None:
        return t("cases.export.bad_format", path=str(path))
    if not path.parent.is_dir():
        return t("cases.export.no_folder", path=str(path.parent))
    return None


def ask_export(screen: Screen[Any], model: TableModel) -> None:
    """Ask for the file (and before replacing one), then write it in a thread."""
    # The view as it is at the key press; the cases table holds CaseRows only.
    rows = cast("list[CaseRow]", [model.rows[i] for i in model.view])
    prompt = path_prompt(t("cases.export.title", count=number(len(rows))), t("cases.export.hint"),
                        str(default_export_path(date.today())), check_export_path)

    def chosen(typed: str | None) -> None:
        if typed is None:
            return
        path = expand(typed)
        fmt = format_for(path)
        assert fmt is not None  # the prompt checked it

        def confirmed(yes: bool | None) -> None:
            if yes:
                screen.run_worker(write(screen, path, rows, fmt), group="cases-export")

        if path.exists():
            screen.app.push_screen(ConfirmDialog(t("cases.overwrite", path=str(path)),
                                                 danger=True), confirmed)
        else:
            confirmed(True)

    screen.app.push_screen(prompt, chosen)


async def write(screen: Screen[Any], path: Path, rows: list[CaseRow], fmt: ExportFormat) -> None:
    try:
        count = await asyncio.to_thread(export_cases, path, rows, fmt, csv_style())
    except OSError as exc:
        screen.notify(t("cases.export.failed", path=str(path), reason=describe_error(exc)),
                      severity="error", timeout=10)
        return
    screen.notify(t("cases.export.done", count=number(count), path=str(path)))
