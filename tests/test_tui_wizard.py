"""The application wizard driven by keys against the real sandbox: pages, every field type,
the engine's reasons, help, the blocking panel, autosave, save-as, resuming, locked and
refused drafts."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from ind_tui.domain.forms.texts import MESSAGES
from ind_tui.i18n import set_language, t
from ind_tui.local.drafts.errors import Code, guidance
from ind_tui.local.drafts.session import DraftSession
from ind_tui.tui.screens.wizard.issues import DOCUMENTS, REVIEW, IssuesPanel
from ind_tui.tui.screens.wizard.screen import WizardScreen
from tests.tui_helpers import login_as, make_app, sandbox_app, wait_for

FORM = "hsm_first_vvr"  # pages: person, employment, address, antecedents, contact


@pytest.fixture(autouse=True)
def _english() -> Any:
    yield
    set_language("en")


def new_draft(tmp_path: Path, form_id: str = FORM, **answers: Any) -> Path:
    session = DraftSession.new(form_id, directory=tmp_path, kvk="12345678")  # sponsor-eh3's
    for field_id, value in answers.items():
        session.set_answer(field_id, value)
    return session.save()


def on_disk(path: Path) -> dict[str, Any]:
    return dict(DraftSession.open(path).draft.answers)


@asynccontextmanager
async def wizard(tmp_path: Path, path: Path, lang: str = "en"
                 ) -> AsyncIterator[tuple[Pilot[Any], WizardScreen]]:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = make_app(sandbox_app(tmp_path), lang=lang)
    async with app.run_test(size=(100, 30)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        screen = WizardScreen(path)
        app.push_screen(screen)
        await wait_for(pilot, lambda: app.screen is screen and (
            bool(screen.query("#wizard-refusal")) if screen.session is None else (
                screen.evaluation is not None and screen.focused is not None
                and str(screen.focused.id).startswith(("field-", "wizard-pages")))))
        yield pilot, screen


def reason(screen: WizardScreen, field_id: str) -> str:
    widget = screen.query_one(f"#reason-{field_id}", Static)
    return str(widget.render()) if widget.display else ""


async def go_to(pilot: Pilot[Any], screen: WizardScreen, field_id: str) -> None:
    assert screen.focus_field(field_id)
    await wait_for(pilot, lambda: screen.focused is not None
                   and screen.focused.id == f"field-{field_id}")


async def test_pages_change_with_keys_and_from_the_list(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        assert screen.page == "person"
        await wait_for(pilot, lambda: screen.focused.id == "field-employee_name")
        await pilot.press("pagedown")
        assert screen.page == "employment"
        await wait_for(pilot, lambda: screen.focused.id == "field-job_title")
        await pilot.press("ctrl+n")
        assert screen.page == "address"
        await pilot.press("ctrl+o", "pageup")
        assert screen.page == "person"
        assert screen.query_one("#page-person").display
        assert not screen.query_one("#page-employment").display
        # The page list: Documents and Review come after the form's pages.
        pages = screen.query_one("#wizard-pages")
        ids = [pages.get_option_at_index(i).id for i in range(pages.option_count)]
        assert ids == ["page-person", "page-employment", "page-address", "page-antecedents",
                       "page-contact", f"page-{DOCUMENTS}", f"page-{REVIEW}"]
        pages.focus()
        await pilot.press("G", "enter")
        assert screen.page == REVIEW
        await pilot.press("pagedown")  # nothing after Review
        assert screen.page == REVIEW
        await pilot.press("pageup")
        assert screen.page == DOCUMENTS


async def test_each_field_type_stores_what_the_engine_reads(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        await pilot.press(*"Priya Raman", "enter", *"14-02-1990", "enter")  # day first
        await pilot.press(*"indi")
        hint = screen.query_one("#hint-nationality", Static)
        assert "India (IND)" in str(hint.render())
        await pilot.press("right")  # takes the completion shown
        assert screen.query_one("#field-nationality", Input).value == "India (IND)"
        await pilot.press("enter", *"1234 56 789 0")
        await pilot.press("pagedown", *"Data engineer", "enter", *"2026-12-01", "enter")
        await pilot.press("j", "enter")  # fixed term: the end date now applies
        await wait_for(pilot, lambda: screen.query_one("#box-contract_end").display)
        await pilot.press(*"2028-11-30", "enter", *"6.688,50", "enter", "n")
        await pilot.press("pagedown", *"2511ab", "enter", *"12", "enter", *"Den Haag")
        await pilot.press("pagedown", "y", "enter", *"A fine in 2019")
        await pilot.press("pagedown", *" hr@example.nl ", "enter", *"+31 70 123 4567")
        answers = screen.session.draft.answers
        assert answers == {
            "employee_name": "Priya Raman", "date_of_birth": "1990-02-14",
            "nationality": "IND", "v_number": "1234567890",
            "job_title": "Data engineer", "contract_start": "2026-12-01",
            "contract_type": "fixed_term", "contract_end": "2028-11-30",
            "gross_monthly_salary": 6688.5, "recent_graduate": False,
            "postcode": "2511 AB", "house_number": "12", "city": "Den Haag",
            "antecedents": True, "antecedents_details": "A fine in 2019",
            "contact_email": "hr@example.nl", "contact_phone": "+31 70 123 4567",
        }
        assert not [i for i in screen.evaluation.issues if i.loc[0] != "documents"]


async def test_whole_numbers(tmp_path: Path) -> None:
    path = new_draft(tmp_path, "eu_blue_card")
    async with wizard(tmp_path, path) as (pilot, screen):
        await go_to(pilot, screen, "contract_months")
        await pilot.press(*"24")
        assert screen.session.answer("contract_months") == 24
        await pilot.press("backspace", "backspace", *"2 years")
        assert screen.session.answer("contract_months") == "2 years"  # kept as typed
        assert MESSAGES["invalid_number"].en in reason(screen, "contract_months")


async def test_bsn(tmp_path: Path) -> None:
    path = new_draft(tmp_path, "hsm_extension")
    async with wizard(tmp_path, path) as (pilot, screen):
        await go_to(pilot, screen, "bsn")
        await pilot.press(*"111 222 333")
        assert screen.session.answer("bsn") == "111222333"
        assert reason(screen, "bsn") == ""
        await pilot.press("backspace", "4")
        assert MESSAGES["invalid_bsn"].en in reason(screen, "bsn")


async def test_wrong_input_shows_the_engines_reason_at_once(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path), lang="nl") as (pilot, screen):
        await go_to(pilot, screen, "date_of_birth")
        await pilot.press(*"31-02-1990")
        assert MESSAGES["invalid_date"].nl in reason(screen, "date_of_birth")
        for _ in range(10):
            await pilot.press("backspace")
        assert reason(screen, "date_of_birth") == MESSAGES["required"].nl.join(["✗ ", ""])
        await pilot.press(*"2030-01-01")
        assert "2026-11-02" in reason(screen, "date_of_birth")  # the portal's today
        await go_to(pilot, screen, "contact_email")
        await pilot.press(*"hr@")
        assert MESSAGES["invalid_email"].nl in reason(screen, "contact_email")
        # An untouched empty question does not shout; its page is marked as open.
        assert reason(screen, "employee_name") == ""


async def test_f3_shows_and_hides_the_questions_help(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        await go_to(pilot, screen, "job_title")
        help_text = screen.query_one("#help-job_title", Static)
        assert not help_text.display
        await pilot.press("f3")
        assert help_text.display
        field = screen.session.form.field("job_title")
        assert field.help.en in str(help_text.render())
        # The help follows the cursor to the next question, until F3 turns it off.
        await pilot.press("tab")
        await wait_for(pilot, lambda: screen.focused.id == "field-contract_start")
        assert not help_text.display
        assert screen.query_one("#help-contract_start").display
        await pilot.press("f3")
        assert not screen.query_one("#help-contract_start").display
        await pilot.press("shift+tab")
        await wait_for(pilot, lambda: screen.focused.id == "field-job_title")
        assert not help_text.display


async def test_blocking_panel_lists_exactly_what_blocks_and_enter_goes_there(
        tmp_path: Path) -> None:
    path = new_draft(tmp_path, employee_name="Priya Raman", date_of_birth="1990-02-14",
                     nationality="IND", gross_monthly_salary=1200, recent_graduate=False,
                     antecedents=True)
    async with wizard(tmp_path, path) as (pilot, screen):
        panel = screen.query_one(IssuesPanel)
        assert not panel.display
        await pilot.press("f4")
        await wait_for(pilot, lambda: panel.options.has_focus)
        blocking = screen.evaluation.blocking
        assert [b.target for b in panel.items] == [i.target for i in blocking]
        listed = [str(panel.options.get_option_at_index(n).prompt)
                  for n in range(panel.options.option_count)]
        assert len(listed) == len(blocking)
        salary = next(n for n, b in enumerate(panel.items)
                      if b.target == "gross_monthly_salary")
        assert "below" in listed[salary]
        assert "passport_copy" in {b.target for b in panel.items}  # a document slot
        panel.options.highlighted = salary
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.focused.id == "field-gross_monthly_salary")
        assert screen.page == "employment"
        assert "below" in reason(screen, "gross_monthly_salary")
        await pilot.press("ctrl+u", *"7000")
        await wait_for(pilot, lambda: "gross_monthly_salary" not in
                       {b.target for b in panel.items})
        # A document: the Documents page, with that slot in focus.
        await pilot.press("f4")
        await wait_for(pilot, lambda: panel.options.has_focus)
        panel.options.highlighted = [b.target for b in panel.items].index("passport_copy")
        await pilot.press("enter")
        assert screen.page == DOCUMENTS
        # Esc closes the panel and leaves the screen where it was.
        await pilot.press("f4")
        await wait_for(pilot, lambda: panel.options.has_focus)
        await pilot.press("escape")
        assert not panel.display and screen.is_current


async def test_submit_is_offered_only_when_nothing_blocks(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        summary = screen.query_one("#wizard-summary", Static)
        assert "stop submitting" in str(summary.render())
        await pilot.press("f8")
        panel = screen.query_one(IssuesPanel)
        assert panel.display and screen.is_current  # not filed: the panel says why


async def test_autosave_writes_the_file_soon_after_a_change(tmp_path: Path) -> None:
    path = new_draft(tmp_path)
    async with wizard(tmp_path, path) as (pilot, screen):
        await pilot.press(*"Priya")
        await wait_for(pilot, lambda: on_disk(path).get("employee_name") == "Priya")
        saved = screen.query_one("#wizard-saved", Static)
        assert t("wizard.saved", time=screen.saved_at) in str(saved.render())
        await pilot.press(*" Raman")
        await wait_for(pilot, lambda: on_disk(path).get("employee_name") == "Priya Raman")


async def test_leaving_and_quitting_keep_every_answer(tmp_path: Path) -> None:
    path = new_draft(tmp_path)
    async with wizard(tmp_path, path) as (pilot, screen):
        await pilot.press(*"Priya", "escape")  # before the autosave delay has passed
        assert not screen.is_attached
        assert on_disk(path)["employee_name"] == "Priya"
        screen = WizardScreen(path)
        pilot.app.push_screen(screen)
        await wait_for(pilot, lambda: screen.evaluation is not None)
        await pilot.press("end", *" Raman")
        await pilot.app.action_quit()
    assert on_disk(path)["employee_name"] == "Priya Raman"


async def test_reopening_restores_answers_and_page(tmp_path: Path) -> None:
    path = new_draft(tmp_path)
    async with wizard(tmp_path, path) as (pilot, screen):
        await pilot.press(*"Priya Raman", "pagedown", *"Data engineer", "pagedown")
        assert screen.page == "address"
        await pilot.press("escape")
        screen = WizardScreen(path)
        pilot.app.push_screen(screen)
        await wait_for(pilot, lambda: screen.evaluation is not None)
        assert screen.page == "address"
        assert screen.query_one("#field-employee_name", Input).value == "Priya Raman"
        assert screen.query_one("#field-job_title", Input).value == "Data engineer"


async def test_save_as_adds_the_suffix_and_continues_in_the_new_file(tmp_path: Path) -> None:
    from ind_tui.tui.screens.wizard.pages import SaveAsScreen

    path = new_draft(tmp_path, employee_name="Priya Raman")
    (tmp_path / "taken.tfa").write_bytes(b"someone else's")
    async with wizard(tmp_path, path) as (pilot, screen):
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SaveAsScreen))
        await pilot.press("ctrl+u", *"taken", "enter")
        error = pilot.app.screen.query_one("#save-as-error", Static)
        assert "already exists" in str(error.render())
        assert (tmp_path / "taken.tfa").read_bytes() == b"someone else's"
        await pilot.press("ctrl+u", *"priya-first", "enter")
        await wait_for(pilot, lambda: pilot.app.screen is screen)
        target = tmp_path / "priya-first.tfa"
        assert screen.session.path == target
        assert on_disk(target)["employee_name"] == "Priya Raman"
        await pilot.press("pagedown", *"Analyst")
        await wait_for(pilot, lambda: on_disk(target).get("job_title") == "Analyst")
        assert "job_title" not in on_disk(path)  # the old file stays as it was


async def test_a_failing_save_says_why_and_keeps_the_answers(tmp_path: Path) -> None:
    path = new_draft(tmp_path)
    async with wizard(tmp_path, path) as (pilot, screen):
        screen.session.path = tmp_path / "gone" / "draft.tfa"  # a folder that is not there
        await pilot.press(*"Priya")
        failure = screen.query_one("#wizard-save-error", Static)
        await wait_for(pilot, lambda: failure.display)
        assert guidance(Code.DRAFT_SAVE_FAILED, "en") in str(failure.render())
        assert screen.session.answer("employee_name") == "Priya"
        await pilot.press("escape")  # would lose the answer: stays, says so
        assert screen.is_current
        screen.session.path = path  # the cause is fixed
        await pilot.press("ctrl+s")
        assert not failure.display
        assert on_disk(path)["employee_name"] == "Priya"


async def test_a_sent_draft_opens_read_only(tmp_path: Path) -> None:
    session = DraftSession.open(new_draft(tmp_path, employee_name="Priya Raman"))
    session.draft.idempotency_key = "key-0123456789abcdef"
    path = session.save()
    async with wizard(tmp_path, path) as (pilot, screen):
        assert screen.query_one("#wizard-locked").display
        editor = screen.query_one("#field-employee_name", Input)
        assert editor.disabled and editor.value == "Priya Raman"
        await pilot.press("pagedown")
        assert screen.page == "employment"
        assert screen.query_one("#field-contract_type").disabled
        before = path.read_bytes()
        await pilot.press("f8")  # continues filing instead of editing
        await pilot.pause()
        try:
            from ind_tui.tui.screens.wizard.filing import FilingScreen
        except ModuleNotFoundError:
            assert screen.is_current
        else:
            assert isinstance(pilot.app.screen, FilingScreen)
    assert DraftSession.open(path).draft.answers == {"employee_name": "Priya Raman"}
    assert path.read_bytes() == before or DraftSession.open(path).locked


async def test_a_refused_file_says_why_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "broken.tfa"
    path.write_bytes(b"this is not a zip file")
    async with wizard(tmp_path, path) as (pilot, screen):
        text = str(screen.query_one("#wizard-refusal", Static).render())
        assert guidance(Code.BUNDLE_UNREADABLE, "en").split(" (")[0] in text
        assert "bundle_unreadable" in text
        await pilot.press("pagedown", "f4", "f8", "escape")
        assert not screen.is_attached
    assert path.read_bytes() == b"this is not a zip file"


async def test_a_missing_file_says_so(tmp_path: Path) -> None:
    async with wizard(tmp_path, tmp_path / "nowhere.tfa") as (_pilot, screen):
        text = str(screen.query_one("#wizard-refusal", Static).render())
        assert "could not be opened" in text


async def test_review_asks_to_change_a_field_and_to_submit(tmp_path: Path) -> None:
    from ind_tui.tui.screens.wizard.review import ReviewPane

    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        screen.show_page(REVIEW)
        await wait_for(pilot, lambda: bool(screen.query(ReviewPane)))
        review = screen.query_one(ReviewPane)
        review.post_message(ReviewPane.Edit("city"))
        await wait_for(pilot, lambda: screen.focused is not None
                       and screen.focused.id == "field-city")
        assert screen.page == "address"
        screen.show_page(REVIEW)
        await wait_for(pilot, lambda: bool(screen.query(ReviewPane)))
        screen.query_one(ReviewPane).post_message(ReviewPane.Submit())
        panel = screen.query_one(IssuesPanel)
        await wait_for(pilot, lambda: panel.display)  # blocked: the panel, not filing
        assert screen.is_current


async def test_an_unavailable_portal_costs_no_answers(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen
    from ind_tui.tui.screens.shell.home import HomeScreen

    path = new_draft(tmp_path, employee_name="Priya Raman")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.context.conn.sandbox_admin().fault("application_types", "unavailable", count=20)
        screen = WizardScreen(path)
        app.push_screen(screen)
        await wait_for(pilot, lambda: isinstance(app.screen, GuidanceScreen))
        await pilot.press("escape")
        assert app.screen is screen and screen.fee is None
        await go_to(pilot, screen, "job_title")
        await pilot.press(*"Analyst")
        await wait_for(pilot, lambda: on_disk(path).get("job_title") == "Analyst")
        assert on_disk(path)["employee_name"] == "Priya Raman"


async def test_switching_language_keeps_answers_and_page(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        await pilot.press(*"Priya", "pagedown", "enter", *"31-11-2026")
        await pilot.app.switch_language("nl")
        # The new labels and the answer's check come after the switch has been painted.
        await wait_for(pilot, lambda: MESSAGES["invalid_date"].nl
                       in reason(screen, "contract_start"))
        assert screen.page == "employment"
        assert screen.query_one("#field-employee_name", Input).value == "Priya"
        assert t("wizard.page.review") == "Controleren"


async def test_a_complete_draft_goes_to_filing_and_comes_back_read_only(tmp_path: Path) -> None:
    from ind_tui.domain.forms import example_answers
    from ind_tui.tui.screens.wizard.filing import FilingScreen

    answers = example_answers(FORM) | {
        "employee_name": "Priya Raman", "date_of_birth": "1990-02-14", "nationality": "IND"}
    path = new_draft(tmp_path, **answers)
    async with wizard(tmp_path, path) as (pilot, screen):
        summary = screen.query_one("#wizard-summary", Static)
        assert "Nothing stops submitting" in str(summary.render())
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, FilingScreen))
        # Sending gives the draft its key; back in the wizard nothing can change any more.
        screen.session.draft.idempotency_key = "key-0123456789abcdef"
        pilot.app.pop_screen()
        await wait_for(pilot, lambda: screen.is_current
                       and screen.query_one("#wizard-locked").display)
        assert screen.query_one("#field-employee_name", Input).disabled
        assert screen.query_one("#field-employee_name", Input).value == "Priya Raman"


async def test_an_expired_login_asks_again_and_returns_to_the_wizard(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen
    from ind_tui.tui.screens.shell.login import LoginScreen

    path = new_draft(tmp_path, employee_name="Priya Raman")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        # Home has loaded what it shows (its calls would need a new login too).
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                       and app.screen.query_one("#today").display)
        # 91 days on: the access and the refresh token have both lapsed.
        await app.context.conn.sandbox_admin().advance(days=91)
        screen = WizardScreen(path)
        app.push_screen(screen)
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: app.screen is screen and screen.fee is not None)
        assert screen.query_one("#field-employee_name", Input).value == "Priya Raman"
        assert screen.today().isoformat() == "2027-02-01"  # the portal's date, 91 days on
