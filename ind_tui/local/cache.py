"""Local cache and archive (SQLite in the user data dir), readable offline.

Per scope (a portal, a profile and the company it acts for: `local.scope`): the last known
cases, employees, account and "me", each with when it was fetched (portal clock). A case
that leaves the portal's list (28 days after completion) stays here, marked archived. A
damaged file is set aside, a new one is started and `rebuilt_from` tells the UI so it can
tell the user.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from ind_tui.api.cases import CaseDetail, CaseStatus, CaseSummary, Decision
from ind_tui.api.employees import Employee
from ind_tui.base.atomic import private_dir
from ind_tui.base.migrations import open_private
from ind_tui.domain.cases import RawCase
from ind_tui.local.archive import SHOWN_STATUS, CaseArchive
from ind_tui.local.archive import iso_utc as _iso

CACHE_FILE = "cache.db"
M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

_SCHEMA = """
CREATE TABLE meta (scope TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                   PRIMARY KEY (scope, key)) WITHOUT ROWID;
CREATE TABLE cases (
    scope TEXT NOT NULL, zaaknummer TEXT NOT NULL, employee_name TEXT NOT NULL,
    v_number TEXT, type_id TEXT NOT NULL, status TEXT NOT NULL, decision TEXT,
    submitted_at TEXT NOT NULL, decision_deadline TEXT NOT NULL, changed_at TEXT NOT NULL,
    completed_at TEXT, fetched_at TEXT NOT NULL, archived_at TEXT,
    PRIMARY KEY (scope, zaaknummer)) WITHOUT ROWID;
CREATE TABLE case_details (scope TEXT NOT NULL, zaaknummer TEXT NOT NULL, body TEXT NOT NULL,
                           fetched_at TEXT NOT NULL, PRIMARY KEY (scope, zaaknummer)) WITHOUT ROWID;
CREATE TABLE employees (scope TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
                        status TEXT NOT NULL, body TEXT NOT NULL, fetched_at TEXT NOT NULL,
                        PRIMARY KEY (scope, id)) WITHOUT ROWID;
CREATE TABLE snapshots (scope TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL,
                        fetched_at TEXT NOT NULL, PRIMARY KEY (scope, kind)) WITHOUT ROWID
"""

# Version 2: the status of each case as the user last looked at it (what changed since),
# and an index so the list reads in "last change" order without sorting.
_SCHEMA_2 = """
CREATE TABLE case_seen (scope TEXT NOT NULL, zaaknummer TEXT NOT NULL, status TEXT NOT NULL,
                        PRIMARY KEY (scope, zaaknummer)) WITHOUT ROWID;
