"""Due soon: one list sorted by date, on the portal's clock, with each kind of item — from
plain values (build_due) and from the real sandbox (load_due)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from ind_tui.api.account import Address, NotificationKind, NotificationRequest
from ind_tui.api.appointments import (
    Appointment,
    AppointmentStatus,
    VisitPurpose,
)
from ind_tui.api.cases import Decision
from ind_tui.api.inbox import Message, MessageKind, RequestedDocument, RequestState
from ind_tui.local.inbox_store import AddressChange, InboxStore
from ind_tui.services.due import DueKind, build_due, load_due
from ind_tui.services.duties import DEREGISTER, EXTENSION_WINDOW, Duty
from tests.client_fixtures import admin_of, login, make_app, make_client

TODAY = date(2026, 11, 2)
NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
ADDRESS = Address(street="Wilhelminakade", number="91", postcode="3072 AP", city="Rotterdam")


def _message(n: int, kind: MessageKind, state: RequestState | None = None,
             deadline: date | None = None) -> Message:
    return Message(
        id=f"M{n:09d}", kind=kind, zaaknummer=f"31000000{n:02d}", employee_name=f"P {n}",
        type_id="hsm_extension", sent_at=NOW - timedelta(days=3), subject="s", state=state,
        deadline=deadline, decision=Decision.GRANTED if kind is MessageKind.DECISION else None,
        requested=[RequestedDocument(key="passport_copy", title_nl="p", title_en="p")]
        if kind is MessageKind.INFO_REQUEST else [],
    )


def _appointment(n: int, starts: datetime, status: AppointmentStatus) -> Appointment:
    return Appointment(
        id=f"A{n}", slot_id=f"S{n}", zaaknummer=f"31000000{n:02d}", employee_name=f"P {n}",
        location_id="ams", location_name="IND desk Amsterdam",
        purpose=VisitPurpose.BIOMETRICS, starts_at=starts, ends_at=starts + timedelta(minutes=15),
        status=status, booked_at=NOW - timedelta(days=1), changed_at=NOW - timedelta(days=1),
    )


def test_one_list_sorted_by_date_with_every_kind() -> None:
    messages = [
        _message(1, MessageKind.INFO_REQUEST, RequestState.OPEN, TODAY + timedelta(days=20)),
        _message(2, MessageKind.INFO_REQUEST, RequestState.ANSWERED, TODAY + timedelta(days=3)),
        _message(3, MessageKind.INFO_REQUEST, RequestState.LAPSED, TODAY - timedelta(days=1)),
        _message(4, MessageKind.DECISION),
    ]
    duties = [
        Duty(DEREGISTER, TODAY - timedelta(days=5), "E1", "Late Leaver", late=True,
             detail="contract_ended"),
        Duty(EXTENSION_WINDOW, TODAY + timedelta(days=60), "E2", "Permit Ending",
             detail="opens:2026-11-01"),
    ]
    appointments = [
        _appointment(5, NOW + timedelta(days=2, hours=2), AppointmentStatus.BOOKED),
        _appointment(6, NOW + timedelta(days=2), AppointmentStatus.BOOKED),
        _appointment(7, NOW + timedelta(days=1), AppointmentStatus.CANCELLED),
        _appointment(8, NOW - timedelta(hours=1), AppointmentStatus.BOOKED),  # gone by
    ]
    changes = [AddressChange(TODAY - timedelta(days=3), ADDRESS, NOW)]
    items = build_due(TODAY, messages=messages, duties=duties, appointments=appointments,
                      address_changes=changes, now=NOW)
    assert [(i.kind, i.due) for i in items] == [
        (DEREGISTER, TODAY - timedelta(days=5)),
        (DueKind.APPOINTMENT, TODAY + timedelta(days=2)),  # 09:00 before 11:00 the same day
        (DueKind.APPOINTMENT, TODAY + timedelta(days=2)),
        (DueKind.ADDRESS, TODAY + timedelta(days=11)),
        (DueKind.INFORMATION, TODAY + timedelta(days=20)),
        (EXTENSION_WINDOW, TODAY + timedelta(days=60)),
    ]
    assert [i.appointment_id for i in items if i.kind == DueKind.APPOINTMENT] == ["A6", "A5"]
    assert items[0].late and items[0].days_left(TODAY) == -5
    info = next(i for i in items if i.kind == DueKind.INFORMATION)
    assert info.message_id == "M000000001" and info.detail == "passport_copy"
    assert not next(i for i in items if i.kind == DueKind.ADDRESS).late


def test_an_address_change_older_than_two_weeks_is_late() -> None:
    change = AddressChange(TODAY - timedelta(days=15), ADDRESS, NOW)
    (item,) = build_due(TODAY, address_changes=[change])
    assert item.late and item.due == TODAY - timedelta(days=1)


async def test_load_due_counts_on_the_portal_clock(tmp_path: Path) -> None:
    """The sandbox runs on its own date (2026), far from this computer's: every 'days left'
    and every `late` follows the portal, and advancing the portal's clock moves them."""
    app = make_app(tmp_path)
    async with make_client(app) as client:
        me = await login(client)
        store = InboxStore(tmp_path / "state.json")
        scope = "test/12345678"
        due = await load_due(client, me, scope, store)
        assert due.today == TODAY != datetime.now(UTC).date()
        assert not due.failed
        kinds = {i.kind for i in due.items}
        assert {DueKind.INFORMATION, DEREGISTER, EXTENSION_WINDOW, DueKind.APPOINTMENT} <= kinds
        assert [i.due for i in due.items] == sorted(i.due for i in due.items)
        open_requests, _ = await client.messages(state=RequestState.OPEN)
        assert {i.message_id for i in due.items if i.kind == DueKind.INFORMATION} == {
            m.id for m in open_requests}
        booked = [a for a in await client.appointments(status=AppointmentStatus.BOOKED)
                  if a.starts_at >= client.clock.now()]
        assert {i.appointment_id for i in due.items if i.kind == DueKind.APPOINTMENT} == {
            a.id for a in booked}
        soonest = min((i for i in due.items if i.kind == DueKind.INFORMATION),
                      key=lambda i: i.due)
        days = soonest.days_left(due.today)
        # On the portal's clock, a week on: that request has lapsed and left the list.
        await admin_of(client).advance(days=days + 1)
        await login(client)
        later = await load_due(client, me, scope, store)
        assert later.today == TODAY + timedelta(days=days + 1)
        assert soonest.message_id not in {i.message_id for i in later.items}


