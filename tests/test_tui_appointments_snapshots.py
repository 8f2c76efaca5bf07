"""How the appointments and payments screens look, in Dutch and English, at 80x24
(pytest-textual-snapshot).

Update after an intended change with
`pytest tests/test_tui_appointments_snapshots.py --snapshot-update` and look at the report
before committing the new pictures.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, settle, wait_for

SIZE = (80, 24)
LANGS = ["nl", "en"]
ZAAK = "3100000060"  # a demo case in progress, without a booking


async def _settle(pilot: Pilot[Any]) -> None:
    # The booking flow's worker waits for the open dialog: that one runs on.
    await settle(pilot, still_running={"appointments-flow"})


async def _go(pilot: Pilot[Any], area: str) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    await login_as(pilot, "sponsor-eh3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    await home_settled(pilot)
    pilot.app.action_go(area)  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: getattr(pilot.app.screen, "loaded", False))


async def appointments(pilot: Pilot[Any]) -> None:
    await _go(pilot, "appointments")
    await _settle(pilot)


async def first_free_slots(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.appointments.book import LocationPicker, PurposePicker, SlotPicker

    await _go(pilot, "appointments")
    await _settle(pilot)  # no news toast left on the list under the dialogs
    await pilot.press("b")
    await wait_for(pilot, lambda: pilot.app.screen.__class__.__name__ == "CasePicker")
    await pilot.press("slash", *ZAAK, "enter", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PurposePicker))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, LocationPicker))
    await pilot.press("space", "j", "space", "j", "j", "j", "space", "enter")  # A'dam, DB, IN
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SlotPicker)
                   and pilot.app.screen.found is not None)
    await _settle(pilot)


async def payments(pilot: Pilot[Any]) -> None:
    await _go(pilot, "payments")
    await _settle(pilot)


SCREENS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "appointments": appointments, "first_free_slots": first_free_slots, "payments": payments,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Any, tmp_path: Path, screen: str, lang: str) -> None:
    app = make_app(sandbox_app(tmp_path), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=SCREENS[screen])
