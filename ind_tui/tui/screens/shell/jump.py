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

from ind_tui.api.auth import Me
from ind_tui.i18n import language, t
from ind_tui.tui.context import PortalHost
from ind_tui.tui.screens.shell.areas import usable_areas
from ind_tui.tui.screens.shell.lifecycle import ScreenWork
from ind_tui.tui.screens.shell.navigation import ALIASES, WORDS, places
from ind_tui.tui.widgets.text import LanguageChanged, Tr


class JumpScreen(ScreenWork, ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "key.back", id="jump.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="jump", classes="dialog"):
            yield Tr("jump.prompt")
            yield Static(self._places(), id="jump-places", classes="muted")
            # Completion knows the words of both languages for the places this account may
            # use (a case number is typed); the others are refused when typed, with why.
            allowed = {"home", "help", "report", *usable_areas(self._me())}
            words = sorted({alias for alias, place in ALIASES.items() if place in allowed}
                           | {ws[p] for ws in WORDS.values() for p in ws if p in allowed})
            yield Input(placeholder=self._example(), id="jump-input",
                        suggester=SuggestFromList(words, case_sensitive=False))

    def _me(self) -> Me | None:
        return self.app.context.me if isinstance(self.app, PortalHost) else None

    def _places(self) -> str:
        return t("jump.places", places=", ".join(places(self._me())))

    def _example(self) -> str:
        """An example this account can follow: no case number where it sees no cases."""
        usable = usable_areas(self._me())
        if "cases" in usable:
            return t("jump.placeholder", place=WORDS[language()]["cases"])
        place = next((p for p in usable if p != "new"), "help")
        return t("jump.placeholder_place", place=WORDS[language()][place])

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one("#jump-places", Static).update(self._places())
        self.query_one("#jump-input", Input).placeholder = self._example()

    @on(Input.Submitted)
    def _go(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
