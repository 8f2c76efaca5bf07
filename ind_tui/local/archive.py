"""The local archive: cases the portal stopped listing, kept with their last true state.

A case leaves the portal's list 28 days after it was completed, so a case that left while
under way here was completed: it reads "completed" (`domain.cases.COMPLETED`) until the
portal answers for it (`GET /cases/{zaaknummer}`); then what it answers is its last true
state, shown as it is (`answered_at`). Part of `LocalCache` (its SQL on the same file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from ind_tui.api.cases import CaseSummary
from ind_tui.domain.cases import COMPLETED, FINAL_STATUSES

COMPLETED_VISIBLE_DAYS = 28
_FINALS = ", ".join(repr(s) for s in sorted(FINAL_STATUSES))
# The status a row shows (`domain.cases.final_status`): an archived case is not under way,
# unless the portal itself still answers so for it.
SHOWN_STATUS = (
    f"(CASE WHEN c.archived_at IS NOT NULL AND c.answered_at IS NULL AND c.status NOT IN "
    f"({_FINALS}) THEN '{COMPLETED}' ELSE c.status END)"
)


@lru_cache(maxsize=1 << 16)
def iso_utc(moment: datetime) -> str:
    """An instant as the cache stores it. Kept: a sync writes two per case, and cases share
    their hours (the portal's refresh writes on the hour), so most come from here."""
    return moment.astimezone(UTC).isoformat()


class CaseArchive:
    """The archive's part of `LocalCache`, which gives it its transactions and reads."""

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _rows(self, sql: str, args: Iterable[Any] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def archive_missing(self, scope: str, at: datetime) -> int:
        """After a full listing, every case of which was stored with `at` as its fetch time:
        every case not stored then has left the portal. (Told by the fetch time rather than
        by a set of case numbers: at 100,000 cases the set costs a quarter of a second.)"""
        with self._tx() as conn:
            at_text = iso_utc(at)
            cur = conn.execute(
                "UPDATE cases SET archived_at=? WHERE scope=? AND archived_at IS NULL "
                "AND fetched_at <> ?", (at_text, scope, at_text),
            )  # fmt: skip
            return cur.rowcount

    def archive_expired(self, scope: str, last_refresh: datetime, at: datetime) -> int:
        """Completed cases past the 28 days the portal lists them for."""
        cutoff = last_refresh - timedelta(days=COMPLETED_VISIBLE_DAYS)
        with self._tx() as conn:
            cur = conn.execute(
                "UPDATE cases SET archived_at=? WHERE scope=? AND archived_at IS NULL "
                "AND completed_at IS NOT NULL AND completed_at <= ?",
                (iso_utc(at), scope, iso_utc(cutoff)),
            )
            return cur.rowcount

    def archived_unsettled(self, scope: str, at: datetime, limit: int) -> list[str]:
        """Cases archived at `at` whose last known status was still under way and that the
        portal has not answered for since."""
        marks = ", ".join("?" * len(FINAL_STATUSES))
        rows = self._rows(
            f"SELECT zaaknummer FROM cases WHERE scope=? AND archived_at=? AND "
            f"answered_at IS NULL AND status NOT IN ({marks}) LIMIT ?",
            (scope, iso_utc(at), *sorted(FINAL_STATUSES), limit),
        )  # fmt: skip
        return [r["zaaknummer"] for r in rows]

    def settle_archived(self, scope: str, case: CaseSummary, at: datetime) -> None:
        """The state the portal still gives (at `at`) for an archived case: shown as it is,
        also when under way; the case stays archived."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE cases SET status=?, decision=?, changed_at=?, completed_at=?, "
                "answered_at=? WHERE scope=? AND zaaknummer=? AND archived_at IS NOT NULL",
                (case.status.value, case.decision.value if case.decision else None,
                 iso_utc(case.changed_at),
                 iso_utc(case.completed_at) if case.completed_at else None, iso_utc(at),
                 scope, case.zaaknummer),
            )  # fmt: skip
