"""How the documents page, the review page, the filing confirmation and the receipt look, in
Dutch and English, at 80x24 (pytest-textual-snapshot).

Update after an intended change with
`pytest tests/test_tui_wizard_panes_snapshots.py --snapshot-update` and look at the report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot

import ind_tui
from ind_tui.i18n import set_language
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.filing import FilingStage
from ind_tui.tui.screens.wizard.docs import DocumentsPane
from ind_tui.tui.screens.wizard.filing import FilingScreen
from ind_tui.tui.screens.wizard.review import ReviewPane
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.confirm import ConfirmDialog
from tests.conftest_drafts import pdf_bytes, write_pdf
from tests.test_tui_filing import fast_app, ready_session
from tests.test_tui_wizard_review import session_for
from tests.tui_helpers import login_as, sandbox_app, settle, wait_for

SIZE = (80, 24)
LANGS = ["nl", "en"]
TODAY = date(2026, 11, 2)


class PaneHost(App[None]):
    # The app's styles: its own, then those it adds when a screen after login opens.
    CSS_PATH = [Path(ind_tui.__file__).parent / "tui" / name for name in ("app.tcss",
                                                                         "screens.tcss")]

    def __init__(self, session: DraftSession, pane: str) -> None:
        super().__init__()
        self.session = session
        self.pane = pane

    def compose(self) -> ComposeResult:
        if self.pane == "docs":
            yield DocumentsPane(self.session, id="docs")
        else:
            yield ReviewPane(self.session, self.session.evaluation(TODAY), id="review")
        yield PortalFooter()


def docs_session(tmp_path: Path) -> DraftSession:
    session = session_for(tmp_path, antecedents=True, antecedents_details="A fine in 2019")
    session.attach("passport_copy", write_pdf(tmp_path / "paspoort-priya.pdf", pdf_bytes(3)))
    return session


@pytest.fixture(autouse=True)
def _english_after() -> Any:
    yield
    set_language("en")


@pytest.mark.parametrize("lang", LANGS)
def test_documents_page(snap_compare: Any, tmp_path: Path, lang: str) -> None:
    set_language(lang)
    app = PaneHost(docs_session(tmp_path), "docs")

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_for(pilot, lambda: pilot.app.query_one(DocumentsPane).evaluation is not None)
        await pilot.press("j")  # the photo card, with its explanation
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_review_page(snap_compare: Any, tmp_path: Path, lang: str) -> None:
    set_language(lang)
    session = docs_session(tmp_path)
    session.set_answer("contact_phone", "+31 70 123 4567")
    app = PaneHost(session, "review")

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_for(pilot, lambda: pilot.app.query_one("#review-lines").option_count > 0)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


async def _filing(pilot: Pilot[Any], tmp_path: Path) -> FilingScreen:
    from ind_tui.tui.screens.shell.home import HomeScreen

    await login_as(pilot, "sponsor-eh3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    screen = FilingScreen(ready_session(tmp_path))
    pilot.app.push_screen(screen)
    await wait_for(pilot, lambda: screen.fee is not None)
    await settle(pilot)  # the login's notes, before a dialog covers the screen
    return screen


@pytest.mark.parametrize("lang", LANGS)
def test_filing_confirmation(snap_compare: Any, tmp_path: Path, lang: str) -> None:
    app = fast_app(sandbox_app(tmp_path), lang=lang)

    async def run_before(pilot: Pilot[Any]) -> None:
        await _filing(pilot, tmp_path)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
def test_receipt(snap_compare: Any, tmp_path: Path, lang: str) -> None:
    app = fast_app(sandbox_app(tmp_path), lang=lang)

    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await _filing(pilot, tmp_path)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
        await pilot.press("y")
        draft = screen.session.draft
        await wait_for(pilot, lambda: draft.stage is FilingStage.DONE)
        # The "Filed" toast comes once the screen has handled the result, which may be after
        # the stage changed: wait for it, so `settle` clears it every time.
        await wait_for(pilot, lambda: any("3100" in str(n.message)
                                          for n in pilot.app._notifications))
        # Portal ids are random per run; show fixed ones so the picture is stable.
        draft.application_id = "APP-0001"
        assert draft.receipt is not None
        draft.receipt = draft.receipt.model_copy(update={"payment_reference": "PAY-0001"})
        screen._update_view()
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
