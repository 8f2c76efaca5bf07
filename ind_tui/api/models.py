"""The portal API contract (`/api/v1`): every request and response body.

The sandbox uses these same classes as its FastAPI request/response models, so the
OpenAPI document at `/openapi.json` describes exactly what the client parses.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

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


class Wire(BaseModel):
    """Base for wire models: unknown fields from a newer portal are ignored, not fatal."""

    model_config = ConfigDict(extra="ignore")


class Strict(BaseModel):
    """Base for request bodies: a typo in a field name is a clear 422, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


# --- errors -------------------------------------------------------------------------------


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


# --- portal, auth -------------------------------------------------------------------------


class PortalInfo(Wire):
    name: str
    api_version: str
    sandbox: bool
    now: datetime = Field(description="the portal's clock; deadlines are computed against it")
    last_refresh: datetime = Field(description="when case data was last refreshed (daily)")
    max_document_bytes: int
    accepted_media_types: list[str]
    access_token_ttl_seconds: int


class DeviceAuthRequest(Strict):
    client_id: str = Field(min_length=1, max_length=100)
    scope: str | None = Field(default=None, max_length=200)


class DeviceAuthResponse(Wire):
    device_code: str
    user_code: str
    verification_uri: str
    verification_uri_complete: str
    expires_in: int
    interval: int


class TokenRequest(Strict):
    grant_type: Literal["urn:ietf:params:oauth:grant-type:device_code"]
    device_code: str = Field(min_length=1, max_length=200)
    client_id: str = Field(min_length=1, max_length=100)


class RefreshRequest(Strict):
    refresh_token: str = Field(min_length=1, max_length=200)


class LogoutRequest(Strict):
    refresh_token: str | None = Field(default=None, max_length=200)


class TokenResponse(Wire):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int
    refresh_expires_in: int


class Role(StrEnum):
    SPONSOR = "sponsor"  # recognised sponsor, acting for itself
    EMPLOYER = "employer"  # not recognised: submit a few types only
    REPRESENTATIVE = "representative"  # intermediary acting for a recognised sponsor
    SANDBOX_ADMIN = "sandbox_admin"


class Purpose(StrEnum):
    LABOUR = "labour"
    RESEARCH = "research"
    STUDY = "study"
    EXCHANGE = "exchange"


class Service(StrEnum):
    SUBMIT = "submit_applications"
    CASES = "view_cases"
    EMPLOYEES = "employees"
    ACCOUNT = "account"
    DOCUMENTS = "documents"


class Recognition(Wire):
    purpose: Purpose
    since: date


class CompanyRef(Wire):
    kvk: str = KvK
    name: str


class ServiceAccess(Wire):
    service: Service
    allowed: bool
    reason_code: str | None = Field(default=None, description="why not, as an ErrorCode")


class Me(Wire):
    person_name: str
    assurance_level: str
    role: Role
    company: CompanyRef = Field(description="the company the person logged in with")
    acting_for: CompanyRef | None = Field(default=None, description="set for representatives")
    recognitions: list[Recognition]
    services: list[ServiceAccess]
    now: datetime


# --- account ------------------------------------------------------------------------------


class Address(Wire):
    street: str = Field(min_length=1, max_length=120)
    number: str = Field(min_length=1, max_length=20)
    postcode: str = Field(pattern=r"^[1-9]\d{3} ?[A-Z]{2}$")
    city: str = Field(min_length=1, max_length=80)


class Representative(Wire):
    kvk: str = KvK
    name: str
    registered: bool
    since: date | None


class Account(Wire):
    company: CompanyRef
    recognitions: list[Recognition]
    administration_address: Address
    postal_address: Address
    visiting_address: Address
    representatives: list[Representative]
    last_refresh: datetime


class NotificationKind(StrEnum):
    ADMINISTRATION_ADDRESS = "administration_address"
    POSTAL_ADDRESS = "postal_address"
    VISITING_ADDRESS = "visiting_address"
    STOPPED_TRADING = "stopped_trading"
    SUSPENSION_OF_PAYMENTS = "suspension_of_payments"
    BANKRUPTCY = "bankruptcy"


class NotificationRequest(Strict):
    kind: NotificationKind
    effective_date: IsoDate
    new_address: Address | None = None


