"""An advisory lock between processes of the same user (the TUI beside a cron job).

Used around token refresh: two processes rotating one refresh token at the same moment
would look like token theft to the portal, which then ends the session for both.
POSIX only (flock); elsewhere, and on any trouble, callers proceed unlocked.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import time
from collections.abc import AsyncIterator
from pathlib import Path

from ind_tui.base.atomic import private_dir


def _lock_path(name: str) -> Path:
    from ind_tui.local.paths import data_dir

    folder = private_dir(data_dir() / "locks")
    return folder / (re.sub(r"[^A-Za-z0-9_.-]", "_", name) + ".lock")


@contextlib.asynccontextmanager
async def process_lock(name: str, *, timeout: float = 10.0) -> AsyncIterator[bool]:
    """Hold the named lock; yields whether it was actually obtained (never raises for it)."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock
        yield False
        return
    try:
        fd = os.open(_lock_path(name), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield False
        return
    acquired = False
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                acquired = True
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    break  # a stuck holder must not stop this process for good
                await asyncio.sleep(0.02)
            except OSError:
                break
        yield acquired
    finally:
        if acquired:
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
