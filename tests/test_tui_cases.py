"""The running-cases screen and a case's detail, driven by keys against the real sandbox."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from textual.pilot import Pilot

from ind_tui.api.cases import COMPLETED_STATUSES, CaseStatus
from ind_tui.client.retry import FAST_RETRY
from ind_tui.domain.cases import (
    ARCHIVED_STATE,
    EXPORT_FIELDS,
    NOT_REGISTERED,
    STATUS_COLUMN,
    ZAAK_COLUMN,
    record,
)
from ind_tui.i18n import t
from ind_tui.i18n.format import CsvStyle
from ind_tui.local.settings import Profile
from ind_tui.local.startup import StartInfo
from ind_tui.local.tokens import StoreKind, StoreStatus, TokenStore
from ind_tui.sandbox.pdfgen import letter
from ind_tui.services.connect import Connection, connect
from ind_tui.tui.app import PortalApp
from ind_tui.tui.widgets.load_state import LoadState
from tests.conftest import ADMIN_TOKEN
from tests.tui_helpers import PORTAL, login_as, make_app, sandbox_app, wait_for

SIZE = (120, 36)


def cases_screen(app: PortalApp) -> Any:
    from ind_tui.tui.screens.cases.screen import CasesScreen

    screen = app.screen
    return screen if isinstance(screen, CasesScreen) else None


def ready(app: PortalApp) -> bool:
    """The list shows the whole cache and the background sync has ended."""
    screen = cases_screen(app)
    return (screen is not None and screen.full and not screen.syncing
            and (screen.last_report is not None or screen.load_line.is_failure))


async def open_cases(pilot: Pilot[Any], app: PortalApp, identity: str | None = "sponsor-eh3"
                     ) -> Any:
    from ind_tui.tui.screens.shell.home import HomeScreen

    if identity is not None:
        await login_as(pilot, identity)
    # Home settles first (its area lines load in a worker), then the list opens.
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                   and str(app.screen.query_one("#refreshed").render()).strip() != ""
                   and not any(w.group == "home" and not w.is_finished for w in app.workers))
    await pilot.press("3")
    await wait_for(pilot, lambda: ready(app))
    return app.screen


def view_rows(screen: Any) -> list[tuple[Any, ...]]:
    model = screen.table.model
    return [model.rows[i] for i in model.view]


def statuses(screen: Any) -> list[str]:
    return [row.status.status for row in view_rows(screen)]


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def leave(pilot: Pilot[Any], app: PortalApp) -> None:
    """Esc back home, and wait until the list's statuses are recorded as seen."""
    from ind_tui.tui.screens.shell.home import HomeScreen

    cache = await app.context.cache()
    scope = app.context.scope
    assert scope is not None
    before = cache.looked_at(scope)
    await pilot.press("escape")
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                   and cache.looked_at(scope) not in (None, before))


# --- the list --------------------------------------------------------------------------------


