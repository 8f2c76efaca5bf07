"""A new application for a registered employee starts with what the register knows, from each
way in (New application's employee picker, Enter in Employees, Enter on an extension in Due
soon), and the wizard marks the answers so filled in until the user changes them; against
the real sandbox, in-process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from ind_tui.api.employees import Employee
from ind_tui.i18n import set_language
from ind_tui.local.drafts.bundle import list_drafts, read_bundle
from ind_tui.services.duties import EXTENSION_WINDOW, load_employee_duties
from ind_tui.tui.screens.wizard.begin import FormTypeDialog
from ind_tui.tui.screens.wizard.screen import WizardScreen
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for

SIZE = (80, 24)
PERSON = ("employee_name", "date_of_birth", "nationality", "v_number", "permit_expiry")


async def home(pilot: Pilot[Any], identity: str) -> None:
    await login_as(pilot, identity)
    await home_settled(pilot)


async def due_extension(app: Any) -> Employee:
    """The employee whose permit may be extended soonest (as the due list has it)."""
    client = app.context.client
    duty = next(d for d in await load_employee_duties(client) if d.kind == EXTENSION_WINDOW)
    return next(e for e in await client.employees() if e.id == duty.employee_id)


async def wizard_on_new_draft(pilot: Pilot[Any]) -> WizardScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, WizardScreen)
                   and app.screen.evaluation is not None)
    screen = app.screen
    assert isinstance(screen, WizardScreen) and screen.session is not None
    return screen


def label(screen: WizardScreen, field_id: str) -> str:
    return str(screen.form_pages.box(field_id).query_one(".field-label").render())


def assert_prefilled_from_register(screen: WizardScreen, employee: Employee) -> None:
    assert screen.session is not None
    draft = read_bundle(screen.session.path)
    assert draft.answers["v_number"] == employee.v_number
    assert draft.answers["employee_name"] == employee.name
    assert draft.answers["date_of_birth"] == employee.date_of_birth.isoformat()
    assert {draft.prefilled[f] for f in PERSON} == {"register"}


async def test_new_application_picks_an_employee_and_starts_prefilled(tmp_path: Path) -> None:
    set_language("en")
    from ind_tui.tui.screens.wizard.picker import EmployeePicker
    from ind_tui.tui.screens.wizard.start import NewApplicationScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await home(pilot, "sponsor-eh3")
        employee = await due_extension(app)
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, NewApplicationScreen)
                       and app.screen.types is not None)
        new = app.screen
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, EmployeePicker)
                       and app.screen.employees is not None)
        picker = app.screen
        # Part of the surname, any case: the employee is listed, and Enter takes them.
        await pilot.press(*employee.name.split()[-1][:4].upper())
        await wait_for(pilot, lambda: employee in picker.shown)
        while picker.shown[picker.query_one("#prefill-pick-list").highlighted or 0] != employee:
            await pilot.press("down")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is new and new.employee == employee)
        assert employee.name in str(new.query_one("#new-employee").render())
        # Only the forms about the employee, the extension first: their permit ends soon.
        shown = new.query_one("#new-types").options
        first = shown.get_option_at_index(0).id
        assert first == "hsm_extension" and shown.highlighted == 0
        ids = {shown.get_option_at_index(i).id for i in range(shown.option_count)}
        assert "family_first" not in ids and "position_notification" not in ids
        await pilot.press("enter")
        screen = await wizard_on_new_draft(pilot)
        assert screen.session is not None and screen.session.draft.form_id == "hsm_extension"
        assert_prefilled_from_register(screen, employee)
        assert "↺ from register" in label(screen, "employee_name")
        assert "↺" not in label(screen, "bsn")  # the register does not know it


async def test_enter_on_an_employee_asks_the_form_with_the_extension_first(
        tmp_path: Path) -> None:
    set_language("nl")
    from ind_tui.tui.screens.employees.screen import EmployeesScreen

    app = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await home(pilot, "agent-delta")
        employee = await due_extension(app)
        await pilot.press("4")
        await wait_for(pilot, lambda: isinstance(app.screen, EmployeesScreen)
                       and app.screen.loaded)
        await pilot.press("slash", *employee.v_number, "enter")
        screen = app.screen
        await wait_for(pilot, lambda: screen.current() == employee)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FormTypeDialog))
        dialog = app.screen
        assert [k.is_extension for k in dialog.types][:1] == [True]
        assert not any(k.id.startswith("family") for k in dialog.types)
        assert employee.name in str(dialog.query_one("#prefill-types-title").render())
        await pilot.press("enter")
        wizard = await wizard_on_new_draft(pilot)
        assert wizard.session is not None and wizard.session.draft.form_id == "hsm_extension"
        assert wizard.session.draft.kvk == "56789012"  # for the company acted for
        assert_prefilled_from_register(wizard, employee)
        assert "↺ uit register" in label(wizard, "v_number")


async def test_esc_in_the_form_question_starts_nothing(tmp_path: Path) -> None:
    set_language("en")
    from ind_tui.tui.screens.employees.screen import EmployeesScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await home(pilot, "agent-delta")
        await pilot.press("4")
        await wait_for(pilot, lambda: isinstance(app.screen, EmployeesScreen)
                       and app.screen.loaded)
        employees = app.screen
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FormTypeDialog))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is employees)
        assert list_drafts() == []


async def test_an_extension_due_starts_prefilled_from_the_due_list(tmp_path: Path) -> None:
    set_language("en")
    from ind_tui.tui.screens.due.screen import DueScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await home(pilot, "agent-delta")
        employee = await due_extension(app)
        await pilot.press("7")
        await wait_for(pilot, lambda: isinstance(app.screen, DueScreen)
                       and app.screen.due is not None)
        due = app.screen
        row = next(i for i, item in enumerate(due.due.items)
                   if item.kind == EXTENSION_WINDOW and item.v_number == employee.v_number)
        await pilot.press(*["j"] * row, "enter")  # no question: the extension it says
        wizard = await wizard_on_new_draft(pilot)
        assert wizard.session is not None and wizard.session.draft.form_id == "hsm_extension"
        assert_prefilled_from_register(wizard, employee)


async def test_changing_a_prefilled_answer_takes_its_mark_away(tmp_path: Path) -> None:
    set_language("en")
    from ind_tui.tui.screens.employees.screen import EmployeesScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await home(pilot, "agent-delta")
        await pilot.press("4")
        await wait_for(pilot, lambda: isinstance(app.screen, EmployeesScreen)
                       and app.screen.loaded)
        await pilot.press("u", "enter")  # the first with something to do: an extension
        await wait_for(pilot, lambda: isinstance(app.screen, FormTypeDialog))
        await pilot.press("enter")
        wizard = await wizard_on_new_draft(pilot)
        session = wizard.session
        assert session is not None
        await wait_for(pilot, lambda: wizard.focused is not None
                       and wizard.focused.id == "field-employee_name")
        # F3 on a prefilled answer says where it came from.
        await pilot.press("f3")
        help_text = str(wizard.query_one("#help-employee_name").render())
        assert "Filled in from register" in help_text
        assert "↺ from register" in label(wizard, "employee_name")
        await pilot.press("end", "x")
        await wait_for(pilot, lambda: "employee_name" not in session.draft.prefilled)
        assert "↺" not in label(wizard, "employee_name")
        assert "Filled in" not in str(wizard.query_one("#help-employee_name").render())
        assert "↺ from register" in label(wizard, "date_of_birth")  # the others keep theirs
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "employee_name" not in read_bundle(session.path).prefilled)
        assert read_bundle(session.path).prefilled["date_of_birth"] == "register"
