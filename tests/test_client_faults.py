"""Injected faults: every one ends in a typed error or a recovered result, never a hang,
never a second submission or payment."""

from __future__ import annotations

import socket
import uuid
from pathlib import Path

import pytest

from ind_tui.api.applications import ApplicationStatus
from ind_tui.api.errors import (
    ConnectionFailedError,
    NotSentError,
    OutcomeUnknownError,
    RateLimitedError,
    ReceiptPendingError,
    RequestTimeoutError,
    ServerError,
    ServiceUnavailableError,
)
from ind_tui.api.payments import PaymentMethod, PaymentRequest
from ind_tui.api.wire import ErrorCode
from ind_tui.client.client import PortalClient
from ind_tui.client.retry import RetryPolicy, new_idempotency_key
from ind_tui.client.transport import Timeouts
from tests.client_fixtures import TEST_RETRY, admin_of, hsm_request, login, make_app, make_client


def attempts(client: PortalClient, path: str) -> list[int | None]:
    return [r.status for r in client.reqlog.records() if r.path.split("?")[0] == path]


@pytest.fixture
async def client(tmp_path: Path) -> PortalClient:
    c = make_client(make_app(tmp_path))
    await login(c)
    return c


async def test_503_is_retried_until_it_clears(client: PortalClient) -> None:
    await admin_of(client).fault("me", "unavailable", count=2, retry_after=0)
    me = await client.me()
    assert me.person_name
    assert attempts(client, "/me")[-3:] == [503, 503, 200]


async def test_persistent_503_gives_up_after_the_bounded_attempts(client: PortalClient) -> None:
    await admin_of(client).fault("me", "unavailable", retry_after=0)
    with pytest.raises(ServiceUnavailableError) as caught:
        await client.me()
    assert caught.value.code == ErrorCode.SERVICE_UNAVAILABLE
    assert attempts(client, "/me").count(503) == TEST_RETRY.attempts
    assert caught.value.request_id  # shown in the error, for support


async def test_500_on_a_read_is_not_retried(client: PortalClient) -> None:
    await admin_of(client).fault("cases.list", "server_error")
    with pytest.raises(ServerError):
        await client.cases_page()
    assert attempts(client, "/cases") == [500]


async def test_429_honours_retry_after(client: PortalClient) -> None:
    await admin_of(client).fault("cases.list", "rate_limit", count=1, retry_after=0)
    page, _ = await client.cases_page()
    assert page is not None
    assert attempts(client, "/cases") == [429, 200]


async def test_429_with_a_long_wait_is_handed_to_the_user(client: PortalClient) -> None:
    await admin_of(client).fault("cases.list", "rate_limit", retry_after=3600)
    with pytest.raises(RateLimitedError) as caught:
        await client.cases_page()
    assert caught.value.retry_after == 3600
    assert attempts(client, "/cases") == [429]  # not waited out


async def test_latency_above_the_timeout_is_a_typed_timeout(tmp_path: Path) -> None:
    # Short enough to time out on the 5 s fault, long enough that a busy machine still logs in.
    fast = Timeouts(connect=1.0, read=1.0)
    async with make_client(make_app(tmp_path), timeouts=fast) as c:
        await login(c)
        await admin_of(c).fault("me", "latency", latency_ms=5000)
        with pytest.raises(RequestTimeoutError) as caught:
            await c.me()
        assert caught.value.sent
        assert attempts(c, "/me").count(None) == TEST_RETRY.attempts


async def test_one_slow_answer_is_retried(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path), timeouts=Timeouts(connect=1.0, read=1.0)) as c:
        await login(c)
        await admin_of(c).fault("me", "latency", latency_ms=5000, count=1)
        assert (await c.me()).person_name


async def test_connection_refused_is_typed_and_bounded() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    async with PortalClient(f"http://127.0.0.1:{port}", retry=TEST_RETRY) as c:
        with pytest.raises(ConnectionFailedError) as caught:
            await c.portal_info()
        assert caught.value.sent is False
        assert len(c.reqlog) == TEST_RETRY.attempts


async def test_submit_survives_commit_then_drop_once(client: PortalClient) -> None:
    key = str(uuid.uuid4())
    await admin_of(client).fault("applications.submit", "commit_then_drop", count=1)
    app = await client.submit_application(hsm_request(), key)
    assert app.status is ApplicationStatus.AWAITING_PAYMENT
    assert [a.id for a in await client.find_applications(key)] == [app.id]


