"""The inbox's list as last read from the portal, per scope (`local.scope`, as the cases
cache): opening the inbox paints from it at once while the portal is asked again, and it is
what stays shown when the portal cannot be reached.

Only what the list shows is kept (each message as the portal sent it, without the letter's
document). A SQLite file of its own in the data folder: it is rebuilt from the portal at
every look, so a damaged or newer file is simply started afresh.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ind_tui.api.inbox import Message
from ind_tui.base.atomic import private_dir
from ind_tui.base.migrations import open_private

COPY_FILE = "inbox.db"
# The list's order (unread first, newest first) is the index's, so a first screenful is read
# without reading the rest.
_MIGRATIONS = ("""
CREATE TABLE messages (scope TEXT NOT NULL, id TEXT NOT NULL, unread INTEGER NOT NULL,
                       sent_at REAL NOT NULL, body TEXT NOT NULL,
                       PRIMARY KEY (scope, id)) WITHOUT ROWID;
CREATE INDEX messages_order ON messages (scope, unread DESC, sent_at DESC, id);
CREATE TABLE copies (scope TEXT PRIMARY KEY, total INTEGER NOT NULL,
                     fetched_at TEXT NOT NULL) WITHOUT ROWID
""",)


@dataclass(frozen=True)
class InboxCopy:
    """What was kept of one scope's inbox: the first messages in list order, how many the
    portal had, and when it was read (the portal's time)."""

    messages: list[Message]
    total: int
    fetched_at: datetime


class InboxCopyStore:
    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from ind_tui.local.paths import data_dir

            path = data_dir() / COPY_FILE
        self.path = path
        self._lock = threading.Lock()
        private_dir(path.parent)
        try:
            self._conn = self._connect()
        except sqlite3.DatabaseError:
            for side in ("", "-wal", "-shm"):
                path.with_name(path.name + side).unlink(missing_ok=True)
            self._conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        return open_private(self.path, _MIGRATIONS, name="inbox copy")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def read(self, scope: str, limit: int | None = None) -> InboxCopy | None:
        """The kept list of `scope` in list order (its first `limit` messages), or None when
        nothing was kept for it."""
        with self._lock:
            head = self._conn.execute("SELECT total, fetched_at FROM copies WHERE scope = ?",
                                      (scope,)).fetchone()
            if head is None:
                return None
            bodies = self._conn.execute(
                "SELECT body FROM messages WHERE scope = ? "
                "ORDER BY unread DESC, sent_at DESC, id LIMIT ?",
                (scope, -1 if limit is None else limit)).fetchall()
        return InboxCopy([Message.model_validate_json(b) for (b,) in bodies], int(head[0]),
                         datetime.fromisoformat(head[1]))

    def replace(self, scope: str, messages: Iterable[Message], total: int,
                fetched_at: datetime) -> None:
        """Keep `messages` as the whole list of `scope` (what was kept before goes)."""
        # One message once (the last of a list that has it twice is the newer state).
        latest = {m.id: m for m in messages}
        rows = [(scope, m.id, int(m.unread), m.sent_at.timestamp(), m.model_dump_json())
                for m in latest.values()]
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.execute("DELETE FROM messages WHERE scope = ?", (scope,))
                self._conn.executemany("INSERT INTO messages VALUES (?, ?, ?, ?, ?)", rows)
                self._conn.execute("INSERT OR REPLACE INTO copies VALUES (?, ?, ?)",
                                   (scope, total, fetched_at.isoformat()))
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def update(self, scope: str, message: Message) -> None:
        """One message as the portal now has it (read, answered), if it is kept."""
        with self._lock:
            self._conn.execute(
                "UPDATE messages SET unread = ?, sent_at = ?, body = ? WHERE scope = ? AND id = ?",
                (int(message.unread), message.sent_at.timestamp(), message.model_dump_json(),
                 scope, message.id))
