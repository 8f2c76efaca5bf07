"""Uploading documents, submitting applications and paying for them, each exactly once."""

from __future__ import annotations

import hashlib
import random
import re
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Annotated, Any
from urllib.parse import unquote

import anyio.to_thread
from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import JSONResponse, Response

from ind_tui.api.applications import (
    Application,
    ApplicationRequest,
    ApplicationStatus,
    Receipt,
    UploadedDocument,
)
from ind_tui.api.auth import Service
from ind_tui.api.payments import Payment, PaymentRequest, PaymentResult, PaymentStatus
from ind_tui.api.wire import ErrorCode
from ind_tui.base import pdfcheck
from ind_tui.base.pdfcheck import PdfBounds, check_pdf_bytes
from ind_tui.domain.forms.engine import evaluate
from ind_tui.domain.forms.rules import TYPES_BY_ID, extension_opens
from ind_tui.domain.forms.wire import merge_request
from ind_tui.sandbox import idempotency as idem
from ind_tui.sandbox.auth import Principal
from ind_tui.sandbox.bounds import DOCUMENT, JSON_BODY_BYTES, SMALL_BODY_BYTES, max_body
from ind_tui.sandbox.clock import AMSTERDAM, refresh_point
from ind_tui.sandbox.db import iso, parse_iso
from ind_tui.sandbox.deps import PrincipalDep, SandboxDep, errors
from ind_tui.sandbox.errors import PortalError
from ind_tui.sandbox.lifecycle import events_for, insert_events, plan_steps
from ind_tui.sandbox.seed import SEED
from ind_tui.sandbox.state import Sandbox

router = APIRouter()
PHOTO_SLOTS = {"photo_card", "fotokaart"}
_FILENAME_OK = re.compile(r"[^A-Za-z0-9._ ()-]+")
KeyHeader = Annotated[str | None, Header(alias="Idempotency-Key")]


# How the portal judges an upload; 415 for what is no PDF at all, 422 for a PDF it will not
# take. The size was bounded already, as the body arrived (`limits.py`).
_PDF_REFUSALS = {
    pdfcheck.NOT_PDF: (415, ErrorCode.DOCUMENT_NOT_PDF, "only PDF documents are accepted"),
    pdfcheck.ENCRYPTED: (422, ErrorCode.DOCUMENT_ENCRYPTED,
                         "the PDF is password protected or encrypted"),
    pdfcheck.TOO_LARGE: (413, ErrorCode.DOCUMENT_TOO_LARGE, "the document is too large"),
}


async def read_pdf(request: Request, sb: Sandbox) -> bytes:
    """The request body, accepted only as a readable, unencrypted PDF with pages: judged
    like the client judges a file (`base.pdfcheck`), in a child process, off the event loop,
    a few at a time (each child may use hundreds of MB while it parses)."""
    limit = sb.config.max_document_bytes
    data = b"".join([chunk async for chunk in request.stream()])
    key, verdict = sb.known_verdict(data, limit)
    if verdict is None:
        verdict = await anyio.to_thread.run_sync(check_pdf_bytes, data,
                                                 PdfBounds(max_bytes=limit),
                                                 limiter=sb.pdf_checks())
        sb.remember_verdict(key, verdict)
    if not verdict.ok:
        status, code, message = _PDF_REFUSALS.get(verdict.code or "", (
            422, ErrorCode.DOCUMENT_UNREADABLE, "the PDF cannot be read or has no pages"))
        raise PortalError(status, code, message, {"reason": verdict.code, "max_bytes": limit}
                          if verdict.code == pdfcheck.TOO_LARGE else {"reason": verdict.code})
    return data


def clean_filename(raw: str | None) -> str:
    name = _FILENAME_OK.sub("_", unquote(raw or "document.pdf").strip())[:120]
    return name or "document.pdf"


_PDF_BODY = {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
             "required": True}


@router.post("/documents", name="documents.upload", status_code=201,
             response_model=UploadedDocument, responses=errors(403, 413, 415),
             openapi_extra={"requestBody": _PDF_BODY, **max_body(DOCUMENT)})
async def upload(request: Request, principal: PrincipalDep, sb: SandboxDep,
                 x_filename: Annotated[str | None, Header()] = None) -> UploadedDocument:
    sb.require(principal, Service.SUBMIT)
    data = await read_pdf(request, sb)
    doc = UploadedDocument(
        id=f"DOC-{secrets.token_hex(8)}", sha256=hashlib.sha256(data).hexdigest(),
        size=len(data), filename=clean_filename(x_filename), uploaded_at=sb.clock.now(),
    )
    with sb.db.write() as conn:
        conn.execute(
            "INSERT INTO documents (id, owner_kvk, uploaded_by_kvk, case_id, kind, title, "
            "filename, sha256, size, added_at, content) "
            "VALUES (?, ?, ?, NULL, 'upload', ?, ?, ?, ?, ?, ?)",
            (doc.id, principal.company_kvk, principal.own_kvk, doc.filename, doc.filename,
             doc.sha256, doc.size, iso(doc.uploaded_at), data),
        )
    return doc


