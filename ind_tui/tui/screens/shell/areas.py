"""The app's areas: which screen each opens, and what each contributes to the home screen.

Each factory imports its area on first use, so starting the app does not pay for every area;
a module that is missing fails there, loudly. Each home provider gives short lines (a count of
changed cases, duties due) shown on the home screen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from ind_tui.i18n import t

if TYPE_CHECKING:
    from textual.screen import Screen

    from ind_tui.api.auth import Me
    from ind_tui.tui.app import PortalApp

ScreenFactory = Callable[[], "Screen[Any]"]
HomeLines = Callable[["PortalApp"], Awaitable[list[str]]]


def _new() -> Screen[Any]:
    from ind_tui.tui.screens.wizard.start import NewApplicationScreen

    return NewApplicationScreen()


def _drafts() -> Screen[Any]:
    from ind_tui.tui.screens.drafts.screen import DraftsScreen

    return DraftsScreen()


def _cases() -> Screen[Any]:
    from ind_tui.tui.screens.cases.screen import CasesScreen

    return CasesScreen()


def _employees() -> Screen[Any]:
    from ind_tui.tui.screens.employees.screen import EmployeesScreen

    return EmployeesScreen()


def _inbox() -> Screen[Any]:
    from ind_tui.tui.screens.inbox.screen import InboxScreen

    return InboxScreen()


def _due() -> Screen[Any]:
    from ind_tui.tui.screens.due.screen import DueScreen

    return DueScreen()


def _appointments() -> Screen[Any]:
    from ind_tui.tui.screens.appointments.screen import AppointmentsScreen

    return AppointmentsScreen()


def _payments() -> Screen[Any]:
    from ind_tui.tui.screens.payments.screen import PaymentsScreen

    return PaymentsScreen()


# Where `:` and the palette go, in the order home lists them, with the service each needs
# (None: every account may). The values of `api.auth.Service`, named here as text so the
# login screen's first frame does not wait for the wire models.
AREA_SERVICES: dict[str, str | None] = {
    "new": "submit_applications", "drafts": "submit_applications", "cases": "view_cases",
    "employees": "employees", "account": "account", "inbox": "view_cases", "due": None,
    "appointments": "view_cases", "payments": "submit_applications", "address": "account",
}


def refusal(me: Me | None, area: str) -> str | None:
    """Why this account may not use the area (the portal's reason, in the interface
    language), or None when it may."""
    service = AREA_SERVICES.get(area)
    if me is None or service is None:
        return None
    access = next((s for s in me.services if s.service == service), None)
    if access is None or access.allowed:
        return None
    return t(f"reason.{access.reason_code}") if access.reason_code else t("reason.forbidden")


def usable_areas(me: Me | None) -> list[str]:
    """The areas this account may open, in home's order."""
    return [area for area in AREA_SERVICES if refusal(me, area) is None]


# area -> the screen it opens
AREA_SCREENS: dict[str, ScreenFactory] = {
    "new": _new,
    "drafts": _drafts,
    "cases": _cases,
    "employees": _employees,
    "inbox": _inbox,
    "due": _due,
    "appointments": _appointments,
    "payments": _payments,
}


async def _inbox_lines(app: PortalApp) -> list[str]:
    from ind_tui.tui.screens.inbox.screen import home_lines

    return await home_lines(app)


async def _cases_lines(app: PortalApp) -> list[str]:
    from ind_tui.tui.screens.cases.facets import home_lines

    return await home_lines(app)


async def _employees_lines(app: PortalApp) -> list[str]:
    from ind_tui.tui.screens.employees.home import home_lines

    return await home_lines(app)


async def _drafts_lines(app: PortalApp) -> list[str]:
    from ind_tui.tui.screens.drafts.home import home_lines

    return await home_lines(app)


# What feeds the home screen, in this order.
HOME_PROVIDERS: tuple[HomeLines, ...] = (_inbox_lines, _cases_lines, _employees_lines,
                                         _drafts_lines)


def screen_for(area: str) -> Screen[Any]:
    return AREA_SCREENS[area]()


async def home_lines(app: PortalApp) -> list[str]:
    lines: list[str] = []
    for provider in HOME_PROVIDERS:
        lines.extend(await provider(app))
    return lines
