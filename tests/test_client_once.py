"""Writes done once: for each of them (submit, pay, book, register, deregister, notify) an
answer lost after the portal did the work, then a retry under the same key, leaves exactly
one record in the sandbox database. And the one rule that decides "did it arrive?"."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from ind_tui.api.account import NotificationKind, NotificationRequest
from ind_tui.api.appointments import VisitPurpose
from ind_tui.api.auth import Purpose
from ind_tui.api.employees import DeregistrationReason, DeregistrationRequest, EmployeeRegistration
from ind_tui.api.errors import (
    BadRequestError,
    ConflictError,
    ConnectionDroppedError,
    ConnectionFailedError,
    NotSentError,
    OutcomeUnknownError,
    PortalError,
    RateLimitedError,
    ReceiptPendingError,
    RequestTimeoutError,
    ServerError,
    ServiceUnavailableError,
    SessionExpiredError,
)
from ind_tui.api.payments import PaymentMethod, PaymentRequest
from ind_tui.api.wire import ErrorCode
from ind_tui.client.client import PortalClient
from ind_tui.client.once import Delivery, delivery
from ind_tui.client.retry import RetryPolicy
from ind_tui.local.drafts.errors import Code, DraftError
from ind_tui.services.filing import problem_of
from tests.client_fixtures import TEST_RETRY, admin_of, hsm_request, login, make_app, memory_store

# One attempt per call: what follows a lost answer is the helper's doing, not the transport's.
SINGLE = RetryPolicy(attempts=1, total_seconds=20.0, wait_initial=0.0, wait_max=0.0,
                     wait_jitter=0.0, max_retry_after=1.0, in_progress_wait=0.0)


class Gateway(httpx.AsyncBaseTransport):
    """A gateway in front of the sandbox that answers 502/504 on a route's POSTs, either
    after handing the request on (the portal did the work) or without (it never got it)."""

    def __init__(self, app: FastAPI) -> None:
        self.inner = httpx.ASGITransport(app=app)
        self.failing: tuple[str, int, bool] | None = None  # path end, status, forwarded
        self.times = 0

    def fail(self, path_end: str, status: int, *, forwarded: bool, times: int = 1) -> None:
        self.failing, self.times = (path_end, status, forwarded), times

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if (self.failing is not None and self.times > 0 and request.method == "POST"
                and request.url.path.endswith(self.failing[0])):
            self.times -= 1
            _, status, forwarded = self.failing
            if forwarded:
                answer = await self.inner.handle_async_request(request)
                await answer.aread()
            return httpx.Response(status, text="Bad Gateway" if status == 502 else "Timeout")
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclass
class World:
    app: FastAPI
    gateway: Gateway
    client: PortalClient

    def count(self, sql: str, *args: Any) -> int:
        return int(self.app.state.sandbox.db.read().execute(sql, args).fetchone()[0])


async def open_world(tmp_path: Path, retry: RetryPolicy) -> AsyncIterator[World]:
    app = make_app(tmp_path)
    gateway = Gateway(app)
    async with PortalClient("http://sandbox", transport=gateway, retry=retry,
                            portal="embedded", store=memory_store()) as client:
        await login(client)
        yield World(app, gateway, client)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async for w in open_world(tmp_path, SINGLE):
        yield w


@dataclass(frozen=True)
class Write:
    """One keyed write: its sandbox route, the path the gateway matches, how to set it up,
    send it, and count its records in the sandbox database."""

    route: str
    path_end: str
    # What goes out after the first answer is lost: a lookup where the portal offers one
    # (and for a payment found made, the same request again for its receipt), else the
    # same request again.
    recovery: tuple[str, ...]
    prepare: Callable[[World], Awaitable[dict[str, Any]]]
    send: Callable[[World, dict[str, Any], str], Awaitable[Any]]
    records: Callable[[World, dict[str, Any]], int]
    identity: Callable[[Any], str]


async def _nothing(w: World) -> dict[str, Any]:
    return {}


async def _submitted(w: World) -> dict[str, Any]:
    app = await w.client.submit_application(hsm_request("Eenmaal Betaald"), str(uuid.uuid4()))
    return {"app": app}


async def _free_slot(w: World) -> dict[str, Any]:
    booked = {a.zaaknummer for a in await w.client.appointments()}
    zaak = next(c.zaaknummer for c in await w.client.cases()
                if c.status.value == "in_progress" and c.zaaknummer not in booked)
    slot = (await w.client.first_free(VisitPurpose.BIOMETRICS, ["ind-zwolle"])).slots[0]
    return {"zaak": zaak, "slot": slot.id}


def _registration(w: World, v_number: str) -> EmployeeRegistration:
    today = w.client.clock.today()
    return EmployeeRegistration(
        name="Eenmaal Aangemeld", v_number=v_number, date_of_birth=date(1990, 5, 17),
        nationality="IND", purpose=Purpose.LABOUR, start_date=today - timedelta(days=30),
    )


async def _new_v_number(w: World) -> dict[str, Any]:
    await w.client.me()  # the portal's today, for the dates
    return {"v": f"{uuid.uuid4().int % 10**10:010d}"}


async def _registered(w: World) -> dict[str, Any]:
    ctx = await _new_v_number(w)
    employee = await w.client.register_employee(_registration(w, ctx["v"]))
    return {"id": employee.id}


async def _me(w: World) -> dict[str, Any]:
    await w.client.me()
    return {}


WRITES = {
    "submit": Write(
        "applications.submit", "/applications", ("GET",), _nothing,
        lambda w, c, key: w.client.submit_application(hsm_request("Eenmaal Ingediend"), key),
        lambda w, c: w.count("SELECT COUNT(*) FROM applications"),
        lambda result: result.id),
    "pay": Write(
        "applications.pay", "/payment", ("GET", "POST"), _submitted,
        lambda w, c, key: w.client.pay(c["app"].id, PaymentRequest(
            method=PaymentMethod.DIRECT_DEBIT, amount_eur=c["app"].fee_eur), key),
        lambda w, c: w.count("SELECT COUNT(*) FROM payments WHERE application_id=?",
                             c["app"].id),
        lambda result: result.payment.reference),
    "book": Write(
        "appointments.book", "/appointments", ("GET",), _free_slot,
        lambda w, c, key: w.client.book(c["zaak"], c["slot"], key),
        lambda w, c: w.count("SELECT COUNT(*) FROM appointments WHERE slot_id=?", c["slot"]),
        lambda result: result.id),
    "register": Write(
        "employees.register", "/employees", ("POST",), _new_v_number,
        lambda w, c, key: w.client.register_employee(_registration(w, c["v"]), key),
        lambda w, c: w.count("SELECT COUNT(*) FROM employees WHERE v_number=?", c["v"]),
        lambda result: result.id),
    "deregister": Write(
        "employees.deregister", "/deregistration", ("POST",), _registered,
        lambda w, c, key: w.client.deregister_employee(c["id"], DeregistrationRequest(
            end_date=w.client.clock.today(), reason=DeregistrationReason.EMPLOYMENT_ENDED),
            key),
        lambda w, c: w.count("SELECT COUNT(*) FROM employees WHERE id=? AND "
                             "status='deregistered'", c["id"]),
        lambda result: result.reference),
    "notify": Write(
        "account.notify", "/account/notifications", ("POST",), _me,
        lambda w, c, key: w.client.notify(NotificationRequest(
            kind=NotificationKind.STOPPED_TRADING, effective_date=w.client.clock.today()), key),
        lambda w, c: w.count("SELECT COUNT(*) FROM notifications"),
        lambda result: result.reference),
}


def _methods(client: PortalClient, since: int) -> list[str]:
    return [r.method for r in client.reqlog.records()[since:]]


async def lose_once(w: World, write: Write, how: str) -> None:
    if how == "504 after the work":
        w.gateway.fail(write.path_end, 504, forwarded=True)
    else:
        await admin_of(w.client).fault(write.route, how, count=1)


@pytest.mark.parametrize("how", ["commit_then_drop", "commit_then_error", "504 after the work"])
@pytest.mark.parametrize("name", list(WRITES))
async def test_a_lost_answer_then_a_retry_makes_one_record(
        world: World, name: str, how: str) -> None:
    write = WRITES[name]
    ctx = await write.prepare(world)
    before = write.records(world, ctx)
    key = str(uuid.uuid4())
    await lose_once(world, write, how)
    sent_from = len(world.client.reqlog)
    first = await write.send(world, ctx, key)
    # The work was done once; the helper found it before sending anything new: by the key
    # (or the resource) where the portal can be asked, else by the same request again.
    assert write.records(world, ctx) == before + 1
    assert _methods(world.client, sent_from) == ["POST", *write.recovery]
    again = await write.send(world, ctx, key)  # a retry by the user, the same key
    assert write.identity(again) == write.identity(first)
    assert write.records(world, ctx) == before + 1


@pytest.mark.parametrize("name", list(WRITES))
async def test_answers_lost_until_cleared_then_a_retry_makes_one_record(
        tmp_path: Path, name: str) -> None:
    write = WRITES[name]
    async for w in open_world(tmp_path, TEST_RETRY):
        ctx = await write.prepare(w)
        before = write.records(w, ctx)
        key = str(uuid.uuid4())
        await admin_of(w.client).fault(write.route, "commit_then_drop")
        try:
            await write.send(w, ctx, key)
        except (OutcomeUnknownError, ReceiptPendingError):
            assert write.recovery != ("GET",)  # a lookup alone finds what it made
        assert write.records(w, ctx) == before + 1
        await admin_of(w.client).clear_faults()
        await write.send(w, ctx, key)
        assert write.records(w, ctx) == before + 1


@pytest.mark.parametrize("name", list(WRITES))
async def test_a_gateway_that_never_passed_it_on_leaves_nothing_until_the_retry(
        world: World, name: str) -> None:
    write = WRITES[name]
    ctx = await write.prepare(world)
    before = write.records(world, ctx)
    key = str(uuid.uuid4())
    world.gateway.fail(write.path_end, 502, forwarded=False)
    if write.recovery[0] == "GET":
        # Nothing under the key, but behind a gateway it may still be on its way.
        with pytest.raises(OutcomeUnknownError) as caught:
            await write.send(world, ctx, key)
        assert caught.value.details["idempotency_key"] == key
        assert write.records(world, ctx) == before
    else:
        await write.send(world, ctx, key)  # sent again under its key: done now
        assert write.records(world, ctx) == before + 1
    await write.send(world, ctx, key)
    assert write.records(world, ctx) == before + 1


async def test_a_500_and_nothing_under_the_key_is_not_sent(world: World) -> None:
    await admin_of(world.client).fault("applications.submit", "server_error", count=1)
    key = str(uuid.uuid4())
    with pytest.raises(NotSentError):
        await world.client.submit_application(hsm_request(), key)
    assert world.count("SELECT COUNT(*) FROM applications WHERE idempotency_key=?", key) == 0


async def test_a_refusal_is_not_looked_up(world: World) -> None:
    ctx = await _new_v_number(world)
    await world.client.register_employee(_registration(world, ctx["v"]))
    sent_from = len(world.client.reqlog)
    with pytest.raises(ConflictError) as caught:
        await world.client.register_employee(_registration(world, ctx["v"]), str(uuid.uuid4()))
    assert caught.value.code == ErrorCode.EMPLOYEE_EXISTS
    assert _methods(world.client, sent_from) == ["POST"]


def _gateway(status: int) -> ServiceUnavailableError:
    return ServiceUnavailableError("gateway", status=status)


RULE: list[tuple[Exception, Delivery, str]] = [
    (ConnectionFailedError("refused", sent=False), Delivery.NOT_SENT, "not_sent"),
    (NotSentError("checked"), Delivery.NOT_SENT, "not_sent"),
    (_gateway(503), Delivery.NOT_SENT, "unavailable"),
    (RateLimitedError("slow down", status=429), Delivery.NOT_SENT, "unavailable"),
    (RequestTimeoutError("no answer", sent=True), Delivery.UNKNOWN, "unknown"),
    (ConnectionDroppedError("cut", sent=True), Delivery.UNKNOWN, "unknown"),
    (ServerError("500", status=500), Delivery.UNKNOWN, "unknown"),
    (_gateway(502), Delivery.UNKNOWN, "unknown"),
    (_gateway(504), Delivery.UNKNOWN, "unknown"),
    (ConflictError("running", code=ErrorCode.REQUEST_IN_PROGRESS), Delivery.UNKNOWN, "unknown"),
    (OutcomeUnknownError("unknown"), Delivery.UNKNOWN, "unknown"),
    (ConflictError("exists", code=ErrorCode.EMPLOYEE_EXISTS), Delivery.ARRIVED, "unknown"),
    (BadRequestError("no", status=422), Delivery.ARRIVED, "unknown"),
    (SessionExpiredError("log in"), Delivery.ARRIVED, "unknown"),
    (ReceiptPendingError("paid"), Delivery.ARRIVED, "pending"),
]


@pytest.mark.parametrize(("error", "known", "problem"), RULE,
                         ids=[f"{type(e).__name__}-{e.code}-{e.status}" for e, _, _ in RULE])
def test_one_rule_for_the_client_and_the_filing_screen(
        error: PortalError, known: Delivery, problem: str) -> None:
    assert delivery(error) is known
    assert problem_of(error) == problem


def test_a_draft_problem_is_the_draft() -> None:
    assert problem_of(DraftError(Code.DOCUMENT_MISSING, "passport")) == "draft"
