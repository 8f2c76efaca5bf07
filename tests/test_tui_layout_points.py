"""The small points of reading the screens at 80x24: what each one shows, driven by keys
against the real sandbox."""

from __future__ import annotations

import re
import string
from pathlib import Path

from textual.widgets import Input, Static
from textual.widgets._footer import FooterKey

from ind_tui.i18n import text
from ind_tui.tui.screens.appointments.book import CasePicker, LocationList, LocationPicker
from ind_tui.tui.screens.drafts.files import FileActionRefused, clean_name
from ind_tui.tui.screens.shell.help import HelpScreen
from ind_tui.tui.widgets.chrome import PortalFooter
from tests.test_tui_appointments import _free_case, _open, _pick_case
from tests.test_tui_cases import open_cases
from tests.test_tui_wizard import go_to, new_draft, wizard
from tests.tui_helpers import make_app, sandbox_app, wait_for


def test_the_rename_hint_names_every_mark_a_name_may_hold() -> None:
    allowed = []
    for mark in string.punctuation:
        try:
            clean_name(f"a{mark}b")
        except FileActionRefused:
            continue
        allowed.append(mark)
    assert "_" in allowed  # default names use it
    for lang in ("en", "nl"):
        hint = text("drafts.name_invalid", lang)
        assert [m for m in allowed if m not in hint] == [], lang


async def test_running_cases_at_80_columns_keep_numbers_whole_and_types_apart(
        tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_cases(pilot, app)
        table = screen.table
        lines = [table.render_line(y).text for y in range(1, 12)]
        numbers = [re.match(r"\s*(\d+)", line) for line in lines]
        assert all(m is not None and len(m.group(1)) == 10 for m in numbers), lines
        shown = "\n".join(lines)
        assert "HSM VVR" in shown and "HSM ext." in shown, shown
        assert "HSM …" not in shown
        # The first s from the default order (newest change first) changes the order.
        before = [table.model.row_at(i).zaaknummer for i in range(table.row_count)]
        await pilot.press("s")
        assert [table.model.row_at(i).zaaknummer for i in range(table.row_count)] != before
        # ? says what this list is once.
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        said = "\n".join(str(w.render()) for w in app.screen.query("#help > Static"))
        first = text("cases.help", "en").split(".")[0]
        assert said.count(first) == 1


async def test_the_count_above_the_cases_table_is_never_broken(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_cases(pilot, app)
        total = len(screen.rows)
        await wait_for(pilot, lambda: f"{total} of {total} cases" in str(
            screen.query_one("#cases-facets").render()).splitlines()[-1])
        assert all(len(line) <= 118 for line in str(
            screen.query_one("#cases-facets").render()).splitlines())


async def test_the_wizard_footer_shows_submit_first(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: any(k.action == "submit" for k in
                                          screen.query_one(PortalFooter).query(FooterKey)))
        keys = list(screen.query_one(PortalFooter).query(FooterKey))
        assert [k.action for k in keys[:3]] == ["submit", "next_page", "previous_page"]
        await wait_for(pilot, lambda: keys[0].region.right <= 80 and keys[0].region.width > 0)


async def test_esc_after_f3_closes_the_help_and_stays(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        await go_to(pilot, screen, "job_title")
        help_text = screen.query_one("#help-job_title", Static)
        await pilot.press("f3")
        assert help_text.display
        await pilot.press("escape")
        assert pilot.app.screen is screen and not help_text.display
        await pilot.press("tab")  # help mode is off: the next question shows none
        await wait_for(pilot, lambda: screen.focused.id == "field-contract_start")
        assert not screen.query_one("#help-contract_start").display
        await pilot.press("escape")  # nothing to close: back out of the wizard
        await wait_for(pilot, lambda: pilot.app.screen is not screen)


async def test_tab_and_right_complete_the_country_shown(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        await go_to(pilot, screen, "nationality")
        field = screen.query_one("#field-nationality", Input)
        await pilot.press(*"jap")
        await wait_for(pilot, lambda: "Japan" in str(
            screen.query_one("#hint-nationality", Static).render()))
        await pilot.press("tab")
        assert field.value == "Japan (JPN)" and screen.focused is field
        await pilot.press("tab")  # nothing left to complete: on to the next question
        await wait_for(pilot, lambda: screen.focused is not field)
        # → completes also when the cursor came back later (no suggestion after the text).
        await go_to(pilot, screen, "nationality")
        await pilot.press("ctrl+u", *"kingd")
        await go_to(pilot, screen, "employee_name")
        await go_to(pilot, screen, "nationality")
        await pilot.press("end", "right")
        assert field.value == "United Kingdom (GBR)"


async def test_appointment_pickers_say_type_and_choice_in_words(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    zaak = await _free_case(sandbox)
    app = make_app(sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, CasePicker))
        table = app.screen.query_one("#pick-case-table")
        types = [table.model.cell_texts(i)[2] for i in table.model.view]
        assert types and not any("_" in kind for kind in types), types
        await pilot.press("escape")
        await _pick_case(pilot, zaak)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, LocationPicker))
        places = app.screen.query_one(LocationList)
        await pilot.press("space")  # the first place chosen, the second not
        await wait_for(pilot, lambda: bool(places.selected))

        def box(y: int) -> str:
            return places.render_line(y).text[:3]

        await wait_for(pilot, lambda: box(0) != box(1))
        assert box(0).strip("▐▌") == "X" and box(1).strip("▐▌") == " "

