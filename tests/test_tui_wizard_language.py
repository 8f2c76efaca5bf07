"""Switching language in the wizard, its documents and review pages, filing, Save as and New
application: the texts change where they stand. The same screen and the same widgets stay
(held here and checked for identity: a rebuilt screen fails), and so do what was typed, the
focus, the cursor and the list positions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static

from ind_tui.domain.forms.texts import MESSAGES
from ind_tui.i18n import set_language, t, text
from ind_tui.tui.screens.wizard.docs import DocumentsPane
from ind_tui.tui.screens.wizard.fields import FieldBox
from ind_tui.tui.screens.wizard.issues import DOCUMENTS, REVIEW
from ind_tui.tui.screens.wizard.pages import SaveAsScreen
from ind_tui.tui.screens.wizard.review import ReviewPane
from ind_tui.tui.widgets.fields import ChoiceButton
from ind_tui.tui.widgets.pathinput import PathInput
from tests.test_tui_filing import fast_app, open_filing, ready_session
from tests.test_tui_new_application import open_new, prompt
from tests.test_tui_wizard import new_draft, reason, wizard
from tests.tui_helpers import login_as, make_app, sandbox_app, wait_for


@pytest.fixture(autouse=True)
def _english() -> Any:
    yield
    set_language("en")


def shown(widget: Widget) -> str:
    return str(widget.render())


def still_there(screen: Any, widgets: list[Widget]) -> bool:
    """Every widget held before the switch is still the one in the screen."""
    return all(w.is_attached and w.screen is screen for w in widgets)


async def test_the_wizard_keeps_a_page_half_filled_in(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        await pilot.press(*"Priya", "pagedown", "enter", *"31-11-2026", "left", "left")
        await wait_for(pilot, lambda: MESSAGES["invalid_date"].en
                       in reason(screen, "contract_start"))
        editor = screen.query_one("#field-contract_start", Input)
        box = screen.query_one("#box-contract_start", FieldBox)
        label = box.query_one(".field-label", Static)
        title = screen.query_one("#page-employment .page-title", Static)
        choice = screen.query_one("#box-contract_type", FieldBox)
        yes_no = screen.query_one("#field-recent_graduate")
        held = [editor, box, label, title, choice, yes_no, screen.query_one("#page-employment"),
                screen.query_one("#wizard-pages"), screen.query_one("#wizard-summary")]
        assert editor.has_focus and editor.cursor_position == 8
        english_summary = shown(screen.query_one("#wizard-summary"))

        await pilot.app.switch_language("nl")
        await wait_for(pilot, lambda: MESSAGES["invalid_date"].nl
                       in reason(screen, "contract_start"))
        await wait_for(pilot, lambda: box.field.label.nl in shown(label))
        assert pilot.app.screen is screen and still_there(screen, held)
        assert screen.query_one("#field-contract_start") is editor
        assert editor.has_focus and editor.value == "31-11-2026" and editor.cursor_position == 8
        assert screen.page == "employment"
        assert screen.query_one("#field-employee_name", Input).value == "Priya"
        assert editor.placeholder == text("wizard.placeholder.date", "nl")
        page = screen.session.form.pages[1]
        assert page.id == "employment" and shown(title) == page.title.nl
        labels = [str(b.label) for b in choice.query(ChoiceButton)]
        assert labels == [c.label.nl for c in choice.field.choices]
        assert [str(b.label) for b in yes_no.query(ChoiceButton)] == ["Ja", "Nee"]
        pages = screen.query_one("#wizard-pages", OptionList)
        assert text("wizard.page.review", "nl") in str(pages.get_option(f"page-{REVIEW}").prompt)
        assert shown(screen.query_one("#wizard-summary")) != english_summary


async def test_the_documents_page_keeps_a_path_being_typed(tmp_path: Path) -> None:
    path = new_draft(tmp_path, antecedents=True, antecedents_details="A fine in 2019")
    (tmp_path / "notes.pdf").write_text("not a PDF at all")
    async with wizard(tmp_path, path) as (pilot, screen):
        screen.show_page(DOCUMENTS)
        pane = screen.query_one(DocumentsPane)
        await wait_for(pilot, lambda: screen.query_one("#docs-slots").has_focus)
        pane.focus_slot("passport_copy")
        path_input = screen.query_one("#docs-path", PathInput)
        await pilot.press("a")
        await wait_for(pilot, lambda: path_input.has_focus)
        path_input.value = str(tmp_path / "notes.pdf")
        await pilot.press("enter")  # refused: the panel says why
        refused = screen.query_one("#docs-refused", Static)
        await wait_for(pilot, lambda: refused.display)
        await pilot.press("a", *str(tmp_path / "no"), "left")
        slots = screen.query_one("#docs-slots", OptionList)
        held = [pane, path_input, refused, slots, screen.query_one("#docs-intro")]
        english = (refused.border_title, shown(refused), str(slots.get_option("passport_copy")
                                                               .prompt))
        before = (path_input.value, path_input.cursor_position, slots.highlighted)

        await pilot.app.switch_language("nl")
        await wait_for(pilot, lambda: refused.border_title != english[0])
        assert pilot.app.screen is screen and still_there(screen, held)
        assert path_input.has_focus and screen.page == DOCUMENTS
        assert (path_input.value, path_input.cursor_position, slots.highlighted) == before
        assert refused.border_title == t("wizard.docs.refused_title", name="notes.pdf")
        assert t("wizard.docs.kept") in shown(refused) and shown(refused) != english[1]
        assert str(slots.get_option("passport_copy").prompt) != english[2]
        assert shown(screen.query_one("#docs-intro")) == t("wizard.docs.intro")
        assert path_input.placeholder == t("wizard.docs.path_placeholder")
        label = shown(screen.query_one("#docs-attach-label"))
        assert label.startswith(t("wizard.docs.path_label", slot="")[:8])


async def test_the_review_keeps_its_line(tmp_path: Path) -> None:
    path = new_draft(tmp_path, employee_name="Priya Raman", job_title="Analyst")
    async with wizard(tmp_path, path) as (pilot, screen):
        screen.show_page(REVIEW)
        await wait_for(pilot, lambda: bool(screen.query("#review-lines"))
                       and screen.query_one("#review-lines").has_focus)
        pane = screen.query_one(ReviewPane)
        lines = screen.query_one("#review-lines", OptionList)
        button = screen.query_one("#review-submit", Button)
        await pilot.press("G", "k")  # near the end: the list has scrolled
        await wait_for(pilot, lambda: lines.scroll_y > 0)
        before = (lines.highlighted, lines.scroll_y)
        english = str(lines.get_option_at_index(0).prompt)

        await pilot.app.switch_language("nl")
        await wait_for(pilot, lambda: str(button.label) == t("wizard.review.submit"))
        assert pilot.app.screen is screen and still_there(screen, [pane, lines, button])
        assert lines.has_focus and (lines.highlighted, lines.scroll_y) == before
        first_page = screen.session.form.pages[0].title
        assert str(lines.get_option_at_index(0).prompt) == first_page.nl != english


async def test_filing_keeps_the_chosen_payment_method(tmp_path: Path) -> None:
    session = ready_session(tmp_path)
    app = fast_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        method = screen.query_one("#filing-method", OptionList)
        await wait_for(pilot, lambda: screen.fee is not None and method.display)
        method.focus()
        await pilot.press("j")
        steps = screen.query_one("#filing-steps", Static)
        title = screen.query_one("#filing-title", Static)
        held = [method, steps, title, screen.query_one("#filing-summary")]
        english = shown(steps)

        await app.switch_language("nl")
        await wait_for(pilot, lambda: shown(steps) != english)
        assert app.screen is screen and still_there(screen, held)
        assert method.has_focus and method.highlighted == 1
        assert str(method.get_option("one_off").prompt) == (
            "(•) " + t("wizard.filing.method.one_off"))  # still the chosen one
        assert t("wizard.filing.step.submit") in shown(steps)
        assert session.form.title.nl in shown(title)


async def test_save_as_keeps_the_name_being_typed(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path)) as (pilot, screen):
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SaveAsScreen))
        dialog = pilot.app.screen
        name = dialog.query_one("#save-as-name", Input)
        await wait_for(pilot, lambda: name.has_focus)
        error = dialog.query_one("#save-as-error")
        await pilot.press("ctrl+u", "enter")  # no name: the dialog says so
        await wait_for(pilot, lambda: shown(error) == t("wizard.save_as.empty"))
        await pilot.press(*"anders")

        await pilot.app.switch_language("nl")
        await wait_for(pilot, lambda: shown(error) == text("wizard.save_as.empty", "nl"))
        assert pilot.app.screen is dialog and still_there(dialog, [name, error])
        assert pilot.app.screen_stack[-2] is screen  # the wizard under it, not rebuilt either
        assert name.value == "anders" and name.has_focus and name.cursor_position == 6
        assert text("wizard.save_as.title", "nl") in shown(dialog.query_one(".title"))


async def test_new_application_keeps_the_highlighted_type(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_new(pilot, "sponsor-eh3")
        types = screen.query_one("#new-types")
        options = types.options
        await pilot.press("j", "j")
        before = options.highlighted
        assert before == 2 and options.has_focus
        held = [types, options, screen.query_one("#new-title"), screen.query_one("#new-status")]
        kind = screen.types[0]

        await app.switch_language("nl")
        await wait_for(pilot, lambda: kind.name_nl in prompt(screen, kind.id))
        assert app.screen is screen and still_there(screen, held)
        assert options.has_focus and options.highlighted == before
        assert shown(screen.query_one("#new-title")) == "Nieuwe aanvraag"
        assert shown(screen.query_one("#new-status")) == t("new.count", count=len(screen.types))


async def test_the_question_before_another_draft_still_answers(tmp_path: Path) -> None:
    from ind_tui.local.drafts.bundle import list_drafts
    from ind_tui.local.drafts.session import DraftSession
    from ind_tui.tui.screens.wizard.screen import WizardScreen

    DraftSession.new("eu_blue_card", profile="test", kvk="12345678")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_new(pilot, "sponsor-eh3")
        await pilot.press("slash", *"blue", "enter", "enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "QuestionDialog")
        await app.switch_language("nl")
        assert type(app.screen).__name__ == "QuestionDialog"
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, WizardScreen)
                       and len(list_drafts()) == 2)
        assert screen.query_one("#new-types").is_attached


async def test_a_refused_file_says_why_in_the_new_language(tmp_path: Path) -> None:
    from ind_tui.local.drafts.errors import Code, guidance

    path = tmp_path / "broken.tfa"
    path.write_bytes(b"this is not a zip file")
    async with wizard(tmp_path, path) as (pilot, screen):
        refusal = screen.query_one("#wizard-refusal", Static)
        title = screen.query_one("#wizard-refused .title", Static)
        await pilot.app.switch_language("nl")
        dutch = guidance(Code.BUNDLE_UNREADABLE, "nl").split(" (")[0]
        await wait_for(pilot, lambda: dutch in shown(refusal))
        assert pilot.app.screen is screen and still_there(screen, [refusal, title])
        assert shown(title) == text("wizard.refused.title", "nl")
        assert "bundle_unreadable" in shown(refusal)
