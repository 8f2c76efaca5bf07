"""Appointment slots at IND desks and expat centres: find, book, reschedule, cancel. Mixed into
PortalClient.

Booking takes an idempotency key from the caller (one per booking the user means to make):
a retry after a lost answer books nothing twice. Rescheduling to the same slot and cancelling
again are harmless on the portal, so those are repeated freely.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ind_tui.api.appointments import (
    Appointment,
    AppointmentRequest,
    AppointmentStatus,
    Location,
    RescheduleRequest,
    SlotSearch,
    VisitPurpose,
)
from ind_tui.client.calls import PortalCalls
from ind_tui.client.retry import Retry


class AppointmentsMixin(PortalCalls):
    async def locations(self) -> list[Location]:
        return await self._read_list("/appointments/locations", Location)

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
        return await self._read("/appointments/slots", SlotSearch, **params)

    async def appointments(
        self, *, zaaknummer: str | None = None, status: AppointmentStatus | None = None
    ) -> list[Appointment]:
        """This account's bookings (cancelled and past ones too), earliest first."""
        return await self._read_list("/appointments", Appointment, zaaknummer=zaaknummer,
                                     status=status.value if status else None)  # fmt: skip

    async def appointment(self, appointment_id: str) -> Appointment:
        return await self._read(f"/appointments/{appointment_id}", Appointment)

    async def book(self, zaaknummer: str, slot_id: str, idempotency_key: str) -> Appointment:
        """Book once. A slot someone else took raises ConflictError `slot_taken` (its
        details name the next free slot). After a failure that may have arrived the
        bookings of the case tell whether it went through: NotSentError if surely not."""

        async def look() -> Appointment | None:
            for appointment in await self.appointments(zaaknummer=zaaknummer):
                if (appointment.slot_id == slot_id
                        and appointment.status is AppointmentStatus.BOOKED):
                    return appointment
            return None

        body = AppointmentRequest(zaaknummer=zaaknummer, slot_id=slot_id)
        return await self._write_once(
            "/appointments", Appointment, body, idempotency_key, what="booking", look=look,
            details={"zaaknummer": zaaknummer, "slot_id": slot_id},
        )  # fmt: skip

    async def reschedule(self, appointment_id: str, slot_id: str) -> Appointment:
        return await self._post(f"/appointments/{appointment_id}/reschedule", Appointment,
                                RescheduleRequest(slot_id=slot_id), mode=Retry.IDEMPOTENT)

    async def cancel_appointment(self, appointment_id: str) -> Appointment:
        return await self._post(f"/appointments/{appointment_id}/cancel", Appointment,
                                mode=Retry.IDEMPOTENT)