async def test_submit_reconciles_when_every_answer_is_lost(client: PortalClient) -> None:
    key = str(uuid.uuid4())
    await admin_of(client).fault("applications.submit", "commit_then_drop")
    app = await client.submit_application(hsm_request(), key)
    assert app.idempotency_key == key
    assert len(await client.find_applications(key)) == 1
    # and after a restart, the same key (kept with the draft) finds the same application
    await admin_of(client).clear_faults()
    again = await client.submit_application(hsm_request(), key)
    assert again.id == app.id


async def test_submit_that_never_arrived_says_so(client: PortalClient) -> None:
    key = str(uuid.uuid4())
    await admin_of(client).fault("applications.submit", "server_error")
    with pytest.raises(NotSentError):
        await client.submit_application(hsm_request(), key)
    assert await client.find_applications(key) == []


async def test_submit_outcome_unknown_when_checking_fails_too(client: PortalClient) -> None:
    key = str(uuid.uuid4())
    admin = admin_of(client)
    await admin.fault("applications.submit", "commit_then_drop")
    await admin.fault("applications.find", "unavailable", retry_after=0)
    with pytest.raises(OutcomeUnknownError) as caught:
        await client.submit_application(hsm_request(), key)
    assert caught.value.details["idempotency_key"] == key
    assert "dubbel" in caught.value.guidance("nl").explanation
    await admin.clear_faults()
    assert len(await client.find_applications(key)) == 1  # exactly one, as promised


async def test_pay_survives_commit_then_drop_and_never_pays_twice(client: PortalClient) -> None:
    app = await client.submit_application(hsm_request(), str(uuid.uuid4()))
    request = PaymentRequest(method=PaymentMethod.DIRECT_DEBIT, amount_eur=app.fee_eur)
    # every attempt inside the retry budget loses its answer; checking finds it paid
    await admin_of(client).fault("applications.pay", "commit_then_drop",
                                 count=TEST_RETRY.attempts)
    key = str(uuid.uuid4())
    result = await client.pay(app.id, request, key)
    assert result.application.receipt is not None
    # a second attempt with another key (a different screen, a confused user) pays nothing
    await admin_of(client).clear_faults()
    again = await client.pay(app.id, request, str(uuid.uuid4()))
    assert again.payment.reference == result.payment.reference


async def test_pay_whose_answers_stay_lost_is_known_paid(client: PortalClient) -> None:
    app = await client.submit_application(hsm_request(), str(uuid.uuid4()))
    request = PaymentRequest(method=PaymentMethod.DIRECT_DEBIT, amount_eur=app.fee_eur)
    await admin_of(client).fault("applications.pay", "commit_then_drop")
    with pytest.raises(ReceiptPendingError) as caught:
        await client.pay(app.id, request, str(uuid.uuid4()))
    assert caught.value.details["application"]["status"] == "submitted"
    await admin_of(client).clear_faults()
    again = await client.pay(app.id, request, str(uuid.uuid4()))
    assert again.payment.status == "paid"  # the one payment, reported, not a new one


async def test_pay_not_received_is_safe_to_retry(client: PortalClient) -> None:
    app = await client.submit_application(hsm_request(), str(uuid.uuid4()))
    request = PaymentRequest(method=PaymentMethod.DIRECT_DEBIT, amount_eur=app.fee_eur)
    key = str(uuid.uuid4())
    await admin_of(client).fault("applications.pay", "server_error")
    with pytest.raises(NotSentError):
        await client.pay(app.id, request, key)
    await admin_of(client).clear_faults()
    result = await client.pay(app.id, request, key)
    assert result.application.status is ApplicationStatus.SUBMITTED


async def test_token_expiry_during_a_submission_keeps_it_single(client: PortalClient) -> None:
    await admin_of(client).advance(seconds=901)
    key = str(uuid.uuid4())
    app = await client.submit_application(hsm_request(), key)
    assert len(await client.find_applications(key)) == 1
    assert app.idempotency_key == key


async def test_retry_budget_bounds_total_time(tmp_path: Path) -> None:
    """With a zero time budget no second attempt starts."""
    policy = RetryPolicy(attempts=10, total_seconds=0.000001, wait_initial=0.0, wait_max=0.0,
                         wait_jitter=0.0)
    async with make_client(make_app(tmp_path), retry=policy) as c:
        await login(c)
        await admin_of(c).fault("me", "unavailable", retry_after=0)
        with pytest.raises(ServiceUnavailableError):
            await c.me()
        assert attempts(c, "/me").count(503) < 10


async def test_a_key_the_portal_would_refuse_is_refused_before_sending(
    client: PortalClient,
) -> None:
    before = len(client.reqlog)
    with pytest.raises(ValueError):
        await client.submit_application(hsm_request(), "short")
    assert len(client.reqlog) == before
    key = new_idempotency_key()
    assert (await client.submit_application(hsm_request(), key)).idempotency_key == key
