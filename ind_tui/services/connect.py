"""From a profile to a ready PortalClient: token store opened, and the embedded sandbox
started (by the starter the entry point hands in) when the profile says "embedded".

    async with connect(profile, start_sandbox=start_embedded) as conn:
        me = await conn.client.me()
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import httpx

from ind_tui.client.client import PortalClient
from ind_tui.client.retry import RetryPolicy
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.client.transport import Timeouts
from ind_tui.local.scope import portal_identity
from ind_tui.local.settings import Profile
from ind_tui.local.tokens import Passphrase, TokenStore, open_token_store

ENV_ADMIN_TOKEN = "IND_TUI_SANDBOX_ADMIN_TOKEN"


class SandboxHandle(Protocol):
    """A running embedded sandbox, as the entry point started it."""

    url: str
    admin_token: str

    def stop(self, timeout: float = ...) -> None: ...


SandboxStarter = Callable[[Path | None], Awaitable[SandboxHandle]]


class NoSandboxError(RuntimeError):
    """The profile asks for the embedded sandbox, but this caller cannot start one."""


@dataclass
class Connection:
    profile: Profile
    client: PortalClient
    store: TokenStore
    base_url: str
    admin_token: str | None  # the sandbox admin token, when known
    embedded: SandboxHandle | None = None  # the embedded sandbox, when started here

    def sandbox_admin(self) -> SandboxAdmin | None:
        if self.admin_token is None:
            return None
        return SandboxAdmin(self.client.http, self.admin_token)


@asynccontextmanager
async def connect(
    profile: Profile,
    *,
    store: TokenStore | None = None,
    passphrase: Passphrase = None,
    admin_token: str | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    retry: RetryPolicy | None = None,
    sandbox_db: Path | None = None,
    start_sandbox: SandboxStarter | None = None,
) -> AsyncIterator[Connection]:
    if store is None:
        store = await open_token_store(profile.token_store, passphrase=passphrase)
    embedded = None
    base_url = profile.portal
    admin_token = admin_token or os.environ.get(ENV_ADMIN_TOKEN)
    if profile.embedded:
        if start_sandbox is None:
            raise NoSandboxError("this profile uses the embedded sandbox; no starter was given")
        embedded = await start_sandbox(sandbox_db)
        base_url = embedded.url
        admin_token = embedded.admin_token
    timeouts = Timeouts(read=profile.timeout_seconds)
    client = PortalClient(
        base_url, store=store, profile=profile.name, portal=profile.portal,
        transport=transport, timeouts=timeouts, retry=retry,
        portal_id=portal_identity(profile.portal, sandbox_db),
    )  # fmt: skip
    try:
        yield Connection(profile, client, store, base_url, admin_token, embedded)
    finally:
        await client.aclose()
        if embedded is not None:
            await asyncio.to_thread(embedded.stop)
