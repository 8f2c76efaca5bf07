"""Messages from the IND in the sandbox, end to end on the sandbox clock: a request for
information arrives with the daily refresh, is answered with documents uploaded to the case
(which moves the decision deadline by the days the period stood still), a decision and a
"ready for collection" letter follow; a request left unanswered lapses; who sees what."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
from fastapi import FastAPI

from ind_tui.sandbox.identities import NOORDZEE, PAYROLL
from ind_tui.sandbox.lifecycle import INFO_REQUEST_EXTENSION_DAYS
from ind_tui.sandbox.pdfgen import letter
from tests.conftest import ADMIN, API, bearer

ARRIVES_TOMORROW = "hsm_extension"  # the seeded case whose request comes with the next refresh
PDF = {"Content-Type": "application/pdf"}


async def _messages(http: httpx.AsyncClient, auth: dict[str, str], **params: Any
                    ) -> dict[str, Any]:
    response = await http.get(f"{API}/messages", headers=auth, params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


async def _advance(http: httpx.AsyncClient, days: int) -> None:
    response = await http.post(f"{API}/sandbox/clock", headers=ADMIN,
                               json={"advance_days": days})
    assert response.status_code == 200, response.text


async def _upload(http: httpx.AsyncClient, auth: dict[str, str], zaak: str, name: str) -> str:
    response = await http.post(f"{API}/cases/{zaak}/documents", content=letter([name]),
                               headers={**auth, **PDF, "X-Filename": name})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def _case(http: httpx.AsyncClient, auth: dict[str, str], zaak: str) -> dict[str, Any]:
    response = await http.get(f"{API}/cases/{zaak}", headers=auth)
    assert response.status_code == 200, response.text
    case: dict[str, Any] = response.json()
    return case


async def test_a_fresh_demo_has_an_inbox_paged_and_filtered(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    page = await _messages(http, auth)
    items = page["items"]
    assert page["total"] == len(items) > 20
    assert {m["kind"] for m in items} == {"info_request", "decision", "ready_for_collection"}
    assert 0 < page["unread"] == sum(m["read_at"] is None for m in items) < len(items)
    assert [m["id"] for m in items] == sorted((m["id"] for m in items), reverse=True)
    open_requests = [m for m in items if m["state"] == "open"]
    assert open_requests, "the demo shows open requests for information"
    for request in open_requests:
        assert request["deadline"] and request["requested"]
        assert all(doc["title_nl"] and doc["title_en"] for doc in request["requested"])
        assert request["document_id"] == f"letter-{request['id']}"
    decision = next(m for m in items if m["kind"] == "decision")
    assert decision["decision"] in ("granted", "rejected", "not_considered")
    assert decision["document_id"] == "decision"
    # Paged like the cases: `after` walks the whole list once.
    seen: list[str] = []
    after = None
    while True:
        part = await _messages(http, auth, limit=7, **({"after": after} if after else {}))
        seen += [m["id"] for m in part["items"]]
        after = part["next_after"]
        if after is None:
            break
    assert seen == [m["id"] for m in items]
    unread = await _messages(http, auth, unread="true")
    assert unread["total"] == page["unread"] and all(m["read_at"] is None for m in unread["items"])
    zaak = open_requests[0]["zaaknummer"]
    one_case = await _messages(http, auth, zaaknummer=zaak)
    assert {m["zaaknummer"] for m in one_case["items"]} == {zaak}
    for state in ("open", "answered"):
        by_state = await _messages(http, auth, state=state)
        assert [m["id"] for m in by_state["items"]] == [
            m["id"] for m in items if m["state"] == state] != []
    kind = await _messages(http, auth, kind="ready_for_collection")
    assert kind["total"] and {m["kind"] for m in kind["items"]} == {"ready_for_collection"}
    bad = await http.get(f"{API}/messages", headers=auth, params={"kind": "postcard"})
    assert bad.status_code == 422


async def test_marking_read_is_counted_once(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    page = await _messages(http, auth, unread="true")
    target = page["items"][0]["id"]
    first = await http.post(f"{API}/messages/{target}/read", headers=auth)
    assert first.status_code == 200 and first.json()["read_at"] is not None
    await _advance(http, 0)
    again = await http.post(f"{API}/messages/{target}/read", headers=auth)
    assert again.json()["read_at"] == first.json()["read_at"]
    after = await _messages(http, auth)
    assert after["unread"] == page["unread"] - 1
    shown = await http.get(f"{API}/messages/{target}", headers=auth)
    assert shown.status_code == 200 and shown.json()["read_at"] == first.json()["read_at"]


async def test_request_arrives_is_answered_and_the_decision_follows(
    http: httpx.AsyncClient,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    before = await _messages(http, auth, kind="info_request")
    await _advance(http, 1)
    auth = await bearer(http, "sponsor-eh3")
    after = await _messages(http, auth, kind="info_request")
    new = [m for m in after["items"] if m["id"] not in {b["id"] for b in before["items"]}]
    assert len(new) == 1, "advancing one day brings one request for information"
    request = new[0]
    assert request["read_at"] is None and request["state"] == "open"
    assert request["type_id"] == ARRIVES_TOMORROW
    zaak = request["zaaknummer"]
    sent = date.fromisoformat(request["sent_at"][:10])
    assert request["deadline"] == (sent + timedelta(days=INFO_REQUEST_EXTENSION_DAYS)).isoformat()
    case = await _case(http, auth, zaak)
    assert case["status"] == "info_requested"
    first_deadline = date.fromisoformat(case["receipt"]["decision_deadline"])
    extended = first_deadline + timedelta(days=INFO_REQUEST_EXTENSION_DAYS)
    assert case["decision_deadline"] == request["decision_deadline"] == extended.isoformat()
    # The request is also a letter in the dossier.
    dossier = (await http.get(f"{API}/cases/{zaak}/documents", headers=auth)).json()
    assert request["document_id"] in {d["id"] for d in dossier["documents"]}
    pdf = await http.get(f"{API}/cases/{zaak}/documents/{request['document_id']}", headers=auth)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert request["deadline"].encode() in pdf.content

    docs = {item["key"]: await _upload(http, auth, zaak, f"{item['key']}.pdf")
            for item in request["requested"]}
    answered = await http.post(f"{API}/messages/{request['id']}/answer", headers=auth,
                               json={"documents": docs})
    assert answered.status_code == 200, answered.text
    receipt = answered.json()
    # Answered the day after the request: the period stood still for one day, not 28.
    assert receipt["suspended_days"] == 1
    assert receipt["previous_decision_deadline"] == extended.isoformat()
    moved = first_deadline + timedelta(days=1)
    assert receipt["decision_deadline"] == moved.isoformat()
    assert receipt["message"]["state"] == "answered"
    assert receipt["message"]["decision_deadline"] == moved.isoformat()
    assert {d["key"]: d["document_id"] for d in receipt["message"]["requested"]} == docs
    # Sending the same answer again (a retry) gives the same receipt.
    replay = await http.post(f"{API}/messages/{request['id']}/answer", headers=auth,
                             json={"documents": docs})
    assert replay.status_code == 200 and replay.json() == receipt
    other = dict(docs, **{next(iter(docs)): await _upload(http, auth, zaak, "other.pdf")})
    refused = await http.post(f"{API}/messages/{request['id']}/answer", headers=auth,
                              json={"documents": other})
    assert refused.status_code == 409 and refused.json()["code"] == "message_answered"

    # The next daily refresh shows the case taken up again, with the moved deadline.
    await _advance(http, 1)
    auth = await bearer(http, "sponsor-eh3")
    case = await _case(http, auth, zaak)
    assert case["status"] == "in_progress"
    assert case["decision_deadline"] == moved.isoformat()
    assert "suspended for 1 days" in case["events"][-1]["note"]
    # Assessment resumed on the answer, so the decision comes ten days on, not 27 days later.
    await _advance(http, 11)
    auth = await bearer(http, "sponsor-eh3")
    decision = (await _messages(http, auth, zaaknummer=zaak, kind="decision"))["items"]
    assert len(decision) == 1 and decision[0]["decision"] == "granted"
    letter_pdf = await http.get(f"{API}/cases/{zaak}/documents/{decision[0]['document_id']}",
                                headers=auth)
    assert letter_pdf.status_code == 200 and letter_pdf.content.startswith(b"%PDF-")
    await _advance(http, 4)
    auth = await bearer(http, "sponsor-eh3")
    ready = (await _messages(http, auth, zaaknummer=zaak, kind="ready_for_collection"))["items"]
    assert len(ready) == 1
    collected = await http.get(f"{API}/cases/{zaak}/documents/{ready[0]['document_id']}",
                               headers=auth)
    assert collected.status_code == 200 and b"opgehaald" in collected.content
    late = await http.post(f"{API}/messages/{request['id']}/answer", headers=auth,
                           json={"documents": docs})
    assert late.status_code == 200, "a replay stays harmless after the decision"


async def test_answers_are_checked(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    items = (await _messages(http, auth))["items"]
    request = next(m for m in items if m["state"] == "open")
    zaak = request["zaaknummer"]
    keys = [item["key"] for item in request["requested"]]
    url = f"{API}/messages/{request['id']}/answer"
    own = await _upload(http, auth, zaak, "a.pdf")
    missing = await http.post(url, headers=auth, json={"documents": {"diploma_x": own}})
    assert missing.status_code == 422 and missing.json()["code"] == "validation_failed"
    assert missing.json()["details"]["missing"] == sorted(keys)
    elsewhere_case = next(m["zaaknummer"] for m in items
                          if m["state"] == "open" and m["zaaknummer"] != zaak)
    elsewhere = await _upload(http, auth, elsewhere_case, "b.pdf")
    wrong = await http.post(url, headers=auth, json={"documents": dict.fromkeys(keys, elsewhere)})
    assert wrong.status_code == 422 and wrong.json()["code"] == "document_not_allowed"
    letter_id = await http.post(url, headers=auth,
                                json={"documents": dict.fromkeys(keys, "receipt")})
    assert letter_id.json()["code"] == "document_not_allowed"
    decision = next(m for m in items if m["kind"] == "decision")
    not_a_request = await http.post(f"{API}/messages/{decision['id']}/answer", headers=auth,
                                    json={"documents": {"x": own}})
    assert not_a_request.status_code == 409
    assert not_a_request.json()["code"] == "message_not_answerable"
    assert (await http.get(url.removesuffix("/answer"), headers=auth)).json()["state"] == "open"


async def test_an_unanswered_request_lapses_with_the_full_extension(
    http: httpx.AsyncClient,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    requests = [m for m in (await _messages(http, auth, kind="info_request"))["items"]
                if m["state"] == "open"]
    soonest = min(requests, key=lambda m: m["deadline"])
    deadline = date.fromisoformat(soonest["deadline"])
    days = (deadline - date.fromisoformat((await http.get(
        f"{API}/sandbox/clock", headers=ADMIN)).json()["now"][:10])).days
    assert 0 < days < 10, "the demo has a request whose deadline is days away"
    upload = await _upload(http, auth, soonest["zaaknummer"], "late.pdf")
    await _advance(http, days + 1)
    auth = await bearer(http, "sponsor-eh3")
    lapsed = (await http.get(f"{API}/messages/{soonest['id']}", headers=auth)).json()
    assert lapsed["state"] == "lapsed"
    lapsed_list = await _messages(http, auth, state="lapsed")
    assert soonest["id"] in {m["id"] for m in lapsed_list["items"]}
    refused = await http.post(f"{API}/messages/{soonest['id']}/answer", headers=auth, json={
        "documents": {item["key"]: upload for item in lapsed["requested"]}})
    assert refused.status_code == 409
    assert refused.json()["details"]["reason"] == "deadline_passed"
    await _advance(http, 1)
    auth = await bearer(http, "sponsor-eh3")
    case = await _case(http, auth, soonest["zaaknummer"])
    assert case["status"] == "in_progress", "the IND goes on after the deadline"
    assert case["decision_deadline"] == soonest["decision_deadline"]


async def test_who_sees_which_messages(http: httpx.AsyncClient, app: FastAPI) -> None:
    owner = await bearer(http, "sponsor-eh3")
    a_items = (await _messages(http, owner))["items"]
    a_ids = {m["id"] for m in a_items}
    other = await bearer(http, "delta-eh3")
    theirs = (await _messages(http, other))["items"]
    assert theirs and not ({m["id"] for m in theirs} & a_ids)
    one = next(iter(a_ids))
    for method, path in (("GET", ""), ("POST", "/read")):
        response = await http.request(method, f"{API}/messages/{one}{path}", headers=other)
        assert response.status_code == 404 and response.json()["code"] == "not_found"
    agent = await bearer(http, "agent-noordzee")
    agent_items = (await _messages(http, agent))["items"]
    assert agent_items and {m["id"] for m in agent_items} < a_ids
    # Only the cases the agency submitted, including those that left the case list since
    # (their letters stay).
    agency = {r[0] for r in app.state.sandbox.db.read().execute(
        "SELECT zaaknummer FROM cases WHERE sponsor_kvk = ? AND submitted_by_kvk = ?",
        (NOORDZEE, PAYROLL))}
    assert {m["zaaknummer"] for m in agent_items} <= agency
    assert {m["id"] for m in a_items if m["zaaknummer"] in agency} == {
        m["id"] for m in agent_items}
    hidden = next(m for m in a_items if m["zaaknummer"] not in agency and m["state"] == "open")
    refused = await http.post(f"{API}/messages/{hidden['id']}/answer", headers=agent,
                              json={"documents": {"x": "DOC-1"}})
    assert refused.status_code == 404
    employer = await bearer(http, "employer-eh3")
    denied = await http.get(f"{API}/messages", headers=employer)
    assert denied.status_code == 403 and denied.json()["code"] == "service_not_allowed"
    malformed = await http.get(f"{API}/messages/not-a-message", headers=owner)
    assert malformed.status_code == 422
