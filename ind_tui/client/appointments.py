"""Appointment slots at IND desks and expat centres: find, book, reschedule, cancel. Mixed into
PortalClient.

Booking takes an idempotency key from the caller (one per booking the user means to make):
a retry after a lost answer books nothing twice. Rescheduling to the same slot and cancelling
again are harmless on the portal, so those are repeated freely.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter

from ind_tui.api.appointments import (
    Appointment,
    AppointmentRequest,
    AppointmentStatus,
    Location,
    RescheduleRequest,
    SlotSearch,
    VisitPurpose,
)
from ind_tui.api.errors import (
    BadResponseError,
    NotSentError,
    OutcomeUnknownError,
    PortalError,
    TransportError,
)
from ind_tui.client.retry import Retry, check_idempotency_key
from ind_tui.client.transport import PortalHttp

M = TypeVar("M", bound=BaseModel)


def parse_list(response: httpx.Response, model: type[M]) -> list[M]:
    try:
        return TypeAdapter(list[model]).validate_json(response.content)  # type: ignore[valid-type]
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise BadResponseError(f"expected a list of {model.__name__}",
                               request_id=response.headers.get("x-request-id")) from exc


class AppointmentsMixin:
    http: PortalHttp

    async def locations(self) -> list[Location]:
        return parse_list(await self.http.request("GET", "/appointments/locations"), Location)

    async def first_free(
        self, purpose: VisitPurpose, locations: Iterable[str] = (), *,
        zaaknummer: str | None = None, start: date | None = None, per_location: int = 1,
    ) -> SlotSearch:  # fmt: skip
        """The first free slots at each location (all when none are named), earliest first;
        with `zaaknummer` only where, and for what, that case can book."""
        params: dict[str, Any] = {
            "purpose": purpose.value, "locations": ",".join(locations) or None,
            "zaaknummer": zaaknummer, "from": start.isoformat() if start else None,
            "per_location": per_location,
        }  # fmt: skip
        response = await self.http.request("GET", "/appointments/slots", params=params)
        return self.http.parse(response, SlotSearch)

    async def appointments(
        self, *, zaaknummer: str | None = None, status: AppointmentStatus | None = None
    ) -> list[Appointment]:
        """This account's bookings (cancelled and past ones too), earliest first."""
        params = {"zaaknummer": zaaknummer, "status": status.value if status else None}
        response = await self.http.request("GET", "/appointments", params=params)
        return parse_list(response, Appointment)

    async def appointment(self, appointment_id: str) -> Appointment:
        response = await self.http.request("GET", f"/appointments/{appointment_id}")
        return self.http.parse(response, Appointment)

    async def book(self, zaaknummer: str, slot_id: str, idempotency_key: str) -> Appointment:
        """Book once. A slot someone else took raises ConflictError `slot_taken` (its
        details name the next free slot). After an ambiguous failure the bookings of the
        case tell whether it went through: NotSentError if surely not."""
        check_idempotency_key(idempotency_key)
        body = AppointmentRequest(zaaknummer=zaaknummer, slot_id=slot_id)
        try:
            response = await self.http.request(
                "POST", "/appointments", json=body, mode=Retry.IDEMPOTENT,
                headers={"Idempotency-Key": idempotency_key},
            )  # fmt: skip
            return self.http.parse(response, Appointment)
        except PortalError as exc:
            from ind_tui.client.client import _ambiguous

            if not _ambiguous(exc):
                raise
            failure = exc
        details = {"zaaknummer": zaaknummer, "slot_id": slot_id, "cause": failure.code}
        try:
            found = await self.appointments(zaaknummer=zaaknummer)
        except PortalError as exc:
            raise OutcomeUnknownError("the booking may or may not have been made",
                                      details=details, request_id=failure.request_id) from exc
        for appointment in found:
            if appointment.slot_id == slot_id and appointment.status is AppointmentStatus.BOOKED:
                return appointment
        if isinstance(failure, TransportError) and failure.sent:
            raise OutcomeUnknownError("the booking may still be in progress on the portal",
                                      details=details, request_id=failure.request_id
                                      ) from failure  # fmt: skip
        raise NotSentError("the portal did not receive the booking", details=details,
                           request_id=failure.request_id) from failure

    async def reschedule(self, appointment_id: str, slot_id: str) -> Appointment:
        response = await self.http.request(
            "POST", f"/appointments/{appointment_id}/reschedule",
            json=RescheduleRequest(slot_id=slot_id), mode=Retry.IDEMPOTENT,
        )  # fmt: skip
        return self.http.parse(response, Appointment)

    async def cancel_appointment(self, appointment_id: str) -> Appointment:
        response = await self.http.request(
            "POST", f"/appointments/{appointment_id}/cancel", mode=Retry.IDEMPOTENT
        )
        return self.http.parse(response, Appointment)
