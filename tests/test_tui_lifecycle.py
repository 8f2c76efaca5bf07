"""Background work belongs to the screen that started it: leaving a screen while its loads
are still on their way never crashes the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerState

from ind_tui.tui.screens.shell.areas import AREA_SCREENS
from tests.tui_helpers import burst, login_as, make_app, sandbox_app, wait_for

# Every place `:` leads to that loads something; home last, so the walk ends where it began.
AREAS = [*sorted(AREA_SCREENS), "account", "home"]


async def jump(pilot: Pilot[object], area: str) -> None:
    """`:` then `area` Enter as one burst, as a terminal delivers typed-ahead keys; on as soon
    as the area's screen is shown, not when it has loaded."""
    app = pilot.app
    burst(pilot, "colon", *area, "enter")
    await wait_for(pilot, lambda: _shown(app.screen) == area and app.screen.is_mounted)


def _shown(screen: object) -> str:
    """The area a screen belongs to ('' for a dialog, or for a screen still composing: its
    widgets are not there to query yet)."""
    from textual.screen import Screen

    from ind_tui.tui.screens.account.screen import AccountScreen
    from ind_tui.tui.screens.shell.home import HomeScreen

    if not (isinstance(screen, Screen) and screen.is_mounted):
        return ""
    if isinstance(screen, HomeScreen):
        return "home"
    if isinstance(screen, AccountScreen):
        return "account"
    from ind_tui.tui.screens.appointments.screen import AppointmentsScreen
    from ind_tui.tui.screens.cases.screen import CasesScreen
    from ind_tui.tui.screens.drafts.screen import DraftsScreen
    from ind_tui.tui.screens.due.screen import DueScreen
    from ind_tui.tui.screens.employees.screen import EmployeesScreen
    from ind_tui.tui.screens.inbox.screen import InboxScreen
    from ind_tui.tui.screens.payments.screen import PaymentsScreen
    from ind_tui.tui.screens.wizard.start import NewApplicationScreen

    classes = {"new": NewApplicationScreen, "drafts": DraftsScreen, "cases": CasesScreen,
               "employees": EmployeesScreen, "inbox": InboxScreen, "due": DueScreen,
               "appointments": AppointmentsScreen, "payments": PaymentsScreen}
    assert set(classes) == set(AREA_SCREENS)  # a new area must be added here too
    return next((area for area, cls in classes.items() if isinstance(screen, cls)), "")


def _busy(app: object) -> bool:
    return any(w.state in (WorkerState.PENDING, WorkerState.RUNNING)
               for w in app.workers  # type: ignore[attr-defined]
               if w.group not in ("inbox-watch", "connection"))


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_jumping_between_areas_faster_than_they_load(tmp_path: Path, lang: str) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.context.conn is not None
        admin = app.context.conn.sandbox_admin()
        # Each answer takes a moment, so most loads are still out when the next jump comes.
        for latency_ms in (60, 150):
            await admin.clear_faults()
            await admin.fault("*", "latency", latency_ms=latency_ms)
            for area in AREAS:
                await jump(pilot, area)
        await admin.clear_faults()
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and not _busy(app))
        assert app.is_running and app.return_code is None
        assert app._exception is None


async def test_an_autosave_that_ends_while_the_language_changes(tmp_path: Path) -> None:
    from tests.test_tui_wizard import new_draft, on_disk, wizard

    path = new_draft(tmp_path)
    async with wizard(tmp_path, path) as (pilot, screen):
        await pilot.press(*"Priya")
        for lang in ("nl", "en", "nl", "en"):
            screen.changed()
            screen._autosave()  # the pause after typing is over: the write starts now
            await pilot.app.switch_language(lang)  # and ends while the labels change
            await wait_for(pilot, lambda: not screen.unsaved)
        assert pilot.app.is_running and pilot.app._exception is None
        assert on_disk(path)["employee_name"] == "Priya"
        assert screen.saved_at is not None and screen.saved_at in str(
            screen.query_one("#wizard-saved").render())


async def test_switching_language_keeps_a_list_as_it_was(tmp_path: Path) -> None:
    from textual.widgets import Input

    from ind_tui.tui.screens.inbox.screen import InboxScreen
    from ind_tui.tui.widgets.table import VirtualTable

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: _shown(app.screen) == "home")
        await jump(pilot, "inbox")
        screen = app.screen
        assert isinstance(screen, InboxScreen)
        await wait_for(pilot, lambda: screen.loaded)
        table = screen.query_one("#inbox-table", VirtualTable)
        await pilot.press("G", "k", "slash", "e")  # near the end, and half a filter typed
        field = screen.query_one("#filter", Input)
        before = (table.cursor_row_index, table.scroll_y)
        assert before[0] is not None and before[1] > 0 and len(table.model.view) > 20
        await app.switch_language("nl")
        await wait_for(pilot, lambda: "Berichten" in str(screen.query_one("#inbox-title").render()))
        assert screen is app.screen and field.value == "e" and field.has_focus
        assert (table.cursor_row_index, table.scroll_y) == before
        assert table.model.columns[1].title == "Datum"


@pytest.mark.parametrize(("area", "title", "column"), [
    ("due", "Binnenkort te doen", "due-table"), ("payments", "Betalingen (", "payments-table"),
    ("appointments", "Afspraken", "appointments-table")])
async def test_switching_language_relabels_a_list_in_place(tmp_path: Path, area: str,
                                                           title: str, column: str) -> None:
    from ind_tui.i18n import t
    from ind_tui.tui.widgets.table import VirtualTable

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: _shown(app.screen) == "home")
        await jump(pilot, area)
        screen = app.screen
        table = screen.query_one(f"#{column}", VirtualTable)
        await wait_for(pilot, lambda: not _busy(app))
        await app.switch_language("nl")
        await wait_for(pilot, lambda: title in str(screen.query_one(f"#{area}-title").render()))
        assert app.screen is screen and table.has_focus and table.is_attached
        assert table.model.columns[0].title == t(f"{area}.col.{table.model.columns[0].key}")


async def test_switching_language_relabels_a_message_in_place(tmp_path: Path) -> None:
    from ind_tui.tui.screens.inbox.message import MessageScreen

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: _shown(app.screen) == "home")
        await jump(pilot, "inbox")
        await wait_for(pilot, lambda: app.screen.loaded)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen)
                       and app.screen.message is not None and not _busy(app))
        screen = app.screen
        body = screen.query_one("#message-body")
        facts = screen.query_one("#message-facts")
        english = str(facts.render())
        await app.switch_language("nl")
        await wait_for(pilot, lambda: str(facts.render()) != english)
        assert app.screen is screen and body.has_focus and facts.is_attached


async def test_switching_language_keeps_home_where_it_was(tmp_path: Path) -> None:
    from ind_tui.tui.widgets.lists import VimOptionList

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: _shown(app.screen) == "home" and not _busy(app)
                       and bool(app.screen.query("#areas")))
        screen = app.screen
        areas = screen.query_one("#areas", VimOptionList)
        await pilot.press("j", "j", "j")
        before = areas.highlighted
        await app.switch_language("nl")
        await wait_for(pilot, lambda: "Welkom" in str(screen.query_one(".title").render())
                       and "Werknemers" in str(areas.get_option("employees").prompt))
        assert app.screen is screen and areas.has_focus and areas.highlighted == before == 3
