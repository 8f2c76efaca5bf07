"""Keys sent in one burst (a paste, typed-ahead keys over SSH) land where they would have
landed one at a time: after Tab or Enter in the field that then has focus, after `/` or `:`
in the line that key opened."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input

from ind_tui.local.drafts.session import DraftSession
from ind_tui.tui.screens.wizard.screen import WizardScreen
from tests.tui_helpers import burst, login_as, make_app, sandbox_app, wait_for


async def test_a_burst_through_the_wizards_fields_fills_each_field(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    path = DraftSession.new("hsm_first_vvr", directory=tmp_path).save()
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        screen = WizardScreen(path)
        app.push_screen(screen)
        await wait_for(pilot, lambda: app.screen is screen and screen.focused is not None
                       and screen.focused.id == "field-employee_name")
        burst(pilot, *"Priya Kumar", "tab", *"1992-03-15", "tab", *"Brazil", "tab",
              *"1234567890", "enter")
        answers: Any = screen.session.draft.answers if screen.session else {}
        await wait_for(pilot, lambda: screen.focused is not None
                       and screen.focused.id != "field-v_number"
                       and answers.get("v_number") == "1234567890")
        assert answers["employee_name"] == "Priya Kumar"
        assert answers["date_of_birth"] == "1992-03-15"
        assert screen.query_one("#field-nationality", Input).value == "Brazil"


async def test_a_burst_after_slash_filters_the_login_list(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.login import LoginScreen
    from ind_tui.tui.widgets.lists import VimOptionList

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen)
                       and app.screen.device is not None
                       and app.screen.query_one(VimOptionList).option_count > 0)
        burst(pilot, "slash", *"agent-delta")
        field = app.screen.query_one("#filter", Input)
        await wait_for(pilot, lambda: field.value == "agent-delta")
        listed = app.screen.query_one(VimOptionList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert prompts and all("agent-delta" in p for p in prompts)


async def test_a_burst_of_a_jump_opens_the_area(tmp_path: Path) -> None:
    from ind_tui.tui.screens.inbox.screen import InboxScreen
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.is_mounted)
        burst(pilot, "colon", *"inbox", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, InboxScreen))
