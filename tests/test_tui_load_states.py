"""Loading, empty, offline, refused (with its code) and failed are five different states on
the list screens, each with its own words; a refresh running over shown rows says so. Driven
by keys against the real sandbox, its faults making the portal slow, busy or unreachable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from textual.pilot import Pilot
from textual.widgets import Static

from ind_tui.i18n import t
from ind_tui.tui.app import PortalApp
from ind_tui.tui.screens.cases.screen import CasesScreen
from ind_tui.tui.screens.employees.screen import EmployeesScreen
from ind_tui.tui.screens.payments.screen import PaymentsScreen
from ind_tui.tui.screens.shell.base import PortalScreen
from ind_tui.tui.widgets.load_state import LoadLine, LoadState
from ind_tui.tui.widgets.table import VirtualTable
from tests.test_tui_filing import fast_app
from tests.tui_helpers import home_settled, login_as, sandbox_app, wait_for

SIZE = (100, 30)


@dataclass(frozen=True)
class Area:
    name: str  # as `action_go` takes it
    screen: type[PortalScreen]
    route: str  # the sandbox route its list comes from
    empty_key: str
    empty_sql: str  # makes the sponsor's list empty in the sandbox


AREAS = [
    Area("employees", EmployeesScreen, "employees.list", "employees.empty",
         "DELETE FROM employees WHERE sponsor_kvk = '12345678'"),
    Area("payments", PaymentsScreen, "payments.list", "payments.none",
         "DELETE FROM seeded_payments WHERE sponsor_kvk = '12345678'"),
    Area("cases", CasesScreen, "cases.list", "cases.none",
         "UPDATE cases SET listed_from = '2999-01-01T00:00:00+00:00' "
         "WHERE sponsor_kvk = '12345678'"),
]
IDS = [a.name for a in AREAS]


def _line(app: PortalApp) -> LoadLine:
    return app.screen.query_one(LoadLine)


def _said(app: PortalApp) -> str:
    """The load line as shown ("" while hidden) and what the table says when it is empty."""
    line = _line(app)
    table = app.screen.query_one(VirtualTable)
    shown = str(line.render()) if line.display else ""
    return shown + " | " + (table.empty_text if table.row_count == 0 else "")


async def _home(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    await login_as(pilot, "sponsor-eh3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    await home_settled(pilot)


async def _open(pilot: Pilot[Any], area: Area) -> PortalScreen:
    pilot.app.action_go(area.name)  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, area.screen))
    screen = pilot.app.screen
    assert isinstance(screen, PortalScreen)
    return screen


def _settled(app: PortalApp, *states: LoadState) -> bool:
    line = _line(app)
    return not line.busy and line.state in states


def _updating(app: PortalApp) -> bool:
    """A refresh is shown as running: the load line says so, or (cases) the sync bar."""
    line = _line(app)
    if isinstance(app.screen, CasesScreen):
        bar = app.screen.query_one("#cases-syncbar")
        return line.busy and bar.display and t("cases.syncing") in str(
            app.screen.query_one("#cases-sync-label", Static).render())
    return line.busy and line.display and t("load.busy") in str(line.render())


def _app(sandbox: FastAPI) -> PortalApp:
    return fast_app(sandbox)


@pytest.mark.parametrize("area", AREAS, ids=IDS)
async def test_loading_then_empty(tmp_path: Path, area: Area) -> None:
    sandbox = sandbox_app(tmp_path)
    app = _app(sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        # Nothing there, and slow enough to be seen loading (a condition ends the wait).
        with sandbox.state.sandbox.db.write() as conn:
            conn.execute(area.empty_sql)
        await app.context.conn.sandbox_admin().fault(area.route, "latency", latency_ms=4000,
                                                      count=1)
        await _open(pilot, area)
        await wait_for(pilot, lambda: _line(app).state is LoadState.LOADING and _line(app).busy)
        assert t(area.empty_key) not in _said(app)
        # The portal's empty answer, in its own words: not a failure, not "loading".
        await wait_for(pilot, lambda: _settled(app, LoadState.EMPTY))
        said = _said(app)
        assert t(area.empty_key) in said and "OFFLINE" not in said


@pytest.mark.parametrize("area", AREAS, ids=IDS)
async def test_refused_offline_and_failed_are_told_apart(tmp_path: Path, area: Area) -> None:
    app = _app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        admin = app.context.conn.sandbox_admin()
        # Busy (503): the portal answered, so not "offline"; its code and guidance show.
        await admin.fault(area.route, "unavailable")
        await _open(pilot, area)
        await wait_for(pilot, lambda: _settled(app, LoadState.REFUSED))
        said = _said(app)
        assert "503 service_unavailable" in said and "OFFLINE" not in said
        assert t("guidance.service_unavailable.do") in said and t("load.again") in said
        assert t(area.empty_key) not in said
        # No answer at all (the connection drops every time): offline.
        await admin.clear_faults()
        await admin.fault(area.route, "commit_then_drop")
        await pilot.press("r")
        await wait_for(pilot, lambda: _settled(app, LoadState.OFFLINE))
        said = _said(app)
        assert t("load.offline") in said and t(area.empty_key) not in said
        await admin.clear_faults()
        # The session lapsed and the user left the new login: failed, with its reason.
        from ind_tui.tui.screens.shell.login import LoginScreen

        await admin.advance(days=91)
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, area.screen)
                       and _settled(app, LoadState.FAILED))
        said = _said(app)
        assert t("load.failed", reason=t("load.no_reason")) in said
        assert t(area.empty_key) not in said and "OFFLINE" not in said


async def test_a_server_error_on_payments_does_not_stay_loading(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen

    app = _app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        await app.context.conn.sandbox_admin().fault("payments.list", "server_error")
        pilot.app.action_go("payments")  # type: ignore[attr-defined]
        await wait_for(pilot, lambda: isinstance(app.screen, GuidanceScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, PaymentsScreen)
                       and _settled(app, LoadState.REFUSED))
        said = _said(app)
        assert "500 internal_error" in said and t("payments.loading") not in said


@pytest.mark.parametrize("area", AREAS, ids=IDS)
async def test_a_slow_refresh_shows_it_is_updating(tmp_path: Path, area: Area) -> None:
    app = _app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        await _open(pilot, area)
        await wait_for(pilot, lambda: _settled(app, LoadState.SHOWN))
        await app.context.conn.sandbox_admin().fault(area.route, "latency", latency_ms=8000,
                                                      count=1)
        await pilot.press("r")
        line = _line(app)
        await wait_for(pilot, lambda: _updating(app))
        assert app.screen.query_one(VirtualTable).row_count > 0  # the old rows stay
        await wait_for(pilot, lambda: _settled(app, LoadState.SHOWN) and not line.display)
        assert not any("OFFLINE" in str(w.render()) for w in app.screen.query(Static))
