"""Sandbox administration: test identities, the clock, faults, fees. Sandbox mode only,
and only with the sandbox admin token."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Body, Depends
from fastapi.responses import Response

from ind_tui.api.payments import Refund, RefundRequest
from ind_tui.api.sandbox_admin import (
    ApproveRequest,
    ApproveResult,
    ClockChange,
    ClockState,
    Fault,
    FaultList,
    FaultSpec,
    FeeChange,
    Identity,
)
from ind_tui.api.wire import ErrorCode
from ind_tui.domain.forms.rules import TYPES_BY_ID
from ind_tui.sandbox import auth, refunds, scenario
from ind_tui.sandbox.bounds import SMALL_BODY_BYTES, max_body
from ind_tui.sandbox.db import iso
from ind_tui.sandbox.deps import SandboxDep, errors, require_admin
from ind_tui.sandbox.errors import PortalError
from ind_tui.sandbox.identities import identity_models

router = APIRouter(prefix="/sandbox", dependencies=[Depends(require_admin)])
_ADMIN = errors(403, 404, auth=False, s403="the sandbox admin token is missing or wrong")


@router.get("/identities", name="sandbox.identities", response_model=list[Identity],
            responses=_ADMIN)
def identities() -> list[Identity]:
    return identity_models()


@router.post("/identities/approve", name="sandbox.approve", response_model=ApproveResult,
             responses={**_ADMIN, 400: {"description": "the login code expired"}},
             openapi_extra=max_body(SMALL_BODY_BYTES))
def approve(body: ApproveRequest, sb: SandboxDep) -> ApproveResult:
    ok, error = auth.approve(sb, body.user_code, body.identity)
    return ApproveResult(user_code=body.user_code, identity=body.identity, approved=ok,
                         error_code=error.value if error else None)


def _clock(sb: SandboxDep, now: datetime | None = None,
           before: datetime | None = None) -> ClockState:
    return ClockState(now=now or sb.clock.now(), last_refresh=sb.ensure_refreshed(),
                      running=sb.clock.running, before=before)


@router.get("/clock", name="sandbox.clock", response_model=ClockState, responses=_ADMIN)
def get_clock(sb: SandboxDep) -> ClockState:
    return _clock(sb)


@router.post("/clock", name="sandbox.clock.set", response_model=ClockState, responses=_ADMIN,
             openapi_extra=max_body(SMALL_BODY_BYTES))
def set_clock(body: ClockChange, sb: SandboxDep) -> ClockState:
    before = sb.clock.now()
    target = body.set_to or before
    if target.tzinfo is None:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED, "set_to needs a time zone")
    try:
        target += timedelta(days=body.advance_days, seconds=body.advance_seconds)
        # The answer states the time set, not a re-read: a running clock may tick between.
        after = sb.clock.set(target, body.running)
    except (ValueError, OverflowError) as exc:
        raise PortalError(422, ErrorCode.CLOCK_BACKWARDS, str(exc)) from exc
    return _clock(sb, after, before)


def _known_route(route: str, sb: SandboxDep) -> None:
    """A fault aimed at a route that does not exist would never fire: refuse it, naming
    the routes there are."""
    if route != "*" and route not in sb.route_names:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED, f"no route named {route!r}",
                          {"route": route, "routes": sb.route_names})


@router.get("/faults", name="sandbox.faults", response_model=FaultList, responses=_ADMIN)
def list_faults(sb: SandboxDep) -> FaultList:
    return FaultList(faults=sb.faults.all(), routes=sb.route_names)


@router.post("/faults", name="sandbox.faults.add", status_code=201, response_model=Fault,
             responses=_ADMIN, openapi_extra=max_body(SMALL_BODY_BYTES))
def add_fault(body: FaultSpec, sb: SandboxDep) -> Fault:
    _known_route(body.route, sb)
    return sb.faults.add(body)


@router.delete("/faults", name="sandbox.faults.clear", status_code=204, responses=_ADMIN)
def clear_faults(sb: SandboxDep, route: str | None = None) -> Response:
    """Every fault, or (`?route=NAME`) those aimed at one route."""
    if route is not None:
        _known_route(route, sb)
    sb.faults.clear(route)
    return Response(status_code=204)


@router.post("/fees", name="sandbox.fees", status_code=204, responses=_ADMIN,
             openapi_extra=max_body(SMALL_BODY_BYTES))
def set_fee(body: FeeChange, sb: SandboxDep) -> Response:
    rule = TYPES_BY_ID.get(body.type_id)
    if rule is None:
        raise PortalError(404, ErrorCode.NOT_FOUND, f"no application type {body.type_id!r}")
    with sb.db.write() as conn:
        conn.execute(
            "INSERT INTO fees VALUES (?, ?, ?, 0) ON CONFLICT(fee_group, year) "
            "DO UPDATE SET fee=excluded.fee, provisional=0",
            (rule.fee_group.value, body.year, body.fee_eur),
        )
    return Response(status_code=204)


@router.post("/refunds", name="sandbox.refunds", status_code=201, response_model=Refund,
             responses=errors(403, 404, 409, auth=False,
                              s403="the sandbox admin token is missing or wrong",
                              s409="refunded already (`already_refunded`)"),
                              openapi_extra=max_body(SMALL_BODY_BYTES))
def refund_payment(body: RefundRequest, sb: SandboxDep) -> Refund:
    """Refund one payment now, as IND staff would after finding the submission never
    arrived. (Refunds the portal makes by itself need no call: see refunds.py.)"""
    return refunds.refund(sb.db, body.reference, body.reason, sb.clock.now())


# A scenario holds every case, message and document of a sandbox: a larger body than others.
SCENARIO_BODY_BYTES = 64 * 1024 * 1024


@router.get("/scenario", name="sandbox.scenario", responses=_ADMIN)
def get_scenario(sb: SandboxDep) -> dict[str, Any]:
    """The whole state as a scenario (see sandbox/scenario.py)."""
    return scenario.dump(sb.db, iso(sb.clock.now()), sb.clock.running)


@router.put("/scenario", name="sandbox.scenario.load", status_code=204,
            responses={**_ADMIN, 422: {"description": "the scenario names what is not there"}},
            openapi_extra=max_body(SCENARIO_BODY_BYTES))
def put_scenario(sb: SandboxDep, body: dict[str, Any] = Body(...)) -> Response:  # noqa: B008
    """Replace the whole state with a scenario's."""
    try:
        scenario.load(sb.db, body)
    except scenario.ScenarioError as exc:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED, str(exc),
                          {"table": exc.table, "row": exc.row}) from exc
    sb.reloaded()
    return Response(status_code=204)
