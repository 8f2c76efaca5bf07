"""Where `:` jumps, F-keys and the palette go."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from ind_tui.i18n import language, t
from ind_tui.tui.screens.shell.areas import AREA_SCREENS, refusal, screen_for, usable_areas

if TYPE_CHECKING:
    from ind_tui.api.auth import Me
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


# The word each language shows for a place (every alias above is understood in both).
WORDS = {
    "nl": {"home": "home", "new": "nieuw", "drafts": "concepten", "cases": "zaken",
           "employees": "werknemers", "account": "account", "address": "adres",
           "inbox": "berichten", "due": "termijnen", "appointments": "afspraken",
           "payments": "betalingen", "help": "hulp", "report": "melden"},
    "en": {"home": "home", "new": "new", "drafts": "drafts", "cases": "cases",
           "employees": "employees", "account": "account", "address": "address",
           "inbox": "inbox", "due": "due", "appointments": "appointments",
           "payments": "payments", "help": "help", "report": "report"},
}


def places(me: Me | None) -> list[str]:
    """Where this account may jump, in the interface language: home, the areas it may use,
    help and report."""
    words = WORDS[language()]
    return [words[p] for p in ("home", *usable_areas(me), "help", "report")]


def nearest(raw: str, me: Me | None) -> str | None:
    """The place the user probably meant (`draft` -> `drafts`), among those they may use."""
    allowed = {"home", "help", "report", *usable_areas(me)}
    names = [alias for alias, place in ALIASES.items() if place in allowed and len(alias) > 2]
    match = difflib.get_close_matches(raw.strip().lower().lstrip(":"), names, n=1, cutoff=0.6)
    if not match:
        match = [n for n in names if n.startswith(raw.strip().lower().lstrip(":"))][:1]
    return WORDS[language()][ALIASES[match[0]]] if match else None


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
    me = app.context.me
    if not target:
        guess = nearest(raw, me)
        app.notify(t("jump.unknown_guess", target=raw, guess=guess) if guess
                   else t("jump.unknown", target=raw), severity="warning")
        return
    if me is None:  # nothing to go to before logging in
        return
    reason = refusal(me, target)
    if reason is not None:  # typed anyway: say why instead of opening an empty screen
        area = "account" if target == "address" else target
        app.notify(t("jump.refused", target=t(f"home.area.{area}"), reason=reason),
                   severity="warning")
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
