"""What this computer keeps is per portal, profile and company, and the archive tells the truth:
two portals with the same home, profile and KvK never see each other's cases, inbox state or
pending receipts; a case that leaves the list is archived as completed and no longer counts
as running."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from ind_tui.client.client import PortalClient
from ind_tui.domain.cases import (
    COMPLETED,
    STATUS_COLUMN,
    ZAAK_COLUMN,
    case_rows,
    facet_counts,
)
from ind_tui.local.cache import LocalCache
from ind_tui.local.drafts.bundle import save_draft
from ind_tui.local.drafts.model import Draft, FilingReceipt, FilingStage
from ind_tui.local.inbox_store import InboxStore
from ind_tui.local.settings import Profile
from ind_tui.local.tokens import StoreKind, StoreStatus, TokenStore
from ind_tui.services.connect import connect
from ind_tui.services.pending import Login, pending_in_folder
from ind_tui.services.sync import sync_cases
from tests.client_fixtures import ADMIN, TEST_RETRY, admin_of, login, make_app, make_client
from tests.test_tui_cases import SIZE, open_cases, text_of, view_rows
from tests.tui_helpers import make_app as make_tui_app
from tests.tui_helpers import sandbox_app, wait_for

PORTAL_A = "http://portal-a.test:8001"
PORTAL_B = "http://portal-b.test:8002/"  # the trailing slash is the same portal as without
RUNNING = {"submitted", "received", "in_progress"}


@asynccontextmanager
async def logged_in(portal: str, sandbox: FastAPI) -> AsyncIterator[PortalClient]:
    """One profile ("work"), pointed at `portal` as `--portal` would, logged in as sponsor."""
    profile = Profile(name="work", portal=portal)
    store = TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False))
    async with connect(profile, store=store, admin_token=ADMIN, retry=TEST_RETRY,
                       transport=httpx.ASGITransport(app=sandbox)) as conn:
        await login(conn.client)
        yield conn.client


def receipt_draft(zaak: str, kvk: str, portal: str) -> Draft:
    return Draft("hsm_first_vvr", 1, answers={"employee_name": "Mei Chen"}, kvk=kvk,
                 portal=portal, idempotency_key="key-0000001", stage=FilingStage.DONE,
                 application_id="APP-1", fee_eur=405, payment_key="pay-0000001",
                 payment_method="direct_debit",
                 receipt=FilingReceipt(zaaknummer=zaak, receipt_date=date(2026, 11, 2),
                                       decision_deadline=date(2027, 1, 31),
                                       payment_reference="PAY-0001"))


async def test_two_portals_with_the_same_profile_and_kvk_stay_apart(tmp_path: Path) -> None:
    portal_a = make_app(tmp_path / "a")
    portal_b = make_app(tmp_path / "b", extra_cases=40)
    cache = LocalCache(tmp_path / "cache.db")  # one home: one cache, one inbox state
    inbox = InboxStore(tmp_path / "inbox-state.json")
    async with logged_in(PORTAL_A, portal_a) as a, logged_in(PORTAL_B, portal_b) as b:
        me_a, me_b = await a.me(), await b.me()
        assert me_a.company.kvk == me_b.company.kvk
        scope_a, scope_b = a.scope(me_a), b.scope(me_b)
        assert scope_a != scope_b
        await sync_cases(a, cache, scope_a)
        await sync_cases(b, cache, scope_b)
        listed_a = {c.zaaknummer: c.status for c in await a.cases()}
        listed_b = {c.zaaknummer: c.status for c in await b.cases()}
        assert listed_a != listed_b
        assert {c.case.zaaknummer: c.case.status for c in cache.cases(scope_a)} == listed_a
        assert {c.case.zaaknummer: c.case.status for c in cache.cases(scope_b)} == listed_b
        # A month passes on B only: its archive and changes stay B's.
        await admin_of(b).advance(days=40)
        report = await sync_cases(b, cache, scope_b)
        assert report.archived > 0
        assert cache.count_cases(scope_a, archived=True) == 0
        assert {c.case.zaaknummer: c.case.status for c in cache.cases(scope_a)} == listed_a
        cache.mark_seen(scope_a, list(listed_a.items()), me_a.now)
        assert cache.looked_at(scope_b) is None and cache.count_changed(scope_b) == 0
        # The inbox state and pending receipts are per portal too.
        inbox.remember(scope_a, {"msg-1"}, me_a.now)
        assert inbox.announced(scope_b) == set() and inbox.cases_looked_at(scope_b) is None
        kvk = me_a.company.kvk
        drafts = tmp_path / "drafts"
        drafts.mkdir()
        save_draft(receipt_draft("3199999991", kvk, PORTAL_A), drafts / "filed-a.tfa")
        on_a = pending_in_folder(set(), Login(PORTAL_A + "/", kvk), drafts)
        assert [p.zaaknummer for p in on_a] == ["3199999991"]
        assert pending_in_folder(set(), Login(PORTAL_B, kvk), drafts) == []


async def test_the_same_address_is_the_same_portal(tmp_path: Path) -> None:
    """Scheme and host in any case, the default port written or not, a trailing slash: one
    portal, so one local copy."""
    from ind_tui.local.scope import portal_identity

    assert portal_identity("HTTPS://Portal.Example.nl/api/") == \
        portal_identity("https://portal.example.nl:443/api")
    assert portal_identity("http://portal.test:8001") != portal_identity("http://portal.test:8002")
    # The embedded sandbox's port changes each run: its database names it.
    assert portal_identity("embedded", tmp_path / "one.db") == \
        portal_identity("embedded", tmp_path / "one.db")
    assert portal_identity("embedded", tmp_path / "one.db") != \
        portal_identity("embedded", tmp_path / "two.db")


async def test_a_case_that_leaves_the_list_is_archived_as_completed(tmp_path: Path) -> None:
    client = make_client(make_app(tmp_path))
    me = await login(client)
    cache = LocalCache(tmp_path / "cache.db")
    scope = client.scope(me)
    await sync_cases(client, cache, scope)
    before = {c.case.zaaknummer: c.case.status.value for c in cache.cases(scope)}
    await admin_of(client).advance(days=40)
    report = await sync_cases(client, cache, scope)
    assert report.archived > 0
    listed = {c.zaaknummer: c.status.value for c in await client.cases()}
    rows = case_rows(cache.case_rows(scope), cache.seen_statuses(scope))
    archived = [r for r in rows if r.archived_at is not None]
    assert {r.zaaknummer for r in archived} == set(before) - set(listed)
    # Left the list while under way here: completed, never "in progress" in the archive.
    stale = [r for r in archived if before[r.zaaknummer] in RUNNING]
    assert stale and all(r.status.status == COMPLETED for r in stale)
    assert not any(r.status.status in RUNNING | {"info_requested"} for r in archived)
    # The running count is what the portal lists as running, archive shown or not.
    counts = facet_counts(rows, archived=True)
    assert counts["running"] == sum(s in RUNNING for s in listed.values())
    # What the list shows is what counts as seen: nothing changed after a look.
    cache.mark_seen(scope, [(r.zaaknummer, r.status.status) for r in rows], client.clock.now())
    assert cache.count_changed(scope) == 0


async def test_an_archived_case_reads_completed_on_screen(tmp_path: Path) -> None:
    from ind_tui.i18n import t
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen

    app = make_tui_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        running = {r.zaaknummer for r in view_rows(screen) if r.status.status in RUNNING}
        await pilot.press("escape")
        await app.context.conn.sandbox_admin().advance(days=40)
        screen = await open_cases(pilot, app, identity=None)
        await wait_for(pilot, lambda: any(r.archived_at for r in view_rows(screen)))
        gone = next(r for r in view_rows(screen)
                    if r.archived_at is not None and r.zaaknummer in running)
        # "● in progress → completed (archived)": it changed since the user last looked.
        assert screen.table.model.columns[STATUS_COLUMN].text(gone.status).endswith(t(
            "cases.marker.archived", status=t("cases.status.completed")))
        portal: Any = await app.context.conn.client.cases()
        still = sum(c.status.value in RUNNING for c in portal)
        assert f"{t('cases.facet.running')} {still:,}" in text_of(screen, "#cases-facets")
        screen.table.jump_to_value(ZAAK_COLUMN, gone.zaaknummer)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseDetailScreen)
                       and app.screen.archived and app.screen.summary is not None)
        summary = text_of(app.screen, "#case-summary")
        assert t("cases.status.completed") in summary
        assert t("cases.status.in_progress") not in summary


class Uncompressed(httpx.AsyncBaseTransport):
    """A client that does not accept gzip."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Accept-Encoding"] = "identity"
        return await self.inner.handle_async_request(request)


async def test_the_case_list_travels_compressed(tmp_path: Path) -> None:
    sandbox = make_app(tmp_path, extra_cases=2000)
    moved = {}
    for name, transport in (("gzip", httpx.ASGITransport(app=sandbox)),
                            ("plain", Uncompressed(httpx.ASGITransport(app=sandbox)))):
        async with PortalClient("http://sandbox", transport=transport, retry=TEST_RETRY,
                                portal_id=f"http://{name}.test:80") as client:
            me = await login(client)
            cache = LocalCache(tmp_path / f"{name}.db")
            report = await sync_cases(client, cache, client.scope(me))
            assert report.full and report.active == report.listed
            moved[name] = report.bytes_received  # as it came over the wire
    assert moved["gzip"] * 3 < moved["plain"]
