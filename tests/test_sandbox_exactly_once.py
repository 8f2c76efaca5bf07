"""Submission and payment exactly once: idempotency keys, replays, drops, races."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi import FastAPI

from ind_tui.sandbox import idempotency
from ind_tui.sandbox.faults import ConnectionDropped
from tests.conftest import ADMIN, API, bearer
from tests.test_sandbox_rules import _application


def _count(app: FastAPI, sql: str) -> int:
    return int(app.state.sandbox.db.read().execute(sql).fetchone()[0])


async def test_key_is_required(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    r = await http.post(f"{API}/applications", headers=auth, json=_application("ict"))
    assert r.status_code == 400 and r.json()["code"] == "idempotency_key_required"
    r = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": "short"},
                        json=_application("ict"))
    assert r.status_code == 400


async def test_same_key_same_body_replays(http: httpx.AsyncClient, app: FastAPI) -> None:
    auth = {**await bearer(http, "sponsor-eh3"), "Idempotency-Key": "replay-key-1"}
    first = await http.post(f"{API}/applications", headers=auth, json=_application("ict"))
    second = await http.post(f"{API}/applications", headers=auth, json=_application("ict"))
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert _count(app, "SELECT COUNT(*) FROM applications") == 1


async def test_same_key_other_body_is_refused(http: httpx.AsyncClient) -> None:
    auth = {**await bearer(http, "sponsor-eh3"), "Idempotency-Key": "reuse-key-1"}
    await http.post(f"{API}/applications", headers=auth, json=_application("ict"))
    other = await http.post(f"{API}/applications", headers=auth,
                            json=_application("eu_blue_card"))
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


async def test_retry_while_running_is_409(http: httpx.AsyncClient, app: FastAPI) -> None:
    auth = await bearer(http, "sponsor-eh3")
    body = _application("ict")
    # A first request with this key is in flight: it has claimed the key, not finished.
    sb = app.state.sandbox
    scope = "12345678:12345678:submit"
    digest = idempotency.body_hash(_dump(body))
    idempotency.begin(sb.db, scope, "inflight-key", digest, "2026-11-02T08:00:00+00:00")
    r = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": "inflight-key"},
                        json=body)
    assert r.status_code == 409 and r.json()["code"] == "request_in_progress"
    assert r.headers["retry-after"] == "1"


def _dump(body: dict[str, object]) -> object:
    from ind_tui.api.applications import ApplicationRequest

    return ApplicationRequest.model_validate(body).model_dump(mode="json")


async def _new_application(http: httpx.AsyncClient, auth: dict[str, str], key: str) -> dict:
    r = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": key},
                        json=_application("hsm_first_vvr"))
    assert r.status_code == 201
    return dict(r.json())


def _pay(http: httpx.AsyncClient, auth: dict[str, str], app_id: str, key: str,
         amount: int = 423) -> object:
    return http.post(f"{API}/applications/{app_id}/payment",
                     headers={**auth, "Idempotency-Key": key},
                     json={"method": "direct_debit", "amount_eur": amount})


async def test_paid_at_most_once(http: httpx.AsyncClient, app: FastAPI) -> None:
    auth = await bearer(http, "sponsor-eh3")
    application = await _new_application(http, auth, "once-key-1")
    wrong = await _pay(http, auth, application["id"], "pay-wrong-1", amount=1)  # type: ignore[misc]
    assert wrong.json()["code"] == "amount_mismatch"
    paid = await _pay(http, auth, application["id"], "pay-key-1")  # type: ignore[misc]
    assert paid.status_code == 200
    receipt = paid.json()["application"]["receipt"]
    assert receipt["zaaknummer"] and receipt["decision_deadline"] == "2027-01-31"
    replay = await _pay(http, auth, application["id"], "pay-key-1")  # type: ignore[misc]
    assert replay.json() == paid.json()
    twice = await _pay(http, auth, application["id"], "pay-key-2")  # type: ignore[misc]
    assert twice.status_code == 409 and twice.json()["code"] == "already_paid"
    assert twice.json()["details"]["payment"]["reference"] == paid.json()["payment"]["reference"]
    # A day later the key still stands for its payment: a retry with it replays the answer.
    await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_seconds": 25 * 3600})
    auth = await bearer(http, "sponsor-eh3")
    late = await _pay(http, auth, application["id"], "pay-key-1")  # type: ignore[misc]
    assert late.status_code == 200 and late.headers["idempotent-replayed"] == "true"
    assert late.json() == paid.json()
    assert _count(app, "SELECT COUNT(*) FROM payments") == 1
    assert _count(app, "SELECT COUNT(*) FROM cases WHERE submitted_at >= '2026-11-02T08'") == 1


async def test_concurrent_payments_one_wins(http: httpx.AsyncClient, app: FastAPI) -> None:
    auth = await bearer(http, "sponsor-eh3")
    application = await _new_application(http, auth, "race-key-1")
    results = await asyncio.gather(*[
        _pay(http, auth, application["id"], f"race-pay-{n:02d}")  # type: ignore[misc]
        for n in range(8)
    ])
    codes = sorted(r.status_code for r in results)
    assert codes.count(200) == 1 and set(codes) == {200, 409}
    assert _count(app, "SELECT COUNT(*) FROM payments") == 1


@pytest.mark.parametrize("route", ["applications.submit", "applications.pay"])
async def test_commit_then_drop_then_retry(http: httpx.AsyncClient, app: FastAPI,
                                           route: str) -> None:
    auth = await bearer(http, "sponsor-eh3")
    await http.post(f"{API}/sandbox/faults", headers=ADMIN,
                    json={"route": route, "kind": "commit_then_drop", "count": 1})
    if route == "applications.submit":
        with pytest.raises(ConnectionDropped):
            await _new_application(http, auth, "drop-key-1")
        again = await _new_application(http, auth, "drop-key-1")
        assert again["status"] == "awaiting_payment"
        assert _count(app, "SELECT COUNT(*) FROM applications") == 1
        return
    application = await _new_application(http, auth, "drop-key-2")
    with pytest.raises(ConnectionDropped):
        await _pay(http, auth, application["id"], "drop-pay-2")  # type: ignore[misc]
    # The answer was lost, the work was not: look it up, then a retry replays.
    found = await http.get(f"{API}/applications", headers=auth,
                           params={"idempotency_key": "drop-key-2"})
    assert found.json()[0]["status"] == "submitted" and found.json()[0]["receipt"]
    retry = await _pay(http, auth, application["id"], "drop-pay-2")  # type: ignore[misc]
    assert retry.status_code == 200 and retry.headers["idempotent-replayed"] == "true"
    assert _count(app, "SELECT COUNT(*) FROM payments") == 1


async def test_free_notification_is_submitted_at_once(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    r = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": "free-key-1"},
                        json=_application("position_notification"))
    assert r.status_code == 201
    assert r.json()["status"] == "submitted" and r.json()["receipt"]["zaaknummer"]
    assert r.json()["fee_eur"] == 0
