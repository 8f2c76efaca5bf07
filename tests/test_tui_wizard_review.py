"""The review page: every answer as a person reads it, Enter to edit, the fee, and Submit
held back while something blocks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Button, OptionList, Static

from ind_tui.domain.forms import example_answers
from ind_tui.domain.forms.engine import Evaluation
from ind_tui.i18n import set_language, t
from ind_tui.i18n.format import money
from ind_tui.local.drafts.session import DraftSession
from ind_tui.local.drafts.store import DocumentStore
from ind_tui.tui.screens.wizard.review import ReviewPane
from tests.conftest_drafts import write_pdf
from tests.tui_helpers import wait_for

TODAY = date(2026, 11, 2)
PERSON = {"employee_name": "Priya Patel", "date_of_birth": "1990-05-17", "nationality": "IND"}


class Host(App[None]):
    def __init__(self, session: DraftSession, evaluation: Evaluation) -> None:
        super().__init__()
        self.session = session
        self.evaluation = evaluation
        self.messages: list[object] = []

    def compose(self) -> ComposeResult:
        yield ReviewPane(self.session, self.evaluation, id="review")

    def on_review_pane_edit(self, message: ReviewPane.Edit) -> None:
        self.messages.append(message)

    def on_review_pane_submit(self, message: ReviewPane.Submit) -> None:
        self.messages.append(message)


def session_for(tmp_path: Path, form_id: str = "hsm_first_vvr", **answers: object
                ) -> DraftSession:
    store = DocumentStore(tmp_path / "store")
    (tmp_path / "drafts").mkdir(exist_ok=True)
    # Prepared for sponsor-eh3's company, as New application does: filing it as that login is
    # allowed without a question.
    session = DraftSession.new(form_id, directory=tmp_path / "drafts", store=store,
                               kvk="12345678")
    for key, value in {**PERSON, **example_answers(form_id), **answers}.items():
        session.set_answer(key, value)
    return session


def lines(app: App[None]) -> str:
    options = app.query_one("#review-lines", OptionList)
    return "\n".join(str(options.get_option_at_index(i).prompt)
                     for i in range(options.option_count))


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


async def test_every_answer_is_shown_formatted(tmp_path: Path) -> None:
    session = session_for(tmp_path, antecedents=True,
                          antecedents_details="Fined for speeding in 2019")
    write_pdf(tmp_path / "passport.pdf")
    session.attach("passport_copy", tmp_path / "passport.pdf")
    evaluation = session.evaluation(TODAY)
    assert evaluation.ok
    app = Host(session, evaluation)
    async with app.run_test(size=(100, 40)):
        text = lines(app)
        for page in evaluation.pages:
            assert page.page.title.en in text
            for state in page.fields:
                assert state.field.label.en in text
        answers = session.draft.answers
        born = date.fromisoformat(answers["date_of_birth"])
        assert born.strftime("%d-%m-%Y") in text  # dates day first
        assert answers["date_of_birth"] not in text
        assert "India (IND)" in text  # the country's name, not only its code
        assert money(evaluation.values["gross_monthly_salary"], "en", cents=False) in text
        assert "Yes" in text  # antecedents, a yes/no answer
        assert "passport.pdf" in text and "Photo card" in text
        fee = str(app.query_one("#review-fee", Static).render())
        assert "Fee for 2026: €423." in fee and "Provisional" not in fee
        assert not app.query_one("#review-submit", Button).disabled


async def test_enter_on_a_line_asks_to_edit_that_field_or_document(tmp_path: Path) -> None:
    session = session_for(tmp_path)
    app = Host(session, session.evaluation(TODAY))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("enter")  # the cursor starts on the first field
        await wait_for(pilot, lambda: app.messages)
        first = app.evaluation.pages[0].fields[0].field.id
        assert isinstance(app.messages[-1], ReviewPane.Edit)
        assert app.messages[-1].target == first
        pane = app.query_one(ReviewPane)
        pane.focus_target("photo_card")
        await pilot.press("e")
        await wait_for(pilot, lambda: len(app.messages) == 2)
        assert app.messages[-1].target == "photo_card"  # type: ignore[attr-defined]


async def test_submit_posts_only_when_nothing_blocks(tmp_path: Path) -> None:
    session = session_for(tmp_path)
    app = Host(session, session.evaluation(TODAY))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await wait_for(pilot, lambda: app.messages)
        assert isinstance(app.messages[-1], ReviewPane.Submit)


async def test_submit_is_disabled_with_the_reason_while_blocking(tmp_path: Path) -> None:
    # Antecedents "yes" asks for a passport copy, and the salary is taken away.
    session = session_for(tmp_path, antecedents=True,
                          antecedents_details="Fined for speeding in 2019")
    session.set_answer("gross_monthly_salary", None)
    evaluation = session.evaluation(TODAY)
    assert not evaluation.ok
    app = Host(session, evaluation)
    async with app.run_test(size=(100, 40)) as pilot:
        assert app.query_one("#review-submit", Button).disabled
        why = str(app.query_one("#review-why", Static).render())
        assert "Cannot submit yet (2 to fix)" in why
        assert "first: Gross monthly salary (EUR)." in why
        await pilot.press("s")
        await pilot.pause()
        assert app.messages == []  # no Submit while something blocks
        # ... and the cursor went to the first thing to fix.
        highlighted = app.query_one("#review-lines", OptionList).highlighted_option
        assert highlighted is not None and highlighted.id == "f:gross_monthly_salary"
        assert t("wizard.review.unanswered") in lines(app)
        assert "missing: attach it" in lines(app)
        # Fixed elsewhere in the wizard: the pane follows.
        session.set_answer("gross_monthly_salary", "6000")
        write_pdf(tmp_path / "p.pdf")
        session.attach("passport_copy", tmp_path / "p.pdf")
        app.query_one(ReviewPane).refresh_from(session.evaluation(TODAY))
        await pilot.pause()
        assert not app.query_one("#review-submit", Button).disabled
        await pilot.click("#review-submit")
        await wait_for(pilot, lambda: app.messages)
        assert isinstance(app.messages[-1], ReviewPane.Submit)


async def test_provisional_and_unknown_fees_are_said(tmp_path: Path) -> None:
    session = session_for(tmp_path, "family_first")
    later = session.evaluation(date(2027, 1, 5))
    assert later.fee.provisional or later.fee.amount is None
    app = Host(session, later)
    async with app.run_test(size=(100, 40)):
        fee = str(app.query_one("#review-fee", Static).render())
        assert "2027" in fee
        assert ("Provisional" in fee) if later.fee.amount is not None else ("not known" in fee)


def test_money_reads_as_each_language_writes_it() -> None:
    from decimal import Decimal

    assert money(Decimal("5688.5"), "nl", cents=False) == "€ 5.688,50"
    assert money(Decimal("5688.5"), "en", cents=False) == "€5,688.50"
    assert money(423, "nl", cents=False) == "€ 423"
