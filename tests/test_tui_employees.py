"""The employees area driven by keys (Textual Pilot) against the real sandbox, in-process:
the list, filter and sort, duties, register, deregister with confirmation and the late flag,
the CSV import from the screen, and what an account without the service sees."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from ind_tui.tui.screens.employees.home import home_lines
from ind_tui.tui.screens.employees.screen import EmployeesScreen
from tests.tui_helpers import login_as, make_app, sandbox_app, wait_for

SIZE = (120, 36)


async def _employees(pilot: Pilot[Any], identity: str = "sponsor-eh3") -> EmployeesScreen:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = pilot.app
    await login_as(pilot, identity)
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                   and app.screen.query_one("#areas").option_count > 0)
    await pilot.press("4")
    await wait_for(pilot, lambda: isinstance(app.screen, EmployeesScreen) and app.screen.loaded)
    screen = app.screen
    assert isinstance(screen, EmployeesScreen)
    return screen


def _text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector).render())


def _posts(app: Any, path: str) -> int:
    return sum(1 for r in app.context.conn.client.reqlog.records()
               if r.method == "POST" and r.path.startswith(path))


async def test_the_list_filters_sorts_and_shows_the_duties(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _employees(pilot)
        assert screen.table.row_count == 60 and "60 of 60 employees" in _text(screen,
                                                                           "#emp-status")
        duties = _text(screen, "#emp-duties")
        assert "Leila Chen: deregistration 12 days overdue (contract ended)" in duties
        assert "extension possible" in duties
        await pilot.press("slash", *"status:dereg")
        await wait_for(pilot, lambda: screen.table.row_count == 4)
        assert all(screen.shown[i].status.value == "deregistered"
                   for i in screen.table.model.view)
        await pilot.press("enter", "escape")  # back to the table, then clear the filter
        await wait_for(pilot, lambda: screen.table.row_count == 60)
        await pilot.press("u")  # only those with something to do, soonest first
        await wait_for(pilot, lambda: screen.table.row_count == len(screen.duties))
        assert screen.table.row_count == 6
        assert [screen.shown[i].name for i in screen.table.model.view][:2] == [
            "Leila Chen", "Amara Park"]
        assert screen.current() is not None and screen.current().name == "Leila Chen"
        assert "Leila Chen · V 1370738426" in _text(screen, "#emp-detail")
        await pilot.press("u", "s")  # everyone again, sorted by name
        await wait_for(pilot, lambda: screen.table.row_count == 60)
        names = [screen.shown[i].name for i in screen.table.model.view]
        assert names == sorted(names)
        await pilot.press("f", *"9176254809", "enter")  # find by V-number
        await wait_for(pilot, lambda: screen.current() is not None
                       and screen.current().name == "Amara Park")
        await pilot.press("f", *"Omar K", "enter")  # or by the start of a name
        await wait_for(pilot, lambda: screen.current() is not None
                       and screen.current().name == "Omar Karimi")
        # Export what is in view: the filtered rows, as JSON because of the name.
        await pilot.press("slash", *"nat:egy", "enter")
        await wait_for(pilot, lambda: 0 < screen.table.row_count < 60)
        egyptians = screen.table.row_count
        target = tmp_path / "egy.json"
        await pilot.press("x")
        await wait_for(pilot, lambda: app.screen is not screen)
        app.screen.query_one("#prompt-input").value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.exists())
        exported = json.loads(target.read_text(encoding="utf-8"))
        assert len(exported) == egyptians and {e["nationality"] for e in exported} == {"EGY"}
        await app.switch_language("nl")  # the same list, filter and all, in Dutch
        await wait_for(pilot, lambda: f"{egyptians} van 60 werknemers" in _text(
            app.screen, "#emp-status"))
        assert app.screen is screen and screen.table.row_count == egyptians
        assert "afmelding 12 dagen te laat" in _text(app.screen, "#emp-duties")


async def test_register_by_keys_and_the_refusals_on_the_way(tmp_path: Path) -> None:
    from ind_tui.tui.screens.employees.forms import RegisterScreen
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _employees(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, RegisterScreen))
        form = app.screen
        await pilot.press(*"Ada Okafor", "enter", *"12345", "enter", *"1-4-1991", "enter",
                          *"Nigeria", "enter")
        await wait_for(pilot, lambda: "NGA: Nigeria" in _text(form, "#e-nationality"))
        await pilot.press("enter")  # the purpose: Enter takes it and moves on
        assert form.focused is form.query_one("#f-start_date")
        await pilot.press("ctrl+s")  # start date missing, V-number short: nothing is sent
        await wait_for(pilot, lambda: "not 10 digits" in _text(form, "#e-v_number"))
        assert "Start date is missing" in _text(form, "#e-start_date")
        assert _posts(app, "/employees") == 0
        await pilot.press("escape")  # away and back: what was typed is still there
        await wait_for(pilot, lambda: app.screen is screen)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, RegisterScreen)
                       and app.screen is not form)
        form = app.screen
        assert form.query_one("#f-name").value == "Ada Okafor"
        assert form.query_one("#f-nationality").value == "Nigeria"
        # An existing V-number: the portal refuses; its guidance shows, the form stays.
        form.query_one("#f-v_number").value = "1684665718"
        form.query_one("#f-start_date").value = "2026-10-01"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, GuidanceScreen))
        error = app.context.last_error
        assert error is not None and error.code == "employee_exists"
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is form)
        assert form.query_one("#f-name").value == "Ada Okafor"
        form.query_one("#f-v_number").value = "4100000001"
        form.query_one("#f-contract_end").focus()
        await pilot.press(*"30-9-2027", "enter")  # Enter on the last field sends
        await wait_for(pilot, lambda: app.screen is screen
                       and any(e.v_number == "4100000001" for e in screen.employees))
        added = next(e for e in await app.context.conn.client.employees()
                     if e.v_number == "4100000001")
        assert added.name == "Ada Okafor" and added.nationality == "NGA"
        assert str(added.contract_end) == "2027-09-30"
        assert screen.current() is not None and screen.current().v_number == "4100000001"
        assert screen.table.row_count == 61


async def test_deregister_asks_first_and_a_late_report_is_flagged(tmp_path: Path) -> None:
    from ind_tui.tui.screens.employees.forms import DeregisterScreen
    from ind_tui.tui.widgets.confirm import ConfirmDialog

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _employees(pilot)
        await pilot.press("f", *"1370738426", "enter")  # Leila Chen: contract ended 40 days ago
        await wait_for(pilot, lambda: screen.current() is not None
                       and screen.current().name == "Leila Chen")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, DeregisterScreen))
        form = app.screen
        assert form.query_one("#f-end_date").value == "23-09-2026"  # the contract end
        assert "ended on 21-10-2026" in _text(form, "#deadline")  # the 4 weeks are over
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")  # no: nothing is sent
        await wait_for(pilot, lambda: app.screen is screen)
        assert _posts(app, "/employees/") == 0
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, DeregisterScreen))
        await pilot.press("tab", "down")  # reason: the employee never started? no: next one
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "never started" in _text(app.screen, "Static")
        await pilot.press("y")
        await wait_for(pilot, lambda: screen.current() is not None
                       and screen.current().status.value == "deregistered")
        stored = next(e for e in await app.context.conn.client.employees()
                      if e.v_number == "1370738426")
        assert stored.deregistration_late and stored.end_reason is not None
        assert stored.end_reason.value == "never_started"
        assert "reported late" in _text(screen, "#emp-detail")
        assert any("LATE" in n.message for n in app._notifications)
        assert "Leila Chen" not in _text(screen, "#emp-duties")
        await pilot.press("d")  # already deregistered: said, not sent again
        await pilot.pause()
        assert _posts(app, "/employees/") == 1


async def test_import_from_the_screen_previews_then_sends(tmp_path: Path) -> None:
    from ind_tui.tui.screens.employees.bulk import ImportScreen
    from ind_tui.tui.widgets.confirm import ConfirmDialog

    source = tmp_path / "new-staff.csv"
    source.write_bytes(("Naam;V-nummer;Geboortedatum;Nationaliteit;Verblijfsdoel;Startdatum\r\n"
                        "José Álvarez;4200000001;14-2-1991;MEX;arbeid;1-10-2026\r\n"
                        "Foute Regel;42;1-1-1990;IND;arbeid;1-10-2026\r\n"
                        "Yuki Silva;1684665718;08-12-1986;JPN;arbeid;16-06-2024\r\n")
                       .encode("cp1252"))
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _employees(pilot)
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
        importer = app.screen
        await pilot.press(*str(source), "enter")
        await wait_for(pilot, lambda: importer.preview is not None)
        summary = _text(importer, "#import-summary")
        assert "1 to register · 1 already registered · 0 duplicate · 1 with errors" in summary
        assert "cp1252" in _text(importer, "#import-file")
        assert _posts(app, "/employees") == 0  # the preview sends nothing
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: importer.summary is not None
                       and "Registered 1" in _text(importer, "#import-result"))
        failures = tmp_path / "new-staff-failures.csv"
        assert str(failures) in _text(importer, "#import-result")
        assert "Foute Regel;42;" in failures.read_text(encoding="utf-8-sig")
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen and screen.loaded
                       and screen.table.row_count == 61)


async def test_an_employer_sees_why_not_and_has_no_home_lines(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "employer-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and app.screen.query_one("#areas").get_option("employees").disabled)
        assert await home_lines(app) == []
        # `:` does not open an area the account may not use: it says why.
        await pilot.press("colon", *"employees", "enter")
        await wait_for(pilot, lambda: any("only for recognised sponsors" in n.message
                                          for n in app._notifications))
        assert isinstance(app.screen, HomeScreen)
        # The screen itself still explains, should it be open when the role changes.
        app.push_screen(EmployeesScreen())
        await wait_for(pilot, lambda: isinstance(app.screen, EmployeesScreen)
                       and bool(app.screen.query("#emp-denied")))
        text = _text(app.screen, "#emp-denied")
        assert "not a recognised sponsor" in text and "34567890" in text
        assert "Log in on its behalf" in text
        assert not app.screen.query("#emp-table")
        await pilot.press("n")  # the actions are off here
        await pilot.pause()
        assert isinstance(app.screen, EmployeesScreen)


async def test_home_names_the_employee_duties(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and "to deregister" in _text(app.screen, "#today"))
        today = _text(app.screen, "#today")
        assert "Employees: 3 to deregister, 1 of them overdue" in today
        assert "Employees: 3 permits expire within 3 months" in today
