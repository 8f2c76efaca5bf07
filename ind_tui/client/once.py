"""Writes that must happen once, and the one rule for "did the request reach the portal?".

Every write that could be lost in transit (submit, pay, book, register, deregister, notify)
goes out with an Idempotency-Key the caller keeps until an answer is in. When a send fails,
`delivery` says what is known:

- NOT_SENT: the portal surely did nothing with it (no connection, 503, 429, or checked):
  the same request may simply go again.
- ARRIVED: the portal took it and answered (a refusal, a conflict, a lapsed session, or a
  payment known to be made): that answer stands.
- UNKNOWN: it may have been acted on (no answer, a 500, a gateway's 502/504, the first
  request with this key still running): look before anything is sent again.

`send_once` follows that: on UNKNOWN it asks the portal what it has under the key (or the
resource it would have made). Where the portal offers no such lookup, it sends the same
request with the same key again, which the portal answers with what it did the first time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Any, TypeVar

from ind_tui.api.errors import (
    ConflictError,
    NotSentError,
    OutcomeUnknownError,
    PortalError,
    RateLimitedError,
    ReceiptPendingError,
    ServerError,
    ServiceUnavailableError,
    TransportError,
)
from ind_tui.api.wire import ErrorCode

T = TypeVar("T")
# What the portal has under the key: the answer the write would have given, or None.
Look = Callable[[], Awaitable[T | None]]


class Delivery(StrEnum):
    """What a failed send tells about the request."""

    NOT_SENT = "not_sent"
    ARRIVED = "arrived"
    UNKNOWN = "unknown"


def delivery(exc: BaseException) -> Delivery:
    """The one rule: may the portal have acted on a request that failed this way?"""
    if isinstance(exc, NotSentError):
        return Delivery.NOT_SENT  # checked with the portal
    if isinstance(exc, OutcomeUnknownError):
        return Delivery.UNKNOWN
    if isinstance(exc, TransportError):
        return Delivery.UNKNOWN if exc.sent else Delivery.NOT_SENT
    if isinstance(exc, RateLimitedError):
        return Delivery.NOT_SENT  # turned away at the door
    if isinstance(exc, ServiceUnavailableError):
        # A 503 is the portal declining the work; a 502/504 is a gateway that gave up, and
        # behind it the portal may have finished.
        return Delivery.NOT_SENT if exc.status == 503 else Delivery.UNKNOWN
    if isinstance(exc, ServerError):
        return Delivery.UNKNOWN  # it may have failed after the work was done
    if isinstance(exc, ConflictError) and exc.code == ErrorCode.REQUEST_IN_PROGRESS:
        return Delivery.UNKNOWN
    if isinstance(exc, PortalError):
        return Delivery.ARRIVED
    return Delivery.UNKNOWN  # not a portal answer at all (say, a cancelled send)


def may_still_run(exc: PortalError) -> bool:
    """After a lookup found nothing: could the request still be under way on the portal?
    Only the portal's own error answer (a 500) means it has finished with it."""
    return delivery(exc) is Delivery.UNKNOWN and not isinstance(exc, ServerError)


async def send_once(
    send: Callable[[], Awaitable[T]], look: Look[T] | None, *, what: str,
    details: dict[str, Any],
) -> T:  # fmt: skip
    """Send a keyed write; after a failure that may have arrived, find out before giving up.

    Returns the answer (the first one, or what the lookup found). Raises the send's own
    error when it surely did nothing or was answered; NotSentError when the portal confirms
    it has nothing; OutcomeUnknownError when that cannot be told yet (the same key, sent
    again later, is safe). A lookup may raise ReceiptPendingError: done for certain."""
    try:
        return await send()
    except PortalError as exc:
        if delivery(exc) is not Delivery.UNKNOWN:
            raise
        failure = exc
    details = {**details, "cause": failure.code}
    try:
        found = await look() if look is not None else await send()
    except ReceiptPendingError:
        raise
    except PortalError as exc:
        if look is None and delivery(exc) is Delivery.ARRIVED:
            raise  # the portal's answer to the very same request
        raise OutcomeUnknownError(f"the {what} may or may not have arrived", details=details,
                                  request_id=failure.request_id) from exc
    if found is not None:
        return found
    if may_still_run(failure):
        raise OutcomeUnknownError(f"the {what} may still be in progress on the portal",
                                  details=details, request_id=failure.request_id) from failure
    raise NotSentError(f"the portal did not receive the {what}", details=details,
                       request_id=failure.request_id) from failure
