"""Crash-safe file replacement: temp file in the same directory, fsync, os.replace, fsync dir.

A kill at any moment leaves either the old file or the new one under the final name; at
worst a stray temp file (names start with "." and end with ".tmp", ignored by readers and
removed by `remove_stale_temp`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".tmp"


def temp_path_for(path: Path) -> Path:
    # Same directory as the target: os.replace is only atomic within one file system.
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


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Write to a temp file; on clean exit it replaces `path` durably, on error it is removed."""
    tmp = temp_path_for(path)
    f = open(tmp, "xb")  # noqa: SIM115 - closed below on every path
    try:
        yield f
        f.flush()
        os.fsync(f.fileno())
        f.close()
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        f.close()
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as f:
        f.write(data)


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
