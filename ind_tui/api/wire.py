"""The portal API contract (`/api/v1`): the base of every request and response body,
the field types they share and the one error shape.

The sandbox uses the same classes as its FastAPI request/response models, so the OpenAPI
document at `/openapi.json` describes exactly what the client parses. The bodies are split by
part of the API: `auth`, `account`, `applications`, `payments`, `cases`, `employees`,
`inbox`, `appointments`, `sandbox_admin`.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

API_PREFIX = "/api/v1"

KvK = Field(pattern=r"^\d{8}$", description="Chamber of Commerce number, 8 digits")
VNumber = Field(pattern=r"^\d{10}$", description="Vreemdelingennummer, 10 digits")


_NUMBER = re.compile(r"^\s*[-+]?\d+(\.\d*)?\s*$")


def _iso_text(value: Any) -> Any:
    """Dates and instants travel as ISO 8601 text. Pydantic would also take a number, or a
    numeric string, as a Unix timestamp; the contract does not, so a request may not either."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number or (isinstance(value, str) and _NUMBER.match(value)):
        raise ValueError("expected an ISO 8601 date or date-time as text")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_text)]
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_text)]


# What a request may hold, whatever its fields: JSON nested at most this deep, and text that
# is valid Unicode without terminal controls (a name or answer is shown in terminals and
# stored; an escape sequence in it would act on the reader's screen).
MAX_JSON_DEPTH = 32
# C0 controls but tab, newline and carriage return; DEL and the C1 controls; the bidi
# embeddings, overrides and isolates (they reorder what a reader sees).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Within a name, invisible format characters are refused too (BOM, marks, zero-width space);
# zero-width (non-)joiners stay: some scripts need them to write a name correctly.
_NAME_FORMAT_OK = frozenset("\u200c\u200d")


def text_problem(text: str) -> str | None:
    """Why `text` may not travel in a request, or None."""
    if _SURROGATE.search(text):
        return "text_not_unicode"
    if _CONTROL.search(text):
        return "text_control_character"
    return None


def _refuse(kind: str, message: str, loc: tuple[str | int, ...], **ctx: Any) -> ValidationError:
    # A ValidationError (not a ValueError) so the error names the offending field's place.
    return ValidationError.from_exception_data("request", [InitErrorDetails(
        type=PydanticCustomError(kind, message, ctx or None), loc=loc, input="")])


def _check_json(value: Any, loc: tuple[str | int, ...] = ()) -> None:
    if len(loc) > MAX_JSON_DEPTH:
        raise _refuse("json_too_deep", "nested deeper than {max} levels", loc[:8],
                      max=MAX_JSON_DEPTH)
    if isinstance(value, str):
        problem = text_problem(value)
        if problem is not None:
            raise _refuse(problem, "text holds a control character or is not valid Unicode",
                          loc)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and text_problem(key) is not None:
                raise _refuse(str(text_problem(key)), "a key holds a control character or is "
                              "not valid Unicode", loc)
            _check_json(item, (*loc, str(key)))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_json(item, (*loc, index))


def _check_name(value: str) -> str:
    problem = text_problem(value)
    if problem is None and any(
        unicodedata.category(ch) in ("Cc", "Zl", "Zp")
        or (unicodedata.category(ch) == "Cf" and ch not in _NAME_FORMAT_OK) for ch in value
    ):
        problem = "text_control_character"
    if problem is not None:
        raise PydanticCustomError(
            "name_not_allowed",
            "a name may not hold control, format or direction characters ({problem})",
            {"problem": problem})
    return value


# A person's or place's name as a request carries it: printable text only.
Name = Annotated[str, Field(min_length=1, max_length=120), AfterValidator(_check_name)]


class Wire(BaseModel):
    """Base for wire models: unknown fields from a newer portal are ignored, not fatal."""

    model_config = ConfigDict(extra="ignore")


