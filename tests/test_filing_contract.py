"""The request contract for forms without a person: the client leaves `employee` out, the
portal takes that for such a form and, for a form that does ask about a person, refuses it
with exactly the errors the form engine finds."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from ind_tui.api.applications import ApplicationRequest
from ind_tui.domain.forms import evaluate, example_answers, form_ids, load_form, split_answers
from tests.conftest import API, bearer
from tests.test_forms_agree import IDENTITY, PERSON

TODAY = date(2026, 11, 2)


def _asks_for_a_person(form_id: str) -> bool:
    return any((f.wire or "").startswith("employee.") for f in load_form(form_id).fields)


def test_only_the_notification_asks_for_no_person() -> None:
    assert [f for f in form_ids() if not _asks_for_a_person(f)] == ["position_notification"]


async def test_the_contract_no_longer_demands_an_employee(http: httpx.AsyncClient) -> None:
    schema = (await http.get("/openapi.json")).json()["components"]["schemas"]
    assert "employee" not in schema["ApplicationRequest"]["required"]
    assert ApplicationRequest(type_id="position_notification", form_version=1).employee is None


@pytest.mark.parametrize("form_id", list(form_ids()))
async def test_without_an_employee_client_and_portal_agree(
    http: httpx.AsyncClient, form_id: str
) -> None:
    auth = await bearer(http, IDENTITY.get(form_id, "sponsor-eh3"))
    answers: dict[str, Any] = {**example_answers(form_id, with_wire=True), **PERSON}
    rest, employee, expiry = split_answers(form_id, answers)
    # what the client sends when the form has no person fields: no employee at all
    body: dict[str, Any] = {"type_id": form_id, "form_version": 1, "answers": rest}
    if expiry is not None:
        body["permit_expiry"] = expiry
    r = await http.post(f"{API}/applications", json=body,
                        headers={**auth, "Idempotency-Key": f"no-person-{form_id}"})
    without_person = {k: v for k, v in answers.items()
                      if k not in {f.id for f in load_form(form_id).fields if f.wire
                                   and f.wire.startswith("employee.")}}
    verdict = evaluate(form_id, without_person, today=TODAY)
    if not _asks_for_a_person(form_id):
        assert employee == {} and verdict.ok
        assert r.status_code == 201, r.text
        return
    assert r.status_code == 422 and not verdict.ok
    got = {(tuple(e["loc"]), e["code"]) for e in r.json()["details"]["errors"]}
    assert got == {(("body", *i.loc), i.code) for i in verdict.blocking}
    assert {loc[1] for loc, _ in got} == {"employee"}  # only the person is missing


async def test_a_notification_case_is_listed_under_the_company(
    http: httpx.AsyncClient, app: Any
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    body = {"type_id": "position_notification", "form_version": 1,
            "answers": example_answers("position_notification")}
    r = await http.post(f"{API}/applications", json=body,
                        headers={**auth, "Idempotency-Key": "notification-case-1"})
    assert r.status_code == 201 and r.json()["status"] == "submitted"
    row = app.state.sandbox.db.read().execute(
        "SELECT c.employee_name, c.v_number, k.name FROM cases c "
        "JOIN companies k ON k.kvk = c.sponsor_kvk WHERE c.zaaknummer=?",
        (r.json()["receipt"]["zaaknummer"],)).fetchone()
    assert row["employee_name"] == row["name"] and row["v_number"] is None