def _scope(principal: Principal, route: str) -> str:
    return f"{principal.company_kvk}:{principal.own_kvk}:{route}"


def run_once(sb: Sandbox, scope: str, key: str, payload: Any,
             work: Callable[[Any], tuple[int, dict[str, Any]]]) -> Response:
    """Run `work(conn)` once per key; its answer is stored in the same transaction."""
    replay = idem.begin(sb.db, scope, key, idem.body_hash(payload), iso(sb.clock.now()))
    if replay is not None:
        return JSONResponse(replay.body, status_code=replay.status_code,
                            headers={"Idempotent-Replayed": "true"})
    try:
        with sb.db.write() as conn:
            status, body = work(conn)
            idem.finish(conn, scope, key, status, body)
    except BaseException:
        idem.release(sb.db, scope, key)
        raise
    return JSONResponse(body, status_code=status)


def _check(sb: Sandbox, principal: Principal, body: ApplicationRequest, now: datetime) -> None:
    allowed = {r.id for r in sb.allowed_types(principal)}
    rule = TYPES_BY_ID.get(body.type_id)
    if rule is None or body.type_id not in allowed:
        raise PortalError(403, ErrorCode.TYPE_NOT_ALLOWED,
                          "this account may not file this application type",
                          {"type_id": body.type_id, "allowed": sorted(allowed)})
    if body.form_version != rule.form_version:
        raise PortalError(422, ErrorCode.FORM_VERSION_OUTDATED, "the form has a newer version",
                          {"current": rule.form_version, "given": body.form_version})
    if rule.is_extension:
        if body.permit_expiry is None:
            raise PortalError(422, ErrorCode.VALIDATION_FAILED,
                              "an extension needs the current permit's expiry date",
                              {"errors": [{"loc": ["body", "permit_expiry"], "msg": "required"}]})
        try:
            opens = extension_opens(body.permit_expiry)
        except (OverflowError, ValueError):
            raise PortalError(422, ErrorCode.VALIDATION_FAILED, "permit_expiry is out of range",
                              {"errors": [{"loc": ["body", "permit_expiry"],
                                           "msg": "out of range"}]}) from None
        if now.astimezone(AMSTERDAM).date() < opens:
            raise PortalError(422, ErrorCode.EXTENSION_TOO_EARLY,
                              "an extension may be filed at most 3 months before expiry",
                              {"opens_on": opens.isoformat()})
    for slot, doc_id in body.documents.items():
        if slot in PHOTO_SLOTS:
            raise PortalError(422, ErrorCode.DOCUMENT_NOT_ALLOWED,
                              "the photo card cannot be uploaded", {"slot": slot})
        row = sb.db.read().execute(
            "SELECT owner_kvk, uploaded_by_kvk, case_id FROM documents "
            "WHERE id=? AND kind='upload'", (doc_id,)
        ).fetchone()
        # Only a staging upload of this very account: never a document already in a dossier
        # (attaching it would move it out of that case), never one a colleague account of the
        # same sponsor (HR, or its representative) uploaded.
        if (row is None or row["owner_kvk"] != principal.company_kvk
                or row["uploaded_by_kvk"] != principal.own_kvk or row["case_id"] is not None):
            raise PortalError(422, ErrorCode.DOCUMENT_NOT_ALLOWED,
                              "unknown document for this account", {"slot": slot, "id": doc_id})
    # The same definitions the client fills in: what its wizard refuses, the portal refuses.
    # A form that asks about no person (the sponsor's own notification) needs no employee;
    # one that does gets its person fields judged as missing when the employee is absent.
    person = body.employee.model_dump(mode="json") if body.employee is not None else {}
    answers = merge_request(body.type_id, body.answers, person,
                            body.permit_expiry.isoformat() if body.permit_expiry else None)
    verdict = evaluate(body.type_id, answers, today=now.astimezone(AMSTERDAM).date(),
                       documents=body.documents)
    asked = {state.slot.id for state in verdict.documents}
    for slot in body.documents:  # (the client leaves such a document out; it warns of it)
        if slot not in asked:
            raise PortalError(422, ErrorCode.DOCUMENT_NOT_ALLOWED,
                              "this application does not ask for this document", {"slot": slot})
    if not verdict.ok:
        raise PortalError(422, ErrorCode.VALIDATION_FAILED,
                          "the application is incomplete or invalid",
                          {"errors": [{"loc": ["body", *issue.loc], "code": issue.code,
                                       "msg": issue.text.en} for issue in verdict.blocking]})


