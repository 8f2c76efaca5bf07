"""The payment history on the sandbox portal: who sees which payments, pending direct debits,
the refunds the IND makes by itself (a submission that never arrived, one filed twice) and
by hand — and, through every injected fault, never a payment that did not happen (phantom)
nor one made twice."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from ind_tui.api.errors import (
    NotSentError,
    PortalError,
    RateLimitedError,
    ReceiptPendingError,
    ServerError,
    ServiceUnavailableError,
)
from ind_tui.api.payments import PaymentMethod, PaymentRequest, PaymentStatus, RefundReason
from ind_tui.sandbox.clock import AMSTERDAM
from tests.client_fixtures import admin_of, hsm_request, login, make_app, make_client
from tests.conftest import ADMIN, API, bearer

Auth = dict[str, str]


async def _list(http: httpx.AsyncClient, auth: Auth, **params: Any) -> dict[str, Any]:
    r = await http.get(f"{API}/payments", headers=auth, params=params)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


async def _advance(http: httpx.AsyncClient, **change: Any) -> None:
    r = await http.post(f"{API}/sandbox/clock", headers=ADMIN, json=change)
    assert r.status_code == 200, r.text


async def _submit_and_pay(http: httpx.AsyncClient, auth: Auth, key: str, method: str,
                          name: str = "Dubbel Betaald") -> dict[str, Any]:
    from ind_tui.domain.forms import example_answers

    body = {"type_id": "hsm_first_vvr", "form_version": 1,
            "answers": example_answers("hsm_first_vvr"),
            "employee": {"name": name, "date_of_birth": "1991-02-03", "nationality": "IND"}}
    app = await http.post(f"{API}/applications", json=body,
                          headers={**auth, "Idempotency-Key": f"{key}-submit"})
    assert app.status_code == 201, app.text
    paid = await http.post(f"{API}/applications/{app.json()['id']}/payment",
                           headers={**auth, "Idempotency-Key": f"{key}-pay"},
                           json={"method": method, "amount_eur": app.json()["fee_eur"]})
    assert paid.status_code == 200, paid.text
    result: dict[str, Any] = paid.json()
    return result


# --- the list -----------------------------------------------------------------------------------


async def test_sponsor_sees_all_its_payments_the_agency_only_its_own(
        http: httpx.AsyncClient) -> None:
    owner = await _list(http, await bearer(http, "sponsor-eh3"))
    agent = await _list(http, await bearer(http, "agent-noordzee"))
    delta = await _list(http, await bearer(http, "delta-eh3"))
    employer = await _list(http, await bearer(http, "employer-eh3"))
    mine = {p["reference"] for p in owner["items"]}
    by_agency = {p["reference"] for p in owner["items"] if p["paid_by_kvk"] == "45678901"}
    assert by_agency and {p["reference"] for p in agent["items"]} == by_agency
    assert not mine & {p["reference"] for p in delta["items"]}
    assert employer["items"] and all(p["paid_by_kvk"] == "34567890" for p in employer["items"])
    assert [p["paid_at"] for p in owner["items"]] == sorted(
        (p["paid_at"] for p in owner["items"]), reverse=True)
    totals = owner["totals"]
    assert totals["count"] == len(owner["items"])
    assert totals["charged_eur"] == sum(p["amount_eur"] for p in owner["items"])
    assert totals["net_eur"] == totals["charged_eur"] - totals["refunded_eur"]


async def test_filters(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    everything = (await _list(http, auth))["items"]
    zaak = next(p["zaaknummer"] for p in everything if p["zaaknummer"])
    by_case = (await _list(http, auth, zaaknummer=zaak))["items"]
    assert by_case and {p["zaaknummer"] for p in by_case} == {zaak}
    refunded = (await _list(http, auth, status="refunded"))["items"]
    assert refunded and all(p["refund"] for p in refunded)
    assert (await _list(http, auth, year=2031))["items"] == []
    r = await http.get(f"{API}/payments", headers=auth, params={"zaaknummer": "12"})
    assert r.status_code == 422 and r.json()["code"] == "validation_failed"


async def test_direct_debit_pending_until_collected_one_off_paid_at_once(
        http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    debit = await _submit_and_pay(http, auth, "debit-0001", "direct_debit", "Eerste Persoon")
    once = await _submit_and_pay(http, auth, "oneoff-0001", "one_off", "Tweede Persoon")
    listed = {p["reference"]: p for p in (await _list(http, auth))["items"]}
    mine = listed[debit["payment"]["reference"]]
    assert mine["status"] == "pending" and mine["application_id"] == debit["application"]["id"]
    assert mine["zaaknummer"] == debit["application"]["receipt"]["zaaknummer"]
    assert datetime.fromisoformat(mine["collected_at"]).astimezone(AMSTERDAM).hour == 6
    assert listed[once["payment"]["reference"]]["status"] == "paid"
    pending = await _list(http, auth, status="pending")
    assert pending["totals"]["pending_eur"] == mine["amount_eur"]
    await _advance(http, advance_days=1)
    auth = await bearer(http, "sponsor-eh3")
    after = {p["reference"]: p for p in (await _list(http, auth))["items"]}
    assert after[debit["payment"]["reference"]]["status"] == "paid"


# --- refunds ------------------------------------------------------------------------------------


async def test_a_submission_that_never_arrived_is_refunded(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    lost = [p for p in (await _list(http, auth))["items"] if p["zaaknummer"] is None]
    done = [p for p in lost if p["refund"]]
    waiting = [p for p in lost if not p["refund"]]
    assert len(done) == 1 and done[0]["refund"]["reason"] == "not_received"
    assert done[0]["status"] == "refunded" and done[0]["refund"]["amount_eur"] == done[0][
        "amount_eur"]
    assert len(waiting) == 1 and waiting[0]["refund_due"] == "2026-11-06"
    before = (await _list(http, auth))["totals"]["refunded_eur"]
    await _advance(http, set_to="2026-11-06T05:59:00+01:00")
    auth = await bearer(http, "sponsor-eh3")
    still = {p["reference"]: p for p in (await _list(http, auth))["items"]}
    assert still[waiting[0]["reference"]]["status"] != "refunded"  # due at the 06:00 run
    await _advance(http, advance_seconds=120)
    auth = await bearer(http, "sponsor-eh3")
    now = await _list(http, auth)
    made = {p["reference"]: p for p in now["items"]}[waiting[0]["reference"]]
    assert made["status"] == "refunded" and made["refund_due"] is None
    assert made["refund"]["refunded_at"].startswith("2026-11-06T05:00:00")  # 06:00 Amsterdam
    assert now["totals"]["refunded_eur"] == before + made["amount_eur"]


async def test_paid_twice_the_second_payment_is_refunded(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    first = await _submit_and_pay(http, auth, "twice-0001", "direct_debit")
    second = await _submit_and_pay(http, auth, "twice-0002", "one_off")
    other = await _submit_and_pay(http, auth, "twice-0003", "one_off", "Iemand Anders")
    refs = [x["payment"]["reference"] for x in (first, second, other)]
    listed = {p["reference"]: p for p in (await _list(http, auth))["items"]}
    assert listed[refs[1]]["refund_due"] == "2026-11-09"  # 5 working days on
    assert listed[refs[0]]["refund_due"] is None and listed[refs[2]]["refund_due"] is None
    await _advance(http, advance_days=8)
    auth = await bearer(http, "sponsor-eh3")
    listed = {p["reference"]: p for p in (await _list(http, auth))["items"]}
    assert listed[refs[1]]["status"] == "refunded"
    assert listed[refs[1]]["refund"]["reason"] == "duplicate"
    assert listed[refs[0]]["status"] == "paid" and listed[refs[2]]["status"] == "paid"
    again = {p["reference"]: p for p in (await _list(http, auth))["items"]}
    assert again[refs[1]]["refund"] == listed[refs[1]]["refund"]  # made once, kept


async def test_support_refunds_by_hand_once(http: httpx.AsyncClient, app: FastAPI) -> None:
    auth = await bearer(http, "sponsor-eh3")
    paid = await _submit_and_pay(http, auth, "byhand-0001", "one_off", "Handmatig Terug")
    ref = paid["payment"]["reference"]
    refused = await http.post(f"{API}/sandbox/refunds", headers=auth, json={"reference": ref})
    assert refused.status_code == 403 and refused.json()["code"] == "sandbox_admin_required"
    attempts = await asyncio.gather(*(
        http.post(f"{API}/sandbox/refunds", headers=ADMIN,
                  json={"reference": ref, "reason": "other"}) for _ in range(6)))
    assert sorted(r.status_code for r in attempts) == [201] + [409] * 5
    made = next(r.json() for r in attempts if r.status_code == 201)
    assert made["amount_eur"] == paid["payment"]["amount_eur"] and made["reason"] == "other"
    conflict = next(r.json() for r in attempts if r.status_code == 409)
    assert conflict["code"] == "already_refunded" and conflict["details"]["refund"] == made
    unknown = await http.post(f"{API}/sandbox/refunds", headers=ADMIN,
                              json={"reference": "PAY-NOSUCHTHING"})
    assert unknown.status_code == 404
    row = (await _list(http, auth, application_id=paid["application"]["id"]))["items"]
    assert len(row) == 1 and row[0]["status"] == "refunded" and row[0]["refund"] == made
    count = app.state.sandbox.db.read().execute(
        "SELECT COUNT(*) FROM refunds WHERE payment_reference = ?", (ref,)).fetchone()[0]
    assert count == 1


async def test_client_and_admin_client_speak_the_same(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        await login(client)
        app = await client.submit_application(hsm_request("Klant Test"), str(uuid.uuid4()))
        result = await client.pay(app.id, PaymentRequest(method=PaymentMethod.ONE_OFF,
                                                         amount_eur=app.fee_eur),
                                  str(uuid.uuid4()))
        refund = await admin_of(client).refund(result.payment.reference, RefundReason.OTHER)
        listed = await client.payments(application_id=app.id)
        assert [p.reference for p in listed.items] == [result.payment.reference]
        assert listed.items[0].refund == refund
        assert listed.items[0].status is PaymentStatus.REFUNDED
        assert listed.totals.refunded_eur == app.fee_eur and listed.totals.net_eur == 0


# --- the fault matrix: no phantom, no double charge ---------------------------------------------

FAULTS: dict[str, tuple[str, dict[str, Any], type[Exception] | None]] = {
    # name: (kind, options, what the first pay() raises — None: it returns the payment)
    "slow once": ("latency", {"latency_ms": 20, "count": 1}, None),
    "slow always": ("latency", {"latency_ms": 20}, None),
    "503 once": ("unavailable", {"retry_after": 0, "count": 1}, None),
    "503 always": ("unavailable", {"retry_after": 0}, ServiceUnavailableError),
    "500 once": ("server_error", {"count": 1}, NotSentError),
    "500 always": ("server_error", {}, NotSentError),
    "429 once": ("rate_limit", {"retry_after": 0, "count": 1}, None),
    "429 always": ("rate_limit", {"retry_after": 0}, RateLimitedError),
    "answer lost once": ("commit_then_drop", {"count": 1}, None),
    "answer lost always": ("commit_then_drop", {}, ReceiptPendingError),
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_pay_through_a_fault_charges_once_or_not_at_all(
        tmp_path: Path, fault: str) -> None:
    kind, options, raises = FAULTS[fault]
    sandbox = make_app(tmp_path)
    async with make_client(sandbox) as client:
        await login(client)
        app = await client.submit_application(hsm_request("Fout Matrix"), str(uuid.uuid4()))
        request = PaymentRequest(method=PaymentMethod.DIRECT_DEBIT, amount_eur=app.fee_eur)
        key = str(uuid.uuid4())
        await admin_of(client).fault("applications.pay", kind, **options)
        outcome: Any
        try:
            outcome = await client.pay(app.id, request, key)
        except PortalError as exc:
            outcome = exc
        if raises is None:
            assert not isinstance(outcome, Exception), outcome
        else:
            assert isinstance(outcome, raises), outcome
        await admin_of(client).clear_faults()
        charged = (await client.payments(application_id=app.id)).items
        truth = sandbox.state.sandbox.db.read().execute(
            "SELECT reference FROM payments WHERE application_id = ?", (app.id,)).fetchall()
        assert [p.reference for p in charged] == [r[0] for r in truth]  # no phantom
        assert len(charged) == (0 if isinstance(outcome, NotSentError | ServiceUnavailableError
                                                | RateLimitedError) else 1)
        if not isinstance(outcome, Exception):
            assert charged[0].reference == outcome.payment.reference
        # Trying again with the same key settles it: exactly one payment, never two.
        final = await client.pay(app.id, request, key)
        after = (await client.payments(application_id=app.id)).items
        assert [p.reference for p in after] == [final.payment.reference]
        if charged:
            assert final.payment.reference == charged[0].reference


@pytest.mark.parametrize("kind", ["unavailable", "server_error", "commit_then_drop", "latency"])
async def test_the_list_through_a_fault_is_the_truth_or_an_error(
        tmp_path: Path, kind: str) -> None:
    async with make_client(make_app(tmp_path)) as client:
        await login(client)
        truth = await client.payments()
        await admin_of(client).fault("payments.list", kind, count=1, retry_after=0,
                                     latency_ms=20)
        try:
            seen = await client.payments()
        except ServerError:
            seen = None  # a failed read shows nothing rather than something wrong
        if seen is not None:
            assert seen.items == truth.items and seen.totals == truth.totals
        assert kind == "server_error" or seen is not None
        assert await client.payments() == truth


async def test_refunds_made_while_reading_are_made_once(tmp_path: Path) -> None:
    """The refund that falls due is written by whichever read comes first; answers cut off
    and reads at the same time still make one refund."""
    sandbox = make_app(tmp_path)
    async with make_client(sandbox) as client:
        await login(client)
        await admin_of(client).advance(days=10)
        await login(client)
        await admin_of(client).fault("payments.list", "commit_then_drop", count=2)
        lists = await asyncio.gather(*(client.payments() for _ in range(5)))
        assert len({tuple(p.reference for p in x.items) for x in lists}) == 1
        rows = sandbox.state.sandbox.db.read().execute(
            "SELECT payment_reference, COUNT(*) FROM refunds GROUP BY payment_reference"
        ).fetchall()
        assert rows and all(r[1] == 1 for r in rows)
