"""Filing from the TUI against the in-process sandbox: confirm, upload, submit, pay, receipt;
with faults on, still one application and one payment; a busy form service keeps every
answer; a lapsed session logs in again and comes back; a reopened paid draft never pays
again; the receipt is saved to a file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from textual.pilot import Pilot

from ind_tui.i18n import set_language
from ind_tui.local.drafts.bundle import read_bundle
from ind_tui.local.drafts.session import DraftSession
from ind_tui.local.settings import Profile
from ind_tui.local.startup import StartInfo
from ind_tui.local.tokens import StoreKind, StoreStatus, TokenStore
from ind_tui.services.connect import Connection, connect
from ind_tui.services.filing import FilingStage
from ind_tui.tui.app import PortalApp
from ind_tui.tui.screens.wizard.filing import FilingScreen
from ind_tui.tui.widgets.confirm import ConfirmDialog
from tests.client_fixtures import TEST_RETRY
from tests.conftest import ADMIN_TOKEN
from tests.conftest_drafts import pdf_bytes, write_pdf
from tests.test_tui_wizard_review import session_for
from tests.tui_helpers import PORTAL, login_as, sandbox_app, wait_for

FORM = "hsm_first_vvr"


def fast_app(sandbox: FastAPI, lang: str = "en") -> PortalApp:
    """As tests.tui_helpers.make_app, with retries that do not wait (faults retry a lot)."""
    profile = Profile(name="test", portal=PORTAL)
    store = TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False))

    def connector() -> AbstractAsyncContextManager[Connection]:
        @asynccontextmanager
        async def opened() -> AsyncIterator[Connection]:
            async with connect(profile, store=store, admin_token=ADMIN_TOKEN, retry=TEST_RETRY,
                               transport=httpx.ASGITransport(app=sandbox)) as conn:
                yield conn

        return opened()

    return PortalApp(StartInfo("test", PORTAL, lang), connector)


def ready_session(tmp_path: Path) -> DraftSession:
    """A complete draft of a first highly-skilled-migrant application with a passport copy."""
    session = session_for(tmp_path, antecedents=True, antecedents_details="A fine in 2019")
    session.attach("passport_copy", write_pdf(tmp_path / "passport.pdf", pdf_bytes(pages=2)))
    session.save()
    return session


def counts(sandbox: FastAPI) -> tuple[int, int]:
    db = sandbox.state.sandbox.db.read()
    apps = db.execute("SELECT COUNT(*) FROM applications").fetchone()[0]
    pays = db.execute("SELECT COUNT(*) FROM payments").fetchone()[0]
    return int(apps), int(pays)


async def open_filing(pilot: Pilot[Any], session: DraftSession) -> FilingScreen:
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = pilot.app
    if not isinstance(app.screen, FilingScreen):
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    screen = FilingScreen(session)
    app.push_screen(screen)
    await wait_for(pilot, lambda: app.screen is screen and screen.query_one("#filing-steps"))
    return screen


async def confirm_and_file(pilot: Pilot[Any], screen: FilingScreen) -> str:
    """Wait for the fee, press f, read the question, say yes."""
    await wait_for(pilot, lambda: screen.fee is not None)
    await pilot.press("f")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
    question = pilot.app.screen.question  # type: ignore[attr-defined]
    await pilot.press("y")
    return str(question)


def text_of(screen: FilingScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


async def test_file_pay_and_save_the_receipt(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = ready_session(tmp_path)
    before = counts(sandbox)
    async with app.run_test(size=(100, 40)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        summary = text_of(screen, "#filing-summary")
        await wait_for(pilot, lambda: "€423" in text_of(screen, "#filing-summary"))
        summary = text_of(screen, "#filing-summary")
        assert "filed exactly once" in summary and "never pays twice" in summary
        question = await confirm_and_file(pilot, screen)
        assert question == "File this application and pay €423?"
        await wait_for(pilot, lambda: session.draft.stage is FilingStage.DONE)
        receipt = session.draft.receipt
        assert receipt is not None
        await wait_for(pilot, lambda: screen.query_one("#filing-receipt").display)
        shown = text_of(screen, "#filing-receipt")
        assert receipt.zaaknummer in shown
        assert "2 November 2026" in shown  # received on the sandbox's today
        day = receipt.decision_deadline
        assert f"{day.day} " in shown and str(day.year) in shown
        steps = text_of(screen, "#filing-steps")
        assert steps.count("✓") == 4 and "✗" not in steps
        assert counts(sandbox) == (before[0] + 1, before[1] + 1)
        # The draft on disk says so too: a restart would not file it again.
        assert read_bundle(session.path).stage is FilingStage.DONE
        # Save the receipt (w, a path, Enter).
        await pilot.press("w")
        target = tmp_path / "out" / "receipt.txt"
        target.parent.mkdir()
        screen.query_one("#filing-save-path").value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.exists())
        assert receipt.zaaknummer in target.read_text("utf-8")
        # Esc after filing leads home.
        await pilot.press("escape")
        from ind_tui.tui.screens.shell.home import HomeScreen

        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_faults_on_every_step_still_file_once_and_pay_once(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = ready_session(tmp_path)
    before = counts(sandbox)
    async with app.run_test(size=(100, 40)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        admin = app.context.conn.sandbox_admin()
        # The work is done and the answer is lost, on each step; the portal also fails once
        # on the look-ups the client makes to find out what happened.
        for route in ("documents.upload", "applications.submit", "applications.pay"):
            await admin.fault(route, "commit_then_drop", count=1)
        for route in ("applications.find", "applications.get"):
            await admin.fault(route, "server_error", count=1)
        await confirm_and_file(pilot, screen)
        await wait_for(pilot, lambda: session.draft.stage is FilingStage.DONE
                       or screen.problem is not None)
        assert screen.problem is None, screen.error
        fired = {f.route: f.fired for f in (await admin.faults()).faults}
        assert fired["applications.submit"] == 1 and fired["applications.pay"] == 1
        assert counts(sandbox) == (before[0] + 1, before[1] + 1)


async def test_503_for_the_form_keeps_every_answer_and_offers_retry(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = ready_session(tmp_path)
    answers = dict(session.draft.answers)
    async with app.run_test(size=(100, 40)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        admin = app.context.conn.sandbox_admin()
        await admin.fault("applications.submit", "unavailable", form_type=FORM, retry_after=0)
        await confirm_and_file(pilot, screen)
        await wait_for(pilot, lambda: screen.problem is not None)
        assert screen.problem == "unavailable"
        problem = text_of(screen, "#filing-problem")
        assert "temporarily unavailable" in problem and "Every answer is kept" in problem
        assert "service_unavailable" in problem
        assert "✗" in text_of(screen, "#filing-steps")
        assert session.draft.stage is FilingStage.NOT_SENT
        assert read_bundle(session.path).answers == answers
        assert counts(sandbox)[0] == 0 or session.draft.application_id is None
        assert screen.check_action("retry", ()) and not screen.check_action("send", ())
        await admin.clear_faults()
        await pilot.press("r")
        await wait_for(pilot, lambda: session.draft.stage is FilingStage.DONE)
        assert read_bundle(session.path).answers == answers


async def test_a_lapsed_session_logs_in_again_and_comes_back(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = ready_session(tmp_path)
    before = counts(sandbox)
    async with app.run_test(size=(100, 40)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        await wait_for(pilot, lambda: screen.fee is not None)
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        # Meanwhile the portal ends every session (as when the refresh token runs out).
        with sandbox.state.sandbox.db.write() as conn:
            conn.execute("UPDATE tokens SET state='revoked'")
        await pilot.press("y")
        from ind_tui.tui.screens.shell.login import LoginScreen

        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
        assert app.screen.relogin
        assert session.draft.stage is FilingStage.NOT_SENT
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: app.screen is screen)
        await wait_for(pilot, lambda: session.draft.stage is FilingStage.DONE)
        assert counts(sandbox) == (before[0] + 1, before[1] + 1)


async def test_a_paid_draft_reopened_reconciles_and_never_pays_again(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = ready_session(tmp_path)
    before = counts(sandbox)
    async with app.run_test(size=(100, 40)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        admin = app.context.conn.sandbox_admin()
        # Paid, and every answer about it is lost: the receipt cannot be fetched.
        await admin.fault("applications.pay", "commit_then_drop", count=50)
        await confirm_and_file(pilot, screen)
        await wait_for(pilot, lambda: screen.problem is not None)
        assert screen.problem == "pending"
        problem = text_of(screen, "#filing-problem")
        assert "Do not pay again" in problem
        assert screen.check_action("reconcile", ()) and not screen.check_action("send", ())
        assert session.draft.stage is FilingStage.PAID
        assert counts(sandbox) == (before[0] + 1, before[1] + 1)
        await pilot.press("escape")  # leave; the draft on disk says PAID
        await admin.clear_faults()
        reopened = DraftSession.open(session.path, session.store)
        assert reopened.draft.stage is FilingStage.PAID
        again = await open_filing(pilot, reopened)
        await wait_for(pilot, lambda: reopened.draft.stage is FilingStage.DONE)
        await wait_for(pilot, lambda: again.query_one("#filing-receipt").display)
        assert counts(sandbox) == (before[0] + 1, before[1] + 1)
        assert reopened.draft.receipt is not None
        assert reopened.draft.receipt.zaaknummer in text_of(again, "#filing-receipt")


async def test_a_payment_that_did_not_arrive_is_tried_again_with_r(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = ready_session(tmp_path)
    before = counts(sandbox)
    async with app.run_test(size=(100, 40)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        admin = app.context.conn.sandbox_admin()
        await admin.fault("applications.pay", "server_error", count=50)
        await confirm_and_file(pilot, screen)
        await wait_for(pilot, lambda: screen.problem is not None)
        assert screen.problem == "not_sent"
        assert session.draft.stage is FilingStage.SUBMITTED
        await admin.clear_faults()
        await pilot.press("r")
        await wait_for(pilot, lambda: session.draft.stage is FilingStage.DONE)
        assert counts(sandbox) == (before[0] + 1, before[1] + 1)


async def test_a_free_notification_is_filed_without_a_payment(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = session_for(tmp_path, "position_notification")
    session.save()
    before = counts(sandbox)
    async with app.run_test(size=(100, 40)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        screen = await open_filing(pilot, session)
        await wait_for(pilot, lambda: "No fee." in text_of(screen, "#filing-summary"))
        assert not screen.query_one("#filing-method").display  # nothing to choose
        question = await confirm_and_file(pilot, screen)
        assert question == "File this application (no fee)?"
        await wait_for(pilot, lambda: session.draft.stage is FilingStage.DONE)
        steps = text_of(screen, "#filing-steps")
        assert steps.count("not needed") == 2  # no documents, no payment
        assert counts(sandbox) == (before[0] + 1, before[1])


async def test_esc_home_after_filing_from_the_wizard_leaves_the_app_running(
    tmp_path: Path,
) -> None:
    """Filing pushed over the wizard: Esc after the receipt goes home, past the wizard,
    whose 'now locked' rebuild must not run on a screen that is gone."""
    from ind_tui.local.drafts.store import DocumentStore
    from ind_tui.tui.screens.shell.home import HomeScreen
    from ind_tui.tui.screens.wizard.screen import WizardScreen

    sandbox = sandbox_app(tmp_path)
    app = fast_app(sandbox)
    session = ready_session(tmp_path)
    # The wizard opens the file with the user's own store: put the passport there too.
    session.store = DocumentStore()
    session.attach("passport_copy", write_pdf(tmp_path / "passport2.pdf", pdf_bytes(pages=2)))
    session.save()
    async with app.run_test(size=(100, 40)) as pilot:
        await login_as(pilot, "sponsor-eh3")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        wizard = WizardScreen(session.path)
        app.push_screen(wizard)
        await wait_for(pilot, lambda: app.screen is wizard and wizard.fee is not None)
        await pilot.press("f8")
        await wait_for(pilot, lambda: isinstance(app.screen, FilingScreen))
        screen = app.screen
        assert isinstance(screen, FilingScreen)
        await confirm_and_file(pilot, screen)
        await wait_for(pilot, lambda: screen.query_one("#filing-receipt").display)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        # Everything Esc set going has run its course (the wizard's rebuild among it).
        await wait_for(pilot, lambda: all(w.is_finished for w in app.workers))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, HomeScreen)
        assert counts(sandbox)[1] >= 1
