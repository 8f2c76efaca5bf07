"""Deterministic seeding: the fixed world (companies, identities, fees) always; the demo's
employees and cases with `--seed demo`; `--cases N` extra cases for scale tests."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import date, datetime, timedelta

from ind_tui.api.cases import CaseStatus, Decision
from ind_tui.domain.forms.figures import FEE_FIGURES
from ind_tui.domain.forms.rules import TYPES_BY_ID
from ind_tui.sandbox.appointments import seed_appointments
from ind_tui.sandbox.clock import AMSTERDAM, refresh_point
from ind_tui.sandbox.db import iso
from ind_tui.sandbox.identities import (
    AUTHORISATIONS,
    COMPANIES,
    DELTA,
    IDENTITIES,
    MOLEN,
    NOORDZEE,
    PAYROLL,
    UNIVERSITY,
)
from ind_tui.sandbox.lifecycle import EventRow, Step, events_for, insert_events, plan_steps
from ind_tui.sandbox.refunds import seed_payments

FIRST = ("Aarav", "Mei", "Lucas", "Priya", "Mehmet", "Sofia", "Kenji", "Amara", "Diego",
         "Olena", "Wei", "Fatima", "Ravi", "Ana", "Jin", "Chidi", "Leila", "Mateo", "Yuki",
         "Arjun", "Zara", "Omar", "Ines", "Hiro", "Nadia", "Tariq", "Lina", "Pablo")
LAST = ("Sharma", "Chen", "Silva", "Patel", "Yilmaz", "Rossi", "Tanaka", "Okafor", "Garcia",
        "Kovalenko", "Zhang", "Haddad", "Kumar", "Santos", "Park", "Eze", "Karimi", "Lopez",
        "Sato", "Reddy", "Ahmed", "Nasser", "Costa", "Mori", "Petrova", "Rahman", "Li")
NATIONALITIES = ("IND", "CHN", "BRA", "IND", "TUR", "ITA", "JPN", "NGA", "MEX", "UKR", "CHN",
                 "EGY", "IND", "PRT", "KOR", "NGA", "IRN", "ARG", "JPN", "IND", "PAK", "EGY",
                 "PRT", "JPN", "RUS", "BGD", "LBN", "COL")
SEED = 20261102
ZAAK_START = 3100000001

Person = tuple[str, str, date, str]  # name, v-number, date of birth, nationality


def seed_world(conn: sqlite3.Connection) -> None:
    for c in COMPANIES:
        address = json.dumps(
            {"street": c.street, "number": c.number, "postcode": c.postcode, "city": c.city}
        )
        conn.execute(
            "INSERT INTO companies VALUES (?, ?, ?, ?, ?, ?, ?)",
            (c.kvk, c.name, int(c.recognised), int(c.broken), address, address, address),
        )
        for purpose, since in c.recognitions:
            conn.execute(
                "INSERT INTO recognitions VALUES (?, ?, ?)", (c.kvk, purpose, since.isoformat())
            )
    for agent, sponsor, registered, registered_on in AUTHORISATIONS:
        conn.execute(
            "INSERT INTO authorisations VALUES (?, ?, ?, ?)",
            (agent, sponsor, int(registered),
             registered_on.isoformat() if registered_on else None),
        )
    for i in IDENTITIES:
        conn.execute(
            "INSERT INTO identities VALUES (?, ?, ?, ?, ?, ?, ?)",
            (i.name, i.person_name, i.kvk, i.acting_for, i.level, int(i.has_service), i.purpose),
        )
    for group, figures in FEE_FIGURES.items():
        for figure in figures:
            # A provisional figure is the table's until support staff set the real one with
            # POST /sandbox/fees.
            conn.execute("INSERT INTO fees VALUES (?, ?, ?, ?)",
                         (group.value, figure.year, figure.amount, int(figure.provisional)))


def _person(rng: random.Random, now: datetime) -> Person:
    i = rng.randrange(len(FIRST))
    name = f"{FIRST[i]} {rng.choice(LAST)}"
    born = (now - timedelta(days=rng.randrange(23 * 365, 55 * 365))).date()
    return name, str(rng.randrange(10**9, 10**10)), born, NATIONALITIES[i]


def seed_employees(
    conn: sqlite3.Connection, rng: random.Random, kvk: str, count: int, now: datetime
) -> list[Person]:
    people = []
    today = now.astimezone(AMSTERDAM).date()
    for n in range(count):
        person = _person(rng, now)
        name, v_number, born, nationality = person
        start = today - timedelta(days=rng.randrange(20, 5 * 365))
        # A spread of permit ends, so some fall in the 3-month extension window.
        permit_end = today + timedelta(days=rng.randrange(-30, 5 * 365))
        status = "deregistered" if n % 15 == 14 else "registered"
        end_date = (today - timedelta(days=rng.randrange(1, 60))).isoformat() \
            if status == "deregistered" else None
        purpose = "research" if kvk == UNIVERSITY else "labour"
        conn.execute(
            f"INSERT INTO employees ({EMPLOYEE_COLUMNS}) VALUES ({', '.join('?' * 14)})",
            (f"E{kvk[-3:]}{n:05d}", kvk, name, v_number, born.isoformat(), nationality,
             purpose, start.isoformat(), permit_end.isoformat(), status, end_date, kvk,
             "employment_ended" if end_date else None, iso(now)),
        )
        people.append(person)
    return people


EMPLOYEE_COLUMNS = ("id, sponsor_kvk, name, v_number, date_of_birth, nationality, purpose, "
                    "start_date, permit_end, status, end_date, registered_by_kvk, end_reason, "
                    "registered_at")


def _seed_employee_duties(conn: sqlite3.Connection, kvk: str, now: datetime) -> None:
    """A few employees whose sponsor has something to do: a permit in its extension window,
    a contract that ended 10 days ago (deregister within 4 weeks) and one that ended 40 days
    ago (the report is late). Set after the random spread, which stays as it was."""
    today = now.astimezone(AMSTERDAM).date()
    for n, permit_end, contract_end in (
        (1, today + timedelta(days=45), None),
        (2, today + timedelta(days=700), today - timedelta(days=10)),
        (4, today + timedelta(days=400), today - timedelta(days=40)),
    ):
        conn.execute(
            "UPDATE employees SET permit_end=?, contract_end=? WHERE id=?",
            (permit_end.isoformat(), contract_end.isoformat() if contract_end else None,
             f"E{kvk[-3:]}{n:05d}"),
        )


def seed_extra_employees(conn: sqlite3.Connection, count: int, now: datetime,
                         sponsor: str = NOORDZEE) -> None:
    """`count` more employees for one sponsor, for scale tests (bulk insert, one transaction):
    `ind-tui`'s list, filter and duties with 50,000 people."""
    rng = random.Random(SEED + 7 * count)
    today = now.astimezone(AMSTERDAM).date()
    first = int(conn.execute("SELECT COUNT(*) FROM employees WHERE sponsor_kvk=?",
                             (sponsor,)).fetchone()[0])
    rows = []
    for n in range(first, first + count):
        name, _v, born, nationality = _person(rng, now)
        start = today - timedelta(days=rng.randrange(20, 5 * 365))
        permit_end = today + timedelta(days=rng.randrange(-30, 5 * 365))
        contract_end = today - timedelta(days=rng.randrange(1, 60)) if n % 97 == 3 else None
        rows.append((f"X{sponsor[-3:]}{n:07d}", sponsor, name, f"{8000000000 + n}",
                     born.isoformat(), nationality, "labour", start.isoformat(),
                     permit_end.isoformat(), "registered", None, sponsor, None, iso(now),
                     contract_end.isoformat() if contract_end else None))
    conn.executemany(
        f"INSERT INTO employees ({EMPLOYEE_COLUMNS}, contract_end) "
        f"VALUES ({', '.join('?' * 15)})", rows)


