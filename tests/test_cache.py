"""Local cache and archive: incremental sync, ETag, the 28-day archive, offline reading, and a
damaged cache file rebuilt from the portal."""

from __future__ import annotations

from pathlib import Path

import pytest

from ind_tui.api.account import Account
from ind_tui.api.cases import CaseStatus
from ind_tui.client.client import PortalClient
from ind_tui.local.cache import LocalCache
from ind_tui.local.scope import scope_for
from ind_tui.services.sync import sync_account, sync_cases, sync_employees, sync_me
from tests.client_fixtures import admin_of, login, make_app, make_client


@pytest.fixture
async def client(tmp_path: Path) -> PortalClient:
    c = make_client(make_app(tmp_path))
    await login(c)
    return c


async def test_full_sync_then_no_change_resync(client: PortalClient, tmp_path: Path) -> None:
    cache = LocalCache(tmp_path / "cache.db")
    first = await sync_cases(client, cache, "s")
    assert first.full and not first.not_modified
    assert first.active == len(await client.cases()) > 0
    again = await sync_cases(client, cache, "s")
    assert again.not_modified and again.requests == 1
    assert again.bytes_received < first.bytes_received * 0.5
    state = cache.sync_state("s")
    assert state.etag and state.as_of and state.last_refresh


async def test_incremental_sync_after_the_daily_refresh(
    client: PortalClient, tmp_path: Path
) -> None:
    cache = LocalCache(tmp_path / "cache.db")
    await sync_cases(client, cache, "s")
    before = {c.case.zaaknummer: c.case.status for c in cache.cases("s")}
    await admin_of(client).advance(days=3)  # the portal refreshes its data each day
    report = await sync_cases(client, cache, "s")
    assert not report.not_modified
    after = {c.case.zaaknummer: c.case.status for c in cache.cases("s")}
    assert report.received < len(after) or report.full  # only changes, unless a full pass
    assert set(before) <= set(after)
    fresh = {c.zaaknummer: c.status for c in await client.cases()}
    listed = {z: s for z, s in after.items() if z in fresh}
    assert listed == fresh  # the cache agrees with the portal


async def test_cases_that_leave_the_portal_stay_archived(
    client: PortalClient, tmp_path: Path
) -> None:
    cache = LocalCache(tmp_path / "cache.db")
    await sync_cases(client, cache, "s")
    known = {c.case.zaaknummer for c in cache.cases("s")}
    for _ in range(4):  # 200 days, with the session kept alive on the way
        await admin_of(client).advance(days=50)
        await client.me()
    report = await sync_cases(client, cache, "s")
    listed = {c.zaaknummer for c in await client.cases()}
    archive = cache.cases("s", archived=True)
    assert report.archived == len(archive) > 0
    assert {c.case.zaaknummer for c in archive} == known - listed
    assert all(c.archived for c in archive)
    # offline: a new cache object on the same file, no client at all
    offline = LocalCache(tmp_path / "cache.db")
    assert {c.case.zaaknummer for c in offline.cases("s")} >= known
    assert offline.count_cases("s", archived=True) == len(archive)


async def test_corrupt_cache_is_set_aside_and_rebuilt(
    client: PortalClient, tmp_path: Path
) -> None:
    path = tmp_path / "cache.db"
    cache = LocalCache(path)
    await sync_cases(client, cache, "s")
    cache.close()
    path.write_bytes(b"this is not a database" * 100)
    for side in (path.with_name("cache.db-wal"), path.with_name("cache.db-shm")):
        side.unlink(missing_ok=True)
    rebuilt = LocalCache(path)
    assert rebuilt.rebuilt_from is not None and rebuilt.rebuilt_from.exists()
    assert rebuilt.cases("s") == []
    report = await sync_cases(client, rebuilt, "s")
    assert report.full and report.active > 0
    assert report.rebuilt_from == str(rebuilt.rebuilt_from)  # so the UI tells the user


async def test_employees_account_and_me_are_kept(client: PortalClient, tmp_path: Path) -> None:
    cache = LocalCache(tmp_path / "cache.db")
    me = await sync_me(client, cache, "s")
    scope = scope_for("http://portal.test:80", "sandbox", me)
    count = await sync_employees(client, cache, scope)
    assert count == len(cache.employees(scope)) > 0
    account = await sync_account(client, cache, scope)
    kept = cache.snapshot(scope, "account", Account)
    assert kept is not None and kept.value == account
    assert kept.fetched_at.year == client.clock.now().year


async def test_case_detail_offline(client: PortalClient, tmp_path: Path) -> None:
    cache = LocalCache(tmp_path / "cache.db")
    await sync_cases(client, cache, "s")
    first = cache.cases("s", status=None)[0].case
    detail = await client.case(first.zaaknummer)
    cache.save_case_detail("s", detail, client.clock.now())
    kept = cache.case_detail("s", first.zaaknummer)
    assert kept is not None and kept.value == detail


async def test_scopes_are_kept_apart(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    cache = LocalCache(tmp_path / "cache.db")
    async with make_client(app) as sponsor, make_client(app) as agent:
        me_s = await login(sponsor, "sponsor-eh3")
        me_a = await login(agent, "agent-noordzee")
        s, a = scope_for("embedded:/x", "p", me_s), scope_for("embedded:/x", "p", me_a)
        assert s != a
        await sync_cases(sponsor, cache, s)
        await sync_cases(agent, cache, a)
        # a representative sees only what it submitted
        assert cache.count_cases(a) <= cache.count_cases(s)
        assert cache.count_cases(a) == len(await agent.cases())


async def test_status_filter_reads_offline(client: PortalClient, tmp_path: Path) -> None:
    await sync_cases(client, LocalCache(tmp_path / "cache.db"), "s")
    portal = {c.zaaknummer: c.status for c in await client.cases()}
    await client.aclose()  # from here on only the file answers
    cache = LocalCache(tmp_path / "cache.db")
    by_status = {status: [r.case.zaaknummer for r in cache.cases("s", status=status)]
                 for status in CaseStatus}
    for status, listed in by_status.items():
        assert listed == sorted(z for z, s in portal.items() if s is status), status
    assert sum(1 for listed in by_status.values() if listed) >= 2  # the filter has work to do
