"""The documents of a filing: which go to the portal, and uploading those it lacks, each
document's portal id saved as soon as it arrives. Also the progress reports of all steps."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from ind_tui.api.errors import (
    BadResponseError,
    DocumentRejectedError,
    PortalError,
    ServerError,
    TransportError,
)
from ind_tui.api.wire import ErrorCode
from ind_tui.client.client import UPLOAD_CHUNK, Chunks, PortalClient
from ind_tui.domain.forms.engine import Evaluation
from ind_tui.local.drafts.errors import Code, DraftError
from ind_tui.local.drafts.model import DocumentRef, Draft
from ind_tui.local.drafts.session import DraftSession

Step = Literal["upload", "submit", "pay", "receipt"]
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


def answer_lost(exc: PortalError) -> bool:
    """Did the request (maybe) arrive without an answer coming back?"""
    return (isinstance(exc, TransportError) and exc.sent) or isinstance(exc, ServerError)


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
            if attempt == UPLOAD_ATTEMPTS or not answer_lost(exc):
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