class NotificationReceipt(Wire):
    reference: str
    kind: NotificationKind
    received_at: datetime
    effective_date: date
    report_deadline: date
    late: bool


# --- application types, applications, payments ---------------------------------------------


class ApplicationType(Wire):
    id: str
    name_nl: str
    name_en: str
    form_version: int
    fee_eur: int
    fee_year: int
    fee_provisional: bool = Field(description="the year's fee is not published yet")
    decision_days: int
    is_extension: bool


class Person(Strict):
    name: str = Field(min_length=1, max_length=120)
    date_of_birth: IsoDate
    nationality: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3")
    v_number: str | None = Field(default=None, pattern=r"^\d{10}$")


class ApplicationRequest(Strict):
    type_id: str = Field(min_length=1, max_length=60)
    form_version: int = Field(ge=1)
    employee: Person | None = Field(
        default=None, description="the person applied for; absent for a form that asks for none"
    )
    permit_expiry: IsoDate | None = Field(default=None, description="required for extensions")
    answers: dict[str, Any] = Field(default_factory=dict)
    documents: dict[str, str] = Field(
        default_factory=dict, description="document slot -> uploaded document id"
    )


class ApplicationStatus(StrEnum):
    AWAITING_PAYMENT = "awaiting_payment"
    SUBMITTED = "submitted"


class Receipt(Wire):
    zaaknummer: str
    receipt_date: date
    decision_deadline: date


class Application(Wire):
    id: str
    type_id: str
    status: ApplicationStatus
    fee_eur: int
    fee_year: int
    created_at: datetime
    idempotency_key: str
    receipt: Receipt | None = None


class PaymentMethod(StrEnum):
    DIRECT_DEBIT = "direct_debit"
    ONE_OFF = "one_off"


class PaymentRequest(Strict):
    method: PaymentMethod
    amount_eur: int = Field(ge=0, description="what the client expects to pay; must match")


