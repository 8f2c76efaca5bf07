"""Packed drafts: one portable file with the draft and its documents, for a colleague or
support. A zip with `pack.json`, `draft.tfa` (the bundle, byte for byte) and
`documents/<sha256>` (stored, not recompressed: PDFs are compressed already).

Both directions stream documents in chunks, never a whole document in memory. Unpacking
checks the archive like a bundle, re-checks every hash while streaming into the store's
temp area, and only then makes the documents visible and writes the .tfa.
"""

from __future__ import annotations

import contextlib
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ind_tui import __version__
from ind_tui.base.atomic import atomic_write_bytes, atomic_writer
from ind_tui.local import paths
from ind_tui.local.drafts.bundle import (
    MAX_BUNDLE_BYTES,
    SUFFIX,
    draft_path,
    missing_slots,
    read_bundle_bytes,
    read_capped,
)
from ind_tui.local.drafts.errors import BundleRefused, Code, DraftSaveError
from ind_tui.local.drafts.model import Draft, parse_json, parse_version, utcnow
from ind_tui.local.drafts.safezip import SafeZip, ZipLimits
from ind_tui.local.drafts.store import DocumentStore, Staged

PACK_FORMAT = "ind-tui-pack"
PACK_VERSION = (1, 0)
PACK_SUFFIX = ".tfapack"
PACK_INFO = "pack.json"
PACK_DRAFT = "draft.tfa"
# Generous next to the portal's 8 MB, so a raised portal limit does not break old packs.
PACK_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
PACK_LIMITS = ZipLimits(
    max_archive_bytes=4 * 1024 * 1024 * 1024,
    max_entries=256,
    max_total_bytes=4 * 1024 * 1024 * 1024,
    max_ratio=100.0,
)
_DOC_NAME = re.compile(r"^documents/([0-9a-f]{64})$")
_SAFE_FILE = re.compile(r"^\w[\w .()-]{0,100}\.tfa$")


def _pack_entry_ok(name: str) -> bool:
    return name in (PACK_INFO, PACK_DRAFT) or _DOC_NAME.match(name) is not None


def _pack_entry_cap(name: str) -> int:
    return {PACK_INFO: 16 * 1024, PACK_DRAFT: MAX_BUNDLE_BYTES}.get(name, PACK_MAX_DOCUMENT_BYTES)


@dataclass(frozen=True)
class PackResult:
    path: Path
    documents: int  # documents included
    missing: tuple[str, ...]  # slots whose document was not in the store: not included


@dataclass(frozen=True)
class UnpackResult:
    path: Path  # the .tfa written
    draft: Draft
    documents: int  # documents received
    missing: tuple[str, ...]  # slots still to re-attach


