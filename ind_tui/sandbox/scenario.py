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


class ScenarioError(ValueError):
    """The scenario names a table or a column this sandbox does not have, or is malformed."""


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
    try:
        _replace(db, data, now, bool(clock.get("running")))
    except sqlite3.IntegrityError as exc:  # a row refers to one that is not there
        raise ScenarioError(str(exc)) from exc


def _replace(db: Database, data: dict[str, Any], now: str, running: bool) -> None:
    with db.write() as conn:
        tables = _tables(conn)
        unknown = sorted(set(data) - set(tables) - {"format", "clock"})
        if unknown:
            raise ScenarioError(f"no table {unknown[0]}; the tables: {', '.join(tables)}")
        conn.execute("PRAGMA defer_foreign_keys=ON")
        for table, columns in tables.items():
            conn.execute(f'DELETE FROM "{table}"')
            rows = data.get(table, [])
            if not isinstance(rows, list):
                raise ScenarioError(f"{table}: a list of rows")
            for number, row in enumerate(rows, 1):
                if not isinstance(row, dict):
                    raise ScenarioError(f"{table} row {number}: not a table of values")
                extra = sorted(set(row) - set(columns))
                if extra:
                    raise ScenarioError(f"{table} row {number}: no column {extra[0]}; "
                                        f"the columns: {', '.join(columns)}")
                names = ", ".join(f'"{c}"' for c in row)
                marks = ", ".join("?" for _ in row)
                try:
                    conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
                                 [_stored(v) for v in row.values()])
                except sqlite3.IntegrityError as exc:
                    raise ScenarioError(f"{table} row {number}: {exc}") from exc
        # A scenario written by hand may leave this out; the sandbox must not seed over it.
        conn.execute("INSERT OR IGNORE INTO meta VALUES ('seeded', 'scenario')")
        set_meta(conn, "clock_anchor", now)
        set_meta(conn, "clock_anchor_wall", repr(time.time()))
        set_meta(conn, "clock_running", "1" if running else "0")
