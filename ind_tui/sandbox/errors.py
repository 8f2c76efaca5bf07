"""One error shape for every failure, and the request id on every response."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from datetime import datetime
from email.utils import format_datetime
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ind_tui.api.wire import ApiError, ErrorCode, text_problem

REQUEST_ID_HEADER = "x-request-id"
_REQUEST_ID_OK = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class PortalError(Exception):
    def __init__(
        self, status: int, code: ErrorCode | str, message: str,
        details: dict[str, Any] | None = None, headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = str(code.value if isinstance(code, ErrorCode) else code)
        self.message = message
        self.details = details or {}
        self.headers = headers or {}


def request_id(request: Request) -> str:
    return str(request.scope.get("ind_request_id", ""))


def error_response(
    request: Request, status: int, code: str, message: str,
    details: dict[str, Any] | None = None, headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body = ApiError(code=code, message=message, details=details or {},
                    request_id=request_id(request)).model_dump(mode="json")
    body.update(extra or {})
    return JSONResponse(body, status_code=status, headers=headers)


# The messages of a request the contract itself refuses (its schema), as against a request
# that matches the schema and breaks a rule of the portal (same code, the rule's message).
NOT_THE_CONTRACT = "the request does not match the contract"
UNREADABLE_BODY = "the request body could not be read"

_STATUS_CODES = {
    400: ErrorCode.BAD_REQUEST, 401: ErrorCode.UNAUTHENTICATED, 403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND, 405: ErrorCode.METHOD_NOT_ALLOWED,
}


# A 422 names at most this many problems, each cut short: the answer stays small whatever
# the request held (never an echo of a hostile body).
MAX_VALIDATION_ERRORS = 20
_MAX_LOC_PARTS = 8
_MAX_TEXT = 120


def shown(value: Any) -> str:
    """A piece of the request as an error may name it: cut short, and a control character
    written as its escape (an answer holds no text the contract refuses in a request)."""
    text = str(value)
    if text_problem(text) is not None:
        text = text.encode("unicode_escape", "backslashreplace").decode("ascii")
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT] + "…"



def _clean_validation(errors: Any) -> dict[str, Any]:
    # pydantic's ctx may hold exceptions or bytes, and its input echoes the request: keep
    # only where, what and which kind, bounded.
    out = [{
        "loc": [shown(p) for p in list(err.get("loc", ()))[:_MAX_LOC_PARTS]],
        "msg": shown(err.get("msg", "")),
        "type": shown(err.get("type", "")),
    } for err in errors[:MAX_VALIDATION_ERRORS]]
    omitted = max(0, len(errors) - MAX_VALIDATION_ERRORS)
    return {"errors": out, **({"omitted": omitted} if omitted else {})}


def _methods_on_path(request: Request) -> list[str]:
    """Every method the contract lists for the path. Starlette's 405 names only the first
    route that matched the path, though several routes (GET and POST of a list) share it."""
    path = request.url.path
    methods: set[str] = set()
    for template, item in request.app.openapi().get("paths", {}).items():
        if re.fullmatch(re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)), path):
            methods |= {m.upper() for m in item if m in _HTTP_METHODS}
    return sorted(methods)


_HTTP_METHODS = frozenset({"get", "put", "post", "delete", "patch", "head", "options"})


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(PortalError)
    async def _portal(request: Request, exc: PortalError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message, exc.details,
                              exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, ErrorCode.VALIDATION_FAILED.value,
                              NOT_THE_CONTRACT, _clean_validation(exc.errors()))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400 and exc.__cause__ is not None:
            # FastAPI's answer to a body it could not decode (e.g. not UTF-8): like a JSON
            # syntax error, the request does not match the contract.
            return error_response(request, 422, ErrorCode.VALIDATION_FAILED.value,
                                  UNREADABLE_BODY,
                                  {"errors": [{"loc": ["body"], "msg": "cannot decode the body",
                                               "type": "body_unreadable"}]})
        code = _STATUS_CODES.get(exc.status_code, ErrorCode.BAD_REQUEST)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_methods_on_path(request))
        return error_response(request, exc.status_code, code.value, str(exc.detail),
                              headers=headers)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, ErrorCode.INTERNAL_ERROR.value,
                              "the portal failed unexpectedly")


class RequestIdMiddleware:
    """Echo a sane client X-Request-Id or make one; put it on every response. With `now`,
    also a Date header from the portal's own clock (the sandbox clock), not the host's."""

    def __init__(self, app: ASGIApp, now: Callable[[], datetime] | None = None) -> None:
        self.app = app
        self.now = now

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = ""
        for name, value in scope.get("headers", []):
            if name == b"x-request-id":
                candidate = value.decode("latin-1")
                if _REQUEST_ID_OK.match(candidate):
                    rid = candidate
        rid = rid or f"srv-{secrets.token_hex(8)}"
        scope["ind_request_id"] = rid

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"date"]
                headers.append((b"x-request-id", rid.encode()))
                if self.now is not None:
                    headers.append((b"date", format_datetime(self.now(), usegmt=True).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_id)
