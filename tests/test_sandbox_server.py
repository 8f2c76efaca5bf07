"""The sandbox as a server: seed, clock, faults, admin mode, persistence, real sockets, CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from ind_tui.api.cases import CaseStatus
from ind_tui.cli import main
from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.sandbox.serve import start_embedded
from tests.conftest import ADMIN, ADMIN_TOKEN, API, bearer


async def _cases(app: object, identity: str = "sponsor-eh3") -> list[dict[str, object]]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
                                 base_url="http://t") as http:
        auth = await bearer(http, identity)
        items: list[dict[str, object]] = (await http.get(
            f"{API}/cases", headers=auth, params={"limit": 1000})).json()["items"]
        return items


async def test_demo_seed_is_deterministic_and_covers_every_status(tmp_path: Path) -> None:
    a = await _cases(create_app(SandboxConfig(db_path=tmp_path / "a.db", admin_token=ADMIN_TOKEN,
                                              device_interval=0)))
    b = await _cases(create_app(SandboxConfig(db_path=tmp_path / "b.db", admin_token=ADMIN_TOKEN,
                                              device_interval=0)))
    assert a == b
    shown = {c["status"] for c in a}
    assert shown >= {s.value for s in CaseStatus} - {"submitted"}
    assert 30 <= len(a) <= 80


async def test_nothing_is_lost_across_restarts(tmp_path: Path) -> None:
    config = SandboxConfig(db_path=tmp_path / "s.db", admin_token=ADMIN_TOKEN, device_interval=0)
    app = create_app(config)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as h:
        auth = await bearer(h, "sponsor-eh3")
        await h.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_days": 3})
        auth = await bearer(h, "sponsor-eh3")
        new = {"name": "Kept Across", "v_number": "5555555555", "date_of_birth": "1990-01-01",
               "nationality": "BRA", "purpose": "labour", "start_date": "2026-11-01"}
        assert (await h.post(f"{API}/employees", headers=auth, json=new)).status_code == 201
    app.state.sandbox.db.close()
    again = create_app(config)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=again),
                                 base_url="http://t") as h:
        assert (await h.get(f"{API}/sandbox/clock", headers=ADMIN)).json()["now"].startswith(
            "2026-11-05T08:00")
        r = await h.get(f"{API}/employees", headers=auth, params={"limit": 1000})
        assert "Kept Across" in {e["name"] for e in r.json()["items"]}  # same session, too


async def test_clock_never_goes_backwards(http: httpx.AsyncClient) -> None:
    r = await http.post(f"{API}/sandbox/clock", headers=ADMIN,
                        json={"set_to": "2026-01-01T00:00:00+01:00"})
    assert r.status_code == 422 and r.json()["code"] == "clock_backwards"


async def test_admin_routes_need_the_token(http: httpx.AsyncClient) -> None:
    for path in ("/sandbox/clock", "/sandbox/faults", "/sandbox/identities"):
        r = await http.get(f"{API}{path}", headers={"X-Sandbox-Admin-Token": "wrong"})
        assert r.status_code == 403 and r.json()["code"] == "sandbox_admin_required"


async def test_without_sandbox_mode_there_are_no_admin_routes(tmp_path: Path) -> None:
    app = create_app(SandboxConfig(db_path=tmp_path / "p.db", admin_token=ADMIN_TOKEN,
                                   sandbox_admin=False))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as h:
        assert (await h.get(f"{API}/sandbox/clock", headers=ADMIN)).status_code == 404
        assert (await h.get("/eherkenning")).status_code == 404
        assert (await h.get(f"{API}/portal")).json()["sandbox"] is False
        paths = (await h.get("/openapi.json")).json()["paths"]
        assert not [p for p in paths if p.startswith(f"{API}/sandbox")]


@pytest.mark.parametrize(("kind", "status", "code"), [
    ("unavailable", 503, "service_unavailable"),
    ("server_error", 500, "internal_error"),
    ("rate_limit", 429, "rate_limited"),
])
async def test_faults_fire_per_route_and_count(
    http: httpx.AsyncClient, kind: str, status: int, code: str
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    await http.post(f"{API}/sandbox/faults", headers=ADMIN,
                    json={"route": "cases.list", "kind": kind, "count": 2, "retry_after": 7})
    assert (await http.get(f"{API}/me", headers=auth)).status_code == 200  # other routes fine
    for _ in range(2):
        r = await http.get(f"{API}/cases", headers=auth)
        assert r.status_code == status and r.json()["code"] == code
        assert r.headers["x-request-id"] == r.json()["request_id"]
    if kind != "server_error":
        assert r.headers["retry-after"] == "7"
    assert (await http.get(f"{API}/cases", headers=auth)).status_code == 200
    faults = (await http.get(f"{API}/sandbox/faults", headers=ADMIN)).json()
    assert faults["faults"][0]["fired"] == 2 and faults["faults"][0]["remaining"] == 0
    assert "applications.submit" in faults["routes"]


async def test_unavailable_for_one_form_type_and_probability_zero(
    http: httpx.AsyncClient,
) -> None:
    from tests.test_sandbox_rules import _application

    auth = await bearer(http, "sponsor-eh3")
    await http.post(f"{API}/sandbox/faults", headers=ADMIN, json={
        "route": "applications.submit", "kind": "unavailable", "form_type": "ict"})
    await http.post(f"{API}/sandbox/faults", headers=ADMIN, json={
        "route": "*", "kind": "server_error", "probability": 0.0})
    ict = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": "ict-503"},
                          json=_application("ict"))
    assert ict.status_code == 503 and ict.json()["details"]["form_type"] == "ict"
    blue = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": "blue-ok-1"},
                           json=_application("eu_blue_card"))
    assert blue.status_code == 201
    assert (await http.delete(f"{API}/sandbox/faults", headers=ADMIN)).status_code == 204
    assert (await http.get(f"{API}/sandbox/faults", headers=ADMIN)).json()["faults"] == []


async def test_latency_fault_delays_but_answers(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    await http.post(f"{API}/sandbox/faults", headers=ADMIN,
                    json={"route": "me", "kind": "latency", "latency_ms": 20, "count": 1})
    assert (await http.get(f"{API}/me", headers=auth)).status_code == 200
    faults = (await http.get(f"{API}/sandbox/faults", headers=ADMIN)).json()["faults"]
    assert faults[0]["fired"] == 1


def test_real_socket_login_list_and_dropped_connection(tmp_path: Path) -> None:
    sb = start_embedded(config=SandboxConfig(db_path=tmp_path / "sock.db", admin_token=ADMIN_TOKEN,
                                             device_interval=0))
    try:
        assert sb.url.startswith("http://127.0.0.1:")
        with httpx.Client(base_url=sb.url, timeout=10) as http:
            start = http.post(f"{API}/auth/device", json={"client_id": "t"}).json()
            assert start["verification_uri"] == f"{sb.url}/eherkenning"
            http.post(f"{API}/sandbox/identities/approve", headers=ADMIN,
                      json={"user_code": start["user_code"], "identity": "sponsor-eh3"})
            token = http.post(f"{API}/auth/token", json={
                "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
                "device_code": start["device_code"], "client_id": "t"}).json()
            auth = {"Authorization": f"Bearer {token['access_token']}"}
            page = http.get(f"{API}/cases", headers=auth)
            assert page.status_code == 200 and page.json()["total"] > 0
            http.post(f"{API}/sandbox/faults", headers=ADMIN,
                      json={"route": "me", "kind": "commit_then_drop", "count": 1})
            with pytest.raises(httpx.RemoteProtocolError):
                http.get(f"{API}/me", headers=auth)
            assert http.get(f"{API}/me", headers=auth).status_code == 200
    finally:
        sb.stop()


def test_cli_identities_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "identities", "--format", "json"]) == 0
    identities = json.loads(capsys.readouterr().out)
    names = {i["name"] for i in identities}
    assert {"sponsor-eh3", "agent-noordzee", "broken-eh3"} <= names
    assert all(i["purpose"] for i in identities)


def test_cli_bad_input_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["sandbox", "serve", "--seed", "lots"])
    assert exc.value.code == 2
    assert main(["sandbox", "serve", "--port", "70000"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("ind-tui: --port")


def test_sandbox_serve_answers_over_http(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "ind_tui", "sandbox", "serve", "--port", "0",
         "--db", str(tmp_path / "served.db"), "--admin-token", ADMIN_TOKEN, "--cases", "50"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)", first)
        assert match, first
        url = match.group(1)
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"{url}{API}/portal", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the served sandbox did not answer"
                time.sleep(0.05)
        assert r.status_code == 200 and r.json()["sandbox"] is True
        ids = httpx.get(f"{url}{API}/sandbox/identities", headers=ADMIN).json()
        assert len(ids) >= 10
    finally:
        proc.terminate()
        proc.wait(10)


async def test_date_header_follows_the_sandbox_clock(http: httpx.AsyncClient) -> None:
    from email.utils import parsedate_to_datetime

    await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_days": 3})
    r = await http.get(f"{API}/portal")
    stamped = parsedate_to_datetime(r.headers["date"])
    assert stamped.isoformat().startswith("2026-11-05T08:00")
    assert len(r.headers.get_list("date")) == 1
