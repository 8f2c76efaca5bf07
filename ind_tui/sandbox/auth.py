"""Device login (RFC 8628), rotating refresh tokens, and who is calling.

Token lifetimes run on the sandbox clock, so moving the clock expires sessions exactly as
time passing would. Only hashes of tokens are stored.
"""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ind_tui.api.auth import Role, TokenResponse
from ind_tui.api.wire import ErrorCode
from ind_tui.sandbox.db import iso, parse_iso
from ind_tui.sandbox.errors import PortalError
from ind_tui.sandbox.identities import IDENTITIES_BY_NAME, login_outcome

if TYPE_CHECKING:
    from ind_tui.sandbox.state import Sandbox

USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ"  # no vowels: no words, no 0/O or 1/I mix-ups
SLOW_DOWN_STEP = 5


@dataclass(frozen=True)
class Principal:
    identity: str
    person_name: str
    own_kvk: str
    company_kvk: str  # the company whose data this session sees (acting-for or own)
    role: Role
    level: str

    @property
    def is_representative(self) -> bool:
        return self.role is Role.REPRESENTATIVE


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_user_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


class TokenError(PortalError):
    def __init__(self, code: ErrorCode, message: str, error: str | None = None,
                 details: dict[str, object] | None = None) -> None:
        super().__init__(400, code, message, dict(details or {}))
        self.oauth_error = error or code.value


def start_device(sb: Sandbox, client_id: str) -> dict[str, object]:
    device_code = secrets.token_urlsafe(32)
    pick = sb.code_rng.choice if sb.code_rng is not None else secrets.choice
    raw = "".join(pick(USER_CODE_ALPHABET) for _ in range(8))
    user_code = f"{raw[:4]}-{raw[4:]}"
    expires = sb.clock.now() + timedelta(seconds=sb.config.device_code_ttl)
    with sb.db.write() as conn:
        conn.execute(
            "INSERT INTO device_codes (device_code, user_code, client_id, expires_at, interval, "
            "state) VALUES (?, ?, ?, ?, ?, 'pending')",
            (device_code, normalise_user_code(user_code), client_id, iso(expires),
             sb.config.device_interval),
        )
    base = sb.public_url().rstrip("/")
    return {
        "device_code": device_code, "user_code": user_code,
        "verification_uri": f"{base}/eherkenning",
        "verification_uri_complete": f"{base}/eherkenning?user_code={user_code}",
        "expires_in": sb.config.device_code_ttl, "interval": sb.config.device_interval,
    }


def approve(sb: Sandbox, user_code: str, identity: str) -> tuple[bool, ErrorCode | None]:
    """The eHerkenning step: the chosen identity approves the device code (or is refused)."""
    spec = IDENTITIES_BY_NAME.get(identity)
    if spec is None:
        raise PortalError(404, ErrorCode.UNKNOWN_IDENTITY, f"no test identity {identity!r}")
    now = sb.clock.now()
    with sb.db.write() as conn:
        row = conn.execute(
            "SELECT * FROM device_codes WHERE user_code=?", (normalise_user_code(user_code),)
        ).fetchone()
        if row is None or row["state"] != "pending":
            raise PortalError(404, ErrorCode.NOT_FOUND, "no pending login with that code")
        if parse_iso(row["expires_at"]) <= now:
            raise TokenError(ErrorCode.EXPIRED_TOKEN, "the login code has expired")
        role, error = login_outcome(spec)
        conn.execute(
            "UPDATE device_codes SET state=?, identity=?, error_code=? WHERE device_code=?",
            ("approved" if role else "denied", identity, error.value if error else None,
             row["device_code"]),
        )
    return role is not None, error


def poll_token(sb: Sandbox, device_code: str, client_id: str) -> TokenResponse:
    now = sb.clock.now()
    wall = time.time()
    # Poll bookkeeping (last poll, a raised interval) must be committed even when the answer
    # is an error, so the error is raised only after the transaction.
    error: TokenError | None = None
    with sb.db.write() as conn:
        row = conn.execute(
            "SELECT * FROM device_codes WHERE device_code=?", (device_code,)
        ).fetchone()
        if row is None or row["state"] == "used":
            error = TokenError(ErrorCode.INVALID_GRANT, "unknown or already used device code")
        elif row["client_id"] != client_id:
            # RFC 6749 5.2: a grant issued to another client is invalid_grant; the code stays
            # usable by the client that asked for it.
            error = TokenError(ErrorCode.INVALID_GRANT,
                               "this device code was issued to another client")
        elif parse_iso(row["expires_at"]) <= now:
            error = TokenError(ErrorCode.EXPIRED_TOKEN, "the login code has expired")
        else:
            interval = int(row["interval"])
            last = row["last_poll"]
            if last is not None and interval > 0 and wall - float(last) < interval:
                interval += SLOW_DOWN_STEP
                error = TokenError(ErrorCode.SLOW_DOWN, "polling too fast",
                                   details={"interval": interval})
            elif row["state"] == "pending":
                error = TokenError(ErrorCode.AUTHORIZATION_PENDING, "waiting for eHerkenning")
            elif row["state"] == "denied":
                error = TokenError(ErrorCode(row["error_code"]), "eHerkenning login refused",
                                   error="access_denied", details={"identity": row["identity"]})
            conn.execute("UPDATE device_codes SET interval=?, last_poll=? WHERE device_code=?",
                         (interval, wall, device_code))
            if error is None:
                conn.execute("UPDATE device_codes SET state='used' WHERE device_code=?",
                             (device_code,))
                return _issue(sb, conn, row["identity"], uuid.uuid4().hex, now)
    raise error


