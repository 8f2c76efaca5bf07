"""Reading and saving .tfa bundles (docs/tfa-format.md).

A bundle is small (answers and references, never document bytes), so it is read into
memory whole, with a hard cap, and checked by `SafeZip` before any entry is parsed.
Saving is atomic: a kill at any moment leaves the previous or the new draft.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from ind_tui.base.atomic import atomic_write_bytes, is_temp_name
from ind_tui.local import paths
from ind_tui.local.drafts.errors import BundleRefused, Code, DraftError, DraftSaveError
from ind_tui.local.drafts.model import (
    ANSWERS,
    DOCUMENTS,
    MANIFEST,
    Draft,
    draft_from_parts,
    draft_to_parts,
    parse_json,
    utcnow,
)
from ind_tui.local.drafts.safezip import SafeZip, ZipLimits
from ind_tui.local.drafts.store import DocumentStore

SUFFIX = ".tfa"
MAX_BUNDLE_BYTES = 4 * 1024 * 1024
MAX_MANIFEST_BYTES = 64 * 1024
MAX_ANSWERS_BYTES = 1024 * 1024
MAX_INDEX_BYTES = 256 * 1024
MAX_OTHER_ENTRY_BYTES = 1024 * 1024  # entries a newer minor version may add; ignored
_ENTRY_CAPS = {MANIFEST: MAX_MANIFEST_BYTES, ANSWERS: MAX_ANSWERS_BYTES, DOCUMENTS: MAX_INDEX_BYTES}
_NAME_OK = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_.-")

BUNDLE_LIMITS = ZipLimits(
    max_archive_bytes=MAX_BUNDLE_BYTES,
    max_entries=16,
    max_total_bytes=4 * 1024 * 1024,
    max_ratio=100.0,
)
# Fixed timestamp in entries: the same draft gives the same bytes (and the real times are
# in the manifest).
_EPOCH = (1980, 1, 1, 0, 0, 0)


def _allowed_entry(name: str) -> bool:
    # Flat, lower-case ASCII names; a newer minor version may add entries of this shape.
    return 0 < len(name) <= 64 and name[0] != "." and set(name) <= _NAME_OK


def _entry_cap(name: str) -> int:
    return _ENTRY_CAPS.get(name, MAX_OTHER_ENTRY_BYTES)


def read_bundle_bytes(data: bytes) -> Draft:
    """Parse a bundle; raises `BundleRefused` (never anything else) for any bad input."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRefused(Code.BUNDLE_TOO_LARGE, f"{len(data)} bytes")
    try:
        archive = SafeZip(io.BytesIO(data), len(data), BUNDLE_LIMITS, _allowed_entry, _entry_cap)
        names = set(archive.names())
        for required in (MANIFEST, ANSWERS, DOCUMENTS):
            if required not in names:
                raise BundleRefused(Code.BUNDLE_MISSING_ENTRY, required)
        manifest = parse_json(archive.read(MANIFEST), MANIFEST)
        answers = parse_json(archive.read(ANSWERS), ANSWERS)
        index = parse_json(archive.read(DOCUMENTS), DOCUMENTS)
        return draft_from_parts(manifest, answers, index)
    except DraftError:
        raise
    except Exception as exc:  # a last guard: hostile input must only ever give a typed error
        raise BundleRefused(Code.BUNDLE_UNREADABLE, type(exc).__name__) from None


def read_capped(path: Path, cap: int) -> bytes:
    """Read at most `cap` bytes; a larger file is refused without reading the rest."""
    try:
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size > cap:
                raise BundleRefused(Code.BUNDLE_TOO_LARGE, f"over {cap} bytes")
            data = f.read(cap + 1)  # the file may grow after the stat: cap the read too
    except IsADirectoryError:
        raise BundleRefused(Code.BUNDLE_UNREADABLE, "a directory") from None
    if len(data) > cap:
        raise BundleRefused(Code.BUNDLE_TOO_LARGE, f"over {cap} bytes")
    return data


def read_bundle(path: Path) -> Draft:
    """Read a .tfa file. Raises `BundleRefused`, or `OSError` if it cannot be opened."""
    return read_bundle_bytes(read_capped(path, MAX_BUNDLE_BYTES))


