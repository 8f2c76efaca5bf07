"""Appointments on the sandbox portal: locations, deterministic slots with realistic scarcity,
booking, rescheduling, cancelling, who sees what, and one slot booked at most once — also
when many clients race for the last free slot."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from ind_tui.api.appointments import AppointmentStatus, VisitPurpose
from ind_tui.api.errors import NotSentError, PortalError, ServiceUnavailableError
from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.sandbox.appointments import LOCATIONS_BY_ID, day_slots, holidays, is_free
from ind_tui.sandbox.clock import AMSTERDAM
from tests.client_fixtures import admin_of, login, make_app, make_client
from tests.conftest import ADMIN, ADMIN_TOKEN, API, bearer

Auth = dict[str, str]
DESKS = ("ind-amsterdam", "ind-den-bosch", "ind-den-haag", "ind-zwolle")


async def _cases(http: httpx.AsyncClient, auth: Auth, *statuses: str) -> list[dict[str, Any]]:
    """Cases in these states without a booking yet (the demo world has a few bookings)."""
    page = (await http.get(f"{API}/cases", headers=auth, params={"limit": 1000})).json()
    booked = {a["zaaknummer"] for a in (await http.get(f"{API}/appointments",
                                                       headers=auth)).json()
              if a["status"] == "booked"}
    return [c for c in page["items"] if c["status"] in statuses
            and c["zaaknummer"] not in booked]


async def _first(http: httpx.AsyncClient, auth: Auth, purpose: str, *locations: str,
                 **params: str) -> dict[str, Any]:
    r = await http.get(f"{API}/appointments/slots", headers=auth, params={
        "purpose": purpose, "locations": ",".join(locations), **params})
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def _book(http: httpx.AsyncClient, auth: Auth, zaak: str, slot_id: str,
                key: str) -> httpx.Response:
    return await http.post(f"{API}/appointments", headers={**auth, "Idempotency-Key": key},
                           json={"zaaknummer": zaak, "slot_id": slot_id})


# --- locations and slots ----------------------------------------------------------------------


async def test_locations_are_the_four_desks_and_nine_expat_centres(
        http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    places = (await http.get(f"{API}/appointments/locations", headers=auth)).json()
    desks = [p for p in places if p["kind"] == "ind_desk"]
    centres = [p for p in places if p["kind"] == "expat_centre"]
    assert sorted(p["id"] for p in desks) == sorted(DESKS)
    assert len(centres) == 9 and {"IN Amsterdam", "Rotterdam Expat Centre"} <= {
        p["name_en"] for p in centres}
    assert all(p["only_types"] is None for p in desks)
    assert all("hsm_first_vvr" in p["only_types"] and "ict" not in p["only_types"]
               for p in centres)
    assert all(set(p["purposes"]) == {v.value for v in VisitPurpose} for p in places)


async def test_slots_are_the_same_for_the_same_clock(tmp_path: Path) -> None:
    answers = []
    for run in ("one", "two"):
        app = create_app(SandboxConfig(db_path=tmp_path / f"{run}.db", admin_token=ADMIN_TOKEN,
                                       device_interval=0, seed="none"))
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://sandbox") as http:
            auth = await bearer(http, "sponsor-eh3")
            answers.append(await _first(http, auth, "biometrics", per_location="3"))
    assert answers[0] == answers[1]
    assert len(answers[0]["slots"]) == 13 * 3


async def test_amsterdam_fills_up_the_other_desks_have_room(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    found = await _first(http, auth, "biometrics", *DESKS)
    starts = {s["location_id"]: datetime.fromisoformat(s["starts_at"]) for s in found["slots"]}
    assert [s["starts_at"] for s in found["slots"]] == sorted(s["starts_at"]
                                                              for s in found["slots"])
    # Amsterdam last, weeks out; the others within about two weeks.
    assert max(starts, key=lambda k: starts[k]) == "ind-amsterdam"
    today = datetime(2026, 11, 2, tzinfo=AMSTERDAM)
    assert starts["ind-amsterdam"] - today > timedelta(days=28)
    assert all(starts[d] - today < timedelta(days=16) for d in DESKS[1:])
    # Over the next four weeks: (almost) nothing in Amsterdam, dozens elsewhere.
    now = today.replace(hour=9)

    def free_in_four_weeks(location: str) -> int:
        spec = LOCATIONS_BY_ID[location]
        return sum(is_free(spec, slot, now, set())
                   for d in range(28) for slot in day_slots(spec, VisitPurpose.BIOMETRICS,
                                                            now.date() + timedelta(days=d)))
    assert free_in_four_weeks("ind-amsterdam") <= 3
    assert all(free_in_four_weeks(d) >= 30 for d in DESKS[1:])


def test_no_slots_on_weekends_holidays_or_closed_days() -> None:
    christmas = date(2026, 12, 25)
    assert christmas in holidays(2026) and date(2027, 3, 29) in holidays(2027)  # Easter Monday
    for spec in LOCATIONS_BY_ID.values():
        assert not list(day_slots(spec, VisitPurpose.BIOMETRICS, christmas))
        assert not list(day_slots(spec, VisitPurpose.BIOMETRICS, date(2026, 11, 7)))  # Sat
    wageningen = LOCATIONS_BY_ID["wageningen-expat-center"]  # Thursdays only
    assert list(day_slots(wageningen, VisitPurpose.BIOMETRICS, date(2026, 11, 5)))
    assert not list(day_slots(wageningen, VisitPurpose.BIOMETRICS, date(2026, 11, 4)))


async def test_slots_move_on_with_the_clock(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    before = await _first(http, auth, "collect_document", "ind-zwolle")
    r = await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_days": 21})
    assert r.status_code == 200
    auth = await bearer(http, "sponsor-eh3")
    after = await _first(http, auth, "collect_document", "ind-zwolle")
    assert after["slots"][0]["starts_at"] > before["slots"][0]["starts_at"]
    assert after["searched_from"] == "2026-11-23"


async def test_bad_slot_searches_are_refused_clearly(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    r = await http.get(f"{API}/appointments/slots", headers=auth,
                       params={"purpose": "biometrics", "locations": "ind-utopia"})
    assert r.status_code == 422 and r.json()["code"] == "validation_failed"
    assert r.json()["details"]["errors"][0]["unknown"] == ["ind-utopia"]
    far = await _first(http, auth, "biometrics", "ind-zwolle", **{"from": "9999-12-31"})
    assert far["slots"] == [] and far["without_free"] == ["ind-zwolle"]
    employer = await bearer(http, "employer-eh3")
    refused = await http.get(f"{API}/appointments/locations", headers=employer)
    assert refused.status_code == 403 and refused.json()["code"] == "service_not_allowed"


# --- booking, rescheduling, cancelling --------------------------------------------------------


async def test_book_then_the_slot_is_gone(http: httpx.AsyncClient, app: FastAPI) -> None:
    auth = await bearer(http, "sponsor-eh3")
    first, second = (await _cases(http, auth, "in_progress"))[:2]
    slot = (await _first(http, auth, "biometrics", "ind-zwolle"))["slots"][0]
    booked = await _book(http, auth, first["zaaknummer"], slot["id"], "book-zwolle-0001")
    assert booked.status_code == 201, booked.text
    appointment = booked.json()
    assert appointment["status"] == "booked" and appointment["slot_id"] == slot["id"]
    assert appointment["employee_name"] == first["employee_name"]
    assert appointment["location_name"] == "IND desk Zwolle"
    assert appointment["location_name_nl"] == "IND-loket Zwolle"
    replay = await _book(http, auth, first["zaaknummer"], slot["id"], "book-zwolle-0001")
    assert replay.json() == appointment and replay.headers["idempotent-replayed"] == "true"
    listed = (await http.get(f"{API}/appointments", headers=auth,
                             params={"zaaknummer": first["zaaknummer"]})).json()
    assert [a["id"] for a in listed if a["status"] == "booked"] == [appointment["id"]]
    # Nobody else gets it; they are told the next free one, which is really free.
    now_first = (await _first(http, auth, "biometrics", "ind-zwolle"))["slots"][0]
    assert now_first["id"] != slot["id"]
    taken = await _book(http, auth, second["zaaknummer"], slot["id"], "book-zwolle-0002")
    assert taken.status_code == 409 and taken.json()["code"] == "slot_taken"
    assert taken.json()["details"]["next_free"]["id"] == now_first["id"]
    # One live appointment per case and purpose: reschedule instead.
    again = await _book(http, auth, first["zaaknummer"], now_first["id"], "book-zwolle-0003")
    assert again.status_code == 409 and again.json()["code"] == "appointment_exists"
    assert again.json()["details"]["appointment"]["id"] == appointment["id"]
    rows = app.state.sandbox.db.read().execute(
        "SELECT COUNT(*) FROM appointments WHERE slot_id = ?", (slot["id"],)).fetchone()[0]
    assert rows == 1


async def test_visits_must_fit_the_case_and_the_place(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    pending = (await _cases(http, auth, "in_progress"))[0]
    ready = (await _cases(http, auth, "ready_for_collection"))[0]
    collect = (await _first(http, auth, "collect_document", "ind-den-haag"))["slots"][0]
    r = await _book(http, auth, pending["zaaknummer"], collect["id"], "visit-check-0001")
    assert r.status_code == 422 and r.json()["code"] == "visit_not_possible"
    assert r.json()["details"]["possible"] == ["biometrics", "endorsement_sticker"]
    r = await http.get(f"{API}/appointments/slots", headers=auth, params={
        "purpose": "endorsement_sticker", "zaaknummer": ready["zaaknummer"]})
    assert r.status_code == 422 and r.json()["code"] == "visit_not_possible"
    # An expat centre serves highly skilled migrants, not an intra-corporate transferee.
    ict = next(c for c in await _cases(http, auth, "ready_for_collection")
               if c["type_id"] == "ict")
    search = await _first(http, auth, "collect_document", "in-amsterdam", "ind-zwolle",
                          zaaknummer=ict["zaaknummer"])
    assert search["not_serving"] == ["in-amsterdam"]
    assert {s["location_id"] for s in search["slots"]} == {"ind-zwolle"}
    centre = (await _first(http, auth, "collect_document", "in-amsterdam"))["slots"][0]
    r = await _book(http, auth, ict["zaaknummer"], centre["id"], "visit-check-0002")
    assert r.status_code == 422 and r.json()["code"] == "location_not_serving"
    unknown = await _book(http, auth, pending["zaaknummer"], "ind-zwolle.biometrics.202611071000",
                          "visit-check-0003")  # a Saturday: no such slot
    assert unknown.status_code == 404 and unknown.json()["code"] == "not_found"


async def test_reschedule_and_cancel(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    case = (await _cases(http, auth, "in_progress"))[0]
    old, new = (await _first(http, auth, "endorsement_sticker", "ind-den-bosch",
                             per_location="2"))["slots"]
    made = (await _book(http, auth, case["zaaknummer"], old["id"], "resched-0001")).json()
    moved = await http.post(f"{API}/appointments/{made['id']}/reschedule", headers=auth,
                            json={"slot_id": new["id"]})
    assert moved.status_code == 200, moved.text
    assert moved.json()["starts_at"] == new["starts_at"] and moved.json()["id"] == made["id"]
    same = await http.post(f"{API}/appointments/{made['id']}/reschedule", headers=auth,
                           json={"slot_id": new["id"]})
    assert same.status_code == 200 and same.json() == moved.json()  # a repeat does no harm
    freed = (await _first(http, auth, "endorsement_sticker", "ind-den-bosch"))["slots"][0]
    assert freed["id"] == old["id"]  # the old slot is free again
    other = await http.post(f"{API}/appointments/{made['id']}/reschedule", headers=auth,
                            json={"slot_id": old["id"].replace("endorsement_sticker",
                                                               "biometrics")})
    assert other.status_code == 422 and "purpose" in other.json()["message"]
    cancelled = await http.post(f"{API}/appointments/{made['id']}/cancel", headers=auth)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    twice = await http.post(f"{API}/appointments/{made['id']}/cancel", headers=auth)
    assert twice.status_code == 200 and twice.json() == cancelled.json()
    closed = await http.post(f"{API}/appointments/{made['id']}/reschedule", headers=auth,
                             json={"slot_id": old["id"]})
    assert closed.status_code == 409 and closed.json()["code"] == "appointment_closed"
    # After cancelling, the case can book that purpose again.
    rebooked = await _book(http, auth, case["zaaknummer"], new["id"], "resched-0002")
    assert rebooked.status_code == 201, rebooked.text


async def test_a_past_appointment_is_past_and_frees_the_purpose(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    case = (await _cases(http, auth, "in_progress"))[1]
    slot = (await _first(http, auth, "biometrics", "ind-zwolle"))["slots"][0]
    made = (await _book(http, auth, case["zaaknummer"], slot["id"], "past-appt-0001")).json()
    start = datetime.fromisoformat(slot["starts_at"])
    r = await http.post(f"{API}/sandbox/clock", headers=ADMIN,
                        json={"set_to": (start + timedelta(hours=1)).isoformat()})
    assert r.status_code == 200, r.text
    auth = await bearer(http, "sponsor-eh3")
    seen = (await http.get(f"{API}/appointments/{made['id']}", headers=auth)).json()
    assert seen["status"] == "past"
    late = await http.post(f"{API}/appointments/{made['id']}/cancel", headers=auth)
    assert late.status_code == 409 and late.json()["code"] == "appointment_closed"
    # The visit has taken place: it no longer holds the case's place for biometrics.
    nxt = (await _first(http, auth, "biometrics", "ind-zwolle"))["slots"][0]
    again = await _book(http, auth, case["zaaknummer"], nxt["id"], "past-appt-0002")
    assert again.status_code == 201, again.text
    assert (await http.get(f"{API}/appointments/{made['id']}", headers=auth)).json()[
        "status"] == "past"


# --- who sees what ------------------------------------------------------------------------------


async def test_each_account_sees_its_own(http: httpx.AsyncClient) -> None:
    owner = await bearer(http, "sponsor-eh3")
    agent = await bearer(http, "agent-noordzee")
    delta = await bearer(http, "delta-eh3")
    mine = (await http.get(f"{API}/appointments", headers=owner)).json()
    assert mine, "the demo sponsor has bookings"
    seen_by_agent = (await http.get(f"{API}/appointments", headers=agent)).json()
    assert seen_by_agent and {a["id"] for a in seen_by_agent} < {a["id"] for a in mine}
    agent_cases = {c["zaaknummer"] for c in (await http.get(
        f"{API}/cases", headers=agent, params={"limit": 1000})).json()["items"]}
    assert {a["zaaknummer"] for a in seen_by_agent} <= agent_cases
    hidden = next(a for a in mine if a["id"] not in {x["id"] for x in seen_by_agent})
    for who in (agent, delta):
        r = await http.get(f"{API}/appointments/{hidden['id']}", headers=who)
        assert r.status_code == 404 and r.json()["code"] == "not_found"
        r = await http.post(f"{API}/appointments/{hidden['id']}/cancel", headers=who)
        assert r.status_code == 404
    assert (await http.get(f"{API}/appointments", headers=delta)).json() == []
    # Another company's case cannot be booked for, and is not even confirmed to exist.
    slot = (await _first(http, delta, "biometrics", "ind-zwolle"))["slots"][0]
    r = await _book(http, delta, hidden["zaaknummer"], slot["id"], "foreign-case-0001")
    assert r.status_code == 404 and r.json()["code"] == "not_found"


# --- one slot, one booking --------------------------------------------------------------------


def test_sqlite_itself_refuses_a_second_live_booking(app: FastAPI) -> None:
    conn = app.state.sandbox.db.connect()
    row = ("12345678", "12345678", 9001, "ind-zwolle", "biometrics", "ind-zwolle.biometrics."
           "202611161000", "2026-11-16T09:00:00+00:00", "2026-11-16T09:20:00+00:00", "booked",
           "2026-11-02T08:00:00+00:00", "2026-11-02T08:00:00+00:00")
    conn.execute("INSERT INTO appointments VALUES ('APT-000000000001', ?, ?, ?, ?, ?, ?, ?, ?, "
                 "?, ?, ?)", row)
    other_case = (row[0], row[1], 9002, *row[3:])
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO appointments VALUES ('APT-000000000002', ?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?, ?)", other_case)
    conn.execute("UPDATE appointments SET status = 'cancelled' WHERE id = 'APT-000000000001'")
    conn.execute("INSERT INTO appointments VALUES ('APT-000000000002', ?, ?, ?, ?, ?, ?, ?, ?, "
                 "?, ?, ?)", other_case)  # a cancelled booking holds nothing


async def test_many_clients_race_for_the_last_slot_one_wins(
        http: httpx.AsyncClient, app: FastAPI) -> None:
    """Twelve accounts' clients book the one free slot of an Amsterdam day at once."""
    owner = await bearer(http, "sponsor-eh3")
    delta = await bearer(http, "delta-eh3")
    contenders = [(owner, c["zaaknummer"]) for c in (await _cases(http, owner, "in_progress"))[:8]]
    contenders += [(delta, c["zaaknummer"]) for c in (await _cases(
        http, delta, "in_progress", "info_requested"))[:4]]
    assert len(contenders) == 12
    last = (await _first(http, owner, "biometrics", "ind-amsterdam"))["slots"][0]
    results = await asyncio.gather(*(
        _book(http, auth, zaak, last["id"], f"race-{n:04d}-key")
        for n, (auth, zaak) in enumerate(contenders)))
    codes = sorted(r.status_code for r in results)
    assert codes == [201] + [409] * 11, [r.text for r in results]
    for loser in (r for r in results if r.status_code == 409):
        body = loser.json()
        assert body["code"] == "slot_taken" and body["details"]["reason"] == "taken"
        assert body["details"]["next_free"]["id"] != last["id"]
    booked = app.state.sandbox.db.read().execute(
        "SELECT COUNT(*) FROM appointments WHERE slot_id = ? AND status = 'booked'",
        (last["id"],)).fetchone()[0]
    assert booked == 1


