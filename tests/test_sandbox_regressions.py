"""Defects found in review, each pinned by a test."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from ind_tui.sandbox.faults import ConnectionDropped
from ind_tui.sandbox.pdfgen import letter
from tests.conftest import ADMIN, API, bearer
from tests.test_sandbox_rules import _application


async def _upload(http: httpx.AsyncClient, auth: dict[str, str], name: str) -> str:
    r = await http.post(f"{API}/documents", content=letter([name]), headers={
        **auth, "Content-Type": "application/pdf", "X-Filename": name})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def test_retry_after_the_documents_moved_on_replays(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    doc = await _upload(http, auth, "passport.pdf")
    body = _application("ict", documents={"assignment_letter": doc})
    first = await http.post(f"{API}/applications", json=body,
                            headers={**auth, "Idempotency-Key": "moved-key-1"})
    assert first.status_code == 201, first.text
    paid = await http.post(f"{API}/applications/{first.json()['id']}/payment", json={
        "method": "direct_debit", "amount_eur": first.json()["fee_eur"]},
        headers={**auth, "Idempotency-Key": "moved-pay-1"})
    assert paid.status_code == 200
    again = await http.post(f"{API}/applications", json=body,
                            headers={**auth, "Idempotency-Key": "moved-key-1"})
    assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"


async def test_one_document_cannot_serve_two_applications(http: httpx.AsyncClient,
                                                          app: FastAPI) -> None:
    auth = await bearer(http, "sponsor-eh3")
    doc = await _upload(http, auth, "letter.pdf")
    body = _application("ict", documents={"assignment_letter": doc})
    one = await http.post(f"{API}/applications", json=body,
                          headers={**auth, "Idempotency-Key": "doc-twice-1"})
    two = await http.post(f"{API}/applications", json=body,
                          headers={**auth, "Idempotency-Key": "doc-twice-2"})
    assert one.status_code == 201
    assert two.status_code == 422 and two.json()["code"] == "document_not_allowed"
    count = app.state.sandbox.db.read().execute("SELECT COUNT(*) FROM applications").fetchone()
    assert count[0] == 1


async def test_a_catch_all_fault_never_locks_out_the_admin(http: httpx.AsyncClient) -> None:
    await http.post(f"{API}/sandbox/faults", headers=ADMIN,
                    json={"route": "*", "kind": "unavailable"})
    assert (await http.get(f"{API}/portal")).status_code == 503
    assert (await http.delete(f"{API}/sandbox/faults", headers=ADMIN)).status_code == 204
    assert (await http.get(f"{API}/portal")).status_code == 200


async def test_a_refused_request_is_not_cut_off(http: httpx.AsyncClient) -> None:
    await http.post(f"{API}/sandbox/faults", headers=ADMIN,
                    json={"route": "me", "kind": "commit_then_drop", "count": 1})
    refused = await http.get(f"{API}/me")  # no token: 401, nothing committed
    assert refused.status_code == 401
    auth = await bearer(http, "sponsor-eh3")
    with pytest.raises(ConnectionDropped):
        await http.get(f"{API}/me", headers=auth)


async def test_stopping_a_running_clock(http: httpx.AsyncClient) -> None:
    assert (await http.post(f"{API}/sandbox/clock", headers=ADMIN,
                            json={"running": True})).status_code == 200
    stopped = await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"running": False})
    assert stopped.status_code == 200 and stopped.json()["running"] is False
    far = await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={
        "set_to": "9999-12-31T00:00:00+00:00", "advance_days": 3650})
    assert far.status_code == 422


async def test_a_filename_with_accents_uploads(tmp_path: Path) -> None:
    from tests.client_fixtures import login, make_app, make_client

    async with make_client(make_app(tmp_path)) as client:
        await login(client)
        doc = await client.upload_document(letter(["x"]), "paspoort_Zoë Müller.pdf")
        assert doc.filename.startswith("paspoort_Zo") and doc.filename.endswith(".pdf")


async def test_a_lost_notification_answer_is_not_filed_twice(tmp_path: Path) -> None:
    from datetime import date

    from ind_tui.api.account import Address, NotificationKind, NotificationRequest
    from tests.client_fixtures import admin_of, login, make_app, make_client

    app = make_app(tmp_path)
    async with make_client(app) as client:
        await login(client)
        await admin_of(client).fault("account.notify", "commit_then_drop", count=1)
        request = NotificationRequest(
            kind=NotificationKind.ADMINISTRATION_ADDRESS, effective_date=date(2026, 10, 30),
            new_address=Address(street="Coolsingel", number="40", postcode="3011 AD",
                                city="Rotterdam"))
        receipt = await client.notify(request, "notify-key-0001")
        assert receipt.report_deadline == date(2026, 11, 13)
    rows = app.state.sandbox.db.read().execute("SELECT COUNT(*) FROM notifications").fetchone()
    assert rows[0] == 1
