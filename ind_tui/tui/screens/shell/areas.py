"""The app's areas: which screen each opens, and what each contributes to the home screen.

Screens are named as "module:Class" and imported on first use, so starting the app does not
pay for every area. Each module in HOME_PROVIDERS offers
`async def home_lines(app) -> list[str]`: short lines (a count of changed cases, duties due)
shown on the home screen.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

    from ind_tui.tui.app import PortalApp

# area -> "module:Class" of the screen it opens (constructed without arguments).
AREA_SCREENS: dict[str, str] = {
    "new": "ind_tui.tui.screens.wizard.start:NewApplicationScreen",
    "drafts": "ind_tui.tui.screens.drafts.screen:DraftsScreen",
    "cases": "ind_tui.tui.screens.cases.screen:CasesScreen",
    "employees": "ind_tui.tui.screens.employees.screen:EmployeesScreen",
    "inbox": "ind_tui.tui.screens.inbox.screen:InboxScreen",
    "due": "ind_tui.tui.screens.due.screen:DueScreen",
    "appointments": "ind_tui.tui.screens.appointments.screen:AppointmentsScreen",
    "payments": "ind_tui.tui.screens.payments.screen:PaymentsScreen",
}

# Modules whose `home_lines(app)` feed the home screen, in this order.
HOME_PROVIDERS: tuple[str, ...] = (
    "ind_tui.tui.screens.inbox.screen",
    "ind_tui.tui.screens.cases.screen",
    "ind_tui.tui.screens.employees.screen",
    "ind_tui.tui.screens.drafts.screen",
)


def _load(spec: str) -> Any:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def screen_for(area: str) -> Screen[Any]:
    factory = _load(AREA_SCREENS[area])
    screen: Screen[Any] = factory()
    return screen


async def home_lines(app: PortalApp) -> list[str]:
    lines: list[str] = []
    for module_name in HOME_PROVIDERS:
        provider = importlib.import_module(module_name).home_lines
        lines.extend(await provider(app))
    return lines
