"""When a failed call may be sent again, and how long to wait first.

The waiting itself (exponential backoff with jitter, bounded in attempts and total time) is
stamina's; this module only decides *whether* a given failure is safe to repeat for a given
kind of call, and turns a Retry-After into the wait.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum

from ind_tui.api.errors import (
    ConflictError,
    PortalError,
    ServiceUnavailableError,
    TransportError,
)
from ind_tui.client.once import Delivery, delivery


class Retry(StrEnum):
    """What kind of call this is, for retrying."""

    SAFE = "safe"  # reads: repeating cannot change anything
    IDEMPOTENT = "idempotent"  # writes with an Idempotency-Key: the portal dedupes repeats
    UNSENT = "unsent"  # other writes: repeat only when the portal surely did nothing
    NEVER = "never"


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    total_seconds: float = 30.0  # no new attempt starts after this much time
    wait_initial: float = 0.25
    wait_max: float = 5.0
    wait_jitter: float = 0.5
    # A Retry-After longer than this is not waited out: the caller gets RateLimitedError
    # (with retry_after) and can tell the user when to try again.
    max_retry_after: float = 30.0
    in_progress_wait: float = 0.5  # pause before asking again after 409 request_in_progress


FAST_RETRY = RetryPolicy(
    attempts=4, total_seconds=5.0, wait_initial=0.0, wait_max=0.01, wait_jitter=0.0,
    max_retry_after=0.05, in_progress_wait=0.01,
)  # fmt: skip


_KEY = re.compile(r"^[A-Za-z0-9_-]{8,100}$")


def new_idempotency_key() -> str:
    """A fresh key for one submission or payment. Store it with the draft before sending."""
    return str(uuid.uuid4())


def check_idempotency_key(key: str) -> str:
    """Refuse a key the portal would refuse (8-100 of letters, digits, '-' and '_'): found
    out only after an ambiguous failure, it would leave the outcome unknown."""
    if not _KEY.match(key):
        raise ValueError("an idempotency key is 8-100 letters, digits, '-' or '_'")
    return key


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - (now or datetime.now(UTC))).total_seconds())


def decide(mode: Retry, policy: RetryPolicy, exc: BaseException) -> bool | float:
    """stamina backoff hook: False = give up, True = default backoff, float = wait this long.

    Whether the portal may have acted is `delivery`'s to say; this only adds what each kind
    of call may do about it. (stamina types the hook's argument as BaseException in newer
    releases; cancellation and the like are never retried.)"""
    if mode is Retry.NEVER or not isinstance(exc, Exception):
        return False
    known = delivery(exc)
    if known is Delivery.NOT_SENT:  # nothing was done: any call may go again
        return _after(exc.retry_after, policy) if isinstance(exc, PortalError) else True
    if known is not Delivery.UNKNOWN or mode is Retry.UNSENT:
        return False
    if isinstance(exc, ConflictError):  # request_in_progress: the first one still runs
        return policy.in_progress_wait if mode is Retry.IDEMPOTENT else False
    if isinstance(exc, ServiceUnavailableError):  # 502/504: a gateway gave up
        return _after(exc.retry_after, policy)
    # No answer: send again. A 500 is the portal's own failure, which a repeat rarely mends.
    return isinstance(exc, TransportError)


def _after(retry_after: float | None, policy: RetryPolicy) -> bool | float:
    if retry_after is None:
        return True
    if retry_after > policy.max_retry_after:
        return False
    return retry_after
