"""Wire models of appointments at IND desks and expat centres (part of the `/api/v1` contract),
and the rule which visit fits a case in which state — shared by the sandbox, which enforces
it, and the client, which offers only what will be accepted."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from ind_tui.api.cases import CaseStatus, Decision
from ind_tui.api.wire import Strict, Wire

SLOT_ID_PATTERN = r"^[a-z0-9-]{1,40}\.[a-z_]{1,40}\.\d{12}$"
ZAAK_PATTERN = r"^\d{10}$"


class VisitPurpose(StrEnum):
    """Why someone visits a desk; the purpose decides which slots are offered."""

    BIOMETRICS = "biometrics"  # photo and fingerprints, instead of a posted photo card
    COLLECT_DOCUMENT = "collect_document"  # collect the residence document
    ENDORSEMENT_STICKER = "endorsement_sticker"  # residence endorsement sticker, while pending


class LocationKind(StrEnum):
    IND_DESK = "ind_desk"
    EXPAT_CENTRE = "expat_centre"


class AppointmentStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    PAST = "past"  # booked, and its time has gone by


PENDING = frozenset({CaseStatus.SUBMITTED, CaseStatus.RECEIVED, CaseStatus.IN_PROGRESS,
                     CaseStatus.INFO_REQUESTED})
NO_VISIT_TYPES = frozenset({"position_notification"})  # a sponsor's notice: nobody to see


def purposes_for(status: CaseStatus | None, decision: Decision | None,
                 type_id: str) -> frozenset[VisitPurpose]:
    """The visits a case allows in its current state.

    A sticker bridges the wait for a decision; biometrics are taken before the residence
    document is made (so while pending, or once granted); the document is collected once the
    IND reports it ready."""
    if status is None or type_id in NO_VISIT_TYPES:
        return frozenset()
    if status in PENDING:
        return frozenset({VisitPurpose.BIOMETRICS, VisitPurpose.ENDORSEMENT_STICKER})
    if status is CaseStatus.DECIDED and decision is Decision.GRANTED:
        return frozenset({VisitPurpose.BIOMETRICS})
    if status is CaseStatus.READY_FOR_COLLECTION:
        return frozenset({VisitPurpose.COLLECT_DOCUMENT})
    return frozenset()


class Location(Wire):
    id: str
    kind: LocationKind
    name_nl: str
    name_en: str
    city: str
    purposes: list[VisitPurpose]
    weekdays: list[int] = Field(description="open on these days, 0 = Monday")
    only_types: list[str] | None = Field(
        default=None, description="application types this location serves; null = all")

    def serves(self, type_id: str) -> bool:
        return self.only_types is None or type_id in self.only_types


class Slot(Wire):
    id: str
    location_id: str
    location_name: str
    purpose: VisitPurpose
    starts_at: datetime
    ends_at: datetime


class SlotSearch(Wire):
    """The first free slots per location, earliest first."""

    slots: list[Slot]
    searched_from: date
    searched_until: date
    without_free: list[str] = Field(
        description="chosen locations with nothing free up to searched_until")
    not_serving: list[str] = Field(
        default_factory=list, description="chosen locations that do not serve the case")


class AppointmentRequest(Strict):
    zaaknummer: str = Field(pattern=ZAAK_PATTERN,
                            description="the case whose foreign national will come")
    slot_id: str = Field(pattern=SLOT_ID_PATTERN, max_length=100)


class RescheduleRequest(Strict):
    slot_id: str = Field(pattern=SLOT_ID_PATTERN, max_length=100)


class Appointment(Wire):
    id: str
    slot_id: str
    zaaknummer: str
    employee_name: str
    location_id: str
    location_name: str
    location_name_nl: str = ""
    purpose: VisitPurpose
    starts_at: datetime
    ends_at: datetime
    status: AppointmentStatus
    booked_at: datetime
    changed_at: datetime
