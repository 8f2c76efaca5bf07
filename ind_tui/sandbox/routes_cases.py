"""Running cases as of the last daily refresh, their dossier, and extra documents."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from ind_tui.api.applications import Receipt
from ind_tui.api.auth import Service
from ind_tui.api.cases import (
    COMPLETED_STATUSES,
    CaseDetail,
    CaseEvent,
    CasePage,
    CaseStatus,
    CaseSummary,
    DossierDocument,
    DossierList,
)
from ind_tui.api.wire import ErrorCode, IsoDateTime
from ind_tui.domain.forms.rules import TYPES_BY_ID
from ind_tui.sandbox import idempotency as idem
from ind_tui.sandbox.auth import Principal
from ind_tui.sandbox.bounds import DOCUMENT, max_body
from ind_tui.sandbox.db import iso, parse_iso
from ind_tui.sandbox.deps import PrincipalDep, SandboxDep, errors
from ind_tui.sandbox.errors import PortalError
from ind_tui.sandbox.lifecycle import visible_since
from ind_tui.sandbox.messages import dossier_letters, letter_pdf
from ind_tui.sandbox.pdfgen import letter
from ind_tui.sandbox.routes_applications import (
    _PDF_BODY,
    KeyHeader,
    _scope,
    clean_filename,
    read_pdf,
    run_once,
)
from ind_tui.sandbox.state import Sandbox

router = APIRouter()
Zaak = Annotated[str, Path(pattern=r"^\d{10}$")]

_COLUMNS = ("zaaknummer, employee_name, v_number, type_id, status, decision, submitted_at, "
            "decision_deadline, changed_at, completed_at")


# A case as `CaseSummary.model_dump_json()` writes it: the same keys in the same order, and
# each instant (stored as `...+00:00`, see `db.iso`) as pydantic writes UTC, `...Z`.
_ITEM_JSON = (
    "json_object('zaaknummer', zaaknummer, 'employee_name', employee_name, 'v_number', "
    "v_number, 'type_id', type_id, 'status', status, 'decision', decision, 'submitted_at', "
    "substr(submitted_at, 1, 19) || 'Z', 'decision_deadline', decision_deadline, "
    "'changed_at', substr(changed_at, 1, 19) || 'Z', 'completed_at', "
    "substr(completed_at, 1, 19) || 'Z')"
)


def _visibility(principal: Principal, refresh: datetime) -> tuple[str, list[Any]]:
    """The portal's listing rules: own company; a representative only what it submitted;
    never paper; listed after its registration; completed ones for 28 days."""
    sql = ("sponsor_kvk = ? AND paper = 0 AND listed_from <= ? AND status IS NOT NULL "
           "AND (completed_at IS NULL OR completed_at > ?)")
    args: list[Any] = [principal.company_kvk, iso(refresh), visible_since(refresh)]
    if principal.is_representative:
        sql += " AND submitted_by_kvk = ?"
        args.append(principal.own_kvk)
    return sql, args


def _summary(row: Any) -> CaseSummary:
    return CaseSummary(
        zaaknummer=row["zaaknummer"], employee_name=row["employee_name"],
        v_number=row["v_number"], type_id=row["type_id"], status=row["status"],
        decision=row["decision"], submitted_at=parse_iso(row["submitted_at"]),
        decision_deadline=row["decision_deadline"], changed_at=parse_iso(row["changed_at"]),
        completed_at=parse_iso(row["completed_at"]) if row["completed_at"] else None,
    )


@router.get("/cases", name="cases.list", response_model=CasePage,
            responses=errors(304, 403, s304="not modified: the list is as the ETag says"))
def list_cases(
    request: Request, principal: PrincipalDep, sb: SandboxDep,
    status: CaseStatus | None = None,
    type: Annotated[str | None, Query(max_length=60)] = None,
    changed_since: IsoDateTime | None = None,
    after: Annotated[str | None, Query(pattern=r"^\d{10}$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    sb.require(principal, Service.CASES)
    refresh = sb.ensure_refreshed()
    query = f"{status}|{type}|{changed_since}|{after}|{limit}"
    tag = hashlib.sha256(
        f"{principal.company_kvk}|{principal.role}|{principal.own_kvk}|{query}|"
        f"{iso(refresh)}|{sb.cases_version()}".encode()
    ).hexdigest()[:32]
    etag = f'"{tag}"'
    if if_none_match is not None and etag in [t.strip() for t in if_none_match.split(",")]:
        return Response(status_code=304, headers={"ETag": etag})
    where, args = _visibility(principal, refresh)
    if status is not None:
        where += " AND status = ?"
        args.append(status.value)
    if type is not None:
        where += " AND type_id = ?"
        args.append(type)
    if changed_since is not None:
        try:
            since = iso(changed_since)
        except OverflowError:
            raise PortalError(422, ErrorCode.VALIDATION_FAILED, "changed_since is out of range",
                              {"errors": [{"loc": ["query", "changed_since"],
                                           "msg": "out of range"}]}) from None
        where += " AND seen_at > ?"
        args.append(since)
    conn = sb.db.read()
    count_key = f"{where}|{args}|{sb.cases_version()}"
    total = sb.cached_count(count_key, lambda: int(
        conn.execute(f"SELECT COUNT(*) FROM cases WHERE {where}", args).fetchone()[0]))
    page_where, page_args = where, list(args)
    if after is not None:
        page_where += " AND zaaknummer > ?"
        page_args.append(after)
    # A page is read in case-number order from an index that has it, so the first rows come
    # without sorting every visible case (the planner otherwise takes `cases_visible`, made
    # for the counts, and builds the JSON of 100,000 cases to sort them for one page).
    order = "" if changed_since is not None else (
        " INDEXED BY cases_submitter" if principal.is_representative
        else " INDEXED BY cases_sponsor")
    cur = conn.execute(
        f"SELECT zaaknummer, {_ITEM_JSON} FROM cases{order} WHERE {page_where} "
        "ORDER BY zaaknummer LIMIT ?", [*page_args, limit + 1],
    )
    cur.row_factory = None  # plain tuples: a Row per case costs more than its JSON
    rows = cur.fetchall()
    # Each case as the JSON `CaseSummary` dumps, made by SQLite (a page of 1,000 costs a
    # millisecond instead of the ten that reading, validating and dumping models took);
    # the page's own fields are dumped by the model, and the items put in their place.
    shell = CasePage.model_construct(
        items=[], total=total,
        next_after=rows[limit - 1][0] if len(rows) > limit else None,
        last_refresh=refresh, as_of=sb.clock.now(),
    ).model_dump_json()  # fmt: skip
    body = '{"items":[' + ",".join(r[1] for r in rows[:limit]) + "]" + shell[len('{"items":[]'):]
    return Response(body, media_type="application/json", headers={"ETag": etag})


def _visible_case(sb: Sandbox, principal: Principal, zaak: str) -> Any:
    refresh = sb.ensure_refreshed()
    where, args = _visibility(principal, refresh)
    row = sb.db.read().execute(
        f"SELECT id, {_COLUMNS}, receipt_date FROM cases WHERE zaaknummer = ? AND {where}",
        [zaak, *args],
    ).fetchone()
    if row is None:
        raise PortalError(404, ErrorCode.NOT_FOUND, "no such case for this account")
    return row


def _decided_now(sb: Sandbox, case_id: int) -> bool:
    """Whether the IND has decided by now — the true state, not the daily snapshot."""
    row = sb.db.read().execute(
        "SELECT status FROM case_events WHERE case_id=? AND at <= ? ORDER BY at DESC LIMIT 1",
        (case_id, iso(sb.clock.now())),
    ).fetchone()
    return row is not None and CaseStatus(row["status"]) in COMPLETED_STATUSES


@router.get("/cases/{zaaknummer}", name="cases.get", response_model=CaseDetail,
            responses=errors(403, 404))
def get_case(zaaknummer: Zaak, principal: PrincipalDep, sb: SandboxDep) -> CaseDetail:
    sb.require(principal, Service.CASES)
    row = _visible_case(sb, principal, zaaknummer)
    refresh = sb.ensure_refreshed()
    events = sb.db.read().execute(
        "SELECT at, status, note, decision_deadline FROM case_events WHERE case_id=? AND at <= ? "
        "ORDER BY at", (row["id"], iso(refresh)),
    ).fetchall()
    decided = _decided_now(sb, row["id"])
    return CaseDetail(
        **_summary(row).model_dump(),
        receipt=Receipt(zaaknummer=row["zaaknummer"], receipt_date=row["receipt_date"],
                        decision_deadline=events[0]["decision_deadline"]),
        events=[CaseEvent(at=parse_iso(e["at"]), status=e["status"], note=e["note"],
                          decision_deadline=e["decision_deadline"]) for e in events],
        can_upload=not decided,
        upload_refused_reason=ErrorCode.CASE_DECIDED.value if decided else None,
        last_refresh=refresh,
    )


def _letters(row: Any) -> dict[str, tuple[str, str, bytes, str]]:
    """Letters the IND sent for this case: id -> (title, kind, content, date)."""
    rule = TYPES_BY_ID.get(row["type_id"])
    name = rule.name_nl if rule else row["type_id"]
    out = {"receipt": (
        "Ontvangstbevestiging", "receipt",
        letter(["Immigratie- en Naturalisatiedienst (sandbox)", "",
                "Ontvangstbevestiging / Acknowledgement of receipt", "",
                f"Zaaknummer: {row['zaaknummer']}", f"Aanvraag: {name}",
                f"Vreemdeling: {row['employee_name']}", f"Ontvangen: {row['receipt_date']}"]),
        row["submitted_at"])}
    if row["decision"]:
        out["decision"] = (
            "Beschikking", "decision",
            letter(["Immigratie- en Naturalisatiedienst (sandbox)", "",
                    "Beschikking / Decision", "", f"Zaaknummer: {row['zaaknummer']}",
                    f"Besluit / Decision: {row['decision']}"]),
            row["completed_at"] or row["changed_at"])
    return out


def _uploads(sb: Sandbox, case_id: int) -> list[Any]:
    return list(sb.db.read().execute(
        "SELECT id, title, kind, size, sha256, added_at FROM documents WHERE case_id=? "
        "ORDER BY added_at, id", (case_id,)).fetchall())


@router.get("/cases/{zaaknummer}/documents", name="cases.documents",
            response_model=DossierList, responses=errors(403, 404))
def dossier(zaaknummer: Zaak, principal: PrincipalDep, sb: SandboxDep) -> DossierList:
    sb.require(principal, Service.DOCUMENTS)
    row = _visible_case(sb, principal, zaaknummer)
    docs = [
        DossierDocument(id=doc_id, title=title, kind=kind,  # type: ignore[arg-type]
                        size=len(content), sha256=hashlib.sha256(content).hexdigest(),
                        added_at=parse_iso(at))
        for doc_id, (title, kind, content, at) in _letters(row).items()
    ]
    docs += dossier_letters(sb.db.read(), row["id"])  # letters that came as messages
    docs += [DossierDocument(id=u["id"], title=u["title"], kind="upload", size=u["size"],
                             sha256=u["sha256"], added_at=parse_iso(u["added_at"]))
             for u in _uploads(sb, row["id"])]
    return DossierList(zaaknummer=zaaknummer, documents=docs)


@router.get("/cases/{zaaknummer}/documents/{doc_id}", name="cases.document",
            responses={200: {"content": {"application/pdf": {}}, "description": "the PDF"},
                       **errors(403, 404)})
def download(zaaknummer: Zaak, doc_id: Annotated[str, Path(max_length=40)],
             principal: PrincipalDep, sb: SandboxDep) -> Response:
    sb.require(principal, Service.DOCUMENTS)
    row = _visible_case(sb, principal, zaaknummer)
    letters = _letters(row)
    if doc_id in letters:
        content = letters[doc_id][2]
    elif (message_letter := letter_pdf(sb.db.read(), row["id"], doc_id)) is not None:
        content = message_letter
    else:
        found = sb.db.read().execute(
            "SELECT content FROM documents WHERE id=? AND case_id=?", (doc_id, row["id"])
        ).fetchone()
        if found is None:
            raise PortalError(404, ErrorCode.NOT_FOUND, "no such document in this dossier")
        content = bytes(found["content"])
    return Response(content, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{doc_id}.pdf"'})


@router.post("/cases/{zaaknummer}/documents", name="cases.upload", status_code=201,
             response_model=DossierDocument, responses=errors(400, 403, 404, 409, 413, 415, 422),
             openapi_extra={"requestBody": _PDF_BODY, **max_body(DOCUMENT)})
async def upload_extra(request: Request, zaaknummer: Zaak, principal: PrincipalDep,
                       sb: SandboxDep, x_filename: Annotated[str | None, Header()] = None,
                       idempotency_key: KeyHeader = None) -> Response:
    """An optional Idempotency-Key makes a resend after a lost answer safe: the same key and
    file answer with the document the first request added, and add nothing."""
    sb.require(principal, Service.DOCUMENTS)
    row = _visible_case(sb, principal, zaaknummer)
    if _decided_now(sb, row["id"]):
        raise PortalError(409, ErrorCode.CASE_DECIDED,
                          "the IND has decided; extra documents are no longer accepted")
    data = await read_pdf(request, sb)
    title = clean_filename(x_filename)
    if idempotency_key is None:
        with sb.db.write() as conn:
            status, answer = _add_upload(conn, sb, principal, row["id"], title, data)
        return JSONResponse(answer, status_code=status)
    key = idem.check_key(idempotency_key)
    payload = {"zaaknummer": zaaknummer, "title": title,
               "sha256": hashlib.sha256(data).hexdigest()}
    return run_once(sb, _scope(principal, "cases.upload"), key, payload,
                    lambda conn: _add_upload(conn, sb, principal, row["id"], title, data))


def _add_upload(conn: Any, sb: Sandbox, principal: Principal, case_id: int, title: str,
                data: bytes) -> tuple[int, dict[str, Any]]:
    now = sb.clock.now()
    doc = DossierDocument(id=f"DOC-{secrets.token_hex(8)}", title=title, kind="upload",
                          size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                          added_at=now)
    conn.execute(
        "INSERT INTO documents (id, owner_kvk, uploaded_by_kvk, case_id, kind, title, "
        "filename, sha256, size, added_at, content) "
        "VALUES (?, ?, ?, ?, 'upload', ?, ?, ?, ?, ?, ?)",
        (doc.id, principal.company_kvk, principal.own_kvk, case_id, doc.title, doc.title,
         doc.sha256, doc.size, iso(now), data),
    )
    conn.execute("UPDATE cases SET seen_at=? WHERE id=?", (iso(now), case_id))
    sb.bump_version(conn)
    return 201, doc.model_dump(mode="json")
