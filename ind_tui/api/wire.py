"""The portal API contract (`/api/v1`): the base of every request and response body,
the field types they share and the one error shape.

The sandbox uses the same classes as its FastAPI request/response models, so the OpenAPI
document at `/openapi.json` describes exactly what the client parses. The bodies are split by
part of the API: `auth`, `account`, `applications`, `payments`, `cases`, `employees`,
`inbox`, `appointments`, `sandbox_admin`.
"""

from __future__ import annotations

import re
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


# ISO 8601 text starts with the date; anything else (a number in any spelling: `1e9`,
# `-1.07e-236`, ` 42 `) is not a date, whatever pydantic could make of it.
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _iso_text(value: Any) -> Any:
    """Dates and instants travel as ISO 8601 text. Pydantic would also take a number, or a
    numeric string, as a Unix timestamp; the contract does not, so a request may not either."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number or (isinstance(value, str) and not _ISO_START.match(value)):
        raise ValueError("expected an ISO 8601 date or date-time as text")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_text)]
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_text)]


# What a request may hold, whatever its fields: JSON nested at most this deep, and text that
# is valid Unicode without terminal controls (a name or answer is shown in terminals and
# stored; an escape sequence in it would act on the reader's screen).
MAX_JSON_DEPTH = 32
# C0 controls but tab, newline and carriage return; DEL and the C1 controls; the bidi
# embeddings, overrides and isolates (they reorder what a reader sees). Written as regex
# escapes: the same text is the check and, in the contract, the published pattern.
_CONTROLS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
_SURROGATES = r"\ud800-\udfff"
_CONTROL = re.compile(f"[{_CONTROLS}]")
_SURROGATE = re.compile(f"[{_SURROGATES}]")
# Within a name, every control, format and line/paragraph separator character (Unicode
# categories Cc, Cf, Zl, Zp) is refused: a BOM, a soft hyphen, a zero-width space, a mark.
# Zero-width (non-)joiners stay: some scripts need them to write a name correctly.
_NAME_REFUSED = (
    r"\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891"
    r"\u08e2\u180e\u200b\u200e-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    r"\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    r"\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_NAME_BAD = re.compile(f"[{_NAME_REFUSED}]")
# What the contract publishes for request text. (Lone surrogates are refused too, but they
# cannot be written in valid UTF-8 JSON at all, and an ECMA pattern cannot name them.)
TEXT_PATTERN = f"^[^{_CONTROLS}]*$"
NAME_PATTERN = f"^[^{_NAME_REFUSED}]*$"


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
    if problem is None and _NAME_BAD.search(value):
        problem = "text_control_character"
    if problem is not None:
        raise PydanticCustomError(
            "name_not_allowed",
            "a name may not hold control, format or direction characters ({problem})",
            {"problem": problem})
    return value


# A person's or place's name as a request carries it: printable text only.
Name = Annotated[str, Field(min_length=1, max_length=120,
                             json_schema_extra={"pattern": NAME_PATTERN}),
                 AfterValidator(_check_name)]


# Any JSON value whose text (strings and keys, at every depth) passes the text rule: the
# contract's component for free-form request data such as answers.
TEXT_JSON = "TextJson"
TEXT_JSON_REF = f"#/components/schemas/{TEXT_JSON}"


def text_json_schema() -> dict[str, Any]:
    return {
        "description": "any JSON value; text in it (strings and keys) without control "
                       f"characters, nested at most {MAX_JSON_DEPTH} levels",
        "anyOf": [
            {"type": "string", "pattern": TEXT_PATTERN},
            {"type": "number"}, {"type": "boolean"}, {"type": "null"},
            {"type": "array", "items": {"$ref": TEXT_JSON_REF}},
            {"type": "object", "propertyNames": {"pattern": TEXT_PATTERN},
             "additionalProperties": {"$ref": TEXT_JSON_REF}},
        ],
    }


def _publish_text_rule(schema: dict[str, Any], _cls: Any = None) -> None:
    """Every string of a request body, and every key of its maps, is published with the text
    rule `_bounded` checks, so what the contract calls valid the portal takes."""

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict):
            return
        plain = not {"pattern", "format", "enum", "const"} & set(node)
        if node.get("type") == "string" and plain:
            node["pattern"] = TEXT_PATTERN
        if "patternProperties" in node:
            # pydantic's map with constrained keys: a key matching none is refused too.
            node.setdefault("additionalProperties", False)
        free = node.get("additionalProperties")
        if node.get("type") == "object" and free in (True, None):
            # Any JSON value, with the text rule at every depth (`_bounded` checks it so);
            # a wire model ignores keys it does not know, but they are read and checked.
            node["additionalProperties"] = {"$ref": TEXT_JSON_REF}
        # Every key a request may hold (extra keys of a wire model too) passes the rule.
        if node.get("type") == "object" and free is not False and "propertyNames" not in node:
            node["propertyNames"] = {"pattern": TEXT_PATTERN}
        for key in ("properties", "patternProperties", "items", "prefixItems", "anyOf",
                    "oneOf", "allOf", "additionalProperties"):
            child = node.get(key)
            walk(list(child.values()) if key in ("properties", "patternProperties")
                 and isinstance(child, dict) else child)

    walk(schema)


class Wire(BaseModel):
    """Base for wire models: unknown fields from a newer portal are ignored, not fatal."""

    # Published with the text rule too: a wire model in a request (an address in a
    # notification) is checked by the request's `_bounded`.
    model_config = ConfigDict(extra="ignore", json_schema_extra=_publish_text_rule)


class Strict(BaseModel):
    """Base for request bodies: a typo in a field name is a clear 422, not silently dropped."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_publish_text_rule)

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
