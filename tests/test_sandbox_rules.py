"""The portal's rules as the sandbox enforces them (DOMAIN.md), one test per rule."""

from __future__ import annotations

import io

import httpx
import pytest
from pypdf import PdfWriter

from ind_tui.sandbox.pdfgen import letter
from tests.conftest import ADMIN, API, bearer
from tests.conftest_drafts import pdf_of_size


async def _all_cases(http: httpx.AsyncClient, auth: dict[str, str]) -> list[dict[str, object]]:
    r = await http.get(f"{API}/cases", headers=auth, params={"limit": 1000})
    assert r.status_code == 200, r.text
    items: list[dict[str, object]] = r.json()["items"]
    return items


async def _advance(http: httpx.AsyncClient, days: int) -> None:
    r = await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_days": days})
    assert r.status_code == 200


async def test_services_by_role(http: httpx.AsyncClient) -> None:
    employer = await bearer(http, "employer-eh3")
    me = (await http.get(f"{API}/me", headers=employer)).json()
    allowed = {s["service"]: s["allowed"] for s in me["services"]}
    assert allowed == {"submit_applications": True, "view_cases": False, "employees": False,
                       "account": False, "documents": False}
    denied = await http.get(f"{API}/cases", headers=employer)
    assert denied.status_code == 403 and denied.json()["code"] == "service_not_allowed"
    assert denied.json()["details"]["reason"] == "not_recognised"
    agent = await bearer(http, "agent-noordzee")
    me = (await http.get(f"{API}/me", headers=agent)).json()
    assert me["role"] == "representative" and me["acting_for"]["kvk"] == "12345678"
    assert (await http.get(f"{API}/account", headers=agent)).status_code == 403
    assert (await http.get(f"{API}/cases", headers=agent)).status_code == 200


@pytest.mark.parametrize(("identity", "expected"), [
    ("employer-eh3", {"eu_blue_card", "ict"}),
    ("research-eh3", {"researcher", "position_notification"}),
    ("agent-noordzee", {"hsm_first_mvv", "hsm_first_vvr", "hsm_extension",
                        "hsm_change_employer", "family_first", "family_extension",
                        "eu_blue_card", "ict"}),
])
async def test_application_types_per_account(
    http: httpx.AsyncClient, identity: str, expected: set[str]
) -> None:
    types = (await http.get(f"{API}/application-types", headers=await bearer(http, identity)))
    assert {t["id"] for t in types.json()} == expected


async def test_non_recognised_employer_cannot_file_other_types(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "employer-eh3")
    r = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": "k" * 10},
                        json=_application("hsm_first_vvr"))
    assert r.status_code == 403 and r.json()["code"] == "type_not_allowed"
    blue = (await http.get(f"{API}/application-types", headers=auth)).json()
    assert {t["id"]: t["decision_days"] for t in blue}["eu_blue_card"] == 90


async def test_representative_sees_only_its_own_cases(http: httpx.AsyncClient) -> None:
    sponsor = await _all_cases(http, await bearer(http, "sponsor-eh3"))
    agent_auth = await bearer(http, "agent-noordzee")
    agent = await _all_cases(http, agent_auth)
    own = {c["zaaknummer"] for c in agent}
    assert own and own < {c["zaaknummer"] for c in sponsor}
    other = next(c["zaaknummer"] for c in sponsor if c["zaaknummer"] not in own)
    assert (await http.get(f"{API}/cases/{other}", headers=agent_auth)).status_code == 404


async def test_paper_and_manual_cases_are_not_listed_yet(
    http: httpx.AsyncClient, app: object
) -> None:
    conn = app.state.sandbox.db.read()  # type: ignore[attr-defined]
    paper = conn.execute("SELECT zaaknummer FROM cases WHERE paper=1").fetchone()[0]
    manual = conn.execute(
        "SELECT zaaknummer FROM cases WHERE type_id='family_first' AND paper=0 "
        "ORDER BY listed_from DESC LIMIT 1").fetchone()[0]
    auth = await bearer(http, "sponsor-eh3")
    listed = {c["zaaknummer"] for c in await _all_cases(http, auth)}
    assert paper not in listed and manual not in listed
    await _advance(http, 8)
    auth = await bearer(http, "sponsor-eh3")
    listed = {c["zaaknummer"] for c in await _all_cases(http, auth)}
    assert manual in listed and paper not in listed


