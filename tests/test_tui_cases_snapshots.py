"""How the running-cases list and a case look, in Dutch and English, at 80x24.

Update after an intended change with
`pytest tests/test_tui_cases_snapshots.py --snapshot-update` and look at the report first.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui_helpers import login_as, make_app, sandbox_app, settle, wait_for

SIZE = (80, 24)
LANGS = ["nl", "en"]


async def cases_list(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.cases.screen import CasesScreen
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = pilot.app
    await login_as(pilot, "sponsor-eh3")
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                   and "06:00" in str(app.screen.query_one("#refreshed").render())
                   and not any(w.group == "home" and not w.is_finished for w in app.workers))
    await pilot.press("3")
    await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen) and app.screen.full
                   and app.screen.last_report is not None and not app.screen.syncing)
    await settle(pilot)


async def case_detail(pilot: Pilot[Any]) -> None:
    from ind_tui.domain.cases import ZAAK_COLUMN
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen

    await cases_list(pilot)
    table = pilot.app.screen.table
    model = table.model
    zaak = min(model.rows[i].zaaknummer for i in model.view
               if model.rows[i].status.status == "info_requested")  # its deadline moved
    table.jump_to_value(ZAAK_COLUMN, zaak)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CaseDetailScreen)
                   and pilot.app.screen.dossier is not None)
    await settle(pilot)


SCREENS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "cases_list": cases_list, "case_detail": case_detail,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Any, tmp_path: Path, screen: str, lang: str) -> None:
    app = make_app(sandbox_app(tmp_path), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=SCREENS[screen])
