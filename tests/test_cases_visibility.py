"""Which cases the portal lists, end to end against the sandbox and its clock, and what the
local cache and the list make of it: a representative sees only what it filed, completed
cases leave after 28 days (and stay in the archive here), paper applications never appear,
a family application in manual processing appears days later."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fastapi import FastAPI

from ind_tui.api.errors import NotFoundError
from ind_tui.api.payments import PaymentMethod, PaymentRequest
from ind_tui.client.client import PortalClient
from ind_tui.client.retry import new_idempotency_key
from ind_tui.domain.cases import ARCHIVED_STATE, LISTED, case_rows
from ind_tui.local.cache import LocalCache
from ind_tui.sandbox.db import parse_iso
from ind_tui.services.sync import sync_cases
from tests.client_fixtures import admin_of, hsm_request, login, make_app, make_client


def sandbox_rows(app: FastAPI, sql: str) -> list[tuple[str, ...]]:
    return [tuple(r) for r in app.state.sandbox.db.read().execute(sql).fetchall()]


async def listed(client: PortalClient) -> set[str]:
    return {c.zaaknummer for c in await client.cases()}


async def advance(client: PortalClient, days: int) -> None:
    await admin_of(client).advance(days=days)
    await client.me()  # a request after each jump keeps the session going, as use would


async def file(client: PortalClient, name: str) -> str:
    application = await client.submit_application(hsm_request(name), new_idempotency_key())
    paid = await client.pay(application.id, PaymentRequest(
        method=PaymentMethod.DIRECT_DEBIT, amount_eur=application.fee_eur), new_idempotency_key())
    assert paid.application.receipt is not None
    return paid.application.receipt.zaaknummer


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    return make_app(tmp_path)


async def test_a_representative_sees_only_what_it_filed(app: FastAPI) -> None:
    async with make_client(app) as sponsor, make_client(app) as agent:
        await login(sponsor, "sponsor-eh3")
        await login(agent, "agent-noordzee")
        mine, theirs = await listed(agent), await listed(sponsor)
        assert mine and mine < theirs
        by_agent = await file(agent, "Filed By Agent")
        by_sponsor = await file(sponsor, "Filed By Sponsor")
        assert by_agent not in await listed(agent)  # not before the next daily refresh
        await advance(sponsor, 1)
        await agent.me()
        now_mine, now_theirs = await listed(agent), await listed(sponsor)
        assert by_agent in now_mine and by_sponsor not in now_mine
        assert {by_agent, by_sponsor} <= now_theirs
        hidden = next(iter(now_theirs - now_mine))
        with pytest.raises(NotFoundError):
            await agent.case(hidden)
        with pytest.raises(NotFoundError):
            await agent.case_documents(hidden)
        # the agent's cache holds only its own, in its own scope
        cache = LocalCache(app.state.sandbox.config.db_path.with_name("agent-cache.db"))
        await sync_cases(agent, cache, "agent")
        assert {c.case.zaaknummer for c in cache.cases("agent")} == now_mine


async def test_completed_cases_leave_after_28_days_and_stay_archived_here(
    app: FastAPI, tmp_path: Path
) -> None:
    async with make_client(app) as client:
        await login(client)
        cache = LocalCache(tmp_path / "cache.db")
        await sync_cases(client, cache, "s")
        page, _ = await client.cases_page(limit=1)
        assert page is not None
        completed = [c for c in await client.cases() if c.completed_at is not None]
        first = min(completed, key=lambda c: c.completed_at or datetime.max)
        assert first.completed_at is not None
        # The last refresh at which it is still listed is the last one within 28 days.
        days_left = math.ceil((first.completed_at + timedelta(days=28) - page.last_refresh)
                              / timedelta(days=1)) - 1
        assert days_left >= 0
        await advance(client, days_left)
        assert first.zaaknummer in await listed(client)
        await advance(client, 1)
        assert first.zaaknummer not in await listed(client)
        report = await sync_cases(client, cache, "s")
        assert report.archived >= 1
        kept = cache.case("s", first.zaaknummer)
        assert kept is not None and kept.archived
        rows = {r.zaaknummer: r for r in case_rows(cache.case_rows("s"), None)}
        assert rows[first.zaaknummer].status.state == ARCHIVED_STATE
        still = await listed(client)
        assert {z for z, r in rows.items() if r.status.state == LISTED} == still


async def test_paper_applications_never_appear(app: FastAPI) -> None:
    paper = [z for (z,) in sandbox_rows(app, "SELECT zaaknummer FROM cases WHERE paper = 1")]
    assert paper
    async with make_client(app) as client:
        await login(client)
        for _ in range(3):
            assert not set(paper) & await listed(client)
            with pytest.raises(NotFoundError):
                await client.case(paper[0])
            await advance(client, 10)


async def test_family_case_in_manual_processing_appears_days_later(app: FastAPI) -> None:
    async with make_client(app) as client:
        await login(client)
        page, _ = await client.cases_page(limit=1)
        assert page is not None
        refresh = page.last_refresh
        later = [(z, t, parse_iso(f)) for z, t, f in sandbox_rows(
            app, "SELECT zaaknummer, type_id, listed_from FROM cases "
                 "WHERE paper = 0 AND listed_from IS NOT NULL")
                 if parse_iso(f) > refresh + timedelta(days=1)]
        assert later and all(type_id.startswith("family") for _, type_id, _ in later)
        zaak, _, listed_from = later[0]
        assert zaak not in await listed(client)
        days = math.ceil((listed_from - refresh) / timedelta(days=1))
        await advance(client, days - 1)
        assert zaak not in await listed(client)  # still being handled by hand
        await advance(client, 1)
        assert zaak in await listed(client)
