"""Building the TUI against an in-process sandbox, and driving its login by keys."""

from __future__ import annotations

import time
from collections.abc import Container
from pathlib import Path

import httpx
from fastapi import FastAPI
from textual.pilot import Pilot

from bench.tui import PORTAL as PORTAL  # the tests name the portal the app is built on
from bench.tui import make_tui
from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.tui.app import PortalApp
from tests.conftest import ADMIN_TOKEN

# How long a test waits for a condition before it fails.
WAIT_SECONDS = 90.0


def sandbox_app(tmp_path: Path) -> FastAPI:
    return create_app(SandboxConfig(db_path=tmp_path / "tui-sandbox.db", admin_token=ADMIN_TOKEN,
                                    device_interval=1, code_seed=7))


def make_app(sandbox: FastAPI, lang: str = "en", keymap: dict[str, str] | None = None,
             portal: str = PORTAL) -> PortalApp:
    """The app on `sandbox` in-process, with the sandbox's admin token (the panel, ctrl+t)."""
    return make_tui(httpx.ASGITransport(app=sandbox), admin_token=ADMIN_TOKEN, lang=lang,
                    keymap=keymap, portal=portal)


async def wait_for(pilot: Pilot[object], condition: object, timeout: float = WAIT_SECONDS
                   ) -> None:
    """Let workers run until `condition()` holds; fail loudly after `timeout` seconds of
    wall time (generous: on a busy machine a step can take many times its usual time). A
    widget that is not mounted yet counts as 'not yet'."""
    from textual.css.query import NoMatches

    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():  # type: ignore[operator]
                return
        except NoMatches:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not reached in {timeout:.0f} s")
        await pilot.pause(0.02)


async def settle(pilot: Pilot[object], still_running: Container[str] = ()) -> None:
    """Before a picture: every piece of background work done (a late answer would add a toast
    or change a line), then the toasts cleared. Workers of the `still_running` groups wait on
    a dialog that is on screen, so they are not waited for."""
    app = pilot.app
    await wait_for(pilot, lambda: all(w.is_finished or w.group in still_running
                                      for w in app.workers))
    app.clear_notifications()
    # A blinking cursor is drawn or not depending on how long the wait took: hold it still.
    from textual.widgets import Input

    for field in app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def login_as(pilot: Pilot[object], identity: str) -> None:
    """Pick a sandbox identity in the login screen's list by keys: / filter, Enter."""
    from ind_tui.tui.screens.shell.login import LoginScreen
    from ind_tui.tui.widgets.lists import VimOptionList

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen)
                   and app.screen.device is not None
                   and app.screen.query_one(VimOptionList).option_count > 0)
    await pilot.press("slash", *identity, "enter", "enter")


async def home_settled(pilot: Pilot[object]) -> None:
    """On home, and home done asking the portal for its lines: a picture taken earlier
    would depend on how fast that answer came."""
    from textual.worker import WorkerState

    from ind_tui.tui.screens.shell.home import HomeScreen

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                   and "06:00" in str(app.screen.query_one("#refreshed").render()))
    home = app.screen
    await wait_for(pilot, lambda: not any(
        w.node is home and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
        for w in app.workers))


def burst(pilot: Pilot[object], *keys: str) -> None:
    """Send keys the way a paste or an SSH burst brings them: all at once, no pause between
    them (Pilot's `press` waits for each key to be handled before sending the next). The key
    events are made as `press` makes them."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        char: str | None
        try:
            char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(pilot.app)  # as a terminal's driver does
        driver.send_message(event)