async def test_a_noted_address_change_is_due_until_the_new_address_is_reported(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with make_client(app) as client:
        me = await login(client)
        store = InboxStore(tmp_path / "state.json")
        scope = "test/12345678"
        account = await client.account()
        store.note_address_change(scope, AddressChange(
            TODAY + timedelta(days=10), account.administration_address, NOW))
        due = await load_due(client, me, scope, store)
        (address,) = [i for i in due.items if i.kind == DueKind.ADDRESS]
        assert address.due == TODAY + timedelta(days=24) and not address.late
        await client.notify(NotificationRequest(
            kind=NotificationKind.ADMINISTRATION_ADDRESS, effective_date=TODAY + timedelta(days=10),
            new_address=Address(street="Coolsingel", number="40", postcode="3011 AD",
                                city="Rotterdam")))
        after = await load_due(client, me, scope, store)
        assert DueKind.ADDRESS not in {i.kind for i in after.items}
        assert store.address_changes(scope) == []


@pytest.mark.parametrize("identity", ["agent-noordzee", "employer-eh3"])
async def test_what_each_account_may_see(tmp_path: Path, identity: str) -> None:
    """A representative gets no address duty (it has no account service); an employer that
    is not a recognised sponsor has nothing the portal would tell it, and no errors."""
    app = make_app(tmp_path)
    async with make_client(app) as client:
        me = await login(client, identity)
        store = InboxStore(tmp_path / "state.json")
        store.note_address_change("s", AddressChange(TODAY, ADDRESS, NOW))
        due = await load_due(client, me, "s", store)
        assert not due.failed
        assert DueKind.ADDRESS not in {i.kind for i in due.items}
        if identity == "employer-eh3":
            assert due.items == []
        else:
            requests, _ = await client.messages(state=RequestState.OPEN)
            assert {i.message_id for i in due.items if i.message_id} == {m.id for m in requests}