def _issue(sb: Sandbox, conn: object, identity: str, family: str, now: datetime) -> TokenResponse:
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    cfg = sb.config
    rows = [
        (_hash(access), "access", identity, family,
         iso(now + timedelta(seconds=cfg.access_token_ttl)), "active"),
        (_hash(refresh), "refresh", identity, family,
         iso(now + timedelta(seconds=cfg.refresh_token_ttl)), "active"),
    ]
    conn.executemany(  # type: ignore[attr-defined]
        "INSERT INTO tokens (token_hash, kind, identity, family, expires_at, state) "
        "VALUES (?, ?, ?, ?, ?, ?)", rows,
    )
    return TokenResponse(access_token=access, refresh_token=refresh,
                         expires_in=cfg.access_token_ttl,
                         refresh_expires_in=cfg.refresh_token_ttl)


def refresh(sb: Sandbox, refresh_token: str) -> TokenResponse:
    now = sb.clock.now()
    with sb.db.write() as conn:
        row = conn.execute("SELECT * FROM tokens WHERE token_hash=? AND kind='refresh'",
                           (_hash(refresh_token),)).fetchone()
        if row is None or row["state"] == "revoked":
            raise TokenError(ErrorCode.INVALID_GRANT, "unknown or revoked refresh token")
        if row["state"] == "used":
            # Reuse of a rotated token means it leaked: end the whole session.
            conn.execute("UPDATE tokens SET state='revoked' WHERE family=?", (row["family"],))
        elif parse_iso(row["expires_at"]) <= now:
            raise TokenError(ErrorCode.INVALID_GRANT, "the session has expired; log in again")
        else:
            conn.execute("UPDATE tokens SET state='used' WHERE token_hash=?", (row["token_hash"],))
            # The old access token of this family stops working as the new one is issued.
            conn.execute("UPDATE tokens SET state='revoked' WHERE family=? AND kind='access'",
                         (row["family"],))
            return _issue(sb, conn, row["identity"], row["family"], now)
    # Only reuse gets here; raised outside the transaction so the revocation is committed.
    raise TokenError(ErrorCode.INVALID_GRANT, "refresh token reused; the session was ended")


def logout(sb: Sandbox, access_token: str, refresh_token: str | None) -> None:
    """End the session of `access_token` (and of `refresh_token`). An unknown or revoked
    access token is 401; an expired one still ends its session, so its refresh token dies."""
    with sb.db.write() as conn:
        row = conn.execute("SELECT state FROM tokens WHERE token_hash=? AND kind='access'",
                           (_hash(access_token),)).fetchone()
        if row is None or row["state"] == "revoked":
            raise PortalError(401, ErrorCode.UNAUTHENTICATED, "not logged in",
                              headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        for token in filter(None, (access_token, refresh_token)):
            row = conn.execute("SELECT family FROM tokens WHERE token_hash=?",
                               (_hash(token),)).fetchone()
            if row is not None:
                conn.execute("UPDATE tokens SET state='revoked' WHERE family=?",
                             (row["family"],))


def principal_for_token(sb: Sandbox, token: str) -> Principal:
    row = sb.db.read().execute(
        "SELECT identity, expires_at, state FROM tokens WHERE token_hash=? AND kind='access'",
        (_hash(token),),
    ).fetchone()
    if row is None or row["state"] != "active":
        raise PortalError(401, ErrorCode.UNAUTHENTICATED, "not logged in",
                          headers={"WWW-Authenticate": "Bearer"})
    if parse_iso(row["expires_at"]) <= sb.clock.now():
        raise PortalError(401, ErrorCode.SESSION_EXPIRED, "the session has expired",
                          headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    spec = IDENTITIES_BY_NAME[row["identity"]]
    role, _ = login_outcome(spec)
    if role is None:  # the identity's standing changed after login
        raise PortalError(401, ErrorCode.UNAUTHENTICATED, "this login is no longer valid")
    return Principal(
        identity=spec.name, person_name=spec.person_name, own_kvk=spec.kvk,
        company_kvk=spec.acting_for or spec.kvk, role=role, level=spec.level,
    )
