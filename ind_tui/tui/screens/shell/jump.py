"""`:` jump: type where to go (`home`, `cases`, a case number, ...), Enter goes, Esc stays.
Only the places this account may use are offered; `→` completes a word."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from ind_tui.i18n import t
from ind_tui.tui.context import PortalHost
from ind_tui.tui.screens.shell.lifecycle import ScreenWork
from ind_tui.tui.screens.shell.navigation import ALIASES, WORDS, places
from ind_tui.tui.widgets.text import LanguageChanged, Tr


class JumpScreen(ScreenWork, ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "key.back", id="jump.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="jump", classes="dialog"):
            yield Tr("jump.prompt")
            yield Static(self._places(), id="jump-places", classes="muted")
            # Completion knows every word in both languages (and each case number is typed).
            words = sorted({*ALIASES, *(w for ws in WORDS.values() for w in ws.values())})
            yield Input(placeholder=t("jump.placeholder"), id="jump-input",
                        suggester=SuggestFromList(words, case_sensitive=False))

    def _places(self) -> str:
        me = self.app.context.me if isinstance(self.app, PortalHost) else None
        return t("jump.places", places=", ".join(places(me)))

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one("#jump-places", Static).update(self._places())
        self.query_one("#jump-input", Input).placeholder = t("jump.placeholder")

    @on(Input.Submitted)
    def _go(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
