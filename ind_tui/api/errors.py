"""Typed errors of the portal client. Each carries a stable `code` (the server's ErrorCode,
or a ClientCode for faults that never reached the server) and maps to guidance text.

Screens catch `PortalError` and show `err.guidance(lang)`; they catch `SessionExpiredError`
first to offer "log in again" while keeping whatever the user was doing.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from ind_tui.api.wire import ApiError, ErrorCode
from ind_tui.i18n.guidance import Guidance, guidance


class ClientCode(StrEnum):
    """Codes for conditions the client itself detects (no server answer to carry a code)."""

    CONNECTION_FAILED = "connection_failed"  # nothing was sent: refused, DNS, connect timeout
    TIMEOUT = "timeout"  # sent, no answer in time: the server may or may not have acted
    CONNECTION_DROPPED = "connection_dropped"  # the answer broke off mid-way
    OUTCOME_UNKNOWN = "outcome_unknown"  # still unknown after checking with the portal
    NOT_SENT = "not_sent"  # checked with the portal: it never received the submission
    PAID_RECEIPT_PENDING = "paid_receipt_pending"  # paid for certain; the answer got lost
    BAD_RESPONSE = "bad_response"  # an answer that does not follow the contract
    NOT_LOGGED_IN = "not_logged_in"
    ENV_TOKEN_REJECTED = "env_token_rejected"
    KEYRING_MISSING = "keyring_missing"
    KEYRING_LOCKED = "keyring_locked"
    KEYRING_TIMEOUT = "keyring_timeout"
    KEYRING_ERROR = "keyring_error"
    KEYRING_PLAINTEXT = "keyring_plaintext"
    MEMORY_CHOSEN = "memory_chosen"
    CRYPTFILE_MISSING = "cryptfile_missing"
    PASSPHRASE_MISSING = "passphrase_missing"
    PASSPHRASE_WRONG = "passphrase_wrong"
    CACHE_REBUILT = "cache_rebuilt"


class PortalError(Exception):
    """Base of every error the portal client raises."""

    default_code: str = ErrorCode.INTERNAL_ERROR

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        request_id: str | None = None,
        details: dict[str, Any] | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code: str = code or self.default_code
        self.status = status
        self.request_id = request_id
        self.details: dict[str, Any] = details or {}
        self.retry_after = retry_after

    def guidance(self, lang: str = "en") -> Guidance:
        return guidance(self.code, lang)

    def __str__(self) -> str:
        ref = f" [request {self.request_id}]" if self.request_id else ""
        return f"{self.code}: {self.message}{ref}"


class BadRequestError(PortalError):
    """The portal refused the request as it stands (400/422): fix the input, then retry."""

    default_code: str = ErrorCode.BAD_REQUEST


class NotFoundError(PortalError):
    default_code: str = ErrorCode.NOT_FOUND


class ConflictError(PortalError):
    """409: already paid, request in progress, employee exists, ..."""

    default_code: str = ErrorCode.BAD_REQUEST


class ForbiddenError(PortalError):
    """Logged in, but this account may not use this service."""

    default_code: str = ErrorCode.FORBIDDEN


class DocumentRejectedError(PortalError):
    default_code: str = ErrorCode.DOCUMENT_NOT_PDF


class AuthenticationError(PortalError):
    default_code: str = ErrorCode.UNAUTHENTICATED


class SessionExpiredError(AuthenticationError):
    """The session cannot continue: log in again, then repeat the action.

    Raised before anything was changed on the portal, so the caller keeps its state."""

    default_code: str = ErrorCode.SESSION_EXPIRED


class NotLoggedInError(SessionExpiredError):
    default_code: str = ClientCode.NOT_LOGGED_IN


class LoginRefusedError(AuthenticationError):
    """Device login ended in a refusal (eHerkenning level, service, representation, ...)."""

    default_code: str = ErrorCode.ACCESS_DENIED


class LoginExpiredError(AuthenticationError):
    """The device code expired before the login was completed in the browser."""

    default_code: str = ErrorCode.EXPIRED_TOKEN


class RateLimitedError(PortalError):
    default_code: str = ErrorCode.RATE_LIMITED


class ServiceUnavailableError(PortalError):
    default_code: str = ErrorCode.SERVICE_UNAVAILABLE


class ServerError(PortalError):
    default_code: str = ErrorCode.INTERNAL_ERROR


class BadResponseError(PortalError):
    default_code: str = ClientCode.BAD_RESPONSE


class TransportError(PortalError):
    """No usable answer arrived. `sent` says whether the request may have reached the server."""

    default_code: str = ClientCode.CONNECTION_FAILED

    def __init__(self, message: str, *, sent: bool, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.sent = sent


class ConnectionFailedError(TransportError):
    default_code: str = ClientCode.CONNECTION_FAILED


class RequestTimeoutError(TransportError):
    default_code: str = ClientCode.TIMEOUT


class ConnectionDroppedError(TransportError):
    default_code: str = ClientCode.CONNECTION_DROPPED


class OutcomeUnknownError(PortalError):
    """A submission or payment may or may not have been processed, and checking did not tell.

    Retrying with the same idempotency key is safe: the portal will not process it twice."""

    default_code: str = ClientCode.OUTCOME_UNKNOWN


class ReceiptPendingError(PortalError):
    """The payment certainly went through (the application is submitted), but its answer
    could not be fetched. Never pay again; details["application"] holds what is known."""

    default_code: str = ClientCode.PAID_RECEIPT_PENDING


class NotSentError(PortalError):
    """Checked with the portal after a failure: the submission did not arrive. Safe to retry."""

    default_code: str = ClientCode.NOT_SENT


_BY_CODE: dict[str, type[PortalError]] = {
    ErrorCode.SESSION_EXPIRED: SessionExpiredError,
    ErrorCode.UNAUTHENTICATED: SessionExpiredError,
    ErrorCode.INVALID_GRANT: SessionExpiredError,
    ErrorCode.FORBIDDEN: ForbiddenError,
    ErrorCode.SERVICE_NOT_ALLOWED: ForbiddenError,
    ErrorCode.SERVICE_UNAVAILABLE: ServiceUnavailableError,
    ErrorCode.RATE_LIMITED: RateLimitedError,
    ErrorCode.INTERNAL_ERROR: ServerError,
    ErrorCode.NOT_FOUND: NotFoundError,
    ErrorCode.EXPIRED_TOKEN: LoginExpiredError,
    ErrorCode.ACCESS_DENIED: LoginRefusedError,
    ErrorCode.EH_LEVEL_INSUFFICIENT: LoginRefusedError,
    ErrorCode.EH_SERVICE_MISSING: LoginRefusedError,
    ErrorCode.NOT_AVAILABLE_FOR_YOU: LoginRefusedError,
    ErrorCode.REPRESENTATION_NOT_RECOGNISED: LoginRefusedError,
    ErrorCode.REPRESENTATION_NOT_REGISTERED: LoginRefusedError,
    ErrorCode.DOCUMENT_NOT_PDF: DocumentRejectedError,
    ErrorCode.DOCUMENT_TOO_LARGE: DocumentRejectedError,
    ErrorCode.DOCUMENT_ENCRYPTED: DocumentRejectedError,
    ErrorCode.DOCUMENT_NOT_ALLOWED: DocumentRejectedError,
}

_BY_STATUS: dict[int, type[PortalError]] = {
    400: BadRequestError,
    401: SessionExpiredError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    413: DocumentRejectedError,
    415: DocumentRejectedError,
    422: BadRequestError,
    429: RateLimitedError,
    502: ServiceUnavailableError,
    503: ServiceUnavailableError,
    504: ServiceUnavailableError,
}

_FALLBACK_CODE: dict[int, str] = {
    401: ErrorCode.UNAUTHENTICATED,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    422: ErrorCode.VALIDATION_FAILED,
    429: ErrorCode.RATE_LIMITED,
    502: ErrorCode.SERVICE_UNAVAILABLE,
    503: ErrorCode.SERVICE_UNAVAILABLE,
    504: ErrorCode.SERVICE_UNAVAILABLE,
}


def error_from_api(
    status: int,
    body: ApiError | None,
    *,
    request_id: str | None,
    retry_after: float | None = None,
) -> PortalError:
    """The typed error for an HTTP error answer (body may be missing, e.g. from a proxy)."""
    if body is not None:
        code, message, details = body.code, body.message, dict(body.details)
        request_id = body.request_id or request_id
    else:
        code = _FALLBACK_CODE.get(status, ErrorCode.BAD_REQUEST if status < 500 else "")
        code = code or ErrorCode.INTERNAL_ERROR
        message, details = f"HTTP {status}", {}
    cls = _BY_CODE.get(code) or _BY_STATUS.get(status)
    if cls is None:
        cls = ServerError if status >= 500 else BadRequestError
    return cls(
        message,
        code=code,
        status=status,
        request_id=request_id,
        details=details,
        retry_after=retry_after,
    )

