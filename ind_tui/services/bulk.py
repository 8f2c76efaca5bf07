"""Bulk extensions: one prefilled extension draft per employee whose permit is in its
extension window, shown together with what still blocks each, then the complete ones filed
one after another, each exactly once. No Textual here.

Each draft is made the one way a draft is made for an employee (`services/prefill.py`, bound
to the company acted for) and filed the one way a draft is filed (`services/filing.py`: the
keys are kept in the draft before anything is sent). So a batch cut short by a crash or a
lost connection is resumed by running it again on the same drafts: a filed draft is reported
as filed, one with a kept key asks the portal before it sends, the rest are filed. Starting
the batch again for the same employees takes the drafts already made for them.

    entries = await prepare(client, duties, form_id=..., company=..., profile=..., portal=...)
    plan = await plan_batch(client, [e.path for e in entries if e.path], me=me, portal=portal)
    results = await file_batch(client, plan, PaymentMethod.DIRECT_DEBIT, progress=show)
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from ind_tui.api.applications import ApplicationType
from ind_tui.api.auth import Me
from ind_tui.api.errors import (
    BadRequestError,
    ConflictError,
    DocumentRejectedError,
    ForbiddenError,
    NotFoundError,
    PortalError,
    SessionExpiredError,
)
from ind_tui.api.payments import PaymentMethod
from ind_tui.client.client import PortalClient
from ind_tui.domain.forms.engine import Issue
from ind_tui.domain.forms.rules import extension_opens
from ind_tui.local.drafts.bundle import list_drafts
from ind_tui.local.drafts.errors import DraftError
from ind_tui.local.drafts.model import Draft, FilingStage
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.binding import Company, DraftAction, draft_refusal, is_unbound
from ind_tui.services.duplicates import check_duplicates
from ind_tui.services.duties import Duty
from ind_tui.services.filing import Filing, FilingProgress, filing_stage, problem_of
from ind_tui.services.prefill import prefill_for, types_for


class Outcome(StrEnum):
    READY = "ready"  # plan: will be filed
    FILED = "filed"  # filed in this run
    ALREADY = "already"  # filed before (an earlier run)
    BLOCKED = "blocked"  # incomplete: what blocks it is in `blocking`
    DUPLICATE = "duplicate"  # the same person has a running application: `cases`
    REFUSED = "refused"  # another company's draft, or the portal refused it
    FAILED = "failed"  # a step failed; everything is kept: run the batch again
    STOPPED = "stopped"  # not tried: the batch stopped when the portal could not be reached


@dataclass(frozen=True)
class BulkEntry:
    """One employee of the batch and the draft made (or found) for them."""

    v_number: str
    name: str
    path: Path | None
    reused: bool = False  # a draft made earlier for this employee and this window
    error: DraftError | None = None  # why no draft was made


@dataclass(frozen=True)
class ItemResult:
    path: Path
    name: str
    outcome: Outcome
    zaaknummer: str | None = None
    blocking: tuple[Issue, ...] = ()
    cases: tuple[str, ...] = ()  # possible duplicates
    error: Exception | None = None

    @property
    def code(self) -> str:
        return str(getattr(self.error, "code", "")) if self.error is not None else ""


@dataclass(frozen=True)
class BatchProgress:
    index: int  # 0-based among the drafts being filed
    total: int
    name: str
    step: FilingProgress | None  # None: this draft is finished


BatchCallback = Callable[[BatchProgress], None] | None
# Refusals of one draft: the next one may still go; anything else (the portal unreachable,
# an answer lost) would happen to the next one too, so the batch stops there.
_ONE_DRAFT = (BadRequestError, ConflictError, DocumentRejectedError, ForbiddenError,
              NotFoundError)


def extension_form(types: Sequence[ApplicationType]) -> str | None:
    """The extension this account may file for a registered employee (the first the portal
    lists that is about the employee themselves)."""
    return next((k.id for k in types_for(types, extension_first=True) if k.is_extension), None)


def _for_window(draft: Draft, form_id: str, v_number: str, kvk: str, opened: date) -> bool:
    """A draft made for this employee's extension in this window: unfiled, or filed since
    the window opened."""
    if draft.form_id != form_id or draft.kvk != kvk or draft.answers.get("v_number") != v_number:
        return False
    receipt = draft.receipt
    return filing_stage(draft) is not FilingStage.DONE or (
        receipt is not None and receipt.receipt_date >= opened)


def existing_draft(form_id: str, duty: Duty, kvk: str, folder: Path | None = None
                   ) -> Path | None:
    """The newest draft already made for this employee's extension in this window."""
    if duty.v_number is None:
        return None
    opened = extension_opens(duty.due)
    try:
        infos = list_drafts(folder)
    except OSError:
        return None
    return next((i.path for i in infos if i.draft is not None
                 and _for_window(i.draft, form_id, duty.v_number, kvk, opened)), None)


