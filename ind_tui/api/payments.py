"""Wire models of paying for an application, the payment history and its refunds.

A payment's status in the history: `pending` while a direct debit waits for the next daily
collection run, `paid` once collected (a one-off payment at once), `refunded` once the IND
paid it back (the fee of a submission that never arrived, or of one filed twice)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from ind_tui.api.applications import Application
from ind_tui.api.wire import Strict, Wire


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

class RefundReason(StrEnum):
    NOT_RECEIVED = "not_received"  # paid, but the submission never arrived
    DUPLICATE = "duplicate"  # the same application filed and paid twice
    OTHER = "other"  # decided by IND staff case by case


class Refund(Wire):
    reference: str
    payment_reference: str
    amount_eur: int
    reason: RefundReason
    refunded_at: datetime


class PaymentRecord(Wire):
    reference: str
    application_id: str | None = Field(description="null for payments made outside ind-tui")
    zaaknummer: str | None = Field(description="null while (or when never) registered")
    employee_name: str
    type_id: str
    amount_eur: int
    fee_year: int
    method: PaymentMethod
    status: PaymentStatus
    paid_at: datetime
    collected_at: datetime = Field(description="when the money was (or will be) collected")
    paid_by_kvk: str = Field(description="the account that paid: the sponsor or its agency")
    refund: Refund | None = None
    refund_due: date | None = Field(
        default=None, description="an automatic refund the portal has scheduled, not yet made")


class PaymentTotals(Wire):
    count: int
    charged_eur: int = Field(description="every payment, pending ones included")
    pending_eur: int
    refunded_eur: int
    net_eur: int = Field(description="charged minus refunded")


class PaymentList(Wire):
    items: list[PaymentRecord]
    totals: PaymentTotals
    as_of: datetime


class RefundRequest(Strict):
    """Sandbox admin: refund one payment, as IND staff would after checking."""

    reference: str = Field(min_length=1, max_length=40)
    reason: RefundReason = RefundReason.NOT_RECEIVED


def totals(items: list[PaymentRecord]) -> PaymentTotals:
    """Totals of a list (the portal's, or a filtered part of it on the client)."""
    charged = sum(p.amount_eur for p in items)
    pending = sum(p.amount_eur for p in items if p.status is PaymentStatus.PENDING)
    refunded = sum(p.refund.amount_eur for p in items if p.refund is not None)
    return PaymentTotals(count=len(items), charged_eur=charged, pending_eur=pending,
                         refunded_eur=refunded, net_eur=charged - refunded)
