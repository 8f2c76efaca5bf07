"""Error codes and their guidance, the request log, the portal clock, and import weight."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ind_tui.api.errors import (
    ClientCode,
    ConflictError,
    LoginRefusedError,
    RateLimitedError,
    ServerError,
    ServiceUnavailableError,
    SessionExpiredError,
    error_from_api,
)
from ind_tui.api.wire import ApiError, ErrorCode
from ind_tui.client.reqlog import RequestLog, redact, redact_path
from ind_tui.domain.clock import PortalClock, age_on
from ind_tui.i18n.guidance import guidance, known_codes
from tests.client_fixtures import login, make_app, make_client


@pytest.mark.parametrize("code", [*ErrorCode, *ClientCode])
def test_every_code_has_guidance_in_both_languages(code: str) -> None:
    assert code in known_codes()
    nl, en = guidance(code, "nl"), guidance(code, "en")
    for g in (nl, en):
        assert g.title and g.explanation and g.action
    assert nl.title != en.title or nl.action != en.action


def test_domain_facts_are_in_the_guidance() -> None:
    assert "EH3" in guidance(ErrorCode.EH_LEVEL_INSUFFICIENT, "en").action
    assert "Team Zakelijk" in guidance(ErrorCode.NOT_AVAILABLE_FOR_YOU, "nl").action
    assert "8 MB" in guidance(ErrorCode.DOCUMENT_TOO_LARGE, "nl").explanation
    assert "refund" in guidance(ClientCode.OUTCOME_UNKNOWN, "en").explanation


@pytest.mark.parametrize(
    ("status", "code", "cls"),
    [
        (401, "session_expired", SessionExpiredError),
        (400, "eh_level_insufficient", LoginRefusedError),
        (409, "already_paid", ConflictError),
        (429, "rate_limited", RateLimitedError),
        (503, "service_unavailable", ServiceUnavailableError),
        (500, "internal_error", ServerError),
    ],
)
def test_api_errors_become_typed_exceptions(status: int, code: str, cls: type) -> None:
    body = ApiError(code=code, message="m", details={"x": 1}, request_id="rid-1")
    err = error_from_api(status, body, request_id="mine")
    assert isinstance(err, cls) and err.code == code and err.request_id == "rid-1"
    assert err.details == {"x": 1}


def test_a_proxy_error_without_a_body_is_still_typed() -> None:
    err = error_from_api(502, None, request_id="mine", retry_after=3)
    assert isinstance(err, ServiceUnavailableError)
    assert err.code == ErrorCode.SERVICE_UNAVAILABLE and err.retry_after == 3


def test_redaction() -> None:
    assert "abc" not in redact("Authorization: Bearer abc.def")
    assert "A" * 40 not in redact("token " + "A" * 40)
    path = redact_path("/applications?idempotency_key=secret-key&limit=5")
    assert "secret-key" not in path and "limit=5" in path
    # Only personal values are hidden: a filter's code word stays readable for support.
    path = redact_path("/messages?state=unread&kind=request&zaaknummer=1234567890")
    assert "state=unread" in path and "kind=request" in path and "1234567890" not in path
    for personal in ("name=Anna+de+Vries", "v_number=1234567890", "born=1990-05-17",
                     "who=Thomas%20Visser", "q=anna"):
        shown = redact_path(f"/employees?{personal}&status=registered")
        assert personal.split("=")[1] not in shown and "status=registered" in shown, shown


def test_request_log_keeps_the_last_200() -> None:
    log = RequestLog()
    for i in range(250):
        log.add(method="GET", path=f"/cases?after={i}", status=200, duration_ms=1.0,
                request_id=str(i), bytes_received=10)  # fmt: skip
    assert len(log) == 200 and log.records()[0].request_id == "50"
    assert log.bytes_received == 2500


async def test_no_token_or_body_reaches_the_request_log(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        await login(client)
        await client.cases()
        tokens = client.session.tokens
        assert tokens is not None
        dump = repr(client.reqlog.as_dicts())
        assert tokens.access_token not in dump and str(tokens.refresh_token) not in dump
        assert "device_code" not in dump
        assert all(r["request_id"] for r in client.reqlog.as_dicts())


async def test_clock_follows_the_portal_not_the_local_machine(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        info = await client.portal_info()
        assert abs((client.clock.now() - info.now).total_seconds()) < 5
        assert client.clock.today() == date(2026, 11, 2)  # the sandbox's day, not ours
        assert client.clock.days_left(date(2026, 11, 12)) == 10


def test_clock_basics() -> None:
    clock = PortalClock(local=lambda: 1_000_000.0)
    assert not clock.known
    clock.observe_date_header("Mon, 02 Nov 2026 08:00:00 GMT")
    assert clock.now() == datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
    clock.observe(datetime(2027, 1, 1, 23, 30, tzinfo=UTC))
    clock.observe_date_header("Mon, 02 Nov 2026 08:00:00 GMT")  # ignored once precise
    assert clock.precise and clock.today() == date(2027, 1, 2)  # Amsterdam is UTC+1
    assert age_on(date(2000, 2, 29), date(2027, 2, 28)) == 26
    assert clock.age(date(1997, 1, 2)) == 30


def test_importing_the_portal_package_stays_light() -> None:
    code = (
        "import sys, ind_tui.client.client, ind_tui.client.auth, "
        "ind_tui.local.tokens, ind_tui.local.cache, ind_tui.services.sync, "
        "ind_tui.services.connect, ind_tui.client.sandbox_admin, ind_tui.local.settings\n"
        "bad = [m for m in ('textual', 'pypdf', 'fastapi', 'uvicorn', 'keyring') "
        "if m in sys.modules]\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)  # fmt: skip
    assert out.stdout.strip() == ""
