"""FastAPI dependencies shared by the routes, and the documented error responses."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import Depends, Header, Request

from ind_tui.api.wire import ApiError, ErrorCode
from ind_tui.sandbox.auth import Principal, principal_for_token
from ind_tui.sandbox.errors import PortalError
from ind_tui.sandbox.faults import apply_faults
from ind_tui.sandbox.state import Sandbox


def get_sandbox(request: Request) -> Sandbox:
    sb: Sandbox = request.app.state.sandbox
    return sb


SandboxDep = Annotated[Sandbox, Depends(get_sandbox)]


async def fault_gate(request: Request) -> None:
    await apply_faults(request, get_sandbox(request).faults)


def bearer(authorization: str | None) -> str:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise PortalError(401, ErrorCode.UNAUTHENTICATED, "not logged in",
                          headers={"WWW-Authenticate": "Bearer"})
    return authorization[7:].strip()


def current_principal(
    sb: SandboxDep, authorization: Annotated[str | None, Header()] = None
) -> Principal:
    principal = principal_for_token(sb, bearer(authorization))
    sb.ensure_refreshed()
    return principal


PrincipalDep = Annotated[Principal, Depends(current_principal)]


def require_admin(
    sb: SandboxDep,
    x_sandbox_admin_token: Annotated[str | None, Header()] = None,
) -> None:
    given = (x_sandbox_admin_token or "").encode()
    if not hmac.compare_digest(given, sb.config.admin_token.encode()):
        raise PortalError(403, ErrorCode.SANDBOX_ADMIN_REQUIRED,
                          "this needs the sandbox admin token")


_DESCRIPTIONS = {
    304: "not modified (If-None-Match matched the ETag); no body",
    400: "bad request",
    401: "not logged in (`unauthenticated`) or the session expired (`session_expired`)",
    403: "the account may not do this (`service_not_allowed`, `type_not_allowed`, ...)",
    404: "no such resource for this account",
    409: "conflict with the current state",
    408: "the body arrived too slowly (`request_timeout`)",
    413: "body larger than the route's `x-max-body-bytes` (`request_too_large`; for a "
         "document `document_too_large`)",
    415: "not a PDF (`document_not_pdf`)",
    422: "the request breaks a rule or the contract",
    429: "too many requests (`rate_limited`); see Retry-After",
    500: "the portal failed (`internal_error`)",
    503: "service temporarily unavailable (`service_unavailable`); see Retry-After",
}

# Every route may meet these: bounds on the body, validation, injected faults, rate limiting.
_COMMON = (408, 413, 422, 429, 500, 503)


def errors(*statuses: int, auth: bool = True, **described: str) -> dict[int | str, Any]:
    """The `responses=` documentation for a route: each declared error with its shape."""
    wanted = set(statuses) | set(_COMMON) | ({401} if auth else set())
    out: dict[int | str, Any] = {}
    for status in sorted(wanted):
        text = described.get(f"s{status}", _DESCRIPTIONS[status])
        if status == 304:
            out[status] = {"description": text}
        else:
            out[status] = {"model": ApiError, "description": text}
    return out
