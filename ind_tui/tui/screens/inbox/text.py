"""How messages and due items read, in the interface language (shared by the inbox, message,
answer and due screens)."""

from __future__ import annotations

from datetime import date

from ind_tui.api.inbox import Message, MessageKind, RequestedDocument, RequestState
from ind_tui.i18n import known, language, t
from ind_tui.i18n.format import day, local, plural
from ind_tui.services.due import DueItem, DueKind
from ind_tui.tui.widgets.text import plain


def days_left(deadline: date, today: date) -> str:
    n = (deadline - today).days
    if n == 0:
        return t("inbox.days.today")
    if n == 1:
        return t("inbox.days.one")
    return t("inbox.days.left", n=n) if n > 0 else t("inbox.days.late", n=-n)


def type_name(type_id: str) -> str:
    key = f"cases.type.{type_id}"  # the cases area names the application types
    return t(key) if known(key) else type_id


def kind_text(message: Message) -> str:
    return t(f"inbox.kind.{message.kind.value}")


def document_title(doc: RequestedDocument) -> str:
    return doc.title_nl if language() == "nl" else doc.title_en


def about(message: Message, today: date) -> str:
    """The list's short word on a message: where a request stands, the decision, ..."""
    if message.kind is MessageKind.INFO_REQUEST:
        if message.state is RequestState.OPEN and message.deadline is not None:
            return t("inbox.about.open", left=days_left(message.deadline, today))
        return t(f"inbox.state.{message.state.value}") if message.state else ""
    if message.kind is MessageKind.DECISION and message.decision is not None:
        return t(f"inbox.decision.{message.decision.value}")
    return t("inbox.about.ready")


def detail_lines(message: Message, today: date) -> list[str]:
    """The message's own part of the detail screen, after its facts."""
    lines: list[str] = []
    if message.kind is MessageKind.INFO_REQUEST:
        if message.deadline is not None and message.state is RequestState.OPEN:
            lines.append(t("inbox.msg.deadline", date=day(message.deadline),
                           left=days_left(message.deadline, today)))
        lines.append(t("inbox.msg.asked"))
        for doc in message.requested:
            if doc.document_id:
                lines.append(t("inbox.msg.asked_done", title=plain(document_title(doc)),
                               doc=doc.document_id))
            else:
                lines.append(t("inbox.msg.asked_item", title=plain(document_title(doc))))
        deadline = day(message.decision_deadline) if message.decision_deadline else "-"
        lines.append("")
        if message.state is RequestState.OPEN:
            lines.append(t("inbox.msg.open", date=deadline))
        elif message.state is RequestState.ANSWERED:
            when = local(message.answered_at) if message.answered_at else "-"
            lines.append(t("inbox.msg.answered", when=when, date=deadline))
        else:
            lines.append(t("inbox.msg.lapsed", date=deadline))
    elif message.kind is MessageKind.DECISION and message.decision is not None:
        lines.append(t("inbox.msg.decision",
                       decision=t(f"inbox.decision.{message.decision.value}")))
    elif message.kind is MessageKind.READY_FOR_COLLECTION:
        lines.append(t("inbox.msg.ready"))
    return lines


# --- due items ---------------------------------------------------------------------------


def due_what(item: DueItem) -> str:
    key = f"due.kind.{item.kind}"
    return t(key) if known(key) else item.kind


def due_detail(item: DueItem) -> str:
    if item.kind == DueKind.INFORMATION:
        return plural("due.detail.documents", len([k for k in item.detail.split(",") if k]))
    if item.kind == DueKind.ADDRESS:
        return t("due.detail.address", date=day(date.fromisoformat(item.detail)))
    if item.kind == DueKind.APPOINTMENT and item.at is not None:
        purpose, _, location = item.detail.partition("@")
        key = f"due.purpose.{purpose}"
        return t("due.detail.appointment", time=local(item.at)[-5:], location=location,
                 purpose=t(key) if known(key) else purpose)
    if item.detail.startswith("opens:"):
        return t("due.detail.opens", date=day(date.fromisoformat(item.detail[6:])))
    key = f"due.detail.{item.detail}"
    return t(key) if known(key) else item.detail
