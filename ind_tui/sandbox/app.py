"""The sandbox portal as a FastAPI app: `create_app(SandboxConfig(...))`.

Everything is set up eagerly (not in a lifespan hook) so the app also works in-process
under `httpx.ASGITransport`, which does not run lifespan events.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI
from fastapi.routing import APIRoute
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from ind_tui import __version__
from ind_tui.api.wire import API_PREFIX, TEXT_JSON, text_json_schema
from ind_tui.sandbox import (
    routes_account,
    routes_admin,
    routes_applications,
    routes_appointments,
    routes_auth,
    routes_cases,
    routes_employees,
    routes_messages,
    routes_payments,
)
from ind_tui.sandbox.bounds import DOCUMENT, MAX_BODY_KEY
from ind_tui.sandbox.deps import fault_gate
from ind_tui.sandbox.errors import RequestIdMiddleware, install_handlers
from ind_tui.sandbox.faults import DropAfterCommitMiddleware
from ind_tui.sandbox.idempotency import document_keys
from ind_tui.sandbox.limits import BodyLimitMiddleware
from ind_tui.sandbox.state import Sandbox, SandboxConfig

__all__ = ["SandboxConfig", "create_app"]

DESCRIPTION = """\
The IND Business Portal API as ind-tui speaks it. The sandbox serves it with test
identities, a controllable clock and fault injection. Every error answers with one JSON
shape, `{"code", "message", "details", "request_id"}`, whose `code` is stable.
"""


# The lists a client pages through by the thousand. JSON of cases shrinks about sixfold at
# gzip level 1 for about 1 ms a page (level 9, Starlette's default, costs 60 ms): worth it
# even on one machine (bench/bench_sync.py prints both).
LIST_PATHS = frozenset(API_PREFIX + p for p in (
    "/cases", "/employees", "/messages", "/payments", "/appointments", "/applications"))
GZIP_LEVEL = 1
GZIP_MIN_BYTES = 1024


class CompressedLists:
    """gzip for the list routes, when the client accepts it (httpx does by default)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] in LIST_PATHS:
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)


# The portal's routes (the admin routes come on top in a sandbox).
PORTAL_ROUTES = (
    routes_auth, routes_account, routes_applications, routes_cases, routes_employees,
    routes_messages, routes_appointments, routes_payments,
)


def route_names() -> list[str]:
    """What a fault is aimed at (GET /sandbox/faults lists them; `ind-tui completion` too)."""
    return sorted(route.name for m in PORTAL_ROUTES for route in m.router.routes
                  if isinstance(route, APIRoute))


def create_app(config: SandboxConfig) -> FastAPI:
    sandbox = Sandbox(config)
    app = FastAPI(
        title="IND Portaal Zakelijk API (ind-tui sandbox)" if config.sandbox_admin
        else "IND Portaal Zakelijk API",
        version=__version__, description=DESCRIPTION,
        docs_url="/docs" if config.sandbox_admin else None, redoc_url=None,
    )
    app.state.sandbox = sandbox
    api = APIRouter(prefix=API_PREFIX, dependencies=[Depends(fault_gate)])
    for module in PORTAL_ROUTES:
        api.include_router(module.router)
    sandbox.route_names = route_names()
    if config.sandbox_admin:
        api.include_router(routes_admin.router)
        app.include_router(routes_auth.pages)
    app.include_router(api)
    install_handlers(app)
    _publish_document_limit(app, config.max_document_bytes)
    # Outermost last: the request id wraps everything, so even a dropped answer or a refused
    # body has one.
    app.add_middleware(CompressedLists)
    app.add_middleware(BodyLimitMiddleware, bounds=config.bounds,
                       document_bytes=config.max_document_bytes)
    app.add_middleware(DropAfterCommitMiddleware)
    app.add_middleware(RequestIdMiddleware, now=sandbox.clock.now)
    return app


def _publish_document_limit(app: FastAPI, document_bytes: int) -> None:
    """Upload routes declare "the portal's document limit"; the contract gives its number.
    Idempotency keys are published as the routes check them."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document_keys(build())
            build().setdefault("components", {}).setdefault("schemas", {})[TEXT_JSON] = (
                text_json_schema())
            for item in build().get("paths", {}).values():
                for operation in item.values():
                    if isinstance(operation, dict) and operation.get(MAX_BODY_KEY) == DOCUMENT:
                        operation[MAX_BODY_KEY] = document_bytes
        return app.openapi_schema or build()

    app.openapi = openapi  # type: ignore[method-assign]
