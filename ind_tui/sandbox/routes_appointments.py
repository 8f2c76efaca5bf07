"""Appointments at IND desks and expat centres: locations, the first free slots, and booking,
rescheduling and cancelling — for the foreign national of a case this account sees.

A slot is booked at most once: the check and the write share one `BEGIN IMMEDIATE`
transaction, and a partial unique index in SQLite refuses a second live booking of a slot
even if that check were wrong. The loser gets 409 `slot_taken` with the next free slot.
"""

from __future__ import annotations

import secrets
import sqlite3
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from ind_tui.api.appointments import (
    ZAAK_PATTERN,
    Appointment,
    AppointmentRequest,
    AppointmentStatus,
    Location,
    RescheduleRequest,
    Slot,
    SlotSearch,
    VisitPurpose,
    purposes_for,
)
from ind_tui.api.auth import Service
from ind_tui.api.cases import CaseStatus, Decision
from ind_tui.api.wire import ErrorCode, IsoDate
from ind_tui.sandbox import idempotency as idem
from ind_tui.sandbox.appointments import (
    LOCATIONS,
    LOCATIONS_BY_ID,
    LocationSpec,
    first_free,
    is_free,
    location_model,
    parse_slot,
)
from ind_tui.sandbox.auth import Principal
from ind_tui.sandbox.bounds import SMALL_BODY_BYTES, max_body
from ind_tui.sandbox.clock import AMSTERDAM
from ind_tui.sandbox.db import iso, parse_iso
from ind_tui.sandbox.deps import PrincipalDep, SandboxDep, errors
from ind_tui.sandbox.errors import PortalError, shown
from ind_tui.sandbox.routes_applications import KeyHeader, run_once
from ind_tui.sandbox.routes_cases import _visibility

router = APIRouter()
AppointmentId = Annotated[str, Path(pattern=r"^APT-[0-9A-F]{12}$")]
_SELECT = ("SELECT a.*, c.zaaknummer, c.employee_name FROM appointments a "
           "JOIN cases c ON c.id = a.case_id")


def _appointment(row: Any, now: datetime) -> Appointment:
    spec = LOCATIONS_BY_ID[row["location_id"]]
    starts = parse_iso(row["starts_at"])
    status = AppointmentStatus(row["status"])
    if status is AppointmentStatus.BOOKED and starts <= now:
        status = AppointmentStatus.PAST
    return Appointment(
        id=row["id"], slot_id=row["slot_id"], zaaknummer=row["zaaknummer"],
        employee_name=row["employee_name"],
        location_id=spec.id, location_name=spec.name_en, location_name_nl=spec.name_nl,
        purpose=VisitPurpose(row["purpose"]), starts_at=starts.astimezone(AMSTERDAM),
        ends_at=parse_iso(row["ends_at"]).astimezone(AMSTERDAM), status=status,
        booked_at=parse_iso(row["booked_at"]), changed_at=parse_iso(row["changed_at"]),
    )


def _mine(principal: Principal) -> tuple[str, list[Any]]:
    """Appointments of this account: its company's; a representative only those for the
    cases it submitted (as with the cases themselves)."""
    sql, args = "a.sponsor_kvk = ?", [principal.company_kvk]
    if principal.is_representative:
        sql += " AND c.submitted_by_kvk = ?"
        args.append(principal.own_kvk)
    return sql, args


def _case(conn: sqlite3.Connection, principal: Principal, zaak: str, refresh: datetime) -> Any:
    where, args = _visibility(principal, refresh)
    row = conn.execute(
        f"SELECT id, zaaknummer, type_id, status, decision FROM cases "
        f"WHERE zaaknummer = ? AND {where}", [zaak, *args]).fetchone()
    if row is None:
        raise PortalError(404, ErrorCode.NOT_FOUND, "no such case for this account")
    return row


def _check_visit(case: Any, purpose: VisitPurpose) -> None:
    allowed = purposes_for(CaseStatus(case["status"]) if case["status"] else None,
                           Decision(case["decision"]) if case["decision"] else None,
                           case["type_id"])
    if purpose not in allowed:
        raise PortalError(422, ErrorCode.VISIT_NOT_POSSIBLE,
                          "this visit does not fit the case in its current state",
                          {"purpose": purpose.value, "case_status": case["status"],
                           "possible": sorted(p.value for p in allowed)})


