"""Authorization matrix: every role × every route × a resource of another company → no leak.

Company A is Noordzee Technology (KvK 12345678). Its HR officer (sponsor-eh3) creates one of
each resource: a case it submitted itself, an extra document in that case's dossier, a staging
upload, a paid application and an employee. Every other identity that can log in then calls
every route of the API with A's identifiers filled in. A route that takes a resource must
refuse (403, 404, or 422 where the contract rejects the input), never answer 2xx; a route that
acts on the caller's own company may answer, but no answer may carry A's secrets, and no list
may hold A's items.

The routes come from the app's own OpenAPI document: a route added to the API without a row
here fails `test_matrix_covers_every_route`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import pytest
from fastapi.testclient import TestClient

from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.sandbox.identities import IDENTITIES, NOORDZEE, login_outcome
from ind_tui.sandbox.pdfgen import letter

API = "/api/v1"
ADMIN_TOKEN = "authz-matrix-admin-secret"
ADMIN = {"X-Sandbox-Admin-Token": ADMIN_TOKEN}
OWNER = "sponsor-eh3"  # A's HR officer, who creates A's resources

# Every identity that can log in, except A's own staff (sponsor-eh3, sponsor-eh4), by role.
OTHERS: dict[str, str] = {
    "delta-eh3": "sponsor of another company (Delta Software)",
    "research-eh3": "sponsor of another company (the university)",
    "agent-delta": "representative acting for another company (Delta Software)",
    "agent-noordzee": "representative acting for A: sees only what the agency submitted",
    "employer-eh3": "employer that is not a recognised sponsor",
    "wrong-kvk": "another company's account (the holding's KvK)",
}
# A representative uses the employees service of the sponsor it acts for (state.SERVICES), so
# A's employees are not a secret to agent-noordzee; everything else of A's still is.
SHARES_EMPLOYEES = frozenset({"agent-noordzee"})

# Routes that take no company resource, left out of the matrix (each has its own tests):
# the portal info and the login steps are public; logout only ends the caller's own session
# (its optional refresh token is a credential: whoever holds it already owns that session).
NO_RESOURCE = frozenset({
    ("GET", f"{API}/portal"),
    ("POST", f"{API}/auth/device"),
    ("POST", f"{API}/auth/token"),
    ("POST", f"{API}/auth/refresh"),
    ("POST", f"{API}/auth/logout"),
})
PUBLIC = NO_RESOURCE - {("POST", f"{API}/auth/logout")}
ADMIN_ROUTES = (
    ("GET", f"{API}/sandbox/identities"),
    ("POST", f"{API}/sandbox/identities/approve"),
    ("GET", f"{API}/sandbox/clock"),
    ("POST", f"{API}/sandbox/clock"),
    ("GET", f"{API}/sandbox/faults"),
    ("POST", f"{API}/sandbox/faults"),
    ("DELETE", f"{API}/sandbox/faults"),
    ("POST", f"{API}/sandbox/fees"),
    ("POST", f"{API}/sandbox/refunds"),
    ("GET", f"{API}/sandbox/scenario"),
    ("PUT", f"{API}/sandbox/scenario"),
)

PDF = letter(["x"])
PDF_HEADERS = {"Content-Type": "application/pdf"}


# --- A's resources, and the calls made with them ---------------------------------------------


@dataclass
class World:
    client: TestClient
    auth: dict[str, dict[str, str]]
    case_a: str  # a case A submitted itself, not decided yet
    dossier_doc: str  # an extra document uploaded to case_a
    staging_doc: str  # an upload not attached to any application yet
    app_id: str
    app_key: str
    app_body: dict[str, Any]
    app_fee: int
    app_zaak: str  # the case behind the paid application
    employee_id: str
    employee_v: str
    shared_employee: str  # one A employee for the representative that shares them
    a_cases: frozenset[str]  # every case A's HR sees
    agent_cases: frozenset[str]  # the cases agent-noordzee sees (agency submissions)
    a_employee_ids: frozenset[str]
    a_v_numbers: frozenset[str]
    a_cases_etag: str
    message_a: str = ""  # a message about a case A submitted itself (an open request if any)
    a_messages: frozenset[str] = frozenset()  # every message A's HR sees
    agent_messages: frozenset[str] = frozenset()  # the messages agent-noordzee sees
    appointment_a: str = ""  # A's booking for case_a
    payment_a: str = ""  # the reference of A's payment of its application
    types: dict[str, str] = field(default_factory=dict)  # identity -> a type it may file
    own_case: dict[str, str] = field(default_factory=dict)  # identity -> a case it sees

    def secrets(self, identity: str) -> set[str]:
        """What of A's the identity may never read."""
        hidden = self.a_cases - (self.agent_cases if identity == "agent-noordzee" else set())
        hidden |= self.a_messages - (self.agent_messages if identity == "agent-noordzee"
                                     else set())
        out = {self.case_a, self.dossier_doc, self.staging_doc, self.app_id, self.app_zaak,
               self.message_a, self.appointment_a, self.payment_a, "Geheim Aanvrager Noordzee",
               *hidden}
        if identity not in SHARES_EMPLOYEES:
            out |= {self.employee_id, "Geheim Werknemer Noordzee", *self.a_employee_ids,
                    *self.a_v_numbers}
        if identity != "agent-noordzee":
            out.add(NOORDZEE)
        return out


