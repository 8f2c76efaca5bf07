"""A zip reader for files from other people: checks everything before reading anything.

Never extracts to disk. Refuses (with a typed `BundleRefused`) archives whose central
directory is oversized, that hold too many entries, unsafe names (absolute, `..`, drive
letters, backslashes, control characters), duplicates after Unicode normalisation and case
folding, symlinks or other non-regular entries, encrypted entries, compression other than
stored/deflate, declared sizes or ratios over the limits, and entries whose bytes overlap
(Python 3.11's zipfile does not detect that bomb). Reads are capped in bytes regardless of
what the archive declares.
"""

from __future__ import annotations

import itertools
import re
import stat
import struct
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ind_tui.local.drafts.errors import BundleRefused, Code

_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_LOCAL = b"PK\x03\x04"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF
# A central directory record is 46 bytes plus name, extra field and comment; ours are
# far below this per entry, so a larger directory is refused before zipfile parses it.
_MAX_CD_BYTES_PER_ENTRY = 1024
_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class ZipLimits:
    max_archive_bytes: int
    max_entries: int
    max_total_bytes: int  # sum of declared uncompressed sizes
    max_ratio: float  # declared uncompressed / compressed, per entry
    ratio_floor: int = 4096  # tiny entries may compress well without being a bomb


def _refuse(code: Code, detail: str = "") -> BundleRefused:
    return BundleRefused(code, detail)


def check_entry_name(name: str) -> None:
    """Refuse names that could escape a folder or confuse a reader; shape rules come later."""
    shown = name.encode("unicode_escape").decode("ascii")[:80]
    if not name:
        raise _refuse(Code.BUNDLE_BAD_NAME, "empty name")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise _refuse(Code.BUNDLE_BAD_NAME, f"control character in {shown!r}")
    if "\\" in name:
        raise _refuse(Code.BUNDLE_BAD_NAME, f"backslash in {shown!r}")
    if name.startswith("/"):
        raise _refuse(Code.BUNDLE_BAD_NAME, f"absolute path {shown!r}")
    if _DRIVE.match(name):
        raise _refuse(Code.BUNDLE_BAD_NAME, f"drive letter in {shown!r}")
    if any(part in ("", ".", "..") for part in name.split("/")):
        raise _refuse(Code.BUNDLE_BAD_NAME, f"path traversal or empty part in {shown!r}")


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


def _read_at(fp: BinaryIO, offset: int, length: int) -> bytes:
    fp.seek(offset)
    return fp.read(length)


def _check_directory_size(fp: BinaryIO, size: int, limits: ZipLimits) -> None:
    """Bound the central directory from the end record before zipfile loads it whole."""
    tail_len = min(size, _EOCD_SIZE + _MAX_COMMENT)
    tail = _read_at(fp, size - tail_len, tail_len)
    pos = tail.rfind(_EOCD)
    if pos < 0 or len(tail) - pos < _EOCD_SIZE:
        raise _refuse(Code.BUNDLE_UNREADABLE, "no zip end record")
    _, _, _, _, entries, cd_size, cd_offset, _ = struct.unpack(
        "<4s4H2LH", tail[pos : pos + _EOCD_SIZE]
    )
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:
        # Zip64: the real figures are in the zip64 end record the locator points at.
        eocd_at = size - tail_len + pos
        locator = _read_at(fp, eocd_at - 20, 20) if eocd_at >= 20 else b""
        if len(locator) != 20 or locator[:4] != _EOCD64_LOCATOR:
            raise _refuse(Code.BUNDLE_UNREADABLE, "zip64 locator missing")
        (rec_offset,) = struct.unpack("<Q", locator[8:16])
        record = _read_at(fp, rec_offset, 56) if rec_offset < size else b""
        if len(record) != 56 or record[:4] != _EOCD64:
            raise _refuse(Code.BUNDLE_UNREADABLE, "zip64 end record missing")
        entries, cd_size = struct.unpack("<QQ", record[32:48])
    if entries > limits.max_entries:
        raise _refuse(Code.BUNDLE_TOO_MANY_ENTRIES, f"{entries} entries")
    if cd_size > limits.max_entries * _MAX_CD_BYTES_PER_ENTRY:
        raise _refuse(Code.BUNDLE_TOO_MANY_ENTRIES, f"central directory of {cd_size} bytes")


def _check_entry(info: zipfile.ZipInfo, cap: int, limits: ZipLimits) -> None:
    name = info.filename
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise _refuse(Code.BUNDLE_SYMLINK, name)
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG) or info.external_attr & 0x10:
        raise _refuse(Code.BUNDLE_UNSUPPORTED_ENTRY, f"{name}: not a regular file")
    if info.flag_bits & 0x1:
        raise _refuse(Code.BUNDLE_UNSUPPORTED_ENTRY, f"{name}: encrypted entry")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _refuse(Code.BUNDLE_UNSUPPORTED_ENTRY, f"{name}: compression {info.compress_type}")
    if info.file_size > cap:
        raise _refuse(Code.BUNDLE_ENTRY_TOO_LARGE, f"{name}: {info.file_size} bytes")
    if info.file_size > limits.ratio_floor and (
        info.file_size > limits.max_ratio * max(info.compress_size, 1)
    ):
        raise _refuse(
            Code.BUNDLE_RATIO_TOO_HIGH, f"{name}: {info.file_size} from {info.compress_size}"
        )


