"""The inbox part of the portal API contract (`/api/v1/messages`): letters the IND sends about
a case — a request for more information (herstel verzuim) with its deadline and the documents
asked for, a decision, "document ready for collection" — and answering a request.

Shared by the client and the sandbox, like the rest of `api/`.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from ind_tui.api.cases import Decision
from ind_tui.api.wire import Strict, Wire

MESSAGE_ID = r"^M\d{9}$"
ITEM_KEY = r"^[a-z][a-z0-9_]{0,39}$"


class MessageKind(StrEnum):
    INFO_REQUEST = "info_request"  # herstel verzuim: documents asked, with a deadline
    DECISION = "decision"  # the decision letter (beschikking)
    READY_FOR_COLLECTION = "ready_for_collection"  # the residence document can be collected


class RequestState(StrEnum):
    """Where a request for information stands."""

    OPEN = "open"  # awaiting the documents; the decision period is suspended meanwhile
    ANSWERED = "answered"
    LAPSED = "lapsed"  # the deadline passed without an answer; the IND goes on without it


class RequestedDocument(Wire):
    key: str = Field(description="stable name of what is asked, e.g. `employment_contract`")
    title_nl: str
    title_en: str
    document_id: str | None = Field(
        default=None, description="the dossier document that answered it, once answered"
    )


class Message(Wire):
    id: str = Field(pattern=MESSAGE_ID)
    kind: MessageKind
    zaaknummer: str
    employee_name: str
    type_id: str
    sent_at: datetime
    read_at: datetime | None = None
    subject: str = Field(description="the letter's subject line, as the IND writes it (Dutch)")
    document_id: str | None = Field(
        default=None, description="the letter in the case's dossier (cases/{z}/documents/{id})"
    )
    decision: Decision | None = None
    # requests for information only
    state: RequestState | None = None
    deadline: date | None = Field(default=None, description="answer on or before this day")
    requested: list[RequestedDocument] = Field(default_factory=list)
    answered_at: datetime | None = None
    decision_deadline: date | None = Field(
        default=None,
        description="the case's decision deadline as this request moved it: extended by the "
        "time given while open or lapsed, by the days actually waited once answered",
    )

    @property
    def unread(self) -> bool:
        return self.read_at is None

    @property
    def open_request(self) -> bool:
        return self.state is RequestState.OPEN


class MessagePage(Wire):
    items: list[Message]
    total: int = Field(description="messages matching the filter")
    unread: int = Field(description="unread messages of this account, whatever the filter")
    next_after: str | None = Field(description="pass as `after` for the next page")
    last_refresh: datetime
    as_of: datetime


class AnswerRequest(Strict):
    documents: dict[
        Annotated[str, Field(pattern=ITEM_KEY)], Annotated[str, Field(min_length=1, max_length=40)]
    ] = Field(
        min_length=1, max_length=20,
        description="requested item key -> id of a document uploaded to the case's dossier",
    )


class AnswerReceipt(Wire):
    message: Message
    suspended_days: int = Field(description="days the decision period stood still")
    previous_decision_deadline: date
    decision_deadline: date
    resumes_at: datetime | None = Field(
        default=None, description="when the IND takes up the assessment again"
    )
