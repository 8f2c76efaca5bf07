"""The lists a clerk scans at 80x24, in Dutch and English: due soon, the inbox, the
appointments and the payments keep what is looked for whole (names, the kind of duty, dates,
places), and what gives way is what the detail or another column already says."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from ind_tui.tui.widgets.table import VirtualTable
from tests import test_tui_appointments_snapshots as appointments
from tests import test_tui_inbox_snapshots as inbox
from tests.tui_helpers import make_app, sandbox_app

Scene = Callable[[Pilot[Any]], Awaitable[None]]
# Per list: the scene, the table, and the columns (by key) that must never be cut.
LISTS: dict[str, tuple[Scene, str, tuple[str, ...]]] = {
    "due": (inbox.due, "#due-table", ("date", "what", "who", "case")),
    "inbox": (inbox.inbox, "#inbox-table", ("date", "kind", "case", "employee")),
    "appointments": (appointments.appointments, "#appointments-table",
                     ("when", "zaak", "employee", "place", "status")),
    "payments": (appointments.payments, "#payments-table",
                 ("paid", "case", "employee", "amount", "status")),
}


def _shown(table: VirtualTable) -> list[str]:
    return [table.render_line(y).text for y in range(1, min(table.row_count, 12) + 1)]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", list(LISTS))
async def test_what_is_scanned_for_stays_whole_at_80_columns(
        tmp_path: Path, name: str, lang: str) -> None:
    scene, selector, whole = LISTS[name]
    app = make_app(sandbox_app(tmp_path), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await scene(pilot)
        table = app.screen.query_one(selector, VirtualTable)
        keys = [c.key for c in table.model.columns]
        lines = _shown(table)
        assert lines and table.row_count > 3
        for y, line in enumerate(lines):
            row = table.model.row_at(y)
            for key in whole:
                column = table.model.columns[keys.index(key)]
                cell = column.text(row[keys.index(key)])
                assert cell in line, (key, cell, line)
            assert len(line.rstrip()) <= 80
