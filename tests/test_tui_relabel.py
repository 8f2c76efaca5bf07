"""Switching language relabels the drafts, cases, case, employees, import, account and login
screens, their forms and the dialogs where they stand: the same screen and widget objects,
what was typed, the focus, the cursor and the scroll stay; the words are Dutch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Label

from ind_tui.i18n import t
from ind_tui.i18n import text as text_in
from ind_tui.tui.app import PortalApp
from ind_tui.tui.widgets.table import VirtualTable
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for

SIZE = (80, 24)


def text(widget: Widget) -> str:
    return str(widget.render())


def kept(app: PortalApp, screen: Any, *widgets: Widget) -> None:
    """The screen is still shown and every widget held is still the one on it: a rebuilt
    screen would have new widgets (the held ones no longer attached)."""
    assert app.screen is screen
    for widget in widgets:
        assert widget.is_attached and widget.screen is screen
        if widget.id:
            assert screen.query_one(f"#{widget.id}") is widget


def table_state(table: VirtualTable) -> tuple[int | None, float, str]:
    return table.cursor_row_index, table.scroll_y, table.model.query


async def filtered_near_the_end(pilot: Pilot[Any], table: VirtualTable, typed: str) -> Input:
    """`/` and a filter typed, back to the table (Enter), the cursor one above the last row
    (so the list has scrolled); the filter line is returned."""
    await pilot.press("slash", *typed, "enter", "G", "k")
    assert table.has_focus and table.scroll_y > 0
    field = table.screen.query_one("#filter", Input)
    assert field.value == typed
    return field


# --- drafts ----------------------------------------------------------------------------------


async def test_drafts_relabel_in_place(tmp_path: Path) -> None:
    from tests.test_tui_drafts import make_draft, open_drafts

    for n in range(16):
        make_draft(employee=f"Priya {n:02d}")
    make_draft("broken.tfa").write_bytes(b"not a draft")  # its row says so in words
    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_drafts(pilot)
        table = screen.table
        await wait_for(pilot, lambda: table.row_count == 17)
        field = await filtered_near_the_end(pilot, table, "priya")
        hint, detail = screen.query_one("#drafts-hint"), screen.query_one("#drafts-detail")
        before, english = table_state(table), text(detail)
        await app.switch_language("nl")
        await wait_for(pilot, lambda: text(hint) == t("drafts.hint"))
        kept(app, screen, table, field, hint, detail)
        assert table_state(table) == before and table.has_focus
        assert text(detail) != english and t("drafts.detail.created", when="")[:6] in text(detail)
        assert table.model.columns[0].title == t("drafts.col.form")
        assert field.placeholder == t("table.filter_placeholder")
        await pilot.press("escape")  # the filter off: the unreadable draft says so in Dutch
        await wait_for(pilot, lambda: table.row_count == 17)
        cells = [table.model.cell_texts(i)[1] for i in table.model.view]
        assert t("drafts.unreadable", code="")[:8] in " ".join(cells)


# --- cases -----------------------------------------------------------------------------------


async def test_cases_list_relabels_in_place(tmp_path: Path) -> None:
    from ind_tui.domain.cases import STATUS_COLUMN
    from ind_tui.tui.screens.cases.columns import status_text
    from tests.test_tui_cases import open_cases

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        table = screen.table
        field = await filtered_near_the_end(pilot, table, "31")
        title, facets = screen.query_one("#cases-title"), screen.query_one("#cases-facets")
        before, english = table_state(table), text(facets)
        row = table.model.rows[table.cursor_row_index]
        shown = table.model.cell_texts(table.cursor_row_index)[STATUS_COLUMN]
        assert shown == status_text(row.status)
        await app.switch_language("nl")
        await wait_for(pilot, lambda: text(title) == t("cases.title"))
        kept(app, screen, table, field, title, facets)
        assert table_state(table) == before and table.has_focus
        assert text(facets) != english and t("cases.facet.all") in text(facets)
        assert table.model.columns[STATUS_COLUMN].title == t("cases.col.status")
        dutch = table.model.cell_texts(table.cursor_row_index)[STATUS_COLUMN]
        assert dutch == status_text(row.status) != shown
        # What `/` finds follows too: the Dutch word for the status finds the row.
        word = t(f"cases.status.{row.status.status}")
        assert table.model.filter(f"status:{word}") and row in [
            table.model.rows[i] for i in table.model.view]


async def test_case_detail_relabels_in_place(tmp_path: Path) -> None:
    from tests.test_tui_cases import open_case_where

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_case_where(pilot, app, lambda r: r.status.status == "info_requested")
        dossier = screen.query_one("#case-dossier")
        summary, upload = screen.query_one("#case-summary"), screen.query_one("#case-upload")
        hint = screen.query_one("#case-dossier-hint")
        assert dossier.option_count > 1
        await pilot.press("j")
        before = dossier.highlighted
        english = (text(summary), text(upload))
        await app.switch_language("nl")
        await wait_for(pilot, lambda: text(hint) == t("case.dossier_hint"))
        kept(app, screen, dossier, summary, upload, hint)
        assert dossier.has_focus and dossier.highlighted == before == 1
        assert text(summary) != english[0] and text(upload) != english[1]
        assert f"{t('case.status')}:" in text(summary)
        assert summary.border_title == t("case.summary")


# --- employees -------------------------------------------------------------------------------


async def test_employees_list_relabels_in_place(tmp_path: Path) -> None:
    from tests.test_tui_employees import _employees

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _employees(pilot)
        table = screen.table
        field = await filtered_near_the_end(pilot, table, "a")
        status, detail = screen.query_one("#emp-status"), screen.query_one("#emp-detail")
        before, english = table_state(table), text(detail)
        employee = screen.current()
        assert employee is not None
        await app.switch_language("nl")
        await wait_for(pilot, lambda: t("employees.title") in text(status))
        kept(app, screen, table, field, status, detail)
        assert table_state(table) == before and table.has_focus
        assert screen.current() is employee and text(detail) != english
        cells = table.model.cell_texts(table.cursor_row_index)
        assert cells[4] == t(f"purpose.{employee.purpose.value}")
        assert cells[7] == t(f"employees.status.{employee.status.value}")
        assert table.model.columns[0].title == t("employees.col.name")


async def test_register_form_relabels_in_place(tmp_path: Path) -> None:
    from ind_tui.tui.screens.employees.forms import RegisterScreen
    from tests.test_tui_employees import _employees

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _employees(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, RegisterScreen))
        form = app.screen
        await pilot.press(*"Ada Okafor", "enter", *"12345", "enter", *"1-4-1991", "enter",
                          *"Nigeria", "enter")
        await pilot.press("ctrl+s")  # the V-number is short, the start date missing
        v_error = form.query_one("#e-v_number")
        await wait_for(pilot, lambda: text(v_error) != "")
        form.query_one("#f-date_of_birth").focus()
        await pilot.press("end", "backspace")
        fields = list(form.query(Input))
        label, purposes = form.query_one("#l-name", Label), form.query_one("#f-purpose")
        before = ([f.value for f in fields], purposes.highlighted, text(v_error))
        await app.switch_language("nl")
        await wait_for(pilot, lambda: text(label) == t("employees.field.name"))
        kept(app, form, label, purposes, v_error, *fields)
        assert [f.value for f in fields] == before[0] and before[0][2] == "1-4-199"
        assert form.focused is form.query_one("#f-date_of_birth")
        picked = purposes.highlighted
        assert picked == before[1] and picked is not None
        assert text(v_error) not in ("", before[2])
        assert str(purposes.get_option_at_index(picked).prompt) == t(
            f"purpose.{form.purposes[picked].value}")
        assert "NGA" in text(form.query_one("#e-nationality"))


async def test_deregister_form_relabels_in_place(tmp_path: Path) -> None:
    from ind_tui.api.employees import DeregistrationReason
    from ind_tui.tui.screens.employees.forms import DeregisterScreen
    from tests.test_tui_employees import _employees

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await _employees(pilot)
        await pilot.press("f", *"1370738426", "enter")  # contract ended 40 days ago: late
        await wait_for(pilot, lambda: screen.current() is not None
                       and screen.current().name == "Leila Chen")
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, DeregisterScreen))
        form = app.screen
        await pilot.press("tab", "down", "tab", *"moved abroad")
        reasons, note = form.query_one("#f-reason"), form.query_one("#f-note", Input)
        deadline, label = form.query_one("#deadline"), form.query_one("#l-reason", Label)
        english = text(deadline)
        await app.switch_language("nl")
        await wait_for(pilot, lambda: text(label) == t("employees.field.reason"))
        kept(app, form, reasons, note, deadline, label)
        assert note.value == "moved abroad" and note.has_focus and reasons.highlighted == 1
        assert text(deadline) not in ("", english)
        reason = list(DeregistrationReason)[1].value
        assert str(reasons.get_option_at_index(1).prompt) == t(f"employees.reason.{reason}")


async def test_import_relabels_in_place(tmp_path: Path) -> None:
    from ind_tui.tui.screens.employees.bulk import ImportScreen
    from tests.test_tui_employees import _employees

    source = tmp_path / "new-staff.csv"
    source.write_text("Naam;V-nummer;Geboortedatum;Nationaliteit;Verblijfsdoel;Startdatum\n"
                      "José Álvarez;4200000001;14-2-1991;MEX;arbeid;1-10-2026\n"
                      "Foute Regel;42;1-1-1990;IND;arbeid;1-10-2026\n"
                      "Yuki Silva;1684665718;08-12-1986;JPN;arbeid;16-06-2024\n",
                      encoding="utf-8")
    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await _employees(pilot)
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, ImportScreen))
        screen = app.screen
        await pilot.press(*str(source), "enter")
        await wait_for(pilot, lambda: screen.preview is not None)
        table = screen.query_one("#import-table", VirtualTable)
        path, summary = screen.query_one("#import-path", Input), screen.query_one("#import-summary")
        title = screen.query_one("#import-title")
        await pilot.press("j")
        detail = screen.query_one("#import-detail")
        english = (text(summary), text(detail))
        assert table.has_focus and table.cursor_row == 1 and english[1]
        await app.switch_language("nl")
        await wait_for(pilot, lambda: text(title) == t("employees.import.title"))
        kept(app, screen, table, path, summary, title, detail)
        assert path.value == str(source) and table.has_focus and table.cursor_row == 1
        assert text(summary) != english[0]
        await wait_for(pilot, lambda: text(detail) not in ("", english[1]))
        assert table.model.cell_texts(1)[1] == t("employees.import.state.error")


# --- account ---------------------------------------------------------------------------------


async def test_account_relabels_in_place(tmp_path: Path) -> None:
    from ind_tui.tui.screens.account.screen import AccountScreen

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await home_settled(pilot)
        await pilot.press("5")
        await wait_for(pilot, lambda: isinstance(app.screen, AccountScreen)
                       and app.screen.account is not None)
        screen = app.screen
        body, company = screen.query_one("#account-body"), screen.query_one("#account-company")
        duty = screen.query_one("#account-duty")
        await pilot.press("end")
        before, english = body.scroll_y, text(company)
        assert body.has_focus and before > 0
        await app.switch_language("nl")
        await wait_for(pilot, lambda: company.border_title == t("account.company"))
        kept(app, screen, body, company, duty)
        assert body.has_focus and body.scroll_y == before
        assert text(company) != english and t("account.duty")[:20] in text(duty)


# --- login -----------------------------------------------------------------------------------


async def test_login_relabels_in_place(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.login import LoginScreen
    from ind_tui.tui.widgets.lists import VimOptionList

    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen)
                       and app.screen.device is not None
                       and app.screen.query_one(VimOptionList).option_count > 3)
        screen = app.screen
        identities = screen.query_one(VimOptionList)
        field = screen.query_one("#filter", Input)
        status, hint = screen.query_one("#login-status"), screen.query_one("#identities-hint")
        await pilot.press("slash", "s", "enter", "j", "j")
        before = (identities.highlighted, identities.option_count, field.value)
        assert identities.has_focus and before[0] == 2 and field.value == "s"
        english = text(status)
        await app.switch_language("nl")
        await wait_for(pilot, lambda: text(hint) == t("login.sandbox_hint"))
        kept(app, screen, identities, field, status, hint)
        assert (identities.highlighted, identities.option_count, field.value) == before
        assert identities.has_focus and text(status) not in ("", english)
        assert screen.device is not None
        assert text(screen.query_one("#login-code")) == t("login.code",
                                                          code=screen.device.user_code)


# --- dialogs ---------------------------------------------------------------------------------


def nl(key: str, **values: object) -> str:
    return text_in(key, "nl", **values)


def footer_says(screen: Any, key: str) -> bool:
    from textual.widgets._footer import FooterKey

    return any(k.description == nl(key) for k in screen.query(FooterKey))


def said(screen: Any, selector: str, key: str, **values: object) -> bool:
    return text(screen.query_one(selector)) == nl(key, **values)


def _dialog(name: str) -> Any:
    """The dialog, what to type into it, and when it speaks Dutch."""
    from textual.widgets import Button

    from ind_tui.api.errors import PortalError
    from ind_tui.tui.screens.cases.dialogs import CaseNumberPrompt
    from ind_tui.tui.screens.drafts.dialogs import QuestionDialog
    from ind_tui.tui.screens.due.screen import DateScreen
    from ind_tui.tui.screens.payments.screen import ExportDialog
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen
    from ind_tui.tui.screens.shell.help import HelpScreen
    from ind_tui.tui.screens.shell.jump import JumpScreen
    from ind_tui.tui.screens.shell.report import ReportScreen
    from ind_tui.tui.widgets.confirm import ConfirmDialog
    from ind_tui.tui.widgets.prompt import PromptDialog

    return {
        "confirm": (lambda _: ConfirmDialog("Delete it?"), (), lambda s: str(
            s.query_one("#confirm-yes", Button).label) == nl("confirm.button.yes",
                                                             label=nl("confirm.yes"))),
        "prompt": (lambda _: PromptDialog("Name", "The new name"), "half typed",
                   lambda s: footer_says(s, "key.back")),
        "question": (lambda _: QuestionDialog("Open", "Open it?", yes="y", no="n"), (),
                     lambda s: footer_says(s, "drafts.key.yes")),
        "jump": (lambda _: JumpScreen(), "cas", lambda s: said(s, "Tr", "jump.prompt")),
        "case number": (lambda _: CaseNumberPrompt(), ("Z", "enter", "3", "1"),
                        lambda s: said(s, "#jump-problem", "cases.jump.bad", value="Z")),
        "guidance": (lambda _: GuidanceScreen(PortalError("gone", code="not_found")), (),
                     lambda s: text(s.query("Static").last()) == nl("error.kept")),
        "help": (lambda below: HelpScreen(below), (),
                 lambda s: said(s, ".title", "help.title")),
        "report": (lambda _: ReportScreen(("<svg/>", "home")), "it broke",
                   lambda s: text(s.query_one("#report-keys")) == nl("key.submit") + ": ctrl+s"),
        "date": (lambda _: DateScreen(), (*"2026-13-01", "enter", "backspace"),
                 lambda s: said(s, "#due-date-error", "due.address.invalid")),
        "payments export": (lambda _: ExportDialog("~/payments.csv", 3), "x",
                            lambda s: said(s, ".muted", "payments.export_prompt", count=3)),
    }[name]


@pytest.mark.parametrize("name", ["confirm", "prompt", "question", "jump", "case number",
                                  "guidance", "help", "report", "date", "payments export"])
async def test_dialogs_relabel_in_place(tmp_path: Path, name: str) -> None:
    from textual.widgets import Footer, TextArea

    make, keys, dutch = _dialog(name)
    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await home_settled(pilot)
        home = app.screen
        app.push_screen(make(home))
        await wait_for(pilot, lambda: app.screen is not home and app.screen.is_mounted)
        dialog = app.screen
        await pilot.press(*keys)
        focused = dialog.focused
        fields = list(dialog.query(Input)) + list(dialog.query(TextArea))
        typed = [f.value if isinstance(f, Input) else f.text for f in fields]
        # The footer is rebuilt by Textual whenever the keys change; everything else stays.
        widgets = [w for w in dialog.query("*") if not any(
            isinstance(a, Footer) for a in (w, *w.ancestors))]
        assert not dutch(dialog)
        await app.switch_language("nl")
        await wait_for(pilot, lambda: dutch(dialog))
        kept(app, dialog, *widgets)
        assert dialog.focused is focused
        assert [f.value if isinstance(f, Input) else f.text for f in fields] == typed
        assert not fields or any(typed)


async def test_booking_steps_relabel_in_place(tmp_path: Path) -> None:
    from ind_tui.tui.screens.appointments.book import (
        CasePicker,
        LocationPicker,
        PurposePicker,
        SlotPicker,
        case_status,
    )
    from tests.test_tui_appointments import _free_case, _open

    sandbox = sandbox_app(tmp_path)
    zaak = await _free_case(sandbox)
    app = make_app(sandbox, lang="en")

    async def switch(step: Any, lang: str, *held: Widget) -> None:
        title = step.query_one(".title")
        english = text(title)
        await app.switch_language(lang)
        await wait_for(pilot, lambda: text(title) != english)
        kept(app, step, title, *held)

    async with app.run_test(size=(100, 30)) as pilot:
        await _open(pilot)
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, CasePicker))
        step = app.screen
        table = step.query_one(VirtualTable)
        await pilot.press("slash", *zaak)
        field = step.query_one("#filter", Input)
        await switch(step, "nl", table, field)
        assert field.value == zaak and field.has_focus and table.row_count == 1
        index = table.cursor_row_index
        assert index is not None and step.cases[index].zaaknummer == zaak
        assert table.model.cell_texts(index)[3] == case_status("in_progress") != "in_progress"
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PurposePicker))
        step = app.screen
        purposes = step.query_one("#pick-purpose-list")
        before = purposes.highlighted
        await switch(step, "en", purposes)
        assert purposes.highlighted == before and purposes.has_focus
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, LocationPicker))
        step = app.screen
        places = step.query_one("#pick-places-list")
        await pilot.press("j", "space")
        before = (places.highlighted, list(places.selected))
        await switch(step, "nl", places)
        assert (places.highlighted, list(places.selected)) == before and before[1]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SlotPicker)
                       and app.screen.found is not None)
        step = app.screen
        slots = step.query_one("#pick-slot-list")
        await pilot.press("j")
        prompt = str(slots.get_option_at_index(1).prompt)
        await switch(step, "en", slots)
        assert slots.highlighted == 1 and slots.has_focus
        assert str(slots.get_option_at_index(1).prompt) != prompt  # the weekday in English


async def test_answering_a_request_relabels_in_place(tmp_path: Path) -> None:
    from ind_tui.tui.screens.inbox.answer import AnswerScreen
    from ind_tui.tui.screens.inbox.text import document_title
    from tests.test_tui_inbox import _home, _open_request

    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"this is a photo, not a PDF")
    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=(120, 36)) as pilot:
        await _home(pilot)
        await _open_request(pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnswerScreen))
        screen = app.screen
        docs = screen.message.requested
        first = screen.query_one(f"#path-{docs[0].key}", Input)
        first.value = str(bad)
        await pilot.press("ctrl+s")  # the second is missing: said, nothing checked
        status = screen.query_one("#answer-status")
        await wait_for(pilot, lambda: document_title(docs[-1]) in text(status))
        label = screen.query_one(f"#label-{docs[0].key}", Label)
        english = (text(status), text(label))
        await app.switch_language("nl")
        await wait_for(pilot, lambda: text(label) != english[1])
        kept(app, screen, first, status, label)
        assert first.value == str(bad) and first.has_focus
        assert text(label) == document_title(docs[0])
        assert text(status) != english[0] and document_title(docs[-1]) in text(status)