def _check_location(spec: LocationSpec, case: Any) -> None:
    if not location_model(spec).serves(case["type_id"]):
        raise PortalError(422, ErrorCode.LOCATION_NOT_SERVING,
                          "this location does not serve this application type",
                          {"location_id": spec.id, "type_id": case["type_id"]})


def _slot(slot_id: str) -> tuple[Slot, LocationSpec]:
    slot = parse_slot(slot_id)
    if slot is None:
        raise PortalError(404, ErrorCode.NOT_FOUND, "no such appointment slot",
                          {"slot_id": slot_id})
    return slot, LOCATIONS_BY_ID[slot.location_id]


def _booked(conn: sqlite3.Connection, purpose: VisitPurpose, specs: list[LocationSpec],
            now: datetime) -> set[str]:
    marks = ",".join("?" * len(specs))
    rows = conn.execute(
        f"SELECT slot_id FROM appointments WHERE status = 'booked' AND purpose = ? "
        f"AND location_id IN ({marks}) AND starts_at > ?",
        [purpose.value, *(s.id for s in specs), iso(now)])
    return {r["slot_id"] for r in rows}


def _taken(conn: sqlite3.Connection, slot: Slot, spec: LocationSpec, now: datetime) -> None:
    """Refuse a slot that is gone, naming the next free one at the same place."""
    held = conn.execute("SELECT 1 FROM appointments WHERE slot_id = ? AND status = 'booked'",
                        (slot.id,)).fetchone()
    if held is None and is_free(spec, slot, now, set()):
        return
    booked = _booked(conn, slot.purpose, [spec], now)
    nxt, _, _ = first_free([spec], slot.purpose, slot.starts_at.date(), now, booked)
    raise PortalError(409, ErrorCode.SLOT_TAKEN, "this slot is no longer free", {
        "slot_id": slot.id, "reason": "past" if slot.starts_at <= now else "taken",
        "next_free": nxt[0].model_dump(mode="json") if nxt else None})


# --- locations and slots ----------------------------------------------------------------------


@router.get("/appointments/locations", name="appointments.locations",
            response_model=list[Location], responses=errors(403))
def locations(principal: PrincipalDep, sb: SandboxDep) -> list[Location]:
    sb.require(principal, Service.CASES)
    return [location_model(spec) for spec in LOCATIONS]


# The ids a slot search takes, published as a pattern (checked below, where an unknown id can
# be named in the answer).
_ONE_LOCATION = "|".join(spec.id for spec in LOCATIONS)  # ids are [a-z-]: no escaping
LOCATION_LIST = f"^(({_ONE_LOCATION})(,({_ONE_LOCATION}))*)?$"  # empty: every location


@router.get("/appointments/slots", name="appointments.slots", response_model=SlotSearch,
            responses=errors(403, 404))
def slots(
    principal: PrincipalDep, sb: SandboxDep, purpose: VisitPurpose,
    locations: Annotated[str | None, Query(
        max_length=1000, json_schema_extra={"pattern": LOCATION_LIST},
        description="location ids (those `/appointments/locations` lists), comma-separated",
    )] = None,
    start: Annotated[IsoDate | None, Query(alias="from")] = None,
    zaaknummer: Annotated[str | None, Query(pattern=ZAAK_PATTERN)] = None,
    per_location: Annotated[int, Query(ge=1, le=20)] = 1,
) -> SlotSearch:
    """The first free slots for `purpose` at each chosen location (all when none are given),
    earliest first. With `zaaknummer`, only where and what that case can book."""
    sb.require(principal, Service.CASES)
    # Exactly what the published pattern allows: known ids, comma-separated, nothing else.
    wanted = locations.split(",") if locations else []
    unknown = sorted(set(wanted) - set(LOCATIONS_BY_ID))
    if unknown:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED, "unknown location",
                          {"errors": [{"loc": ["query", "locations"], "msg": "unknown location",
                                       "unknown": [shown(x) for x in unknown[:20]]}]})
    specs = [LOCATIONS_BY_ID[x] for x in dict.fromkeys(wanted)] or list(LOCATIONS)
    not_serving: list[str] = []
    if zaaknummer is not None:
        case = _case(sb.db.read(), principal, zaaknummer, sb.ensure_refreshed())
        _check_visit(case, purpose)
        not_serving = [s.id for s in specs if not location_model(s).serves(case["type_id"])]
        specs = [s for s in specs if s.id not in not_serving]
    now = sb.clock.now()
    today = now.astimezone(AMSTERDAM).date()
    begin = max(start or today, today)
    found, until, without = first_free(specs, purpose, begin, now,
                                       _booked(sb.db.read(), purpose, specs, now) if specs
                                       else set(), per_location)
    return SlotSearch(slots=found, searched_from=begin, searched_until=until,
                      without_free=without, not_serving=not_serving)


