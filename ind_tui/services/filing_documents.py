"""The documents of a filing: which go to the portal, and uploading those it lacks, each
document's portal id saved as soon as it arrives. Also the progress reports of all steps,
and which explanation a failed step gets."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from ind_tui.api.errors import (
    BadResponseError,
    DocumentRejectedError,
    PortalError,
    RateLimitedError,
    ReceiptPendingError,
    ServiceUnavailableError,
)
from ind_tui.api.wire import ErrorCode
from ind_tui.client.applications import UPLOAD_CHUNK, Chunks
from ind_tui.client.client import PortalClient
from ind_tui.client.once import Delivery, delivery
from ind_tui.domain.forms.engine import Evaluation
from ind_tui.local.drafts.errors import Code, DraftError
from ind_tui.local.drafts.model import DocumentRef, Draft
from ind_tui.local.drafts.session import DraftSession

Step = Literal["upload", "submit", "pay", "receipt"]
# How a failed step is explained: the draft itself; paid, receipt to follow; surely not sent
# (send again); the portal declined for now (later, the same again); may have arrived.
Problem = Literal["draft", "pending", "not_sent", "unavailable", "unknown"]
UPLOAD_ATTEMPTS = 3


@dataclass(frozen=True)
class FilingProgress:
    step: Step
    done: int  # bytes sent for "upload" (per document), else 0 or 1
    total: int
    label: str = ""  # the document's display name for "upload"


Progress = Callable[[FilingProgress], None] | None


def emit(progress: Progress, step: Step, done: int, total: int = 1, label: str = "") -> None:
    if progress is not None:
        progress(FilingProgress(step, done, total, label))


def problem_of(error: Exception) -> Problem:
    """Which explanation a failed filing step gets; whether it may have arrived is
    `delivery`'s rule, the same one the client follows."""
    if isinstance(error, DraftError):
        return "draft"
    if isinstance(error, ReceiptPendingError):
        return "pending"
    if delivery(error) is not Delivery.NOT_SENT:
        return "unknown"
    if isinstance(error, RateLimitedError | ServiceUnavailableError):
        return "unavailable"  # refused before anything was done: later, the same again
    return "not_sent"


def sendable_slots(draft: Draft, ev: Evaluation) -> list[str]:
    """The slots whose documents go to the portal: attached, applying, uploadable."""
    return [s.slot.id for s in ev.documents
            if s.present and s.slot.uploadable and s.slot.id in draft.documents]


async def upload_missing(client: PortalClient, session: DraftSession, slots: Iterable[str],
                         progress: Progress) -> None:
    """Upload the documents of `slots` the portal does not have yet (one upload per
    distinct document); after a cancel or a failure a retry sends only the rest."""
    draft = session.draft
    sent: set[str] = set()
    for slot in slots:
        ref = draft.documents.get(slot)
        if ref is None:
            raise ValueError(f"no document attached in slot {slot!r}")
        if ref.sha256 in sent:
            continue
        sent.add(ref.sha256)
        if ref.sha256 in draft.uploads:
            emit(progress, "upload", ref.size, ref.size, ref.name)
            continue
        await _upload(client, session, slot, ref, progress)


async def _upload(client: PortalClient, session: DraftSession, slot: str, ref: DocumentRef,
                  progress: Progress) -> None:
    store = session.store
    if slot in session.missing or not store.has(ref.sha256, ref.size):
        raise DraftError(Code.DOCUMENT_MISSING, slot)
    if not await asyncio.to_thread(store.verify, ref.sha256):
        raise DraftError(Code.STORE_BLOB_CORRUPT, slot)

    def report(done: int, total: int) -> None:
        emit(progress, "upload", done, total, ref.name)

    report(0, ref.size)
    for attempt in range(1, UPLOAD_ATTEMPTS + 1):
        try:
            doc = await client.upload_document(_chunks(session, ref), ref.name, size=ref.size,
                                               progress=report)
            break
        except DocumentRejectedError as exc:
            exc.details.setdefault("slot", slot)
            raise
        except PortalError as exc:
            # An upload whose answer got lost is sent again: the first copy, if it arrived,
            # stays unused on the portal, which is harmless.
            if attempt == UPLOAD_ATTEMPTS or delivery(exc) is not Delivery.UNKNOWN:
                raise
    if doc.sha256 != ref.sha256 or doc.size != ref.size:
        raise BadResponseError("the portal stored other bytes than were sent",
                               details={"slot": slot, "id": doc.id})
    session.draft.uploads[ref.sha256] = doc.id
    session.save()


def _chunks(session: DraftSession, ref: DocumentRef) -> Chunks:
    path = session.store.path_for(ref.sha256)

    async def chunks() -> AsyncIterator[bytes]:
        # Read off the event loop: the screen stays live, and a cancel lands between
        # chunks even when nothing else in the exchange waits (an in-process portal).
        with open(path, "rb") as f:
            while block := await asyncio.to_thread(f.read, UPLOAD_CHUNK):
                yield block

    return chunks


def forget_refused_upload(draft: Draft, exc: PortalError) -> bool:
    """A document id the portal no longer takes (another application used it): forget it,
    so that document is uploaded again. True when one was forgotten."""
    if exc.code != ErrorCode.DOCUMENT_NOT_ALLOWED:
        return False
    stale = [sha for sha, doc_id in draft.uploads.items() if doc_id == exc.details.get("id")]
    for sha in stale:
        del draft.uploads[sha]
    return bool(stale)
