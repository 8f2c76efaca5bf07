"""Building the TUI against an in-process sandbox, and driving its login by keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI
from textual.pilot import Pilot

from ind_tui.app import PortalApp
from ind_tui.portal.connect import Connection, connect
from ind_tui.portal.tokens import StoreKind, StoreStatus, TokenStore
from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.settings import Profile
from ind_tui.startup import StartInfo
from tests.conftest import ADMIN_TOKEN

PORTAL = "http://sandbox.test"


def sandbox_app(tmp_path: Path) -> FastAPI:
    return create_app(SandboxConfig(db_path=tmp_path / "tui-sandbox.db", admin_token=ADMIN_TOKEN,
                                    device_interval=1, code_seed=7))


def make_app(sandbox: FastAPI, lang: str = "en", keymap: dict[str, str] | None = None
             ) -> PortalApp:
    profile = Profile(name="test", portal=PORTAL)
    store = TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False))

    def connector() -> AbstractAsyncContextManager[Connection]:
        @asynccontextmanager
        async def opened() -> AsyncIterator[Connection]:
            async with connect(profile, store=store, admin_token=ADMIN_TOKEN,
                               transport=httpx.ASGITransport(app=sandbox)) as conn:
                yield conn

        return opened()

    return PortalApp(StartInfo("test", PORTAL, lang), connector, keymap)


async def wait_for(pilot: Pilot[object], condition: object, tries: int = 500) -> None:
    """Let workers run until `condition()` holds (bounded; fails loudly). A widget that is
    not mounted yet counts as 'not yet'."""
    from textual.css.query import NoMatches

    for _ in range(tries):
        try:
            if condition():  # type: ignore[operator]
                return
        except NoMatches:
            pass
        await pilot.pause(0.02)
    raise AssertionError("condition not reached")


async def login_as(pilot: Pilot[object], identity: str) -> None:
    """Pick a sandbox identity in the login screen's list by keys: / filter, Enter."""
    from ind_tui.screens.login import LoginScreen
    from ind_tui.widgets.lists import VimOptionList

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen)
                   and app.screen.device is not None
                   and app.screen.query_one(VimOptionList).option_count > 0)
    await pilot.press("slash", *identity, "enter", "enter")
