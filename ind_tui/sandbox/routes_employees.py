"""Employees registered under the sponsor: list, register (aanmelden), deregister (afmelden).

Registering and deregistering take an optional Idempotency-Key: a bulk import resends a row
after a lost answer with the same key and gets the first answer back. Without a key the
natural key still holds: one registration per V-number and sponsor (409 `employee_exists`).
A late deregistration is accepted and marked late, never refused: the duty is still met.
"""

from __future__ import annotations

import secrets
import sqlite3
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse, Response

from ind_tui.api.auth import Purpose, Service
from ind_tui.api.employees import (
    DeregistrationReceipt,
    DeregistrationRequest,
    Employee,
    EmployeePage,
    EmployeeRegistration,
    EmployeeStatus,
)
from ind_tui.api.wire import ErrorCode, IsoDate
from ind_tui.domain.employees import registration_problems
from ind_tui.domain.forms.rules import DEREGISTRATION_DEADLINE_DAYS
from ind_tui.sandbox import idempotency as idem
from ind_tui.sandbox.auth import Principal
from ind_tui.sandbox.bounds import SMALL_BODY_BYTES, max_body
from ind_tui.sandbox.clock import AMSTERDAM
from ind_tui.sandbox.db import iso
from ind_tui.sandbox.deps import PrincipalDep, SandboxDep, errors
from ind_tui.sandbox.errors import PortalError
from ind_tui.sandbox.routes_applications import KeyHeader, _scope, run_once
from ind_tui.sandbox.state import Sandbox

router = APIRouter()


def _employee(row: Any) -> Employee:
    return Employee(
        id=row["id"], name=row["name"], v_number=row["v_number"],
        date_of_birth=row["date_of_birth"], nationality=row["nationality"],
        purpose=row["purpose"], start_date=row["start_date"], permit_end=row["permit_end"],
        status=EmployeeStatus(row["status"]), end_date=row["end_date"],
        contract_end=row["contract_end"], end_reason=row["end_reason"],
        deregistered_at=row["deregistered_at"],
        deregistration_late=bool(row["deregistration_late"]),
        deregistration_reference=row["deregistration_reference"],
    )


@router.get("/employees", name="employees.list", response_model=EmployeePage,
            responses=errors(403))
def list_employees(
    principal: PrincipalDep, sb: SandboxDep, status: EmployeeStatus | None = None,
    after: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ending_before: Annotated[IsoDate | None, Query(
        description="only registered employees whose permit or contract ends before this "
                    "date (YYYY-MM-DD): the ones a sponsor may have a duty for")] = None,
) -> EmployeePage:
    sb.require(principal, Service.EMPLOYEES)
    where, args = "sponsor_kvk = ?", [principal.company_kvk]
    if status is not None:
        where += " AND status = ?"
        args.append(status.value)
    if ending_before is not None:
        where += " AND status = 'registered' AND (permit_end < ? OR contract_end < ?)"
        args += [ending_before.isoformat()] * 2
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
             responses=errors(400, 403, 409), openapi_extra=max_body(SMALL_BODY_BYTES))
def register(body: EmployeeRegistration, principal: PrincipalDep, sb: SandboxDep,
             idempotency_key: KeyHeader = None) -> Response:
    sb.require(principal, Service.EMPLOYEES)
    if idempotency_key is None:
        with sb.db.write() as conn:
            status, answer = _register(conn, body, principal, sb)
        return JSONResponse(answer, status_code=status)
    key = idem.check_key(idempotency_key)
    return run_once(sb, _scope(principal, "employees.register"), key,
                    body.model_dump(mode="json"), lambda conn: _register(conn, body, principal, sb))


