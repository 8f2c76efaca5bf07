"""The portal against hostile and careless requests, in-process: bodies within the route's
published limit, a token before a large body, bounded answers, storable text, clean names."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from ind_tui.sandbox.app import create_app
from ind_tui.sandbox.bounds import (
    FORM_BODY_BYTES,
    MAX_BODY_KEY,
    SMALL_BODY_BYTES,
    ServerBounds,
)
from ind_tui.sandbox.errors import MAX_VALIDATION_ERRORS
from ind_tui.sandbox.pdfgen import letter
from ind_tui.sandbox.state import SandboxConfig
from tests.conftest import ADMIN, ADMIN_TOKEN, API, bearer
from tests.test_sandbox_rules import _application, encrypted_pdf

MB = 1024 * 1024


class Body:
    """A request body sent in chunks as the server asks for them; counts what it gave."""

    def __init__(self, total: int, chunk: int = MB, first: bytes = b"") -> None:
        self.total, self.chunk, self.first = total, chunk, first
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self.first:
            self.sent += len(self.first)
            yield self.first
        while self.sent < self.total:
            part = b" " * min(self.chunk, self.total - self.sent)
            self.sent += len(part)
            yield part


def _registration(name: str, v_number: str = "4444444444") -> dict[str, str]:
    return {"name": name, "v_number": v_number, "date_of_birth": "1990-01-01",
            "nationality": "IND", "purpose": "labour", "start_date": "2026-11-01"}


# --- sizes -------------------------------------------------------------------------------


async def test_a_declared_size_over_the_limit_is_refused_before_any_byte(
        http: httpx.AsyncClient) -> None:
    body = Body(50 * MB)
    r = await http.post(f"{API}/auth/device", content=body, headers={
        "Content-Length": str(50 * MB), "Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.json()["code"] == "request_too_large"
    assert r.json()["details"]["max_bytes"] == SMALL_BODY_BYTES
    assert r.headers["x-request-id"] and r.headers["connection"] == "close"
    assert body.sent == 0


async def test_a_chunked_body_is_cut_once_it_passes_the_limit(http: httpx.AsyncClient) -> None:
    body = Body(50 * MB, chunk=1024)  # no Content-Length: chunked
    r = await http.post(f"{API}/auth/device", content=body,
                        headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["code"] == "request_too_large"
    assert body.sent <= SMALL_BODY_BYTES + 1024


async def test_the_eherkenning_form_is_bounded_too(http: httpx.AsyncClient) -> None:
    body = Body(200 * MB, chunk=64 * 1024, first=b"user_code=ABCD-EFGH&identity=")
    r = await http.post("/eherkenning", content=body,
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and r.json()["code"] == "request_too_large"
    assert body.sent <= FORM_BODY_BYTES + 64 * 1024


async def test_an_upload_without_a_token_is_refused_before_its_body(
        http: httpx.AsyncClient) -> None:
    body = Body(50 * MB)
    r = await http.post(f"{API}/documents", content=body,
                        headers={"Content-Type": "application/pdf"})
    assert r.status_code == 401 and r.json()["code"] == "unauthenticated"
    assert body.sent == 0


async def test_an_upload_with_a_bad_token_is_refused_before_its_body(
        http: httpx.AsyncClient) -> None:
    body = Body(6 * MB)
    r = await http.post(f"{API}/documents", content=body, headers={
        "Content-Type": "application/pdf", "Authorization": "Bearer not-a-token",
        "Content-Length": str(6 * MB)})
    assert r.status_code == 401 and body.sent == 0


async def test_a_large_upload_says_document_too_large(tmp_path: Path) -> None:
    config = SandboxConfig(db_path=tmp_path / "s.db", admin_token=ADMIN_TOKEN,
                           device_interval=0, max_document_bytes=MB)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(config)),
                                 base_url="http://t") as h:
        auth = await bearer(h, "sponsor-eh3")
        for headers in ({"Content-Length": str(2 * MB)}, {}):
            body = Body(2 * MB, chunk=64 * 1024, first=b"%PDF-1.4\n")
            r = await h.post(f"{API}/documents", content=body,
                             headers={**auth, "Content-Type": "application/pdf", **headers})
            assert r.status_code == 413, r.text
            assert r.json()["code"] == "document_too_large"
            assert r.json()["details"]["max_bytes"] == MB
            assert body.sent <= MB + 64 * 1024


async def test_every_body_limit_is_in_the_published_contract(tmp_path: Path) -> None:
    config = SandboxConfig(db_path=tmp_path / "s.db", max_document_bytes=3 * MB)
    schema = create_app(config).openapi()
    with_body = [(path, method, op) for path, item in schema["paths"].items()
                 for method, op in item.items() if "requestBody" in op]
    assert len(with_body) >= 15
    for path, method, op in with_body:
        assert isinstance(op.get(MAX_BODY_KEY), int), (method, path)
    uploads = [op[MAX_BODY_KEY] for path, _, op in with_body if path.endswith("/documents")]
    assert uploads == [3 * MB, 3 * MB]


async def test_a_slow_body_is_cut(tmp_path: Path) -> None:
    bounds = replace(ServerBounds(), body_seconds=0.3)
    config = SandboxConfig(db_path=tmp_path / "s.db", bounds=bounds)
    never = asyncio.Event()

    async def stalls() -> AsyncIterator[bytes]:
        yield b'{"client_id": '
        await never.wait()  # the rest never comes
        yield b'"x"}'

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(config)),
                                 base_url="http://t") as h:
        r = await asyncio.wait_for(h.post(f"{API}/auth/device", content=stalls(), headers={
            "Content-Type": "application/json", "Content-Length": "20"}), timeout=30)
    assert r.status_code == 408 and r.json()["code"] == "request_timeout"


async def test_a_client_gone_mid_upload_is_no_error_of_ours(app: FastAPI,
                                                            http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    messages = [{"type": "http.request", "body": b"%PDF-1.4\n", "more_body": True},
                {"type": "http.disconnect"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": f"{API}/documents",
             "raw_path": f"{API}/documents".encode(), "root_path": "", "query_string": b"",
             "headers": [(b"host", b"t"), (b"content-type", b"application/pdf"),
                         (b"authorization", auth["Authorization"].encode())],
             "client": ("127.0.0.1", 1), "server": ("t", 80)}
    await app(scope, receive, send)  # raises (and would be logged) if it took it as a fault
    assert not any(m["type"] == "http.response.start" and m["status"] >= 500 for m in sent)


# --- what a 422 says ---------------------------------------------------------------------


async def test_a_validation_error_is_bounded_and_echoes_nothing(
        http: httpx.AsyncClient) -> None:
    long_key = "k" * 5000
    fields = {f"{long_key[:300]}{i}": "x" for i in range(3)}
    fields.update({f"unknown{i}": i for i in range(300)})
    r = await http.post(f"{API}/auth/device", content=json.dumps(fields)[:SMALL_BODY_BYTES - 2]
                        .rsplit(",", 1)[0] + "}", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["code"] == "validation_failed"
    details = r.json()["details"]
    assert len(details["errors"]) == MAX_VALIDATION_ERRORS and details["omitted"] > 0
    assert len(r.content) < 8 * 1024
    assert all(len(part) <= 121 for e in details["errors"] for part in e["loc"])


@pytest.mark.parametrize(("answers", "kind"), [
    ("deep", "json_too_deep"),
    ({"partner": "\ud800"}, "text_not_unicode"),
    ({"\udfff": "key"}, "text_not_unicode"),
    ({"note": "clear \x1b[2J screen"}, "text_control_character"),
])
async def test_answers_nested_deep_or_not_storable_are_422(
        http: httpx.AsyncClient, answers: Any, kind: str) -> None:
    auth = await bearer(http, "sponsor-eh3")
    if answers == "deep":
        answers = {"a": json.loads("[" * 700 + "]" * 700)}
    raw = json.dumps(_application("ict", answers=answers))  # ASCII: "\ud800" as an escape
    r = await http.post(f"{API}/applications", content=raw, headers={
        **auth, "Idempotency-Key": "bad-answers-1", "Content-Type": "application/json"})
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "validation_failed"
    assert [e["type"] for e in r.json()["details"]["errors"]] == [kind]
    # the server stays up, and the key stays free for a correct request
    assert (await http.get(f"{API}/portal")).status_code == 200


@pytest.mark.parametrize("name", [
    "Ana\x1b]0;owned\x07", "Ana\x1b[2J\x1b[H", "Ana\x1b]52;c;ZWNobyBoaQ==\x07", "Ana\x00Li",
    "Ana\u202eiL", "\ufeffAna", "Ana\x85Li", "Ana\x9b31m", "Ana\nLi", "Ana\u2028Li",
])
async def test_a_name_with_control_characters_is_refused(http: httpx.AsyncClient,
                                                         name: str) -> None:
    auth = await bearer(http, "sponsor-eh3")
    r = await http.post(f"{API}/employees", json=_registration(name),
                        headers={**auth, "Idempotency-Key": "name-check-1"})
    assert r.status_code == 422, r.text
    errors = r.json()["details"]["errors"]
    assert errors[0]["type"] in ("name_not_allowed", "text_control_character")
    listed = (await http.get(f"{API}/employees", headers=auth, params={"limit": 1000})).json()
    assert all(e["name"] != name for e in listed["items"])


async def test_a_name_in_an_application_is_checked_the_same(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    body = _application("ict")
    body["employee"]["name"] = "Priya\u202ePatel"  # type: ignore[index]
    r = await http.post(f"{API}/applications", json=body,
                        headers={**auth, "Idempotency-Key": "name-app-1"})
    assert r.status_code == 422 and r.json()["details"]["errors"][0]["loc"][:3] == [
        "body", "employee", "name"]


async def test_names_in_any_script_pass(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    for i, name in enumerate(["Zoë O'Brien-Ångström", "محمد علي", "Mehr\u200cnoosh", "李小龍"]):
        r = await http.post(f"{API}/employees", json=_registration(name, f"444444440{i}"),
                            headers={**auth, "Idempotency-Key": f"name-ok-{i}-key"})
        assert r.status_code == 201, r.text


# --- documents: judged as the client judges them ------------------------------------------


_UPLOADS = {
    "magic-only": lambda: b"%PDF-",
    "magic-then-png": lambda: b"%PDF-" + b"\x89PNG\r\n\x1a\n" + bytes(200),
    "png": lambda: b"\x89PNG\r\n\x1a\n" + bytes(200),
    "encrypted": lambda: encrypted_pdf(b"/Encrypt"),
    "encrypted-name-escaped": lambda: encrypted_pdf(b"/Encr#79pt"),
}


@pytest.mark.parametrize(("upload", "status", "code"), [
    ("magic-only", 422, "document_unreadable"),
    ("magic-then-png", 422, "document_unreadable"),
    ("png", 415, "document_not_pdf"),
    ("encrypted", 422, "document_encrypted"),
    ("encrypted-name-escaped", 422, "document_encrypted"),
])
async def test_an_upload_must_be_a_readable_unencrypted_pdf(
        http: httpx.AsyncClient, upload: str, status: int, code: str) -> None:
    auth = await bearer(http, "sponsor-eh3")
    r = await http.post(f"{API}/documents", content=_UPLOADS[upload](),
                        headers={**auth, "Content-Type": "application/pdf"})
    assert (r.status_code, r.json()["code"]) == (status, code), r.text


async def test_a_pdf_that_mentions_encrypt_in_its_text_is_accepted(
        http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    r = await http.post(f"{API}/documents", content=letter(["Set /Encrypt in the trailer."]),
                        headers={**auth, "Content-Type": "application/pdf"})
    assert r.status_code == 201, r.text


# --- keys, codes and tokens ----------------------------------------------------------------


async def test_a_submission_key_outlives_a_day(http: httpx.AsyncClient) -> None:
    auth = await bearer(http, "sponsor-eh3")
    body = _application("ict")
    headers = {**auth, "Idempotency-Key": "late-retry-key-1"}
    first = await http.post(f"{API}/applications", json=body, headers=headers)
    assert first.status_code == 201
    await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_seconds": 25 * 3600})
    auth = await bearer(http, "sponsor-eh3")
    again = await http.post(f"{API}/applications", json=body,
                            headers={**auth, "Idempotency-Key": "late-retry-key-1"})
    assert again.status_code == 201 and again.headers.get("idempotent-replayed") == "true"
    assert again.json()["id"] == first.json()["id"]
    found = await http.get(f"{API}/applications", headers=auth,
                           params={"idempotency_key": "late-retry-key-1"})
    assert len(found.json()) == 1


async def test_a_device_code_is_redeemed_only_by_its_client(http: httpx.AsyncClient) -> None:
    start = (await http.post(f"{API}/auth/device", json={"client_id": "client-a"})).json()
    await http.post(f"{API}/sandbox/identities/approve", headers=ADMIN,
                    json={"user_code": start["user_code"], "identity": "sponsor-eh3"})
    grant = {"grant_type": "urn:ietf:params:oauth:grant-type:device_code",
             "device_code": start["device_code"]}
    stolen = await http.post(f"{API}/auth/token", json={**grant, "client_id": "client-b"})
    assert stolen.status_code == 400 and stolen.json()["error"] == "invalid_grant"
    own = await http.post(f"{API}/auth/token", json={**grant, "client_id": "client-a"})
    assert own.status_code == 200 and own.json()["access_token"]


async def test_logout_with_an_invalid_token_is_401(http: httpx.AsyncClient) -> None:
    bad = await http.post(f"{API}/auth/logout", json={},
                          headers={"Authorization": "Bearer not-a-token"})
    assert bad.status_code == 401 and bad.json()["code"] == "unauthenticated"
    auth = await bearer(http, "sponsor-eh3")
    assert (await http.post(f"{API}/auth/logout", json={}, headers=auth)).status_code == 204
    again = await http.post(f"{API}/auth/logout", json={}, headers=auth)
    assert again.status_code == 401
