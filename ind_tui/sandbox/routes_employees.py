"""Employees registered under the sponsor: list, register (aanmelden), deregister (afmelden)."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from ind_tui.forms.rules import DEREGISTRATION_DEADLINE_DAYS
from ind_tui.portal.models import (
    DeregistrationReceipt,
    DeregistrationRequest,
    Employee,
    EmployeePage,
    EmployeeRegistration,
    EmployeeStatus,
    ErrorCode,
    Service,
)
from ind_tui.sandbox.clock import AMSTERDAM
from ind_tui.sandbox.deps import PrincipalDep, SandboxDep, errors
from ind_tui.sandbox.errors import PortalError

router = APIRouter()


def _employee(row: Any) -> Employee:
    return Employee(
        id=row["id"], name=row["name"], v_number=row["v_number"],
        date_of_birth=row["date_of_birth"], nationality=row["nationality"],
        purpose=row["purpose"], start_date=row["start_date"], permit_end=row["permit_end"],
        status=EmployeeStatus(row["status"]), end_date=row["end_date"],
    )


@router.get("/employees", name="employees.list", response_model=EmployeePage,
            responses=errors(403))
def list_employees(
    principal: PrincipalDep, sb: SandboxDep, status: EmployeeStatus | None = None,
    after: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> EmployeePage:
    sb.require(principal, Service.EMPLOYEES)
    where, args = "sponsor_kvk = ?", [principal.company_kvk]
    if status is not None:
        where += " AND status = ?"
        args.append(status.value)
    conn = sb.db.read()
    total = int(conn.execute(f"SELECT COUNT(*) FROM employees WHERE {where}", args).fetchone()[0])
    if after is not None:
        where += " AND id > ?"
        args.append(after)
    rows = conn.execute(f"SELECT * FROM employees WHERE {where} ORDER BY id LIMIT ?",
                        [*args, limit + 1]).fetchall()
    items = [_employee(r) for r in rows[:limit]]
    return EmployeePage(items=items, total=total,
                        next_after=items[-1].id if len(rows) > limit else None)


@router.post("/employees", name="employees.register", status_code=201, response_model=Employee,
             responses=errors(403, 409))
def register(body: EmployeeRegistration, principal: PrincipalDep, sb: SandboxDep) -> Employee:
    sb.require(principal, Service.EMPLOYEES)
    with sb.db.write() as conn:
        existing = conn.execute(
            "SELECT * FROM employees WHERE sponsor_kvk=? AND v_number=?",
            (principal.company_kvk, body.v_number),
        ).fetchone()
        if existing is not None and existing["status"] == EmployeeStatus.REGISTERED.value:
            raise PortalError(409, ErrorCode.EMPLOYEE_EXISTS,
                              "this V-number is already registered with this sponsor",
                              {"employee": _employee(existing).model_dump(mode="json")})
        if existing is not None:  # registered again after leaving: same record, new term
            conn.execute("DELETE FROM employees WHERE id=?", (existing["id"],))
        emp_id = f"E{secrets.token_hex(6)}"
        conn.execute(
            "INSERT INTO employees VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', NULL, ?)",
            (emp_id, principal.company_kvk, body.name, body.v_number,
             body.date_of_birth.isoformat(), body.nationality, body.purpose.value,
             body.start_date.isoformat(),
             body.permit_end.isoformat() if body.permit_end else None, principal.own_kvk),
        )
        row = conn.execute("SELECT * FROM employees WHERE id=?", (emp_id,)).fetchone()
    return _employee(row)


@router.post("/employees/{employee_id}/deregistration", name="employees.deregister",
             status_code=201, response_model=DeregistrationReceipt,
             responses=errors(403, 404, 409))
def deregister(employee_id: Annotated[str, Path(max_length=40)], body: DeregistrationRequest,
               principal: PrincipalDep, sb: SandboxDep) -> DeregistrationReceipt:
    sb.require(principal, Service.EMPLOYEES)
    now = sb.clock.now()
    try:
        deadline = body.end_date + timedelta(days=DEREGISTRATION_DEADLINE_DAYS)
    except OverflowError:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED, "end_date is out of range",
                          {"errors": [{"loc": ["body", "end_date"], "msg": "out of range"}]}
                          ) from None
    with sb.db.write() as conn:
        row = conn.execute("SELECT * FROM employees WHERE id=? AND sponsor_kvk=?",
                           (employee_id, principal.company_kvk)).fetchone()
        if row is None:
            raise PortalError(404, ErrorCode.NOT_FOUND, "no such employee for this sponsor")
        if row["status"] == EmployeeStatus.DEREGISTERED.value:
            raise PortalError(409, ErrorCode.EMPLOYEE_DEREGISTERED,
                              "this employee is already deregistered",
                              {"end_date": row["end_date"]})
        conn.execute("UPDATE employees SET status='deregistered', end_date=? WHERE id=?",
                     (body.end_date.isoformat(), employee_id))
    # A late report is accepted and flagged, not refused: the duty is still met late.
    return DeregistrationReceipt(
        employee_id=employee_id, reference=f"AFM-{secrets.token_hex(4).upper()}",
        received_at=now, end_date=body.end_date, report_deadline=deadline,
        late=now.astimezone(AMSTERDAM).date() > deadline,
    )
