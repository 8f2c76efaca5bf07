"""Wire models of cases (the running-cases list, a case's detail) and their dossiers."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from ind_tui.api.applications import Receipt
from ind_tui.api.wire import Wire


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
