"""Request bodies within bounds: a pure ASGI middleware between the request id and the app.

It acts when the app first asks for the body, which is after routing, so the route's own
declared limit applies (`bounds.max_body`), and before any byte of the body is read:
- a route that needs a login gets no body read without a bearer token (401); whether the
  token is valid is the route's dependency's to judge, with the database. The one route
  group with large bodies (document uploads) judges the token before it streams the body;
  every JSON body is capped small, so one read before its token is checked costs little;
- a declared `Content-Length` over the limit is refused at once (413), a chunked body as
  soon as the bytes counted pass it;
- a body that arrives too slowly is cut (408), per `ServerBounds.body_deadline`;
- a client that goes away mid-request is not an error of ours: nothing is logged.
"""

from __future__ import annotations

from typing import Any

import anyio
from fastapi.dependencies.models import Dependant
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.requests import ClientDisconnect, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ind_tui.api.wire import ErrorCode
from ind_tui.sandbox.bounds import DOCUMENT, MAX_BODY_KEY, UNDECLARED_BODY_BYTES, ServerBounds
from ind_tui.sandbox.deps import current_principal
from ind_tui.sandbox.errors import error_response


class _Refused(Exception):
    """Raised into the app from `receive`; the middleware answers with `response`."""

    def __init__(self, response: JSONResponse) -> None:
        super().__init__(response.status_code)
        self.response = response


def _needs_login(dependant: Dependant) -> bool:
    return any(d.call is current_principal or _needs_login(d) for d in dependant.dependencies)


def route_limit(route: Any, document_bytes: int) -> tuple[int, bool]:
    """The body limit of a matched route, and whether it is a document upload."""
    extra = getattr(route, "openapi_extra", None) or {}
    declared = extra.get(MAX_BODY_KEY, UNDECLARED_BODY_BYTES)
    if declared == DOCUMENT:
        return document_bytes, True
    return int(declared), False


class _Body:
    """The `receive` the app sees: checks first, then counts and times the body."""

    def __init__(self, scope: Scope, receive: Receive, bounds: ServerBounds,
                 document_bytes: int) -> None:
        self.scope, self._receive, self.bounds = scope, receive, bounds
        self.document_bytes = document_bytes
        self.refusal: JSONResponse | None = None
        self.gone = False
        self._limit = 0
        self._document = False
        self._size = 0
        self._deadline: float | None = None
        self._complete = False

    def _refuse(self, status: int, code: ErrorCode, message: str,
                details: dict[str, Any] | None = None,
                headers: dict[str, str] | None = None) -> _Refused:
        # The rest of the body is never read, so the connection cannot carry another request.
        self.refusal = error_response(Request(self.scope), status, code.value, message, details,
                                      {"Connection": "close", **(headers or {})})
        return _Refused(self.refusal)

    def _first(self) -> None:
        route = self.scope.get("route")
        self._limit, self._document = route_limit(route, self.document_bytes)
        headers = Request(self.scope).headers
        if (isinstance(route, APIRoute) and _needs_login(route.dependant)
                and not headers.get("authorization", "").lower().startswith("bearer ")):
            raise self._refuse(401, ErrorCode.UNAUTHENTICATED, "not logged in",
                               headers={"WWW-Authenticate": "Bearer"})
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self._limit:
            raise self._too_large()
        expected = int(declared) if declared.isdigit() else self._limit
        self._deadline = anyio.current_time() + self.bounds.body_deadline(expected)

    def _too_large(self) -> _Refused:
        if self._document:
            return self._refuse(413, ErrorCode.DOCUMENT_TOO_LARGE, "the document is too large",
                                {"max_bytes": self._limit})
        return self._refuse(413, ErrorCode.REQUEST_TOO_LARGE,
                            "the request body is larger than this route accepts",
                            {"max_bytes": self._limit})

    async def __call__(self) -> Message:
        if self._complete:  # after the body: e.g. waiting for a disconnect, unbounded
            return await self._receive()
        if self._deadline is None:
            self._first()
        remaining = (self._deadline or 0.0) - anyio.current_time()
        message: Message | None = None
        with anyio.move_on_after(max(remaining, 0.0)):
            message = await self._receive()
        if message is None:
            raise self._refuse(408, ErrorCode.REQUEST_TIMEOUT,
                               "the request body arrived too slowly")
        if message["type"] == "http.disconnect":
            self.gone = True
        elif message["type"] == "http.request":
            self._size += len(message.get("body", b""))
            if self._size > self._limit:
                raise self._too_large()
            self._complete = not message.get("more_body", False)
        return message


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, bounds: ServerBounds, document_bytes: int) -> None:
        self.app, self.bounds, self.document_bytes = app, bounds, document_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = _Body(scope, receive, self.bounds, self.document_bytes)
        started = False

        async def send_unless_refused(message: Message) -> None:
            nonlocal started
            if body.refusal is not None:  # the app's answer to our refusal is replaced
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, body, send_unless_refused)
        except (_Refused, ClientDisconnect):
            pass
        except Exception:
            # The app may turn our refusal into an error of its own; a client that went away
            # is nobody's error. Anything else is.
            if body.refusal is None and not body.gone:
                raise
        if body.refusal is not None and not started:
            await body.refusal(scope, receive, send)
