"""Wire models of the account and the notifications a sponsor sends the IND."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from ind_tui.api.auth import CompanyRef, Recognition
from ind_tui.api.wire import IsoDate, KvK, Strict, Wire


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
