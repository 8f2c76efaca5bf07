"""Shared fixtures: a real sandbox app per test (own SQLite file), reached in-process."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from hypothesis.configuration import set_hypothesis_home_dir

from ind_tui.sandbox.app import SandboxConfig, create_app

# A missing text key raises in every test (and in the processes tests start), rather than
# showing the key.
os.environ["IND_TUI_STRICT_TEXTS"] = "1"

ADMIN_TOKEN = "admin-secret-for-tests"
ADMIN = {"X-Sandbox-Admin-Token": ADMIN_TOKEN}
API = "/api/v1"

# Property tests keep no example database in the checkout (`.hypothesis/`), and a busy
# machine does not fail them: no per-example deadline, no "too slow" health check.
settings.register_profile("ind-tui", database=None, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ind-tui")
# Hypothesis also keeps a constants cache in its home folder; a temp folder per run keeps
# that out of the checkout too.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="ind-tui-hypothesis-"))


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """The report of mismatched snapshots goes to the temp folder, one name per run (the
    path is printed at the end), instead of `snapshot_report.html` in the checkout."""
    if config.getoption("--snapshot-report", None) == "snapshot_report.html":
        name = f"ind-tui-snapshot-report-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.html"
        config.option.snapshot_report = str(Path(tempfile.gettempdir()) / name)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real config, data or keyring of the person running it."""
    home = tmp_path / "ind-home"
    monkeypatch.setenv("IND_TUI_HOME", str(home))
    return home


@pytest.fixture
def sandbox_config(tmp_path: Path) -> SandboxConfig:
    return SandboxConfig(db_path=tmp_path / "sandbox.db", admin_token=ADMIN_TOKEN,
                         device_interval=0)


@pytest.fixture
def app(sandbox_config: SandboxConfig) -> FastAPI:
    return create_app(sandbox_config)


@pytest.fixture
async def http(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        yield client


async def login(http: httpx.AsyncClient, identity: str) -> dict[str, str]:
    """Device login approved for a test identity; returns the token response."""
    start = (await http.post(f"{API}/auth/device", json={"client_id": "tests"})).json()
    approved = await http.post(f"{API}/sandbox/identities/approve", headers=ADMIN,
                               json={"user_code": start["user_code"], "identity": identity})
    assert approved.status_code == 200, approved.text
    token = await http.post(f"{API}/auth/token", json={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        "device_code": start["device_code"], "client_id": "tests"})
    body: dict[str, str] = token.json()
    return body


async def bearer(http: httpx.AsyncClient, identity: str) -> dict[str, str]:
    tokens = await login(http, identity)
    assert "access_token" in tokens, tokens
    return {"Authorization": f"Bearer {tokens['access_token']}"}
