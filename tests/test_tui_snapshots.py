"""How each screen looks, in Dutch and English, at 80x24 (pytest-textual-snapshot).

Update after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`
and look at the report before committing the new pictures.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from ind_tui.api.errors import ServiceUnavailableError
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, settle, wait_for

SIZE = (80, 24)
LANGS = ["nl", "en"]


@pytest.fixture(autouse=True)
def _home(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # Help shows the keymap file's path, under the home folder: how long it is decides how the
    # text wraps (and so the scroll bar). A folder of this run, named as long as every run's.
    home = Path(tempfile.mkdtemp(prefix="ind-tui-snap-", dir="/tmp"))
    monkeypatch.setenv("IND_TUI_HOME", str(home))
    yield
    shutil.rmtree(home, ignore_errors=True)


async def _to_home(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    await login_as(pilot, "sponsor-eh3")
    await home_settled(pilot)
    assert isinstance(pilot.app.screen, HomeScreen)


async def login(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.shell.login import LoginScreen
    from ind_tui.tui.widgets.lists import VimOptionList

    await wait_for(pilot, lambda: isinstance(pilot.app.screen, LoginScreen)
                   and pilot.app.screen.device is not None
                   and pilot.app.screen.query_one(VimOptionList).option_count > 0)
    await settle(pilot, still_running={"login"})  # it waits for the code to be approved


async def login_refused(pilot: Pilot[Any]) -> None:
    await login_as(pilot, "sponsor-eh2plus")
    await wait_for(pilot, lambda: pilot.app.screen.query_one("#login-failure").display)
    # Request ids are random per call; show a fixed one so the picture is stable.
    error = pilot.app.context.last_error
    error.request_id = "req-0001"
    pilot.app.screen._failed(error)
    pilot.app.screen.query_one("#login-body").scroll_home(animate=False)
    await settle(pilot)


async def home(pilot: Pilot[Any]) -> None:
    await _to_home(pilot)
    await settle(pilot)


async def account(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.account.screen import AccountScreen

    await _to_home(pilot)
    await pilot.press("5")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, AccountScreen)
                   and pilot.app.screen.account is not None)
    await settle(pilot)


async def address_form(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.account.address import AddressScreen

    await account(pilot)
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, AddressScreen))
    await pilot.press(*"Coolsingel", "enter", *"40", "enter", *"30", "enter", "enter", "enter")
    await settle(pilot)


async def guidance(pilot: Pilot[Any]) -> None:
    await _to_home(pilot)
    # Home's news toast must go while home is the screen: cleared later, under the dialog, it
    # would stay on home's own toast rack until its timeout, which a slow run outlasts.
    await settle(pilot)
    pilot.app.show_error(ServiceUnavailableError(
        "service temporarily unavailable", code="service_unavailable", status=503,
        request_id="req-0001"))
    await settle(pilot)


async def help_screen(pilot: Pilot[Any]) -> None:
    await _to_home(pilot)
    await settle(pilot)  # home's news toast goes first (see `guidance`)
    await pilot.press("f1")
    await settle(pilot)


async def report(pilot: Pilot[Any]) -> None:
    await _to_home(pilot)
    await pilot.press("ctrl+r")
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ReportScreen")
    await pilot.press(*"Upload failed twice")
    await settle(pilot)


SCREENS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "login": login, "login_refused": login_refused, "home": home, "account": account,
    "address_form": address_form, "guidance": guidance, "help": help_screen, "report": report,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Any, tmp_path: Path, screen: str, lang: str) -> None:
    app = make_app(sandbox_app(tmp_path), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=SCREENS[screen])
