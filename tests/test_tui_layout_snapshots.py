"""How the screens look where the other picture tests do not look: each list at 120x40 (the
wide layout), the cases list and a case at 200x60, and at 80x24 the palette and the
appointment places, in Dutch and English.

The scenes come from the area picture tests, so each screen is reached one way. Update after
an intended change with `pytest tests/test_tui_layout_snapshots.py --snapshot-update` and look
at the report before committing the new pictures.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests import test_tui_appointments_snapshots as appointments
from tests import test_tui_cases_snapshots as cases
from tests import test_tui_drafts_snapshots as drafts
from tests import test_tui_employees_snapshots as employees
from tests import test_tui_inbox_snapshots as inbox
from tests import test_tui_snapshots as shell
from tests.tui_helpers import make_app, sandbox_app, settle, wait_for

WIDE = (120, 40)
WIDEST = (200, 60)  # two pictures only: each takes long to draw and compare
SMALL = (80, 24)
LANGS = ["nl", "en"]
Scene = Callable[[Pilot[Any]], Awaitable[None]]


async def palette(pilot: Pilot[Any]) -> None:
    from textual.command import CommandPalette

    await shell.home(pilot)
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    await settle(pilot)


async def places(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.appointments.book import LocationPicker, PurposePicker

    await appointments.appointments(pilot)
    await pilot.press("b")
    await wait_for(pilot, lambda: pilot.app.screen.__class__.__name__ == "CasePicker")
    await pilot.press("slash", *appointments.ZAAK, "enter", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PurposePicker))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, LocationPicker))
    await pilot.press("space", "j", "j")  # the first place chosen, the cursor on the third
    await settle(pilot, still_running={"appointments-flow"})


SCENES: dict[str, tuple[Scene, tuple[int, int]]] = {
    "home_wide": (shell.home, WIDE),
    "cases_wide": (cases.cases_list, WIDE),
    "case_detail_wide": (cases.case_detail, WIDE),
    "cases_widest": (cases.cases_list, WIDEST),
    "case_detail_widest": (cases.case_detail, WIDEST),
    "employees_wide": (employees.employees, WIDE),
    "inbox_wide": (inbox.inbox, WIDE),
    "due_wide": (inbox.due, WIDE),
    "payments_wide": (appointments.payments, WIDE),
    "appointments_wide": (appointments.appointments, WIDE),
    "drafts_wide": (drafts.drafts, WIDE),
    "palette": (palette, SMALL),
    "places": (places, SMALL),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scene", list(SCENES))
def test_screen(snap_compare: Any, tmp_path: Path, scene: str, lang: str) -> None:
    if scene == "drafts_wide":
        drafts.some_drafts()
    run_before, size = SCENES[scene]
    app = make_app(sandbox_app(tmp_path), lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
