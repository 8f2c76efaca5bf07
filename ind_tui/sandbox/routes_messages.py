"""Messages from the IND: the inbox (paged like the cases), one message, marking it read, and
answering a request for information with documents uploaded to the case."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse, Response

from ind_tui.api.auth import Service
from ind_tui.api.inbox import (
    MESSAGE_ID,
    AnswerReceipt,
    AnswerRequest,
    Message,
    MessageKind,
    MessagePage,
    RequestState,
)
from ind_tui.api.wire import ErrorCode
from ind_tui.sandbox import idempotency as idem
from ind_tui.sandbox import messages as letters
from ind_tui.sandbox.auth import Principal
from ind_tui.sandbox.bounds import JSON_BODY_BYTES, max_body
from ind_tui.sandbox.db import iso
from ind_tui.sandbox.deps import PrincipalDep, SandboxDep, errors
from ind_tui.sandbox.errors import PortalError
from ind_tui.sandbox.routes_applications import KeyHeader, _scope, run_once
from ind_tui.sandbox.state import Sandbox

router = APIRouter()
MessageId = Annotated[str, Path(pattern=MESSAGE_ID)]
_FROM = "FROM messages m JOIN cases c ON c.id = m.case_id"
# Which table SQLite walks first, chosen here: it cannot tell a login seeing most messages
# from one seeing a few. Newest messages first (stop at the page's end) when most are this
# login's; its cases first (then sort the few) otherwise. Counts always go by the cases:
# both indexes hold all they need.
_NEWEST_FIRST = "FROM messages m CROSS JOIN cases c ON c.id = m.case_id"
_CASES_FIRST = "FROM cases c CROSS JOIN messages m ON c.id = m.case_id"
_VERSION = "messages_version"  # counts change with a read or answered message too
# The same as letters.state_of, in SQL; `?` is the portal's date.
_REQUEST = "m.kind = 'info_request' AND "
_STATE_SQL = {
    RequestState.OPEN: _REQUEST + "m.answered_at IS NULL AND m.deadline >= ?",
    RequestState.LAPSED: _REQUEST + "m.answered_at IS NULL AND m.deadline < ?",
    RequestState.ANSWERED: _REQUEST + "m.answered_at IS NOT NULL",
}


def _visibility(principal: Principal, refresh: datetime) -> tuple[str, list[Any]]:
    """As for cases: the own company's, never paper, listed; a representative only the
    messages of cases it submitted. Letters stay after their case leaves the list."""
    sql = "c.sponsor_kvk = ? AND c.paper = 0 AND c.listed_from <= ?"
    args: list[Any] = [principal.company_kvk, iso(refresh)]
    if principal.is_representative:
        sql += " AND c.submitted_by_kvk = ?"
        args.append(principal.own_kvk)
    return sql, args


def _today(sb: Sandbox) -> Any:
    return letters.local_day(sb.clock.now())


@router.get("/messages", name="messages.list", response_model=MessagePage,
            responses=errors(403))
def list_messages(
    principal: PrincipalDep, sb: SandboxDep,
    unread: bool | None = None,
    zaaknummer: Annotated[str | None, Query(pattern=r"^\d{10}$")] = None,
    kind: MessageKind | None = None,
    state: RequestState | None = None,
    after: Annotated[str | None, Query(pattern=MESSAGE_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> MessagePage:
    """Newest first. `unread` in the answer counts all unread messages, whatever the filter
    (the number a header shows)."""
    sb.require(principal, Service.CASES)
    refresh = sb.ensure_refreshed()
    where, args = _visibility(principal, refresh)
    conn = sb.db.read()
    version = f"{sb.cases_version()}|{_messages_version(conn)}"

    def count(sql_where: str, sql_args: list[Any]) -> int:
        # Every page of a walk through the list asks again: the same answer until a message
        # comes, is read or answered.
        sql = f"SELECT COUNT(*) {_CASES_FIRST} WHERE {sql_where}"
        return sb.cached_count(f"{sql}|{sql_args}|{version}", lambda: int(
            conn.execute(sql, sql_args).fetchone()[0]))

    visible = count(where, args)
    all_unread = count(where + " AND m.read_at IS NULL", args)
    if unread is not None:
        where += " AND m.read_at IS NULL" if unread else " AND m.read_at IS NOT NULL"
    if zaaknummer is not None:
        where += " AND c.zaaknummer = ?"
        args.append(zaaknummer)
    if kind is not None:
        where += " AND m.kind = ?"
        args.append(kind.value)
    if state is not None:
        where += " AND " + _STATE_SQL[state]
        if "?" in _STATE_SQL[state]:
            args.append(_today(sb).isoformat())
    total = count(where, args)
    page_where, page_args = where, list(args)
    if after is not None:
        page_where += " AND m.id < ?"
        page_args.append(after)
    # Walking newest first reads about limit * stored / visible messages; by the cases,
    # every visible one: the smaller wins (max(rowid) is one index step).
    stored = int(conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM messages").fetchone()[0])
    source = _NEWEST_FIRST if visible * visible > (limit + 1) * stored else _CASES_FIRST
    rows = conn.execute(
        f"SELECT {letters.COLUMNS} {source} WHERE {page_where} ORDER BY m.id DESC LIMIT ?",
        [*page_args, limit + 1]).fetchall()
    today = _today(sb)
    items = [letters.to_message(r, today) for r in rows[:limit]]
    return MessagePage(items=items, total=total, unread=all_unread,
                       next_after=items[-1].id if len(rows) > limit else None,
                       last_refresh=refresh, as_of=sb.clock.now())


def _messages_version(conn: Any) -> int:
    row = conn.execute("SELECT value FROM counters WHERE name = ?", (_VERSION,)).fetchone()
    return 0 if row is None else int(row[0])


def _changed(conn: Any) -> None:
    """A message was read or answered: counts kept for the list are counted again."""
    conn.execute("INSERT INTO counters (name, value) VALUES (?, 1) "
                 "ON CONFLICT(name) DO UPDATE SET value = value + 1", (_VERSION,))


def _visible(sb: Sandbox, principal: Principal, message_id: str) -> Any:
    where, args = _visibility(principal, sb.ensure_refreshed())
    row = sb.db.read().execute(
        f"SELECT {letters.COLUMNS} {_FROM} WHERE m.id = ? AND {where}", [message_id, *args]
    ).fetchone()
    if row is None:
        raise PortalError(404, ErrorCode.NOT_FOUND, "no such message for this account")
    return row


@router.get("/messages/{message_id}", name="messages.get", response_model=Message,
            responses=errors(403, 404))
def get_message(message_id: MessageId, principal: PrincipalDep, sb: SandboxDep) -> Message:
    sb.require(principal, Service.CASES)
    return letters.to_message(_visible(sb, principal, message_id), _today(sb))


@router.post("/messages/{message_id}/read", name="messages.read", response_model=Message,
             responses=errors(403, 404))
def mark_read(message_id: MessageId, principal: PrincipalDep, sb: SandboxDep) -> Message:
    """Marking read twice is harmless: the first moment stays."""
    sb.require(principal, Service.CASES)
    _visible(sb, principal, message_id)
    with sb.db.write() as conn:
        conn.execute("UPDATE messages SET read_at = COALESCE(read_at, ?) WHERE id = ?",
                     (iso(sb.clock.now()), message_id))
        _changed(conn)
    return letters.to_message(_visible(sb, principal, message_id), _today(sb))


@router.post("/messages/{message_id}/answer", name="messages.answer",
             response_model=AnswerReceipt, responses=errors(400, 403, 404, 409, 422),
             openapi_extra=max_body(JSON_BODY_BYTES))
def answer_message(message_id: MessageId, body: AnswerRequest, principal: PrincipalDep,
                   sb: SandboxDep, idempotency_key: KeyHeader = None) -> Response:
    """Answer a request for information with documents first uploaded to the case
    (POST /cases/{zaaknummer}/documents), one per requested item. The decision period stood
    still from the request until today; the decision deadline moves accordingly. Sending the
    same answer again returns the same receipt; an optional Idempotency-Key makes that
    explicit (the same key with another answer is refused)."""
    sb.require(principal, Service.CASES)
    sb.require(principal, Service.DOCUMENTS)
    _visible(sb, principal, message_id)

    def work(conn: Any) -> tuple[int, dict[str, Any]]:
        row = conn.execute(
            f"SELECT {letters.COLUMNS} {_FROM} WHERE m.id = ?", (message_id,)).fetchone()
        receipt = letters.answer(conn, row, dict(body.documents), sb.clock.now(),
                                 principal.own_kvk)
        _changed(conn)
        return 200, receipt.model_dump(mode="json")

    if idempotency_key is None:
        with sb.db.write() as conn:
            status, answer = work(conn)
        return JSONResponse(answer, status_code=status)
    key = idem.check_key(idempotency_key)
    payload = {"message_id": message_id, **body.model_dump(mode="json")}
    return run_once(sb, _scope(principal, "messages.answer"), key, payload, work)
