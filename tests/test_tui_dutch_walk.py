"""In Dutch, no screen says anything in English: a walk through every screen (login, home,
each area, a case, a message, the wizard's pages, the filing screen, the dialogs, help, the
command palette and the jump prompt) that reads all there is to read on each (the screen's
render with its footer and toasts) and fails on any text of the English catalogue that Dutch
writes differently, or on one of Textual's English defaults."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.worker import Worker

from ind_tui.api.errors import ServiceUnavailableError
from ind_tui.i18n import catalogue, set_language, t
from ind_tui.local.drafts.session import DraftSession
from ind_tui.tui.screens.shell.snapshot import export_screen
from tests.test_i18n_textual import TEXTUAL_ENGLISH
from tests.test_tui_filing import fast_app, open_filing
from tests.test_tui_filing_screen import filed_session
from tests.tui_helpers import home_settled, login_as, sandbox_app, wait_for

SIZE = (120, 40)  # wide enough that few texts are cut short, which would hide them
SHORTEST = 10  # characters: shorter English texts (codes, "KvK", names) say too little
# Box drawing, scroll bars and panel edges: what stands between words of a wrapped text.
_FRAME = re.compile(r"[\u2500-\u259f\u2800-\u28ff▏▕]")


@cache
def english_texts() -> tuple[str, ...]:
    """The fixed parts of every English text that Dutch writes otherwise: the text between its
    `{placeholders}`, without markup, at least SHORTEST characters, and found in no Dutch text
    (a term both use, such as a form's name, is not a sign of English)."""
    nl, en = catalogue("nl"), catalogue("en")
    dutch = "\n".join(nl.values())
    found = set()
    for key, value in en.items():
        if value == nl.get(key):
            continue
        for part in re.split(r"\{[^}]*\}|\n", value):
            part = re.sub(r"\[/?[a-z$ -]*\]", "", part).strip(" .,:;()·—–-")
            if len(part) >= SHORTEST and re.search("[a-z]{3}", part) and part not in dutch:
                found.add(part)
    return tuple(sorted(found))


def flat(shown: str) -> str:
    """A screen's text as one line: a text wrapped over lines and panel edges reads whole."""
    return " ".join(_FRAME.sub(" ", shown).split())


def english_in(shown: str) -> list[str]:
    """The English texts in `shown` (a screen as plain text), as whole words."""
    shown = flat(shown)
    return [e for e in (*english_texts(), *TEXTUAL_ENGLISH)
            if re.search(rf"(?<![\w.]){re.escape(e)}(?![\w.])", shown)]


class Walk:
    """Reads each screen it is shown and keeps the English found, by place."""

    def __init__(self, pilot: Pilot[Any]) -> None:
        self.pilot = pilot
        self.found: dict[str, list[str]] = {}
        self.places: list[str] = []
        # Texts the portal sends (not ours to translate), taken out before the check.
        self.portal: tuple[str, ...] = ()

    async def read(self, place: str, *, waiting: tuple[str, ...] = (), portal: tuple[str, ...]
                   = ()) -> str:
        """Once the screen's work is done (except the `waiting` worker groups, which wait on
        what is shown), read it; `portal` are more texts the portal sent."""
        app = self.pilot.app
        await wait_for(self.pilot, lambda: not any(
            self._busy_here(w) for w in app.workers if w.group not in waiting))
        await self.pilot.pause()
        shown = flat(export_screen(app, "")[1])
        for text in (*self.portal, *portal):
            shown = shown.replace(flat(text), " ")
        self.places.append(place)
        english = english_in(shown)
        if english:
            self.found[place] = english
        return shown

    def _busy_here(self, worker: Worker[Any]) -> bool:
        """Whether `worker` still works for the screen on top (one of a screen below waits
        for the dialog on top to close)."""
        if worker.is_finished:
            return False
        app = self.pilot.app
        node = worker.node
        if node is app:
            return True
        try:
            return (node if isinstance(node, Screen) else node.screen) is app.screen
        except Exception:  # a widget no longer mounted works for no screen
            return False

    async def help(self, place: str, *, waiting: tuple[str, ...] = ()) -> None:
        """The help and keys of the screen, then back."""
        from ind_tui.tui.screens.shell.help import HelpScreen

        app = self.pilot.app
        below = app.screen
        await self.pilot.press("f1")
        await wait_for(self.pilot, lambda: isinstance(app.screen, HelpScreen))
        await self.read(f"{place}: help", waiting=waiting)
        await self.pilot.press("escape")
        await wait_for(self.pilot, lambda: app.screen is below)


async def walk_areas(walk: Walk) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    pilot = walk.pilot
    app = pilot.app
    for key, area in enumerate(("new", "drafts", "cases", "employees", "account", "inbox",
                                "due", "appointments", "payments"), start=1):
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press(str(key))
        await wait_for(pilot, lambda: not isinstance(app.screen, HomeScreen))
        await walk_area(walk, area)
        await pilot.press("escape")


async def walk_area(walk: Walk, area: str) -> None:
    """An area's screen, its help, and what opens from it."""
    pilot = walk.pilot
    app = pilot.app
    area_screen = app.screen
    await walk.read(area)
    await walk.help(area)
    if area == "cases":
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen is not area_screen)
        await walk.read("cases: export")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is area_screen)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is not area_screen
                       and getattr(app.screen, "detail", None) is not None)
        notes = tuple(e.note for e in app.screen.detail.events if e.note)
        await walk.read("case", portal=notes)
        await walk.help("case")
        await pilot.press("escape")
    elif area in ("inbox", "employees"):
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is not area_screen)
        await walk.read(f"{area}: one")
        await pilot.press("escape")
    elif area == "payments":
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen is not area_screen)
        await walk.read("payments: export", waiting=("payments-export",))
        await pilot.press("escape")
    await wait_for(pilot, lambda: app.screen is area_screen)


