"""What a walk through the screens at 80x24 found, as an employer that is not a recognised
sponsor and with NO_COLOR: each fix, driven by keys against the real sandbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input

from tests.test_tui_small_screen import at_home
from tests.tui_helpers import make_app, sandbox_app, wait_for


async def test_the_jump_prompt_suggests_only_what_the_account_may_use(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.jump import JumpScreen

    app = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(pilot, "employer-eh3")  # sees no cases
        await pilot.press("colon")
        await wait_for(pilot, lambda: isinstance(app.screen, JumpScreen))
        field: Any = app.screen.query_one("#jump-input", Input)
        # The example is one it can follow: no cases, no case number.
        assert "zaken" not in field.placeholder and "3100000001" not in field.placeholder
        assert "concepten" in field.placeholder
        assert await field.suggester.get_suggestion("za") is None  # "zaken" is not offered
        assert await field.suggester.get_suggestion("acc") is None
        await pilot.press(*"bet")
        await wait_for(pilot, lambda: field._suggestion == "betalingen")


async def test_a_sponsor_is_shown_a_case_number_to_jump_to(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.jump import JumpScreen

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await at_home(pilot, "sponsor-eh3")
        await pilot.press("colon")
        await wait_for(pilot, lambda: isinstance(app.screen, JumpScreen))
        field = app.screen.query_one("#jump-input", Input)
        assert field.placeholder == "for example cases or 3100000001"
