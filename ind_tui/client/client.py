"""PortalClient: everything the screens (and scripts) need from the portal, as plain asyncio.

    async with PortalClient("http://127.0.0.1:8000", store=store, profile="sandbox") as pc:
        device = await pc.start_login()          # show device.user_code / verification_uri
        me = await pc.finish_login(device)       # polls until the browser step is done
        page = await pc.cases_page(limit=50)

Submissions and payments take an idempotency key from the caller, who stores it with the
draft *before* the first send: every retry, and every run after a crash, reuses it, so the
portal never sees two submissions or two payments. After an ambiguous failure the client
asks the portal what happened before it gives up.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType
from typing import TypeVar, cast
from urllib.parse import quote

import httpx
from pydantic import BaseModel, TypeAdapter

from ind_tui.api.account import Account, NotificationReceipt, NotificationRequest
from ind_tui.api.applications import (
    Application,
    ApplicationRequest,
    ApplicationStatus,
    ApplicationType,
    UploadedDocument,
)
from ind_tui.api.auth import DeviceAuthResponse, Me, PortalInfo
from ind_tui.api.errors import (
    BadResponseError,
    ConflictError,
    NotSentError,
    OutcomeUnknownError,
    PortalError,
    ReceiptPendingError,
    ServerError,
    ServiceUnavailableError,
    TransportError,
)
from ind_tui.api.payments import PaymentRequest, PaymentResult
from ind_tui.api.wire import ErrorCode
from ind_tui.client.appointments import AppointmentsMixin
from ind_tui.client.auth import CLIENT_ID, Session, poll_device_login, start_device_login
from ind_tui.client.inbox import InboxMixin
from ind_tui.client.payments import PaymentsMixin
from ind_tui.client.records import RecordsMixin
from ind_tui.client.reqlog import RequestLog
from ind_tui.client.retry import Retry, RetryPolicy, check_idempotency_key
from ind_tui.client.staff import EmployeesMixin
from ind_tui.client.transport import PortalHttp, Timeouts
from ind_tui.domain.clock import PortalClock
from ind_tui.local.tokens import StoredTokens, StoreKind, StoreStatus, TokenStore

M = TypeVar("M", bound=BaseModel)
ShowDevice = Callable[[DeviceAuthResponse], Awaitable[None] | None]
UPLOAD_CHUNK = 64 * 1024
# A document body as chunks: called once per attempt, so a retry sends it from the start.
Chunks = Callable[[], AsyncIterator[bytes]]
UploadProgress = Callable[[int, int], None]  # (bytes sent, total bytes)


def _ambiguous(exc: PortalError) -> bool:
    """May the portal have acted on a request that failed this way?"""
    if isinstance(exc, TransportError):
        return exc.sent
    if isinstance(exc, ServiceUnavailableError):
        return exc.status != 503  # 502/504: a gateway gave up; the portal may have finished
    return isinstance(exc, ServerError)


class PortalClient(RecordsMixin, EmployeesMixin, InboxMixin, AppointmentsMixin, PaymentsMixin):
    """One profile's connection to one portal, on one shared httpx.AsyncClient."""

    def __init__(
        self,
        base_url: str,
        *,
        store: TokenStore | None = None,
        profile: str = "sandbox",
        portal: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        reqlog: RequestLog | None = None,
        clock: PortalClock | None = None,
        client_id: str = CLIENT_ID,
    ) -> None:
        """`portal` names the portal the tokens belong to (default: base_url); the
        embedded sandbox passes "embedded", since its port changes every run."""
        self.http = PortalHttp(
            base_url, transport=transport, timeouts=timeouts, retry=retry, reqlog=reqlog,
            clock=clock,
        )  # fmt: skip
        store = store or TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False))
        self.session = Session(self.http, store, profile, portal or base_url)
        self.client_id = client_id
        self.profile = profile

    async def __aenter__(self) -> PortalClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:  # fmt: skip
        await self.aclose()

    async def aclose(self) -> None:
        await self.http.aclose()

    @property
    def base_url(self) -> str:
        return self.http.base_url

    @property
    def clock(self) -> PortalClock:
        return self.http.clock

    @property
    def reqlog(self) -> RequestLog:
        return self.http.reqlog

    @property
    def store(self) -> TokenStore:
        return self.session.store

    # --- portal and login ------------------------------------------------------------------

    async def portal_info(self) -> PortalInfo:
        info = self.http.parse(await self.http.request("GET", "/portal", auth=False), PortalInfo)
        self.clock.observe(info.now)
        return info

    async def start_login(self) -> DeviceAuthResponse:
        """Step 1 of device login: the caller shows user_code and verification_uri."""
        return await start_device_login(self.http, client_id=self.client_id)

    async def finish_login(
        self, device: DeviceAuthResponse, *, sleep: Callable[[float], Awaitable[None]] | None = None
    ) -> Me:
        """Step 2: poll until approved, store the tokens, and say who logged in."""
        fresh = await poll_device_login(
            self.http, device, client_id=self.client_id, sleep=sleep or asyncio.sleep
        )
        await self.session.adopt(fresh)
        me = await self.me()
        await self.session.remember(me)
        return me

    async def login(self, show: ShowDevice) -> Me:
        device = await self.start_login()
        shown = show(device)
        if shown is not None:
            await shown
        return await self.finish_login(device)

    async def logout(self) -> bool:
        return await self.session.logout()

    async def stored_login(self) -> StoredTokens | None:
        """The login kept for this profile, without asking the portal."""
        return await self.session.load()

    async def me(self) -> Me:
        me = self.http.parse(await self._get("/me"), Me)
        self.clock.observe(me.now)
        return me

    # --- account -----------------------------------------------------------------------------

    async def account(self) -> Account:
        return self.http.parse(await self._get("/account"), Account)

    async def notify(
        self, request: NotificationRequest, idempotency_key: str | None = None
    ) -> NotificationReceipt:
        """With a key (kept by the caller until a receipt arrives) a resend is safe."""
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        response = await self.http.request(
            "POST", "/account/notifications", json=request, headers=headers,
            mode=Retry.IDEMPOTENT if idempotency_key else Retry.UNSENT,
        )
        return self.http.parse(response, NotificationReceipt)

    async def application_types(self) -> list[ApplicationType]:
        response = await self._get("/application-types")
        return _parse_list(response, ApplicationType)

    # --- documents, applications, payment ------------------------------------------------------

    async def upload_document(
        self, data: bytes | Chunks, filename: str, *, size: int | None = None,
        progress: UploadProgress | None = None,
    ) -> UploadedDocument:
        """Upload a PDF, streamed in chunks with its Content-Length. `data` is the bytes, or
        a function giving a fresh async chunk iterator (with `size`), so a document is never
        held whole; `progress(sent, total)` is called after every chunk."""
        if isinstance(data, bytes):
            size, source = len(data), _chunks_of(data)
        elif size is None:
            raise ValueError("a streamed document needs its size")
        else:
            source = data
        body = _StreamedBody(source, size, progress)
        response = await self.http.request(
            # PortalHttp hands `content` to httpx untouched (httpx streams any async
            # iterable) and only takes its len(), for the log and the attempt's deadline.
            "POST", "/documents", content=cast(bytes, body), mode=Retry.UNSENT,
            headers={"Content-Type": "application/pdf", "Content-Length": str(size),
                     "X-Filename": quote(filename)},
        )  # fmt: skip
        return self.http.parse(response, UploadedDocument)

    async def submit_application(
        self, request: ApplicationRequest, idempotency_key: str
    ) -> Application:
        """Submit once. Returns the Application (awaiting_payment, or submitted when free).

        Raises NotSentError when the portal confirms it never got it (retry with the same
        key), OutcomeUnknownError when even that could not be checked."""
        check_idempotency_key(idempotency_key)
        try:
            response = await self.http.request(
                "POST", "/applications", json=request, mode=Retry.IDEMPOTENT,
                headers={"Idempotency-Key": idempotency_key},
            )  # fmt: skip
            return self.http.parse(response, Application)
        except PortalError as exc:
            if not _ambiguous(exc):
                raise
            failure = exc
        try:
            found = await self.find_applications(idempotency_key)
        except PortalError as exc:
            raise OutcomeUnknownError(
                "the submission may or may not have arrived",
                details={"idempotency_key": idempotency_key, "cause": failure.code},
                request_id=failure.request_id,
            ) from exc
        if found:
            return found[0]
        if isinstance(failure, TransportError) and failure.sent:
            # No answer at all (timed out, dropped): it may still be running on the portal.
            raise OutcomeUnknownError(
                "the submission may still be in progress on the portal",
                details={"idempotency_key": idempotency_key, "cause": failure.code},
                request_id=failure.request_id,
            ) from failure
        raise NotSentError(
            "the portal did not receive the submission",
            details={"idempotency_key": idempotency_key, "cause": failure.code},
            request_id=failure.request_id,
        ) from failure

    async def find_applications(self, idempotency_key: str) -> list[Application]:
        response = await self._get("/applications", idempotency_key=idempotency_key)
        return _parse_list(response, Application)

    async def application(self, application_id: str) -> Application:
        return self.http.parse(await self._get(f"/applications/{application_id}"), Application)

    async def pay(
        self, application_id: str, request: PaymentRequest, idempotency_key: str
    ) -> PaymentResult:
        """Pay once. An application that is already paid answers with that payment."""
        check_idempotency_key(idempotency_key)
        path = f"/applications/{application_id}/payment"
        headers = {"Idempotency-Key": idempotency_key}
        try:
            response = await self.http.request(
                "POST", path, json=request, headers=headers, mode=Retry.IDEMPOTENT
            )
            return self.http.parse(response, PaymentResult)
        except ConflictError as exc:
            if exc.code != ErrorCode.ALREADY_PAID:
                raise
            return _already_paid(exc)
        except PortalError as exc:
            if not _ambiguous(exc):
                raise
            failure = exc
        details = {"application_id": application_id, "idempotency_key": idempotency_key,
                   "cause": failure.code}  # fmt: skip
        try:
            app = await self.application(application_id)
        except PortalError as exc:
            raise OutcomeUnknownError("the payment may or may not have been made",
                                      details=details) from exc  # fmt: skip
        if app.status is ApplicationStatus.AWAITING_PAYMENT:
            raise NotSentError("the portal did not receive the payment", details=details,
                               request_id=failure.request_id) from failure  # fmt: skip
        try:  # paid: the same key replays the stored answer, it cannot pay again
            response = await self.http.request(
                "POST", path, json=request, headers=headers, mode=Retry.IDEMPOTENT
            )
            return self.http.parse(response, PaymentResult)
        except ConflictError as exc:
            if exc.code == ErrorCode.ALREADY_PAID:
                return _already_paid(exc)
            cause: PortalError = exc
        except PortalError as exc:
            cause = exc
        raise ReceiptPendingError(
            "paid, but the receipt could not be fetched",
            details={**details, "application": app.model_dump(mode="json")},
            request_id=cause.request_id,
        ) from cause


