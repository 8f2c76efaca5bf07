"""What the API fuzzing shares: one sandbox per process with a logged-in sponsor and real
identifiers, the checks every answer is held to, and the slices of the API that the files
`test_api_fuzz*.py` each fuzz. Split by part of the API so that `pytest --dist loadfile`
spreads the fuzzing over its workers instead of running all of it on one.

`make test` runs a few examples per operation; `make fuzz` sets IND_TUI_FUZZ_EXAMPLES=300.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import hypothesis
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    missing_required_header,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)
from schemathesis.transport.serialization import serialize_binary

from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.sandbox.errors import NOT_THE_CONTRACT, UNREADABLE_BODY
from ind_tui.sandbox.pdfgen import letter

API = "/api/v1"
ADMIN_TOKEN = "fuzz-admin-secret"
FUZZ_IDENTITY = "sponsor-eh3"
_FROM_ENV = os.environ.get("IND_TUI_FUZZ_EXAMPLES")
MAX_EXAMPLES = int(_FROM_ENV or "15")

# One sandbox per process (each fuzz file a worker runs shares it, as the one file did): its
# own SQLite file in a private temporary directory.
_TMP = tempfile.TemporaryDirectory(prefix="ind-tui-fuzz-")
APP: FastAPI = create_app(SandboxConfig(
    db_path=Path(_TMP.name) / "sandbox.db", admin_token=ADMIN_TOKEN, device_interval=0,
))

schema = schemathesis.openapi.from_asgi("/openapi.json", APP)

@schemathesis.check
def valid_input_passes_the_contract(
    ctx: schemathesis.CheckContext, response: schemathesis.Response,
    case: schemathesis.Case[Any],
) -> bool | None:
    """Schema-valid input may break a rule the schema cannot state (and be refused with that
    rule's message), but the server may not say it does not match the contract: then the
    document and the server disagree about what a valid request is."""
    if case.meta is None or case.meta.generation.mode is not GenerationMode.POSITIVE:
        return None
    if response.status_code == 422 and response.json().get("message") in (
        NOT_THE_CONTRACT, UNREADABLE_BODY,
    ):
        raise AssertionError(f"schema-valid input refused as not matching the contract: "
                             f"{response.text[:400]}")
    if response.status_code == 400 and response.json().get("code") == "bad_request":
        raise AssertionError(f"schema-valid input refused as a bad request: "
                             f"{response.text[:400]}")
    return None


# What every answer is held to. Left out on purpose:
# - positive_data_acceptance ("schema-valid input is accepted"): the contract answers rules no
#   JSON schema can state with 400/409/413/415/422 and a code of their own (a device code the
#   portal never issued, a payment whose amount is not the fee, an upload that is not a PDF,
#   an extension filed too early), so schema-valid input is refused by design; what that
#   check is for, that the server's idea of a valid request is the document's, is
#   `valid_input_passes_the_contract` above;
# - checks that need OpenAPI links or security schemes (stateful, ignored_auth): the document
#   declares neither; authorization has its own test (test_authz_matrix.py).
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    missing_required_header,
    unsupported_method,
    allow_header_conformance,
    valid_input_passes_the_contract,
]

# Date arithmetic overflows at the ends of the calendar (a deadline 14 days after 9999-12-25,
# an instant at year 1 moved to UTC), and uniform generation almost never lands there:
# dates and instants are drawn from the whole range and, often, from its edges. (These
# registrations are process-wide, made once as this module is imported; only the fuzz files
# use schemathesis.)
_EDGE_DATES = [date.min, date.min + timedelta(days=40), date.max - timedelta(days=10), date.max]
_OFFSETS = st.sampled_from([UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12))])
schemathesis.openapi.format("date", st.one_of(
    st.dates(), st.sampled_from(_EDGE_DATES),
).map(date.isoformat))
schemathesis.openapi.format("date-time", st.one_of(
    st.datetimes(timezones=_OFFSETS),
    st.builds(lambda d, tz: datetime.combine(d, datetime.min.time(), tz),
              st.sampled_from(_EDGE_DATES), _OFFSETS),
).map(datetime.isoformat))

PDF_MAGIC = b"%PDF-"


@schemathesis.serializer("application/pdf")
def _pdf_body(ctx: schemathesis.SerializationContext, value: Any) -> bytes:
    """Upload bodies are declared as binary PDF. Generated bytes are sent as they are (so the
    refusals are fuzzed), or, for about half of them, behind a PDF header (so the acceptance
    path is fuzzed too); the content decides which, so a failure replays the same way."""
    data = serialize_binary(value)
    if hashlib.sha256(data).digest()[0] % 2 == 0 and not data.startswith(PDF_MAGIC):
        return PDF_MAGIC + b"1.4\n" + data
    return data


def device_login(client: TestClient, identity: str) -> dict[str, str]:
    """A real device login (RFC 8628) approved for a test identity: its bearer header.

    Only this helper uses the sandbox admin token; the fuzzed calls never carry it, so the
    fuzzer cannot inject faults or move the clock (the admin routes answer it 403)."""
    start = client.post(f"{API}/auth/device", json={"client_id": "fuzz"})
    assert start.status_code == 200, start.text
    approved = client.post(
        f"{API}/sandbox/identities/approve", headers={"X-Sandbox-Admin-Token": ADMIN_TOKEN},
        json={"user_code": start.json()["user_code"], "identity": identity},
    )
    assert approved.status_code == 200 and approved.json()["approved"], approved.text
    token = client.post(f"{API}/auth/token", json={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        "device_code": start.json()["device_code"], "client_id": "fuzz",
    })
    assert token.status_code == 200, token.text
    return {"Authorization": f"Bearer {token.json()['access_token']}"}


def _open_case(client: TestClient, auth: dict[str, str], cases: list[dict[str, Any]]) -> str:
    """A case of the sponsor that still takes extra documents."""
    for summary in cases:
        detail = client.get(f"{API}/cases/{summary['zaaknummer']}", headers=auth)
        if detail.status_code == 200 and detail.json()["can_upload"]:
            return str(summary["zaaknummer"])
    raise AssertionError("the demo seed has no case that takes extra documents")


def _submit(client: TestClient, auth: dict[str, str], key: str) -> str:
    from ind_tui.domain.forms import example_answers

    created = client.post(
        f"{API}/applications", headers={**auth, "Idempotency-Key": key},
        json={"type_id": "hsm_first_vvr", "form_version": 1,
              "answers": example_answers("hsm_first_vvr"), "employee": {
            "name": "Fuzz Person", "date_of_birth": "1990-01-01", "nationality": "IND"}},
    )
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def _register(client: TestClient, auth: dict[str, str], v_number: str) -> str:
    created = client.post(f"{API}/employees", headers=auth, json={
        "name": "Edge Case", "v_number": v_number, "date_of_birth": "1990-01-01",
        "nationality": "IND", "purpose": "labour", "start_date": "2025-01-01"})
    assert created.status_code == 201, created.text
    return str(created.json()["id"])


def _known_ids(client: TestClient, auth: dict[str, str]) -> dict[str, list[str]]:
    """Real identifiers of the fuzzing sponsor, so generated calls also reach past the 404s:
    its cases (open and decided), dossier documents, employees and applications."""
    cases = client.get(f"{API}/cases", headers=auth, params={"limit": 1000}).json()["items"]
    open_case = _open_case(client, auth, cases)
    decided = [c["zaaknummer"] for c in cases if c["decision"] is not None][:2]
    extra = client.post(f"{API}/cases/{open_case}/documents", content=letter(["fuzz"]),
                        headers={**auth, "Content-Type": "application/pdf"})
    assert extra.status_code == 201, extra.text
    employees = client.get(f"{API}/employees", headers=auth).json()["items"]
    return {
        "zaaknummer": [open_case, *decided],
        "doc_id": ["receipt", "decision", extra.json()["id"]],
        "employee_id": [e["id"] for e in employees[:6]],
        "app_id": [_submit(client, auth, f"fuzz-app-{n}") for n in range(2)],
    }


with TestClient(APP) as _client:
    SESSION: dict[str, str] = device_login(_client, FUZZ_IDENTITY)
    KNOWN_IDS = _known_ids(_client, SESSION)
    # Kept out of the fuzzer's pool: the edge-case test below needs it still registered.
    EDGE_EMPLOYEE = _register(_client, SESSION, "9000000001")


def session_for(case: schemathesis.Case[Any]) -> dict[str, str]:
    """The bearer header to send with a generated case.

    Logging out ends the session whose access token it is given; a generated logout gets a
    session of its own so the shared one stays valid for every other call."""
    if case.method.upper() == "POST" and case.path == f"{API}/auth/logout":
        with TestClient(APP) as client:
            return device_login(client, FUZZ_IDENTITY)
    return SESSION


def aim_at_real_resources(case: schemathesis.Case[Any]) -> None:
    """Where the path holds valid generated identifiers, swap in a real one for some cases, so
    the calls also reach past the 404s. The pick is a function of the generated value, so a
    failing case replays the same way."""
    if not case.path_parameters or case.meta is None:
        return
    if case.meta.is_negative_at(ParameterLocation.PATH):
        return
    for name, value in list(case.path_parameters.items()):
        pool = KNOWN_IDS.get(name)
        if pool:
            pick = hashlib.sha256(repr(value).encode()).digest()[0] % (len(pool) + 1)
            if pick < len(pool):
                case.path_parameters[name] = pool[pick]


# The parts of the API each fuzz file takes (regexes over the path); together they take
# every operation exactly once (test_api_fuzz.py checks it). Sized so each file fuzzes a
# similar number of operations.
SLICES = {
    "account": rf"^{API}/(portal|auth|me|account|application-types|documents|applications)\b",
    "cases": rf"^{API}/(cases|employees|messages|payments)\b",
    "appointments": rf"^{API}/appointments\b",
    "sandbox": rf"^{API}/sandbox\b",
}


def part(name: str) -> Any:
    """The schema of one slice of the API, for `@part(name).parametrize()`."""
    return schema.include(path_regex=SLICES[name])


def fuzz_settings() -> Any:
    """The same examples and settings for every slice."""
    return hypothesis.settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        # `make test` draws from a fixed seed; `make fuzz` explores afresh on every run.
        derandomize=_FROM_ENV is None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def check_case(case: schemathesis.Case[Any]) -> None:
    """One generated call, aimed at real resources where it can be, held to the checks."""
    aim_at_real_resources(case)
    case.call_and_validate(headers=session_for(case), checks=CHECKS)

