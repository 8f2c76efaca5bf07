"""The filing screen files a draft only for the company it was prepared for: a payroll agency
logged in for one client never files another client's draft, and a draft from before drafts
were bound is bound once, after asking."""

from __future__ import annotations

from pathlib import Path

import pytest

from ind_tui.i18n import set_language
from ind_tui.local.drafts.bundle import read_bundle
from ind_tui.tui.widgets.confirm import ConfirmDialog
from tests.test_tui_filing import counts, fast_app, open_filing, ready_session, text_of
from tests.tui_helpers import login_as, sandbox_app, wait_for

DELTA, NOORDZEE = "56789012", "12345678"


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


async def test_another_clients_draft_is_refused_and_nothing_is_sent(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = ready_session(tmp_path)  # prepared for KvK 12345678 (Noordzee)
    assert session.draft.kvk == NOORDZEE
    before = counts(sandbox)
    async with app.run_test(size=(80, 24)) as pilot:
        await login_as(pilot, "agent-delta")  # acts for Delta Software, KvK 56789012
        screen = await open_filing(pilot, session)
        await wait_for(pilot, lambda: screen.query_one("#filing-problem").display)
        shown = text_of(screen, "#filing-problem")
        assert NOORDZEE in shown and DELTA in shown
        assert not screen.check_action("send", ())
        await pilot.press("f", "y")
        assert not isinstance(app.screen, ConfirmDialog)
    assert counts(sandbox) == before
    assert read_bundle(session.path).idempotency_key is None


@pytest.mark.parametrize("answer", ["y", "n"])
async def test_an_unbound_draft_is_bound_once_after_asking(tmp_path: Path, answer: str) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = ready_session(tmp_path)
    session.draft.kvk = None  # as a draft from before drafts recorded their company
    session.save()
    async with app.run_test(size=(80, 24)) as pilot:
        await login_as(pilot, "agent-delta")
        await open_filing_behind_a_question(pilot, session)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog) and "56789012" in dialog.question
        await pilot.press(answer)
        await wait_for(pilot, lambda: not isinstance(app.screen, ConfirmDialog))
        screen = app.screen
        if answer == "y":
            assert read_bundle(session.path).kvk == DELTA
            await wait_for(pilot, lambda: screen.fee is not None)  # type: ignore[attr-defined]
            assert screen.check_action("send", ())
        else:
            assert read_bundle(session.path).kvk is None
            await wait_for(pilot, lambda: screen.query_one("#filing-problem").display)
            assert not screen.check_action("send", ())


async def open_filing_behind_a_question(pilot: object, session: object) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen
    from ind_tui.tui.screens.wizard.filing import FilingScreen

    app = pilot.app  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))  # type: ignore[arg-type]
    app.push_screen(FilingScreen(session))  # type: ignore[arg-type]
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))  # type: ignore[arg-type]
