"""The filing screen at 80x24 against the in-process sandbox: the payment choice has the keys
and marks the chosen method; a second application for the same person is asked about first
(No sends nothing, Yes files); the receipt names employee and company on screen and in the
saved file; after it, keys lead to another application or back to the drafts; a case
number just filed opens its local "not yet registered" view; Pay shows no made-up fee."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from ind_tui.api.payments import PaymentMethod
from ind_tui.i18n import set_language
from ind_tui.local.drafts.session import DraftSession
from ind_tui.local.paths import data_dir
from ind_tui.services.filing import FilingStage
from ind_tui.tui.screens.wizard.filing import FilingScreen
from ind_tui.tui.screens.wizard.payment import PaymentChoice
from ind_tui.tui.screens.wizard.steps import steps_text
from ind_tui.tui.widgets.confirm import ConfirmDialog
from tests.conftest_drafts import pdf_bytes, write_pdf
from tests.test_tui_filing import confirm_and_file, counts, fast_app, open_filing, text_of
from tests.test_tui_wizard_review import session_for
from tests.tui_helpers import login_as, sandbox_app, wait_for

SIZE = (80, 24)
CHOSEN, OTHER = "(•) ", "( ) "  # the marks, not only a colour: they read under NO_COLOR
V_NUMBER = "2345678901"
COMPANY = "Noordzee Technology B.V."


@pytest.fixture(autouse=True)
def _english() -> Any:
    set_language("en")
    yield
    set_language("en")


def filed_session(folder: Path, **answers: object) -> DraftSession:
    """A complete first application (with a passport copy) prepared for sponsor-eh3's
    company, in `folder`/drafts."""
    session = session_for(folder, antecedents=True, antecedents_details="A fine in 2019",
                          v_number=V_NUMBER, **answers)
    session.draft.sponsor_name = COMPANY
    session.attach("passport_copy", write_pdf(folder / "passport.pdf", pdf_bytes(pages=2)))
    session.save()
    return session


def lines_of(choice: PaymentChoice) -> list[str]:
    return [str(choice.get_option_at_index(i).prompt) for i in range(choice.option_count)]


def on_screen(screen: FilingScreen, selector: str) -> bool:
    """Inside the 80x24 screen above the footer, without scrolling."""
    region = screen.query_one(selector).region
    return region.height > 0 and region.bottom <= SIZE[1] - 1


async def file_it(pilot: Pilot[Any], screen: FilingScreen) -> None:
    await confirm_and_file(pilot, screen)
    await wait_for(pilot, lambda: screen.session.draft.stage is FilingStage.DONE
                   and screen.query_one("#filing-receipt").display)


@pytest.mark.parametrize("lang", ["en", "nl"])
async def test_the_payment_choice_has_the_keys_and_a_mark(tmp_path: Path, lang: str) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox, lang=lang)
    session = filed_session(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        await wait_for(pilot, lambda: screen.fee is not None)
        choice = screen.query_one("#filing-method", PaymentChoice)
        await wait_for(pilot, lambda: app.focused is choice)
        first, second = lines_of(choice)
        assert first.startswith(CHOSEN) and second.startswith(OTHER)
        # Both options and "f: file now" fit 80x24 without scrolling.
        for selector in ("#filing-method", "#filing-send-hint"):
            assert on_screen(screen, selector), selector
        assert text_of(screen, "#filing-send-hint").startswith("f: ")
        await pilot.press("j")
        first, second = lines_of(choice)
        assert first.startswith(OTHER) and second.startswith(CHOSEN)
        await pilot.press("k", "down")  # the arrows too
        assert lines_of(choice)[1].startswith(CHOSEN)
        await confirm_and_file(pilot, screen)
        await wait_for(pilot, lambda: session.draft.stage is FilingStage.DONE)
        assert session.draft.payment_method == PaymentMethod.ONE_OFF.value


async def test_a_second_application_for_the_same_person_is_asked_about(tmp_path: Path
                                                                      ) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    first = filed_session(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, first)
        await file_it(pilot, screen)
        zaak = first.draft.receipt.zaaknummer  # type: ignore[union-attr]
        before = counts(sandbox)
        # A second draft for the same person (as a copy would be), filed next.
        second = filed_session(tmp_path)
        await pilot.press("escape")
        screen = await open_filing(pilot, second)
        await wait_for(pilot, lambda: screen.fee is not None)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and dialog.danger  # starts on No
        assert "Priya Patel" in dialog.question
        assert zaak in dialog.detail and "not yet registered" in dialog.detail
        await pilot.press("enter")  # the default: No
        await wait_for(pilot, lambda: app.screen is screen)
        assert second.draft.stage is FilingStage.NOT_SENT and second.draft.idempotency_key is None
        assert counts(sandbox) == before
        # Yes goes on to the usual question; yes there files it.
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog)
                       and "pay" in app.screen.question)  # type: ignore[attr-defined]
        await pilot.press("y")
        await wait_for(pilot, lambda: second.draft.stage is FilingStage.DONE)
        assert counts(sandbox) == (before[0] + 1, before[1] + 1)


@pytest.mark.parametrize("lang", ["en", "nl"])
async def test_the_receipt_names_employee_and_company(tmp_path: Path, lang: str) -> None:
    app = fast_app(sandbox_app(tmp_path), lang=lang)
    session = filed_session(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        await file_it(pilot, screen)
        shown = text_of(screen, "#filing-receipt")
        for value in ("Priya Patel", V_NUMBER, COMPANY, "12345678"):
            assert value in shown, value
        # What comes next is on screen, and fits it.
        keys = text_of(screen, "#filing-next")
        assert "n: " in keys and "d: " in keys and COMPANY in keys
        assert on_screen(screen, "#filing-next")
        await pilot.press("w")
        target = tmp_path / "receipt.txt"
        screen.query_one("#filing-save-path").value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.exists())
        saved = target.read_text("utf-8")
        for value in ("Priya Patel", V_NUMBER, COMPANY, "12345678"):
            assert value in saved, value


@pytest.mark.parametrize(("key", "goes_to"), [("n", "NewApplicationScreen"),
                                              ("d", "DraftsScreen")])
async def test_after_the_receipt_keys_lead_on(tmp_path: Path, key: str, goes_to: str) -> None:
    app = fast_app(sandbox_app(tmp_path))
    session = filed_session(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        await pilot.press(key)  # nothing filed yet: not offered
        assert app.screen is screen
        await file_it(pilot, screen)
        await pilot.press(key)
        await wait_for(pilot, lambda: type(app.screen).__name__ == goes_to)


async def test_a_case_just_filed_opens_by_its_number(tmp_path: Path) -> None:
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen
    from ind_tui.tui.screens.shell.guidance import GuidanceScreen

    app = fast_app(sandbox_app(tmp_path))
    session = filed_session(data_dir())  # in the drafts folder, as the wizard keeps it
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        await file_it(pilot, screen)
        zaak = session.draft.receipt.zaaknummer  # type: ignore[union-attr]
        await pilot.press("colon", *zaak, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen)
                       and app.screen.pending is not None)
        detail = app.screen
        await wait_for(pilot, lambda: "Priya Patel" in str(detail.query_one("#case-summary")
                                                           .render()))
        assert not any(isinstance(s, GuidanceScreen) for s in app.screen_stack)
        assert detail.pending is not None and detail.pending.zaaknummer == zaak  # type: ignore[attr-defined]


def test_pay_shows_no_made_up_fee(tmp_path: Path) -> None:
    draft = session_for(tmp_path).draft
    unknown = str(steps_text(draft, None, None, False))
    assert "?" not in unknown and "Pay the fee" in unknown
    assert "Pay €423" in str(steps_text(draft, 423, None, False))
    set_language("nl")
    assert "Leges betalen" in str(steps_text(draft, None, None, False))
