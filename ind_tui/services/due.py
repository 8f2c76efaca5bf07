"""Due soon: everything with a date the sponsor must act by, in one list sorted by date and
counted on the portal's clock (never the local one):

- `information`: an open request for information (its deadline);
- `deregister` and `extension_window`: the employee duties of duties.py;
- `address`: a noted change of administration address, to be reported within 2 weeks;
- `appointment`: a booked visit to a desk.

No UI here: the Due screen, the home lines and `ind-tui due` share it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from ind_tui.api.appointments import Appointment, AppointmentStatus
from ind_tui.api.auth import Service
from ind_tui.api.errors import ForbiddenError, PortalError, SessionExpiredError
from ind_tui.api.inbox import Message, MessageKind, RequestState
from ind_tui.domain.clock import AMSTERDAM
from ind_tui.local.inbox_store import AddressChange, InboxStore
from ind_tui.services.duties import Duty, load_employee_duties

if TYPE_CHECKING:
    from ind_tui.api.auth import Me
    from ind_tui.client.client import PortalClient


class DueKind(StrEnum):
    INFORMATION = "information"
    DEREGISTER = "deregister"
    EXTENSION_WINDOW = "extension_window"
    ADDRESS = "address"
    APPOINTMENT = "appointment"


@dataclass(frozen=True)
class DueItem:
    kind: str  # a DueKind value; employee duties keep the kind duties.py gives them
    due: date
    late: bool = False
    at: datetime | None = None  # appointments: when
    zaaknummer: str | None = None
    employee_id: str | None = None
    employee_name: str | None = None
    message_id: str | None = None
    appointment_id: str | None = None
    detail: str = ""  # machine-friendly: requested item keys, location and purpose, ...
    v_number: str | None = None  # employee duties: whose (an extension starts prefilled)

    def days_left(self, today: date) -> int:
        return (self.due - today).days


@dataclass
class DueList:
    items: list[DueItem]
    today: date
    # Sources that could not be read, by name (the rest is still shown, with a warning).
    failed: dict[str, PortalError] = field(default_factory=dict)


def _sort_key(item: DueItem) -> tuple[object, ...]:
    at = item.at.astimezone(AMSTERDAM).time().isoformat() if item.at else ""
    return (item.due, at, item.kind, item.employee_name or "", item.zaaknummer or "")


def from_messages(messages: Iterable[Message]) -> list[DueItem]:
    return [
        DueItem(DueKind.INFORMATION, m.deadline, zaaknummer=m.zaaknummer,
                employee_name=m.employee_name, message_id=m.id,
                detail=",".join(d.key for d in m.requested))
        for m in messages
        if m.kind is MessageKind.INFO_REQUEST and m.state is RequestState.OPEN
        and m.deadline is not None
    ]


def from_duties(duties: Iterable[Duty]) -> list[DueItem]:
    return [
        DueItem(d.kind, d.due, late=d.late, zaaknummer=d.zaaknummer, employee_id=d.employee_id,
                employee_name=d.employee_name, detail=d.detail, v_number=d.v_number)
        for d in duties
    ]


def from_appointments(appointments: Iterable[Appointment], now: datetime) -> list[DueItem]:
    return [
        DueItem(DueKind.APPOINTMENT, a.starts_at.astimezone(AMSTERDAM).date(), at=a.starts_at,
                zaaknummer=a.zaaknummer, employee_name=a.employee_name, appointment_id=a.id,
                detail=f"{a.purpose.value}@{a.location_name}")
        for a in appointments
        if a.status is AppointmentStatus.BOOKED and a.starts_at >= now
    ]


def from_address_changes(changes: Iterable[AddressChange], today: date) -> list[DueItem]:
    return [DueItem(DueKind.ADDRESS, c.due, late=today > c.due, detail=c.effective.isoformat())
            for c in changes]


def build_due(
    today: date, *, messages: Iterable[Message] = (), duties: Iterable[Duty] = (),
    appointments: Iterable[Appointment] = (), address_changes: Iterable[AddressChange] = (),
    now: datetime | None = None,
) -> list[DueItem]:  # fmt: skip
    """One list, soonest (and most overdue) first."""
    items = [*from_messages(messages), *from_duties(duties),
             *from_address_changes(address_changes, today)]
    if now is not None:
        items += from_appointments(appointments, now)
    return sorted(items, key=_sort_key)


def _allowed(me: Me, service: Service) -> bool:
    return any(s.service is service and s.allowed for s in me.services)


async def load_due(client: PortalClient, me: Me, scope: str,
                   store: InboxStore | None = None) -> DueList:
    """Everything due for the logged-in account. A source this account may not use is left
    out; one that fails is reported in `failed` while the others are still shown. A lapsed
    session is raised, so the caller can log in again."""
    failed: dict[str, PortalError] = {}
    messages: list[Message] = []
    duties: list[Duty] = []
    appointments: list[Appointment] = []
    changes: list[AddressChange] = []
    if not client.clock.precise:
        await client.portal_info()

    async def attempt(name: str, call: Awaitable[None]) -> None:
        try:
            await call
        except SessionExpiredError:
            raise
        except ForbiddenError:
            pass
        except PortalError as exc:
            failed[name] = exc

    async def load_messages() -> None:
        found, _ = await client.messages(state=RequestState.OPEN)
        messages.extend(found)

    async def load_duties() -> None:
        duties.extend(await load_employee_duties(client))

    async def load_appointments() -> None:
        appointments.extend(await client.appointments(status=AppointmentStatus.BOOKED))

    async def load_address() -> None:
        noted = (store or InboxStore()).address_changes(scope)
        if not noted:
            return
        account = await client.account()
        reported = {c.effective for c in noted if c.before != account.administration_address}
        if reported:  # the portal has the new address: the report was made
            (store or InboxStore()).drop_address_changes(scope, reported)
        changes.extend(c for c in noted if c.effective not in reported)

    if _allowed(me, Service.CASES):
        await attempt("messages", load_messages())
        await attempt("appointments", load_appointments())
    if _allowed(me, Service.EMPLOYEES):
        await attempt("employees", load_duties())
    if _allowed(me, Service.ACCOUNT):
        await attempt("account", load_address())
    today = client.clock.today()
    items = build_due(today, messages=messages, duties=duties, appointments=appointments,
                      address_changes=changes, now=client.clock.now())
    return DueList(items, today, failed)
