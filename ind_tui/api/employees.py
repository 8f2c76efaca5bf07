"""Wire models of employees: the list, registration and deregistration."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from ind_tui.api.auth import Purpose
from ind_tui.api.wire import IsoDate, Name, Strict, VNumber, Wire


class EmployeeStatus(StrEnum):
    REGISTERED = "registered"
    DEREGISTERED = "deregistered"


class DeregistrationReason(StrEnum):
    """Why a sponsor reports an employee's end (each within 4 weeks, DOMAIN.md)."""

    EMPLOYMENT_ENDED = "employment_ended"  # the employee left
    NEVER_STARTED = "never_started"
    INCOME_BELOW_THRESHOLD = "income_below_threshold"
    WORK_ENDED = "work_ended"  # the work the permit was for ended (e.g. the permit ran out)


class Employee(Wire):
    id: str
    name: str
    v_number: str
    date_of_birth: date
    nationality: str
    purpose: Purpose
    start_date: date
    permit_end: date | None
    status: EmployeeStatus
    end_date: date | None = None
    contract_end: date | None = Field(
        default=None, description="end of the employment contract, when the sponsor gave one"
    )
    end_reason: DeregistrationReason | None = None
    deregistered_at: datetime | None = None
    deregistration_late: bool = False
    deregistration_reference: str | None = None


class EmployeePage(Wire):
    items: list[Employee]
    total: int
    next_after: str | None


class EmployeeRegistration(Strict):
    name: Name
    v_number: str = VNumber
    date_of_birth: IsoDate
    nationality: str = Field(pattern=r"^[A-Z]{3}$")
    purpose: Purpose
    start_date: IsoDate
    permit_end: IsoDate | None = None
    contract_end: IsoDate | None = None


class DeregistrationRequest(Strict):
    end_date: IsoDate
    reason: DeregistrationReason
    note: str | None = Field(default=None, max_length=200, description="free text, optional")


class DeregistrationReceipt(Wire):
    employee_id: str
    reference: str
    received_at: datetime
    end_date: date
    report_deadline: date
    late: bool
    reason: DeregistrationReason | None = None
