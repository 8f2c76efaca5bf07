"""The columns of the running-cases list: what each cell shows and what `/` finds in it.

Cells hold raw values (ISO strings, codes); text is made only for the rows on screen and,
once, for the search index, so a list of 100,000 cases costs little to load.
"""

from __future__ import annotations

from datetime import datetime

from ind_tui.domain.cases import ARCHIVED_STATE, NEW, NOT_REGISTERED, StatusCell
from ind_tui.i18n import known, t
from ind_tui.i18n.format import AMSTERDAM
from ind_tui.tui.widgets.table_model import Column

MARK = "●"


def local_day(text: str) -> str:
    """An ISO instant as the Dutch day it fell on (dd-mm-yyyy)."""
    moment = datetime.fromisoformat(text).astimezone(AMSTERDAM)
    return f"{moment.day:02d}-{moment.month:02d}-{moment.year}"


def local_minute(text: str) -> str:
    moment = datetime.fromisoformat(text).astimezone(AMSTERDAM)
    return (f"{moment.day:02d}-{moment.month:02d}-{moment.year} "
            f"{moment.hour:02d}:{moment.minute:02d}")  # fmt: skip


def iso_day(text: str) -> str:
    """A plain ISO date (yyyy-mm-dd) as dd-mm-yyyy."""
    return f"{text[8:10]}-{text[5:7]}-{text[0:4]}"


def status_label(status: str) -> str:
    return t(f"cases.status.{status}")


def decision_label(decision: str) -> str:
    return t(f"cases.decision.{decision}")


def type_label(type_id: str) -> str:
    text = t(f"cases.type.{type_id}")
    return type_id if text == f"cases.type.{type_id}" else text


def type_short(type_id: str) -> str:
    """The abbreviation the list shows ("HSM VVR"); the full name where there is none."""
    key = f"cases.type_short.{type_id}"
    return t(key) if known(key) else type_label(type_id)


def status_text(cell: StatusCell) -> str:
    """What the status column shows: the status (with the decision), the change since the
    user last looked (old → new), and whether the case is archived or not yet listed."""
    status, previous, state, decision = cell.status, cell.previous, cell.state, cell.decision
    if state == NOT_REGISTERED:
        return t("cases.state.not_registered")
    now = status_label(status)
    if decision:
        now = t("cases.with_decision", status=now, decision=decision_label(decision))
    if previous == NEW:
        now = t("cases.marker.new", mark=MARK, status=now)
    elif previous:
        now = t("cases.marker.changed", mark=MARK, old=status_label(previous), new=now)
    if state == ARCHIVED_STATE:
        now = t("cases.marker.archived", status=now)
    return now


def status_search(cell: StatusCell) -> str:
    """What `status:` finds: the current status (code and label), the decision, the state;
    never the old status, so `status:received` does not list cases that moved on."""
    status, state, decision = cell.status, cell.state, cell.decision
    parts = [status, status_label(status)]
    if decision:
        parts += [decision, decision_label(decision)]
    if state != "listed":
        parts += [state, t(f"cases.state.{state}")]
    return " ".join(parts)


def type_search(type_id: str) -> str:
    return f"{type_id} {type_label(type_id)} {type_short(type_id)}"


def columns() -> list[Column]:
    """Built per call: labels follow the language in force."""
    labels: dict[str, str] = {}

    def cached_type(type_id: str) -> str:
        text = labels.get(type_id)
        if text is None:
            text = labels[type_id] = type_short(type_id)
        return text

    # What gives way on a narrow terminal, first to last: the date submitted, the V-number,
    # the last change. Case number, employee, type, status and deadline stay at 80 columns,
    # and from 120 on the status has room for a change "old → new" in full.
    return [
        Column("zaaknummer", t("cases.col.zaak"), width=10, min_width=10),
        Column("employee", t("cases.col.employee"), min_width=10),
        Column("vnumber", t("cases.col.vnumber"), width=10, min_width=10, keep_from=140),
        Column("type", t("cases.col.type"), min_width=12, formatter=cached_type,
               search=type_search),
        Column("status", t("cases.col.status"), min_width=20, formatter=status_text,
               search=status_search),
        Column("submitted", t("cases.col.submitted"), width=10, min_width=10,
               keep_from=160, formatter=local_day),
        Column("deadline", t("cases.col.deadline"), width=10, min_width=10, formatter=iso_day),
        Column("changed", t("cases.col.changed"), min_width=16, keep_from=110,
               formatter=local_minute),
    ]