class CaseWriter:
    """Collects cases and events and writes them in bulk (100,000 cases in seconds)."""

    def __init__(self, conn: sqlite3.Connection, first_id: int, first_zaak: int) -> None:
        self.conn = conn
        self.next_id = first_id
        self.next_zaak = first_zaak
        self.cases: list[tuple[object, ...]] = []
        self.events: list[EventRow] = []

    def add(
        self, *, sponsor: str, by: str, type_id: str, person: Person, submitted_at: datetime,
        steps: list[Step], paper: bool = False, manual_days: int = 0,
    ) -> str:
        rule = TYPES_BY_ID[type_id]
        case_id, zaak = self.next_id, str(self.next_zaak)
        self.next_id += 1
        self.next_zaak += 1
        receipt = submitted_at.astimezone(AMSTERDAM).date()
        deadline = receipt + timedelta(days=rule.decision_days)
        listed = refresh_point(submitted_at) + timedelta(days=1 + manual_days)
        self.cases.append(
            (case_id, zaak, sponsor, by, type_id, person[0], person[1], iso(submitted_at),
             receipt.isoformat(), int(paper), None if paper else iso(listed))
        )
        self.events.extend(events_for(case_id, submitted_at, deadline, steps))
        return zaak

    def flush(self) -> None:
        self.conn.executemany(
            "INSERT INTO cases (id, zaaknummer, sponsor_kvk, submitted_by_kvk, type_id, "
            "employee_name, v_number, submitted_at, receipt_date, paper, listed_from) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.cases,
        )
        insert_events(self.conn, self.events)
        self.cases.clear()
        self.events.clear()


