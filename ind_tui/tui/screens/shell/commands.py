"""The command palette (ctrl+p): every action, namespaced, in the interface language."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from ind_tui.i18n import language, t
from ind_tui.tui.screens.shell.areas import AREA_SCREENS, usable_areas


def _go(app: Any, area: str) -> Callable[[], Any]:
    return lambda: app.action_go(area)


def _sandbox(app: Any, then: str) -> Callable[[], Any]:
    return lambda: app.action_sandbox(then)


def _commands(app: Any) -> Iterator[tuple[str, str, Callable[[], Any]]]:
    """(title key, help key, callback) for each command the palette offers."""
    yield "cmd.home", "cmd.help.home", lambda: app.action_go("home")
    # Only what this account may use: a refused area would open on an error over empty boxes.
    me = app.context.me
    usable = usable_areas(me) if me is not None else []  # nowhere to go before a login
    for area in usable:
        if area in AREA_SCREENS:
            yield f"home.area.{area}", f"home.area.{area}.help", _go(app, area)
    if "account" in usable:
        yield "cmd.account", "cmd.help.account", lambda: app.action_go("account")
        yield "cmd.change_address", "cmd.help.change_address", lambda: app.action_go("address")
    # A real portal has no clock or faults to move; before a login, ctrl+t opens the panel.
    if app.context.drives_sandbox and me is not None:
        yield "cmd.sandbox", "cmd.help.sandbox", app.action_sandbox
        for then in ("advance", "fault", "clear", "identity"):
            yield (f"cmd.sandbox_{then}", f"cmd.help.sandbox_{then}",
                   _sandbox(app, then))
    yield "cmd.help", "cmd.help.help", app.action_help
    yield "cmd.report", "cmd.help.report", app.action_report
    other = "en" if language() == "nl" else "nl"
    yield f"cmd.lang_{other}", "cmd.help.lang", lambda: app.run_worker(app.switch_language(other))
    dark = app.theme != "textual-light"
    yield ("cmd.theme_light" if dark else "cmd.theme_dark", "cmd.help.theme",
           lambda: setattr(app, "theme", "textual-light" if dark else "textual-dark"))
    if app.context.me is not None:
        yield "cmd.logout", "cmd.help.logout", app.logout
    yield "cmd.quit", "cmd.help.quit", app.exit


class PortalCommands(Provider):
    """Every palette command: the portal's first, then Textual's system commands. One
    provider, so the list without a query has one order (two providers' lists arrive in
    whichever order they finish)."""

    def _all(self) -> Iterator[tuple[str, str, Callable[[], Any], bool]]:
        for title, help_key, callback in _commands(self.app):
            yield t(title), t(help_key), callback, True
        for name, help_text, callback, discover in sorted(
                self.app.get_system_commands(self.screen), key=lambda command: command[0]):
            yield name, help_text, callback, discover

    async def discover(self) -> Hits:
        for text, help_text, callback, discover in self._all():
            if discover:
                yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback, _ in self._all():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, text=text, help=help_text)


class PortalPalette(CommandPalette):
    """Textual's command palette with its own words (the search placeholder and "no matches")
    in the interface language."""

    def __init__(self, placeholder_key: str = "textual.palette.placeholder", **kwargs: Any):
        super().__init__(placeholder=t(placeholder_key), **kwargs)

    # Textual writes "No matches found" inside this method, with no hook for the words; this
    # is its body with the text from the catalogue.
    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(t("textual.palette.no_matches"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


def system_commands(app: Any, screen: Any) -> Iterable[SystemCommand]:
    """Textual's system commands that PortalCommands does not already offer (those are quit,
    help and the light/dark theme), in the interface language."""
    yield SystemCommand(t("textual.cmd.theme"), t("textual.cmd.help.theme"),
                        app.action_change_theme)
    if screen.maximized is not None:
        yield SystemCommand(t("textual.cmd.minimize"), t("textual.cmd.help.minimize"),
                            screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(t("textual.cmd.maximize"), t("textual.cmd.help.maximize"),
                            screen.action_maximize)
    yield SystemCommand(t("textual.cmd.screenshot"), t("textual.cmd.help.screenshot"),
                        app.save_screenshot_here)