class Strict(BaseModel):
    """Base for request bodies: a typo in a field name is a clear 422, not silently dropped."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _bounded(cls, data: Any) -> Any:
        # Before the fields: a value nested too deep or text that cannot be stored is a 422
        # here, not an error of the portal's when it serialises or stores the value later.
        _check_json(data)
        return data



class ErrorCode(StrEnum):
    """Stable error codes. The client maps each to guidance text; never rename one."""

    # generic
    BAD_REQUEST = "bad_request"
    VALIDATION_FAILED = "validation_failed"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    UNAUTHENTICATED = "unauthenticated"
    SESSION_EXPIRED = "session_expired"
    FORBIDDEN = "forbidden"
    SERVICE_NOT_ALLOWED = "service_not_allowed"
    SERVICE_UNAVAILABLE = "service_unavailable"
    RATE_LIMITED = "rate_limited"
    INTERNAL_ERROR = "internal_error"
    REQUEST_TOO_LARGE = "request_too_large"  # the body exceeds the route's published limit
    REQUEST_TIMEOUT = "request_timeout"  # the body arrived too slowly
    # device login (RFC 8628 names, then the eHerkenning refusals of DOMAIN.md)
    AUTHORIZATION_PENDING = "authorization_pending"
    SLOW_DOWN = "slow_down"
    EXPIRED_TOKEN = "expired_token"
    ACCESS_DENIED = "access_denied"
    INVALID_GRANT = "invalid_grant"
    EH_LEVEL_INSUFFICIENT = "eh_level_insufficient"
    EH_SERVICE_MISSING = "eh_service_missing"
    NOT_AVAILABLE_FOR_YOU = "not_available_for_you"
    REPRESENTATION_NOT_RECOGNISED = "representation_not_recognised"
    REPRESENTATION_NOT_REGISTERED = "representation_not_registered"
    # applications and payment
    IDEMPOTENCY_KEY_REQUIRED = "idempotency_key_required"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    REQUEST_IN_PROGRESS = "request_in_progress"
    TYPE_NOT_ALLOWED = "type_not_allowed"
    FORM_VERSION_OUTDATED = "form_version_outdated"
    EXTENSION_TOO_EARLY = "extension_too_early"
    ALREADY_PAID = "already_paid"
    PAYMENT_REQUIRED = "payment_required"
    AMOUNT_MISMATCH = "amount_mismatch"
    NOTHING_TO_PAY = "nothing_to_pay"  # a free application: there is no fee to pay
    # documents
    DOCUMENT_NOT_PDF = "document_not_pdf"
    DOCUMENT_TOO_LARGE = "document_too_large"
    DOCUMENT_ENCRYPTED = "document_encrypted"
    DOCUMENT_UNREADABLE = "document_unreadable"  # no readable pages, or too costly to read
    DOCUMENT_NOT_ALLOWED = "document_not_allowed"
    CASE_DECIDED = "case_decided"
    # account and employees
    PAPER_FORM_REQUIRED = "paper_form_required"
    EMPLOYEE_EXISTS = "employee_exists"
    EMPLOYEE_DEREGISTERED = "employee_deregistered"
    EMPLOYEE_END_IN_FUTURE = "employee_end_in_future"
    PURPOSE_NOT_RECOGNISED = "purpose_not_recognised"
    # messages
    MESSAGE_ANSWERED = "message_answered"
    MESSAGE_NOT_ANSWERABLE = "message_not_answerable"
    # appointments and refunds
    SLOT_TAKEN = "slot_taken"
    VISIT_NOT_POSSIBLE = "visit_not_possible"
    LOCATION_NOT_SERVING = "location_not_serving"
    APPOINTMENT_EXISTS = "appointment_exists"
    APPOINTMENT_CLOSED = "appointment_closed"
    ALREADY_REFUNDED = "already_refunded"
    # sandbox admin
    SANDBOX_ADMIN_REQUIRED = "sandbox_admin_required"
    UNKNOWN_IDENTITY = "unknown_identity"
    CLOCK_BACKWARDS = "clock_backwards"


class ApiError(Wire):
    """The one error shape every route answers with."""

    code: str = Field(description="stable machine code, see ErrorCode")
    message: str = Field(description="short English explanation for logs")
    details: dict[str, Any] = Field(default_factory=dict)
    request_id: str | None = None


class TokenError(ApiError):
    """Device-token errors also carry RFC 6749/8628 `error` fields."""

    error: str
    error_description: str | None = None
