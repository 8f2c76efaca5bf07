"""The published contract says what the server checks: each mismatch schemathesis found, pinned.

(The fuzzing itself is tests/test_api_fuzz.py; these are the cases it found, sent every run.)
"""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import ValidationError

from ind_tui.api.applications import Person
from ind_tui.api.wire import NAME_PATTERN, TEXT_PATTERN, text_problem
from tests.conftest import API, bearer

# Paths with more than one method: a 405 there names them all.
SHARED_PATHS = {
    "/applications": "GET, POST", "/employees": "GET, POST", "/appointments": "GET, POST",
    "/cases/3100000001/documents": "GET, POST", "/sandbox/faults": "DELETE, GET, POST",
    "/sandbox/clock": "GET, POST", "/sandbox/scenario": "GET, PUT",
}


@pytest.mark.parametrize("path", list(SHARED_PATHS))
async def test_a_405_names_every_method_of_the_path(http: httpx.AsyncClient, path: str) -> None:
    r = await http.patch(f"{API}{path}")
    assert r.status_code == 405 and r.json()["code"] == "method_not_allowed"
    assert r.headers["allow"] == SHARED_PATHS[path]


def _parameter(app: FastAPI, path: str, method: str, name: str) -> dict[str, Any]:
    operation = app.openapi()["paths"][API + path][method]
    return next(p for p in operation["parameters"] if p["name"] == name)


@pytest.mark.parametrize(("path", "method", "required"), [
    ("/applications", "post", True), ("/applications/{app_id}/payment", "post", True),
    ("/appointments", "post", True), ("/employees", "post", False),
    ("/account/notifications", "post", False),
])
def test_the_idempotency_key_is_published_as_checked(
    app: FastAPI, path: str, method: str, required: bool,
) -> None:
    key = _parameter(app, path, method, "Idempotency-Key")
    assert key["required"] is required
    assert key["schema"]["pattern"] == "^[A-Za-z0-9_-]{8,100}$"


async def test_a_route_that_needs_a_key_refuses_a_request_without_one(
    http: httpx.AsyncClient,
) -> None:
    auth = await bearer(http, "sponsor-eh3")
    r = await http.post(f"{API}/applications/APP-0000000000000000/payment", headers=auth,
                        json={"method": "direct_debit", "amount_eur": 1})
    assert r.status_code == 400 and r.json()["code"] == "idempotency_key_required"


async def test_locations_are_the_published_ids_and_nothing_else(
    http: httpx.AsyncClient, app: FastAPI,
) -> None:
    published = _parameter(app, "/appointments/slots", "get", "locations")["schema"]["pattern"]
    assert re.fullmatch(published, "ind-amsterdam,ind-zwolle")
    auth = await bearer(http, "sponsor-eh3")
    for wanted in ("ind-amsterdam,ind-zwolle", "ind-zwolle", ""):
        r = await http.get(f"{API}/appointments/slots", headers=auth,
                           params={"purpose": "biometrics", "locations": wanted})
        assert r.status_code == 200, r.text
    for odd in (" ind-zwolle", "ind-zwolle,", ",", "ind-utopia"):
        assert not re.fullmatch(published, odd)
        r = await http.get(f"{API}/appointments/slots", headers=auth,
                           params={"purpose": "biometrics", "locations": odd})
        assert r.status_code == 422, (odd, r.text)


@pytest.mark.parametrize("value", ["1e9", "-1.0782621657828143e-236", "1700000000", " 12"])
async def test_a_number_is_not_an_instant(http: httpx.AsyncClient, value: str) -> None:
    auth = await bearer(http, "sponsor-eh3")
    r = await http.get(f"{API}/cases", headers=auth, params={"changed_since": value})
    assert r.status_code == 422 and r.json()["code"] == "validation_failed", r.text
    fine = await http.get(f"{API}/cases", headers=auth,
                          params={"changed_since": "2026-11-01T08:00:00+01:00"})
    assert fine.status_code == 200


async def test_ending_before_is_published_as_a_date(
    http: httpx.AsyncClient, app: FastAPI,
) -> None:
    published = _parameter(app, "/employees", "get", "ending_before")["schema"]
    assert {"type": "string", "format": "date"} in published["anyOf"]
    auth = await bearer(http, "sponsor-eh3")
    r = await http.get(f"{API}/employees", headers=auth, params={"ending_before": "0000-00-00"})
    assert r.status_code == 422
    r = await http.get(f"{API}/employees", headers=auth, params={"ending_before": "2027-01-01"})
    assert r.status_code == 200


def _strings_without_rule(node: Any, where: str, found: list[str]) -> None:
    if isinstance(node, list):
        for index, item in enumerate(node):
            _strings_without_rule(item, f"{where}[{index}]", found)
    elif isinstance(node, dict):
        if node.get("type") == "string" and not {"pattern", "format", "enum", "const"} & set(
                node):
            found.append(where)
        for key, item in node.items():
            _strings_without_rule(item, f"{where}.{key}", found)


def test_every_request_text_is_published_with_the_text_rule(app: FastAPI) -> None:
    schemas = app.openapi()["components"]["schemas"]
    bodies = {
        op["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
        for item in app.openapi()["paths"].values() for op in item.values()
        if "$ref" in op.get("requestBody", {}).get("content", {})
        .get("application/json", {}).get("schema", {})
    }
    found: list[str] = []
    for name in bodies:
        _strings_without_rule(schemas[name], name, found)
    assert found == []
    assert schemas["ApplicationRequest"]["properties"]["answers"]["additionalProperties"] == {
        "$ref": "#/components/schemas/TextJson"}


# Every control, format and separator character, and a few a name may hold.
_SPECIAL = [chr(c) for c in range(sys.maxunicode + 1)
            if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp")]
_ORDINARY = ["a", "é", "ß", "\u200d", "\u200c", "李", "ا", " ", "-", "'", "\U0001f600"]


def _person_accepts(name: str) -> bool:
    try:
        Person(name=name, date_of_birth="1990-01-01", nationality="IND")  # type: ignore[arg-type]
    except ValidationError:
        return False
    return True


def test_the_published_patterns_are_the_checks() -> None:
    """What the contract publishes is what the portal checks, character by character."""
    wrong = []
    for ch in _SPECIAL + _ORDINARY:
        text = f"Ann{ch}Lee"
        text_ok = re.fullmatch(TEXT_PATTERN, text) is not None
        name_ok = re.fullmatch(NAME_PATTERN, text) is not None
        if text_ok != (text_problem(text) is None) or not (
                name_ok == _person_accepts(text) == (ch in _ORDINARY)):
            wrong.append(f"U+{ord(ch):04X}")
    assert wrong == []


async def test_an_error_never_echoes_a_control_character(http: httpx.AsyncClient) -> None:
    """Found by the fuzz: an unknown location id was named in the 422 as it came."""
    auth = await bearer(http, "sponsor-eh3")
    r = await http.get(f"{API}/appointments/slots", headers=auth,
                       params={"purpose": "biometrics", "locations": "\x84\x1b[2J"})
    assert r.status_code == 422
    assert r.json()["details"]["errors"][0]["unknown"] == ["\\x84\\x1b[2J"]
    r = await http.post(f"{API}/auth/device", json={"client_id": "x", "\x1b]0;t\x07": 1})
    assert r.status_code == 422
    assert text_problem(str(r.json())) is None, r.json()  # read, not the JSON text