async def walk_wizard(walk: Walk, folder: Path) -> None:
    from ind_tui.tui.screens.wizard.screen import WizardScreen

    pilot = walk.pilot
    app = pilot.app
    folder.mkdir()
    session = DraftSession.new("hsm_first_vvr", directory=folder)
    screen = WizardScreen(session.save())
    app.push_screen(screen)
    await wait_for(pilot, lambda: screen.evaluation is not None and screen.fee is not None)
    await walk.help("wizard")
    pages: list[str] = []
    while screen.page not in pages:
        pages.append(screen.page)
        await walk.read(f"wizard page {screen.page}")
        await pilot.press("pagedown")
        await pilot.pause()
    assert len(pages) > 3  # the walk went through the form's pages
    await pilot.press("f4")
    await walk.read("wizard: issues")
    app.pop_screen()  # back where it was opened (the walk goes on from home)


def _says_no_matches(found: CommandList) -> bool:
    return (found.option_count == 1
            and found.get_option_at_index(0).id == CommandPalette._NO_MATCHES)


async def test_every_screen_in_dutch_says_nothing_in_english(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen
    from ind_tui.tui.screens.shell.login import LoginScreen
    from ind_tui.tui.widgets.confirm import ConfirmDialog
    from ind_tui.tui.widgets.lists import VimOptionList

    assert english_in("Zoek een opdracht · Search for commands · Omlaag") == [
        "Search for commands"]  # the check finds English at all
    app = fast_app(sandbox_app(tmp_path), lang="nl")
    try:
        async with app.run_test(size=SIZE) as pilot:
            walk = Walk(pilot)
            await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen)
                           and app.screen.query_one(VimOptionList).option_count > 0)
            # The sandbox's test identities are described by the sandbox itself.
            walk.portal = tuple(i.purpose for i in app.screen.identities)
            await walk.read("login", waiting=("login",))
            await walk.help("login", waiting=("login",))
            walk.portal = ()
            await login_as(pilot, "sponsor-eh3")
            await home_settled(pilot)
            await walk.read("home")
            await walk.help("home")
            home = app.screen

            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette)
                           and app.screen.query_one(CommandList).option_count > 5)
            await walk.read("palette")
            await pilot.press(*"qxqxqx")
            await wait_for(pilot, lambda: _says_no_matches(app.screen.query_one(CommandList)))
            await walk.read("palette: no matches")
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is home)
            await pilot.press("colon")
            await wait_for(pilot, lambda: app.screen is not home)
            await walk.read("jump")
            await pilot.press("escape")
            await wait_for(pilot, lambda: app.screen is home)

            await walk_areas(walk)
            await walk_wizard(walk, tmp_path / "wizard")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            filing = await open_filing(pilot, filed_session(tmp_path / "filing"))
            await wait_for(pilot, lambda: filing.fee is not None)
            await walk.read("filing")
            await walk.help("filing")
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))

            await pilot.press("ctrl+r")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "ReportScreen")
            await walk.read("report")
            await pilot.press("escape")
            app.show_error(ServiceUnavailableError("service temporarily unavailable",
                                                   code="service_unavailable", status=503))
            await walk.read("guidance")
            await pilot.press("escape")
            app.push_screen(ConfirmDialog(t("employees.import.confirm", n=2)))
            await walk.read("confirm dialog")
            await pilot.press("escape")
            await pilot.press("ctrl+c")  # tells how to quit, in a toast
            await walk.read("quit hint")
            assert len(walk.places) > 30
            assert walk.found == {}
    finally:
        set_language("en")
