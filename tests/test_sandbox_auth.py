"""Device login (RFC 8628), refusals by DOMAIN.md's rules, token expiry and rotation."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.sandbox.identities import identity_models
from tests.conftest import ADMIN, ADMIN_TOKEN, API, bearer, login

GRANT = "urn:ietf:params:oauth:grant-type:device_code"


async def _start(http: httpx.AsyncClient) -> dict[str, str]:
    r = await http.post(f"{API}/auth/device", json={"client_id": "tests"})
    assert r.status_code == 200
    return dict(r.json())


async def _poll(http: httpx.AsyncClient, device_code: str) -> httpx.Response:
    return await http.post(f"{API}/auth/token", json={
        "grant_type": GRANT, "device_code": device_code, "client_id": "tests"})


async def test_pending_then_approved_then_used(http: httpx.AsyncClient) -> None:
    start = await _start(http)
    assert start["verification_uri"].endswith("/eherkenning")
    assert start["user_code"] in start["verification_uri_complete"]
    pending = await _poll(http, start["device_code"])
    assert pending.status_code == 400
    assert pending.json()["code"] == "authorization_pending"
    assert pending.json()["error"] == "authorization_pending"
    await http.post(f"{API}/sandbox/identities/approve", headers=ADMIN,
                    json={"user_code": start["user_code"], "identity": "sponsor-eh3"})
    ok = await _poll(http, start["device_code"])
    assert ok.status_code == 200 and ok.json()["token_type"] == "Bearer"
    again = await _poll(http, start["device_code"])
    assert again.json()["code"] == "invalid_grant"


@pytest.mark.parametrize(
    "identity", [i for i in identity_models() if i.expected_error], ids=lambda i: i.name
)
async def test_each_refusal_has_its_own_code(http: httpx.AsyncClient, identity: object) -> None:
    tokens = await login(http, identity.name)  # type: ignore[attr-defined]
    assert tokens["error"] == "access_denied"
    assert tokens["code"] == identity.expected_error  # type: ignore[attr-defined]


async def test_refusal_codes_cover_domain_rules() -> None:
    codes = {i.expected_error for i in identity_models() if i.expected_error}
    assert codes == {"eh_level_insufficient", "eh_service_missing", "not_available_for_you",
                     "representation_not_recognised", "representation_not_registered"}


async def test_wrong_kvk_lands_in_another_account(http: httpx.AsyncClient) -> None:
    me = (await http.get(f"{API}/me", headers=await bearer(http, "wrong-kvk"))).json()
    assert me["company"]["kvk"] == "89012345" and me["role"] == "employer"


async def test_slow_down_raises_the_interval(tmp_path: Path) -> None:
    app = create_app(SandboxConfig(db_path=tmp_path / "s.db", admin_token=ADMIN_TOKEN,
                                   device_interval=5))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://t") as http:
        start = await _start(http)
        assert start["interval"] == 5
        assert (await _poll(http, start["device_code"])).json()["code"] == "authorization_pending"
        fast = (await _poll(http, start["device_code"])).json()
        assert fast["code"] == "slow_down" and fast["details"]["interval"] == 10


async def test_device_code_expires_on_the_sandbox_clock(http: httpx.AsyncClient) -> None:
    start = await _start(http)
    await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_seconds": 601})
    assert (await _poll(http, start["device_code"])).json()["code"] == "expired_token"
    late = await http.post(f"{API}/sandbox/identities/approve", headers=ADMIN,
                           json={"user_code": start["user_code"], "identity": "sponsor-eh3"})
    assert late.json()["code"] == "expired_token"


async def test_access_token_expires_and_refresh_rotates(http: httpx.AsyncClient) -> None:
    tokens = await login(http, "sponsor-eh3")
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await http.get(f"{API}/me", headers=auth)).status_code == 200
    await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_seconds": 901})
    expired = await http.get(f"{API}/me", headers=auth)
    assert expired.status_code == 401 and expired.json()["code"] == "session_expired"
    fresh = (await http.post(f"{API}/auth/refresh",
                             json={"refresh_token": tokens["refresh_token"]})).json()
    assert fresh["refresh_token"] != tokens["refresh_token"]
    new_auth = {"Authorization": f"Bearer {fresh['access_token']}"}
    assert (await http.get(f"{API}/me", headers=new_auth)).status_code == 200


async def test_refresh_token_reuse_ends_the_session(http: httpx.AsyncClient) -> None:
    tokens = await login(http, "sponsor-eh3")
    fresh = (await http.post(f"{API}/auth/refresh",
                             json={"refresh_token": tokens["refresh_token"]})).json()
    reuse = await http.post(f"{API}/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert reuse.status_code == 400 and reuse.json()["code"] == "invalid_grant"
    # The thief's reuse revoked the legitimate holder's tokens too: log in again.
    fresh_auth = {"Authorization": f"Bearer {fresh['access_token']}"}
    after = await http.get(f"{API}/me", headers=fresh_auth)
    assert after.status_code == 401
    again = await http.post(f"{API}/auth/refresh", json={"refresh_token": fresh["refresh_token"]})
    assert again.json()["code"] == "invalid_grant"


async def test_logout_revokes(http: httpx.AsyncClient) -> None:
    tokens = await login(http, "sponsor-eh3")
    auth = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await http.post(f"{API}/auth/logout", headers=auth, json={})).status_code == 204
    assert (await http.get(f"{API}/me", headers=auth)).json()["code"] == "unauthenticated"
    r = await http.post(f"{API}/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert r.json()["code"] == "invalid_grant"


async def test_eherkenning_page_approves_like_a_browser(http: httpx.AsyncClient) -> None:
    start = await _start(http)
    page = await http.get("/eherkenning", params={"user_code": start["user_code"]})
    assert page.status_code == 200 and "sponsor-eh3" in page.text and "SANDBOX" in page.text
    done = await http.post("/eherkenning", content=(
        f"user_code={start['user_code']}&identity=research-eh3").encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert done.status_code == 200
    assert (await _poll(http, start["device_code"])).status_code == 200
    bad = await http.post("/eherkenning", content=b"user_code=NOPE&identity=x",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert bad.status_code == 200 and "Did not work" in bad.text


async def test_request_id_is_echoed_or_made(http: httpx.AsyncClient) -> None:
    r = await http.get(f"{API}/me", headers={"X-Request-Id": "cli-abc123"})
    assert r.headers["x-request-id"] == "cli-abc123" and r.json()["request_id"] == "cli-abc123"
    r = await http.get(f"{API}/me", headers={"X-Request-Id": "bad id\twith space"})
    assert r.headers["x-request-id"].startswith("srv-")
