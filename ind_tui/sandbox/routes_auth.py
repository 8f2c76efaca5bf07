"""Portal info, device login, token refresh and logout, and the eHerkenning imitation page."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Header, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ind_tui.api.auth import (
    DeviceAuthRequest,
    DeviceAuthResponse,
    LogoutRequest,
    PortalInfo,
    RefreshRequest,
    TokenRequest,
    TokenResponse,
)
from ind_tui.api.wire import TokenError
from ind_tui.sandbox import auth
from ind_tui.sandbox.bounds import FORM_BODY_BYTES, SMALL_BODY_BYTES, max_body
from ind_tui.sandbox.deps import SandboxDep, bearer, errors
from ind_tui.sandbox.errors import PortalError, request_id
from ind_tui.sandbox.identities import IDENTITIES, login_outcome

router = APIRouter()
pages = APIRouter()



def _token_answer(request: Request, issue: Callable[[], TokenResponse]) -> Response:
    """Tokens, or the RFC 6749 error shape; never cached (RFC 6749 5.1)."""
    try:
        result = issue()
    except auth.TokenError as exc:
        return _token_error(request, exc)
    return JSONResponse(result.model_dump(mode="json"), headers={"Cache-Control": "no-store"})


def _token_error(request: Request, exc: auth.TokenError) -> JSONResponse:
    body = TokenError(
        code=exc.code, message=exc.message, details=exc.details,
        request_id=request_id(request), error=exc.oauth_error, error_description=exc.message,
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=400,
                        headers={"Cache-Control": "no-store"})


@router.get("/portal", name="portal", response_model=PortalInfo, responses=errors(auth=False))
def portal_info(sb: SandboxDep) -> PortalInfo:
    return PortalInfo(
        name="IND Portaal Zakelijk" + (" (sandbox)" if sb.config.sandbox_admin else ""),
        api_version="1", sandbox=sb.config.sandbox_admin, now=sb.clock.now(),
        last_refresh=sb.ensure_refreshed(), max_document_bytes=sb.config.max_document_bytes,
        accepted_media_types=["application/pdf"],
        access_token_ttl_seconds=sb.config.access_token_ttl,
    )


@router.post("/auth/device", name="auth.device", response_model=DeviceAuthResponse,
             responses=errors(auth=False), openapi_extra=max_body(SMALL_BODY_BYTES))
def device(body: DeviceAuthRequest, sb: SandboxDep) -> DeviceAuthResponse:
    return DeviceAuthResponse.model_validate(auth.start_device(sb, body.client_id))


_TOKEN_ERRORS: dict[int | str, Any] = {400: {"model": TokenError, "description": (
    "`authorization_pending`, `slow_down`, `expired_token`, `invalid_grant`, or a refused "
    "login (`error`=access_denied) with code `eh_level_insufficient`, `eh_service_missing`, "
    "`not_available_for_you`, `representation_not_recognised`, `representation_not_registered`"
)}}


@router.post("/auth/token", name="auth.token", response_model=TokenResponse,
             responses={**errors(auth=False), **_TOKEN_ERRORS},
             openapi_extra=max_body(SMALL_BODY_BYTES))
def token(body: TokenRequest, request: Request, sb: SandboxDep) -> Response:
    return _token_answer(request, lambda: auth.poll_token(sb, body.device_code, body.client_id))


@router.post("/auth/refresh", name="auth.refresh", response_model=TokenResponse,
             responses={**errors(auth=False), **_TOKEN_ERRORS},
             openapi_extra=max_body(SMALL_BODY_BYTES))
def refresh(body: RefreshRequest, request: Request, sb: SandboxDep) -> Response:
    return _token_answer(request, lambda: auth.refresh(sb, body.refresh_token))


@router.post("/auth/logout", name="auth.logout", status_code=204, responses=errors(),
             openapi_extra=max_body(SMALL_BODY_BYTES))
def logout(
    body: LogoutRequest, sb: SandboxDep, authorization: Annotated[str | None, Header()] = None
) -> Response:
    auth.logout(sb, bearer(authorization), body.refresh_token)
    return Response(status_code=204)


# --- the eHerkenning imitation (HTML, for a person in a browser) ----------------------------

_STYLE = ("body{font-family:sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}"
          "label{display:block;margin:.4rem 0}small{color:#555}")


def _page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{_STYLE}</style></head><body><h1>{title}</h1>"
        "<p><strong>SANDBOX</strong> — test identities only / alleen testidentiteiten</p>"
        f"{body}</body></html>"
    )


@pages.get("/eherkenning", name="eherkenning.page", include_in_schema=False)
def eherkenning_page(user_code: str = "") -> HTMLResponse:
    choices = []
    for spec in IDENTITIES:
        role, error = login_outcome(spec)
        outcome = role.value if role else f"refused: {error.value if error else ''}"
        choices.append(
            f"<label><input type='radio' name='identity' value='{html.escape(spec.name)}'> "
            f"<b>{html.escape(spec.name)}</b> — {html.escape(spec.person_name)}, "
            f"{spec.level}, KvK {spec.kvk}<br><small>{html.escape(spec.purpose)} "
            f"({html.escape(outcome)})</small></label>"
        )
    form = (
        "<form method='post' action='/eherkenning'>"
        f"<label>Code <input name='user_code' value='{html.escape(user_code)}' "
        "autocomplete='off' required></label>"
        f"<fieldset><legend>Inloggen als / Log in as</legend>{''.join(choices)}</fieldset>"
        "<button type='submit'>Toestemming geven / Approve</button></form>"
    )
    return _page("eHerkenning (sandbox)", form)


@pages.post("/eherkenning", name="eherkenning.approve", include_in_schema=False,
            openapi_extra=max_body(FORM_BODY_BYTES))
async def eherkenning_approve(request: Request, sb: SandboxDep) -> HTMLResponse:
    raw = (await request.body()).decode("utf-8", "replace")  # bounded: FORM_BODY_BYTES
    form = {k: v[0] for k, v in parse_qs(raw).items() if v}
    code, identity = form.get("user_code", ""), form.get("identity", "")
    try:
        ok, error = auth.approve(sb, code, identity)
    except PortalError as exc:
        return _page("Niet gelukt / Did not work", f"<p>{html.escape(exc.message)}</p>")
    if ok:
        text = ("Gelukt. U kunt terug naar de terminal. / Done. You can return to the terminal.")
    else:
        text = f"Geweigerd / Refused: <code>{error.value if error else ''}</code>"
    return _page("eHerkenning (sandbox)", f"<p>{text}</p>")
