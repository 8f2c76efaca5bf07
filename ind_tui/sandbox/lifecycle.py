"""How a case moves: a whole life is planned at submission (deterministic from a seed) and
stored as dated events; the portal shows each case as of its last daily refresh.

submitted -> received -> in progress <-> more information requested -> decided
(granted / rejected / not considered) -> ready for collection -> closed; withdrawal is
possible before a decision.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ind_tui.api.cases import CaseStatus, Decision
from ind_tui.domain.forms.rules import COMPLETED_VISIBLE_DAYS, RECOGNISED_TARGET_DAYS
from ind_tui.sandbox.db import iso

INFO_REQUEST_EXTENSION_DAYS = 28  # the decision period is extended by the time given

NOTES = {
    CaseStatus.SUBMITTED: "application submitted",
    CaseStatus.RECEIVED: "receipt sent",
    CaseStatus.IN_PROGRESS: "assessment started",
    CaseStatus.INFO_REQUESTED: "more information requested",
    CaseStatus.DECIDED: "decision taken",
    CaseStatus.READY_FOR_COLLECTION: "residence document ready for collection",
    CaseStatus.CLOSED: "case closed",
    CaseStatus.WITHDRAWN: "application withdrawn",
}


@dataclass(frozen=True)
class Step:
    status: CaseStatus
    after: timedelta  # since the previous step
    decision: Decision | None = None


def _days(rng: random.Random, low: float, high: float) -> timedelta:
    # Whole minutes keep event times unique and readable.
    return timedelta(minutes=int(rng.uniform(low, high) * 24 * 60))


def plan_steps(rng: random.Random, decision_days: int, recognised: bool) -> list[Step]:
    """One plausible life for a newly submitted case."""
    steps = [
        Step(CaseStatus.SUBMITTED, timedelta(0)),
        Step(CaseStatus.RECEIVED, timedelta(hours=1)),
        Step(CaseStatus.IN_PROGRESS, _days(rng, 1, 4)),
    ]
    if rng.random() < 0.2:
        steps.append(Step(CaseStatus.INFO_REQUESTED, _days(rng, 3, 10)))
        steps.append(Step(CaseStatus.IN_PROGRESS, _days(rng, 5, 25)))
    roll = rng.random()
    if roll < 0.03:
        steps.append(Step(CaseStatus.WITHDRAWN, _days(rng, 2, 15)))
        return steps
    target = RECOGNISED_TARGET_DAYS if recognised else max(decision_days - 10, 10)
    decision = (
        Decision.GRANTED if roll < 0.88 else Decision.REJECTED if roll < 0.97
        else Decision.NOT_CONSIDERED
    )
    steps.append(Step(CaseStatus.DECIDED, _days(rng, target * 0.4, target * 1.3), decision))
    if decision is Decision.GRANTED:
        steps.append(Step(CaseStatus.READY_FOR_COLLECTION, _days(rng, 2, 7)))
        steps.append(Step(CaseStatus.CLOSED, _days(rng, 10, 30)))
    else:
        steps.append(Step(CaseStatus.CLOSED, _days(rng, 28, 42)))
    return steps


EventRow = tuple[int, str, str, str | None, str, str | None, str]


def events_for(
    case_id: int, submitted_at: datetime, receipt_deadline: date, steps: Sequence[Step]
) -> list[EventRow]:
    """Dated event rows: each carries the deadline and completion as of that moment."""
    rows: list[EventRow] = []
    at = submitted_at
    deadline = receipt_deadline
    completed: str | None = None
    decision: Decision | None = None
    for step in steps:
        at = at + step.after
        if step.status is CaseStatus.INFO_REQUESTED:
            deadline = deadline + timedelta(days=INFO_REQUEST_EXTENSION_DAYS)
        if step.status in (CaseStatus.DECIDED, CaseStatus.WITHDRAWN) and completed is None:
            completed = iso(at)
        if step.decision is not None:
            decision = step.decision
        note = NOTES[step.status]
        if step.status is CaseStatus.INFO_REQUESTED:
            note = f"{note}; decision period extended by {INFO_REQUEST_EXTENSION_DAYS} days"
        rows.append(
            (case_id, iso(at), step.status.value, decision.value if decision else None,
             deadline.isoformat(), completed, note)
        )
    return rows


def insert_events(conn: sqlite3.Connection, rows: Sequence[EventRow]) -> None:
    conn.executemany(
        "INSERT INTO case_events (case_id, at, status, decision, decision_deadline, "
        "completed_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def materialise(conn: sqlite3.Connection, previous: datetime | None, refresh_at: datetime) -> int:
    """Bring every case to its state as of `refresh_at` (the daily refresh). Returns how many
    cases changed. `seen_at` records the refresh at which a change became visible, so an
    incremental sync (`changed_since`) never misses one."""
    from ind_tui.sandbox.messages import deliver  # letters first: a request bends the plan

    deliver(conn, previous, refresh_at)
    r = iso(refresh_at)
    cur = conn.execute(
        """
        UPDATE cases SET status = e.status, decision = e.decision,
            decision_deadline = e.decision_deadline, changed_at = e.at,
            completed_at = e.completed_at, seen_at = :r
        FROM (
            SELECT ce.case_id, ce.at, ce.status, ce.decision, ce.decision_deadline,
                   ce.completed_at
            FROM case_events ce
            JOIN (SELECT case_id, MAX(at) AS m FROM case_events WHERE at <= :r
                  GROUP BY case_id) latest
              ON ce.case_id = latest.case_id AND ce.at = latest.m
        ) AS e
        WHERE cases.id = e.case_id AND (cases.changed_at IS NULL OR cases.changed_at <> e.at)
        """,
        {"r": r},
    )
    changed = cur.rowcount
    # Cases that became listed at this refresh (new, or out of manual processing) are news too.
    low = iso(previous) if previous is not None else ""
    conn.execute(
        "UPDATE cases SET seen_at = :r WHERE listed_from > :low AND listed_from <= :r",
        {"r": r, "low": low},
    )
    return changed


def visible_since(refresh_at: datetime) -> str:
    """Completed cases completed after this instant are still listed."""
    return iso(refresh_at - timedelta(days=COMPLETED_VISIBLE_DAYS))
