"""The command palette (ctrl+p): every action, namespaced, in the interface language."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from ind_tui.i18n import language, t


def _commands(app: Any) -> Iterator[tuple[str, str, Callable[[], Any]]]:
    """(title key, help key, callback) for each command the palette offers."""
    yield "cmd.home", "cmd.help.home", lambda: app.action_go("home")
    yield "cmd.account", "cmd.help.account", lambda: app.action_go("account")
    yield "cmd.change_address", "cmd.help.change_address", lambda: app.action_go("address")
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
    async def discover(self) -> Hits:
        for title, help_key, callback in _commands(self.app):
            yield DiscoveryHit(t(title), callback, help=t(help_key))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_key, callback in _commands(self.app):
            text = t(title)
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, text=text, help=t(help_key))