def _crafted(now: datetime) -> list[tuple[str, timedelta, list[Step]]]:
    """Demo cases that pin every status the list can show, and the 28-day rule."""
    d, h = timedelta(days=1), timedelta(hours=1)
    S = CaseStatus
    rec = [Step(S.SUBMITTED, 0 * d), Step(S.RECEIVED, h)]
    return [
        ("received", 2 * d, [*rec, Step(S.IN_PROGRESS, 3 * d), Step(S.DECIDED, 9 * d,
          Decision.GRANTED), Step(S.READY_FOR_COLLECTION, 4 * d), Step(S.CLOSED, 20 * d)]),
        ("in_progress", 6 * d, [*rec, Step(S.IN_PROGRESS, 2 * d), Step(S.DECIDED, 12 * d,
          Decision.GRANTED), Step(S.READY_FOR_COLLECTION, 4 * d), Step(S.CLOSED, 20 * d)]),
        ("info_requested", 12 * d, [*rec, Step(S.IN_PROGRESS, 2 * d),
          Step(S.INFO_REQUESTED, 6 * d), Step(S.IN_PROGRESS, 14 * d),
          Step(S.DECIDED, 10 * d, Decision.GRANTED)]),
        ("completed 10 days ago", 24 * d, [*rec, Step(S.IN_PROGRESS, 2 * d),
          Step(S.DECIDED, 12 * d - h, Decision.GRANTED),
          Step(S.READY_FOR_COLLECTION, 20 * d), Step(S.CLOSED, 20 * d)]),
        ("completed 40 days ago", 55 * d, [*rec, Step(S.IN_PROGRESS, 3 * d),
          Step(S.DECIDED, 12 * d - h, Decision.GRANTED),
          Step(S.READY_FOR_COLLECTION, 5 * d), Step(S.CLOSED, 15 * d)]),
        ("rejected and closed", 40 * d, [*rec, Step(S.IN_PROGRESS, 2 * d),
          Step(S.DECIDED, 16 * d, Decision.REJECTED), Step(S.CLOSED, 14 * d)]),
        ("ready for collection", 20 * d, [*rec, Step(S.IN_PROGRESS, 2 * d),
          Step(S.DECIDED, 10 * d, Decision.GRANTED), Step(S.READY_FOR_COLLECTION, 3 * d),
          Step(S.CLOSED, 30 * d)]),
        ("withdrawn", 15 * d, [*rec, Step(S.IN_PROGRESS, 2 * d), Step(S.WITHDRAWN, 5 * d)]),
        ("not considered", 18 * d, [*rec, Step(S.IN_PROGRESS, 2 * d),
          Step(S.DECIDED, 9 * d, Decision.NOT_CONSIDERED), Step(S.CLOSED, 30 * d)]),
    ]


HSM_TYPES = ("hsm_first_vvr", "hsm_first_mvv", "hsm_extension", "hsm_change_employer",
             "eu_blue_card", "ict", "family_first", "family_extension")


