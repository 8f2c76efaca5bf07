"""Where `:` jumps, F-keys and the palette go. Areas that later versions add are named here
already, so a jump to them says so instead of failing silently."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ind_tui.i18n import t

if TYPE_CHECKING:
    from ind_tui.app import PortalApp

ALIASES = {
    "home": "home", "start": "home", "h": "home",
    "account": "account", "a": "account", "acc": "account",
    "address": "address", "adres": "address",
    "help": "help", "hulp": "help", "?": "help",
    "report": "report", "melden": "report",
    "cases": "later", "zaken": "later", "employees": "later", "werknemers": "later",
    "drafts": "later", "concepten": "later", "new": "later", "nieuw": "later",
}


def go(app: PortalApp, raw: str) -> None:
    target = ALIASES.get(raw.strip().lower().lstrip(":").split(" ")[0], "")
    if target == "help":
        app.action_help()
        return
    if target == "report":
        app.action_report()
        return
    if target == "later":
        app.notify(t("home.not_built"), severity="warning")
        return
    if not target:
        app.notify(t("jump.unknown", target=raw), severity="warning")
        return
    if app.me is None:  # nothing to go to before logging in
        return
    from ind_tui.screens.home import HomeScreen

    # Back to home first, so Esc from the target always leads home.
    while len(app.screen_stack) > 2 and not isinstance(app.screen, HomeScreen):
        app.pop_screen()
    if target == "home":
        return
    from ind_tui.screens.account import AccountScreen

    account = AccountScreen(change_address=target == "address")
    app.push_screen(account)
