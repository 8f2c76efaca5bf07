"""The composition root: the one place that knows the client, the sandbox server and the UI.

The embedded sandbox runs as a child process (`ind-tui sandbox serve --embedded`), never in
the TUI's own process: FastAPI's imports and every request it serves would otherwise compete
with the UI for the interpreter lock. The child reports its address on its stdout and ends
when its stdin closes, so it cannot outlive the app even when the app is killed.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import selectors
import subprocess
import sys
import time
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ind_tui.base.atomic import private_file
from ind_tui.local.paths import log_dir, sandbox_db
from ind_tui.local.settings import Profile
from ind_tui.services.connect import ENV_ADMIN_TOKEN, Connection, connect

STARTUP_TIMEOUT = 60.0  # seconds; a first start creates and seeds the database


class SandboxStartError(RuntimeError):
    """The embedded sandbox did not come up; the message names its log file."""


@dataclass
class ChildSandbox:
    url: str
    admin_token: str
    process: subprocess.Popen[bytes]

    def stop(self, timeout: float = 5.0) -> None:
        if self.process.poll() is not None:
            return
        if self.process.stdin is not None:
            self.process.stdin.close()  # the child's cue to stop
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _read_ready_line(proc: subprocess.Popen[bytes], timeout: float) -> dict[str, Any]:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    buf = b""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while b"\n" not in buf:
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                raise SandboxStartError("the embedded sandbox did not report ready in time")
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                raise SandboxStartError("the embedded sandbox stopped while starting")
            buf += chunk
    data: dict[str, Any] = json.loads(buf.split(b"\n", 1)[0])
    return data


def start_child_sandbox(db_path: Path | None = None,
                        timeout: float = STARTUP_TIMEOUT) -> ChildSandbox:
    """Start the sandbox on 127.0.0.1 (a free port) in a child process; blocks until ready."""
    db = db_path or sandbox_db()
    token = secrets.token_urlsafe(24)
    log = log_dir() / "embedded-sandbox.log"
    env = dict(os.environ, **{ENV_ADMIN_TOKEN: token})  # not on the command line: ps shows it
    # Both hold names of the sandbox's people: private, like everything under data/ and log/
    # (SQLite keeps an existing database's mode and gives it to the -wal and -shm files).
    private_file(log)
    if db_path is None:
        private_file(db)
    with log.open("ab") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ind_tui", "sandbox", "serve", "--embedded",
             "--host", "127.0.0.1", "--port", "0", "--db", str(db)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=err, env=env,
        )
    try:
        ready = _read_ready_line(proc, timeout)
    except (SandboxStartError, ValueError) as exc:
        proc.kill()
        proc.wait()
        raise SandboxStartError(f"{exc} (see {log})") from exc
    return ChildSandbox(str(ready["url"]), token, proc)


async def start_embedded(db_path: Path | None = None) -> ChildSandbox:
    return await asyncio.to_thread(start_child_sandbox, db_path)


def connect_profile(profile: Profile, **kwargs: Any) -> AbstractAsyncContextManager[Connection]:
    """`connect` with the embedded sandbox available for profiles that ask for it."""
    return connect(profile, start_sandbox=start_embedded, **kwargs)
