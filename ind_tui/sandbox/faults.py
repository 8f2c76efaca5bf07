"""Fault injection: make a route slow, unavailable, failing, rate-limited, or do the work and
then drop the connection — per route, with a probability or a count — so support staff can
reproduce what a user saw and tests can prove the client survives."""

from __future__ import annotations

import asyncio
import json
import random
import threading
from typing import Any

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ind_tui.api.sandbox_admin import Fault, FaultKind, FaultSpec
from ind_tui.api.wire import ErrorCode
from ind_tui.sandbox.db import Database
from ind_tui.sandbox.errors import PortalError

DROP_FLAG = "ind_drop_after_commit"
DROP_KIND = "ind_drop_kind"
# Faults that let the work be done first: used up only when an answer is really spoilt.
_AFTER_COMMIT = frozenset({FaultKind.COMMIT_THEN_DROP.value, FaultKind.COMMIT_THEN_ERROR.value})


class ConnectionDropped(ConnectionResetError):
    """Raised after the response has started: the client sees a connection cut mid-answer."""


class FaultStore:
    def __init__(self, db: Database, seed: int = 0) -> None:
        self._db = db
        self._rng = random.Random(seed)  # seeded: a reproduction fires the same way again
        self._lock = threading.Lock()

    def any(self) -> bool:
        """Whether any fault is set. Read each time, not kept: another process on this
        database (`ind-tui sandbox faults` beside a running TUI's sandbox) may set one."""
        return bool(self._db.read().execute("SELECT EXISTS (SELECT 1 FROM faults)").fetchone()[0])

    def add(self, spec: FaultSpec) -> Fault:
        with self._db.write() as conn:
            cur = conn.execute(
                "INSERT INTO faults (route, kind, probability, remaining, latency_ms, "
                "retry_after, form_type) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (spec.route, spec.kind.value, spec.probability, spec.count, spec.latency_ms,
                 spec.retry_after, spec.form_type),
            )
            fault_id = int(cur.lastrowid or 0)
        return self.get(fault_id)

    def get(self, fault_id: int) -> Fault:
        row = self._db.read().execute("SELECT * FROM faults WHERE id=?", (fault_id,)).fetchone()
        return _fault(row)

    def all(self) -> list[Fault]:
        rows = self._db.read().execute("SELECT * FROM faults ORDER BY id").fetchall()
        return [_fault(r) for r in rows]

    def clear(self, route: str | None = None) -> None:
        with self._db.write() as conn:
            if route is None:
                conn.execute("DELETE FROM faults")
            else:
                conn.execute("DELETE FROM faults WHERE route=?", (route,))

    def fire(self, route: str, form_type: str | None) -> list[Fault]:
        """The faults that fire for this request (counts are used up atomically)."""
        fired: list[Fault] = []
        with self._lock, self._db.write() as conn:
            rows = conn.execute(
                "SELECT * FROM faults WHERE (route=? OR route='*') "
                "AND (remaining IS NULL OR remaining > 0) ORDER BY id",
                (route,),
            ).fetchall()
            for row in rows:
                if row["form_type"] is not None and row["form_type"] != form_type:
                    continue
                if self._rng.random() >= row["probability"]:
                    continue
                fired.append(_fault(row))
                if row["kind"] in _AFTER_COMMIT:
                    continue  # used up only when an answer is really spoilt (see consume)
                conn.execute(
                    "UPDATE faults SET fired = fired + 1, "
                    "remaining = CASE WHEN remaining IS NULL THEN NULL ELSE remaining - 1 END "
                    "WHERE id=?",
                    (row["id"],),
                )
        return fired

    def consume(self, fault_id: int) -> bool:
        """Use up one firing of a commit-then-drop/-error fault; False if none is left."""
        with self._lock, self._db.write() as conn:
            return conn.execute(
                "UPDATE faults SET fired = fired + 1, "
                "remaining = CASE WHEN remaining IS NULL THEN NULL ELSE remaining - 1 END "
                "WHERE id=? AND (remaining IS NULL OR remaining > 0)", (fault_id,)).rowcount == 1