def _application(conn: Any, row: Any) -> Application:
    """`conn` may be a write transaction not yet committed: the receipt is read through it."""
    receipt = None
    if row["case_id"] is not None:
        case = conn.execute(
            "SELECT c.zaaknummer, c.receipt_date, e.decision_deadline FROM cases c "
            "JOIN case_events e ON e.case_id = c.id WHERE c.id=? ORDER BY e.at LIMIT 1",
            (row["case_id"],),
        ).fetchone()
        receipt = Receipt(zaaknummer=case["zaaknummer"], receipt_date=case["receipt_date"],
                          decision_deadline=case["decision_deadline"])
    return Application(
        id=row["id"], type_id=row["type_id"], status=ApplicationStatus(row["status"]),
        fee_eur=row["fee"], fee_year=row["fee_year"], created_at=parse_iso(row["created_at"]),
        idempotency_key=row["idempotency_key"], receipt=receipt,
    )


def _case_name(conn: Any, body: ApplicationRequest, principal: Principal) -> str:
    """The name a case is listed under: the employee's, or for a form about no person (the
    sponsor's notification) the company's own."""
    if body.employee is not None:
        return body.employee.name
    row = conn.execute("SELECT name FROM companies WHERE kvk=?",
                       (principal.company_kvk,)).fetchone()
    return str(row["name"]) if row is not None else principal.company_kvk


def _make_case(sb: Sandbox, conn: Any, principal: Principal, app_row: Any, now: datetime) -> int:
    """Register the case behind a submitted application; its life is planned here."""
    body = ApplicationRequest.model_validate_json(app_row["body"])
    rule = TYPES_BY_ID[body.type_id]
    zaak = sb.db.next_counter(conn, "zaak", 3100000001)
    rng = random.Random(f"{SEED}:{zaak}")
    days = sb.decision_days(rule, principal)
    receipt = now.astimezone(AMSTERDAM).date()
    # Family applications are sometimes processed by hand: listed some working days later.
    manual = 7 if rule.id.startswith("family") and rng.random() < 0.3 else 0
    listed = refresh_point(now) + timedelta(days=1 + manual)
    v_number = body.employee.v_number if body.employee is not None else None
    cur = conn.execute(
        "INSERT INTO cases (zaaknummer, sponsor_kvk, submitted_by_kvk, type_id, employee_name, "
        "v_number, submitted_at, receipt_date, paper, listed_from) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        (str(zaak), principal.company_kvk, principal.own_kvk, rule.id,
         _case_name(conn, body, principal), v_number, iso(now), receipt.isoformat(), iso(listed)),
    )
    case_id = int(cur.lastrowid or 0)
    steps = plan_steps(rng, days, principal.role is not principal.role.EMPLOYER)
    insert_events(conn, events_for(case_id, now, receipt + timedelta(days=days), steps))
    for doc_id in body.documents.values():
        conn.execute("UPDATE documents SET case_id=? WHERE id=? AND reserved_by=?",
                     (case_id, doc_id, app_row["id"]))
    conn.execute("UPDATE applications SET status='submitted', case_id=? WHERE id=?",
                 (case_id, app_row["id"]))
    return case_id


@router.post("/applications", name="applications.submit", status_code=201,
             response_model=Application, responses=errors(400, 403, 409),
             openapi_extra={**max_body(JSON_BODY_BYTES), **idem.key_required()})
def submit(body: ApplicationRequest, principal: PrincipalDep, sb: SandboxDep,
           idempotency_key: KeyHeader = None) -> Response:
    sb.require(principal, Service.SUBMIT)
    key = idem.check_key(idempotency_key)
    now = sb.clock.now()

    def work(conn: Any) -> tuple[int, dict[str, Any]]:
        # Judged once, under the claimed key: a retry of a filed application replays its
        # answer even when the documents have moved on or a day has passed since.
        _check(sb, principal, body, now)
        rule = TYPES_BY_ID[body.type_id]
        fee = sb.fee(rule, now.astimezone(AMSTERDAM).year).amount
        app_id = f"APP-{secrets.token_hex(8)}"
        conn.execute(
            "INSERT INTO applications VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'awaiting_payment', ?, ?, "
            "NULL)",
            (app_id, principal.company_kvk, principal.own_kvk, principal.identity, rule.id,
             body.model_dump_json(), fee, now.astimezone(AMSTERDAM).year, iso(now), key),
        )
        for slot, doc_id in body.documents.items():
            # The same document may fill two slots of this application, never another's.
            taken = conn.execute(
                "UPDATE documents SET reserved_by=? WHERE id=? AND (reserved_by IS NULL "
                "OR reserved_by=?) AND case_id IS NULL", (app_id, doc_id, app_id)).rowcount
            if taken != 1:
                raise PortalError(422, ErrorCode.DOCUMENT_NOT_ALLOWED,
                                  "this document is already part of another application",
                                  {"slot": slot, "id": doc_id})
        row = conn.execute("SELECT * FROM applications WHERE id=?", (app_id,)).fetchone()
        if fee == 0:  # nothing to pay: submitted at once
            _make_case(sb, conn, principal, row, now)
            row = conn.execute("SELECT * FROM applications WHERE id=?", (app_id,)).fetchone()
        return 201, _application(conn, row).model_dump(mode="json")

    return run_once(sb, _scope(principal, "submit"), key, body.model_dump(mode="json"), work)


