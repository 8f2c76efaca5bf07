"""Bulk extensions by keyboard, against the real sandbox in-process: in Due soon Space/m mark
the permits in their extension window, b makes one prefilled draft each and shows what
blocks each; f files the complete ones after one confirmation, with a summary. Also: the
home screen's drafts line per company, the drafts list's a/f kept for the session, and
`:ZAAKNUMMER` right after filing from the receipt kept at filing time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from ind_tui.domain.forms import example_answers
from ind_tui.i18n import set_language
from ind_tui.local.drafts.bundle import list_drafts
from ind_tui.local.drafts.model import FilingReceipt, FilingStage
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.bulk import Outcome
from ind_tui.services.duties import EXTENSION_WINDOW
from ind_tui.tui.widgets.confirm import ConfirmDialog
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for

SIZE = (80, 24)


def complete(paths: list[Path]) -> None:
    """What the clerk adds in the wizard: the answers the register does not know."""
    for path in paths:
        session = DraftSession.open(path)
        for key, value in example_answers("hsm_extension").items():
            session.set_answer(key, value)
        session.save()


def screen_text(app: Any) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


async def open_due(pilot: Pilot[Any]) -> Any:
    from ind_tui.tui.screens.due.screen import DueScreen

    app = pilot.app
    await pilot.press("7")
    await wait_for(pilot, lambda: isinstance(app.screen, DueScreen)
                   and app.screen.due is not None)
    return app.screen


async def test_mark_three_extensions_make_three_drafts_and_file_them(tmp_path: Path) -> None:
    set_language("en")
    from ind_tui.tui.screens.bulk.screen import BulkScreen
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen

    sandbox = sandbox_app(tmp_path)
    app = make_app(sandbox)
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "agent-noordzee")
        await home_settled(pilot)
        due = await open_due(pilot)
        windows = [i for i in due.due.items if i.kind == EXTENSION_WINDOW]
        assert len(windows) == 3
        # Space marks the one under the cursor (only an extension), m marks them all.
        first = due.due.items.index(windows[0])
        await pilot.press(*["j"] * first, "space")
        assert due.marked == {windows[0].v_number}
        cells = due.table.model.rows[first]
        assert str(cells[3]).startswith("✓ ")  # a character, not only a colour
        await pilot.press("m")
        assert due.marked == {i.v_number for i in windows}
        assert "3 marked" in str(due.query_one("#due-summary").render())
        await pilot.press("b")
        await wait_for(pilot, lambda: isinstance(app.screen, BulkScreen)
                       and len(app.screen.results) == 3)
        bulk = app.screen
        assert len(list_drafts()) == 3
        assert {r.outcome for r in bulk.results.values()} == {Outcome.BLOCKED}
        assert "Job title" in str(bulk.table.model.rows[0][3])
        # f with nothing complete files nothing.
        await pilot.press("f")
        assert not isinstance(app.screen, ConfirmDialog)
        complete([e.path for e in bulk.entries if e.path is not None])
        await pilot.press("r")
        await wait_for(pilot, lambda: {r.outcome for r in bulk.results.values()}
                       == {Outcome.READY})
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "File 3 extension applications?" in str(
            app.screen.query_one("#confirm-question").render())
        await pilot.press("y")
        await wait_for(pilot, lambda: bulk.summary and not bulk.running)
        results = list(bulk.results.values())
        assert [r.outcome for r in results] == [Outcome.FILED] * 3
        cases = {r.zaaknummer for r in results}
        assert len(cases) == 3 and None not in cases
        summary = str(bulk.query_one("#bulk-summary").render())
        assert summary.startswith("Filed 3:") and all(str(c) in summary for c in cases)
        db = sandbox.state.sandbox.db.read()
        assert db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 3
        assert db.execute("SELECT COUNT(*) FROM payments").fetchone()[0] == 3
        # :ZAAKNUMMER right away, even with the draft gone: the receipt kept at filing time.
        zaak = results[0].zaaknummer
        assert zaak is not None
        results[0].path.unlink()
        await pilot.press("colon", *zaak, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen)
                       and app.screen.pending is not None)
        assert "not yet registered" in screen_text(app)


async def test_home_counts_the_acting_companys_unfiled_drafts(tmp_path: Path) -> None:
    set_language("en")
    from ind_tui.tui.screens.drafts.home import home_lines

    for kvk, name in (("56789012", "Delta Software B.V."), ("12345678", "Noordzee"),
                      ("12345678", "Noordzee")):
        DraftSession.new("hsm_extension", kvk=kvk, sponsor_name=name)
    filed = DraftSession.new("hsm_extension", kvk="56789012", sponsor_name="Delta")
    d = filed.draft
    d.stage, d.application_id, d.fee_eur = FilingStage.DONE, "APP-2", 423
    d.idempotency_key, d.payment_key, d.payment_method = "k" * 16, "p" * 16, "direct_debit"
    d.receipt = FilingReceipt(zaaknummer="3100000117", receipt_date=date(2026, 11, 2),
                              decision_deadline=date(2027, 1, 31), payment_reference="PAY-1",
                              paid_at=datetime(2026, 11, 2, 9, tzinfo=UTC))
    filed.save()
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "agent-delta")
        await home_settled(pilot)
        assert await home_lines(app) == ["1 draft"]


async def test_the_drafts_views_choices_are_kept_for_the_session(tmp_path: Path) -> None:
    set_language("en")
    from ind_tui.tui.screens.drafts.screen import DraftsScreen

    DraftSession.new("hsm_extension", kvk="12345678", sponsor_name="Noordzee")
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "agent-delta")
        await home_settled(pilot)
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, DraftsScreen) and app.screen.loaded)
        assert app.screen.rows == []
        await pilot.press("a", "f")
        await wait_for(pilot, lambda: len(app.screen.rows) == 1)
        await pilot.press("escape")
        await home_settled(pilot)
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, DraftsScreen) and app.screen.loaded)
        drafts = app.screen
        assert drafts.view.all_companies and drafts.view.filed
        assert len(drafts.rows) == 1


async def test_lost_answers_mid_batch_then_f_again_files_each_once(tmp_path: Path) -> None:
    set_language("nl")
    from ind_tui.client.sandbox_admin import SandboxAdmin
    from ind_tui.tui.screens.bulk.screen import BulkScreen
    from tests.conftest import ADMIN_TOKEN

    sandbox = sandbox_app(tmp_path)
    app = make_app(sandbox, lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        await login_as(pilot, "agent-noordzee")
        await home_settled(pilot)
        await open_due(pilot)
        await pilot.press("m", "b")
        await wait_for(pilot, lambda: isinstance(app.screen, BulkScreen)
                       and len(app.screen.results) == 3)
        bulk = app.screen
        complete([e.path for e in bulk.entries if e.path is not None])
        await pilot.press("r")
        await wait_for(pilot, lambda: {r.outcome for r in bulk.results.values()}
                       == {Outcome.READY})
        admin = SandboxAdmin(app.context.client.http, ADMIN_TOKEN)
        # Each payment is made, and its answer lost on the way back.
        await admin.fault("applications.pay", "commit_then_drop")
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("j")
        await wait_for(pilot, lambda: bulk.summary and not bulk.running)
        assert {r.outcome for r in bulk.results.values()} == {Outcome.FAILED}
        summary = str(bulk.query_one("#bulk-summary").render())
        assert "Niets ingediend" in summary and "Opnieuw met f" in summary
        await admin.clear_faults()
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("j")
        await wait_for(pilot, lambda: {r.outcome for r in bulk.results.values()}
                       == {Outcome.FILED} and not bulk.running)
        assert len({r.zaaknummer for r in bulk.results.values()}) == 3
        assert str(bulk.query_one("#bulk-summary").render()).startswith("Ingediend 3:")
        db = sandbox.state.sandbox.db.read()
        assert db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 3
        assert db.execute("SELECT COUNT(*) FROM payments").fetchone()[0] == 3
