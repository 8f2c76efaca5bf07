"""The form engine: for any partial set of answers, what applies, what is missing or wrong and
why, how far along the form is, and what it costs. The wizard and the sandbox both use it, so
the client never sends what the portal would refuse and the portal refuses what it should.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ind_tui.domain.forms.checks import RULES
from ind_tui.domain.forms.fields import check_value, is_empty
from ind_tui.domain.forms.figures import fee_figure
from ind_tui.domain.forms.rules import TYPES_BY_ID
from ind_tui.domain.forms.schema import Condition, DocumentSlot, Field, FormDef, Page, load_form
from ind_tui.domain.forms.texts import Text, message

if TYPE_CHECKING:
    from ind_tui.api.applications import ApplicationType


@dataclass(frozen=True)
class Issue:
    """Something wrong with one field or document slot. `loc` is where it sits in an
    ApplicationRequest body, e.g. ("answers", "salary") or ("employee", "date_of_birth")."""

    target: str
    loc: tuple[str, ...]
    code: str
    text: Text
    blocking: bool = True


@dataclass(frozen=True)
class FieldState:
    field: Field
    value: Any  # the normalised value, None when unanswered or invalid
    answered: bool
    issues: tuple[Issue, ...]


@dataclass(frozen=True)
class PageState:
    page: Page
    fields: tuple[FieldState, ...]

    @property
    def complete(self) -> bool:
        return not any(i.blocking for f in self.fields for i in f.issues)


@dataclass(frozen=True)
class SlotState:
    slot: DocumentSlot
    required: bool
    present: bool


@dataclass(frozen=True)
class FeeQuote:
    amount: int | None  # None: not known (the portal states it before paying)
    year: int
    provisional: bool  # not published for that year: an estimate, shown as one
    source: str = ""


@dataclass(frozen=True)
class Evaluation:
    form: FormDef
    today: date
    pages: tuple[PageState, ...]  # only the pages that apply, each with the fields that apply
    documents: tuple[SlotState, ...]  # only the slots that apply (photo card included)
    issues: tuple[Issue, ...]  # every finding, blocking or not, in form order
    notices: tuple[Text, ...]  # reminders that apply (legalisation, photo card, deadlines)
    values: Mapping[str, Any]  # normalised values of the fields that apply and are valid
    fee: FeeQuote

    @property
    def ok(self) -> bool:
        """True when the portal would accept this submission."""
        return not any(i.blocking for i in self.issues)

    @property
    def blocking(self) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.blocking)

    @property
    def missing(self) -> tuple[str, ...]:
        """Fields and document slots that are required but not given."""
        return tuple(i.target for i in self.issues if i.code in {"required", "document_required"})

    @property
    def required_count(self) -> int:
        fields = sum(1 for p in self.pages for f in p.fields if f.field.required)
        return fields + sum(1 for d in self.documents if d.required)

    @property
    def done_count(self) -> int:
        fields = sum(1 for p in self.pages for f in p.fields
                     if f.field.required and f.answered
                     and not any(i.blocking for i in f.issues))
        return fields + sum(1 for d in self.documents if d.required and d.present)

    @property
    def progress(self) -> float:
        required = self.required_count
        return 1.0 if required == 0 else self.done_count / required

    def issues_for(self, target: str) -> tuple[Issue, ...]:
        return tuple(i for i in self.issues if i.target == target)

    def applies(self, field_id: str) -> bool:
        return any(f.field.id == field_id for p in self.pages for f in p.fields)


def holds(cond: Condition | None, values: Mapping[str, Any]) -> bool:
    """A condition over earlier answers. A field that does not apply, or whose answer is
    invalid, counts as unanswered, so what depends on it stays hidden."""
    if cond is None:
        return True
    if "all" in cond:
        return all(holds(c, values) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, values) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], values)
    value = values.get(cond["field"])
    if "equals" in cond:
        return value is not None and value == cond["equals"]
    if "not_equals" in cond:
        return value is not None and value != cond["not_equals"]
    if "in" in cond:
        return value is not None and value in cond["in"]
    if "answered" in cond:
        return (value is not None) == bool(cond["answered"])
    raise ValueError(f"unknown condition {dict(cond)!r}")


def loc_of(field: Field) -> tuple[str, ...]:
    if field.wire is None:
        return ("answers", field.id)
    return tuple(field.wire.split("."))


def listed_quote(types: Iterable[ApplicationType], form_id: str) -> FeeQuote | None:
    """The fee the portal lists for `form_id` among its application types, provisional flag
    and source included (None: not listed)."""
    for kind in types:
        if kind.id == form_id:
            return FeeQuote(kind.fee_eur, kind.fee_year, kind.fee_provisional, kind.fee_source)
    return None


def fee_for(form_id: str, year: int,
            published: int | FeeQuote | Mapping[str, int] | None = None) -> FeeQuote:
    """The fee for `form_id` in `year`: the portal's when given (its quote, a bare figure it
    charges, or a table by type id), else the figures table's, provisional where nothing is
    published for that year."""
    if isinstance(published, FeeQuote):
        return published
    if isinstance(published, Mapping):
        published = published.get(form_id)
    if published is not None:
        return FeeQuote(int(published), year, False)
    figure = fee_figure(TYPES_BY_ID[form_id].fee_group, year)
    return FeeQuote(figure.amount, year, figure.provisional, figure.source)


def evaluate(form: FormDef | str, answers: Mapping[str, Any], *, today: date,
             documents: Iterable[str] = (),
             fee: int | FeeQuote | Mapping[str, int] | None = None) -> Evaluation:
    """Judge a (partial) set of answers on `today`, the submission date."""
    if isinstance(form, str):
        form = load_form(form)
    values: dict[str, Any] = {}
    issues: dict[str, list[Issue]] = {}
    pages: list[tuple[Page, list[tuple[Field, bool]]]] = []
    for page in form.pages:
        if not holds(page.when, values):
            continue
        shown: list[tuple[Field, bool]] = []
        for field in page.fields:
            if not holds(field.when, values):
                continue
            raw = answers.get(field.id)
            answered = not is_empty(raw)
            shown.append((field, answered))
            found: list[Issue] = issues.setdefault(field.id, [])
            if not answered:
                if field.required:
                    found.append(Issue(field.id, loc_of(field), "required", message("required")))
                continue
            value, problem = check_value(field, raw, today)
            if problem is not None:
                found.append(Issue(field.id, loc_of(field), problem.code,
                                   message(problem.code, **problem.params)))
            else:
                values[field.id] = value
        pages.append((page, shown))
    by_id = {f.id: f for f in form.fields}
    for rule in form.rules:
        if rule.field not in values or not holds(rule.when, values):
            continue
        for finding in RULES[rule.name](rule.field, values, rule.params, today):
            target = by_id[finding.field]
            issues.setdefault(finding.field, []).append(Issue(
                finding.field, loc_of(target), finding.code,
                message(finding.code, **finding.params), finding.blocking))
    slots, doc_issues = _documents(form, values, set(documents))
    page_states = tuple(
        PageState(page, tuple(FieldState(f, values.get(f.id), answered,
                                         tuple(issues.get(f.id, ()))) for f, answered in shown))
        for page, shown in pages
    )
    ordered = [i for f in form.fields for i in issues.get(f.id, ())] + doc_issues
    notices = tuple(n.text for n in form.notices if holds(n.when, values))
    return Evaluation(form, today, page_states, slots, tuple(ordered), notices, values,
                      fee_for(form.id, today.year, fee))


def _documents(form: FormDef, values: Mapping[str, Any], present: set[str]
               ) -> tuple[tuple[SlotState, ...], list[Issue]]:
    slots: list[SlotState] = []
    issues: list[Issue] = []
    named = set()
    for slot in form.documents:
        if not holds(slot.when, values):
            continue
        named.add(slot.id)
        required = slot.required and slot.uploadable
        slots.append(SlotState(slot, required, slot.id in present))
        if not slot.uploadable and slot.id in present:
            issues.append(Issue(slot.id, ("documents", slot.id), "document_not_uploadable",
                                message("document_not_uploadable")))
        elif required and slot.id not in present:
            issues.append(Issue(slot.id, ("documents", slot.id), "document_required",
                                message("document_required")))
    for slot_id in sorted(present - named):
        # A warning, not a stop: it is simply not sent (filing sends the slots that apply).
        issues.append(Issue(slot_id, ("documents", slot_id), "document_unknown",
                            message("document_unknown"), blocking=False))
    return tuple(slots), issues
