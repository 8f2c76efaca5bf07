"""Applications this computer filed that the portal does not list yet.

The portal lists a new case only after its next daily refresh, and a family application in
manual processing some working days later. Until then the only trace is the receipt kept
with the draft it was filed from. Each draft that holds a receipt whose zaaknummer the cache
does not know becomes a row "submitted, not yet registered", for the company and portal it
was filed for only. No Textual here.

The receipt is also kept in the local cache when filing ends (`keep_pending`, a snapshot in
the login's scope, which names portal and company), so the case is found by its number even
when its draft is elsewhere (a script's folder), renamed or deleted: `pending_for` looks there
first.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ind_tui.domain.cases import NOT_REGISTERED, CaseRow, case_rows
from ind_tui.domain.clock import AMSTERDAM
from ind_tui.local.scope import same_portal_setting

if TYPE_CHECKING:
    from ind_tui.local.cache import LocalCache
    from ind_tui.local.drafts.model import Draft, FilingReceipt

KEPT_KIND = "pending_receipts"  # the cache snapshot holding them
KEPT_MAX = 500  # the newest kept; a case is listed by the portal long before that many


@dataclass(frozen=True)
class PendingCase:
    zaaknummer: str
    employee_name: str
    v_number: str | None
    type_id: str
    received_at: datetime  # when the receipt came (aware)
    receipt_date: date
    decision_deadline: date
    draft_path: Path | None = None


def receipt_of(draft: Draft) -> FilingReceipt | None:
    """The receipt of a draft whose filing is done; None for any other draft (not sent, or
    submitted and not yet paid: no case number is known for those)."""
    from ind_tui.local.drafts.model import FilingStage
    from ind_tui.services.filing import filing_stage

    if filing_stage(draft) is not FilingStage.DONE:
        return None
    return draft.receipt


def pending_case(draft: Draft, path: Path | None = None) -> PendingCase | None:
    receipt = receipt_of(draft)
    if receipt is None:
        return None
    name = draft.answers.get("employee_name")
    v_number = draft.answers.get("v_number")
    # When it was filed: the payment's moment, else noon of the receipt day (Amsterdam).
    at = receipt.paid_at or datetime.combine(receipt.receipt_date, time(12), AMSTERDAM)
    return PendingCase(
        zaaknummer=receipt.zaaknummer, employee_name=name.strip() if isinstance(name, str) else "",
        v_number=v_number if isinstance(v_number, str) and v_number else None,
        type_id=draft.form_id, received_at=at.astimezone(UTC),
        receipt_date=receipt.receipt_date, decision_deadline=receipt.decision_deadline,
        draft_path=path,
    )  # fmt: skip


def pending_cases(drafts: Iterable[tuple[Path | None, Draft]], known: Container[str]
                  ) -> list[PendingCase]:  # fmt: skip
    """Filed drafts whose zaaknummer is not among `known` (the cached cases), newest first;
    each zaaknummer once (a copy of a filed draft carries the same receipt)."""
    found: dict[str, PendingCase] = {}
    for path, draft in drafts:
        case = pending_case(draft, path)
        if case is None or case.zaaknummer in known:
            continue
        kept = found.get(case.zaaknummer)
        if kept is None or case.received_at > kept.received_at:
            found[case.zaaknummer] = case
    return sorted(found.values(), key=lambda c: c.received_at, reverse=True)


@dataclass(frozen=True)
class Login:
    """Whose receipts: the profile's portal setting and the KvK of the company acted for."""

    portal: str
    kvk: str

    def owns(self, draft: Draft) -> bool:
        """Filed for this company, on this portal when the draft names one (drafts from
        before the portal was recorded do not). A draft without a company is shown nowhere
        rather than under the wrong one."""
        if draft.kvk != self.kvk:
            return False
        return draft.portal is None or same_portal_setting(draft.portal, self.portal)


def pending_in_folder(known: Container[str], login: Login, folder: Path | None = None,
                      kept: Iterable[PendingCase] = ()) -> list[PendingCase]:
    """The same for every readable draft of this login in the drafts folder (unreadable ones
    are skipped: the drafts screen reports them), and for the receipts `kept` at filing time
    (kept in the login's scope, so already its own)."""
    from ind_tui.local.drafts.bundle import list_drafts

    try:
        infos = list_drafts(folder)
    except OSError:  # no drafts folder yet
        infos = []
    found = pending_cases(((i.path, i.draft) for i in infos
                           if i.draft is not None and login.owns(i.draft)), known)
    listed = {case.zaaknummer for case in found}
    found += [case for case in kept
              if case.zaaknummer not in known and case.zaaknummer not in listed]
    return sorted(found, key=lambda c: c.received_at, reverse=True)


class _Kept(BaseModel):
    zaaknummer: str
    employee_name: str
    v_number: str | None
    type_id: str
    received_at: datetime
    receipt_date: date
    decision_deadline: date
    draft_path: str | None = None


class _KeptReceipts(BaseModel):
    items: list[_Kept] = []


def keep_pending(cache: LocalCache, scope: str, draft: Draft, path: Path | None,
                 at: datetime) -> bool:
    """Keep the receipt of a filed draft in the login's cache; False for a draft with no
    receipt yet."""
    case = pending_case(draft, path)
    if case is None:
        return False
    found = cache.snapshot(scope, KEPT_KIND, _KeptReceipts)
    items = [k for k in (found.value.items if found else []) if k.zaaknummer != case.zaaknummer]
    items.append(_Kept(zaaknummer=case.zaaknummer, employee_name=case.employee_name,
                       v_number=case.v_number, type_id=case.type_id,
                       received_at=case.received_at, receipt_date=case.receipt_date,
                       decision_deadline=case.decision_deadline,
                       draft_path=str(path) if path is not None else None))
    cache.save_snapshot(scope, KEPT_KIND, _KeptReceipts(items=items[-KEPT_MAX:]), at)
    return True


def kept_pending(cache: LocalCache, scope: str) -> list[PendingCase]:
    """The receipts kept in the login's cache at filing time, newest first."""
    found = cache.snapshot(scope, KEPT_KIND, _KeptReceipts)
    items = found.value.items if found else []
    cases = [PendingCase(k.zaaknummer, k.employee_name, k.v_number, k.type_id, k.received_at,
                         k.receipt_date, k.decision_deadline,
                         Path(k.draft_path) if k.draft_path else None) for k in items]
    return sorted(cases, key=lambda c: c.received_at, reverse=True)


def pending_for(zaaknummer: str, login: Login, folder: Path | None = None,
                kept: Iterable[PendingCase] = ()) -> PendingCase | None:
    """The case filed from this computer under this number: from the receipts kept at
    filing time (`kept_pending`), else from a draft in the drafts folder; None when
    neither knows it."""
    for case in kept:
        if case.zaaknummer == zaaknummer:
            return case
    return next((case for case in pending_in_folder((), login, folder)
                 if case.zaaknummer == zaaknummer), None)


def pending_row(case: PendingCase) -> CaseRow:
    """A list row: status 'submitted', state 'not registered'."""
    at = case.received_at.astimezone(UTC).isoformat()
    raw = (case.zaaknummer, case.employee_name, case.v_number, case.type_id, "submitted",
           None, at, case.decision_deadline.isoformat(), at, None)
    return case_rows([raw], state=NOT_REGISTERED)[0]
