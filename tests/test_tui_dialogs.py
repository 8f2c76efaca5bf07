"""The one confirm dialog and the one prompt dialog: the same keys wherever they are used,
in both languages."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from ind_tui.i18n import set_language
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.prompt import PromptDialog
from tests.tui_helpers import wait_for

NOTHING = object()  # no answer yet


class DialogApp(App[None]):
    """A bare app that opens one dialog and keeps what it answered."""

    def __init__(self, dialog: ConfirmDialog | PromptDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.answer: Any = NOTHING

    def compose(self) -> ComposeResult:
        yield Static("under the dialog")

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self._answered)

    def _answered(self, answer: Any) -> None:
        self.answer = answer


async def _answer(dialog: ConfirmDialog | PromptDialog, *keys: str) -> Any:
    app = DialogApp(dialog)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.screen is dialog and dialog.is_mounted)
        await pilot.press(*keys)
        await wait_for(pilot, lambda: app.answer is not NOTHING)
        return app.answer


@pytest.mark.parametrize(("keys", "expected"), [
    (("y",), True), (("j",), True), (("n",), False), (("escape",), False),
    (("enter",), True),  # Enter presses the focused button: Yes on a harmless question
    (("tab", "enter"), False),  # … or No, once focus moved there
])
async def test_confirm_keys(keys: tuple[str, ...], expected: bool) -> None:
    assert await _answer(ConfirmDialog("Attach it?"), *keys) is expected


@pytest.mark.parametrize(("keys", "expected"), [
    (("enter",), False),  # a dangerous question starts on No: a stray Enter never goes ahead
    (("shift+tab", "enter"), True), (("y",), True), (("j",), True), (("escape",), False),
])
async def test_dangerous_confirm_starts_on_no(keys: tuple[str, ...], expected: bool) -> None:
    assert await _answer(ConfirmDialog("Delete it?", danger=True), *keys) is expected


@pytest.mark.parametrize(("lang", "yes", "no"), [("nl", "Ja (j)", "Nee (n/Esc)"),
                                                 ("en", "Yes (y)", "No (n/Esc)")])
async def test_confirm_buttons_speak_the_language(lang: str, yes: str, no: str) -> None:
    set_language(lang)
    try:
        dialog = ConfirmDialog("?")
        app = DialogApp(dialog)
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: dialog.is_mounted)
            labels = [str(b.label) for b in dialog.query("Button")]
            assert labels == [yes, no]
    finally:
        set_language("en")


async def test_prompt_gives_the_line_or_none() -> None:
    assert await _answer(PromptDialog("Rename", "New name:", "old"), "ctrl+u", *"new",
                         "enter") == "new"
    assert await _answer(PromptDialog("Rename", "New name:", "old"), *"er", "escape") is None


async def test_prompt_keeps_a_refused_answer_with_its_reason() -> None:
    def check(text: str) -> str | None:
        return None if text.isdigit() else "digits only"

    dialog = PromptDialog("Case", "Number:", check=check)
    app = DialogApp(dialog)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: dialog.is_mounted)
        await pilot.press(*"12a", "enter")
        await pilot.pause()
        assert app.answer is NOTHING and app.screen is dialog
        error = dialog.query_one("#prompt-error", Static)
        assert error.display and "digits only" in str(error.render())
        await pilot.press("backspace", "enter")
        await wait_for(pilot, lambda: app.answer is not NOTHING)
    assert app.answer == "12"
