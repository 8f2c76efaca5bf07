"""IND desks and expat centres, their opening days, and their appointment slots.

Slots are not stored: each location offers a fixed grid per opening day, and whether the
public has taken a slot is a pure function of the slot and the sandbox date, so every run
(and every test) sees the same calendar for the same clock. Demand differs per location:
Amsterdam is booked solid for weeks, the smaller desks and most expat centres have room
within days. Now and then a taken slot is cancelled and frees up again before its day.
Our own bookings live in the `appointments` table.
"""

from __future__ import annotations

import hashlib
import math
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from ind_tui.api.appointments import Location, LocationKind, Slot, VisitPurpose
from ind_tui.domain.forms.rules import TYPES_BY_ID
from ind_tui.sandbox.clock import AMSTERDAM
from ind_tui.sandbox.db import iso

SALT = "ind-tui-slots-1"
OPENS, CLOSES = time(9, 0), time(17, 0)
HORIZON_DAYS = 120  # how far ahead slots are offered
PEAK = 0.998  # share of slots taken within a location's busy days
PEAK_AMSTERDAM = 0.9995  # where everyone wants to go
CANCEL_RATE = 0.001  # share of taken slots given back before their day
WORKDAYS = (0, 1, 2, 3, 4)
# Expat centres serve highly skilled migrants and applications like theirs, with family.
HSM_LIKE = tuple(sorted(t for t in TYPES_BY_ID if t.startswith(("hsm_", "family_"))
                        or t in ("eu_blue_card", "researcher")))


@dataclass(frozen=True)
class LocationSpec:
    id: str
    kind: LocationKind
    name_nl: str
    name_en: str
    city: str
    step: int  # minutes per slot
    busy_days: int  # days ahead that are fully booked (but for cancellations)
    base: float  # share of slots taken far ahead
    weekdays: tuple[int, ...] = WORKDAYS

    @property
    def only_types(self) -> tuple[str, ...] | None:
        return HSM_LIKE if self.kind is LocationKind.EXPAT_CENTRE else None


_DESK, _EXPAT = LocationKind.IND_DESK, LocationKind.EXPAT_CENTRE
LOCATIONS: tuple[LocationSpec, ...] = (
    LocationSpec("ind-amsterdam", _DESK, "IND-loket Amsterdam", "IND desk Amsterdam",
                 "Amsterdam", 10, 35, 0.55),
    LocationSpec("ind-den-bosch", _DESK, "IND-loket 's-Hertogenbosch",
                 "IND desk 's-Hertogenbosch (Den Bosch)", "'s-Hertogenbosch", 15, 8, 0.35),
    LocationSpec("ind-den-haag", _DESK, "IND-loket Den Haag", "IND desk The Hague",
                 "Den Haag", 15, 12, 0.4),
    LocationSpec("ind-zwolle", _DESK, "IND-loket Zwolle", "IND desk Zwolle", "Zwolle", 20, 3,
                 0.25),
    LocationSpec("in-amsterdam", _EXPAT, "IN Amsterdam", "IN Amsterdam", "Amsterdam", 30, 21,
                 0.5),
    LocationSpec("rotterdam-expat-centre", _EXPAT, "Rotterdam Expat Centre",
                 "Rotterdam Expat Centre", "Rotterdam", 30, 7, 0.35),
    LocationSpec("hague-international-centre", _EXPAT, "The Hague International Centre",
                 "The Hague International Centre", "Den Haag", 30, 6, 0.3),
    LocationSpec("utrecht-welcome-centre", _EXPAT,
                 "International Welcome Centre Utrecht Region",
                 "International Welcome Centre Utrecht Region", "Utrecht", 30, 5, 0.3, (1, 3)),
    LocationSpec("eindhoven-expat-center", _EXPAT, "Holland Expat Center South (Eindhoven)",
                 "Holland Expat Center South (Eindhoven)", "Eindhoven", 30, 6, 0.3),
    LocationSpec("maastricht-expat-centre", _EXPAT, "Expat Centre Maastricht Region",
                 "Expat Centre Maastricht Region", "Maastricht", 30, 3, 0.25, (1, 2, 3)),
    LocationSpec("enschede-expat-centre", _EXPAT, "Expat Centre East Netherlands (Enschede)",
                 "Expat Centre East Netherlands (Enschede)", "Enschede", 30, 2, 0.2, (1, 3)),
    LocationSpec("wageningen-expat-center", _EXPAT, "Expat Center Food Valley (Wageningen)",
                 "Expat Center Food Valley (Wageningen)", "Wageningen", 30, 2, 0.2, (3,)),
    LocationSpec("groningen-welcome-center", _EXPAT, "International Welcome Center North",
                 "International Welcome Center North (Groningen)", "Groningen", 30, 3, 0.25,
                 (0, 2)),
)
LOCATIONS_BY_ID = {spec.id: spec for spec in LOCATIONS}


