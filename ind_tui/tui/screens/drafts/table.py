"""The drafts list as a table: its columns, and one row of cells per draft."""

from __future__ import annotations

from typing import Any

from ind_tui.i18n import known, language, t
from ind_tui.i18n.format import local
from ind_tui.tui.screens.drafts.files import DraftRow, shown_name
from ind_tui.tui.widgets.table_model import Column

UPDATED = 6  # the column the list is sorted by: last change, newest first


def stage_text(stage: str | None) -> str:
    if stage is None:
        return ""
    key = f"drafts.stage.{stage}"
    text = t(key)
    return stage.replace("_", " ") if text == key else text


def columns() -> list[Column]:
    return [
        Column("form", t("drafts.col.form"), min_width=12),
        Column("employee", t("drafts.col.employee"), min_width=8),
        # The name first, then the KvK: on a narrow terminal the KvK is what is cut.
        Column("company", t("drafts.col.company"), min_width=10),
        Column("progress", t("drafts.col.progress"), width=9, min_width=7,
               formatter=lambda v: f"{v[0]}/{v[1]}", align="right"),
        Column("stage", t("drafts.col.stage"), min_width=6),
        # Also in the panel under the list: the first to give way on a narrow terminal.
        Column("documents", t("drafts.col.documents"), align="right", keep_from=100),
        Column("changed", t("drafts.col.changed"), width=16, min_width=16, formatter=local),
    ]


def cells(row: DraftRow) -> tuple[Any, ...]:
    if row.draft is None:
        code = row.error.code.value if row.error is not None else "?"
        return (shown_name(row.path), t("drafts.unreadable", code=code), "", None, "", None,
                None)
    lang = language()
    # The short name the cases list uses ("HSM first (VVR)"): long titles cut to the same
    # "Highly skilled…" at 80 columns. The panel below gives the whole title.
    short = f"cases.type.{row.draft.form_id}"
    title = (t(short) if known(short)
             else row.title.get(lang) if row.title is not None else row.draft.form_id)
    progress = (row.done, row.required) if row.known_form else None
    docs = len(row.missing) if row.known_form else None
    return (title, row.employee, company_text(row.draft.kvk, row.draft.sponsor_name), progress,
            stage_text(row.stage), docs, row.updated)


def company_text(kvk: str | None, name: str | None) -> str:
    """"Delta Software B.V. 56789012"; a draft from before drafts were bound says so."""
    if kvk is None:
        return t("drafts.unbound")
    return f"{name} {kvk}" if name else kvk


def slot_names(form_id: str, slots: tuple[str, ...]) -> str:
    """Document slots as the form names them (the id when the form is unknown)."""
    from ind_tui.domain.forms.schema import load_form

    try:
        labels = {slot.id: slot.label.get(language()) for slot in load_form(form_id).documents}
    except (KeyError, ValueError, OSError):
        labels = {}
    return ", ".join(labels.get(slot, slot) for slot in slots)
