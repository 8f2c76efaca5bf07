"""A filing process is SIGKILLed after its payment was made on the portal and before it
learnt so; a new process reconciles and ends DONE, and nothing is paid twice.

Three processes: the portal (`ind-tui sandbox serve` on a socket), the first filer (killed)
and the second (resuming). The payment's answers are cut off and the check that would follow
hangs (for longer than the kill takes), so the first filer is certain to die between
payment and receipt."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from ind_tui.local.drafts.bundle import read_bundle
from ind_tui.services.filing import FilingStage
from tests.test_filing import HSM, make_draft

ADMIN_TOKEN = "kill-test-admin"
ADMIN = {"X-Sandbox-Admin-Token": ADMIN_TOKEN}
API = "/api/v1"

FILER = r"""
import asyncio, json, sys
from pathlib import Path
from ind_tui.services.filing import Filing
from ind_tui.local.drafts.session import DraftSession
from ind_tui.local.drafts.store import DocumentStore
from ind_tui.client.client import PortalClient
from ind_tui.api.payments import PaymentMethod
from ind_tui.client.retry import RetryPolicy
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.client.transport import Timeouts

url, token, draft, store, mode = sys.argv[1:6]

def say(**what):
    print(json.dumps(what), flush=True)

async def no_wait(seconds):
    return None

async def main():
    retry = RetryPolicy(attempts=3, total_seconds=60, wait_initial=0, wait_max=0,
                        wait_jitter=0, max_retry_after=1, in_progress_wait=0.05)
    async with PortalClient(url, retry=retry, timeouts=Timeouts(connect=5, read=120)) as client:
        device = await client.start_login()
        await SandboxAdmin(client.http, token).approve(device.user_code, "sponsor-eh3")
        await client.finish_login(device, sleep=no_wait)
        filing = Filing(client, DraftSession.open(Path(draft), DocumentStore(Path(store))))
        if mode == "resume":
            found = await filing.reconcile()
            say(reconciled=filing.stage.value, found=found is not None)
        app = await filing.run(PaymentMethod.DIRECT_DEBIT,
                               lambda p: say(step=p.step, done=p.done))
        posts = [r.path for r in client.reqlog.records() if r.method == "POST"]
        say(stage=filing.stage.value, zaaknummer=app.receipt.zaaknummer, posts=posts)

asyncio.run(main())
"""


def _wait_for(what: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not what():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "served.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "ind_tui", "sandbox", "serve", "--port", "0", "--db", str(db),
         "--admin-token", ADMIN_TOKEN],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "IND_TUI_HOME": str(tmp_path / "server-home")},
    )
    try:
        assert proc.stdout is not None
        match = re.search(r"(http://127\.0\.0\.1:\d+)", proc.stdout.readline())
        assert match
        url = match.group(1)
        _wait_for(lambda: _answers(url))
        yield url, db
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:  # a request the killed filer left hanging
            proc.kill()
            proc.wait(10)


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}{API}/portal", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _filer(url: str, draft: Path, store: Path, mode: str, home: Path) -> subprocess.Popen[str]:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root), "IND_TUI_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-c", FILER, url, ADMIN_TOKEN, str(draft), str(store), mode],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_between_payment_and_receipt_reconciles_without_paying_again(
    served: tuple[str, Path], tmp_path: Path
) -> None:
    url, db = served
    session = make_draft(tmp_path)
    store = tmp_path / "store"
    with httpx.Client(base_url=url + API, headers=ADMIN, timeout=10) as admin:
        # the payment is made, its answers never arrive, and the check after it hangs
        admin.post("/sandbox/faults", json={"route": "applications.pay",
                                            "kind": "commit_then_drop"})
        admin.post("/sandbox/faults", json={"route": "applications.get", "kind": "latency",
                                            "latency_ms": 6_000})

        def check_hangs() -> bool:
            faults = admin.get("/sandbox/faults").json()["faults"]
            return any(f["route"] == "applications.get" and f["fired"] for f in faults)

        first = _filer(url, session.path, store, "file", tmp_path / "home-1")
        try:
            _wait_for(lambda: _count(db, "payments") == 1)
            _wait_for(check_hangs)  # the filer waits for the check: between pay and receipt
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        finally:
            if first.poll() is None:
                first.kill()
        assert first.returncode == -signal.SIGKILL
        assert first.stdout is not None
        told = [json.loads(line) for line in first.stdout.read().splitlines()]
        assert {"step": "pay", "done": 0} in told and {"step": "pay", "done": 1} not in told

        killed = read_bundle(session.path)
        assert killed.stage is FilingStage.SUBMITTED and killed.receipt is None
        assert killed.payment_key is not None and killed.answers == HSM
        admin.delete("/sandbox/faults")

    second = _filer(url, session.path, store, "resume", tmp_path / "home-2")
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err[-2000:]
    lines = [json.loads(line) for line in out.splitlines()]
    assert lines[0] == {"reconciled": "done", "found": True}
    final = lines[-1]
    assert final["stage"] == "done"
    # after logging in, one POST: the payment asked again under its kept key (the portal
    # answers with the payment made before the kill), no submission, no new payment
    assert final["posts"][-1:] == [f"/applications/{killed.application_id}/payment"]
    assert [p for p in final["posts"] if p.startswith("/applications")] == final["posts"][-1:]
    assert _count(db, "applications") == 1 and _count(db, "payments") == 1
    done = read_bundle(session.path)
    assert done.stage is FilingStage.DONE and done.payment_key == killed.payment_key
    with sqlite3.connect(db) as conn:
        reference, zaak = conn.execute(
            "SELECT p.reference, c.zaaknummer FROM payments p JOIN applications a "
            "ON a.id = p.application_id JOIN cases c ON c.id = a.case_id").fetchone()
    assert done.receipt is not None and done.receipt.payment_reference == reference
    assert done.receipt.zaaknummer == zaak == final["zaaknummer"]