# --- bookings ---------------------------------------------------------------------------------


def _new_id() -> str:
    return f"APT-{secrets.token_hex(6).upper()}"


def _scope(principal: Principal) -> str:
    return f"{principal.company_kvk}:{principal.own_kvk}:appointments.book"


@router.post("/appointments", name="appointments.book", status_code=201,
             response_model=Appointment, responses=errors(400, 403, 404, 409),
             openapi_extra={**max_body(SMALL_BODY_BYTES), **idem.key_required()})
def book(body: AppointmentRequest, principal: PrincipalDep, sb: SandboxDep,
         idempotency_key: KeyHeader = None) -> Response:
    sb.require(principal, Service.CASES)
    key = idem.check_key(idempotency_key)
    refresh = sb.ensure_refreshed()
    now = sb.clock.now()

    def work(conn: sqlite3.Connection) -> tuple[int, dict[str, Any]]:
        case = _case(conn, principal, body.zaaknummer, refresh)
        slot, spec = _slot(body.slot_id)
        _check_visit(case, slot.purpose)
        _check_location(spec, case)
        # A visit that has taken place no longer holds the case's place for that purpose.
        conn.execute("UPDATE appointments SET status = 'past' WHERE case_id = ? AND "
                     "purpose = ? AND status = 'booked' AND starts_at <= ?",
                     (case["id"], slot.purpose.value, iso(now)))
        existing = conn.execute(f"{_SELECT} WHERE a.case_id = ? AND a.purpose = ? "
                                "AND a.status = 'booked'",
                                (case["id"], slot.purpose.value)).fetchone()
        if existing is not None:
            raise PortalError(409, ErrorCode.APPOINTMENT_EXISTS,
                              "this case already has an appointment for this purpose",
                              {"appointment": _appointment(existing, now).model_dump(mode="json")})
        _taken(conn, slot, spec, now)
        new_id = _new_id()
        try:
            conn.execute(
                "INSERT INTO appointments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?)",
                (new_id, principal.company_kvk, principal.own_kvk, case["id"], spec.id,
                 slot.purpose.value, slot.id, iso(slot.starts_at), iso(slot.ends_at), iso(now),
                 iso(now)))
        except sqlite3.IntegrityError:  # the unique index: someone got there first
            _taken(conn, slot, spec, now)
            raise
        row = conn.execute(f"{_SELECT} WHERE a.id = ?", (new_id,)).fetchone()
        return 201, _appointment(row, now).model_dump(mode="json")

    return run_once(sb, _scope(principal), key, body.model_dump(mode="json"), work)


@router.get("/appointments", name="appointments.list", response_model=list[Appointment],
            responses=errors(403))
def list_appointments(
    principal: PrincipalDep, sb: SandboxDep,
    zaaknummer: Annotated[str | None, Query(pattern=ZAAK_PATTERN)] = None,
    status: AppointmentStatus | None = None,
) -> list[Appointment]:
    sb.require(principal, Service.CASES)
    now = sb.clock.now()
    where, args = _mine(principal)
    if zaaknummer is not None:
        where += " AND c.zaaknummer = ?"
        args.append(zaaknummer)
    rows = sb.db.read().execute(f"{_SELECT} WHERE {where} ORDER BY a.starts_at, a.id",
                                args).fetchall()
    found = [_appointment(r, now) for r in rows]
    return [a for a in found if status is None or a.status is status]