def _own_application(sb: Sandbox, principal: Principal, app_id: str) -> Any:
    row = sb.db.read().execute(
        "SELECT * FROM applications WHERE id=? AND sponsor_kvk=? AND submitted_by_kvk=?",
        (app_id, principal.company_kvk, principal.own_kvk),
    ).fetchone()
    if row is None:
        raise PortalError(404, ErrorCode.NOT_FOUND, "no such application for this account")
    return row


@router.get("/applications", name="applications.find", response_model=list[Application],
            responses=errors(403))
def find(principal: PrincipalDep, sb: SandboxDep,
         idempotency_key: Annotated[str, Query(min_length=8, max_length=100)]
         ) -> list[Application]:
    """Look an application up by the key it was submitted with (reconciliation)."""
    sb.require(principal, Service.SUBMIT)
    rows = sb.db.read().execute(
        "SELECT * FROM applications WHERE idempotency_key=? AND sponsor_kvk=? "
        "AND submitted_by_kvk=? ORDER BY created_at",
        (idempotency_key, principal.company_kvk, principal.own_kvk),
    ).fetchall()
    conn = sb.db.read()
    return [_application(conn, r) for r in rows]


@router.get("/applications/{app_id}", name="applications.get", response_model=Application,
            responses=errors(403, 404))
def get_application(app_id: str, principal: PrincipalDep, sb: SandboxDep) -> Application:
    sb.require(principal, Service.SUBMIT)
    return _application(sb.db.read(), _own_application(sb, principal, app_id))


def _payment(row: Any) -> Payment:
    return Payment(reference=row["reference"], application_id=row["application_id"],
                   amount_eur=row["amount"], fee_year=row["fee_year"], method=row["method"],
                   status=PaymentStatus(row["status"]), paid_at=parse_iso(row["paid_at"]))


@router.post("/applications/{app_id}/payment", name="applications.pay",
             response_model=PaymentResult, responses=errors(400, 403, 404, 409),
             openapi_extra={**max_body(SMALL_BODY_BYTES), **idem.key_required()})
def pay(app_id: str, body: PaymentRequest, principal: PrincipalDep, sb: SandboxDep,
        idempotency_key: KeyHeader = None) -> Response:
    sb.require(principal, Service.SUBMIT)
    key = idem.check_key(idempotency_key)
    _own_application(sb, principal, app_id)
    now = sb.clock.now()

    def work(conn: Any) -> tuple[int, dict[str, Any]]:
        row = conn.execute("SELECT * FROM applications WHERE id=?", (app_id,)).fetchone()
        if row["fee"] == 0:  # filed at once without payment: say so, not "already paid"
            raise PortalError(409, ErrorCode.NOTHING_TO_PAY, "this application has no fee to pay",
                              {"application": _application(conn, row).model_dump(mode="json")})
        paid = conn.execute("SELECT * FROM payments WHERE application_id=?", (app_id,)).fetchone()
        if paid is not None or row["status"] != ApplicationStatus.AWAITING_PAYMENT.value:
            details: dict[str, Any] = {
                "application": _application(conn, row).model_dump(mode="json")}
            if paid is not None:
                details["payment"] = _payment(paid).model_dump(mode="json")
            raise PortalError(409, ErrorCode.ALREADY_PAID, "this application is already paid",
                              details)
        if body.amount_eur != row["fee"]:
            raise PortalError(422, ErrorCode.AMOUNT_MISMATCH, "the amount differs from the fee",
                              {"expected": row["fee"], "given": body.amount_eur})
        reference = f"PAY-{secrets.token_hex(6).upper()}"
        conn.execute("INSERT INTO payments VALUES (?, ?, ?, ?, ?, 'paid', ?)",
                     (reference, app_id, row["fee"], row["fee_year"], body.method.value,
                      iso(now)))
        _make_case(sb, conn, principal, row, now)
        row = conn.execute("SELECT * FROM applications WHERE id=?", (app_id,)).fetchone()
        payment = conn.execute("SELECT * FROM payments WHERE reference=?",
                               (reference,)).fetchone()
        result = PaymentResult(payment=_payment(payment),
                               application=_application(conn, row))
        return 200, result.model_dump(mode="json")

    return run_once(sb, _scope(principal, f"pay:{app_id}"), key, body.model_dump(mode="json"),
                       work)
