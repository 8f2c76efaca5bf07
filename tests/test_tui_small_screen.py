"""At 80x24 what matters most stays on screen (the company acted for, the day's lines, the
portal time), and only the places an account may use are offered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for


def screen_text(app: Any) -> list[str]:
    return app.export_screen()[1].splitlines()  # type: ignore[no-any-return]


def toasts(app: Any) -> str:
    return " ".join(n.message for n in app._notifications)


async def at_home(pilot: Pilot[Any], identity: str) -> None:
    await login_as(pilot, identity)
    await home_settled(pilot)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_an_agency_always_sees_the_client_it_acts_for(tmp_path: Path, lang: str) -> None:
    app = make_app(sandbox_app(tmp_path), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(pilot, "agent-delta")
        await wait_for(pilot, lambda: "Delta Software B.V. (56789012)" in screen_text(app)[0])
        assert "Mark de Graaf" in screen_text(app)[0]
        # The day's last line, with the portal time, is on screen, not scrolled away.
        word = "portaaltijd" if lang == "nl" else "portal time"
        await wait_for(pilot, lambda: any(word in line for line in screen_text(app)))
        # Wide, the agency itself shows too.
        await pilot.resize_terminal(160, 40)
        await wait_for(pilot, lambda: "Payroll Partners B.V. · KvK 45678901"
                       in screen_text(app)[0])
        assert "Delta Software B.V. (56789012)" in screen_text(app)[0]


async def test_the_jump_refuses_an_area_the_account_may_not_use(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen
    from ind_tui.tui.screens.shell.jump import JumpScreen

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(pilot, "agent-noordzee")
        await pilot.press("colon")
        await wait_for(pilot, lambda: isinstance(app.screen, JumpScreen))
        offered = str(app.screen.query_one("#jump-places").render())
        assert "cases" in offered and "drafts" in offered and "account" not in offered
        await pilot.press(*"account", "enter")
        await wait_for(pilot, lambda: "not available for this account" in toasts(app))
        assert "only the sponsor itself" in toasts(app)
        assert isinstance(app.screen, HomeScreen)
        app.clear_notifications()
        await pilot.press("colon")
        await wait_for(pilot, lambda: isinstance(app.screen, JumpScreen))
        await pilot.press(*"draft", "enter")
        await wait_for(pilot, lambda: "Did you mean :drafts?" in toasts(app))
        assert isinstance(app.screen, HomeScreen)


async def test_the_palette_offers_only_usable_areas(tmp_path: Path) -> None:
    from textual.command import CommandList, CommandPalette

    app = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(pilot, "employer-eh3")  # an employer that is not a recognised sponsor
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Lopende")
        palette = app.screen
        await wait_for(pilot, lambda: "Niets gevonden" in " ".join(
            str(palette.query_one(CommandList).get_option_at_index(i).prompt)
            for i in range(palette.query_one(CommandList).option_count)))
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Binnenkort")  # every account may see its deadlines
        await wait_for(pilot, lambda: any(
            "Binnenkort" in str(app.screen.query_one(CommandList).get_option_at_index(i).prompt)
            for i in range(app.screen.query_one(CommandList).option_count)))