def _own(conn: sqlite3.Connection, principal: Principal, appointment_id: str) -> Any:
    where, args = _mine(principal)
    row = conn.execute(f"{_SELECT} WHERE a.id = ? AND {where}",
                       [appointment_id, *args]).fetchone()
    if row is None:
        raise PortalError(404, ErrorCode.NOT_FOUND, "no such appointment for this account")
    return row


@router.get("/appointments/{appointment_id}", name="appointments.get",
            response_model=Appointment, responses=errors(403, 404))
def get_appointment(appointment_id: AppointmentId, principal: PrincipalDep,
                    sb: SandboxDep) -> Appointment:
    sb.require(principal, Service.CASES)
    return _appointment(_own(sb.db.read(), principal, appointment_id), sb.clock.now())


def _open(row: Any, now: datetime) -> None:
    current = _appointment(row, now)
    if current.status is not AppointmentStatus.BOOKED:
        raise PortalError(409, ErrorCode.APPOINTMENT_CLOSED,
                          "this appointment was cancelled or has taken place",
                          {"appointment": current.model_dump(mode="json")})


@router.post("/appointments/{appointment_id}/reschedule", name="appointments.reschedule",
             response_model=Appointment, responses=errors(403, 404, 409),
             openapi_extra=max_body(SMALL_BODY_BYTES))
def reschedule(appointment_id: AppointmentId, body: RescheduleRequest, principal: PrincipalDep,
               sb: SandboxDep) -> Appointment:
    """Move to another slot (any location, same purpose). Moving to where it already is
    answers the appointment unchanged, so a repeated request does no harm."""
    sb.require(principal, Service.CASES)
    now = sb.clock.now()
    with sb.db.write() as conn:
        row = _own(conn, principal, appointment_id)
        if row["slot_id"] == body.slot_id and row["status"] == "booked":
            return _appointment(row, now)
        _open(row, now)
        slot, spec = _slot(body.slot_id)
        if slot.purpose.value != row["purpose"]:
            raise PortalError(422, ErrorCode.VALIDATION_FAILED,
                              "a rescheduled appointment keeps its purpose",
                              {"errors": [{"loc": ["body", "slot_id"],
                                           "msg": f"pick a {row['purpose']} slot"}]})
        case = conn.execute("SELECT type_id, status, decision FROM cases WHERE id = ?",
                            (row["case_id"],)).fetchone()
        _check_visit(case, slot.purpose)
        _check_location(spec, case)
        _taken(conn, slot, spec, now)
        try:
            conn.execute(
                "UPDATE appointments SET slot_id = ?, location_id = ?, starts_at = ?, "
                "ends_at = ?, changed_at = ? WHERE id = ? AND status = 'booked'",
                (slot.id, spec.id, iso(slot.starts_at), iso(slot.ends_at), iso(now),
                 appointment_id))
        except sqlite3.IntegrityError:
            _taken(conn, slot, spec, now)
            raise
        return _appointment(conn.execute(f"{_SELECT} WHERE a.id = ?",
                                         (appointment_id,)).fetchone(), now)


@router.post("/appointments/{appointment_id}/cancel", name="appointments.cancel",
             response_model=Appointment, responses=errors(403, 404, 409))
def cancel(appointment_id: AppointmentId, principal: PrincipalDep,
           sb: SandboxDep) -> Appointment:
    """Cancel; the slot is free again at once. Cancelling twice answers the same."""
    sb.require(principal, Service.CASES)
    now = sb.clock.now()
    with sb.db.write() as conn:
        row = _own(conn, principal, appointment_id)
        if row["status"] == AppointmentStatus.CANCELLED.value:
            return _appointment(row, now)
        _open(row, now)
        conn.execute("UPDATE appointments SET status = 'cancelled', changed_at = ? "
                     "WHERE id = ?", (iso(now), appointment_id))
        return _appointment(conn.execute(f"{_SELECT} WHERE a.id = ?",
                                         (appointment_id,)).fetchone(), now)
