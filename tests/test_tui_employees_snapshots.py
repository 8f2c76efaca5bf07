"""How the employees area looks, in Dutch and English, at 80x24 (pytest-textual-snapshot).

Update after an intended change with
`pytest tests/test_tui_employees_snapshots.py --snapshot-update` and look at the report
before committing the new pictures.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from ind_tui.base.atomic import atomic_write_bytes
from tests.tui_helpers import login_as, make_app, sandbox_app, settle, wait_for

SIZE = (80, 24)
LANGS = ["nl", "en"]
# The file's path is typed into the import screen and so shows in its picture: a fixed path
# (only read; each run writes the same bytes to it by rename), not the run's own home.
SOURCE = Path("/tmp/ind-tui-snapshot-employees/staff.csv")
CSV = ("Naam;V-nummer;Geboortedatum;Nationaliteit;Verblijfsdoel;Startdatum\r\n"
       "José Álvarez;4200000001;14-2-1991;MEX;arbeid;1-10-2026\r\n"
       "Foute Regel;42;1-1-1990;IND;arbeid;3/4/2026\r\n"
       "Yuki Silva;1684665718;08-12-1986;JPN;arbeid;16-06-2024\r\n")


async def _list(pilot: Pilot[Any], identity: str = "sponsor-eh3") -> None:
    from ind_tui.tui.screens.employees.screen import EmployeesScreen
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = pilot.app
    await login_as(pilot, identity)
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                   and app.screen.query_one("#areas").option_count > 0
                   and "06:00" in str(app.screen.query_one("#refreshed").render()))
    await pilot.press("colon", *"employees", "enter")
    await wait_for(pilot, lambda: isinstance(app.screen, EmployeesScreen)
                   and (app.screen.loaded or not app.screen.allowed))


async def employees(pilot: Pilot[Any]) -> None:
    await _list(pilot)
    await settle(pilot)


async def deregister_form(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.employees.forms import DeregisterScreen

    await _list(pilot)
    await settle(pilot)  # the toasts belong to the screen under the form
    await pilot.press("u")  # Leila Chen, whose report is late, comes first
    await pilot.press("d")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DeregisterScreen))
    await settle(pilot)


async def register_form(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.employees.forms import RegisterScreen

    await _list(pilot)
    await settle(pilot)  # the toasts belong to the screen under the form
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, RegisterScreen))
    await settle(pilot)


async def import_preview(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.employees.bulk import ImportScreen

    SOURCE.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(SOURCE, CSV.encode("cp1252"))
    await _list(pilot)
    await pilot.press("i")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ImportScreen))
    await pilot.press(*str(SOURCE), "enter")
    await wait_for(pilot, lambda: pilot.app.screen.preview is not None)
    await pilot.press("j")  # the row with errors: its problems in full under the table
    await settle(pilot)


async def denied(pilot: Pilot[Any]) -> None:
    """The screen's own refusal (`:` and home no longer open it for such an account, but a
    role can change under an open session)."""
    from ind_tui.tui.screens.employees.screen import EmployeesScreen
    from ind_tui.tui.screens.shell.home import HomeScreen

    app = pilot.app
    await login_as(pilot, "employer-eh3")
    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen)
                   and "06:00" in str(app.screen.query_one("#refreshed").render()))
    app.push_screen(EmployeesScreen())
    await wait_for(pilot, lambda: isinstance(app.screen, EmployeesScreen)
                   and not app.screen.allowed)
    await settle(pilot)


SCREENS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "employees": employees, "register_form": register_form, "deregister_form": deregister_form,
    "import_preview": import_preview, "denied": denied,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_employees_screen(snap_compare: Any, tmp_path: Path, screen: str, lang: str) -> None:
    app = make_app(sandbox_app(tmp_path), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=SCREENS[screen])