async def test_list_filter_facets_sort_and_jump(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        portal = await app.context.conn.client.cases()
        assert {row.zaaknummer for row in view_rows(screen)} == {c.zaaknummer for c in portal}
        assert "06:00" in text_of(screen, "#cases-fresh")  # when the portal refreshed
        # filter as you type: status and type together
        in_progress = {c.zaaknummer for c in portal if c.status is CaseStatus.IN_PROGRESS}
        await pilot.press("slash", *"status:in-progress")
        assert {row.zaaknummer for row in view_rows(screen)} == in_progress
        await pilot.press(*" type:hsm")
        assert {row.zaaknummer for row in view_rows(screen)} == {
            c.zaaknummer for c in portal
            if c.status is CaseStatus.IN_PROGRESS and c.type_id.startswith("hsm")}
        await wait_for(pilot, lambda: t("cases.count", shown=len(view_rows(screen)),
                                        total=len(portal)) in text_of(screen, "#cases-facets"))
        await pilot.press("escape")  # clears the filter, back to the table
        assert len(view_rows(screen)) == len(portal)
        # quick views
        await pilot.press("3")
        assert set(statuses(screen)) == {"info_requested"}
        await pilot.press("4")
        assert set(statuses(screen)) <= {"decided", "ready_for_collection"}
        assert statuses(screen)
        await pilot.press("1")
        assert len(view_rows(screen)) == len(portal)
        # sort: newest change first at the start; s walks the columns, S reverses
        changed = [row[7] for row in view_rows(screen)]
        assert changed == sorted(changed, reverse=True)
        await pilot.press("s")  # data order looks the same: the first press goes on
        numbers = [row.zaaknummer for row in view_rows(screen)]
        assert numbers == sorted(numbers)
        await pilot.press("S")
        assert [row.zaaknummer for row in view_rows(screen)] == sorted(numbers, reverse=True)
        # z: go to a case number within the list
        target = sorted(numbers)[len(numbers) // 2]
        await pilot.press("3")  # a view it may be outside of
        await pilot.press("z", *target, "enter")
        await wait_for(pilot, lambda: screen.table.model.row_at(
            screen.table.cursor_row).zaaknummer == target)


def detail_loaded(app: PortalApp, zaak: str) -> bool:
    """The case's screen is mounted and done loading: leaving it earlier would pull its
    widgets from under the load that is still filling them."""
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen

    screen = app.screen
    return (isinstance(screen, CaseDetailScreen) and screen.zaaknummer == zaak
            and screen.is_mounted and screen.detail is not None
            and all(w.is_finished for w in app.workers if w.node is screen))


async def test_colon_jump_opens_a_case_over_the_list(tmp_path: Path) -> None:
    from ind_tui.tui.screens.cases.screen import CasesScreen

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        zaak = view_rows(screen)[3].zaaknummer
        await pilot.press("colon", *f"cases Z{zaak}", "enter")
        await wait_for(pilot, lambda: detail_loaded(app, zaak))
        await pilot.press("escape")
        await wait_for(pilot, lambda: ready(app))
        assert isinstance(app.screen, CasesScreen)
        assert app.screen.table.model.row_at(app.screen.table.cursor_row).zaaknummer == zaak
        other = view_rows(app.screen)[5].zaaknummer
        await pilot.press("colon", *other, "enter")  # a bare number: that case
        await wait_for(pilot, lambda: detail_loaded(app, other))


async def test_what_changed_since_the_last_look(tmp_path: Path) -> None:
    from ind_tui.tui.screens.cases.facets import home_lines

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        assert t("cases.changed_first") in text_of(screen, "#cases-changed")
        before = {row.zaaknummer: row.status.status for row in view_rows(screen)}
        assert all(not row.status.previous for row in view_rows(screen))  # nothing marked yet
        await leave(pilot, app)
        assert await home_lines(app) == []
        admin = app.context.conn.sandbox_admin()
        await admin.advance(days=6)  # six daily refreshes move some cases on
        await app.context.conn.client.me()
        screen = await open_cases(pilot, app, identity=None)
        after = {row.zaaknummer: row for row in view_rows(screen)}
        moved = {z for z, row in after.items() if z in before and row.status.status != before[z]}
        assert moved
        for zaak in moved:
            cell = after[zaak].status
            assert cell[2] == before[zaak]  # the old status is kept for the mark
            text = screen.table.model.columns[STATUS_COLUMN].text(cell)
            assert t(f"cases.status.{before[zaak]}") in text and "→" in text
        marked = [z for z, row in after.items() if row.status.previous]
        assert set(moved) <= set(marked)
        assert (await home_lines(app)) == [t("cases.home.changed", count=len(marked))]
        await pilot.press("6")  # the quick view of changed cases
        assert {row.zaaknummer for row in view_rows(screen)} == set(marked)
        await leave(pilot, app)  # looked: nothing is news any more
        assert await home_lines(app) == []


async def test_archive_after_forty_days_and_its_toggle(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        known = {row.zaaknummer for row in view_rows(screen)}
        await leave(pilot, app)
        await app.context.conn.sandbox_admin().advance(days=40)
        await app.context.conn.client.me()
        screen = await open_cases(pilot, app, identity=None)
        listed = {c.zaaknummer for c in await app.context.conn.client.cases()}
        archived = {row.zaaknummer for row in view_rows(screen)
                    if row.status.state == ARCHIVED_STATE}
        assert archived and archived == known - listed
        row = next(r for r in view_rows(screen) if r.zaaknummer in archived)
        assert row.status.status in {s.value for s in COMPLETED_STATUSES}
        status_column = screen.table.model.columns[STATUS_COLUMN]
        assert t("cases.state.archived") in status_column.text(row.status)
        await pilot.press("a")
        assert not {row.zaaknummer for row in view_rows(screen)} & archived
        assert t("cases.archive_off", count=len(archived)) in text_of(screen, "#cases-facets")
        await pilot.press("a")
        assert archived <= {row.zaaknummer for row in view_rows(screen)}


async def test_filed_here_but_not_listed_yet(tmp_path: Path) -> None:
    from ind_tui.api.payments import PaymentMethod, PaymentRequest
    from ind_tui.client.retry import new_idempotency_key
    from ind_tui.local.drafts.bundle import draft_path, save_draft
    from ind_tui.local.drafts.model import Draft, FilingReceipt, FilingStage
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen
    from tests.client_fixtures import hsm_request

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        client = app.context.conn.client
        key, pay_key = new_idempotency_key(), new_idempotency_key()
        filed = await client.submit_application(hsm_request("Priya Filed"), key)
        paid = await client.pay(filed.id, PaymentRequest(
            method=PaymentMethod.DIRECT_DEBIT, amount_eur=filed.fee_eur), pay_key)
        receipt = paid.application.receipt
        assert receipt is not None
        me = app.context.me
        assert me is not None
        draft = Draft("hsm_first_vvr", 1, answers={"employee_name": "Priya Filed"},
                      kvk=me.company.kvk, portal=PORTAL, idempotency_key=key,
                      stage=FilingStage.DONE, application_id=filed.id,
                      fee_eur=filed.fee_eur, payment_key=pay_key, payment_method="direct_debit",
                      receipt=FilingReceipt(zaaknummer=receipt.zaaknummer,
                                            receipt_date=receipt.receipt_date,
                                            decision_deadline=receipt.decision_deadline,
                                            payment_reference=paid.payment.reference,
                                            paid_at=paid.payment.paid_at))
        draft_path(draft).parent.mkdir(parents=True, exist_ok=True)
        save_draft(draft, draft_path(draft))
        await pilot.press("r")  # sync: the portal does not list it before its next refresh
        await pilot.pause()
        await wait_for(pilot, lambda: ready(app)
                       and any(r.zaaknummer == receipt.zaaknummer for r in view_rows(screen)))
        row = next(r for r in view_rows(screen) if r.zaaknummer == receipt.zaaknummer)
        assert row.status.state == NOT_REGISTERED and row.employee_name == "Priya Filed"
        assert screen.table.model.columns[STATUS_COLUMN].text(row.status) == \
            t("cases.state.not_registered")
        assert t("cases.pending_count", count=1) in text_of(screen, "#cases-changed")
        screen.table.jump_to_value(ZAAK_COLUMN, receipt.zaaknummer)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen))
        summary = text_of(app.screen, "#case-summary")
        assert receipt.zaaknummer in summary and "06:00" in summary
        await pilot.press("escape")
        await app.context.conn.sandbox_admin().advance(days=1)  # the next daily refresh lists it
        await pilot.press("r")
        await pilot.pause()
        await wait_for(pilot, lambda: ready(app) and any(
            r.zaaknummer == receipt.zaaknummer and r.status.state != NOT_REGISTERED
            for r in view_rows(screen)))
        assert sum(r.zaaknummer == receipt.zaaknummer for r in view_rows(screen)) == 1


class Cable(httpx.AsyncBaseTransport):
    """The network between this computer and the portal; `unplugged` cuts it."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.unplugged = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.unplugged:
            raise httpx.ConnectError("network unreachable", request=request)
        return await self.inner.handle_async_request(request)


def app_with_cable(tmp_path: Path) -> tuple[PortalApp, Cable]:
    cable = Cable(httpx.ASGITransport(app=sandbox_app(tmp_path)))
    profile = Profile(name="test", portal=PORTAL)
    store = TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False))

    def connector() -> AbstractAsyncContextManager[Connection]:
        @asynccontextmanager
        async def opened() -> AsyncIterator[Connection]:
            async with connect(profile, store=store, admin_token=ADMIN_TOKEN, transport=cable,
                               retry=FAST_RETRY) as conn:
                yield conn

        return opened()

    return PortalApp(StartInfo("test", PORTAL, "en"), connector), cable


async def test_offline_shows_the_cache_with_its_age(tmp_path: Path) -> None:
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen

    app, cable = app_with_cable(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        online = {row.zaaknummer for row in view_rows(screen)}
        assert not screen.query_one("#cases-load").display
        zaak = view_rows(screen)[0].zaaknummer
        await pilot.press("enter")  # the detail is kept for offline reading too
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen)
                       and app.screen.detail is not None)
        await pilot.press("escape")
        await leave(pilot, app)
        cable.unplugged = True
        screen = await open_cases(pilot, app, identity=None)
        assert screen.load_line.state is LoadState.OFFLINE
        assert screen.query_one("#cases-load").display
        offline_text = text_of(screen, "#cases-load")
        assert "OFFLINE" in offline_text and "min old" in offline_text
        assert {row.zaaknummer for row in view_rows(screen)} == online
        screen.table.jump_to_value(ZAAK_COLUMN, zaak)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen)
                       and app.screen.offline and app.screen.detail is not None)
        assert "OFFLINE" in text_of(app.screen, "#case-note")
        assert not app.screen.can_upload
        await pilot.press("escape")
        cable.unplugged = False
        await pilot.press("r")
        await pilot.pause()
        await wait_for(pilot, lambda: ready(app) and app.screen.load_line.state is LoadState.SHOWN
                       and not app.screen.load_line.busy)
        assert not screen.query_one("#cases-load").display


# --- a case ----------------------------------------------------------------------------------


async def open_case_where(pilot: Pilot[Any], app: PortalApp, wanted: Any) -> Any:
    """Open the first case in the list whose row `wanted(row)` accepts."""
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen

    screen = cases_screen(app) or await open_cases(pilot, app)
    row = next(r for r in view_rows(screen) if wanted(r))
    screen.table.jump_to_value(ZAAK_COLUMN, row.zaaknummer)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen)
                   and app.screen.detail is not None and app.screen.dossier is not None)
    return app.screen


async def test_detail_shows_timeline_receipt_and_moved_deadline(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_case_where(pilot, app, lambda r: r.status.status == "info_requested")
        case = await app.context.conn.client.case(detail.zaaknummer)
        timeline = text_of(detail, "#case-timeline")
        for event in case.events:
            assert t(f"cases.status.{event.status.value}") in timeline
        summary = text_of(detail, "#case-summary")
        assert case.employee_name in summary and case.zaaknummer in summary
        assert case.decision_deadline.strftime("%d-%m-%Y") in summary
        assert case.receipt.decision_deadline.strftime("%d-%m-%Y") in summary  # moved from
        assert "moved from" in summary
        docs = await app.context.conn.client.case_documents(detail.zaaknummer)
        listed = detail.query_one("#case-dossier")
        assert listed.option_count == len(docs.documents)


async def test_upload_extra_pdf_and_a_bad_one_refused(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"PK\x03\x04 a word file renamed")
    good = tmp_path / "contract.pdf"
    good.write_bytes(letter(["Signed employment contract"]))
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_case_where(pilot, app, lambda r: r.status.status == "in_progress")
        zaak = detail.zaaknummer
        before = len((await app.context.conn.client.case_documents(zaak)).documents)
        assert detail.can_upload
        await pilot.press("u", *str(bad), "enter")
        await wait_for(pilot, lambda: "scan.pdf" in text_of(detail, "#case-upload"))
        from ind_tui.local.drafts.errors import guidance

        assert guidance("document_not_pdf", "en") in text_of(detail, "#case-upload")
        assert len((await app.context.conn.client.case_documents(zaak)).documents) == before
        await pilot.press("u", *str(good), "enter")
        await wait_for(pilot, lambda: detail.dossier is not None
                       and len(detail.dossier.documents) == before + 1)
        added = detail.dossier.documents[-1]
        assert added.kind == "upload" and added.sha256 == hashlib.sha256(
            good.read_bytes()).hexdigest()


async def test_upload_refused_after_the_decision_with_the_reason(tmp_path: Path) -> None:
    from ind_tui.tui.widgets.prompt import PromptDialog

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_case_where(pilot, app, lambda r: r.status.status == "decided")
        assert not detail.can_upload
        from ind_tui.i18n.guidance import guidance

        reason = guidance("case_decided", "en")
        assert reason.explanation in text_of(detail, "#case-upload")
        await pilot.press("u")
        await wait_for(pilot, lambda: any(reason.explanation in str(n.message)
                                          for n in app._notifications))
        assert not isinstance(app.screen, PromptDialog)


async def test_download_a_dossier_document_to_a_folder(tmp_path: Path) -> None:
    from ind_tui.tui.widgets.confirm import ConfirmDialog
    from ind_tui.tui.widgets.prompt import PromptDialog

    folder = tmp_path / "downloads"
    folder.mkdir()
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        detail = await open_case_where(pilot, app, lambda r: True)
        doc = detail.dossier.documents[0]
        await pilot.press("d")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptDialog))
        app.screen.query_one("#prompt-input").value = str(folder)
        await pilot.press("enter")
        await wait_for(pilot, lambda: any(folder.iterdir()))
        saved = next(folder.iterdir())
        await wait_for(pilot, lambda: saved.stat().st_size == doc.size)
        assert hashlib.sha256(saved.read_bytes()).hexdigest() == doc.sha256
        assert saved.name.startswith(detail.zaaknummer) and saved.suffix == ".pdf"
        saved.write_bytes(b"my own notes")  # a file of the same name: asked before replacing
        for answer in ("n", "y"):
            await pilot.press("enter")  # Enter on the document downloads it too
            await wait_for(pilot, lambda: isinstance(app.screen, PromptDialog))
            app.screen.query_one("#prompt-input").value = str(folder)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.press(answer)
            await pilot.pause()
            if answer == "n":
                assert saved.read_bytes() == b"my own notes"
        await wait_for(pilot, lambda: saved.read_bytes() != b"my own notes")
        assert hashlib.sha256(saved.read_bytes()).hexdigest() == doc.sha256
        assert [p.name for p in folder.iterdir()] == [saved.name]  # no temporary left behind


async def test_export_the_filtered_view_to_csv_and_json(tmp_path: Path) -> None:
    from ind_tui.tui.widgets.confirm import ConfirmDialog
    from ind_tui.tui.widgets.prompt import PromptDialog

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        await pilot.press("s", "s")  # by case number
        await pilot.press("slash", *"status:in-progress", "enter")
        shown = view_rows(screen)
        assert shown and len(shown) < len(screen.table.model.rows)
        for name in ("view.csv", "view.json"):
            target = tmp_path / name
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(app.screen, PromptDialog))
            app.screen.query_one("#prompt-input").value = str(target)
            await pilot.press("enter")
            await wait_for(pilot, target.exists)
        # A CSV for a spreadsheet in the interface language (English here): headers in words,
        # moments in Amsterdam time; the fields are those of the JSON.
        style = CsvStyle("en")
        with (tmp_path / "view.csv").open(newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f)
            assert next(reader) == style.header(EXPORT_FIELDS)
            rows = [dict(zip(EXPORT_FIELDS, line, strict=True)) for line in reader]
        assert [r["zaaknummer"] for r in rows] == [row.zaaknummer for row in shown]
        assert {r["status"] for r in rows} == {"in_progress"}
        assert json.loads((tmp_path / "view.json").read_text()) == [record(r) for r in shown]
        moments = ("submitted_at", "changed_at")
        assert rows == [r | {m: style.moment(r[m]) for m in moments} for r in map(record, shown)]
        # the same file again: asked first; n keeps it
        before = (tmp_path / "view.csv").read_bytes()
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptDialog))
        app.screen.query_one("#prompt-input").value = str(tmp_path / "view.csv")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        assert (tmp_path / "view.csv").read_bytes() == before
        # a name that says no format is refused in the dialog
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptDialog))
        app.screen.query_one("#prompt-input").value = str(tmp_path / "view.xlsx")
        await pilot.press("enter")
        assert isinstance(app.screen, PromptDialog)
        assert ".csv or .json" in text_of(app.screen, "#prompt-error")
