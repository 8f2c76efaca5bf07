"""Enter on an employee: a new application for them, prefilled from the register and their
latest case; which one is asked, the extension first while their permit may be extended."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ind_tui.api.employees import EmployeeStatus
from ind_tui.i18n import t

if TYPE_CHECKING:
    from ind_tui.api.employees import Employee
    from ind_tui.tui.screens.shell.base import PortalScreen


def start_application(screen: PortalScreen, employee: Employee | None, today: date) -> None:
    from ind_tui.services.prefill import in_extension_window
    from ind_tui.tui.screens.wizard.begin import begin_for_employee

    if employee is None:
        return
    if employee.status is not EmployeeStatus.REGISTERED:
        screen.notify(t("prefill.deregistered", name=employee.name), severity="warning",
                      timeout=10, markup=False)
        return
    begin_for_employee(screen, employee.v_number, employee.name,
                       extension_first=in_extension_window(employee, today))