CREATE INDEX cases_changed ON cases (scope, changed_at)
"""
# Version 3: scopes name the portal too (`local.scope`). Older rows' portal is not known (a
# `--portal` run wrote under the profile's scope): dropped, the next sync refills the cache.
_SCHEMA_3 = """
DELETE FROM meta; DELETE FROM cases; DELETE FROM case_details; DELETE FROM employees;
DELETE FROM snapshots; DELETE FROM case_seen
"""
# Version 4: when the portal last answered for an archived case (`local.archive`).
_SCHEMA_4 = "ALTER TABLE cases ADD COLUMN answered_at TEXT"
_MIGRATIONS = (_SCHEMA, _SCHEMA_2, _SCHEMA_3, _SCHEMA_4)  # step i moves version i to i + 1

_LIST_INDEX = "CREATE INDEX IF NOT EXISTS cases_changed ON cases (scope, changed_at)"

_CASE_COLUMNS = (
    "zaaknummer, employee_name, v_number, type_id, status, decision, submitted_at, "
    "decision_deadline, changed_at, completed_at"
)
_KEPT_COLUMNS = f"{_CASE_COLUMNS}, fetched_at, archived_at, answered_at"


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass(frozen=True)
class CachedCase:
    case: CaseSummary
    fetched_at: datetime
    archived_at: datetime | None
    answered_at: datetime | None = None  # the portal answered for it since (local.archive)

    @property
    def archived(self) -> bool:
        return self.archived_at is not None


@dataclass(frozen=True)
class Cached(Generic[T]):
    value: T
    fetched_at: datetime


@dataclass(frozen=True)
class SyncState:
    etag: str | None = None
    as_of: datetime | None = None  # the next changed_since
    last_refresh: datetime | None = None
    last_sync: datetime | None = None
    last_full_sync: datetime | None = None


class LocalCache(CaseArchive):
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from ind_tui.local.paths import data_dir

            path = data_dir() / CACHE_FILE
        self.path = path
        self.rebuilt_from: Path | None = None  # set when a damaged file was set aside
        self._lock = threading.RLock()
        self._conn = self._open()

    # --- opening, and recovering from a damaged file -----------------------------------------

    def _open(self) -> sqlite3.Connection:
        private_dir(self.path.parent)
        try:
            return self._connect()
        except sqlite3.DatabaseError as exc:
            self._set_aside(str(exc))
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        # A cache is rebuilt from the portal: a damaged or newer file is set aside.
        conn = open_private(self.path, _MIGRATIONS, name="cache", check=True)
        try:
            conn.execute(_LIST_INDEX)  # back, if a first fill was cut off (`start_fill`)
        except BaseException:
            conn.close()
            raise
        return conn

    def _set_aside(self, reason: str) -> None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        self.path.replace(target)
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                side.replace(target.with_name(target.name + suffix))
        self.rebuilt_from = target

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _rows(self, sql: str, args: Iterable[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            cur = self._conn.execute(sql, tuple(args))
            cur.row_factory = sqlite3.Row
            return cur.fetchall()

    # --- sync bookkeeping ------------------------------------------------------------------

    def sync_state(self, scope: str, kind: str = "cases") -> SyncState:
        rows = self._rows("SELECT key, value FROM meta WHERE scope=? AND key LIKE ?",
                          (scope, f"{kind}.%"))  # fmt: skip
        values = {r["key"].split(".", 1)[1]: r["value"] for r in rows}
        return SyncState(
            etag=values.get("etag"), as_of=_dt(values.get("as_of")),
            last_refresh=_dt(values.get("last_refresh")), last_sync=_dt(values.get("last_sync")),
            last_full_sync=_dt(values.get("last_full_sync")),
        )  # fmt: skip

    def set_sync_state(self, scope: str, state: SyncState, kind: str = "cases") -> None:
        values = {
            "etag": state.etag, "as_of": state.as_of, "last_refresh": state.last_refresh,
            "last_sync": state.last_sync, "last_full_sync": state.last_full_sync,
        }  # fmt: skip
        with self._tx() as conn:
            for key, value in values.items():
                if value is None:
                    conn.execute(
                        "DELETE FROM meta WHERE scope=? AND key=?", (scope, f"{kind}.{key}")
                    )
                    continue
                text = _iso(value) if isinstance(value, datetime) else value
                conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?, ?)",
                             (scope, f"{kind}.{key}", text))  # fmt: skip

    # --- cases -------------------------------------------------------------------------------

    def upsert_cases(self, scope: str, cases: Iterable[CaseSummary], fetched_at: datetime) -> int:
        """Store cases as the portal lists them now; a listed case is never archived."""
        at = _iso(fetched_at)
        rows = [  # `_value_`: the enum's value without its descriptor (per case, at 100,000)
            (scope, c.zaaknummer, c.employee_name, c.v_number, c.type_id, c.status._value_,
             c.decision._value_ if c.decision else None, _iso(c.submitted_at),
             c.decision_deadline.isoformat(), _iso(c.changed_at),
             _iso(c.completed_at) if c.completed_at else None, at)
            for c in cases
        ]  # fmt: skip
        with self._tx() as conn:
            conn.executemany(
                f"INSERT OR REPLACE INTO cases (scope, {_CASE_COLUMNS}, fetched_at, archived_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)", rows,
            )  # fmt: skip
        return len(rows)

    def start_fill(self, scope: str) -> bool:
        """Before a full listing into an empty scope: the list's index is left out until
        `end_fill` (100,000 cases go in three times faster). True when it did so."""
        with self._lock:
            if self.count_cases(scope, archived=None):
                return False
            self._conn.execute("DROP INDEX IF EXISTS cases_changed")
            return True

    def end_fill(self) -> None:
        """After `start_fill`, also when the listing failed (and at every open)."""
        with self._lock:
            self._conn.execute(_LIST_INDEX)

    def count_cases(self, scope: str, *, archived: bool | None = False) -> int:
        where = {None: "", False: " AND archived_at IS NULL", True: " AND archived_at IS NOT NULL"}
        rows = self._rows(f"SELECT COUNT(*) AS n FROM cases WHERE scope=?{where[archived]}",
                          (scope,))  # fmt: skip
        return int(rows[0]["n"])

    def cases(
        self, scope: str, *, status: CaseStatus | None = None, archived: bool | None = None
    ) -> list[CachedCase]:
        """Cases by zaaknummer; `archived` None = all, False = still listed, True = archive."""
        sql = f"SELECT {_KEPT_COLUMNS} FROM cases WHERE scope=?"
        args: list[Any] = [scope]
        if status is not None:
            sql += " AND status=?"
            args.append(status.value)
        if archived is not None:
            sql += " AND archived_at IS NOT NULL" if archived else " AND archived_at IS NULL"
        return [_cached_case(r) for r in self._rows(sql + " ORDER BY zaaknummer", args)]

    def case(self, scope: str, zaaknummer: str) -> CachedCase | None:
        rows = self._rows(
            f"SELECT {_KEPT_COLUMNS} FROM cases "
            "WHERE scope=? AND zaaknummer=?", (scope, zaaknummer),
        )  # fmt: skip
        return _cached_case(rows[0]) if rows else None

    def save_case_detail(self, scope: str, detail: CaseDetail, fetched_at: datetime) -> None:
        with self._tx() as conn:
            conn.execute("INSERT OR REPLACE INTO case_details VALUES (?, ?, ?, ?)",
                         (scope, detail.zaaknummer, detail.model_dump_json(), _iso(fetched_at)))

    def case_detail(self, scope: str, zaaknummer: str) -> Cached[CaseDetail] | None:
        rows = self._rows("SELECT body, fetched_at FROM case_details WHERE scope=? "
                          "AND zaaknummer=?", (scope, zaaknummer))  # fmt: skip
        if not rows:
            return None
        detail = CaseDetail.model_validate_json(rows[0]["body"])
        return Cached(detail, datetime.fromisoformat(rows[0]["fetched_at"]))

    # --- the list as the screen reads it, and what the user has seen -------------------------

    def case_rows(self, scope: str, *, limit: int | None = None) -> list[RawCase]:
        """Cached cases as plain values (100,000 read in about a tenth of a second), in the
        order `domain.cases.case_rows` makes rows of (`RawCase`). With `limit`, the most
        recently changed ones (a first screenful, through the index in a millisecond);
        without, in no particular order: sorting in Python is far cheaper than SQLite's
        ORDER BY on the whole table."""
        sql = (  # the status as shown: an archived case's is its last true state
            f"SELECT zaaknummer, employee_name, v_number, type_id, {SHOWN_STATUS}, decision, "
            "submitted_at, decision_deadline, changed_at, archived_at FROM cases c "
            "WHERE scope = ?"
        )
        args: tuple[Any, ...] = (scope,)
        if limit is not None:
            sql += " ORDER BY changed_at DESC LIMIT ?"
            args = (scope, limit)
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def seen_statuses(self, scope: str, zaaknummers: Iterable[str] | None = None
                      ) -> dict[str, str]:  # fmt: skip
        """The status each case had when the user last looked (all, or just these)."""
        with self._lock:
            if zaaknummers is None:
                rows = self._conn.execute(
                    "SELECT zaaknummer, status FROM case_seen WHERE scope = ?", (scope,)
                ).fetchall()
            else:
                rows = [r for z in zaaknummers for r in self._conn.execute(
                    "SELECT zaaknummer, status FROM case_seen WHERE scope = ? AND zaaknummer = ?",
                    (scope, z))]  # fmt: skip
        return dict(rows)

    def looked_at(self, scope: str) -> datetime | None:
        """When the user last left the cases list (None: never)."""
        rows = self._rows("SELECT value FROM meta WHERE scope=? AND key='cases.looked_at'",
                          (scope,))  # fmt: skip
        return _dt(rows[0]["value"]) if rows else None

    def mark_seen(
        self, scope: str, seen: Iterable[tuple[str, str]], at: datetime | None = None
    ) -> int:
        """Record (zaaknummer, status) pairs as looked at; with `at`, the whole list was."""
        pairs = [(scope, z, s) for z, s in seen]
        with self._tx() as conn:
            conn.executemany("INSERT OR REPLACE INTO case_seen VALUES (?, ?, ?)", pairs)
            if at is not None:
                conn.execute("INSERT OR REPLACE INTO meta VALUES (?, 'cases.looked_at', ?)",
                             (scope, _iso(at)))  # fmt: skip
        return len(pairs)

    def count_changed(self, scope: str) -> int:
        """Cases whose status differs from the one last looked at, new ones included; 0 when
        the list was never looked at (then nothing is news yet)."""
        if self.looked_at(scope) is None:
            return 0
        rows = self._rows(
            "SELECT COUNT(*) AS n FROM cases c LEFT JOIN case_seen s "
            "ON s.scope = c.scope AND s.zaaknummer = c.zaaknummer "
            f"WHERE c.scope = ? AND (s.status IS NULL OR s.status <> {SHOWN_STATUS})", (scope,),
        )  # fmt: skip
        return int(rows[0]["n"])

    # --- employees and snapshots -------------------------------------------------------------

    def replace_employees(self, scope: str, employees: Iterable[Employee], at: datetime) -> int:
        rows = [(scope, e.id, e.name, e.status.value, e.model_dump_json(), _iso(at))
                for e in employees]  # fmt: skip
        with self._tx() as conn:
            conn.execute("DELETE FROM employees WHERE scope=?", (scope,))
            conn.executemany("INSERT INTO employees VALUES (?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def employees(self, scope: str) -> list[Cached[Employee]]:
        rows = self._rows("SELECT body, fetched_at FROM employees WHERE scope=? ORDER BY name, id",
                          (scope,))  # fmt: skip
        return [Cached(Employee.model_validate_json(r["body"]),
                       datetime.fromisoformat(r["fetched_at"])) for r in rows]  # fmt: skip

    def save_snapshot(self, scope: str, kind: str, value: BaseModel, at: datetime) -> None:
        with self._tx() as conn:
            conn.execute("INSERT OR REPLACE INTO snapshots VALUES (?, ?, ?, ?)",
                         (scope, kind, value.model_dump_json(), _iso(at)))

    def snapshot(self, scope: str, kind: str, model: type[M]) -> Cached[M] | None:
        rows = self._rows("SELECT body, fetched_at FROM snapshots WHERE scope=? AND kind=?",
                          (scope, kind))  # fmt: skip
        if not rows:
            return None
        return Cached(model.model_validate_json(rows[0]["body"]),
                      datetime.fromisoformat(rows[0]["fetched_at"]))  # fmt: skip

    def scopes(self) -> list[str]:
        rows = self._rows("SELECT DISTINCT scope FROM meta UNION SELECT DISTINCT scope FROM cases")
        return [r[0] for r in rows]

    def forget(self, scope: str) -> None:
        with self._tx() as conn:
            for table in ("meta", "cases", "case_details", "employees", "snapshots", "case_seen"):
                conn.execute(f"DELETE FROM {table} WHERE scope=?", (scope,))


def _cached_case(row: sqlite3.Row) -> CachedCase:
    # model_construct: these rows were validated when they came from the portal, and
    # reading 100,000 of them for a list must stay fast.
    case = CaseSummary.model_construct(
        zaaknummer=row["zaaknummer"], employee_name=row["employee_name"],
        v_number=row["v_number"], type_id=row["type_id"], status=CaseStatus(row["status"]),
        decision=Decision(row["decision"]) if row["decision"] else None,
        submitted_at=datetime.fromisoformat(row["submitted_at"]),
        decision_deadline=date.fromisoformat(row["decision_deadline"]),
        changed_at=datetime.fromisoformat(row["changed_at"]),
        completed_at=_dt(row["completed_at"]),
    )  # fmt: skip
    return CachedCase(case, datetime.fromisoformat(row["fetched_at"]), _dt(row["archived_at"]),
                      _dt(row["answered_at"]))  # fmt: skip
