"""SQLite storage for the sandbox: one file, WAL, schema versioned with `user_version`.

Route handlers run in a thread pool, so each thread gets its own connection; writers take
`BEGIN IMMEDIATE` so concurrent requests serialise instead of failing.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from ind_tui.base.atomic import private_file
from ind_tui.base.migrations import NewerSchema, migrate

# Each entry migrates from version i to i+1 (`base.migrations`). Never edit a shipped entry:
# append one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE companies (
        kvk TEXT PRIMARY KEY, name TEXT NOT NULL, recognised INTEGER NOT NULL,
        broken INTEGER NOT NULL DEFAULT 0,
        administration_address TEXT NOT NULL, postal_address TEXT NOT NULL,
        visiting_address TEXT NOT NULL
    );
    CREATE TABLE recognitions (
        kvk TEXT NOT NULL, purpose TEXT NOT NULL, since TEXT NOT NULL,
        PRIMARY KEY (kvk, purpose)
    );
    CREATE TABLE authorisations (
        agent_kvk TEXT NOT NULL, sponsor_kvk TEXT NOT NULL, registered INTEGER NOT NULL,
        since TEXT, PRIMARY KEY (agent_kvk, sponsor_kvk)
    );
    CREATE TABLE identities (
        name TEXT PRIMARY KEY, person_name TEXT NOT NULL, kvk TEXT NOT NULL,
        acting_for TEXT, level TEXT NOT NULL, has_service INTEGER NOT NULL,
        purpose TEXT NOT NULL
    );
    CREATE TABLE device_codes (
        device_code TEXT PRIMARY KEY, user_code TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL,
        expires_at TEXT NOT NULL, interval INTEGER NOT NULL, last_poll REAL,
        state TEXT NOT NULL, identity TEXT, error_code TEXT
    );
    CREATE TABLE tokens (
        token_hash TEXT PRIMARY KEY, kind TEXT NOT NULL, identity TEXT NOT NULL,
        family TEXT NOT NULL, expires_at TEXT NOT NULL, state TEXT NOT NULL
    );
    CREATE INDEX tokens_family ON tokens (family);
    CREATE TABLE employees (
        id TEXT PRIMARY KEY, sponsor_kvk TEXT NOT NULL, name TEXT NOT NULL,
        v_number TEXT NOT NULL, date_of_birth TEXT NOT NULL, nationality TEXT NOT NULL,
        purpose TEXT NOT NULL, start_date TEXT NOT NULL, permit_end TEXT,
        status TEXT NOT NULL, end_date TEXT, registered_by_kvk TEXT NOT NULL,
        UNIQUE (sponsor_kvk, v_number)
    );
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY, zaaknummer TEXT NOT NULL UNIQUE, sponsor_kvk TEXT NOT NULL,
        submitted_by_kvk TEXT NOT NULL, type_id TEXT NOT NULL, employee_name TEXT NOT NULL,
        v_number TEXT, submitted_at TEXT NOT NULL, receipt_date TEXT NOT NULL,
        paper INTEGER NOT NULL DEFAULT 0, listed_from TEXT,
        -- as of the last daily refresh (materialised from case_events)
        status TEXT, decision TEXT, decision_deadline TEXT, changed_at TEXT, completed_at TEXT,
        seen_at TEXT
    );
    CREATE INDEX cases_sponsor ON cases (sponsor_kvk, zaaknummer);
    CREATE INDEX cases_submitter ON cases (sponsor_kvk, submitted_by_kvk, zaaknummer);
    CREATE INDEX cases_seen ON cases (sponsor_kvk, seen_at);
    CREATE TABLE case_events (
        case_id INTEGER NOT NULL, at TEXT NOT NULL, status TEXT NOT NULL, decision TEXT,
        decision_deadline TEXT NOT NULL, completed_at TEXT, note TEXT,
        PRIMARY KEY (case_id, at)
    ) WITHOUT ROWID;
    CREATE TABLE applications (
        id TEXT PRIMARY KEY, sponsor_kvk TEXT NOT NULL, submitted_by_kvk TEXT NOT NULL,
        identity TEXT NOT NULL, type_id TEXT NOT NULL, body TEXT NOT NULL,
        fee INTEGER NOT NULL, fee_year INTEGER NOT NULL, status TEXT NOT NULL,
        created_at TEXT NOT NULL, idempotency_key TEXT NOT NULL, case_id INTEGER
    );
    CREATE INDEX applications_key ON applications (idempotency_key);
    CREATE TABLE payments (
        reference TEXT PRIMARY KEY, application_id TEXT NOT NULL UNIQUE,
        amount INTEGER NOT NULL, fee_year INTEGER NOT NULL, method TEXT NOT NULL,
        status TEXT NOT NULL, paid_at TEXT NOT NULL
    );
    CREATE TABLE idempotency (
        scope TEXT NOT NULL, key TEXT NOT NULL, body_hash TEXT NOT NULL, state TEXT NOT NULL,
        status_code INTEGER, response TEXT, created_at TEXT NOT NULL,
        PRIMARY KEY (scope, key)
    );
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, owner_kvk TEXT NOT NULL, case_id INTEGER, kind TEXT NOT NULL,
        title TEXT NOT NULL, filename TEXT NOT NULL, sha256 TEXT NOT NULL,
        size INTEGER NOT NULL, added_at TEXT NOT NULL, content BLOB NOT NULL
    );
    CREATE INDEX documents_case ON documents (case_id);
    CREATE TABLE fees (
        fee_group TEXT NOT NULL, year INTEGER NOT NULL, fee INTEGER NOT NULL,
        provisional INTEGER NOT NULL, PRIMARY KEY (fee_group, year)
    );
    CREATE TABLE notifications (
        reference TEXT PRIMARY KEY, kvk TEXT NOT NULL, kind TEXT NOT NULL,
        received_at TEXT NOT NULL, effective_date TEXT NOT NULL, payload TEXT NOT NULL
    );
    CREATE TABLE faults (
        id INTEGER PRIMARY KEY, route TEXT NOT NULL, kind TEXT NOT NULL,
        probability REAL NOT NULL, remaining INTEGER, latency_ms INTEGER NOT NULL,
        retry_after INTEGER NOT NULL, form_type TEXT, fired INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    """,
    # 1 -> 2: who uploaded a document (own KvK), so a staging upload is usable only by the
    # account that uploaded it, not by a representative of the same sponsor or vice versa.
    """
    ALTER TABLE documents ADD COLUMN uploaded_by_kvk TEXT;
    """,
    # 2 -> 3: the application a staged document was named in, so no second one can take it.
    """
    ALTER TABLE documents ADD COLUMN reserved_by TEXT;
    """,
    # 3 -> 4: employees (registration details, deregistration reason, late reports).
    # contract_end: the end of employment the sponsor recorded, so a deregistration can be
    # reminded of; the deregistration's reason, reference, moment and lateness are kept with
    # the employee; the index serves the paged list of a sponsor with 50,000 employees.
    """
    ALTER TABLE employees ADD COLUMN contract_end TEXT;
    ALTER TABLE employees ADD COLUMN end_reason TEXT;
    ALTER TABLE employees ADD COLUMN end_note TEXT;
    ALTER TABLE employees ADD COLUMN deregistered_at TEXT;
    ALTER TABLE employees ADD COLUMN deregistration_late INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE employees ADD COLUMN deregistration_reference TEXT;
    ALTER TABLE employees ADD COLUMN registered_at TEXT;
    CREATE INDEX employees_sponsor ON employees (sponsor_kvk, id);
    """,
    # 4 -> 5: messages (requests for information, decisions, letters) and their deadlines.
    # One message per case event that sends a letter (UNIQUE: a refresh that runs twice
    # delivers once). `requested` and `answer` are JSON; `base_deadline` is the decision
    # deadline before the request, from which the suspension is counted.
    """
    CREATE TABLE messages (
        id TEXT PRIMARY KEY, case_id INTEGER NOT NULL, event_at TEXT NOT NULL,
        kind TEXT NOT NULL, sent_at TEXT NOT NULL, deadline TEXT, base_deadline TEXT,
        decision_deadline TEXT, decision TEXT, requested TEXT NOT NULL DEFAULT '[]',
        read_at TEXT, answered_at TEXT, answered_by_kvk TEXT, answer TEXT,
        UNIQUE (case_id, event_at, kind)
    );
    CREATE INDEX messages_case ON messages (case_id, id);
    """,
    # 5 -> 6: appointments (locations, slots, bookings), payment history and refunds.
    # Slots are computed, not stored; a booking holds its slot id, and the partial unique
    # indexes make a double booking of one slot (or two live bookings of one case for one
    # purpose) impossible in SQLite itself, whatever the route code does.
    # seeded_payments: the fees the demo world's cases were paid with before the sandbox
    # started (the `payments` table holds only those paid through the API); payment_records
    # is both as one list (seq orders payments made within the same second). A refund is a
    # row of its own; UNIQUE: never two for one payment.
    """
    CREATE TABLE appointments (
        id TEXT PRIMARY KEY, sponsor_kvk TEXT NOT NULL, booked_by_kvk TEXT NOT NULL,
        case_id INTEGER NOT NULL, location_id TEXT NOT NULL, purpose TEXT NOT NULL,
        slot_id TEXT NOT NULL, starts_at TEXT NOT NULL, ends_at TEXT NOT NULL,
        status TEXT NOT NULL, booked_at TEXT NOT NULL, changed_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX appointments_one_per_slot ON appointments (slot_id)
        WHERE status = 'booked';
    CREATE UNIQUE INDEX appointments_one_per_visit ON appointments (case_id, purpose)
        WHERE status = 'booked';
    CREATE INDEX appointments_case ON appointments (case_id, starts_at);
    CREATE TABLE seeded_payments (
        reference TEXT PRIMARY KEY, sponsor_kvk TEXT NOT NULL, paid_by_kvk TEXT NOT NULL,
        case_id INTEGER, type_id TEXT NOT NULL, employee_name TEXT NOT NULL,
        amount INTEGER NOT NULL, fee_year INTEGER NOT NULL, method TEXT NOT NULL,
        paid_at TEXT NOT NULL
    );
    CREATE TABLE refunds (
        reference TEXT PRIMARY KEY, payment_reference TEXT NOT NULL UNIQUE,
        amount INTEGER NOT NULL, reason TEXT NOT NULL, refunded_at TEXT NOT NULL
    );
    CREATE VIEW payment_records AS
        SELECT p.reference AS reference, p.application_id AS application_id,
               a.sponsor_kvk AS sponsor_kvk, a.submitted_by_kvk AS paid_by_kvk,
               a.case_id AS case_id, a.type_id AS type_id,
               COALESCE(json_extract(a.body, '$.employee.name'), '') AS employee_name,
               json_extract(a.body, '$.employee.date_of_birth') AS date_of_birth,
               p.amount AS amount, p.fee_year AS fee_year, p.method AS method,
               p.paid_at AS paid_at, p.rowid AS seq
        FROM payments p JOIN applications a ON a.id = p.application_id
        UNION ALL
        SELECT reference, NULL, sponsor_kvk, paid_by_kvk, case_id, type_id, employee_name,
               NULL, amount, fee_year, method, paid_at, 0
        FROM seeded_payments
    """,
    # 6 -> 7: the inbox at agency scale. Unread messages newest first without sorting them
    # all; the counts read from indexes alone (which cases a login sees, which messages of a
    # case are unread) instead of a row lookup per case and message.
    """
    CREATE INDEX messages_unread ON messages (read_at, id);
    CREATE INDEX messages_case_read ON messages (case_id, read_at);
    CREATE INDEX cases_visible ON cases (sponsor_kvk, paper, listed_from, submitted_by_kvk, id);
    """,
)


def iso(dt: datetime) -> str:
    """One sortable text form for every stored instant (UTC, seconds)."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


class Database:
    def __init__(self, path: Path) -> None:
        self.path = path
        # Test data, but support staff load reproductions into it: this user's only, like
        # everything ind-tui keeps (a folder it makes is 0700; a given one is left as it is).
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        private_file(path)
        self._local = threading.local()
        self._migrate()

    def connect(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=10000")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
        return conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; rolled back on any exception."""
        conn = self.connect()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def read(self) -> sqlite3.Connection:
        return self.connect()

    def _migrate(self) -> None:
        try:
            migrate(self.connect(), MIGRATIONS)
        except NewerSchema as exc:
            raise RuntimeError(f"{self.path}: {exc}") from exc

    def get_meta(self, key: str) -> str | None:
        row = self.read().execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def next_counter(self, conn: sqlite3.Connection, name: str, start: int) -> int:
        row = conn.execute("SELECT value FROM counters WHERE name=?", (name,)).fetchone()
        value = start if row is None else int(row[0]) + 1
        conn.execute(
            "INSERT INTO counters (name, value) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET value=excluded.value",
            (name, value),
        )
        return value

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
        (key, value),
    )