@dataclass(frozen=True)
class Call:
    method: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    json: Any = None
    content: bytes | None = None
    params: dict[str, str] | None = None

    def sent(self) -> str:
        """Everything the caller itself put in the request (an echo of it is no leak)."""
        return " ".join([self.url, json.dumps(self.json), repr(self.params),
                         repr(self.headers)])


def _json(response: Any) -> Any:
    assert response.status_code < 300, response.text
    return response.json()


def _login(client: TestClient, identity: str) -> dict[str, str]:
    start = _json(client.post(f"{API}/auth/device", json={"client_id": "authz-matrix"}))
    approved = _json(client.post(f"{API}/sandbox/identities/approve", headers=ADMIN, json={
        "user_code": start["user_code"], "identity": identity}))
    assert approved["approved"], approved
    token = _json(client.post(f"{API}/auth/token", json={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        "device_code": start["device_code"], "client_id": "authz-matrix"}))
    return {"Authorization": f"Bearer {token['access_token']}"}


def _all_cases(client: TestClient, auth: dict[str, str]) -> list[dict[str, Any]]:
    page = _json(client.get(f"{API}/cases", headers=auth, params={"limit": 1000}))
    assert page["next_after"] is None, "more cases than one page"
    items: list[dict[str, Any]] = page["items"]
    return items


def _register(client: TestClient, auth: dict[str, str], name: str, v_number: str) -> str:
    employee = _json(client.post(f"{API}/employees", headers=auth, json={
        "name": name, "v_number": v_number, "date_of_birth": "1991-04-12",
        "nationality": "IND", "purpose": "labour", "start_date": "2025-03-01"}))
    return str(employee["id"])