def _register(conn: sqlite3.Connection, body: EmployeeRegistration, principal: Principal,
              sb: Sandbox) -> tuple[int, dict[str, Any]]:
    now = sb.clock.now()
    recognised = {Purpose(p) for p, _ in sb.recognitions(principal.company_kvk)}
    problems = registration_problems(body, now.astimezone(AMSTERDAM).date(), recognised)
    if any(p.code == "not_recognised" for p in problems):
        raise PortalError(422, ErrorCode.PURPOSE_NOT_RECOGNISED,
                          "the sponsor is not recognised for this purpose of stay",
                          {"purpose": body.purpose.value,
                           "recognised": sorted(p.value for p in recognised)})
    if problems:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED,
                          "the registration breaks the portal's rules",
                          {"errors": [p.as_error() for p in problems]})
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
        "INSERT INTO employees (id, sponsor_kvk, name, v_number, date_of_birth, nationality, "
        "purpose, start_date, permit_end, status, registered_by_kvk, contract_end, "
        "registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?)",
        (emp_id, principal.company_kvk, body.name.strip(), body.v_number,
         body.date_of_birth.isoformat(), body.nationality, body.purpose.value,
         body.start_date.isoformat(),
         body.permit_end.isoformat() if body.permit_end else None, principal.own_kvk,
         body.contract_end.isoformat() if body.contract_end else None, iso(now)),
    )
    row = conn.execute("SELECT * FROM employees WHERE id=?", (emp_id,)).fetchone()
    return 201, _employee(row).model_dump(mode="json")


@router.post("/employees/{employee_id}/deregistration", name="employees.deregister",
             status_code=201, response_model=DeregistrationReceipt,
             responses=errors(400, 403, 404, 409), openapi_extra=max_body(SMALL_BODY_BYTES))
def deregister(employee_id: Annotated[str, Path(max_length=40)], body: DeregistrationRequest,
               principal: PrincipalDep, sb: SandboxDep,
               idempotency_key: KeyHeader = None) -> Response:
    sb.require(principal, Service.EMPLOYEES)
    if idempotency_key is None:
        with sb.db.write() as conn:
            status, answer = _deregister(conn, employee_id, body, principal, sb)
        return JSONResponse(answer, status_code=status)
    key = idem.check_key(idempotency_key)
    return run_once(sb, _scope(principal, f"employees.deregister:{employee_id}"), key,
                    body.model_dump(mode="json"),
                    lambda conn: _deregister(conn, employee_id, body, principal, sb))


def _deregister(conn: sqlite3.Connection, employee_id: str, body: DeregistrationRequest,
                principal: Principal, sb: Sandbox) -> tuple[int, dict[str, Any]]:
    now = sb.clock.now()
    today = now.astimezone(AMSTERDAM).date()
    row = conn.execute("SELECT * FROM employees WHERE id=? AND sponsor_kvk=?",
                       (employee_id, principal.company_kvk)).fetchone()
    if row is None:
        raise PortalError(404, ErrorCode.NOT_FOUND, "no such employee for this sponsor")
    if row["status"] == EmployeeStatus.DEREGISTERED.value:
        raise PortalError(409, ErrorCode.EMPLOYEE_DEREGISTERED,
                          "this employee is already deregistered",
                          {"end_date": row["end_date"],
                           "reference": row["deregistration_reference"]})
    if body.end_date > today:
        raise PortalError(422, ErrorCode.EMPLOYEE_END_IN_FUTURE,
                          "the end date lies in the future",
                          {"end_date": body.end_date.isoformat(), "today": today.isoformat()})
    # end_date <= today, so adding the 4 weeks cannot leave the calendar.
    deadline = body.end_date + timedelta(days=DEREGISTRATION_DEADLINE_DAYS)
    late = today > deadline
    reference = f"AFM-{secrets.token_hex(4).upper()}"
    conn.execute(
        "UPDATE employees SET status='deregistered', end_date=?, end_reason=?, end_note=?, "
        "deregistered_at=?, deregistration_late=?, deregistration_reference=? WHERE id=?",
        (body.end_date.isoformat(), body.reason.value, body.note, iso(now), int(late),
         reference, employee_id),
    )
    receipt = DeregistrationReceipt(
        employee_id=employee_id, reference=reference, received_at=now,
        end_date=body.end_date, report_deadline=deadline, late=late, reason=body.reason,
    )
    return 201, receipt.model_dump(mode="json")