class PaymentStatus(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    REFUNDED = "refunded"


class Payment(Wire):
    reference: str
    application_id: str
    amount_eur: int
    fee_year: int
    method: PaymentMethod
    status: PaymentStatus
    paid_at: datetime


class PaymentResult(Wire):
    payment: Payment
    application: Application


class UploadedDocument(Wire):
    id: str
    sha256: str
    size: int
    filename: str
    uploaded_at: datetime


# --- cases --------------------------------------------------------------------------------


class CaseStatus(StrEnum):
    SUBMITTED = "submitted"
    RECEIVED = "received"
    IN_PROGRESS = "in_progress"
    INFO_REQUESTED = "info_requested"
    DECIDED = "decided"
    READY_FOR_COLLECTION = "ready_for_collection"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


COMPLETED_STATUSES = frozenset(
    {CaseStatus.DECIDED, CaseStatus.READY_FOR_COLLECTION, CaseStatus.CLOSED, CaseStatus.WITHDRAWN}
)


class Decision(StrEnum):
    GRANTED = "granted"
    REJECTED = "rejected"
    NOT_CONSIDERED = "not_considered"


class CaseSummary(Wire):
    zaaknummer: str
    employee_name: str
    v_number: str | None
    type_id: str
    status: CaseStatus
    decision: Decision | None
    submitted_at: datetime
    decision_deadline: date
    changed_at: datetime
    completed_at: datetime | None


class CasePage(Wire):
    items: list[CaseSummary]
    total: int
    next_after: str | None = Field(description="pass as `after` for the next page")
    last_refresh: datetime
    as_of: datetime = Field(description="portal clock at this answer: the next `changed_since`")


class CaseEvent(Wire):
    at: datetime
    status: CaseStatus
    note: str | None = None
    decision_deadline: date | None = None


class CaseDetail(CaseSummary):
    receipt: Receipt
    events: list[CaseEvent]
    can_upload: bool
    upload_refused_reason: str | None = None
    last_refresh: datetime


class DossierDocument(Wire):
    id: str
    title: str
    kind: Literal["receipt", "decision", "letter", "upload"]
    size: int
    sha256: str
    added_at: datetime


class DossierList(Wire):
    zaaknummer: str
    documents: list[DossierDocument]


# --- employees ----------------------------------------------------------------------------


class EmployeeStatus(StrEnum):
    REGISTERED = "registered"
    DEREGISTERED = "deregistered"


class DeregistrationReason(StrEnum):
    """Why a sponsor reports an employee's end (each within 4 weeks, DOMAIN.md)."""

    EMPLOYMENT_ENDED = "employment_ended"  # the employee left
    NEVER_STARTED = "never_started"
    INCOME_BELOW_THRESHOLD = "income_below_threshold"
    WORK_ENDED = "work_ended"  # the work the permit was for ended (e.g. the permit ran out)


class Employee(Wire):
    id: str
    name: str
    v_number: str
    date_of_birth: date
    nationality: str
    purpose: Purpose
    start_date: date
    permit_end: date | None
    status: EmployeeStatus
    end_date: date | None = None
    contract_end: date | None = Field(
        default=None, description="end of the employment contract, when the sponsor gave one"
    )
    end_reason: DeregistrationReason | None = None
    deregistered_at: datetime | None = None
    deregistration_late: bool = False
    deregistration_reference: str | None = None


class EmployeePage(Wire):
    items: list[Employee]
    total: int
    next_after: str | None


class EmployeeRegistration(Strict):
    name: str = Field(min_length=1, max_length=120)
    v_number: str = VNumber
    date_of_birth: IsoDate
    nationality: str = Field(pattern=r"^[A-Z]{3}$")
    purpose: Purpose
    start_date: IsoDate
    permit_end: IsoDate | None = None
    contract_end: IsoDate | None = None


class DeregistrationRequest(Strict):
    end_date: IsoDate
    reason: DeregistrationReason
    note: str | None = Field(default=None, max_length=200, description="free text, optional")


class DeregistrationReceipt(Wire):
    employee_id: str
    reference: str
    received_at: datetime
    end_date: date
    report_deadline: date
    late: bool
    reason: DeregistrationReason | None = None


# --- sandbox administration ---------------------------------------------------------------


class Identity(Wire):
    name: str = Field(description="stable handle to pick this identity by")
    person_name: str
    kvk: str = KvK
    acting_for: str | None = Field(default=None, description="KvK this person represents")
    assurance_level: str
    has_portal_service: bool
    role: Role | None = Field(description="what a successful login becomes; None if refused")
    expected_error: str | None = Field(description="the ErrorCode a login ends in, if refused")
    purpose: str = Field(description="what this identity is for, in a sentence")


class ApproveRequest(Strict):
    user_code: str = Field(min_length=1, max_length=20)
    identity: str = Field(min_length=1, max_length=60)


class ApproveResult(Wire):
    user_code: str
    identity: str
    approved: bool
    error_code: str | None


class ClockState(Wire):
    now: datetime
    last_refresh: datetime
    running: bool


class ClockChange(Strict):
    advance_days: int = Field(default=0, ge=0, le=3650)
    advance_seconds: int = Field(default=0, ge=0, le=86400 * 3650)
    set_to: IsoDateTime | None = None
    running: bool | None = None


class FaultKind(StrEnum):
    LATENCY = "latency"
    UNAVAILABLE = "unavailable"  # 503 service temporarily unavailable
    SERVER_ERROR = "server_error"  # 500
    RATE_LIMIT = "rate_limit"  # 429 with Retry-After
    COMMIT_THEN_DROP = "commit_then_drop"  # the work is done, the answer never arrives
    COMMIT_THEN_ERROR = "commit_then_error"  # the work is done, the answer is a 500


class FaultSpec(Strict):
    route: str = Field(
        min_length=1, max_length=80, description="route name (see /sandbox/faults) or '*'"
    )
    kind: FaultKind
    probability: float = Field(default=1.0, ge=0.0, le=1.0)
    count: int | None = Field(default=None, ge=1, description="fire at most this often")
    latency_ms: int = Field(default=0, ge=0, le=120_000)
    retry_after: int = Field(default=1, ge=0, le=3600)
    form_type: str | None = Field(default=None, max_length=60)


class Fault(Wire):
    id: int
    route: str
    kind: FaultKind
    probability: float
    remaining: int | None
    latency_ms: int
    retry_after: int
    form_type: str | None
    fired: int


class FaultList(Wire):
    faults: list[Fault]
    routes: list[str]


class FeeChange(Strict):
    type_id: str = Field(min_length=1, max_length=60)
    year: int = Field(ge=2020, le=2100)
    fee_eur: int = Field(ge=0, le=100_000)
