"""The payment history as the portal shows it, and the refunds the IND makes.

Two refunds happen by themselves, as the IND describes them (DOMAIN.md):
- paid, but the submission never arrived (no case registered): the fee is paid back five
  working days after the payment, at the daily run;
- the same application (type and person) filed and paid twice within 14 days, because no
  receipt came: the later payment is paid back the same way.
Support staff can refund any payment through the sandbox admin route. A refund is a row of
its own whose payment reference is UNIQUE, so no payment is ever refunded twice.

Refunds fall due on the sandbox clock; they are written when the history is next read, with
the moment they fell due, so the result does not depend on when anyone looked.
"""

from __future__ import annotations

import random
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from ind_tui.api.payments import PaymentMethod, PaymentRecord, PaymentStatus, Refund, RefundReason
from ind_tui.api.wire import ErrorCode
from ind_tui.domain.forms.rules import TYPES_BY_ID
from ind_tui.sandbox.appointments import working_days_after
from ind_tui.sandbox.clock import AMSTERDAM, REFRESH_HOUR
from ind_tui.sandbox.db import Database, iso, parse_iso
from ind_tui.sandbox.errors import PortalError

REFUND_AFTER_WORKING_DAYS = 5
DUPLICATE_WINDOW = timedelta(days=14)
_COLUMNS = ("r.reference, r.application_id, r.sponsor_kvk, r.paid_by_kvk, r.case_id, "
            "r.type_id, r.employee_name, r.date_of_birth, r.amount, r.fee_year, r.method, "
            "r.paid_at, r.seq, c.zaaknummer")


def _run_at(day: date) -> datetime:
    return datetime.combine(day, time(REFRESH_HOUR), AMSTERDAM)


def collected_at(method: str, paid_at: datetime) -> datetime:
    """A direct debit is collected at the next daily run; a one-off payment at once."""
    if method != PaymentMethod.DIRECT_DEBIT.value:
        return paid_at
    local = paid_at.astimezone(AMSTERDAM)
    run = _run_at(local.date())
    return run if run > local else _run_at(local.date() + timedelta(days=1))


def refund_due(paid_at: datetime) -> datetime:
    day = paid_at.astimezone(AMSTERDAM).date()
    return _run_at(working_days_after(day, REFUND_AFTER_WORKING_DAYS))


@dataclass(frozen=True)
class Due:
    reference: str
    amount: int
    reason: RefundReason
    at: datetime


def _person(row: Any) -> tuple[str, str, str, str]:
    return (row["sponsor_kvk"], row["type_id"], " ".join(row["employee_name"].lower().split()),
            row["date_of_birth"] or "")


def automatic_refunds(rows: list[Any], refunded: set[str]) -> list[Due]:
    """The refunds these payments (one sponsor's) call for, made or not yet made."""
    out = [Due(r["reference"], r["amount"], RefundReason.NOT_RECEIVED,
               refund_due(parse_iso(r["paid_at"])))
           for r in rows if r["case_id"] is None and r["reference"] not in refunded]
    groups: dict[tuple[str, str, str, str], list[Any]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r["paid_at"], r["seq"])):
        # Only what was filed through the API: the history from before the sandbox started
        # is settled (and holds no dates of birth to tell two people apart).
        if r["case_id"] is not None and r["application_id"] is not None:
            groups[_person(r)].append(r)
    for paid in groups.values():
        kept = paid[0]
        for r in paid[1:]:
            at = parse_iso(r["paid_at"])
            if at - parse_iso(kept["paid_at"]) > DUPLICATE_WINDOW:
                kept = r
            elif r["reference"] not in refunded:
                out.append(Due(r["reference"], r["amount"], RefundReason.DUPLICATE,
                               refund_due(at)))
    return out


def _refund_reference(payment_reference: str) -> str:
    return "RF-" + payment_reference.removeprefix("PAY-")


def _sponsor_rows(conn: sqlite3.Connection, sponsor_kvk: str) -> list[Any]:
    return list(conn.execute(
        f"SELECT {_COLUMNS} FROM payment_records r LEFT JOIN cases c ON c.id = r.case_id "
        "WHERE r.sponsor_kvk = ?", (sponsor_kvk,)).fetchall())


