"""Idempotency keys: the same key and body replay the stored answer; the same key with
another body is refused; a retry while the first request still runs gets 409.

A key is kept as long as what its request made: the sandbox deletes no application, payment
or notification, so it never forgets a key. (A key that expired while its application
lived on let a client's late retry file and pay that application a second time.)"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from ind_tui.api.wire import ErrorCode
from ind_tui.sandbox.db import Database
from ind_tui.sandbox.errors import PortalError

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,100}$")
HEADER = "Idempotency-Key"
# Marks, in a route's `openapi_extra`, that the route refuses a request without a key.
KEY_REQUIRED = "x-idempotency-key-required"
ABANDONED_AFTER = 60.0  # wall seconds: a 'running' row older than this was a crashed request


@dataclass(frozen=True)
class Replay:
    status_code: int
    body: dict[str, Any]


def check_key(key: str | None) -> str:
    if key is None:
        raise PortalError(400, ErrorCode.IDEMPOTENCY_KEY_REQUIRED,
                          "this request needs an Idempotency-Key header")
    if not KEY_PATTERN.match(key):
        raise PortalError(400, ErrorCode.BAD_REQUEST,
                          "Idempotency-Key must be 8-100 characters: letters, digits, - and _")
    return key


def key_required() -> dict[str, Any]:
    """`openapi_extra` of a route that refuses a request without an Idempotency-Key."""
    return {KEY_REQUIRED: True}


def document_keys(schema: dict[str, Any]) -> None:
    """Publish the key as the routes check it: its pattern, and required where it is.

    The routes check the header themselves (a missing key has its own error code), so FastAPI
    would document it as an optional free string."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            required = bool(operation.get(KEY_REQUIRED, False))
            for param in operation.get("parameters", []):
                if param.get("in") == "header" and param.get("name") == HEADER:
                    param["required"] = required
                    param["schema"] = {"type": "string", "pattern": KEY_PATTERN.pattern,
                                       "title": HEADER}
                    param["description"] = (
                        "letters, digits, - and _ (8-100); the same key and body replay the "
                        "first answer, so a resend after a lost answer is safe")


def body_hash(payload: Any) -> str:
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def begin(db: Database, scope: str, key: str, digest: str, now_iso: str) -> Replay | None:
    """Claim the key, or say what an earlier request with it became."""
    with db.write() as conn:
        row = conn.execute("SELECT * FROM idempotency WHERE scope=? AND key=?",
                           (scope, key)).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO idempotency (scope, key, body_hash, state, created_at) "
                "VALUES (?, ?, ?, 'running', ?)",
                (scope, key, digest, f"{now_iso}|{time.time()}"),
            )
            return None
        if row["body_hash"] != digest:
            raise PortalError(422, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                              "this Idempotency-Key was used for a different request")
        if row["state"] == "running":
            started_wall = float(str(row["created_at"]).split("|")[1])
            if time.time() - started_wall < ABANDONED_AFTER:
                raise PortalError(409, ErrorCode.REQUEST_IN_PROGRESS,
                                  "the first request with this key is still running",
                                  headers={"Retry-After": "1"})
            conn.execute(
                "UPDATE idempotency SET created_at=? WHERE scope=? AND key=?",
                (f"{now_iso}|{time.time()}", scope, key),
            )
            return None
        return Replay(int(row["status_code"]), json.loads(row["response"]))


def finish(conn: sqlite3.Connection, scope: str, key: str, status: int, body: Any) -> None:
    """Store the answer in the same transaction as the work it describes."""
    conn.execute(
        "UPDATE idempotency SET state='done', status_code=?, response=? WHERE scope=? AND key=?",
        (status, json.dumps(body), scope, key),
    )


def release(db: Database, scope: str, key: str) -> None:
    """The request failed without doing its work: let a retry run it again."""
    with db.write() as conn:
        conn.execute("DELETE FROM idempotency WHERE scope=? AND key=? AND state='running'",
                     (scope, key))

