"""Documents, applications and their payment: the filing part of PortalClient. Mixed into
PortalClient.

Submissions and payments take an idempotency key from the caller, who stores it with the
draft *before* the first send: every retry, and every run after a crash, reuses it, so the
portal never sees two submissions or two payments. After a failure that may have arrived
the client asks the portal what happened before it gives up (once.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import cast
from urllib.parse import quote

from ind_tui.api.applications import (
    Application,
    ApplicationRequest,
    ApplicationStatus,
    UploadedDocument,
)
from ind_tui.api.errors import BadResponseError, ConflictError, PortalError, ReceiptPendingError
from ind_tui.api.payments import PaymentRequest, PaymentResult
from ind_tui.api.wire import ErrorCode
from ind_tui.client.calls import PortalCalls
from ind_tui.client.once import send_once
from ind_tui.client.retry import check_idempotency_key

UPLOAD_CHUNK = 64 * 1024
# A document body as chunks: called once per attempt, so a retry sends it from the start.
Chunks = Callable[[], AsyncIterator[bytes]]
UploadProgress = Callable[[int, int], None]  # (bytes sent, total bytes)


class ApplicationsMixin(PortalCalls):
    async def upload_document(
        self, data: bytes | Chunks, filename: str, *, size: int | None = None,
        progress: UploadProgress | None = None,
    ) -> UploadedDocument:  # fmt: skip
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
        # PortalHttp hands `content` to httpx untouched (httpx streams any async iterable)
        # and only takes its len(), for the log and the attempt's deadline.
        return await self._post(
            "/documents", UploadedDocument, content=cast(bytes, body),
            headers={"Content-Type": "application/pdf", "Content-Length": str(size),
                     "X-Filename": quote(filename)},
        )  # fmt: skip

    async def submit_application(
        self, request: ApplicationRequest, idempotency_key: str
    ) -> Application:
        """Submit once. Returns the Application (awaiting_payment, or submitted when free).

        Raises NotSentError when the portal confirms it never got it (retry with the same
        key), OutcomeUnknownError when even that could not be checked."""

        async def look() -> Application | None:
            found = await self.find_applications(idempotency_key)
            return found[0] if found else None

        return await self._write_once("/applications", Application, request, idempotency_key,
                                      what="submission", look=look)  # fmt: skip

    async def find_applications(self, idempotency_key: str) -> list[Application]:
        return await self._read_list("/applications", Application,
                                     idempotency_key=idempotency_key)  # fmt: skip

    async def application(self, application_id: str) -> Application:
        return await self._read(f"/applications/{application_id}", Application)

    async def pay(
        self, application_id: str, request: PaymentRequest, idempotency_key: str
    ) -> PaymentResult:
        """Pay once. An application that is already paid answers with that payment; one
        found paid after a lost answer whose receipt cannot be fetched raises
        ReceiptPendingError (never pay again)."""
        check_idempotency_key(idempotency_key)
        path = f"/applications/{application_id}/payment"
        details = {"application_id": application_id, "idempotency_key": idempotency_key}

        async def send() -> PaymentResult:
            try:
                return await self._post_keyed(path, PaymentResult, request, idempotency_key)
            except ConflictError as exc:
                if exc.code != ErrorCode.ALREADY_PAID:
                    raise
                return _already_paid(exc)

        async def look() -> PaymentResult | None:
            app = await self.application(application_id)
            if app.status is ApplicationStatus.AWAITING_PAYMENT:
                return None
            try:  # paid: the same key replays the stored answer, it cannot pay again
                return await send()
            except PortalError as exc:
                raise ReceiptPendingError(
                    "paid, but the receipt could not be fetched",
                    details={**details, "application": app.model_dump(mode="json")},
                    request_id=exc.request_id,
                ) from exc

        return await send_once(send, look, what="payment", details=details)


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


def _already_paid(exc: ConflictError) -> PaymentResult:
    try:
        return PaymentResult.model_validate(
            {"payment": exc.details["payment"], "application": exc.details["application"]}
        )
    except (KeyError, ValueError) as bad:
        raise BadResponseError("already paid, but the answer lacks the payment") from bad
