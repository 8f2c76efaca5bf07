"""What every screen shares: the header, the footer, and Esc to go back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ind_tui.tui.context import AppContext, PortalHost
from ind_tui.tui.screens.shell.lifecycle import ScreenWork, from_thread

__all__ = ["OnPortalApp", "PortalScreen", "ScreenWork", "from_thread", "set_text"]
from ind_tui.tui.widgets.chrome import PortalFooter, PortalHeader
from ind_tui.tui.widgets.text import LanguageChanged

if TYPE_CHECKING:
    from ind_tui.tui.app import PortalApp


def set_text(screen: Screen[Any], selector: str, text: str) -> None:
    """Update a Static if it is there: a worker may finish after its screen was left or
    while it is being rebuilt."""
    for widget in screen.query(selector).results(Static):
        widget.update(text)


class OnPortalApp:
    """For screens: what the UI knows (`context`) and the running app, typed. A mixin, not a
    Screen: Textual reads a screen's CSS type names along its first base."""

    app: App[Any]

    @property
    def context(self) -> AppContext:
        app = self.app
        assert isinstance(app, PortalHost)
        return app.context

    @property
    def portal_app(self) -> PortalApp:
        from ind_tui.tui.app import PortalApp

        app = self.app
        assert isinstance(app, PortalApp)
        return app


class PortalScreen(OnPortalApp, ScreenWork, Screen[None]):
    """Subclasses put their content in `body()`; the chrome comes from here."""

    HELP_KEY = "home.hint"  # catalogue key of the help text for this screen
    BINDINGS = [Binding("escape", "back", "key.back", id="screen.back")]

    def compose(self) -> ComposeResult:
        yield PortalHeader()
        yield from self.body()
        yield PortalFooter()

    def body(self) -> ComposeResult:
        yield from ()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.refresh_chrome()
        self.relabel()

    def relabel(self) -> None:
        """Render the texts made from loaded data again, in the new language."""

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()

    def refresh_chrome(self) -> None:
        for header in self.query(PortalHeader):
            header.update_from_app()
