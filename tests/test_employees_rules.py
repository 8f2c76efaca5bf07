"""The portal's employee rules, each on its own, against the sandbox in-process: register
(aanmelden), deregister (afmelden) with the 4-week deadline, idempotency, and the duties the
client derives from the list."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest

from ind_tui.api.auth import Purpose
from ind_tui.api.cases import CaseStatus, CaseSummary, Decision
from ind_tui.api.employees import Employee, EmployeeRegistration, EmployeeStatus
from ind_tui.domain.employees import registration_problems
from ind_tui.services.duties import (
    DEREGISTER,
    EXTENSION_WINDOW,
    employee_duties,
    extension_v_numbers,
    load_employee_duties,
    lookahead,
    pending_extensions,
)
from tests.client_fixtures import login, make_app, make_client
from tests.conftest import API, bearer

TODAY = date(2026, 11, 2)  # the sandbox's first day
NEW = {"name": "Ada Okafor", "v_number": "4000000001", "date_of_birth": "1991-04-01",
       "nationality": "NGA", "purpose": "labour", "start_date": "2026-10-01"}


async def _register(http: httpx.AsyncClient, auth: dict[str, str], **change: Any
                    ) -> httpx.Response:
    return await http.post(f"{API}/employees", headers=auth, json={**NEW, **change})


def _codes(response: httpx.Response) -> set[tuple[str, str]]:
    body = response.json()
    return {(e["loc"][-1], e["msg"]) for e in body["details"]["errors"]}


# --- registering ------------------------------------------------------------------------------


async def test_a_valid_registration_is_listed_with_its_contract_end(
    http: httpx.AsyncClient,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    created = await _register(http, auth, contract_end="2027-09-30", permit_end="2028-01-31")
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["status"] == "registered" and body["contract_end"] == "2027-09-30"
    listed = (await http.get(f"{API}/employees", headers=auth,
                             params={"limit": 1000})).json()
    assert listed["total"] == 61
    assert body["id"] in {e["id"] for e in listed["items"]}


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"name": "   "}, "name", "blank"),
    ({"date_of_birth": "2026-12-01"}, "date_of_birth", "in_future"),
    ({"date_of_birth": "1890-01-01"}, "date_of_birth", "implausible"),
    ({"nationality": "ZZZ"}, "nationality", "unknown_country"),
    ({"start_date": "1991-03-01"}, "start_date", "before_birth"),
    ({"permit_end": "2026-09-30"}, "permit_end", "before_start"),
    ({"contract_end": "2026-09-30"}, "contract_end", "before_start"),
])
async def test_each_registration_rule_is_refused_with_its_field(
    http: httpx.AsyncClient, change: dict[str, str], field: str, code: str,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    refused = await _register(http, auth, **change)
    assert refused.status_code == 422, refused.text
    assert refused.json()["code"] == "validation_failed"
    assert (field, code) in _codes(refused)


@pytest.mark.parametrize(("change", "field"), [
    ({"v_number": "123456789"}, "v_number"),
    ({"v_number": "12345678901"}, "v_number"),
    ({"nationality": "ind"}, "nationality"),
    ({"start_date": "01-10-2026"}, "start_date"),
])
async def test_the_contract_refuses_malformed_values(
    http: httpx.AsyncClient, change: dict[str, str], field: str,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    refused = await _register(http, auth, **change)
    assert refused.status_code == 422 and refused.json()["code"] == "validation_failed"
    assert field in {e["loc"][-1] for e in refused.json()["details"]["errors"]}


async def test_a_purpose_the_sponsor_is_not_recognised_for_is_refused(
    http: httpx.AsyncClient,
) -> None:
    auth = await bearer(http, "sponsor-eh3")  # Noordzee: labour only
    refused = await _register(http, auth, purpose="study")
    assert refused.status_code == 422
    assert refused.json()["code"] == "purpose_not_recognised"
    assert refused.json()["details"]["recognised"] == ["labour"]
    university = await bearer(http, "research-eh3")
    assert (await _register(http, university, purpose="study")).status_code == 201


async def test_one_registration_per_v_number_and_again_after_leaving(
    http: httpx.AsyncClient,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    first = await _register(http, auth)
    again = await _register(http, auth)
    assert again.status_code == 409 and again.json()["code"] == "employee_exists"
    assert again.json()["details"]["employee"]["id"] == first.json()["id"]
    await http.post(f"{API}/employees/{first.json()['id']}/deregistration", headers=auth,
                    json={"end_date": "2026-10-31", "reason": "employment_ended"})
    back = await _register(http, auth, start_date="2026-11-02")
    assert back.status_code == 201 and back.json()["status"] == "registered"


async def test_the_idempotency_key_replays_instead_of_registering_twice(
    http: httpx.AsyncClient,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    key = {"Idempotency-Key": "import-row-0000001"}
    first = await http.post(f"{API}/employees", headers={**auth, **key}, json=NEW)
    second = await http.post(f"{API}/employees", headers={**auth, **key}, json=NEW)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers.get("idempotent-replayed") == "true"
    other = await http.post(f"{API}/employees", headers={**auth, **key},
                            json={**NEW, "name": "Someone Else"})
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"
    bad = await http.post(f"{API}/employees", headers={**auth, "Idempotency-Key": "x"},
                          json=NEW)
    assert bad.status_code == 400
    listed = (await http.get(f"{API}/employees", headers=auth, params={"limit": 1000})).json()
    assert [e["v_number"] for e in listed["items"]].count(NEW["v_number"]) == 1


async def test_a_refused_registration_leaves_its_key_free(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    key = {"Idempotency-Key": "import-row-0000002"}
    refused = await http.post(f"{API}/employees", headers={**auth, **key},
                              json={**NEW, "nationality": "ZZZ"})
    assert refused.status_code == 422
    fixed = await http.post(f"{API}/employees", headers={**auth, **key}, json=NEW)
    assert fixed.status_code == 201


async def test_only_recognised_sponsors_and_their_representatives(
    http: httpx.AsyncClient,
) -> None:
    employer = await bearer(http, "employer-eh3")
    refused = await _register(http, employer)
    assert refused.status_code == 403 and refused.json()["code"] == "service_not_allowed"
    assert refused.json()["details"]["reason"] == "not_recognised"
    agent = await bearer(http, "agent-noordzee")
    created = await _register(http, agent)
    assert created.status_code == 201
    owner = await bearer(http, "sponsor-eh3")
    listed = (await http.get(f"{API}/employees", headers=owner, params={"limit": 1000})).json()
    assert created.json()["id"] in {e["id"] for e in listed["items"]}


# --- deregistering ------------------------------------------------------------------------


async def _deregister(http: httpx.AsyncClient, auth: dict[str, str], employee_id: str,
                      end: str, reason: str = "employment_ended", **extra: Any
                      ) -> httpx.Response:
    return await http.post(f"{API}/employees/{employee_id}/deregistration", headers=auth,
                           json={"end_date": end, "reason": reason, **extra})


@pytest.mark.parametrize("reason", ["employment_ended", "never_started",
                                    "income_below_threshold", "work_ended"])
async def test_deregistration_within_four_weeks_is_on_time(
    http: httpx.AsyncClient, reason: str,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    employee = (await _register(http, auth)).json()
    receipt = await _deregister(http, auth, employee["id"], "2026-10-06", reason,
                                note="left for another employer")
    assert receipt.status_code == 201, receipt.text
    body = receipt.json()
    assert body["report_deadline"] == "2026-11-03" and body["late"] is False
    assert body["reason"] == reason and body["reference"].startswith("AFM-")
    listed = (await http.get(f"{API}/employees", headers=auth, params={"limit": 1000})).json()
    stored = next(e for e in listed["items"] if e["id"] == employee["id"])
    assert stored["status"] == "deregistered" and stored["end_reason"] == reason
    assert stored["deregistration_reference"] == body["reference"]
    assert stored["deregistration_late"] is False


async def test_a_late_deregistration_is_accepted_and_flagged(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    employee = (await _register(http, auth)).json()
    receipt = await _deregister(http, auth, employee["id"], "2026-10-04")  # deadline 11-01
    assert receipt.status_code == 201
    assert receipt.json()["late"] is True and receipt.json()["report_deadline"] == "2026-11-01"
    listed = (await http.get(f"{API}/employees", headers=auth, params={"limit": 1000})).json()
    assert next(e for e in listed["items"]
                if e["id"] == employee["id"])["deregistration_late"] is True


@pytest.mark.parametrize("end", ["2026-11-03", "9999-12-31"])
async def test_an_end_date_in_the_future_is_refused(http: httpx.AsyncClient, end: str) -> None:
    auth = await bearer(http, "sponsor-eh3")
    employee = (await _register(http, auth)).json()
    refused = await _deregister(http, auth, employee["id"], end)
    assert refused.status_code == 422 and refused.json()["code"] == "employee_end_in_future"
    listed = (await http.get(f"{API}/employees", headers=auth, params={"limit": 1000})).json()
    assert next(e for e in listed["items"] if e["id"] == employee["id"])["status"] == \
        "registered"


async def test_deregistering_twice_unknown_or_another_company(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    employee = (await _register(http, auth)).json()
    assert (await _deregister(http, auth, employee["id"], "2026-11-01")).status_code == 201
    again = await _deregister(http, auth, employee["id"], "2026-11-01")
    assert again.status_code == 409 and again.json()["code"] == "employee_deregistered"
    assert again.json()["details"]["reference"].startswith("AFM-")
    assert (await _deregister(http, auth, "E000nothere", "2026-11-01")).status_code == 404
    delta = await bearer(http, "delta-eh3")
    other = (await _register(http, auth, v_number="4000000002")).json()
    assert (await _deregister(http, delta, other["id"], "2026-11-01")).status_code == 404
    long_note = await _deregister(http, auth, other["id"], "2026-11-01", note="x" * 201)
    assert long_note.status_code == 422


async def test_a_deregistration_resent_with_its_key_gets_the_same_receipt(
    http: httpx.AsyncClient,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    employee = (await _register(http, auth)).json()
    key = {**auth, "Idempotency-Key": "deregister-000001"}
    body = {"end_date": "2026-10-20", "reason": "work_ended"}
    url = f"{API}/employees/{employee['id']}/deregistration"
    first = await http.post(url, headers=key, json=body)
    second = await http.post(url, headers=key, json=body)
    assert first.status_code == second.status_code == 201
    assert first.json()["reference"] == second.json()["reference"]


async def test_ending_before_lists_only_those_a_duty_can_concern(
    http: httpx.AsyncClient,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    everyone = (await http.get(f"{API}/employees", headers=auth,
                               params={"limit": 1000})).json()["items"]
    limit = lookahead(TODAY).isoformat()
    soon = (await http.get(f"{API}/employees", headers=auth,
                           params={"limit": 1000, "ending_before": limit})).json()
    expected = {e["id"] for e in everyone if e["status"] == "registered"
                and ((e["permit_end"] or "9999") < limit or (e["contract_end"] or "9999") < limit)}
    assert {e["id"] for e in soon["items"]} == expected and soon["total"] == len(expected)
    assert 0 < len(expected) < len(everyone)


# --- duties -------------------------------------------------------------------------------


def _employee(n: int, **change: Any) -> Employee:
    base: dict[str, Any] = {
        "id": f"E{n}", "name": f"Person {n}", "v_number": f"{5000000000 + n}",
        "date_of_birth": date(1990, 1, 1), "nationality": "IND", "purpose": Purpose.LABOUR,
        "start_date": date(2024, 1, 1), "permit_end": date(2029, 1, 1),
        "status": EmployeeStatus.REGISTERED,
    }
    return Employee(**{**base, **change})


def test_a_contract_that_ended_calls_for_deregistration_within_four_weeks() -> None:
    duties = employee_duties([_employee(1, contract_end=TODAY - timedelta(days=10))], TODAY)
    assert [(d.kind, d.due, d.late, d.detail) for d in duties] == [
        (DEREGISTER, TODAY + timedelta(days=18), False, "contract_ended")]


def test_after_four_weeks_the_duty_is_late() -> None:
    (duty,) = employee_duties([_employee(1, contract_end=TODAY - timedelta(days=29))], TODAY)
    assert duty.late and duty.due == TODAY - timedelta(days=1)
    (on_time,) = employee_duties([_employee(1, contract_end=TODAY - timedelta(days=28))], TODAY)
    assert not on_time.late and on_time.due == TODAY


def test_a_permit_that_ran_out_calls_for_deregistration_unless_extended() -> None:
    expired = _employee(2, permit_end=TODAY - timedelta(days=3))
    (duty,) = employee_duties([expired], TODAY)
    assert duty.kind == DEREGISTER and duty.detail == "permit_ended"
    assert employee_duties([expired], TODAY, pending_extensions={expired.v_number}) == []


def test_a_permit_ending_within_three_months_opens_the_extension_window() -> None:
    inside = _employee(3, permit_end=date(2027, 2, 2))
    outside = _employee(4, permit_end=date(2027, 2, 3))
    (duty,) = employee_duties([inside, outside], TODAY)
    assert (duty.kind, duty.due, duty.employee_id) == (EXTENSION_WINDOW, inside.permit_end, "E3")
    assert duty.detail == "opens:2026-11-02"
    leaving = _employee(5, permit_end=date(2027, 1, 1), contract_end=date(2026, 12, 1))
    assert employee_duties([leaving], TODAY) == []  # the contract ends first: no extension
    assert employee_duties([inside], TODAY, pending_extensions={inside.v_number}) == []


def test_deregistered_employees_have_no_duties_and_the_list_is_by_due_date() -> None:
    gone = _employee(6, status=EmployeeStatus.DEREGISTERED, end_date=TODAY,
                     contract_end=TODAY - timedelta(days=40))
    a = _employee(7, contract_end=TODAY - timedelta(days=1))
    b = _employee(8, permit_end=TODAY + timedelta(days=5))
    c = _employee(9, contract_end=TODAY - timedelta(days=40))
    assert [d.employee_id for d in employee_duties([gone, a, b, c], TODAY)] == ["E9", "E8", "E7"]


def test_running_or_granted_extensions_count_as_pending() -> None:
    def case(n: int, type_id: str, status: CaseStatus, decision: Decision | None) -> CaseSummary:
        moment = datetime(2026, 10, 1, 9, 0)
        return CaseSummary(zaaknummer=f"31000000{n:02d}", employee_name="x",
                           v_number=f"{6000000000 + n}", type_id=type_id, status=status,
                           decision=decision, submitted_at=moment, decision_deadline=TODAY,
                           changed_at=moment, completed_at=None)

    cases = [case(1, "hsm_extension", CaseStatus.IN_PROGRESS, None),
             case(2, "hsm_extension", CaseStatus.DECIDED, Decision.GRANTED),
             case(3, "hsm_extension", CaseStatus.DECIDED, Decision.REJECTED),
             case(4, "hsm_extension", CaseStatus.WITHDRAWN, None),
             case(5, "hsm_first_vvr", CaseStatus.IN_PROGRESS, None)]
    assert extension_v_numbers(cases) == {"6000000001", "6000000002"}


def test_the_client_checks_the_same_rules_as_the_portal() -> None:
    reg = EmployeeRegistration.model_validate({**NEW, "purpose": "study"})
    assert {(p.field, p.code) for p in registration_problems(reg, TODAY, {Purpose.LABOUR})} \
        == {("purpose", "not_recognised")}


async def test_the_seeded_sponsor_has_each_kind_of_duty(tmp_path: Any) -> None:
    client = make_client(make_app(tmp_path))
    await login(client)
    duties = await load_employee_duties(client)
    kinds = {(d.kind, d.late, d.detail.partition(":")[0]) for d in duties}
    assert {(DEREGISTER, True, "contract_ended"), (DEREGISTER, False, "contract_ended"),
            (EXTENSION_WINDOW, False, "opens")} <= kinds
    # Fetching only those ending soon gives what the whole list gives.
    everyone = await client.employees()
    pending = await pending_extensions(client)
    assert duties == employee_duties(everyone, client.clock.today(), pending_extensions=pending)
    await client.aclose()
