"""The employees lines of the home screen, read without loading the employees screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ind_tui.i18n import t
from ind_tui.i18n.format import plural
from ind_tui.services.duties import DEREGISTER
from ind_tui.tui.screens.employees.view import employees_access

if TYPE_CHECKING:
    from ind_tui.tui.app import PortalApp


async def home_lines(app: PortalApp) -> list[str]:
    """Deregistrations due and permits expiring within 3 months, for the home screen."""
    access = employees_access(app.context.me)
    client = app.context.client
    if access is None or not access.allowed or client is None:
        return []
    from ind_tui.api.errors import PortalError, SessionExpiredError
    from ind_tui.services.duties import EXTENSION_WINDOW, load_employee_duties

    try:
        duties = await load_employee_duties(client)
    except SessionExpiredError:
        raise
    except PortalError:  # the other areas' lines still show; the list itself will explain
        return []
    deregister = [d for d in duties if d.kind == DEREGISTER]
    late = sum(1 for d in deregister if d.late)
    expiring = sum(1 for d in duties if d.kind == EXTENSION_WINDOW)
    lines: list[str] = []
    if deregister:
        key = "employees.home.deregister_late" if late else "employees.home.deregister"
        lines.append(t(key, n=len(deregister), late=late))
    if expiring:
        lines.append(plural("employees.home.extension", expiring))
    return lines
