"""The last requests this client made: raw material for support reports.

Only method, path, status, timing, sizes and ids are kept. Bodies and headers never enter
the log, and query values that could identify a person or carry a secret are masked.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode

DEFAULT_SIZE = 200

# Query parameters whose values are harmless for support (filters, paging, codes).
_SAFE_PARAMS = frozenset({
    "status", "type", "limit", "changed_since", "after", "state", "kind", "unread", "purpose",
    "locations", "per_location", "from", "year", "format",
})
# Parameters that name a person or their case, or carry a secret: values always hidden.
_HIDDEN_PARAMS = re.compile(
    r"(?i)name|zaak|v_?number|bsn|birth|passport|employee|person|^q$|query|search|email|"
    r"phone|key|token|secret|code|pass")
# Any other value stays only when it is plainly a code word (`unread`, `in_progress`): a
# name, a V-number or a birth date has capitals, spaces or digits and is hidden.
_CODE_WORD = re.compile(r"[a-z_,-]{1,32}")
_TOKENISH = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+|\b[A-Za-z0-9_-]{40,}\b")


def redact(text: str) -> str:
    """Mask anything that looks like a bearer token or a long opaque secret."""
    return _TOKENISH.sub(lambda m: (m.group(1) or "") + "[redacted]", text)


def redact_path(path: str) -> str:
    """Keep the path and the query's harmless values; hide the personal ones."""
    base, _, query = path.partition("?")
    base = redact(base)
    if not query:
        return base
    pairs = [
        (key, redact(value) if _harmless(key, value) else "[redacted]")
        for key, value in parse_qsl(query, keep_blank_values=True)
    ]
    return f"{base}?{urlencode(pairs, safe='[]:+')}"


def _harmless(key: str, value: str) -> bool:
    if _HIDDEN_PARAMS.search(key):
        return False
    return key in _SAFE_PARAMS or _CODE_WORD.fullmatch(value) is not None


@dataclass(frozen=True)
class RequestRecord:
    at: datetime
    method: str
    path: str
    status: int | None  # None: no answer (connection failed, timed out, dropped)
    duration_ms: float
    request_id: str
    attempt: int = 1
    bytes_sent: int = 0
    bytes_received: int = 0
    error: str | None = None  # error code, when the call failed

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = self.at.isoformat()
        return data


class RequestLog:
    """Thread-safe ring buffer of RequestRecord, newest last."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self._records: deque[RequestRecord] = deque(maxlen=size)
        self._lock = threading.Lock()
        self.bytes_sent = 0
        self.bytes_received = 0
        self.requests = 0

    def add(
        self,
        *,
        method: str,
        path: str,
        status: int | None,
        duration_ms: float,
        request_id: str,
        attempt: int = 1,
        bytes_sent: int = 0,
        bytes_received: int = 0,
        error: str | None = None,
    ) -> RequestRecord:
        record = RequestRecord(
            at=datetime.now(UTC),
            method=method,
            path=redact_path(path),
            status=status,
            duration_ms=round(duration_ms, 1),
            request_id=request_id,
            attempt=attempt,
            bytes_sent=bytes_sent,
            bytes_received=bytes_received,
            error=error,
        )
        with self._lock:
            self._records.append(record)
            self.bytes_sent += bytes_sent
            self.bytes_received += bytes_received
            self.requests += 1
        return record

    def records(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._records)

    def last(self) -> RequestRecord | None:
        with self._lock:
            return self._records[-1] if self._records else None

    def as_dicts(self) -> list[dict[str, Any]]:
        return [record.as_dict() for record in self.records()]

    def clear(self) -> None:
        with self._lock:
            self._records.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)