class SafeZip:
    """An archive that passed every structural check; entries are read with a byte cap."""

    def __init__(
        self,
        fp: BinaryIO,
        size: int,
        limits: ZipLimits,
        allowed: Callable[[str], bool],
        entry_cap: Callable[[str], int],
        unexpected: Code = Code.BUNDLE_BAD_NAME,
    ) -> None:
        if size > limits.max_archive_bytes:
            raise _refuse(Code.BUNDLE_TOO_LARGE, f"{size} bytes")
        try:
            _check_directory_size(fp, size, limits)
            zf = zipfile.ZipFile(fp)
            infos = zf.infolist()
            start_dir = zf.start_dir
        except BundleRefused:
            raise
        except Exception as exc:  # zipfile raises many types on malformed input
            raise _refuse(Code.BUNDLE_UNREADABLE, type(exc).__name__) from None
        if len(infos) > limits.max_entries:
            raise _refuse(Code.BUNDLE_TOO_MANY_ENTRIES, f"{len(infos)} entries")
        seen: set[str] = set()
        for info in infos:
            # orig_filename: zipfile silently cuts names at a NUL byte in `filename`.
            folded = _fold(info.orig_filename)
            if folded in seen:
                raise _refuse(Code.BUNDLE_DUPLICATE_NAME, info.filename[:80])
            seen.add(folded)
        total = 0
        for info in infos:
            check_entry_name(info.orig_filename)
            if not allowed(info.filename):
                raise _refuse(unexpected, f"unexpected entry {info.filename[:80]!r}")
            _check_entry(info, entry_cap(info.filename), limits)
            total += info.file_size
            if total > limits.max_total_bytes:
                raise _refuse(Code.BUNDLE_TOO_LARGE, f"declared content over {total} bytes")
        self._check_layout(fp, infos, min(start_dir, size))
        self._zf = zf
        self._infos = {info.filename: info for info in infos}
        self._caps = {info.filename: entry_cap(info.filename) for info in infos}

    @staticmethod
    def _check_layout(fp: BinaryIO, infos: list[zipfile.ZipInfo], data_end: int) -> None:
        """Every entry's header and data lie before the directory and no two overlap."""
        spans: list[tuple[int, int, str]] = []
        for info in infos:
            start = info.header_offset
            header = _read_at(fp, start, 30) if 0 <= start < data_end else b""
            if len(header) != 30 or header[:4] != _LOCAL:
                raise _refuse(Code.BUNDLE_UNREADABLE, f"{info.filename}: bad local header")
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            end = start + 30 + name_len + extra_len + info.compress_size
            if end > data_end:
                raise _refuse(Code.BUNDLE_OVERLAPPING_ENTRIES, f"{info.filename}: past the data")
            spans.append((start, end, info.filename))
        spans.sort()
        for (_, end, name), (start, _, other) in itertools.pairwise(spans):
            if start < end:
                raise _refuse(Code.BUNDLE_OVERLAPPING_ENTRIES, f"{name} and {other}")

    def names(self) -> list[str]:
        return list(self._infos)

    def size_of(self, name: str) -> int:
        return self._infos[name].file_size

    def read(self, name: str) -> bytes:
        """The whole entry (small entries only), never more than its cap."""
        return b"".join(self.iter_chunks(name))

    def iter_chunks(self, name: str, chunk: int = 1 << 20) -> Iterator[bytes]:
        """Stream an entry; the CRC is checked at its end, the cap all along."""
        info = self._infos.get(name)
        if info is None:
            raise _refuse(Code.BUNDLE_MISSING_ENTRY, name)
        cap = min(self._caps[name], info.file_size)
        got = 0
        try:
            with self._zf.open(info) as f:
                while True:
                    block = f.read(min(chunk, cap + 1 - got))
                    if not block:
                        break
                    got += len(block)
                    if got > cap:
                        raise _refuse(Code.BUNDLE_ENTRY_TOO_LARGE, name)
                    yield block
        except BundleRefused:
            raise
        except Exception as exc:  # CRC errors, truncated deflate streams, ...
            raise _refuse(Code.BUNDLE_UNREADABLE, f"{name}: {type(exc).__name__}") from None
        if got != info.file_size:
            raise _refuse(Code.BUNDLE_UNREADABLE, f"{name}: size differs from the directory")

    def close(self) -> None:
        self._zf.close()