def test_threads_race_for_one_slot_one_wins(tmp_path: Path) -> None:
    """The same race from OS threads, each with its own client and database connection."""
    app = create_app(SandboxConfig(db_path=tmp_path / "race.db", admin_token=ADMIN_TOKEN,
                                   device_interval=0))
    with TestClient(app) as setup:
        auth = _sync_login(setup, "sponsor-eh3")
        cases = [c["zaaknummer"] for c in setup.get(f"{API}/cases", headers=auth,
                                                    params={"limit": 1000}).json()["items"]
                 if c["status"] == "in_progress"][:10]
        slot = setup.get(f"{API}/appointments/slots", headers=auth, params={
            "purpose": "endorsement_sticker", "locations": "ind-amsterdam"}).json()["slots"][0]
    barrier = threading.Barrier(len(cases))
    answers: list[int] = []
    lock = threading.Lock()

    def contend(n: int, zaak: str) -> None:
        with TestClient(app) as client:
            barrier.wait()
            r = client.post(f"{API}/appointments", json={"zaaknummer": zaak, "slot_id": slot["id"]},
                            headers={**auth, "Idempotency-Key": f"thread-race-{n:04d}"})
            with lock:
                answers.append(r.status_code)

    threads = [threading.Thread(target=contend, args=(n, z)) for n, z in enumerate(cases)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(answers) == [201] + [409] * (len(cases) - 1)


def _sync_login(client: TestClient, identity: str) -> Auth:
    start = client.post(f"{API}/auth/device", json={"client_id": "tests"}).json()
    client.post(f"{API}/sandbox/identities/approve", headers=ADMIN,
                json={"user_code": start["user_code"], "identity": identity})
    token = client.post(f"{API}/auth/token", json={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        "device_code": start["device_code"], "client_id": "tests"}).json()
    return {"Authorization": f"Bearer {token['access_token']}"}


# --- booking through faults: once or not at all -------------------------------------------------

BOOK_FAULTS = {
    "answer lost once": ("commit_then_drop", {"count": 1}, None),
    "answer always lost": ("commit_then_drop", {}, None),  # found among the case's bookings
    "500 always": ("server_error", {}, NotSentError),
    "503 always": ("unavailable", {"retry_after": 0}, ServiceUnavailableError),
}


@pytest.mark.parametrize("fault", list(BOOK_FAULTS))
async def test_booking_through_a_fault_books_once_or_not_at_all(
        tmp_path: Path, fault: str) -> None:
    kind, options, raises = BOOK_FAULTS[fault]
    sandbox = make_app(tmp_path)
    async with make_client(sandbox) as client:
        await login(client)
        booked = {a.zaaknummer for a in await client.appointments()}
        zaak = next(c.zaaknummer for c in await client.cases()
                    if c.status.value == "in_progress" and c.zaaknummer not in booked)
        slot = (await client.first_free(VisitPurpose.BIOMETRICS, ["ind-zwolle"])).slots[0]
        key = str(uuid.uuid4())
        await admin_of(client).fault("appointments.book", kind, **options)
        outcome: Any
        try:
            outcome = await client.book(zaak, slot.id, key)
        except PortalError as exc:
            outcome = exc
        assert isinstance(outcome, raises) if raises else outcome.slot_id == slot.id, outcome
        await admin_of(client).clear_faults()
        rows = sandbox.state.sandbox.db.read().execute(
            "SELECT id FROM appointments WHERE slot_id = ?", (slot.id,)).fetchall()
        assert len(rows) == (0 if raises else 1)
        again = await client.book(zaak, slot.id, key)  # the same key: never a second booking
        mine = [a for a in await client.appointments(zaaknummer=zaak)
                if a.status is AppointmentStatus.BOOKED]
        assert [a.id for a in mine] == [again.id]
