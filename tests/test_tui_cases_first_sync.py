"""What the cases list says while a first sync fills it: true figures, never "200 of 0"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ind_tui.i18n import text
from ind_tui.i18n.format import number
from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.tui.screens.cases.data import FIRST_SCREEN
from ind_tui.tui.screens.cases.screen import CasesScreen
from tests.conftest import ADMIN_TOKEN
from tests.test_tui_filing import fast_app
from tests.tui_helpers import home_settled, login_as, wait_for


def _count_line(app: Any) -> str:
    return str(app.screen.query_one("#cases-facets").render())


async def test_the_count_line_during_a_first_sync_says_how_many_are_in(tmp_path: Path) -> None:
    # Three pages for the sponsor, each slow: the first page is on screen while the rest come.
    sandbox = create_app(SandboxConfig(db_path=tmp_path / "sandbox.db", extra_cases=2500,
                                       admin_token=ADMIN_TOKEN, device_interval=1, code_seed=7))
    app = fast_app(sandbox, lang="nl")
    async with app.run_test(size=(100, 30)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await home_settled(pilot)
        admin = app.context.conn.sandbox_admin()
        await admin.fault("cases.list", "latency", latency_ms=1500)
        app.action_go("cases")
        # Nothing here yet, the first page on its way: no "0 of 0 cases".
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen)
                       and text("cases.count_fetching", "nl") in _count_line(app))
        assert "van 0" not in _count_line(app)
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen)
                       and app.screen.partial and "geladen" in _count_line(app))
        screen = app.screen
        assert isinstance(screen, CasesScreen)
        loading = _count_line(app)
        listed = screen._sync_count[1]
        assert listed is not None and listed > FIRST_SCREEN
        assert text("cases.count_loading", "nl", shown=number(FIRST_SCREEN, "nl"),
                    total=number(listed, "nl")) in loading
        assert "van 0" not in loading
        assert "Alle 0" not in loading  # no figures for the views until the whole list is in
        await admin.clear_faults()
        # Then the whole list, with the usual count.
        await wait_for(pilot, lambda: not screen.syncing and not screen.partial)
        done = _count_line(app)
        assert text("cases.count", "nl", shown=number(listed, "nl"),
                    total=number(listed, "nl")) in done.replace("\n", " ")
        assert "geladen" not in done
