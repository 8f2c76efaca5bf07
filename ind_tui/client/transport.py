"""One HTTP exchange with the portal, done carefully: request id, bearer token (refreshed on
401), a hard per-attempt deadline, retries by kind of call, the request log, the portal
clock, and every failure turned into a typed PortalError.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import httpx
import stamina
from pydantic import BaseModel, TypeAdapter, ValidationError

from ind_tui import __version__
from ind_tui.api.errors import (
    BadResponseError,
    ConnectionDroppedError,
    ConnectionFailedError,
    PortalError,
    RequestTimeoutError,
    SessionExpiredError,
    error_from_api,
)
from ind_tui.api.wire import API_PREFIX, ApiError
from ind_tui.client.reqlog import RequestLog
from ind_tui.client.retry import Retry, RetryPolicy, decide, parse_retry_after
from ind_tui.domain.clock import PortalClock

M = TypeVar("M", bound=BaseModel)


class Authenticator(Protocol):
    """Supplies bearer tokens; see auth.Session."""

    async def bearer(self) -> str: ...

    async def on_unauthorized(self, used: str, error: PortalError) -> str:
        """A call with `used` got 401: return a fresh token, or raise SessionExpiredError."""
        ...


@dataclass(frozen=True)
class Timeouts:
    connect: float = 5.0
    read: float = 30.0
    write: float = 30.0
    pool: float = 5.0

    def httpx(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)

    def hard_limit(self, body_bytes: int) -> float:
        # httpx's timeouts are per socket operation and absent for in-process transports;
        # this bounds the whole attempt, with room for a large upload on a slow line.
        return self.connect + self.read + body_bytes / 50_000


class PortalHttp:
    """The shared httpx.AsyncClient of one profile, with the portal's rules around it."""

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        reqlog: RequestLog | None = None,
        clock: PortalClock | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeouts = timeouts or Timeouts()
        self.retry = retry or RetryPolicy()
        self.reqlog = reqlog or RequestLog()
        self.clock = clock or PortalClock()
        self.auth: Authenticator | None = None
        self._client = httpx.AsyncClient(
            base_url=self.base_url + API_PREFIX,
            transport=transport,
            timeout=self.timeouts.httpx(),
            headers={"User-Agent": f"ind-tui/{__version__}", "Accept": "application/json"},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: BaseModel | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        auth: bool = True,
        mode: Retry = Retry.SAFE,
    ) -> httpx.Response:
        """Send with retries; return a 2xx or 304 response, or raise a PortalError."""
        send_headers = dict(headers or {})
        if json is not None:
            content = json.model_dump_json().encode()
            send_headers["Content-Type"] = "application/json"
        clean = {k: v for k, v in (params or {}).items() if v is not None}
        # One id for the whole call, so the attempts line up in the log and on the server.
        request_id = uuid.uuid4().hex[:20]
        policy = self.retry
        attempt = 0
        async for retrying in stamina.retry_context(
            on=lambda exc: decide(mode, policy, exc),
            attempts=policy.attempts,
            timeout=policy.total_seconds,
            wait_initial=policy.wait_initial,
            wait_max=policy.wait_max,
            wait_jitter=policy.wait_jitter,
        ):
            with retrying:
                attempt += 1
                return await self._authorised(
                    method, path, clean, content, send_headers, auth, request_id, attempt
                )
        raise AssertionError("unreachable")  # stamina re-raises the last error

    async def _authorised(
        self,
        method: str,
        path: str,
        params: dict[str, Any],
        content: bytes | None,
        headers: dict[str, str],
        auth: bool,
        request_id: str,
        attempt: int,
    ) -> httpx.Response:
        if not auth or self.auth is None:
            return await self._send(method, path, params, content, headers, request_id, attempt)
        token = await self.auth.bearer()
        try:
            return await self._send(
                method, path, params, content, {**headers, "Authorization": f"Bearer {token}"},
                request_id, attempt,
            )  # fmt: skip
        except SessionExpiredError as exc:
            # A 401 is answered before any work is done, so one resend is always safe.
            token = await self.auth.on_unauthorized(token, exc)
            return await self._send(
                method, path, params, content, {**headers, "Authorization": f"Bearer {token}"},
                request_id, attempt,
            )  # fmt: skip

    async def _send(
        self,
        method: str,
        path: str,
        params: dict[str, Any],
        content: bytes | None,
        headers: dict[str, str],
        request_id: str,
        attempt: int,
    ) -> httpx.Response:
        headers = {**headers, "X-Request-Id": request_id}
        sent = len(content or b"")
        log_path = path + ("?" + str(httpx.QueryParams(params)) if params else "")
        started = time.perf_counter()
        status: int | None = None
        received = 0
        error: str | None = None
        deadline = asyncio.timeout(self.timeouts.hard_limit(sent))
        try:
            try:
                async with deadline:
                    response = await self._client.request(
                        method, path, params=params, content=content, headers=headers
                    )
            except asyncio.CancelledError:
                # Our own deadline, whose cancellation a layer below (anyio in an in-process
                # app) delivered late: that is a timeout, not a cancelled caller.
                if deadline.expired():
                    raise TimeoutError from None
                raise
            status = response.status_code
            # Bytes as they came over the wire (compressed, when the portal compressed).
            received = response.num_bytes_downloaded + sum(
                len(k) + len(v) + 4 for k, v in response.headers.items()
            )
            self.clock.observe_date_header(response.headers.get("date"))
            if status >= 400:
                raise self._error(response, request_id)
            return response
        except PortalError as exc:
            error = exc.code
            raise
        except (
            httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, ConnectionRefusedError
        ) as exc:
            failed = ConnectionFailedError(str(exc) or "connection failed", sent=False,
                                           request_id=request_id)  # fmt: skip
            error = failed.code
            raise failed from exc
        except (httpx.TimeoutException, TimeoutError) as exc:
            timed_out = RequestTimeoutError("no answer in time", sent=True, request_id=request_id)
            error = timed_out.code
            raise timed_out from exc
        except (httpx.TransportError, ConnectionError, httpx.DecodingError) as exc:
            # The request went out and the answer broke off (RemoteProtocolError over a
            # socket, ConnectionResetError in-process): the portal may have acted on it.
            dropped = ConnectionDroppedError(str(exc) or "connection dropped", sent=True,
                                             request_id=request_id)  # fmt: skip
            error = dropped.code
            raise dropped from exc
        except (httpx.HTTPError, httpx.InvalidURL, UnicodeError) as exc:
            # A request that could not even be built (bad URL, a header httpx cannot encode).
            unsent = ConnectionFailedError(str(exc) or "the request could not be sent",
                                           sent=False, request_id=request_id)  # fmt: skip
            error = unsent.code
            raise unsent from exc
        finally:
            self.reqlog.add(
                method=method,
                path=log_path,
                status=status,
                duration_ms=(time.perf_counter() - started) * 1000,
                request_id=request_id,
                attempt=attempt,
                bytes_sent=sent,
                bytes_received=received,
                error=error,
            )

    def _error(self, response: httpx.Response, request_id: str) -> PortalError:
        body: ApiError | None
        try:
            body = ApiError.model_validate_json(response.content)
        except ValidationError:
            body = None
        return error_from_api(
            response.status_code,
            body,
            request_id=response.headers.get("x-request-id") or request_id,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )

    def parse(self, response: httpx.Response, model: type[M]) -> M:
        try:
            return model.model_validate_json(response.content)
        except ValidationError as exc:
            raise BadResponseError(
                f"{model.__name__}: {exc.error_count()} problem(s) in the answer",
                request_id=response.headers.get("x-request-id"),
                status=response.status_code,
            ) from exc

    def parse_list(self, response: httpx.Response, model: type[M]) -> list[M]:
        try:
            return TypeAdapter(list[model]).validate_json(response.content)  # type: ignore[valid-type]
        except ValidationError as exc:
            raise BadResponseError(
                f"expected a list of {model.__name__}",
                request_id=response.headers.get("x-request-id"),
                status=response.status_code,
            ) from exc
