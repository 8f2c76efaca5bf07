"""From a profile to a ready PortalClient: token store opened, embedded sandbox started when
the profile says "embedded". The sandbox (uvicorn, FastAPI) is imported only then.

    async with connect(resolve_profile(args.profile, args.portal)) as conn:
        me = await conn.client.me()
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from ind_tui.portal.client import PortalClient
from ind_tui.portal.retry import RetryPolicy
from ind_tui.portal.sandbox_admin import SandboxAdmin
from ind_tui.portal.tokens import Passphrase, TokenStore, open_token_store
from ind_tui.portal.transport import Timeouts
from ind_tui.settings import Profile

ENV_ADMIN_TOKEN = "IND_TUI_SANDBOX_ADMIN_TOKEN"


@dataclass
class Connection:
    profile: Profile
    client: PortalClient
    store: TokenStore
    base_url: str
    admin_token: str | None  # the sandbox admin token, when known
    embedded: Any = None  # ind_tui.sandbox.embedded.EmbeddedSandbox when started here

    def sandbox_admin(self) -> SandboxAdmin | None:
        if self.admin_token is None:
            return None
        return SandboxAdmin(self.client.http, self.admin_token)


async def start_embedded_sandbox(db_path: Path | None = None) -> Any:
    """Start the sandbox on 127.0.0.1 (free port) in a background thread."""
    from ind_tui.sandbox.embedded import start_embedded

    return await asyncio.to_thread(start_embedded, db_path)


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
) -> AsyncIterator[Connection]:
    if store is None:
        store = await open_token_store(profile.token_store, passphrase=passphrase)
    embedded = None
    base_url = profile.portal
    admin_token = admin_token or os.environ.get(ENV_ADMIN_TOKEN)
    if profile.embedded:
        embedded = await start_embedded_sandbox(sandbox_db)
        base_url = embedded.url
        admin_token = embedded.admin_token
    timeouts = Timeouts(read=profile.timeout_seconds)
    client = PortalClient(
        base_url, store=store, profile=profile.name, portal=profile.portal,
        transport=transport, timeouts=timeouts, retry=retry,
    )  # fmt: skip
    try:
        yield Connection(profile, client, store, base_url, admin_token, embedded)
    finally:
        await client.aclose()
        if embedded is not None:
            await asyncio.to_thread(embedded.stop)
