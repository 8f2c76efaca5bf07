"""`:` jump: type where to go (`home`, `account`, ...), Enter goes, Esc stays."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input

from ind_tui.tui.screens.shell.lifecycle import ScreenWork
from ind_tui.tui.widgets.text import Tr


class JumpScreen(ScreenWork, ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "key.back", id="jump.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="jump", classes="dialog"):
            yield Tr("jump.prompt")
            yield Input(placeholder=":account", id="jump-input")

    @on(Input.Submitted)
    def _go(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
