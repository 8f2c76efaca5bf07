"""Which drafts the list shows: by default those of the company the login acts for (and
unbound ones, to be bound) and no filed ones; `a` shows every company's, `f` the filed ones
too. The title line says which view is shown and how many it leaves out; the panel under
the list says what the draft under the cursor is."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from textual.markup import escape

from ind_tui.i18n import language, t
from ind_tui.i18n.format import day, local, number
from ind_tui.local.drafts.errors import DraftError
from ind_tui.services.binding import Company, draft_company, listed_for
from ind_tui.tui.screens.drafts.files import DraftRow
from ind_tui.tui.screens.drafts.table import stage_text


@dataclass(frozen=True)
class DraftView:
    company: Company | None  # the company acted for; None before login: every company
    all_companies: bool = False
    filed: bool = False  # filed drafts shown too

    def shows(self, row: DraftRow) -> bool:
        if row.draft is None:  # unreadable: always listed, so it can be dealt with
            return True
        if row.filed and not self.filed:
            return False
        return self.all_companies or self.company is None or listed_for(row.draft, self.company)

    def title(self, rows: Sequence[DraftRow], shown: int, company_key: str, filed_key: str
              ) -> str:
        """"3 of 7 drafts · Delta Software B.V. only (a) · 2 filed hidden (f)"."""
        total = len(rows)
        if not total:
            return t("drafts.title")
        parts = [t("drafts.title_count", count=number(total)) if shown == total
                 else t("drafts.view.count", shown=number(shown), total=number(total))]
        company = self.company
        if company is not None:
            name = company.name or company.kvk
            parts.append(t("drafts.view.all", press=company_key, company=name)
                         if self.all_companies
                         else t("drafts.view.company", press=company_key, company=name))
        text = " · ".join(parts)
        with_filed = replace(self, filed=True)
        hidden = sum(1 for row in rows if row.filed and with_filed.shows(row))
        if self.filed and hidden:
            text += " · " + t("drafts.view.filed_shown", press=filed_key)
        elif hidden:
            text += " · " + t("drafts.view.filed_hidden", press=filed_key, n=number(hidden))
        return text


def error_text(error: DraftError | None, *, markup: bool = True) -> str:
    if error is None:
        return ""
    shown = escape(error.detail) if markup else error.detail
    detail = f" ({shown})" if error.detail else ""
    return f"{error.code.value}{detail}\n{error.guidance('nl' if language() == 'nl' else 'en')}"


def detail_text(row: DraftRow) -> str:
    """The panel under the list: what the draft is, what it lacks, how far filing got."""
    if row.draft is None:
        return t("drafts.detail.unreadable") + "\n" + error_text(row.error)
    lang = language()
    title = row.title.get(lang) if row.title is not None else row.draft.form_id
    lines = [f"[b]{escape(title)}[/b]" + (f" · {escape(row.employee)}" if row.employee else "")]
    if not row.known_form:
        lines.append(t("drafts.detail.unknown_form", form=row.draft.form_id))
    elif row.missing:
        names = ", ".join(label.get(lang) for label in row.missing)
        lines.append(t("drafts.detail.missing", count=len(row.missing), names=names))
    else:
        lines.append(t("drafts.detail.no_missing"))
    if row.reattach:
        names = ", ".join(label.get(lang) for label in row.reattach)
        lines.append(t("drafts.detail.reattach", names=names))
    if row.stage is not None:
        lines.append(t("drafts.detail.stage", stage=stage_text(row.stage)))
    receipt = getattr(row.draft, "receipt", None)
    if receipt is not None:
        lines.append(t("drafts.detail.receipt", zaaknummer=receipt.zaaknummer,
                       deadline=day(receipt.decision_deadline)))
    elif row.stage == "started":
        lines.append(t("drafts.detail.started"))
    if row.filed:
        lines.append(t("drafts.detail.filed"))
    company = draft_company(row.draft)
    who = t("drafts.detail.kvk", company=escape(company.label())) if company else ""
    lines.append(t("drafts.detail.created", when=local(row.draft.created_at)) + who)
    return "\n".join(lines)
