"""Filing over a real socket (uvicorn in a thread): lost answers and a timeout at every step,
and a restart half-way, end in one application and one payment.

Over a socket a request the client gave up on keeps running on the server: below, the slow
first payment request is still there when the client's retry pays; when it wakes, it finds
its key done and only repeats the answer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ind_tui.client.client import PortalClient
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.client.transport import Timeouts
from ind_tui.sandbox.serve import start_embedded
from ind_tui.sandbox.state import SandboxConfig
from ind_tui.services.filing import Filing, FilingStage
from tests.client_fixtures import TEST_RETRY, memory_store
from tests.test_filing import DD, HSM, make_draft, reopen


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Any]:
    config = SandboxConfig(db_path=tmp_path / "s.db", admin_token="socket-admin",
                           device_interval=0)
    sb = start_embedded(config=config)
    try:
        yield sb
    finally:
        sb.stop()


async def test_filing_over_a_socket_with_faults_and_a_restart(
    sandbox: Any, tmp_path: Path
) -> None:
    store = memory_store()
    session = make_draft(tmp_path)
    # Answers may take long on a busy machine: only the slowed payment below is meant to
    # outlast the client's patience (its latency is well above the read timeout there).
    patient = Timeouts(connect=10.0, read=30.0)
    async with PortalClient(sandbox.url, store=store, retry=TEST_RETRY,
                            timeouts=patient) as client:
        admin = SandboxAdmin(client.http, sandbox.admin_token)
        device = await client.start_login()
        await admin.approve(device.user_code, "sponsor-eh3")
        await client.finish_login(device)
        await admin.fault("documents.upload", "commit_then_drop", count=1)
        await admin.fault("applications.submit", "commit_then_error", count=1)
        app = await Filing(client, session).submit()
        assert reopen(session).draft.stage is FilingStage.SUBMITTED
    # a restart: another client, the draft from its file, the same stored login
    async with PortalClient(sandbox.url, store=store, retry=TEST_RETRY,
                            timeouts=Timeouts(connect=10.0, read=3.0)) as client:
        admin = SandboxAdmin(client.http, sandbox.admin_token)
        await admin.fault("applications.pay", "latency", latency_ms=8000, count=1)
        paid = await Filing(client, reopen(session)).run(DD)
        assert paid.id == app.id and paid.receipt is not None
        errors = {r.error for r in client.reqlog.records() if r.path.endswith("/payment")}
        assert "timeout" in errors  # the first attempt was given up on
    db = sandbox.sandbox.db.read()
    assert db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM payments").fetchone()[0] == 1
    uploads = db.execute("SELECT COUNT(*) FROM documents WHERE kind='upload' AND case_id IS NOT "
                         "NULL").fetchone()[0]
    assert uploads == 1  # the lost upload's twin stays unused
    saved = reopen(session).draft
    assert saved.stage is FilingStage.DONE and saved.answers == HSM
    reference = db.execute("SELECT reference FROM payments").fetchone()[0]
    assert saved.receipt is not None and saved.receipt.payment_reference == reference
