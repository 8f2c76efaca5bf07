"""The sandbox clock: the portal's notion of now, which only support staff and tests move.

Stored as an anchor (portal time at a wall-clock moment) so it survives restarts. A frozen
clock stands still until advanced; a running one ticks with the wall clock from its anchor.
The portal refreshes case data once a day at 06:00 Amsterdam time.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from ind_tui.sandbox.db import Database, iso, parse_iso, set_meta

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
REFRESH_HOUR = 6
DEFAULT_START = datetime(2026, 11, 2, 9, 0, tzinfo=AMSTERDAM)


def refresh_point(now: datetime) -> datetime:
    """The most recent daily refresh at or before `now`."""
    local = now.astimezone(AMSTERDAM)
    point = local.replace(hour=REFRESH_HOUR, minute=0, second=0, microsecond=0)
    if point > local:
        point -= timedelta(days=1)
        point = point.replace(hour=REFRESH_HOUR)  # stays 06:00 across a DST change
    return point.astimezone(UTC)


class SandboxClock:
    def __init__(self, db: Database, start: datetime = DEFAULT_START, running: bool = False):
        self._db = db
        self._lock = threading.Lock()
        anchor = db.get_meta("clock_anchor")
        if anchor is None:
            with db.write() as conn:
                set_meta(conn, "clock_anchor", iso(start))
                set_meta(conn, "clock_anchor_wall", repr(time.time()))
                set_meta(conn, "clock_running", "1" if running else "0")
        self._load()

    def _load(self) -> None:
        # One read, so a move by another process is seen whole or not at all.
        meta = dict(self._db.read().execute(
            "SELECT key, value FROM meta WHERE key IN "
            "('clock_anchor', 'clock_anchor_wall', 'clock_running')").fetchall())
        self._wall_text = meta.get("clock_anchor_wall")
        self._anchor = parse_iso(meta.get("clock_anchor") or iso(DEFAULT_START))
        self._anchor_wall = float(self._wall_text or time.time())
        self._running = (meta.get("clock_running") or "0") == "1"

    def _fresh(self) -> None:
        """Another process on this database (`ind-tui sandbox clock` beside a running TUI's
        sandbox) may have moved the clock: every move stores a new anchor moment."""
        if self._db.get_meta("clock_anchor_wall") != self._wall_text:
            self._load()

    @property
    def running(self) -> bool:
        with self._lock:
            self._fresh()
            return self._running

    def now(self) -> datetime:
        with self._lock:
            self._fresh()
            if not self._running:
                return self._anchor
            elapsed = int(max(0.0, time.time() - self._anchor_wall))  # whole seconds
            return self._anchor + timedelta(seconds=elapsed)

    def set(self, new_now: datetime, running: bool | None = None) -> datetime:
        """Move to `new_now` (never backwards: the portal's history would contradict itself)."""
        with self._lock:
            self._fresh()
            current = (
                self._anchor
                + timedelta(seconds=int(max(0.0, time.time() - self._anchor_wall)))
                if self._running
                else self._anchor
            )
            if new_now < current:
                raise ValueError("the sandbox clock cannot go backwards")
            keep_running = self._running if running is None else running
            wall = time.time()
            with self._db.write() as conn:
                set_meta(conn, "clock_anchor", iso(new_now))
                set_meta(conn, "clock_anchor_wall", repr(wall))
                set_meta(conn, "clock_running", "1" if keep_running else "0")
            self._anchor = new_now.astimezone(UTC).replace(microsecond=0)
            self._anchor_wall = wall
            self._wall_text = repr(wall)
            self._running = keep_running
            return self._anchor

    def advance(self, delta: timedelta) -> datetime:
        return self.set(self.now() + delta)
