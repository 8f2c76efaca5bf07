"""Wire models of application types, applications and the documents uploaded for them."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import Field

from ind_tui.api.wire import IsoDate, Name, Strict, Wire


class SalaryThreshold(Wire):
    """A gross monthly salary threshold (excluding holiday allowance) for one criterion."""

    kind: str = Field(description="hsm_30_plus, hsm_under_30, hsm_reduced, blue_card, "
                                  "blue_card_reduced")
    year: int
    valid_from: date = Field(description="the threshold applies from this day")
    amount_eur: int
    provisional: bool = Field(description="not published for this year yet: an estimate")
    source: str = Field(description="where it is published, or what a provisional one is "
                                    "based on")


class ApplicationType(Wire):
    id: str
    name_nl: str
    name_en: str
    form_version: int
    fee_eur: int
    fee_year: int
    fee_provisional: bool = Field(description="the year's fee is not published yet")
    fee_source: str = Field(default="", description="where the fee is published, or what a "
                                                    "provisional one is based on")
    decision_days: int
    is_extension: bool
    thresholds: list[SalaryThreshold] = Field(
        default_factory=list,
        description="the salary thresholds the portal checks for this type, this year and "
                    "next (a change of employer takes the year its new contract starts)")


class Person(Strict):
    name: Name
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


class UploadedDocument(Wire):
    id: str
    sha256: str
    size: int
    filename: str
    uploaded_at: datetime
