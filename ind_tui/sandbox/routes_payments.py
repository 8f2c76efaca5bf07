"""The payment history: fees paid, pending direct debits, and refunds (see refunds.py).

Who sees what follows the cases: a sponsor sees every payment made for it, also those its
representative made; a representative only its own; an employer its own.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ind_tui.api.appointments import ZAAK_PATTERN
from ind_tui.api.auth import Service
from ind_tui.api.payments import PaymentList, PaymentStatus, totals
from ind_tui.sandbox import refunds
from ind_tui.sandbox.deps import PrincipalDep, SandboxDep, errors

router = APIRouter()


@router.get("/payments", name="payments.list", response_model=PaymentList,
            responses=errors(403))
def list_payments(
    principal: PrincipalDep, sb: SandboxDep,
    zaaknummer: Annotated[str | None, Query(pattern=ZAAK_PATTERN)] = None,
    application_id: Annotated[str | None, Query(max_length=40)] = None,
    status: PaymentStatus | None = None,
    year: Annotated[int | None, Query(ge=2000, le=2100, description="fee year")] = None,
) -> PaymentList:
    """This account's payments, newest first, with their totals."""
    sb.require(principal, Service.SUBMIT)
    now = sb.clock.now()
    scheduled = refunds.sweep(sb.db, principal.company_kvk, now)
    where, args = "r.sponsor_kvk = ?", [principal.company_kvk]
    if principal.is_representative or principal.own_kvk != principal.company_kvk:
        where += " AND r.paid_by_kvk = ?"
        args.append(principal.own_kvk)
    filters: dict[str, Any] = {"c.zaaknummer": zaaknummer, "r.application_id": application_id,
                               "r.fee_year": year}
    for column, value in filters.items():
        if value is not None:
            where += f" AND {column} = ?"
            args.append(value)
    items = refunds.records(sb.db, where, args, scheduled, now)
    if status is not None:
        items = [p for p in items if p.status is status]
    return PaymentList(items=items, totals=totals(items), as_of=now)
