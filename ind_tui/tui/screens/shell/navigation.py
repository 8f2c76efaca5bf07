"""Where `:` jumps, F-keys and the palette go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ind_tui.i18n import t
from ind_tui.tui.screens.shell.areas import AREA_SCREENS, screen_for

if TYPE_CHECKING:
    from ind_tui.tui.app import PortalApp

ALIASES = {
    "home": "home", "start": "home", "h": "home",
    "account": "account", "a": "account", "acc": "account",
    "address": "address", "adres": "address",
    "help": "help", "hulp": "help", "?": "help",
    "report": "report", "melden": "report",
    "cases": "cases", "zaken": "cases", "c": "cases",
    "employees": "employees", "werknemers": "employees", "e": "employees",
    "drafts": "drafts", "concepten": "drafts", "d": "drafts",
    "new": "new", "nieuw": "new", "aanvraag": "new", "n": "new",
    "inbox": "inbox", "berichten": "inbox", "messages": "inbox", "i": "inbox",
    "due": "due", "termijnen": "due", "deadlines": "due",
    "appointments": "appointments", "afspraken": "appointments",
    "payments": "payments", "betalingen": "payments",
}


def case_number(raw: str) -> str | None:
    """`:cases 3100000001`, `:zaken Z3100000001` or a bare case number: that case."""
    words = raw.strip().lstrip(":").split()
    if len(words) == 2 and ALIASES.get(words[0].lower()) == "cases":
        words = words[1:]
    value = words[0].removeprefix("Z").removeprefix("z") if len(words) == 1 else ""
    return value if len(value) == 10 and value.isdigit() else None


def go(app: PortalApp, raw: str) -> None:
    zaak = case_number(raw)
    target = "cases" if zaak else ALIASES.get(raw.strip().lower().lstrip(":").split(" ")[0], "")
    if target == "help":
        app.action_help()
        return
    if target == "report":
        app.action_report()
        return
    if not target:
        app.notify(t("jump.unknown", target=raw), severity="warning")
        return
    if app.context.me is None:  # nothing to go to before logging in
        return
    from ind_tui.tui.screens.shell.home import HomeScreen

    # Back to home first, so Esc from the target always leads home.
    while len(app.screen_stack) > 2 and not isinstance(app.screen, HomeScreen):
        app.pop_screen()
    if target == "home":
        return
    if zaak:
        from ind_tui.tui.screens.cases.screen import open_case

        open_case(app, zaak)
        return
    if target in AREA_SCREENS:
        app.push_screen(screen_for(target))
        return
    from ind_tui.tui.screens.account.screen import AccountScreen

    account = AccountScreen(change_address=target == "address")
    app.push_screen(account)
