"""Attaching documents to a draft, and collecting documents no draft refers to any more."""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ind_tui.local.drafts.bundle import read_bundle
from ind_tui.local.drafts.errors import Code
from ind_tui.local.drafts.model import SLOT_RE, DocumentRef, Draft, utcnow
from ind_tui.local.drafts.pdfcheck import (
    DEFAULT_MAX_DOCUMENT_BYTES,
    DEFAULT_TIMEOUT_SECONDS,
    PdfCheck,
    check_pdf,
)
from ind_tui.local.drafts.store import DocumentStore

# A blob younger than this may belong to a draft that is being saved right now (blobs are
# written before the bundle that refers to them), so collection leaves it alone.
DEFAULT_GRACE_SECONDS = 3600.0


def display_name(name: str) -> str:
    """The original file name, made safe to show: no control characters, bounded length."""
    cleaned = "".join("?" if unicodedata.category(ch).startswith("C") else ch for ch in name)
    return cleaned.strip()[:255] or "document.pdf"


def attach_document(
    draft: Draft,
    slot: str,
    source: Path,
    *,
    store: DocumentStore | None = None,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> tuple[DocumentRef, PdfCheck]:
    """Check a file and keep it in the store, then point `slot` at it (save the draft after).

    The file is copied first and the copy is checked, so the stored bytes are the checked
    bytes even if the original changes meanwhile. Raises `DocumentRefused` with the reason
    code; the returned check carries any warnings.
    """
    if not SLOT_RE.match(slot):
        raise ValueError(f"invalid slot id {slot!r}")
    store = store or DocumentStore()
    staged = store.stage_file(source, max_bytes=max_bytes)
    try:
        check = check_pdf(staged.path, max_bytes=max_bytes, timeout=timeout)
        check.raise_if_refused()
        store.commit(staged)
    finally:
        store.discard(staged)  # no-op once committed
    ref = DocumentRef(
        sha256=staged.sha256,
        name=display_name(source.name),
        size=staged.size,
        pages=check.pages,
        checked_at=utcnow(),
    )
    draft.documents[slot] = ref
    return ref, check


def check_document(
    source: Path,
    *,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
) -> PdfCheck:
    """Check a file without storing it (the `documents check` command)."""
    try:
        return check_pdf(source, max_bytes=max_bytes, timeout=timeout)
    except IsADirectoryError:
        return PdfCheck.refused(Code.DOCUMENT_NOT_PDF, 0, "a directory")


def collect_orphans(
    drafts: Iterable[Draft | Path],
    store: DocumentStore | None = None,
    *,
    grace_seconds: float = DEFAULT_GRACE_SECONDS,
) -> list[str]:
    """Remove stored documents that none of `drafts` refers to; return their hashes.

    Pass every draft that should keep its documents (usually all files in the drafts dir).
    If one of the given paths cannot be read, nothing is removed and its error is raised:
    an unreadable draft (say, from a newer ind-tui) may still need its documents.
    """
    store = store or DocumentStore()
    keep: set[str] = set()
    for item in drafts:
        draft = item if isinstance(item, Draft) else read_bundle(item)
        keep.update(ref.sha256 for ref in draft.documents.values())
    cutoff = time.time() - grace_seconds
    removed: list[str] = []
    for sha in store.hashes():
        if sha in keep:
            continue
        try:
            if os.stat(store.path_for(sha)).st_mtime > cutoff:
                continue
        except FileNotFoundError:
            continue
        store.remove(sha)
        removed.append(sha)
    store.remove_stale_temp(grace_seconds)
    return removed
