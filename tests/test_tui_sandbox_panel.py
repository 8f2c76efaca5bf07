"""The sandbox panel (ctrl+t): move the clock, add and clear faults, switch test identity, each
saying what changed; not offered against a portal without the admin token. Driven by keys
against the real sandbox, in-process."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.pilot import Pilot

from bench.tui import make_tui
from ind_tui.services.connect import ENV_ADMIN_TOKEN
from ind_tui.tui.app import PortalApp
from tests.tui_helpers import (
    WAIT_SECONDS,
    home_settled,
    login_as,
    make_app,
    sandbox_app,
    settle,
    wait_for,
)

SIZE = (80, 24)


def _text(app: PortalApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def choice_ready(app: PortalApp) -> bool:
    """A choice is on screen with its list focused: keys typed earlier would go elsewhere."""
    from ind_tui.tui.screens.sandbox.choice import ChoiceDialog
    from ind_tui.tui.widgets.lists import VimOptionList

    return (isinstance(app.screen, ChoiceDialog)
            and app.screen.query_one(VimOptionList).has_focus)


async def open_panel(pilot: Pilot[Any], identity: str = "sponsor-eh3") -> None:
    from ind_tui.tui.screens.sandbox.panel import SandboxPanel

    app = pilot.app
    await login_as(pilot, identity)
    await home_settled(pilot)
    await pilot.press("ctrl+t")
    await wait_for(pilot, lambda: isinstance(app.screen, SandboxPanel)
                   and app.screen.faults is not None and app.screen.running is not None)


async def test_panel_moves_the_clock_and_home_follows(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        before = app.context.now()
        assert "the clock is frozen" in _text(app, "#sandbox-clock")

        await pilot.press("a", *"40d", "enter")
        await wait_for(pilot, lambda: "→" in _text(app, "#sandbox-changed"))
        said = _text(app, "#sandbox-changed")
        assert "02-11-2026 09:00 → 12-12-2026 09:00 (+40d)" in said, said
        assert app.context.now() - before > timedelta(days=39, hours=23)
        assert "12-12-2026" in _text(app, "#sandbox-clock")
        # The screen under the panel fetched its lines again: the new portal time.
        home = app.screen_stack[-2]
        assert isinstance(home, HomeScreen)
        await wait_for(pilot, lambda: "12-12-2026 09:00" in str(
            home.query_one("#refreshed").render()))

        # A bad span is refused in the dialog, with what to write.
        await pilot.press("t", *["backspace"] * 20, *"31-12-2026 23:59", "enter")
        await wait_for(pilot, lambda: "31-12-2026 23:59" in _text(app, "#sandbox-changed"))
        assert "12-12-2026 09:00 → 31-12-2026 23:59" in _text(app, "#sandbox-changed")

        await pilot.press("f")  # frozen → runs
        await wait_for(pilot, lambda: "the clock runs" in _text(app, "#sandbox-clock"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_a_bad_span_is_refused_where_it_was_typed(tmp_path: Path) -> None:
    from ind_tui.tui.widgets.prompt import PromptDialog

    app = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        before = app.context.now()
        await pilot.press("a", *"40x", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptDialog)
                       and "geen tijdsduur" in _text(app, "#prompt-error"))
        assert app.context.now() - before < timedelta(days=1)


async def test_panel_adds_a_fault_the_cases_list_meets_then_clears_it(tmp_path: Path) -> None:
    from ind_tui.tui.screens.cases.screen import CasesScreen
    from ind_tui.tui.screens.sandbox.panel import SandboxPanel
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: choice_ready(app))
        await pilot.press("slash", *"cases.list", "enter", "enter")
        await wait_for(pilot, lambda: choice_ready(app)
                       and "cases.list" in app.screen.title_text)  # type: ignore[attr-defined]
        await pilot.press("slash", *"unavail", "enter", "enter")
        await pilot.press("enter")  # no count, no delay: every time
        await wait_for(pilot, lambda: isinstance(app.screen, SandboxPanel)
                       and "Added fault" in _text(app, "#sandbox-changed"))
        assert "cases.list unavailable" in _text(app, "#sandbox-faults")
        faults = await app.context.conn.sandbox_admin().faults()  # type: ignore[union-attr]
        assert [(f.route, f.kind.value) for f in faults.faults] == [("cases.list", "unavailable")]

        # The user meets it: the portal refuses the cases list, and the list says so.
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("3")
        await wait_for(pilot, lambda: isinstance(app.screen, CasesScreen)
                       and app.screen.load_line.is_failure)
        assert "service_unavailable" in _text(app, "#cases-load")
        fired = await app.context.conn.sandbox_admin().faults()  # type: ignore[union-attr]
        assert fired.faults[0].fired >= 1

        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: isinstance(app.screen, SandboxPanel)
                       and app.screen.faults is not None)
        await pilot.press("c")
        await wait_for(pilot, lambda: "Removed 1 fault" in _text(app, "#sandbox-changed"))
        assert "No faults" in _text(app, "#sandbox-faults")
        assert (await app.context.conn.sandbox_admin().faults()).faults == []  # type: ignore[union-attr]


async def test_panel_switches_identity_through_the_login(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await open_panel(pilot, "agent-delta")
        assert "Delta Software" in _text(app, "#sandbox-who")
        # The toast below is read after the login and home have run: on a busy machine that
        # can outlast its usual 5 s.
        app.NOTIFICATION_TIMEOUT = WAIT_SECONDS
        await pilot.press("i")
        await wait_for(pilot, lambda: choice_ready(app))
        await pilot.press("slash", *"agent-noordzee", "enter", "enter")
        # Who you are now is said as the login ends (before home shows).
        await wait_for(pilot, lambda: any(
            "Nu ingelogd als Mark de Graaf (agent-noordzee)" in n.message
            and "Noordzee Technology" in n.message for n in app._notifications))
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        me = app.context.me
        assert me is not None and me.acting_for is not None
        assert me.acting_for.kvk == "12345678"


def _app_without_admin_token(tmp_path: Path) -> PortalApp:
    return make_tui(httpx.ASGITransport(app=sandbox_app(tmp_path)), admin_token=None)


async def test_not_offered_without_the_admin_token(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from ind_tui.tui.screens.sandbox.panel import SandboxPanel
    from ind_tui.tui.screens.shell.commands import _commands

    monkeypatch.delenv(ENV_ADMIN_TOKEN, raising=False)
    app = _app_without_admin_token(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.context.conn is not None
                       and app.context.conn.client is not None)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not isinstance(app.screen, SandboxPanel)
        assert not any(title.startswith("cmd.sandbox") for title, _, _ in _commands(app))

    with_token = make_app(sandbox_app(tmp_path / "other"), lang="en")
    async with with_token.run_test(size=SIZE) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await home_settled(pilot)
        assert "cmd.sandbox_fault" in [title for title, _, _ in _commands(with_token)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_panel_picture(snap_compare: Any, tmp_path: Path, lang: str) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_panel(pilot)
        await pilot.press("a", *"40d", "enter")
        await wait_for(pilot, lambda: "→" in _text(pilot.app, "#sandbox-changed"))  # type: ignore[arg-type]
        await settle(pilot)

    app = make_app(sandbox_app(tmp_path), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