def _refunds(conn: sqlite3.Connection, references: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for start in range(0, len(references), 500):
        chunk = references[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
                f"SELECT * FROM refunds WHERE payment_reference IN ({marks})", chunk):
            out[row["payment_reference"]] = row
    return out


def sweep(db: Database, sponsor_kvk: str, now: datetime) -> dict[str, datetime]:
    """Make the automatic refunds that have fallen due; say when the others will."""
    conn = db.read()
    rows = _sponsor_rows(conn, sponsor_kvk)
    refunded = set(_refunds(conn, [r["reference"] for r in rows]))
    due = automatic_refunds(rows, refunded)
    ripe = [d for d in due if d.at <= now]
    if ripe:
        with db.write() as wconn:
            wconn.executemany(
                "INSERT OR IGNORE INTO refunds VALUES (?, ?, ?, ?, ?)",
                [(_refund_reference(d.reference), d.reference, d.amount, d.reason.value,
                  iso(d.at)) for d in ripe])
    return {d.reference: d.at for d in due if d.at > now}


def refund_model(row: Any) -> Refund:
    return Refund(reference=row["reference"], payment_reference=row["payment_reference"],
                  amount_eur=row["amount"], reason=RefundReason(row["reason"]),
                  refunded_at=parse_iso(row["refunded_at"]))


def record(row: Any, refund: Any, scheduled: datetime | None, now: datetime) -> PaymentRecord:
    paid_at = parse_iso(row["paid_at"])
    collected = collected_at(row["method"], paid_at)
    if refund is not None:
        status = PaymentStatus.REFUNDED
    elif collected > now:
        status = PaymentStatus.PENDING
    else:
        status = PaymentStatus.PAID
    return PaymentRecord(
        reference=row["reference"], application_id=row["application_id"],
        zaaknummer=row["zaaknummer"], employee_name=row["employee_name"],
        type_id=row["type_id"], amount_eur=row["amount"], fee_year=row["fee_year"],
        method=PaymentMethod(row["method"]), status=status, paid_at=paid_at,
        collected_at=collected, paid_by_kvk=row["paid_by_kvk"],
        refund=refund_model(refund) if refund is not None else None,
        refund_due=scheduled.astimezone(AMSTERDAM).date()
        if scheduled is not None and refund is None else None,
    )


def records(db: Database, where: str, args: list[Any], scheduled: dict[str, datetime],
            now: datetime) -> list[PaymentRecord]:
    conn = db.read()
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM payment_records r LEFT JOIN cases c ON c.id = r.case_id "
        f"WHERE {where} ORDER BY r.paid_at DESC, r.seq DESC, r.reference", args).fetchall()
    refunds = _refunds(conn, [r["reference"] for r in rows])
    return [record(r, refunds.get(r["reference"]), scheduled.get(r["reference"]), now)
            for r in rows]


def refund(db: Database, reference: str, reason: RefundReason, now: datetime) -> Refund:
    """Refund one payment now (support staff). Refused if it was refunded already."""
    with db.write() as conn:
        row = conn.execute("SELECT reference, amount FROM payment_records WHERE reference=?",
                           (reference,)).fetchone()
        if row is None:
            raise PortalError(404, ErrorCode.NOT_FOUND, "no payment with this reference")
        inserted = conn.execute(
            "INSERT OR IGNORE INTO refunds VALUES (?, ?, ?, ?, ?)",
            (_refund_reference(reference), reference, row["amount"], reason.value, iso(now)),
        ).rowcount
        made = conn.execute("SELECT * FROM refunds WHERE payment_reference=?",
                            (reference,)).fetchone()
    if inserted != 1:
        raise PortalError(409, ErrorCode.ALREADY_REFUNDED, "this payment was refunded already",
                          {"refund": refund_model(made).model_dump(mode="json")})
    return refund_model(made)


# --- the demo world ---------------------------------------------------------------------------


def _fee(conn: sqlite3.Connection, type_id: str, year: int) -> int:
    group = TYPES_BY_ID[type_id].fee_group.value
    row = conn.execute("SELECT fee FROM fees WHERE fee_group=? AND year<=? ORDER BY year DESC "
                       "LIMIT 1", (group, year)).fetchone()
    return int(row["fee"]) if row is not None else 0


def seed_payments(conn: sqlite3.Connection, now: datetime, sponsor: str, seed: int) -> None:
    """The fee of every demo case (sponsors mostly pay by direct debit), and two payments
    for submissions that never arrived: one refunded already, one whose refund is due."""
    rng = random.Random(seed)
    rows = conn.execute(
        "SELECT id, sponsor_kvk, submitted_by_kvk, type_id, employee_name, submitted_at "
        "FROM cases WHERE paper = 0 ORDER BY id").fetchall()
    values: list[tuple[Any, ...]] = []
    for r in rows:
        paid_at = parse_iso(r["submitted_at"])
        year = paid_at.astimezone(AMSTERDAM).year
        fee = _fee(conn, r["type_id"], year)
        if fee == 0:
            continue
        method = "direct_debit" if rng.random() < 0.8 else "one_off"
        values.append((f"PAY-{rng.getrandbits(48):012X}", r["sponsor_kvk"],
                       r["submitted_by_kvk"], r["id"], r["type_id"], r["employee_name"], fee,
                       year, method, iso(paid_at)))
    people = [p["name"] for p in conn.execute(
        "SELECT name FROM employees WHERE sponsor_kvk=? ORDER BY id LIMIT 2", (sponsor,))]
    for name, days_ago, method in zip(people, (20, 2), ("one_off", "direct_debit"),
                                      strict=False):
        paid_at = now - timedelta(days=days_ago, hours=3)
        year = paid_at.astimezone(AMSTERDAM).year
        values.append((f"PAY-{rng.getrandbits(48):012X}", sponsor, sponsor, None,
                       "hsm_first_vvr", name, _fee(conn, "hsm_first_vvr", year), year, method,
                       iso(paid_at)))
    conn.executemany("INSERT INTO seeded_payments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     values)
