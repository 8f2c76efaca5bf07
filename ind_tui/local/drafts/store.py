"""Content-addressed document store: each document kept once, under its SHA-256.

Layout: `<root>/<first two hex>/<sha256>`. A document enters in two steps: `stage_*` copies
it (streamed, hashed, size-capped) into a temp file inside the store, then `commit` re-reads
that file to verify the hash, renames it into place and syncs the folder. Callers check the
staged copy in between, so what is stored is exactly what was checked.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ind_tui.base.atomic import (
    PRIVATE,
    TEMP_SUFFIX,
    fsync_dir,
    private_dir,
    remove_stale_temp,
)
from ind_tui.local import paths
from ind_tui.local.drafts.errors import (
    BundleRefused,
    Code,
    DocumentRefused,
    DraftError,
    DraftSaveError,
)

CHUNK = 1 << 20
_HEX = frozenset("0123456789abcdef")


def is_sha256(value: str) -> bool:
    return len(value) == 64 and set(value) <= _HEX


@dataclass(frozen=True)
class Staged:
    """A document copied into the store's temp area, not yet visible under its hash."""

    path: Path
    sha256: str
    size: int


def hash_file(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while block := f.read(CHUNK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


class DocumentStore:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root if root is not None else paths.documents_dir()
        private_dir(self.root)

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise BundleRefused(Code.BUNDLE_BAD_HASH, sha256[:70])
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str, size: int | None = None) -> bool:
        """Present (and of the expected size); cheap, no hashing."""
        try:
            st = self.path_for(sha256).stat()
        except (OSError, DraftError):
            return False
        return size is None or st.st_size == size

    def verify(self, sha256: str) -> bool:
        """Re-hash the stored bytes."""
        try:
            return hash_file(self.path_for(sha256))[0] == sha256
        except (OSError, DraftError):
            return False

    def open(self, sha256: str) -> BinaryIO:
        return open(self.path_for(sha256), "rb")

    def hashes(self) -> Iterator[str]:
        for sub in sorted(self.root.iterdir()):
            if len(sub.name) == 2 and sub.is_dir():
                for blob in sorted(sub.iterdir()):
                    if is_sha256(blob.name) and blob.name.startswith(sub.name):
                        yield blob.name

    def remove(self, sha256: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path_for(sha256).unlink()

    # --- adding documents -----------------------------------------------------------------

    def _temp(self) -> Path:
        return self.root / f".staged-{secrets.token_hex(8)}{TEMP_SUFFIX}"

    def stage_stream(
        self,
        chunks: Iterable[bytes],
        *,
        max_bytes: int,
        expected_sha256: str | None = None,
        too_large: Code = Code.DOCUMENT_TOO_LARGE,
    ) -> Staged:
        """Copy a stream into a temp file; refuse it when over `max_bytes` or not the
        expected hash. The temp file is removed on every failure."""
        tmp = self._temp()
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE),
                           "wb") as out:
                for block in chunks:
                    size += len(block)
                    if size > max_bytes:
                        raise _refused(too_large, f"over {max_bytes} bytes")
                    digest.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            if expected_sha256 is not None and sha != expected_sha256:
                raise BundleRefused(Code.PACK_HASH_MISMATCH, expected_sha256[:12])
        except BaseException as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(exc, OSError):
                raise DraftSaveError(Code.STORE_WRITE_FAILED, exc.strerror or "") from None
            raise
        return Staged(tmp, sha, size)

    def stage_file(self, src: Path, *, max_bytes: int) -> Staged:
        """Stage a local file. An unopenable `src` raises its OSError; a read error
        half-way is a `DocumentRefused` (unreadable), a store error a `DraftSaveError`."""
        with open(src, "rb") as f:

            def chunks() -> Iterator[bytes]:
                while True:
                    try:
                        block = f.read(CHUNK)
                    except OSError as exc:
                        raise DocumentRefused(
                            Code.DOCUMENT_UNREADABLE, exc.strerror or ""
                        ) from None
                    if not block:
                        return
                    yield block

            return self.stage_stream(chunks(), max_bytes=max_bytes)

    def commit(self, staged: Staged) -> str:
        """Verify the staged bytes once more and make them visible under their hash."""
        target = self.path_for(staged.sha256)
        try:
            sha, size = hash_file(staged.path)
            if sha != staged.sha256 or size != staged.size:
                raise DraftSaveError(Code.STORE_BLOB_CORRUPT, "changed while staged")
            if target.exists() and self.verify(staged.sha256):
                # Already stored: content addressing deduplicates. Refresh the time so
                # orphan collection sees it as in use by the draft about to be saved.
                os.utime(target)
                self.discard(staged)
                return staged.sha256
            private_dir(target.parent)
            os.replace(staged.path, target)
            fsync_dir(target.parent)
            fsync_dir(self.root)
        except OSError as exc:
            self.discard(staged)
            raise DraftSaveError(Code.STORE_WRITE_FAILED, exc.strerror or "") from None
        except BaseException:
            self.discard(staged)
            raise
        return staged.sha256

    def discard(self, staged: Staged) -> None:
        with contextlib.suppress(OSError):
            staged.path.unlink()

    def put_file(self, src: Path, *, max_bytes: int) -> Staged:
        """Stage and commit in one go (no check in between); returns hash and size."""
        staged = self.stage_file(src, max_bytes=max_bytes)
        self.commit(staged)
        return Staged(self.path_for(staged.sha256), staged.sha256, staged.size)

    def iter_blob(self, sha256: str, size: int) -> Iterator[bytes]:
        """Stream a stored document, re-checking size and hash while streaming; the last
        chunk is only yielded once the hash is known to match."""
        digest = hashlib.sha256()
        got = 0
        pending = b""
        with self.open(sha256) as f:
            while block := f.read(CHUNK):
                got += len(block)
                if got > size:
                    break
                digest.update(block)
                if pending:
                    yield pending
                pending = block
        if got != size or digest.hexdigest() != sha256:
            raise DraftSaveError(Code.STORE_BLOB_CORRUPT, sha256[:12])
        if pending:
            yield pending

    def remove_stale_temp(self, older_than_seconds: float) -> list[Path]:
        return remove_stale_temp(self.root, older_than_seconds)


def _refused(code: Code, detail: str) -> DraftError:
    # Pack contents are bundle refusals; local files are document refusals.
    if code.value.startswith("document_"):
        return DocumentRefused(code, detail)
    return BundleRefused(code, detail)
