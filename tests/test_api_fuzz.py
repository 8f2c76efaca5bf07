"""Property-based fuzzing of the whole portal API, in-process, against its own `/openapi.json`.

Every operation the OpenAPI document lists is called with generated data (valid and invalid),
authenticated as a real logged-in sponsor. The answer must never be a server error, and its
status, content type, headers and body must be what the document declares: every route
validates its input and answers with the one error shape.

This file fuzzes the account, login and application operations and sends the calendar's
edges; the other parts of the API are fuzzed by `test_api_fuzz_*.py`, one file a part so
that the workers share the fuzzing (what they share: `tests/fuzz_api.py`).
`make test` runs a few examples per operation; `make fuzz` sets IND_TUI_FUZZ_EXAMPLES=300.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient

from tests.fuzz_api import (
    API,
    APP,
    CHECKS,
    EDGE_EMPLOYEE,
    SESSION,
    SLICES,
    check_case,
    fuzz_settings,
    part,
    schema,
)


@part("account").parametrize()
@fuzz_settings()
def test_api_answers_by_its_contract(case: schemathesis.Case[Any]) -> None:
    check_case(case)


def test_every_operation_is_fuzzed_by_one_file() -> None:
    paths = {op.path for op in (result.ok() for result in schema.get_all_operations())}
    assert len(paths) > 30
    for path in paths:
        taken = [name for name, regex in SLICES.items() if re.search(regex, path)]
        assert len(taken) == 1, (path, taken)


# Requests at the ends of the calendar, where deadline arithmetic overflows. The fuzzer above
# reaches some of them by chance; these are sent every run.
EDGE_REQUESTS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "notification effective 9999-12-31": ("POST", "/account/notifications", {
        "body": {"kind": "stopped_trading", "effective_date": "9999-12-31"}}),
    "cases changed since year 1 at +14:00": ("GET", "/cases", {
        "query": {"changed_since": "0001-01-01T00:00:00+14:00"}}),
    "cases changed since 9999-12-31 at -12:00": ("GET", "/cases", {
        "query": {"changed_since": "9999-12-31T23:59:59-12:00"}}),
    "deregistration ending 9999-12-31": ("POST", "/employees/{employee_id}/deregistration", {
        "path_parameters": {"employee_id": EDGE_EMPLOYEE},
        "body": {"end_date": "9999-12-31", "reason": "employment_ended"}}),
    "extension of a permit expiring 0001-01-01": ("POST", "/applications", {
        "headers": {"Idempotency-Key": "fuzz-edge-extension"},
        "body": {"type_id": "hsm_extension", "form_version": 1, "permit_expiry": "0001-01-01",
                 "employee": {"name": "Edge Case", "date_of_birth": "1990-01-01",
                              "nationality": "IND"}}}),
}


@pytest.mark.parametrize("label", list(EDGE_REQUESTS))
def test_calendar_edges_answer_by_contract(label: str) -> None:
    method, path, parts = EDGE_REQUESTS[label]
    case = schema[API + path][method].Case(**parts)
    response = case.call_and_validate(headers=SESSION, checks=CHECKS)
    assert 400 <= response.status_code < 500, response.text
    if "employee_id" in parts.get("path_parameters", {}):
        with TestClient(APP) as client:
            listed = client.get(f"{API}/employees", headers=SESSION, params={"limit": 1000})
        edge = [e for e in listed.json()["items"] if e["id"] == EDGE_EMPLOYEE]
        assert edge and edge[0]["status"] == "registered", "a refused request changed the data"
