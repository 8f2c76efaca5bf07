"""The one SQLite migration runner: versioned steps in order, the version in `user_version`.

Step i (a script of SQL statements) moves a database from version i to i + 1; version 0 is a
new, empty file. Each step runs in a transaction of its own together with the version it
leads to, so a crash leaves the database at a version it really has. A shipped step is never
edited: a change is a new step at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path


class NewerSchema(RuntimeError):
    """The file was written by a newer version of the program (a step this one lacks)."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(f"schema {found} was written by a newer ind-tui; "
                         f"this version reads up to {known}")  # fmt: skip
        self.found, self.known = found, known


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def statements(script: str) -> list[str]:
    """The statements of a script, one by one: `executescript` would commit on its own, and
    a step must stay inside its transaction. A `;` inside a string literal stays put."""
    out: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\r\n;"):
                out.append(pending.strip())
            pending = ""
    if pending[:-1].strip():  # a last statement without its `;`
        out.append(pending[:-1].strip())
    return out


def migrate(conn: sqlite3.Connection, steps: Sequence[str]) -> int:
    """Run the steps `conn` has not had yet; returns the version it is at now.

    `conn` must be in autocommit mode (`isolation_level=None`): the runner opens and ends the
    transactions itself. Raises `NewerSchema` for a file a newer version wrote.
    """
    target = len(steps)
    version = user_version(conn)
    if version > target:
        raise NewerSchema(version, target)
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have just run this step.
            version = user_version(conn)
            if version > target:
                raise NewerSchema(version, target)
            if version < target:
                for statement in statements(steps[version]):
                    conn.execute(statement)
                version += 1
                conn.execute(f"PRAGMA user_version={version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return version


def open_private(path: Path, steps: Sequence[str], *, name: str, check: bool = False
                 ) -> sqlite3.Connection:  # fmt: skip
    """One of ind-tui's own SQLite files, for this user only (the file, its -wal and -shm),
    in WAL mode, brought to the version of `steps`. A damaged file (`check`: SQLite's quick
    check) or one of a newer version raises `sqlite3.DatabaseError` naming `name`, so the
    caller may set it aside and start afresh (what it keeps comes again from the portal)."""
    from ind_tui.base.atomic import private_file

    for side in ("", "-wal", "-shm"):  # SQLite gives -wal and -shm the database's mode
        private_file(path.with_name(path.name + side), create=not side)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        if check:
            found = conn.execute("PRAGMA quick_check").fetchone()
            if found is None or found[0] != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {found}")
        try:
            migrate(conn, steps)
        except NewerSchema as exc:
            raise sqlite3.DatabaseError(f"unknown {name} schema {exc.found}") from exc
    except BaseException:
        conn.close()
        raise
    return conn