async def test_completed_cases_leave_the_list_after_28_days(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    cases = await _all_cases(http, auth)
    assert all(c["completed_at"] is None or c["completed_at"] > "2026-10-05" for c in cases)
    ten_days = next(c for c in cases if c["zaaknummer"] == "3100000004")
    assert ten_days["status"] == "decided" and ten_days["completed_at"] is not None
    await _advance(http, 17)
    auth = await bearer(http, "sponsor-eh3")
    assert "3100000004" in {c["zaaknummer"] for c in await _all_cases(http, auth)}
    await _advance(http, 2)
    auth = await bearer(http, "sponsor-eh3")
    assert "3100000004" not in {c["zaaknummer"] for c in await _all_cases(http, auth)}


async def test_list_reflects_the_daily_refresh(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    receipt = await _submit_and_pay(http, auth, "hsm_first_vvr", "refresh-key-1")
    zaak = receipt["zaaknummer"]
    page = (await http.get(f"{API}/cases", headers=auth)).json()
    assert zaak not in {c["zaaknummer"] for c in page["items"]}
    assert page["last_refresh"].startswith("2026-11-02T05:00")  # 06:00 Amsterdam
    await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_seconds": 22 * 3600})
    detail = await http.get(f"{API}/cases/{zaak}", headers=await bearer(http, "sponsor-eh3"))
    assert detail.status_code == 200
    assert [e["status"] for e in detail.json()["events"]][:2] == ["submitted", "received"]


async def test_statuses_move_with_the_clock(http: httpx.AsyncClient) -> None:
    before = {c["zaaknummer"]: c["status"]
              for c in await _all_cases(http, await bearer(http, "sponsor-eh3"))}
    await _advance(http, 5)
    after = {c["zaaknummer"]: c["status"]
             for c in await _all_cases(http, await bearer(http, "sponsor-eh3"))}
    assert before["3100000001"] == "received" and after["3100000001"] == "in_progress"


async def test_extra_documents_only_until_decided(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    pdf = {**auth, "Content-Type": "application/pdf", "X-Filename": "contract.pdf"}
    running = await http.post(f"{API}/cases/3100000002/documents", headers=pdf,
                              content=letter(["extra"]))
    assert running.status_code == 201
    dossier = (await http.get(f"{API}/cases/3100000002/documents", headers=auth)).json()
    assert running.json()["id"] in {d["id"] for d in dossier["documents"]}
    decided = await http.post(f"{API}/cases/3100000004/documents", headers=pdf,
                              content=letter(["late"]))
    assert decided.status_code == 409 and decided.json()["code"] == "case_decided"
    detail = (await http.get(f"{API}/cases/3100000004", headers=auth)).json()
    assert detail["can_upload"] is False and detail["upload_refused_reason"] == "case_decided"
    letter_pdf = await http.get(f"{API}/cases/3100000004/documents/decision", headers=auth)
    assert letter_pdf.status_code == 200 and letter_pdf.content.startswith(b"%PDF-")


def encrypted_pdf(spelling: bytes) -> bytes:
    """A one-page PDF encrypted with a password, its /Encrypt key spelled `spelling`."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    assert b"/Encrypt" in data
    return data.replace(b"/Encrypt", spelling)


async def test_pdf_only_and_size_limit_published(http: httpx.AsyncClient) -> None:
    limit = (await http.get(f"{API}/portal")).json()["max_document_bytes"]
    assert limit == 8 * 1024 * 1024
    auth = {**await bearer(http, "sponsor-eh3"), "Content-Type": "application/pdf"}
    not_pdf = await http.post(f"{API}/documents", headers=auth, content=b"PK\x03\x04 zip")
    assert not_pdf.status_code == 415 and not_pdf.json()["code"] == "document_not_pdf"
    big = await http.post(f"{API}/documents", headers=auth, content=pdf_of_size(limit + 1))
    assert big.status_code == 413 and big.json()["details"]["max_bytes"] == limit
    locked = await http.post(f"{API}/documents", headers=auth,
                             content=encrypted_pdf(b"/Encrypt"))
    assert locked.json()["code"] == "document_encrypted"
    exact = await http.post(f"{API}/documents", headers=auth, content=pdf_of_size(limit))
    assert exact.status_code == 201, exact.text


async def test_fees_by_year(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    fees = {t["id"]: t for t in (await http.get(f"{API}/application-types", headers=auth)).json()}
    assert fees["hsm_first_vvr"]["fee_eur"] == 423 and fees["hsm_first_vvr"]["fee_year"] == 2026
    assert fees["family_first"]["fee_provisional"] is True
    assert fees["position_notification"]["fee_eur"] == 0
    r = await http.post(f"{API}/sandbox/fees", headers=ADMIN,
                        json={"type_id": "family_first", "year": 2026, "fee_eur": 254})
    assert r.status_code == 204
    fees = {t["id"]: t for t in (await http.get(f"{API}/application-types", headers=auth)).json()}
    assert fees["family_first"]["fee_eur"] == 254 and not fees["family_first"]["fee_provisional"]


async def test_extension_not_earlier_than_three_months(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    early = _application("hsm_extension", permit_expiry="2027-02-03")  # opens 2026-11-03
    r = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": "ext-early"},
                        json=early)
    assert r.status_code == 422 and r.json()["code"] == "extension_too_early"
    assert r.json()["details"]["opens_on"] == "2026-11-03"
    on_time = _application("hsm_extension", permit_expiry="2027-02-02")
    r = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": "ext-ontime"},
                        json=on_time)
    assert r.status_code == 201


async def test_photo_card_cannot_be_uploaded(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    doc = (await http.post(f"{API}/documents", content=letter(["photo"]),
                           headers={**auth, "Content-Type": "application/pdf"})).json()
    body = _application("hsm_first_vvr", documents={"photo_card": doc["id"]})
    r = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": "photo-key"},
                        json=body)
    assert r.status_code == 422 and r.json()["code"] == "document_not_allowed"


async def test_account_address_change_and_paper_only_changes(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    new = {"street": "Coolsingel", "number": "40", "postcode": "3011 AD", "city": "Rotterdam"}
    r = await http.post(f"{API}/account/notifications", headers=auth, json={
        "kind": "administration_address", "effective_date": "2026-10-30", "new_address": new})
    assert r.status_code == 201
    assert r.json()["report_deadline"] == "2026-11-13" and r.json()["late"] is False
    account = (await http.get(f"{API}/account", headers=auth)).json()
    assert account["administration_address"] == new
    paper = await http.post(f"{API}/account/notifications", headers=auth, json={
        "kind": "postal_address", "effective_date": "2026-10-30", "new_address": new})
    assert paper.status_code == 422 and paper.json()["code"] == "paper_form_required"


async def test_employees_register_and_deregister(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    page = (await http.get(f"{API}/employees", headers=auth, params={"limit": 1000})).json()
    assert page["total"] == 60
    new = {"name": "Ada Okafor", "v_number": "1234567890", "date_of_birth": "1991-04-01",
           "nationality": "NGA", "purpose": "labour", "start_date": "2026-11-01"}
    created = await http.post(f"{API}/employees", headers=auth, json=new)
    assert created.status_code == 201
    dup = await http.post(f"{API}/employees", headers=auth, json=new)
    assert dup.status_code == 409 and dup.json()["code"] == "employee_exists"
    late = await http.post(f"{API}/employees/{created.json()['id']}/deregistration",
                           headers=auth, json={"end_date": "2026-09-01",
                                               "reason": "employment_ended"})
    assert late.status_code == 201 and late.json()["late"] is True
    again = await http.post(f"{API}/employees/{created.json()['id']}/deregistration",
                            headers=auth, json={"end_date": "2026-09-01",
                                                "reason": "employment_ended"})
    assert again.json()["code"] == "employee_deregistered"


def _application(type_id: str, **extra: object) -> dict[str, object]:
    from ind_tui.domain.forms import example_answers

    return {"type_id": type_id, "form_version": 1, "answers": example_answers(type_id),
            "employee": {"name": "Priya Patel", "date_of_birth": "1990-05-17",
                         "nationality": "IND", "v_number": "2345678901"}, **extra}


async def _submit_and_pay(http: httpx.AsyncClient, auth: dict[str, str], type_id: str,
                          key: str) -> dict[str, str]:
    app = await http.post(f"{API}/applications", headers={**auth, "Idempotency-Key": key},
                          json=_application(type_id))
    assert app.status_code == 201, app.text
    paid = await http.post(f"{API}/applications/{app.json()['id']}/payment",
                           headers={**auth, "Idempotency-Key": f"{key}-pay"},
                           json={"method": "direct_debit", "amount_eur": app.json()["fee_eur"]})
    assert paid.status_code == 200, paid.text
    receipt: dict[str, str] = paid.json()["application"]["receipt"]
    return receipt
