"""A scenario: the whole state of a sandbox as plain data (tables of rows, the clock), to dump
and to load again. `ind-tui sandbox scenario dump|load` write and read it as TOML.

Every table is in it but what only a running session needs (login codes, tokens, idempotency
records): a scenario is the world, not who is logged in to it. Rows are in a fixed order and a
NULL is an absent key, so dumping a loaded scenario gives the same file.
"""

from __future__ import annotations

import base64
import sqlite3
import time
from typing import Any

from ind_tui.sandbox.db import Database, iso, parse_iso, set_meta

FORMAT = 1
SESSION_TABLES = frozenset({"device_codes", "tokens", "idempotency"})
CLOCK_KEYS = ("clock_anchor", "clock_anchor_wall", "clock_running")


# What a row names that must be there: (table, column) → (table, column) it refers to.
REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("identities", "kvk"): ("companies", "kvk"),
    ("identities", "acting_for"): ("companies", "kvk"),
    ("recognitions", "kvk"): ("companies", "kvk"),
    ("authorisations", "agent_kvk"): ("companies", "kvk"),
    ("authorisations", "sponsor_kvk"): ("companies", "kvk"),
    ("employees", "sponsor_kvk"): ("companies", "kvk"),
    ("cases", "sponsor_kvk"): ("companies", "kvk"),
    ("case_events", "case_id"): ("cases", "id"),
    ("messages", "case_id"): ("cases", "id"),
    ("appointments", "case_id"): ("cases", "id"),
    ("documents", "case_id"): ("cases", "id"),
}


class ScenarioError(ValueError):
    """The scenario names a table, column or row this sandbox does not have, or is
    malformed; `table` and `row` (from 1) say where, when it is one row."""

    def __init__(self, message: str, table: str | None = None, row: int | None = None):
        super().__init__(message)
        self.table, self.row = table, row


def _check_references(data: dict[str, Any]) -> None:
    for (table, column), (target, key) in REFERENCES.items():
        rows = data.get(table)
        if not isinstance(rows, list):
            continue
        there = {r.get(key) for r in data.get(target, []) if isinstance(r, dict)}
        for number, row in enumerate(rows, 1):
            value = row.get(column) if isinstance(row, dict) else None
            if value is not None and value not in there:
                raise ScenarioError(f"{table} row {number}: {column} = {value!r}, but no "
                                    f"{target} has {key} = {value!r}", table, number)


def _tables(conn: sqlite3.Connection) -> dict[str, list[str]]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]  # fmt: skip
    return {n: [c[1] for c in conn.execute(f'PRAGMA table_info("{n}")')]
            for n in names if n not in SESSION_TABLES}


def _plain(value: Any) -> Any:
    return {"base64": base64.b64encode(value).decode()} if isinstance(value, bytes) else value


def _stored(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"base64"}:
        return base64.b64decode(value["base64"])
    if isinstance(value, dict | list):
        raise ScenarioError(f"a value must be a text, number or {{base64 = ...}}: {value!r}")
    return value


def dump(db: Database, now: str, running: bool) -> dict[str, Any]:
    """The state of `db`, with the portal time `now` (ISO) and whether the clock runs."""
    conn = db.read()
    out: dict[str, Any] = {"format": FORMAT, "clock": {"now": now, "running": running}}
    for table, columns in _tables(conn).items():
        order = ", ".join(f'"{c}"' for c in columns)
        rows = conn.execute(f'SELECT {order} FROM "{table}" ORDER BY {order}').fetchall()
        items = [{c: _plain(v) for c, v in zip(columns, row, strict=True) if v is not None}
                 for row in rows
                 if not (table == "meta" and row[0] in CLOCK_KEYS)]
        if items:
            out[table] = items
    return out


def load(db: Database, data: dict[str, Any]) -> None:
    """Replace the state of `db` with the scenario's (in one transaction: all or nothing)."""
    if data.get("format") != FORMAT:
        raise ScenarioError(f"format must be {FORMAT}")
    clock = data.get("clock")
    if not isinstance(clock, dict) or not isinstance(clock.get("now"), str):
        raise ScenarioError("clock: needs now = \"2026-11-02T08:00:00+00:00\"")
    try:
        now = iso(parse_iso(clock["now"]))
    except ValueError:
        raise ScenarioError(f"clock: now = {clock['now']!r} is not a time") from None
    _check_references(data)
    try:
        _replace(db, data, now, bool(clock.get("running")))
    except sqlite3.IntegrityError as exc:  # a row refers to one that is not there
        raise ScenarioError(str(exc)) from exc


def _replace(db: Database, data: dict[str, Any], now: str, running: bool) -> None:
    with db.write() as conn:
        tables = _tables(conn)
        unknown = sorted(set(data) - set(tables) - {"format", "clock"})
        if unknown:
            raise ScenarioError(f"no table {unknown[0]}; the tables: {', '.join(tables)}",
                                unknown[0])
        conn.execute("PRAGMA defer_foreign_keys=ON")
        for table, columns in tables.items():
            conn.execute(f'DELETE FROM "{table}"')
            rows = data.get(table, [])
            if not isinstance(rows, list):
                raise ScenarioError(f"{table}: a list of rows", table)
            for number, row in enumerate(rows, 1):
                if not isinstance(row, dict):
                    raise ScenarioError(f"{table} row {number}: not a table of values", table,
                                        number)
                extra = sorted(set(row) - set(columns))
                if extra:
                    raise ScenarioError(f"{table} row {number}: no column {extra[0]}; "
                                        f"the columns: {', '.join(columns)}", table, number)
                names = ", ".join(f'"{c}"' for c in row)
                marks = ", ".join("?" for _ in row)
                try:
                    values = [_stored(v) for v in row.values()]
                except ScenarioError as exc:
                    raise ScenarioError(f"{table} row {number}: {exc}", table, number) from None
                try:
                    conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
                except sqlite3.IntegrityError as exc:
                    raise ScenarioError(f"{table} row {number}: {exc}", table, number) from exc
        # A scenario written by hand may leave this out; the sandbox must not seed over it.
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('seeded', 'scenario')")
        set_meta(conn, "clock_anchor", now)
        set_meta(conn, "clock_anchor_wall", repr(time.time()))
        set_meta(conn, "clock_running", "1" if running else "0")
