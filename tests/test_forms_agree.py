"""Client and portal agree: for every shipped form, the engine's verdict on a valid and on an
invalid answer set is the sandbox's 201 or 422, with the same fields and codes."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from ind_tui.domain.forms import evaluate, example_answers, form_ids, split_answers
from tests.conftest import API, bearer

TODAY = date(2026, 11, 2)  # the sandbox clock's start
PERSON = {"employee_name": "Priya Patel", "date_of_birth": "1990-05-17", "nationality": "IND",
          "v_number": "2345678901", "permit_expiry": "2027-01-15"}
IDENTITY = {"researcher": "research-eh3"}
# One invalid change per form, on a field the form really asks, and what it must be refused
# for: written out here, so that a rule broken in the engine (which the sandbox runs too) fails.
INVALID: dict[str, tuple[dict[str, Any], set[tuple[str, str]]]] = {
    "hsm_first_mvv": ({"gross_monthly_salary": 5941},
                      {("gross_monthly_salary", "salary_below_threshold")}),
    "hsm_first_vvr": ({"postcode": "12345"}, {("postcode", "invalid_postcode")}),
    # (a malformed birth date never reaches the portal's rules: the request model refuses it)
    "hsm_extension": ({"job_title": None}, {("job_title", "required")}),
    "hsm_change_employer": ({"previous_employer": None}, {("previous_employer", "required")}),
    "family_first": ({"hsm_v_number": "12345"}, {("hsm_v_number", "invalid_v_number")}),
    "family_extension": ({"same_household": False}, {("same_household", "must_be_yes")}),
    "eu_blue_card": ({"gross_monthly_salary": 5000},
                     {("gross_monthly_salary", "salary_below_threshold")}),
    "ict": ({"transfer_end": "2026-01-01"}, {("transfer_end", "date_order")}),
    "researcher": ({"hosting_agreement": False}, {("hosting_agreement", "must_be_yes")}),
    "position_notification": ({"change": "administration_address"}, {
        ("street", "required"), ("house_number", "required"), ("postcode", "required"),
        ("city", "required")}),
}


def body(form_id: str, answers: dict[str, Any]) -> dict[str, Any]:
    rest, employee, expiry = split_answers(form_id, answers)
    # The notification asks about no person, but the request contract still needs one.
    employee = employee or {"name": "Priya Patel", "date_of_birth": "1990-05-17",
                            "nationality": "IND"}
    out: dict[str, Any] = {"type_id": form_id, "form_version": 1, "answers": rest,
                           "employee": {k: v for k, v in employee.items() if v is not None}}
    if expiry is not None:
        out["permit_expiry"] = expiry
    return out


def test_every_form_has_an_invalid_case() -> None:
    assert set(INVALID) == set(form_ids())


@pytest.mark.parametrize("form_id", list(form_ids()))
async def test_client_and_portal_agree(http: httpx.AsyncClient, form_id: str) -> None:
    """What the client computes, what the sandbox answers over HTTP, and what the form's
    rules say (written out above) are the same, for a valid and for an invalid answer set."""
    auth = await bearer(http, IDENTITY.get(form_id, "sponsor-eh3"))
    valid = {**example_answers(form_id, with_wire=True), **PERSON}
    change, refused_for = INVALID[form_id]
    expected = {(("answers", field), code) for field, code in refused_for}
    for n, (answers, blocking) in enumerate(((valid, set()), ({**valid, **change}, expected))):
        verdict = evaluate(form_id, answers, today=TODAY)
        assert {(i.loc, i.code) for i in verdict.blocking} == blocking
        r = await http.post(f"{API}/applications", json=body(form_id, answers),
                            headers={**auth, "Idempotency-Key": f"agree-{form_id}-{n}"})
        if not blocking:
            assert r.status_code == 201, r.text
            continue
        assert r.status_code == 422, r.text
        errors = r.json()["details"]["errors"]
        assert {(tuple(e["loc"]), e["code"]) for e in errors} == {
            (("body", *loc), code) for loc, code in blocking}
        assert [e["msg"] for e in errors] == [i.text.en for i in verdict.blocking]


async def test_portal_refuses_a_missing_document(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    answers = {**example_answers("hsm_first_vvr", with_wire=True), **PERSON,
               "antecedents": True, "antecedents_details": "Traffic offence, 2019, India"}
    r = await http.post(f"{API}/applications", json=body("hsm_first_vvr", answers),
                        headers={**auth, "Idempotency-Key": "agree-missing-doc"})
    assert r.status_code == 422
    assert r.json()["details"]["errors"] == [{
        "loc": ["body", "documents", "passport_copy"], "code": "document_required",
        "msg": "Attach this document (PDF, at most 8 MB)."}]
