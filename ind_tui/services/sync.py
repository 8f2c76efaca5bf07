"""Bringing the local cache up to date with the portal, moving as few bytes as possible.

Cases: one tiny probe (`limit=1` with If-None-Match) answers "nothing changed" with a 304.
Otherwise only the cases changed since the last sync are fetched (`changed_since`), and a
count check decides whether cases also left the list in a way only a full listing reveals.
A case that left the list was completed: its final state is asked for where the portal
still answers.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from datetime import datetime

from ind_tui.api.account import Account
from ind_tui.api.auth import Me
from ind_tui.api.cases import CasePage
from ind_tui.api.errors import PortalError
from ind_tui.client.client import PortalClient
from ind_tui.local.cache import LocalCache, SyncState

PAGE_SIZE = 1000
SETTLE_PER_SYNC = 50  # archived cases whose final state is asked for per sync
SETTLE_AT_ONCE = 4
# Told after each page is stored: cases stored so far in this pass, and how many it brings.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SyncReport:
    scope: str
    full: bool  # a full listing was made
    not_modified: bool  # the portal said nothing changed (304)
    received: int  # cases received
    archived: int  # cases newly moved to the local archive
    active: int  # cases in the cache that the portal still lists
    listed: int | None  # what the portal says it lists (None when it answered 304)
    requests: int
    bytes_received: int
    seconds: float
    last_refresh: datetime | None
    rebuilt_from: str | None  # the cache file was damaged and set aside (tell the user)


async def sync_cases(
    client: PortalClient,
    cache: LocalCache,
    scope: str,
    *,
    full: bool = False,
    page_size: int = PAGE_SIZE,
    progress: Progress | None = None,
) -> SyncReport:
    started = time.perf_counter()
    log = client.reqlog
    requests0, bytes0 = log.requests, log.bytes_received
    state = cache.sync_state(scope)
    if state.as_of is None:
        full = True
    probe, etag = await client.cases_page(limit=1, etag=None if full else state.etag)
    now = client.clock.now()
    received = archived = 0
    if probe is None:
        cache.set_sync_state(scope, replace(state, last_sync=now))
        if state.last_refresh is not None:
            archived = await asyncio.to_thread(cache.archive_expired, scope,
                                               state.last_refresh, now)  # fmt: skip
        last_refresh = state.last_refresh
        not_modified = True
    else:
        not_modified = False
        last_refresh = probe.last_refresh
        if not full and state.as_of is not None:
            pages = client.iter_cases(changed_since=state.as_of, page_size=page_size)
            received += await _store(pages, cache, scope, now, progress)
            archived += await asyncio.to_thread(cache.archive_expired, scope, last_refresh, now)
            # Every listed case is known here, so equal counts mean equal sets; a difference
            # means some case left the list early (e.g. withdrawn access): list everything.
            full = cache.count_cases(scope) != probe.total
        if full:
            pages = client.iter_cases(page_size=page_size)
            first_fill = await asyncio.to_thread(cache.start_fill, scope)
            try:
                received += await _store(pages, cache, scope, now, progress)
            finally:
                if first_fill:
                    await asyncio.to_thread(cache.end_fill)
            left = await asyncio.to_thread(cache.archive_missing, scope, now)
            if left:
                await settle_archived(client, cache, scope, now)
            archived += left
        cache.set_sync_state(scope, SyncState(
            etag=etag, as_of=probe.as_of, last_refresh=last_refresh, last_sync=now,
            last_full_sync=now if full else state.last_full_sync,
        ))  # fmt: skip
    return SyncReport(
        scope=scope, full=full, not_modified=not_modified, received=received,
        archived=archived, active=cache.count_cases(scope),
        listed=None if probe is None else probe.total,
        requests=log.requests - requests0, bytes_received=log.bytes_received - bytes0,
        seconds=time.perf_counter() - started, last_refresh=last_refresh,
        rebuilt_from=str(cache.rebuilt_from) if cache.rebuilt_from else None,
    )  # fmt: skip


async def _store(pages: AsyncIterator[CasePage], cache: LocalCache, scope: str, at: datetime,
                 progress: Progress | None) -> int:
    """Store each page while the next one is on its way (the portal's work and ours
    overlap). `progress` is told what is stored, so a screen may read it. Returns the
    cases stored."""
    stored = total = 0
    storing: asyncio.Future[int] | None = None

    async def stored_one() -> None:
        nonlocal stored
        if storing is not None:
            stored += await storing
            if progress is not None:
                progress(stored, total)

    try:
        async for page in pages:
            await stored_one()
            total = page.total
            storing = asyncio.ensure_future(
                asyncio.to_thread(cache.upsert_cases, scope, page.items, at))
    finally:
        await stored_one()  # also on a failure: no write left running behind us
    return stored


async def settle_archived(client: PortalClient, cache: LocalCache, scope: str,
                          at: datetime) -> None:
    """Cases that left the list while under way here were completed: ask the portal for
    their final state where it still answers (a few per sync; the rest show "completed")."""
    gate = asyncio.Semaphore(SETTLE_AT_ONCE)

    async def settle(zaak: str) -> None:
        async with gate:
            try:
                detail = await client.case(zaak)
            except PortalError:  # no longer answered for (the usual case), or unreachable
                return
        await asyncio.to_thread(cache.settle_archived, scope, detail, at)
        await asyncio.to_thread(cache.save_case_detail, scope, detail, at)

    zaken = await asyncio.to_thread(cache.archived_unsettled, scope, at, SETTLE_PER_SYNC)
    await asyncio.gather(*(settle(zaak) for zaak in zaken))


async def sync_employees(client: PortalClient, cache: LocalCache, scope: str) -> int:
    employees = await client.employees()
    return await asyncio.to_thread(cache.replace_employees, scope, employees, client.clock.now())


async def sync_account(client: PortalClient, cache: LocalCache, scope: str) -> Account:
    account = await client.account()
    cache.save_snapshot(scope, "account", account, client.clock.now())
    return account


async def sync_me(client: PortalClient, cache: LocalCache, scope: str) -> Me:
    me = await client.me()
    cache.save_snapshot(scope, "me", me, client.clock.now())
    return me