def _fault(row: Any) -> Fault:
    return Fault(
        id=row["id"], route=row["route"], kind=FaultKind(row["kind"]),
        probability=row["probability"], remaining=row["remaining"],
        latency_ms=row["latency_ms"], retry_after=row["retry_after"],
        form_type=row["form_type"], fired=row["fired"],
    )


async def _form_type(request: Request) -> str | None:
    if "type_id" in request.path_params:
        return str(request.path_params["type_id"])
    if request.method == "POST" and request.headers.get("content-type", "").startswith(
        "application/json"
    ):
        try:
            body = json.loads(await request.body() or b"{}")
        except ValueError:
            return None
        if isinstance(body, dict) and isinstance(body.get("type_id"), str):
            return str(body["type_id"])
    return None


async def apply_faults(request: Request, store: FaultStore) -> None:
    """Run before a route's handler (as a dependency, so the route is known)."""
    route = request.scope.get("route")
    name = getattr(route, "name", None)
    # store.any() is one indexed read of a table of a few rows: cheaper here than a thread hop.
    if not name or name.startswith("sandbox.") or not store.any():
        return  # the admin routes stay reachable, so a fault can always be cleared
    for fault in await asyncio.to_thread(store.fire, name, await _form_type(request)):
        if fault.kind is FaultKind.LATENCY:
            await asyncio.sleep(fault.latency_ms / 1000)
        elif fault.kind is FaultKind.UNAVAILABLE:
            raise PortalError(
                503, ErrorCode.SERVICE_UNAVAILABLE, "service temporarily unavailable",
                {"form_type": fault.form_type} if fault.form_type else {},
                {"Retry-After": str(fault.retry_after)},
            )
        elif fault.kind is FaultKind.SERVER_ERROR:
            raise PortalError(500, ErrorCode.INTERNAL_ERROR, "the portal failed unexpectedly")
        elif fault.kind is FaultKind.RATE_LIMIT:
            raise PortalError(429, ErrorCode.RATE_LIMITED, "too many requests",
                              {"retry_after": fault.retry_after},
                              {"Retry-After": str(fault.retry_after)})
        elif fault.kind in (FaultKind.COMMIT_THEN_DROP, FaultKind.COMMIT_THEN_ERROR):
            request.scope[DROP_FLAG] = fault.id
            request.scope[DROP_KIND] = fault.kind


class DropAfterCommitMiddleware:
    """Lets the handler finish (and commit), then cuts the answer off half-way, or (for
    commit_then_error) answers 500 instead: the work is done, the client is told it failed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        replaced = False

        async def guarded_send(message: Message) -> None:
            nonlocal start, replaced
            if replaced:
                return  # the real answer's body, after the 500 went out in its place
            if not scope.get(DROP_FLAG):
                await send(message)
                return
            if message["type"] == "http.response.start":
                store = scope["app"].state.sandbox.faults
                # Only an answer that reports work done is cut, and only then is the fault
                # used up: a refused request (401, 422, ...) committed nothing.
                if int(message.get("status", 500)) >= 400 or not store.consume(scope[DROP_FLAG]):
                    scope[DROP_FLAG] = False
                    await send(message)
                    return
                if scope.get(DROP_KIND) is FaultKind.COMMIT_THEN_ERROR:
                    replaced = True
                    await _send_internal_error(scope, send)
                    return
                start = message
                return
            if message["type"] == "http.response.body" and start is not None:
                body = message.get("body", b"")
                await send(start)
                await send({"type": "http.response.body", "body": body[: len(body) // 2],
                            "more_body": True})
                raise ConnectionDropped("connection dropped after commit (sandbox fault)")
            await send(message)

        await self.app(scope, receive, guarded_send)


async def _send_internal_error(scope: Scope, send: Send) -> None:
    body = json.dumps({
        "code": ErrorCode.INTERNAL_ERROR.value,
        "message": "the portal failed after doing the work (sandbox fault)",
        "details": {}, "request_id": scope.get("ind_request_id") or None,
    }).encode()
    await send({"type": "http.response.start", "status": 500,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
