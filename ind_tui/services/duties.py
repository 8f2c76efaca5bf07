"""What a sponsor has to do about its employees, and by when (no UI here).

Two kinds come from the employee list:

- `deregister`: a registered employee whose employment or work has ended must be
  deregistered within 4 weeks (DOMAIN.md, sponsor duties). The portal cannot know the day
  employment ends until the sponsor reports it, so the client reads it from what it has: the
  contract end the sponsor recorded at registration (`detail="contract_ended"`), or a permit
  that ran out with no extension pending (`detail="permit_ended"`: the work the permit was for
  can no longer go on). Due 4 weeks after that day; `late` once that day has passed.
- `extension_window`: a permit that expires within 3 months. An extension may be filed from
  3 months before expiry (forms.rules.extension_opens) and should be filed before it, so it
  is due on the expiry date. Left out when the contract ends before the permit does, or when
  an extension for that V-number is already running.

Both lists of a screen, the home lines and the "due soon" list use `employee_duties`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ind_tui.api.cases import CaseStatus, CaseSummary, Decision
from ind_tui.api.employees import Employee, EmployeeStatus
from ind_tui.api.errors import ForbiddenError
from ind_tui.domain.forms.rules import (
    DEREGISTRATION_DEADLINE_DAYS,
    TYPES_BY_ID,
    add_months,
    extension_opens,
)

if TYPE_CHECKING:
    from ind_tui.client.client import PortalClient

EXTENSION_WINDOW_MONTHS = 3
DEREGISTER = "deregister"
EXTENSION_WINDOW = "extension_window"


@dataclass(frozen=True)
class Duty:
    kind: str  # "deregister" | "extension_window" (other parts add their own kinds)
    due: date
    employee_id: str | None = None
    employee_name: str | None = None
    zaaknummer: str | None = None
    late: bool = False
    detail: str = ""  # machine-friendly detail, not user text
    v_number: str | None = None  # the employee's, so an extension can start prefilled


def lookahead(today: date) -> date:
    """The day before which a permit or contract end can give a duty today: pass it to the
    portal's `ending_before` to fetch only the employees that matter."""
    return add_months(today, EXTENSION_WINDOW_MONTHS) + timedelta(days=1)


def ended_on(employee: Employee, today: date, pending_extensions: Collection[str] = ()
             ) -> tuple[date, str] | None:
    """The day employment or work ended for a still registered employee, and why; None when
    it has not (yet)."""
    if employee.status is not EmployeeStatus.REGISTERED:
        return None
    ends: list[tuple[date, str]] = []
    if employee.contract_end is not None and employee.contract_end <= today:
        ends.append((employee.contract_end, "contract_ended"))
    if (employee.permit_end is not None and employee.permit_end < today
            and employee.v_number not in pending_extensions):
        ends.append((employee.permit_end, "permit_ended"))
    return min(ends) if ends else None


def employee_duties(
    employees: Iterable[Employee], today: date, *, pending_extensions: Collection[str] = ()
) -> list[Duty]:
    """Every employee duty open on `today`, soonest (and most overdue) first.

    `pending_extensions`: V-numbers with an extension application running; their permit
    ending neither opens an extension window nor calls for deregistration."""
    horizon = add_months(today, EXTENSION_WINDOW_MONTHS)
    out: list[Duty] = []
    for e in employees:
        if e.status is not EmployeeStatus.REGISTERED:
            continue
        ended = ended_on(e, today, pending_extensions)
        if ended is not None:
            day, why = ended
            due = day + timedelta(days=DEREGISTRATION_DEADLINE_DAYS)
            out.append(Duty(DEREGISTER, due, e.id, e.name, late=today > due, detail=why,
                            v_number=e.v_number))
            continue
        permit = e.permit_end
        if (permit is None or not today <= permit <= horizon
                or e.v_number in pending_extensions
                or (e.contract_end is not None and e.contract_end < permit)):
            continue
        detail = f"opens:{extension_opens(permit).isoformat()}"
        out.append(Duty(EXTENSION_WINDOW, permit, e.id, e.name, detail=detail,
                        v_number=e.v_number))
    out.sort(key=lambda d: (d.due, d.kind, d.employee_name or "", d.employee_id or ""))
    return out


def duty_by_employee(duties: Iterable[Duty]) -> dict[str, Duty]:
    """The first duty per employee id (the list is sorted by due date)."""
    out: dict[str, Duty] = {}
    for duty in duties:
        if duty.employee_id is not None and duty.employee_id not in out:
            out[duty.employee_id] = duty
    return out


def extension_v_numbers(cases: Iterable[CaseSummary]) -> set[str]:
    """V-numbers with an extension application that is running or was granted: for them a
    permit end is no reason to deregister, nor to file again."""
    out: set[str] = set()
    for case in cases:
        rule = TYPES_BY_ID.get(case.type_id)
        if rule is None or not rule.is_extension or case.v_number is None:
            continue
        if case.decision in (None, Decision.GRANTED) and case.status is not CaseStatus.WITHDRAWN:
            out.add(case.v_number)
    return out


async def pending_extensions(client: PortalClient) -> set[str]:
    """The V-numbers with an extension running or granted, among the cases this account sees
    (a representative sees only what it submitted; without the case list: none)."""
    cases: list[CaseSummary] = []
    try:
        async for page in client.iter_cases():
            cases.extend(page.items)
    except ForbiddenError:
        return set()
    return extension_v_numbers(cases)


async def load_employee_duties(client: PortalClient, today: date | None = None) -> list[Duty]:
    """The employee duties of the logged-in sponsor, fetching only the employees whose permit
    or contract ends soon, and the running extension applications this account can see."""
    today = today or client.clock.today()
    employees = await client.employees(ending_before=lookahead(today))
    pending = await pending_extensions(client) if employees else set()
    return employee_duties(employees, today, pending_extensions=pending)
