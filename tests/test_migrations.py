"""The one migration runner, for the sandbox database and the local cache alike."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ind_tui.base.migrations import NewerSchema, migrate, statements, user_version
from ind_tui.local.cache import LocalCache
from ind_tui.sandbox.db import MIGRATIONS, Database

STEPS = (
    "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL DEFAULT 'a;b');\n"
    "-- a comment between statements\n"
    "INSERT INTO notes (id) VALUES (1)",
    "ALTER TABLE notes ADD COLUMN seen INTEGER NOT NULL DEFAULT 0;",
)


def _open(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_steps_run_in_order_once_each(tmp_path: Path) -> None:
    conn = _open(tmp_path / "x.db")
    assert migrate(conn, STEPS[:1]) == 1
    assert conn.execute("SELECT text FROM notes").fetchall() == [("a;b",)]
    assert migrate(conn, STEPS) == 2 and user_version(conn) == 2
    assert migrate(conn, STEPS) == 2  # nothing left to run: the row is not inserted twice
    assert conn.execute("SELECT id, text, seen FROM notes").fetchall() == [(1, "a;b", 0)]


def test_a_failing_step_leaves_the_version_before_it(tmp_path: Path) -> None:
    conn = _open(tmp_path / "x.db")
    broken = (STEPS[0], "CREATE TABLE extra (a TEXT); INSERT INTO nowhere VALUES (1)")
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, broken)
    assert user_version(conn) == 1  # the first step is kept, the second not half done
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"notes"}
    assert migrate(conn, STEPS) == 2


def test_a_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    conn = _open(tmp_path / "x.db")
    conn.execute("PRAGMA user_version=7")
    with pytest.raises(NewerSchema) as caught:
        migrate(conn, STEPS)
    assert (caught.value.found, caught.value.known) == (7, 2)


def test_statements_split_on_semicolons_outside_literals() -> None:
    assert statements("SELECT ';'; SELECT 2;\n") == ["SELECT ';';", "SELECT 2;"]
    assert statements("SELECT 1") == ["SELECT 1;"]


def test_a_sandbox_database_of_an_older_schema_is_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "sandbox.db"
    conn = _open(path)
    migrate(conn, MIGRATIONS[:3])  # as an older sandbox left it
    conn.execute("INSERT INTO meta VALUES ('seeded', 'yes')")
    conn.close()
    db = Database(path)
    assert user_version(db.read()) == len(MIGRATIONS) == 7
    assert db.get_meta("seeded") == "yes"
    db.close()
    again = Database(path)  # a database at the current schema opens as it is
    assert again.get_meta("seeded") == "yes"
    again.close()


def test_the_sandbox_refuses_a_newer_database(tmp_path: Path) -> None:
    path = tmp_path / "sandbox.db"
    _open(path).execute(f"PRAGMA user_version={len(MIGRATIONS) + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        Database(path)


def test_a_cache_from_a_newer_version_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    _open(path).execute("PRAGMA user_version=99")
    cache = LocalCache(path)
    assert cache.rebuilt_from is not None and cache.rebuilt_from.exists()
    assert user_version(_open(path)) == 4  # rebuilt at this version's schema
    cache.close()
