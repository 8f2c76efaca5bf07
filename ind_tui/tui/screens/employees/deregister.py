"""Deregistering the employee under the cursor (afmelden): the form, a confirmation, and
sending it exactly once, the report keeping its idempotency key until its receipt."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import work

from ind_tui.api.employees import EmployeeStatus
from ind_tui.i18n import t
from ind_tui.i18n.format import day
from ind_tui.services.duties import ended_on
from ind_tui.tui.screens.shell.base import PortalScreen
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.text import plain

if TYPE_CHECKING:
    from ind_tui.api.employees import DeregistrationReceipt, DeregistrationRequest, Employee


class DeregisterActions(PortalScreen):
    """Needs from the screen: `employees`, `today`, `pending`, `current()` and
    `_recompute()`."""

    employees: list[Employee]
    today: date
    pending: set[str]
    _deregistering: tuple[str, DeregistrationRequest, str] | None

    if TYPE_CHECKING:  # provided by the screen; declared here for the type checker only
        def current(self) -> Employee | None: ...
        def _recompute(self) -> None: ...

    def action_deregister(self, previous: DeregistrationRequest | None = None) -> None:
        from ind_tui.tui.screens.employees.forms import DeregisterScreen

        employee = self.current()
        if employee is None:
            return
        if employee.status is EmployeeStatus.DEREGISTERED:
            self.notify(t("employees.deregister.already"), severity="warning")
            return
        ended = ended_on(employee, self.today, self.pending)

        def confirmed(yes: bool | None, request: DeregistrationRequest) -> None:
            if yes:
                self.send_deregistration(employee, request)

        def filled(request: DeregistrationRequest | None) -> None:
            if request is None:
                return
            text = t("employees.deregister.confirm", name=plain(employee.name),
                     v_number=employee.v_number, end=day(request.end_date),
                     reason=t(f"employees.reason.{request.reason.value}"))
            self.app.push_screen(ConfirmDialog(text, danger=True),
                                 lambda yes: confirmed(yes, request))

        self.app.push_screen(DeregisterScreen(employee, self.today, previous,
                                              ended[0] if ended else None), filled)

    @work(exclusive=True, group="deregister")
    async def send_deregistration(self, employee: Employee,
                                  request: DeregistrationRequest) -> None:
        from ind_tui.client.retry import new_idempotency_key

        client = self.context.client
        if client is None:
            return
        kept = self._deregistering
        # The same report keeps its key until its receipt: a resend is answered, not redone.
        key = kept[2] if kept and kept[:2] == (employee.id, request) else new_idempotency_key()
        self._deregistering = (employee.id, request, key)
        receipt = (await self.portal_app.call(
            lambda: client.deregister_employee(employee.id, request, key))).or_none()
        if receipt is None:
            if self.is_attached:
                self.action_deregister(request)  # the form again, as it was filled in
            return
        self._deregistering = None
        self._deregistered(employee, request, receipt)

    def _deregistered(self, employee: Employee, request: DeregistrationRequest,
                      receipt: DeregistrationReceipt) -> None:
        updated = employee.model_copy(update={
            "status": EmployeeStatus.DEREGISTERED, "end_date": receipt.end_date,
            "end_reason": request.reason, "deregistered_at": receipt.received_at,
            "deregistration_late": receipt.late,
            "deregistration_reference": receipt.reference})
        self.employees = [updated if e.id == employee.id else e for e in self.employees]
        self._recompute()
        key = "employees.deregister.done_late" if receipt.late else "employees.deregister.done"
        self.notify(t(key, name=plain(employee.name), reference=receipt.reference,
                      deadline=day(receipt.report_deadline)),
                    severity="warning" if receipt.late else "information", timeout=10)