def seed_demo(conn: sqlite3.Connection, now: datetime) -> None:
    rng = random.Random(SEED)
    staff = seed_employees(conn, rng, NOORDZEE, 60, now)
    _seed_employee_duties(conn, NOORDZEE, now)
    delta_staff = seed_employees(conn, rng, DELTA, 25, now)
    researchers = seed_employees(conn, rng, UNIVERSITY, 12, now)
    w = CaseWriter(conn, 1, ZAAK_START)
    for n, (_label, ago, steps) in enumerate(_crafted(now)):
        by = PAYROLL if n % 3 == 2 else NOORDZEE
        w.add(sponsor=NOORDZEE, by=by, type_id=HSM_TYPES[n % 4], person=staff[n],
              submitted_at=now - ago, steps=steps)
    # A paper application never appears in the portal list.
    w.add(sponsor=NOORDZEE, by=NOORDZEE, type_id="hsm_extension", person=staff[10],
          submitted_at=now - timedelta(days=9), steps=plan_steps(rng, 90, True), paper=True)
    # A family-members application still in manual processing: listed 5 working days on.
    w.add(sponsor=NOORDZEE, by=NOORDZEE, type_id="family_first", person=staff[11],
          submitted_at=now - timedelta(days=2), steps=plan_steps(rng, 90, True), manual_days=7)
    for n in range(70):
        person = staff[(n + 12) % len(staff)]
        w.add(sponsor=NOORDZEE, by=PAYROLL if n % 5 == 0 else NOORDZEE,
              type_id=HSM_TYPES[n % len(HSM_TYPES)], person=person,
              submitted_at=now - timedelta(minutes=rng.randrange(60 * 24 * 3, 60 * 24 * 90)),
              steps=plan_steps(rng, 90, True))
    for n in range(20):
        w.add(sponsor=DELTA, by=PAYROLL if n % 2 else DELTA, type_id=HSM_TYPES[n % 4],
              person=delta_staff[n], submitted_at=now - timedelta(days=rng.randrange(3, 120)),
              steps=plan_steps(rng, 90, True))
    for n in range(10):
        w.add(sponsor=UNIVERSITY, by=UNIVERSITY, type_id="researcher", person=researchers[n],
              submitted_at=now - timedelta(days=rng.randrange(3, 120)),
              steps=plan_steps(rng, 60, True))
    for _ in range(3):
        w.add(sponsor=MOLEN, by=MOLEN, type_id="eu_blue_card", person=_person(rng, now),
              submitted_at=now - timedelta(days=rng.randrange(3, 60)),
              steps=plan_steps(rng, 90, False))
    _seed_requests(w, staff, now)
    w.flush()
    _set_counters(conn, w)
    # Fees paid (and refunds) and a few bookings; their own random stream, so the cases and
    # employees above stay as they are.
    seed_payments(conn, now, NOORDZEE, SEED + 1)
    seed_appointments(conn, now, NOORDZEE, PAYROLL)


def _seed_requests(w: CaseWriter, staff: list[Person], now: datetime) -> None:
    """Requests for information the inbox shows: one whose deadline is days away (filed by
    the agency), and one that arrives with the next daily refresh. Added last, so the cases
    above keep their numbers."""
    d, h = timedelta(days=1), timedelta(hours=1)
    S = CaseStatus
    rec = [Step(S.SUBMITTED, 0 * d), Step(S.RECEIVED, h), Step(S.IN_PROGRESS, 3 * d)]
    w.add(sponsor=NOORDZEE, by=PAYROLL, type_id="family_first", person=staff[20],
          submitted_at=now - 30 * d, steps=[
              *rec, Step(S.INFO_REQUESTED, 4 * d), Step(S.IN_PROGRESS, 28 * d),
              Step(S.DECIDED, 10 * d, Decision.GRANTED)])
    w.add(sponsor=NOORDZEE, by=NOORDZEE, type_id="hsm_extension", person=staff[21],
          submitted_at=now - 4 * d, steps=[
              *rec, Step(S.INFO_REQUESTED, d + 10 * h), Step(S.IN_PROGRESS, 14 * d),
              Step(S.DECIDED, 10 * d, Decision.GRANTED),
              Step(S.READY_FOR_COLLECTION, 4 * d), Step(S.CLOSED, 20 * d)])


def seed_extra_cases(conn: sqlite3.Connection, count: int, now: datetime,
                     sponsor: str = NOORDZEE) -> None:
    """`count` more cases for one sponsor, for scale tests (bulk insert, one transaction)."""
    rng = random.Random(SEED + count)
    row = conn.execute("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM cases").fetchone()
    zrow = conn.execute("SELECT value FROM counters WHERE name='zaak'").fetchone()
    w = CaseWriter(conn, int(row[0]) + 1, (int(zrow[0]) + 1) if zrow else ZAAK_START)
    people = [_person(rng, now) for _ in range(2000)]
    for n in range(count):
        w.add(sponsor=sponsor, by=PAYROLL if n % 7 == 0 else sponsor,
              type_id=HSM_TYPES[n % len(HSM_TYPES)], person=people[n % len(people)],
              submitted_at=now - timedelta(minutes=rng.randrange(60 * 24, 60 * 24 * 50)),
              steps=plan_steps(rng, 90, True))
        if len(w.cases) >= 20_000:
            w.flush()
    w.flush()
    _set_counters(conn, w)


def _set_counters(conn: sqlite3.Connection, w: CaseWriter) -> None:
    conn.execute(
        "INSERT INTO counters (name, value) VALUES ('zaak', ?) "
        "ON CONFLICT(name) DO UPDATE SET value=excluded.value",
        (w.next_zaak - 1,),
    )