async def prepare(client: PortalClient, duties: Sequence[Duty], *, form_id: str,
                  company: Company, profile: str, portal: str | None,
                  folder: Path | None = None) -> list[BulkEntry]:
    """One draft per duty, in order: the one already made for this window, else a new one
    prefilled from the register and the employee's latest case, bound to `company`."""
    entries: list[BulkEntry] = []
    for duty in duties:
        v_number, name = duty.v_number or "", duty.employee_name or duty.v_number or ""
        found = await asyncio.to_thread(existing_draft, form_id, duty, company.kvk, folder)
        if found is not None:
            entries.append(BulkEntry(v_number, name, found, reused=True))
            continue
        try:
            filled = await prefill_for(client, form_id, v_number, folder=folder)
            session = await asyncio.to_thread(
                DraftSession.new, form_id, profile=profile, kvk=company.kvk,
                sponsor_name=company.name, portal=portal, answers=dict(filled.answers),
                prefilled=dict(filled.sources), directory=folder)
        except DraftError as exc:
            entries.append(BulkEntry(v_number, name, None, error=exc))
            continue
        entries.append(BulkEntry(v_number, name, session.path))
    return entries


def blocking(session: DraftSession, today: date) -> tuple[Issue, ...]:
    """What stops this draft from being filed: the same verdict `drafts show` gives."""
    return session.evaluation(today, fee=session.draft.fee_eur).blocking


def _name(draft: Draft) -> str:
    name = draft.answers.get("employee_name")
    return name.strip() if isinstance(name, str) else ""


def _fresh(draft: Draft) -> bool:
    return draft.idempotency_key is None and filing_stage(draft) is FilingStage.NOT_SENT


async def judge(client: PortalClient, path: Path, *, me: Me, portal: str | None,
                known: Collection[str] = (), today: date | None = None) -> ItemResult:
    """Whether this draft would be filed now, and if not why: filed already, another
    company's, incomplete, or a possible duplicate (the duplicate guard of every filing).
    A draft whose filing has started is always READY: carrying on cannot file it twice."""
    session = await asyncio.to_thread(DraftSession.open, path)
    draft = session.draft
    name = _name(draft)
    receipt = draft.receipt
    if filing_stage(draft) is FilingStage.DONE and receipt is not None:
        return ItemResult(path, name, Outcome.ALREADY, receipt.zaaknummer)
    refusal = draft_refusal(draft, me, portal, DraftAction.FILE)
    if refusal is not None or is_unbound(draft):
        return ItemResult(path, name, Outcome.REFUSED, error=refusal)
    if not _fresh(draft):
        return ItemResult(path, name, Outcome.READY)
    issues = blocking(session, today or client.clock.today())
    if issues:
        return ItemResult(path, name, Outcome.BLOCKED, blocking=issues)
    check = await check_duplicates(client, draft, known=known, folders=[path.parent])
    if check.found:
        return ItemResult(path, name, Outcome.DUPLICATE, cases=check.case_numbers)
    return ItemResult(path, name, Outcome.READY)


async def plan_batch(client: PortalClient, paths: Sequence[Path], *, me: Me,
                     portal: str | None, known: Collection[str] = ()) -> list[ItemResult]:
    """`judge` for each draft, in order: what one confirmation would file."""
    if not client.clock.known:
        await client.portal_info()  # the answers are judged on the portal's day
    return [await judge(client, p, me=me, portal=portal, known=known) for p in paths]


async def file_batch(client: PortalClient, plan: Sequence[ItemResult], method: PaymentMethod,
                     *, me: Me, portal: str | None, known: Collection[str] = (),
                     progress: BatchCallback = None,
                     on_filed: Callable[[DraftSession], None] | None = None
                     ) -> list[ItemResult]:
    """File the READY drafts of `plan`, one after another, each exactly once; the others
    are reported as planned. Each is judged again just before (a draft may have changed, or
    another filing may have started meanwhile). `on_filed` is told of each filed draft."""
    going = [item for item in plan if item.outcome is Outcome.READY]
    results: dict[Path, ItemResult] = {item.path: item for item in plan}
    stopped = False
    for index, item in enumerate(going):
        if stopped:
            results[item.path] = ItemResult(item.path, item.name, Outcome.STOPPED)
            continue
        now = await judge(client, item.path, me=me, portal=portal, known=known)
        if now.outcome is not Outcome.READY:
            results[item.path] = now
            continue
        session = await asyncio.to_thread(DraftSession.open, item.path)
        filing = Filing(client, session)

        def step(event: FilingProgress, index: int = index, name: str = now.name) -> None:
            if progress is not None:
                progress(BatchProgress(index, len(going), name, event))

        try:
            if not _fresh(session.draft):
                await filing.reconcile()  # a kept key: ask the portal before sending
            await filing.run(method, step)
        except SessionExpiredError:
            raise  # everything is kept: log in again and run the batch again
        except (PortalError, DraftError) as exc:
            results[item.path] = ItemResult(item.path, now.name, Outcome.FAILED, error=exc)
            stopped = not isinstance(exc, (*_ONE_DRAFT, DraftError)) and (
                problem_of(exc) != "pending")
            continue
        finally:
            if progress is not None:
                progress(BatchProgress(index, len(going), now.name, None))
        receipt = session.draft.receipt
        results[item.path] = ItemResult(item.path, now.name, Outcome.FILED,
                                        receipt.zaaknummer if receipt else None)
        if on_filed is not None:
            on_filed(session)
    return [results[item.path] for item in plan]
