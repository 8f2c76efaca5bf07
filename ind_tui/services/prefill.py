"""A new application for a registered employee starts with what is already known.

From the employee register: name, date of birth, nationality, V-number and the permit's end
date (for an extension). From that employee's latest case: the answers of the application
it was filed from on this computer (the portal keeps no answers), for every question the new
form asks too, when still valid. Each prefilled answer is marked with where it came from
(`Draft.prefilled`: "register" or "case:<zaaknummer>"), so a screen can show it and a
change by the user clears the mark. No Textual here.

    found = await prefill_for(client, "hsm_extension", "6332068037")
    DraftSession.new("hsm_extension", ..., answers=found.answers, prefilled=found.sources)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ind_tui.api.applications import ApplicationType
from ind_tui.api.cases import CaseSummary
from ind_tui.api.employees import Employee, EmployeeStatus
from ind_tui.api.errors import ForbiddenError
from ind_tui.client.client import PortalClient
from ind_tui.domain.forms.fields import check_value
from ind_tui.domain.forms.figures import FeeGroup
from ind_tui.domain.forms.rules import TYPES_BY_ID, extension_opens
from ind_tui.domain.forms.schema import load_form
from ind_tui.local.drafts.bundle import list_drafts
from ind_tui.local.drafts.errors import Code, DraftError
from ind_tui.local.drafts.model import DocumentRef, Draft
from ind_tui.local.drafts.store import DocumentStore
from ind_tui.services.pending import receipt_of

REGISTER = "register"


class EmployeeNotRegistered(DraftError):
    """No employee with this V-number in the sponsor's register."""

    def __init__(self, v_number: str) -> None:
        super().__init__(Code.PREFILL_NOT_REGISTERED, v_number)


@dataclass(frozen=True)
class Prefill:
    answers: dict[str, Any]
    sources: dict[str, str]  # field id -> REGISTER or "case:<zaaknummer>"
    employee: Employee
    case: CaseSummary | None  # the employee's latest case at the portal
    from_draft: Path | None = None  # the filed draft whose answers were used
    skipped: tuple[str, ...] = field(default=())  # earlier answers no longer valid


def _register_values(employee: Employee) -> dict[str, Any]:
    """By wire target: what the register says of the person."""
    return {
        "employee.name": employee.name,
        "employee.date_of_birth": employee.date_of_birth.isoformat(),
        "employee.nationality": employee.nationality,
        "employee.v_number": employee.v_number,
        "permit_expiry": employee.permit_end.isoformat() if employee.permit_end else None,
    }


def fits_employee(type_id: str) -> bool:
    """Whether a form is about the registered employee themselves: it asks for the person by
    V-number, and it is not a family members' form (whose person is the partner or child)."""
    rule = TYPES_BY_ID.get(type_id)
    if rule is None or rule.fee_group is FeeGroup.FAMILY:
        return False
    try:
        form = load_form(type_id)
    except KeyError:
        return False
    return any(f.wire == "employee.v_number" for f in form.fields)


def in_extension_window(employee: Employee, today: date) -> bool:
    """The permit may be extended today: from three months before it ends until it does."""
    end = employee.permit_end
    return end is not None and extension_opens(end) <= today <= end


def types_for(types: Sequence[ApplicationType], *, extension_first: bool
              ) -> list[ApplicationType]:
    """The types (as the portal lists them) that can start for a registered employee; the
    extensions first when the permit is in its extension window."""
    fitting = [k for k in types if fits_employee(k.id)]
    if extension_first:
        fitting.sort(key=lambda k: not k.is_extension)  # stable: the portal's order after
    return fitting


async def find_employee(client: PortalClient, v_number: str) -> Employee:
    """The register's entry for a V-number (a registered one before a deregistered one)."""
    matches = [e for e in await client.employees() if e.v_number == v_number]
    if not matches:
        raise EmployeeNotRegistered(v_number)
    matches.sort(key=lambda e: (e.status is not EmployeeStatus.REGISTERED,
                                -e.start_date.toordinal()))
    return matches[0]


async def latest_case(client: PortalClient, v_number: str) -> CaseSummary | None:
    cases = [c for c in await client.cases() if c.v_number == v_number]
    return max(cases, key=lambda c: c.submitted_at, default=None)


def _filed_draft(v_number: str, case: CaseSummary | None, folder: Path | None
                 ) -> tuple[Path, Draft, str] | None:
    """The draft this computer filed the case from; else its latest filed draft for this
    person. With the case number its answers are known under."""
    try:
        infos = list_drafts(folder)
    except OSError:
        return None
    filed: list[tuple[Path, Draft, str]] = []
    for info in infos:
        draft = info.draft
        receipt = receipt_of(draft) if draft is not None else None
        if draft is None or receipt is None or draft.answers.get("v_number") != v_number:
            continue
        if case is not None and receipt.zaaknummer == case.zaaknummer:
            return info.path, draft, receipt.zaaknummer
        filed.append((info.path, draft, receipt.zaaknummer))
    return max(filed, key=lambda f: f[1].receipt.receipt_date if f[1].receipt else date.min,
               default=None)


async def prefill_for(client: PortalClient, form_id: str, v_number: str, *,
                      folder: Path | None = None, today: date | None = None) -> Prefill:
    """Answers for a new `form_id` application for the registered employee `v_number`.
    Raises EmployeeNotRegistered; a portal that lists no cases to this account only
    leaves the case part out."""
    form = load_form(form_id)
    day = today or client.clock.today()
    employee = await find_employee(client, v_number)
    try:
        case = await latest_case(client, v_number)
    except ForbiddenError:
        case = None
    answers: dict[str, Any] = {}
    sources: dict[str, str] = {}
    skipped: list[str] = []
    earlier = _filed_draft(v_number, case, folder)
    if earlier is not None:
        _, draft, zaak = earlier
        for f in form.fields:
            value = draft.answers.get(f.id)
            if f.wire is not None or value in (None, ""):
                continue
            if check_value(f, value, day)[1] is not None:
                skipped.append(f.id)  # e.g. a contract date that lies in the past now
                continue
            answers[f.id], sources[f.id] = value, f"case:{zaak}"
    known = _register_values(employee)
    for f in form.fields:
        value = known.get(f.wire or "")
        if value is not None:
            answers[f.id], sources[f.id] = value, REGISTER
    return Prefill(answers, sources, employee, case,
                   earlier[0] if earlier is not None else None, tuple(skipped))



@dataclass(frozen=True)
class EarlierDocument:
    ref: DocumentRef
    zaaknummer: str  # the application it went with


def earlier_documents(v_number: str, store: DocumentStore, folder: Path | None = None
                      ) -> dict[str, EarlierDocument]:
    """By slot: the document this person's latest application filed from this computer had
    there, while the store still holds it (content-addressed: the same file, checked then).
    The documents page offers it, so a passport copy at hand is one key, not a path."""
    try:
        infos = list_drafts(folder)
    except OSError:
        return {}
    filed: list[tuple[date, str, Draft]] = []
    for info in infos:
        draft = info.draft
        receipt = receipt_of(draft) if draft is not None else None
        if draft is None or receipt is None or draft.answers.get("v_number") != v_number:
            continue
        day = draft.receipt.receipt_date if draft.receipt is not None else date.min
        filed.append((day, receipt.zaaknummer, draft))
    out: dict[str, EarlierDocument] = {}
    for _, zaak, draft in sorted(filed, key=lambda f: (f[0], f[1]), reverse=True):
        for slot, ref in draft.documents.items():
            if slot not in out and store.has(ref.sha256, ref.size):
                out[slot] = EarlierDocument(ref, zaak)
    return out