def _compression_for(content: bytes) -> int:
    # Very repetitive answers compress better than the reader's bomb limit allows; store
    # those uncompressed (they are small anyway) so a legitimate draft is never refused.
    if len(content) > BUNDLE_LIMITS.ratio_floor:
        ratio = len(content) / max(len(zlib.compress(content)), 1)
        if ratio > BUNDLE_LIMITS.max_ratio / 2:
            return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def bundle_bytes(draft: Draft) -> bytes:
    """Serialise a draft, and prove it reads back: never write what we would refuse."""
    try:
        parts = draft_to_parts(draft)
    except (TypeError, ValueError) as exc:
        raise DraftError(Code.DRAFT_INVALID, f"answers are not JSON: {exc}"[:200]) from None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = _compression_for(content)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            zf.writestr(info, content)
    data = out.getvalue()
    if len(data) > MAX_BUNDLE_BYTES or any(
        len(content) > _entry_cap(name) for name, content in parts.items()
    ):
        raise DraftError(Code.DRAFT_TOO_LARGE, f"{len(data)} bytes")
    try:
        read_bundle_bytes(data)
    except BundleRefused as exc:
        raise DraftError(Code.DRAFT_INVALID, exc.one_line()) from None
    return data


def save_draft(draft: Draft, path: Path) -> Path:
    """Save atomically; sets `updated_at`. Documents must already be in the store
    (`attach_document` does that first), so the bundle never points at nothing."""
    draft.updated_at = utcnow()
    if draft.created_at > draft.updated_at:
        draft.created_at = draft.updated_at
    data = bundle_bytes(draft)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise DraftSaveError(Code.DRAFT_SAVE_FAILED, f"{path.name}: {exc.strerror}") from None
    return path


def draft_path(draft: Draft, directory: Path | None = None) -> Path:
    """The default file for a draft in the drafts dir: form id plus a short draft id."""
    folder = directory if directory is not None else paths.drafts_dir()
    return folder / f"{draft.form_id}-{draft.draft_id[:8]}{SUFFIX}"


@dataclass(frozen=True)
class OpenedDraft:
    draft: Draft
    missing: tuple[str, ...]  # slots whose document is not in this store: re-attach these


def missing_slots(draft: Draft, store: DocumentStore, *, verify: bool = False) -> tuple[str, ...]:
    """Slots whose document is absent (or, with verify, fails its hash) in `store`."""
    return tuple(
        slot
        for slot, ref in sorted(draft.documents.items())
        if not store.has(ref.sha256, ref.size) or (verify and not store.verify(ref.sha256))
    )


def open_draft(
    path: Path, store: DocumentStore | None = None, *, verify: bool = False
) -> OpenedDraft:
    """Read a draft and report the slots to re-attach; everything else is kept as is."""
    draft = read_bundle(path)
    return OpenedDraft(draft, missing_slots(draft, store or DocumentStore(), verify=verify))


@dataclass(frozen=True)
class DraftInfo:
    path: Path
    draft: Draft | None
    error: DraftError | None


def list_drafts(directory: Path | None = None) -> list[DraftInfo]:
    """Every .tfa in the folder, newest first; unreadable ones last, with their error."""
    folder = directory if directory is not None else paths.drafts_dir()
    found: list[DraftInfo] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if is_temp_name(entry.name) or not entry.name.endswith(SUFFIX):
                continue
            if not entry.is_file(follow_symlinks=False):
                continue
            path = Path(entry.path)
            try:
                found.append(DraftInfo(path, read_bundle(path), None))
            except DraftError as exc:
                found.append(DraftInfo(path, None, exc))
            except OSError as exc:
                err = BundleRefused(Code.BUNDLE_UNREADABLE, exc.strerror or "")
                found.append(DraftInfo(path, None, err))
    ok = [(i.draft.updated_at, i) for i in found if i.draft is not None]
    ok.sort(key=lambda pair: pair[0], reverse=True)
    bad = sorted((i for i in found if i.draft is None), key=lambda i: i.path.name)
    return [i for _, i in ok] + bad
