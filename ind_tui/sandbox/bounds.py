"""What the portal bounds, in one place: the body each route may send (declared on the route
and published in the contract as `x-max-body-bytes`) and the time a client may take.

`limits.py` enforces the bodies and body times per request; `serve.py` gives uvicorn the
connection bounds. Every way of serving (the test thread, the embedded child process,
`ind-tui sandbox serve`) takes them from `SandboxConfig.bounds`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

MAX_BODY_KEY = "x-max-body-bytes"
# A route that declares no body reads none; a few bytes are let through so that a client
# sending an empty JSON object to such a route is not refused for it.
UNDECLARED_BODY_BYTES = 1024
# A request of a few fixed fields (a login step, a payment, a booking).
SMALL_BODY_BYTES = 4 * 1024
# Every JSON request of the API fits in this with room to spare (the largest, an
# application with its answers, is a few kB).
JSON_BODY_BYTES = 64 * 1024
# The eHerkenning imitation page's form (a code and an identity name).
FORM_BODY_BYTES = 10_000
# A PDF upload: the portal's `max_document_bytes` (published at /portal as well).
DOCUMENT: Literal["document"] = "document"


def max_body(limit: int | Literal["document"]) -> dict[str, Any]:
    """`openapi_extra` for a route that reads a body: its limit, published in the contract."""
    return {MAX_BODY_KEY: limit}


@dataclass(frozen=True)
class ServerBounds:
    """Time and connection bounds. The defaults serve a person at a terminal and refuse a
    client that holds connections open by sending slowly."""

    header_seconds: float = 10.0  # for a request's line and headers to arrive
    keep_alive_seconds: float = 5.0  # an idle connection between requests
    body_seconds: float = 10.0  # for a body to arrive, plus its size at min_body_rate
    min_body_rate: int = 64 * 1024  # bytes per second a large body must at least keep
    max_header_bytes: int = 16 * 1024
    max_connections: int = 200  # beyond this many at once, new requests get 503

    def body_deadline(self, size: int) -> float:
        """Seconds a body of `size` bytes may take to arrive."""
        return self.body_seconds + size / self.min_body_rate