def _build_world(client: TestClient) -> World:
    owner = _login(client, OWNER)
    agent = _login(client, "agent-noordzee")
    a_cases = {c["zaaknummer"] for c in _all_cases(client, owner)}
    agent_cases = {c["zaaknummer"] for c in _all_cases(client, agent)}
    # A case A submitted itself: the agency does not see it. One that still takes documents.
    case_a = next(z for z in sorted(a_cases - agent_cases)
                  if _json(client.get(f"{API}/cases/{z}", headers=owner))["can_upload"])
    dossier_doc = _json(client.post(f"{API}/cases/{case_a}/documents", content=PDF,
                                    headers={**owner, **PDF_HEADERS,
                                             "X-Filename": "paspoort.pdf"}))["id"]
    staging_doc = _json(client.post(f"{API}/documents", content=PDF,
                                    headers={**owner, **PDF_HEADERS}))["id"]
    employee_v = "7000000001"
    employee_id = _register(client, owner, "Geheim Werknemer Noordzee", employee_v)
    shared_employee = _register(client, owner, "Gedeelde Werknemer Noordzee", "7000000002")
    app_key = "authz-noordzee-application-0001"
    from ind_tui.domain.forms import example_answers

    app_body = {"type_id": "hsm_first_vvr", "form_version": 1,
                "answers": example_answers("hsm_first_vvr"), "employee": {
        "name": "Geheim Aanvrager Noordzee", "date_of_birth": "1990-05-05",
        "nationality": "IND", "v_number": "7000000003"}}
    application = _json(client.post(f"{API}/applications", json=app_body,
                                    headers={**owner, "Idempotency-Key": app_key}))
    paid = _json(client.post(f"{API}/applications/{application['id']}/payment",
                             headers={**owner, "Idempotency-Key": "authz-noordzee-pay-0001"},
                             json={"method": "direct_debit",
                                   "amount_eur": application["fee_eur"]}))
    app_zaak = paid["application"]["receipt"]["zaaknummer"]
    # A new case is listed from the next daily refresh: two days on, A's list holds it too.
    # The sessions expire on the way, so everyone logs in after the move.
    _json(client.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_days": 2}))
    auth = {identity: _login(client, identity) for identity in (OWNER, *OTHERS)}
    a_cases = {c["zaaknummer"] for c in _all_cases(client, auth[OWNER])}
    agent_cases = {c["zaaknummer"] for c in _all_cases(client, auth["agent-noordzee"])}
    assert {case_a, app_zaak} <= a_cases - agent_cases
    employees = _json(client.get(f"{API}/employees", headers=auth[OWNER],
                                 params={"limit": 1000}))["items"]
    etag = client.get(f"{API}/cases", headers=auth[OWNER]).headers["ETag"]
    world = World(
        client=client, auth=auth, case_a=case_a, dossier_doc=dossier_doc,
        staging_doc=staging_doc, app_id=application["id"], app_key=app_key,
        app_body=app_body, app_fee=application["fee_eur"], app_zaak=app_zaak,
        employee_id=employee_id, employee_v=employee_v, shared_employee=shared_employee,
        a_cases=frozenset(a_cases), agent_cases=frozenset(agent_cases),
        a_employee_ids=frozenset(e["id"] for e in employees),
        # employee_v is left out: the matrix registers that same person with other sponsors.
        a_v_numbers=frozenset(e["v_number"] for e in employees) - {employee_v},
        a_cases_etag=etag,
    )
    a_messages = _json(client.get(f"{API}/messages", headers=auth[OWNER],
                                  params={"limit": 1000}))["items"]
    world.a_messages = frozenset(m["id"] for m in a_messages)
    world.agent_messages = frozenset(m["id"] for m in _json(client.get(
        f"{API}/messages", headers=auth["agent-noordzee"], params={"limit": 1000}))["items"])
    world.message_a = next(m["id"] for m in sorted(a_messages, key=lambda m: m["state"] != "open")
                           if m["id"] not in world.agent_messages)
    world.payment_a = paid["payment"]["reference"]
    slot = _json(client.get(f"{API}/appointments/slots", headers=auth[OWNER], params={
        "purpose": "biometrics", "locations": "ind-zwolle", "zaaknummer": case_a}))["slots"][0]
    world.appointment_a = _json(client.post(
        f"{API}/appointments", json={"zaaknummer": case_a, "slot_id": slot["id"]},
        headers={**auth[OWNER], "Idempotency-Key": "authz-noordzee-appointment-0001"}))["id"]
    for identity in OTHERS:
        types = _json(client.get(f"{API}/application-types", headers=auth[identity]))
        world.types[identity] = next(t["id"] for t in types if t["fee_eur"] > 0
                                     and not t["is_extension"])
        listed = client.get(f"{API}/cases", headers=auth[identity], params={"limit": 1})
        if listed.status_code == 200 and listed.json()["items"]:
            world.own_case[identity] = listed.json()["items"][0]["zaaknummer"]
    return world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    config = SandboxConfig(db_path=tmp_path_factory.mktemp("authz") / "sandbox.db",
                           admin_token=ADMIN_TOKEN, device_interval=0)
    with TestClient(create_app(config)) as client:
        yield _build_world(client)


# --- the matrix -------------------------------------------------------------------------------

Expect = Literal["denied", "own", "list", "shared"]
Builder = Callable[[World, str], Call]


@dataclass(frozen=True)
class Probe:
    label: str
    build: Builder
    expect: Expect


def _application(w: World, who: str, documents: dict[str, str]) -> dict[str, Any]:
    from ind_tui.domain.forms import example_answers

    return {"type_id": w.types[who], "form_version": 1, "documents": documents,
            "answers": example_answers(w.types[who]), "employee": {
        "name": "Test Persoon", "date_of_birth": "1990-01-01", "nationality": "IND"}}


def _free_slot(w: World) -> str:
    found = w.client.get(f"{API}/appointments/slots", headers=w.auth[OWNER],
                         params={"purpose": "biometrics", "locations": "ind-den-bosch"})
    return str(_json(found)["slots"][0]["id"])


def _case_for(w: World, who: str) -> str:
    """A case the caller itself sees, where it has one (else A's: refused either way)."""
    return w.own_case.get(who, w.case_a)


DOCS = f"{API}/cases/{{zaaknummer}}/documents"
PROBES: dict[tuple[str, str], tuple[Probe, ...]] = {
    ("GET", f"{API}/me"): (
        Probe("own identity", lambda w, who: Call("GET", f"{API}/me"), "own"),
    ),
    ("GET", f"{API}/account"): (
        Probe("own account", lambda w, who: Call("GET", f"{API}/account"), "own"),
    ),
    ("POST", f"{API}/account/notifications"): (
        Probe("own notification", lambda w, who: Call(
            "POST", f"{API}/account/notifications",
            json={"kind": "stopped_trading", "effective_date": "2026-12-01"}), "own"),
    ),
    ("GET", f"{API}/application-types"): (
        Probe("own types", lambda w, who: Call("GET", f"{API}/application-types"), "own"),
    ),
    ("POST", f"{API}/documents"): (
        Probe("own upload", lambda w, who: Call(
            "POST", f"{API}/documents", headers=PDF_HEADERS, content=PDF), "own"),
    ),
    ("POST", f"{API}/applications"): (
        Probe("with A's staging document", lambda w, who: Call(
            "POST", f"{API}/applications", headers={"Idempotency-Key": f"stage-{who}"},
            json=_application(w, who, {"passport": w.staging_doc})), "denied"),
        Probe("with A's dossier document", lambda w, who: Call(
            "POST", f"{API}/applications", headers={"Idempotency-Key": f"dossier-{who}"},
            json=_application(w, who, {"passport": w.dossier_doc})), "denied"),
        # The same key and body as A's submission: never a replay of A's application.
        Probe("with A's idempotency key", lambda w, who: Call(
            "POST", f"{API}/applications", headers={"Idempotency-Key": w.app_key},
            json=w.app_body), "own"),
    ),
    ("GET", f"{API}/applications"): (
        Probe("by A's idempotency key", lambda w, who: Call(
            "GET", f"{API}/applications", params={"idempotency_key": w.app_key}), "list"),
    ),
    ("GET", f"{API}/applications/{{app_id}}"): (
        Probe("A's application", lambda w, who: Call(
            "GET", f"{API}/applications/{w.app_id}"), "denied"),
    ),
    ("POST", f"{API}/applications/{{app_id}}/payment"): (
        Probe("A's application", lambda w, who: Call(
            "POST", f"{API}/applications/{w.app_id}/payment",
            headers={"Idempotency-Key": f"pay-{who}"},
            json={"method": "one_off", "amount_eur": w.app_fee}), "denied"),
    ),
    ("GET", f"{API}/cases"): (
        Probe("own list", lambda w, who: Call(
            "GET", f"{API}/cases", params={"limit": "1000"}), "list"),
        # A's ETag must not answer 304 for another account's list.
        Probe("with A's ETag", lambda w, who: Call(
            "GET", f"{API}/cases", headers={"If-None-Match": w.a_cases_etag}), "list"),
    ),
    ("GET", f"{API}/cases/{{zaaknummer}}"): (
        Probe("A's case", lambda w, who: Call("GET", f"{API}/cases/{w.case_a}"), "denied"),
        Probe("A's paid application's case", lambda w, who: Call(
            "GET", f"{API}/cases/{w.app_zaak}"), "denied"),
    ),
    ("GET", DOCS): (
        Probe("A's dossier", lambda w, who: Call(
            "GET", f"{API}/cases/{w.case_a}/documents"), "denied"),
    ),
    ("POST", DOCS): (
        Probe("upload to A's case", lambda w, who: Call(
            "POST", f"{API}/cases/{w.case_a}/documents", headers=PDF_HEADERS,
            content=PDF), "denied"),
    ),
    ("GET", f"{DOCS}/{{doc_id}}"): (
        Probe("A's document in A's case", lambda w, who: Call(
            "GET", f"{API}/cases/{w.case_a}/documents/{w.dossier_doc}"), "denied"),
        Probe("A's receipt", lambda w, who: Call(
            "GET", f"{API}/cases/{w.case_a}/documents/receipt"), "denied"),
        Probe("A's document through an own case", lambda w, who: Call(
            "GET", f"{API}/cases/{_case_for(w, who)}/documents/{w.dossier_doc}"), "denied"),
        Probe("A's staging upload through an own case", lambda w, who: Call(
            "GET", f"{API}/cases/{_case_for(w, who)}/documents/{w.staging_doc}"), "denied"),
    ),
    ("GET", f"{API}/messages"): (
        Probe("own list", lambda w, who: Call(
            "GET", f"{API}/messages", params={"limit": "1000"}), "list"),
        Probe("A's case's messages", lambda w, who: Call(
            "GET", f"{API}/messages", params={"zaaknummer": w.case_a}), "list"),
    ),
    ("GET", f"{API}/messages/{{message_id}}"): (
        Probe("A's message", lambda w, who: Call(
            "GET", f"{API}/messages/{w.message_a}"), "denied"),
    ),
    ("POST", f"{API}/messages/{{message_id}}/read"): (
        Probe("A's message", lambda w, who: Call(
            "POST", f"{API}/messages/{w.message_a}/read"), "denied"),
    ),
    ("POST", f"{API}/messages/{{message_id}}/answer"): (
        Probe("A's request with A's dossier document", lambda w, who: Call(
            "POST", f"{API}/messages/{w.message_a}/answer",
            json={"documents": {"passport_copy": w.dossier_doc}}), "denied"),
    ),
    ("GET", f"{API}/appointments/locations"): (
        Probe("the locations", lambda w, who: Call("GET", f"{API}/appointments/locations"),
              "list"),
    ),
    ("GET", f"{API}/appointments/slots"): (
        Probe("free slots", lambda w, who: Call(
            "GET", f"{API}/appointments/slots", params={"purpose": "biometrics"}), "list"),
        Probe("free slots for A's case", lambda w, who: Call(
            "GET", f"{API}/appointments/slots",
            params={"purpose": "biometrics", "zaaknummer": w.case_a}), "denied"),
    ),
    ("POST", f"{API}/appointments"): (
        Probe("for A's case", lambda w, who: Call(
            "POST", f"{API}/appointments", headers={"Idempotency-Key": f"appt-{who}-0001"},
            json={"zaaknummer": w.case_a, "slot_id": _free_slot(w)}), "denied"),
    ),
    ("GET", f"{API}/appointments"): (
        Probe("own list", lambda w, who: Call("GET", f"{API}/appointments"), "list"),
        Probe("A's case's bookings", lambda w, who: Call(
            "GET", f"{API}/appointments", params={"zaaknummer": w.case_a}), "list"),
    ),
    ("GET", f"{API}/appointments/{{appointment_id}}"): (
        Probe("A's booking", lambda w, who: Call(
            "GET", f"{API}/appointments/{w.appointment_a}"), "denied"),
    ),
    ("POST", f"{API}/appointments/{{appointment_id}}/reschedule"): (
        Probe("A's booking", lambda w, who: Call(
            "POST", f"{API}/appointments/{w.appointment_a}/reschedule",
            json={"slot_id": _free_slot(w)}), "denied"),
    ),
    ("POST", f"{API}/appointments/{{appointment_id}}/cancel"): (
        Probe("A's booking", lambda w, who: Call(
            "POST", f"{API}/appointments/{w.appointment_a}/cancel"), "denied"),
    ),
    ("GET", f"{API}/payments"): (
        Probe("own list", lambda w, who: Call("GET", f"{API}/payments"), "list"),
        Probe("by A's application and case", lambda w, who: Call(
            "GET", f"{API}/payments",
            params={"application_id": w.app_id, "zaaknummer": w.app_zaak}), "list"),
    ),
    ("GET", f"{API}/employees"): (
        Probe("own list", lambda w, who: Call(
            "GET", f"{API}/employees", params={"limit": "1000"}), "list"),
    ),
    ("POST", f"{API}/employees"): (
        # A's employee's V-number: a new registration for the caller, never A's record.
        Probe("A's employee's V-number", lambda w, who: Call(
            "POST", f"{API}/employees", json={
                "name": "Test Persoon", "v_number": w.employee_v,
                "date_of_birth": "1990-01-01", "nationality": "IND", "purpose": "labour",
                "start_date": "2025-01-01"}), "own"),
    ),
    ("POST", f"{API}/employees/{{employee_id}}/deregistration"): (
        Probe("A's employee", lambda w, who: Call(
            "POST", f"{API}/employees/"
            f"{w.shared_employee if who in SHARES_EMPLOYEES else w.employee_id}/deregistration",
            json={"end_date": "2026-10-31", "reason": "employment_ended"}), "denied"),
    ),
}


def _expectation(who: str, route: tuple[str, str], probe: Probe) -> Expect:
    if who in SHARES_EMPLOYEES and route[1].startswith(f"{API}/employees/"):
        return "shared"
    return probe.expect


def _send(w: World, call: Call, auth: dict[str, str] | None) -> Any:
    return w.client.request(call.method, call.url, headers={**call.headers, **(auth or {})},
                            json=call.json, content=call.content, params=call.params)


MATRIX = [
    pytest.param(who, route, probe, id=f"{who}-{route[0]} {route[1][len(API):]}-{probe.label}")
    for who in OTHERS for route, probes in PROBES.items() for probe in probes
]


@pytest.mark.parametrize(("who", "route", "probe"), MATRIX)
def test_no_access_to_another_companys_resources(
    world: World, who: str, route: tuple[str, str], probe: Probe
) -> None:
    call = probe.build(world, who)
    response = _send(world, call, world.auth[who])
    expect = _expectation(who, route, probe)
    assert response.status_code < 500, response.text
    if expect == "denied":
        assert response.status_code in (403, 404, 422), response.text
    if expect == "list":
        assert response.status_code in (200, 403), response.text
    if response.status_code >= 400:
        assert {"code", "message"} <= set(response.json()), response.text
    body = response.content.decode("latin-1")
    leaked = {s for s in world.secrets(who) if s in body and s not in call.sent()}
    assert not leaked, f"{who} read A's {sorted(leaked)}: {body[:500]}"


def test_lists_hold_none_of_as_items(world: World) -> None:
    """The list routes, item by item: no case or employee of A for another account."""
    for who in OTHERS:
        cases = world.client.get(f"{API}/cases", headers=world.auth[who],
                                 params={"limit": 1000})
        if cases.status_code == 200:
            listed = {c["zaaknummer"] for c in cases.json()["items"]}
            allowed = world.agent_cases if who == "agent-noordzee" else frozenset()
            assert not (listed & (world.a_cases - allowed)), who
            assert world.case_a not in listed, who
        else:
            assert cases.status_code == 403, (who, cases.text)
        employees = world.client.get(f"{API}/employees", headers=world.auth[who],
                                     params={"limit": 1000})
        if who in SHARES_EMPLOYEES:
            continue
        if employees.status_code == 200:
            ids = {e["id"] for e in employees.json()["items"]}
            assert not (ids & world.a_employee_ids), who
        else:
            assert employees.status_code == 403, (who, employees.text)
        found = world.client.get(f"{API}/applications", headers=world.auth[who],
                                 params={"idempotency_key": world.app_key})
        if found.status_code == 200:  # the caller's own submissions under that key, if any
            assert world.app_id not in {a["id"] for a in found.json()}, who
        else:
            assert found.status_code == 403, (who, found.text)


def test_representative_sees_only_what_it_submitted(world: World) -> None:
    """agent-noordzee acts for A but sees only the cases the agency submitted."""
    assert world.agent_cases, "the demo seed has agency-submitted Noordzee cases"
    assert world.agent_cases < world.a_cases
    assert world.case_a not in world.agent_cases
    agent = world.auth["agent-noordzee"]
    refused = world.client.get(f"{API}/cases/{world.case_a}", headers=agent)
    assert refused.status_code == 404, refused.text
    assert refused.json()["code"] == "not_found"
    seen = world.client.get(f"{API}/cases/{min(world.agent_cases)}", headers=agent)
    assert seen.status_code == 200, seen.text


def test_matrix_roles_are_every_identity_that_can_log_in() -> None:
    can_log_in = {spec.name for spec in IDENTITIES if login_outcome(spec)[0] is not None}
    a_staff = {spec.name for spec in IDENTITIES
               if spec.kvk == NOORDZEE and spec.acting_for is None}
    assert set(OTHERS) == can_log_in - a_staff
    assert OWNER in a_staff


def test_matrix_covers_every_route(world: World) -> None:
    document = world.client.get("/openapi.json").json()
    routes = {(method.upper(), path) for path, operations in document["paths"].items()
              for method in operations}
    admin = {r for r in routes if r[1].startswith(f"{API}/sandbox/")}
    assert admin == set(ADMIN_ROUTES)
    assert routes >= NO_RESOURCE
    assert set(PROBES) == routes - admin - NO_RESOURCE
    assert set(UNAUTHENTICATED) == routes - admin - PUBLIC


# --- without credentials ----------------------------------------------------------------------

UNAUTHENTICATED: dict[tuple[str, str], Builder] = {
    route: probes[0].build for route, probes in PROBES.items()
} | {("POST", f"{API}/auth/logout"): lambda w, who: Call("POST", f"{API}/auth/logout", json={})}


# Logout with a token the portal does not know revokes nothing and succeeds (as token
# revocation does, RFC 7009 section 2.2), so only the other routes are tried with one.
WITH_UNKNOWN_TOKEN = [r for r in UNAUTHENTICATED if r != ("POST", f"{API}/auth/logout")]
CREDENTIALS = [pytest.param(r, None, id=f"{r[0]} {r[1]}-none") for r in UNAUTHENTICATED] + [
    pytest.param(r, "Bearer not-a-real-token", id=f"{r[0]} {r[1]}-unknown token")
    for r in WITH_UNKNOWN_TOKEN
]


@pytest.mark.parametrize(("route", "authorization"), CREDENTIALS)
def test_every_non_public_route_needs_a_login(
    world: World, route: tuple[str, str], authorization: str | None
) -> None:
    call = UNAUTHENTICATED[route](world, "delta-eh3")
    auth = {"Authorization": authorization} if authorization else None
    response = _send(world, call, auth)
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "unauthenticated"


@pytest.mark.parametrize("credentials", ["none", "sponsor login", "wrong admin token"])
@pytest.mark.parametrize("route", ADMIN_ROUTES, ids=lambda r: f"{r[0]} {r[1]}")
def test_sandbox_admin_routes_need_the_admin_token(
    world: World, route: tuple[str, str], credentials: str
) -> None:
    headers = {
        "none": {},
        "sponsor login": world.auth[OWNER],
        "wrong admin token": {"X-Sandbox-Admin-Token": "not-the-admin-token"},
    }[credentials]
    method, path = route
    body: dict[str, Any] | None = {} if method == "POST" else None
    response = world.client.request(method, path, headers=headers, json=body)
    assert response.status_code == 403, response.text
    assert response.json()["code"] == "sandbox_admin_required"