def _entry_info(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = compress
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    return info


def pack_draft(tfa: Path, out: Path, store: DocumentStore | None = None) -> PackResult:
    """Write `out` (atomically) holding the draft and every document the store has."""
    store = store or DocumentStore()
    data = read_capped(tfa, MAX_BUNDLE_BYTES)
    draft = read_bundle_bytes(data)
    missing = missing_slots(draft, store)
    wanted = {ref.sha256: ref.size for slot, ref in draft.documents.items() if slot not in missing}
    info: dict[str, Any] = {
        "format": PACK_FORMAT,
        "format_version": f"{PACK_VERSION[0]}.{PACK_VERSION[1]}",
        "draft_name": tfa.name if _SAFE_FILE.match(tfa.name) else draft_path(draft).name,
        "packed_at": utcnow().isoformat().replace("+00:00", "Z"),
        "app_version": __version__,
    }
    try:
        with atomic_writer(out) as f, zipfile.ZipFile(f, "w") as zf:
            zf.writestr(_entry_info(PACK_INFO, zipfile.ZIP_DEFLATED), json.dumps(info))
            zf.writestr(_entry_info(PACK_DRAFT, zipfile.ZIP_STORED), data)
            for sha, size in sorted(wanted.items()):
                entry = _entry_info(f"documents/{sha}", zipfile.ZIP_STORED)
                entry.file_size = size
                with zf.open(entry, "w") as w:
                    for block in store.iter_blob(sha, size):  # hash re-checked as it streams
                        w.write(block)
    except OSError as exc:
        raise DraftSaveError(Code.DRAFT_SAVE_FAILED, f"{out.name}: {exc.strerror}") from None
    return PackResult(out, len(wanted), missing)


def _read_pack_info(archive: SafeZip) -> None:
    names = set(archive.names())
    if PACK_INFO not in names:
        raise BundleRefused(Code.PACK_NOT_A_PACK, f"no {PACK_INFO}")
    info = parse_json(archive.read(PACK_INFO), PACK_INFO)
    if info.get("format") != PACK_FORMAT:
        raise BundleRefused(Code.PACK_NOT_A_PACK, "pack.json format")
    version = parse_version(info.get("format_version"))
    if version[0] != PACK_VERSION[0]:
        raise BundleRefused(
            Code.BUNDLE_VERSION_UNSUPPORTED,
            f"pack format {version[0]}.{version[1]}, this ind-tui reads {PACK_VERSION[0]}.x",
        )
    if PACK_DRAFT not in names:
        raise BundleRefused(Code.BUNDLE_MISSING_ENTRY, PACK_DRAFT)


def _target_name(archive: SafeZip, draft: Draft) -> str:
    name = parse_json(archive.read(PACK_INFO), PACK_INFO).get("draft_name")
    if isinstance(name, str) and _SAFE_FILE.match(name):
        return name
    return draft_path(draft).name


def _free_path(folder: Path, name: str, data: bytes) -> Path:
    """`name` in `folder`, or `name-2.tfa`, ...: never overwrite a different draft."""
    stem = name[: -len(SUFFIX)]
    for n in range(1, 1000):
        candidate = folder / (name if n == 1 else f"{stem}-{n}{SUFFIX}")
        try:
            if candidate.read_bytes() == data:
                return candidate  # unpacked before: same draft, same file
        except FileNotFoundError:
            return candidate
        except OSError:
            pass
    raise DraftSaveError(Code.DRAFT_SAVE_FAILED, f"no free name for {name}")


def unpack_draft(
    packed: Path, outdir: Path | None = None, store: DocumentStore | None = None
) -> UnpackResult:
    """Bring a pack's documents into the store and write its .tfa into `outdir` (default:
    the drafts dir). A refused pack raises `BundleRefused` and leaves nothing behind."""
    store = store or DocumentStore()
    staged: list[Staged] = []
    fp = open(packed, "rb")  # noqa: SIM115 - an unopenable input is the caller's OSError
    try:
        with fp:
            size = fp.seek(0, 2)
            # A safe but unexpected name (say, a .tfa given instead of a pack) means "not a
            # pack"; unsafe names are refused as such before this applies.
            archive = SafeZip(
                fp, size, PACK_LIMITS, _pack_entry_ok, _pack_entry_cap, Code.PACK_NOT_A_PACK
            )
            _read_pack_info(archive)
            data = archive.read(PACK_DRAFT)
            draft = read_bundle_bytes(data)
            sizes = {ref.sha256: ref.size for ref in draft.documents.values()}
            for name in archive.names():
                match = _DOC_NAME.match(name)
                if match is None:
                    continue
                sha = match.group(1)
                if sizes.get(sha) != archive.size_of(name):
                    raise BundleRefused(Code.PACK_UNEXPECTED_DOCUMENT, sha[:12])
                staged.append(
                    store.stage_stream(
                        archive.iter_chunks(name),
                        max_bytes=sizes[sha],
                        expected_sha256=sha,
                        too_large=Code.PACK_UNEXPECTED_DOCUMENT,
                    )
                )
            target_name = _target_name(archive, draft)
            archive.close()
        folder = outdir if outdir is not None else paths.drafts_dir()
        folder.mkdir(parents=True, exist_ok=True)
        for item in staged:  # documents first: the bundle never points at nothing
            store.commit(item)
        target = _free_path(folder, target_name, data)
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise DraftSaveError(Code.STORE_WRITE_FAILED, exc.strerror or "") from None
    finally:
        for item in staged:
            with contextlib.suppress(OSError):
                item.path.unlink(missing_ok=True)
    return UnpackResult(target, draft, len(staged), missing_slots(draft, store))
