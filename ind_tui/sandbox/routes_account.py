"""Who am I, the account (with the sponsor's notifications), and what I may file."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from ind_tui.api.account import (
    Account,
    Address,
    NotificationKind,
    NotificationReceipt,
    NotificationRequest,
    Representative,
)
from ind_tui.api.applications import ApplicationType, SalaryThreshold
from ind_tui.api.auth import CompanyRef, Me, Recognition, Service
from ind_tui.api.wire import ErrorCode
from ind_tui.domain.forms.checks import threshold_kinds
from ind_tui.domain.forms.figures import thresholds_of_year
from ind_tui.domain.forms.rules import ADDRESS_CHANGE_DEADLINE_DAYS, DEREGISTRATION_DEADLINE_DAYS
from ind_tui.domain.forms.schema import load_form
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


def _company(sb: SandboxDep, kvk: str) -> CompanyRef:
    row = sb.db.read().execute("SELECT kvk, name FROM companies WHERE kvk=?", (kvk,)).fetchone()
    return CompanyRef(kvk=row["kvk"], name=row["name"])


@router.get("/me", name="me", response_model=Me, responses=errors())
def me(principal: PrincipalDep, sb: SandboxDep) -> Me:
    return Me(
        person_name=principal.person_name, assurance_level=principal.level,
        role=principal.role, company=_company(sb, principal.own_kvk),
        acting_for=_company(sb, principal.company_kvk) if principal.is_representative else None,
        recognitions=[Recognition(purpose=p, since=s)  # type: ignore[arg-type]
                      for p, s in sb.recognitions(principal.company_kvk)],
        services=sb.services(principal.role), now=sb.clock.now(),
    )


@router.get("/account", name="account", response_model=Account, responses=errors(403))
def account(principal: PrincipalDep, sb: SandboxDep) -> Account:
    sb.require(principal, Service.ACCOUNT)
    conn = sb.db.read()
    row = conn.execute("SELECT * FROM companies WHERE kvk=?", (principal.company_kvk,)).fetchone()
    reps = conn.execute(
        "SELECT a.agent_kvk, c.name, a.registered, a.since FROM authorisations a "
        "JOIN companies c ON c.kvk = a.agent_kvk WHERE a.sponsor_kvk=? ORDER BY c.name",
        (principal.company_kvk,),
    ).fetchall()
    return Account(
        company=CompanyRef(kvk=row["kvk"], name=row["name"]),
        recognitions=[Recognition(purpose=p, since=s)  # type: ignore[arg-type]
                      for p, s in sb.recognitions(principal.company_kvk)],
        administration_address=Address.model_validate_json(row["administration_address"]),
        postal_address=Address.model_validate_json(row["postal_address"]),
        visiting_address=Address.model_validate_json(row["visiting_address"]),
        representatives=[
            Representative(kvk=r["agent_kvk"], name=r["name"], registered=bool(r["registered"]),
                           since=r["since"])
            for r in reps
        ],
        last_refresh=sb.ensure_refreshed(),
    )


_PAPER_ONLY = {NotificationKind.POSTAL_ADDRESS, NotificationKind.VISITING_ADDRESS}


@router.post("/account/notifications", name="account.notify", status_code=201,
             response_model=NotificationReceipt, responses=errors(400, 403, 409),
             openapi_extra=max_body(SMALL_BODY_BYTES))
def notify(body: NotificationRequest, principal: PrincipalDep, sb: SandboxDep,
           idempotency_key: KeyHeader = None) -> Response:
    """An optional Idempotency-Key makes a resend after a lost answer safe."""
    sb.require(principal, Service.ACCOUNT)
    if idempotency_key is None:
        with sb.db.write() as conn:
            status, answer = _notify(conn, body, principal, sb)
        return JSONResponse(answer, status_code=status)
    key = idem.check_key(idempotency_key)
    return run_once(sb, _scope(principal, "notify"), key, body.model_dump(mode="json"),
                    lambda conn: _notify(conn, body, principal, sb))


def _notify(conn: Any, body: NotificationRequest, principal: Principal, sb: Sandbox
            ) -> tuple[int, dict[str, Any]]:
    if body.kind in _PAPER_ONLY:
        raise PortalError(422, ErrorCode.PAPER_FORM_REQUIRED,
                          "postal and visiting address changes need the paper form",
                          {"kind": body.kind.value})
    address_change = body.kind is NotificationKind.ADMINISTRATION_ADDRESS
    if address_change and body.new_address is None:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED,
                          "an administration address change needs the new address",
                          {"errors": [{"loc": ["body", "new_address"], "msg": "required"}]})
    now = sb.clock.now()
    days = ADDRESS_CHANGE_DEADLINE_DAYS if address_change else DEREGISTRATION_DEADLINE_DAYS
    try:
        deadline = body.effective_date + timedelta(days=days)
    except OverflowError:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED, "effective_date is out of range",
                          {"errors": [{"loc": ["body", "effective_date"],
                                       "msg": "out of range"}]}) from None
    reference = f"MWP-{secrets.token_hex(4).upper()}"
    if address_change and body.new_address is not None:
        conn.execute("UPDATE companies SET administration_address=? WHERE kvk=?",
                     (body.new_address.model_dump_json(), principal.company_kvk))
    conn.execute(
        "INSERT INTO notifications VALUES (?, ?, ?, ?, ?, ?)",
        (reference, principal.company_kvk, body.kind.value, iso(now),
         body.effective_date.isoformat(), json.dumps(body.model_dump(mode="json"))),
    )
    receipt = NotificationReceipt(
        reference=reference, kind=body.kind, received_at=now,
        effective_date=body.effective_date, report_deadline=deadline,
        late=now.astimezone(AMSTERDAM).date() > deadline,
    )
    return 201, receipt.model_dump(mode="json")


@router.get("/application-types", name="application_types",
            response_model=list[ApplicationType], responses=errors())
def application_types(principal: PrincipalDep, sb: SandboxDep) -> list[ApplicationType]:
    year = sb.clock.now().astimezone(AMSTERDAM).year
    out = []
    for rule in sb.allowed_types(principal):
        fee = sb.fee(rule, year)
        kinds = threshold_kinds((r.name, r.params) for r in load_form(rule.id).rules)
        thresholds = [
            SalaryThreshold(kind=kind.value, year=f.year, valid_from=f.starts,
                            amount_eur=f.amount, provisional=f.provisional, source=f.source)
            for y in (year, year + 1) for kind, f in thresholds_of_year(kinds, y)]
        out.append(ApplicationType(
            id=rule.id, name_nl=rule.name_nl, name_en=rule.name_en,
            form_version=rule.form_version, fee_eur=fee.amount, fee_year=year,
            fee_provisional=fee.provisional, fee_source=fee.source,
            decision_days=sb.decision_days(rule, principal), is_extension=rule.is_extension,
            thresholds=thresholds,
        ))
    return out