def location_model(spec: LocationSpec) -> Location:
    only = spec.only_types
    return Location(id=spec.id, kind=spec.kind, name_nl=spec.name_nl, name_en=spec.name_en,
                    city=spec.city, purposes=list(VisitPurpose), weekdays=list(spec.weekdays),
                    only_types=list(only) if only is not None else None)


# --- the calendar -----------------------------------------------------------------------------


def _easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    r = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * r) // 451
    month, day = divmod(h + r - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def holidays(year: int) -> frozenset[date]:
    """Public holidays on which IND desks are closed."""
    easter = _easter(year)
    kings = date(year, 4, 27)
    if kings.weekday() == 6:  # King's Day moves to Saturday when the 27th is a Sunday
        kings -= timedelta(days=1)
    return frozenset({
        date(year, 1, 1), easter + timedelta(days=1), kings, easter + timedelta(days=39),
        easter + timedelta(days=50), date(year, 12, 25), date(year, 12, 26),
    })


def is_working_day(day: date) -> bool:
    return day.weekday() in WORKDAYS and day not in holidays(day.year)


def working_days_after(day: date, count: int) -> date:
    while count > 0:
        day += timedelta(days=1)
        count -= is_working_day(day)
    return day


def is_open(spec: LocationSpec, day: date) -> bool:
    return day.weekday() in spec.weekdays and day not in holidays(day.year)


# --- slots ------------------------------------------------------------------------------------


def slot_id(location_id: str, purpose: VisitPurpose, start: datetime) -> str:
    return f"{location_id}.{purpose.value}.{start.astimezone(AMSTERDAM):%Y%m%d%H%M}"


def day_slots(spec: LocationSpec, purpose: VisitPurpose, day: date) -> Iterator[Slot]:
    if not is_open(spec, day):
        return
    at = datetime.combine(day, OPENS, AMSTERDAM)
    close = datetime.combine(day, CLOSES, AMSTERDAM)
    step = timedelta(minutes=spec.step)
    while at + step <= close:
        yield Slot(id=slot_id(spec.id, purpose, at), location_id=spec.id,
                   location_name=spec.name_en, purpose=purpose, starts_at=at, ends_at=at + step)
        at += step


def parse_slot(text: str) -> Slot | None:
    """The slot an id names, if that location really offers it (open day, on its grid)."""
    try:
        location_id, purpose_text, stamp = text.split(".")
        purpose = VisitPurpose(purpose_text)
        start = datetime.strptime(stamp, "%Y%m%d%H%M").replace(tzinfo=AMSTERDAM)
    except ValueError:
        return None
    spec = LOCATIONS_BY_ID.get(location_id)
    if spec is None:
        return None
    for slot in day_slots(spec, purpose, start.date()):
        if slot.id == text:
            return slot
    return None


def _unit(text: str) -> float:
    digest = hashlib.blake2b(f"{SALT}:{text}".encode(), digest_size=8).digest()
    return int.from_bytes(digest) / 2**64


def taken_by_public(spec: LocationSpec, slot: Slot, today: date) -> bool:
    """Whether other people hold this slot as of `today` (deterministic). The nearer the day,
    the fuller the agenda; once taken a slot stays taken unless it is cancelled, which frees
    it from some day (1-14 days) before its date on."""
    day = slot.starts_at.date()
    ahead = (day - today).days
    peak = PEAK_AMSTERDAM if spec.id == "ind-amsterdam" else PEAK
    if ahead <= spec.busy_days:
        share = peak
    else:
        share = spec.base + (peak - spec.base) * math.exp(-(ahead - spec.busy_days) / 10)
    if _unit(slot.id) >= share:
        return False
    if _unit(slot.id + ":cancel") < CANCEL_RATE:
        release = day - timedelta(days=1 + int(_unit(slot.id + ":day") * 14))
        return today < release
    return True


def is_free(spec: LocationSpec, slot: Slot, now: datetime, booked: set[str]) -> bool:
    return (slot.starts_at > now and slot.id not in booked
            and not taken_by_public(spec, slot, now.astimezone(AMSTERDAM).date()))


def first_free(specs: Iterable[LocationSpec], purpose: VisitPurpose, start: date,
               now: datetime, booked: set[str], per_location: int = 1
               ) -> tuple[list[Slot], date, list[str]]:
    """The first `per_location` free slots of each location from `start` on, earliest first;
    also the last day searched and the locations with nothing free until then."""
    today = now.astimezone(AMSTERDAM).date()
    until = today + timedelta(days=HORIZON_DAYS)
    found: list[Slot] = []
    without: list[str] = []
    for spec in specs:
        mine: list[Slot] = []
        day = max(start, today)
        while day <= until and len(mine) < per_location:
            for slot in day_slots(spec, purpose, day):
                if is_free(spec, slot, now, booked):
                    mine.append(slot)
                    if len(mine) >= per_location:
                        break
            day += timedelta(days=1)
        if not mine:
            without.append(spec.id)
        found.extend(mine)
    found.sort(key=lambda s: (s.starts_at, s.location_id))
    return found, until, without


# --- the demo world ---------------------------------------------------------------------------

_DEMO = (  # (status the case is in, purpose, location, booked by the agency, then cancelled)
    ("ready_for_collection", VisitPurpose.COLLECT_DOCUMENT, "ind-den-haag", False, False),
    ("in_progress", VisitPurpose.BIOMETRICS, "ind-amsterdam", False, False),
    ("in_progress", VisitPurpose.ENDORSEMENT_STICKER, "ind-zwolle", False, False),
    ("in_progress", VisitPurpose.BIOMETRICS, "ind-den-bosch", False, True),
    ("in_progress", VisitPurpose.BIOMETRICS, "rotterdam-expat-centre", True, False),
)


def _demo_id(n: int) -> str:
    digest = hashlib.blake2b(f"{SALT}:demo:{n}".encode(), digest_size=6).hexdigest()
    return f"APT-{digest.upper()}"


def seed_appointments(conn: sqlite3.Connection, now: datetime, sponsor: str,
                      agency: str) -> None:
    """A few bookings of the demo sponsor (one by its agency, one cancelled), each at the
    first slot that was free when the sandbox started."""
    rows = conn.execute(
        "SELECT c.id, c.submitted_by_kvk, c.type_id, e.status FROM cases c "
        "JOIN case_events e ON e.case_id = c.id AND e.at = (SELECT MAX(at) FROM case_events "
        "WHERE case_id = c.id AND at <= ?) WHERE c.sponsor_kvk = ? AND c.paper = 0 "
        "AND c.submitted_at <= ? ORDER BY c.id",
        (iso(now), sponsor, iso(now - timedelta(days=3)))).fetchall()
    used: set[int] = set()
    for n, (status, purpose, location, by_agency, cancelled) in enumerate(_DEMO):
        spec = LOCATIONS_BY_ID[location]
        case = next((r for r in rows if r["status"] == status and r["id"] not in used
                     and (r["submitted_by_kvk"] == agency) == by_agency
                     and location_model(spec).serves(r["type_id"])), None)
        if case is None:
            continue
        used.add(case["id"])
        slots, _, _ = first_free([spec], purpose, now.astimezone(AMSTERDAM).date(), now,
                                 set())
        if not slots:
            continue
        slot = slots[0]
        booked = iso(now - timedelta(days=2 + n))
        conn.execute(
            "INSERT INTO appointments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (_demo_id(n), sponsor,
             agency if by_agency else sponsor, case["id"], spec.id, purpose.value, slot.id,
             iso(slot.starts_at), iso(slot.ends_at), "cancelled" if cancelled else "booked",
             booked, iso(now - timedelta(days=1)) if cancelled else booked))
