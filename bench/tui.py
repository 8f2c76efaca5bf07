"""Building the TUI on a sandbox, the one way the benches and the tests do it: a profile in
memory, a token store in memory, and the connection through a given transport (the sandbox
in-process) or over a socket to `portal`. Plus the login and the timed opening of a list
the benches share."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ind_tui.client.client import PortalClient
    from ind_tui.services.connect import Connection
    from ind_tui.tui.app import PortalApp

PORTAL = "http://sandbox.test"


def make_tui(transport: httpx.AsyncBaseTransport | None, *, admin_token: str | None,
             portal: str = PORTAL, lang: str = "en", keymap: dict[str, str] | None = None,
             profile: str = "test") -> PortalApp:
    """The app as `ind-tui` builds it, connecting to `portal` through `transport` (None: over
    the network); without `admin_token` the sandbox's admin routes are not offered."""
    from ind_tui.local.settings import Profile
    from ind_tui.local.startup import StartInfo
    from ind_tui.local.tokens import StoreKind, StoreStatus, TokenStore
    from ind_tui.services.connect import connect
    from ind_tui.tui.app import PortalApp

    settings = Profile(name=profile, portal=portal)
    store = TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False))

    def connector() -> AbstractAsyncContextManager[Connection]:
        @asynccontextmanager
        async def opened() -> AsyncIterator[Connection]:
            async with connect(settings, store=store, admin_token=admin_token,
                               transport=transport) as conn:
                yield conn

        return opened()

    return PortalApp(StartInfo(profile, portal, lang), connector, keymap)


async def login(client: PortalClient, admin_token: str, identity: str = "sponsor-eh3") -> None:
    """A device login approved through the sandbox's admin route, without the login screen."""
    from ind_tui.client.sandbox_admin import SandboxAdmin

    device = await client.start_login()
    await SandboxAdmin(client.http, admin_token).approve(device.user_code, identity)
    await client.finish_login(device)


async def open_timed(tui: Any, screen: Any, table: str) -> tuple[Any, float, float]:
    """Push a list screen: the screen, when, and seconds until a frame with rows of its
    `table` (a selector) was drawn."""
    painted: list[float] = []
    start = time.perf_counter()
    tui.push_screen(screen)
    # Polled every 2 ms: a busy loop here would take the time it measures.
    while not (screen.is_mounted and screen.query(table) and screen.table.row_count):
        await asyncio.sleep(0.002)
    screen.call_after_refresh(lambda: painted.append(time.perf_counter()))
    while not painted:
        await asyncio.sleep(0.002)
    return screen, start, painted[0] - start
