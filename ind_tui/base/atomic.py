"""Crash-safe file replacement: temp file in the same directory, fsync, rename, fsync dir.

A kill at any moment leaves either the old file or the new one under the final name; at
worst a stray temp file (names start with "." and end with ".tmp", ignored by readers and
removed by `remove_stale_temp`). Each writer gets a temp name of its own, so two writers of
one file (two ind-tui processes, two threads) never write into each other's temp file.
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

TEMP_SUFFIX = ".tmp"
# What this computer keeps is the user's business only, whatever the umask says: it names
# employees, their birth dates, V-numbers and passports.
PRIVATE = 0o600
PRIVATE_DIR = 0o700


def private_dir(path: Path) -> Path:
    """Create the folder `path` (and missing parents) for this user only; one left open
    by an older version is closed. The one way ind-tui makes a folder of its own."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    _tighten(path, PRIVATE_DIR)
    return path


def private_file(path: Path, *, create: bool = True) -> Path:
    """Make `path` a file for this user only, created empty when missing (`create`): for
    files another library opens, such as an SQLite database."""
    if create:
        os.close(os.open(path, os.O_RDONLY | os.O_CREAT, PRIVATE))
    _tighten(path, PRIVATE)
    return path


def _tighten(path: Path, mode: int) -> None:
    if os.name == "nt":  # no POSIX modes; the user's profile folder is private already
        return
    with contextlib.suppress(FileNotFoundError):
        if os.stat(path).st_mode & 0o777 & ~mode:
            os.chmod(path, mode)


def temp_path_for(path: Path) -> Path:
    # Same directory as the target: a rename is only atomic within one file system.
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable. Not possible on Windows (no dir handles)."""
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _place_new(tmp: Path, path: Path) -> None:
    """Rename without replacing: a hard link fails if the target appeared meanwhile."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


@contextlib.contextmanager
def atomic_writer(path: Path, *, mode: int = PRIVATE, replace: bool = True
                  ) -> Iterator[BinaryIO]:  # fmt: skip
    """Write to a temp file; on clean exit it takes the name `path` durably, on error it is
    removed. With `replace=False` an existing `path` is kept and FileExistsError raised."""
    tmp = temp_path_for(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    f = os.fdopen(fd, "wb")
    try:
        yield f
        f.flush()
        os.fsync(f.fileno())
        f.close()
        if replace:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        f.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_text_writer(path: Path, *, mode: int = PRIVATE, encoding: str = "utf-8",
                       newline: str | None = "") -> Iterator[TextIO]:  # fmt: skip
    """`atomic_writer` for text; `newline=""` writes line ends exactly as given."""
    with atomic_writer(path, mode=mode) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline=newline)
        try:
            yield text
            text.flush()
        finally:
            text.detach()  # the binary file is closed (and renamed) by atomic_writer


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = PRIVATE) -> None:
    with atomic_writer(path, mode=mode) as f:
        f.write(data)


def atomic_write_text(path: Path, text: str, *, mode: int = PRIVATE) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def is_temp_name(name: str) -> bool:
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def remove_stale_temp(directory: Path, older_than_seconds: float) -> list[Path]:
    """Remove temp files left by killed writers; young ones may belong to a running save."""
    removed: list[Path] = []
    cutoff = time.time() - older_than_seconds
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(directory):
            if not (entry.is_file(follow_symlinks=False) and is_temp_name(entry.name)):
                continue
            with contextlib.suppress(OSError):
                if entry.stat(follow_symlinks=False).st_mtime <= cutoff:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed
