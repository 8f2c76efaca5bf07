"""The client over a real socket (uvicorn in a thread), as a script would use it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ind_tui.api.applications import ApplicationStatus
from ind_tui.api.errors import ConnectionFailedError
from ind_tui.client.client import PortalClient
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.sandbox.serve import start_embedded
from ind_tui.sandbox.state import SandboxConfig
from tests.client_fixtures import TEST_RETRY, hsm_request, memory_store


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Any]:
    config = SandboxConfig(db_path=tmp_path / "s.db", admin_token="socket-admin",
                           device_interval=0)  # fmt: skip
    sb = start_embedded(config=config)
    try:
        yield sb
    finally:
        sb.stop()


async def test_script_logs_in_lists_survives_faults_and_logs_out(sandbox: Any) -> None:
    store = memory_store()
    async with PortalClient(sandbox.url, store=store, retry=TEST_RETRY) as client:
        admin = SandboxAdmin(client.http, sandbox.admin_token)
        device = await client.start_login()
        await admin.approve(device.user_code, "sponsor-eh3")
        me = await client.finish_login(device)
        assert me.company.kvk == "12345678"
        assert len(await client.cases()) > 0

        # the answer is cut off mid-way over a real socket (RemoteProtocolError)
        key = str(uuid.uuid4())
        await admin.fault("applications.submit", "commit_then_drop", count=2)
        await admin.fault("cases.list", "unavailable", count=1, retry_after=0)
        app = await client.submit_application(hsm_request(), key)
        assert app.status is ApplicationStatus.AWAITING_PAYMENT
        assert len(await client.find_applications(key)) == 1
        assert any(r.error == "connection_dropped" for r in client.reqlog.records())
        assert len(await client.cases()) > 0

        # the server's request id is the one we sent
        last = client.reqlog.last()
        assert last is not None and last.status == 200 and len(last.request_id) == 20

        assert await client.logout() is True
        assert await store.load("sandbox") is None


async def test_server_gone_is_connection_failed(tmp_path: Path) -> None:
    config = SandboxConfig(db_path=tmp_path / "s.db", admin_token="x", device_interval=0)
    sb = start_embedded(config=config)
    url = sb.url
    sb.stop()
    async with PortalClient(url, retry=TEST_RETRY) as client:
        with pytest.raises(ConnectionFailedError):
            await client.portal_info()