class _StreamedBody:
    """A request body of known size, sent chunk by chunk; every iteration (one per attempt)
    starts again from the first chunk."""

    def __init__(self, chunks: Chunks, size: int, progress: UploadProgress | None) -> None:
        self._chunks = chunks
        self.size = size
        self._progress = progress

    def __len__(self) -> int:
        return self.size

    async def __aiter__(self) -> AsyncIterator[bytes]:
        sent = 0
        async for chunk in self._chunks():
            yield chunk
            sent += len(chunk)  # resumed: the transport took the chunk and wants the next
            if self._progress is not None:
                self._progress(sent, self.size)


def _chunks_of(data: bytes) -> Chunks:
    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(data), UPLOAD_CHUNK):
            yield data[start:start + UPLOAD_CHUNK]

    return chunks


def _parse_list(response: httpx.Response, model: type[M]) -> list[M]:
    try:
        return TypeAdapter(list[model]).validate_json(response.content)  # type: ignore[valid-type]
    except ValueError as exc:  # pydantic's ValidationError is a ValueError
        raise BadResponseError(
            f"expected a list of {model.__name__}",
            request_id=response.headers.get("x-request-id"),
        ) from exc


def _already_paid(exc: ConflictError) -> PaymentResult:
    try:
        return PaymentResult.model_validate(
            {"payment": exc.details["payment"], "application": exc.details["application"]}
        )
    except (KeyError, ValueError) as bad:
        raise BadResponseError("already paid, but the answer lacks the payment") from bad
