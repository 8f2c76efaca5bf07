"""Is this a readable, unencrypted PDF with pages, within these bounds? The client asks it of
a file before attaching it, the portal of an upload before accepting it: one judgement.

Cheap checks (size, magic bytes) run here; parsing runs in a child process (`_pdfchild.py`,
pypdf) under a wall-clock limit, an address-space limit and a CPU limit, because a hostile
PDF can make a parser loop or balloon. The call blocks until the child is done: an event
loop runs it in a thread.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PDF_MAGIC = b"%PDF-"
_CHILD = Path(__file__).with_name("_pdfchild.py")

# What the check answers (the same words as the portal's and the client's error codes).
NOT_PDF = "document_not_pdf"
TOO_LARGE = "document_too_large"
ENCRYPTED = "document_encrypted"
NO_PAGES = "document_no_pages"
UNREADABLE = "document_unreadable"
CHECK_TIMEOUT = "document_check_timeout"
HAS_JAVASCRIPT = "document_has_javascript"
HAS_EMBEDDED_FILES = "document_has_embedded_files"
_REFUSALS = frozenset({NOT_PDF, TOO_LARGE, ENCRYPTED, NO_PAGES, UNREADABLE, CHECK_TIMEOUT})
_WARNINGS = frozenset({HAS_JAVASCRIPT, HAS_EMBEDDED_FILES})


@dataclass(frozen=True)
class PdfBounds:
    max_bytes: int = 8 * 1024 * 1024  # the portal's published limit
    timeout: float = 20.0  # wall-clock seconds for the child
    memory_bytes: int = 768 * 1024 * 1024  # the child's address space


@dataclass(frozen=True)
class PdfVerdict:
    """`code` is one of the refusals above exactly when `ok` is false; `warnings` are
    advisory (JavaScript, embedded files) and never refuse."""

    ok: bool
    code: str | None
    pages: int
    size: int
    warnings: tuple[str, ...] = ()
    detail: str = ""

    @classmethod
    def refused(cls, code: str, size: int = 0, detail: str = "") -> PdfVerdict:
        return cls(False, code, 0, size, (), detail)


def _from_child(raw: bytes, size: int) -> PdfVerdict:
    try:
        data = json.loads(raw)
        code = data["code"]
        detail = str(data.get("detail", ""))[:200]
        if data["ok"] is True:
            pages = int(data["pages"])
            warnings = tuple(str(w) for w in data["warnings"] if w in _WARNINGS)
            if pages >= 1:
                return PdfVerdict(True, None, pages, size, warnings, detail)
        elif code in _REFUSALS:
            return PdfVerdict.refused(str(code), size, detail)
    except (ValueError, KeyError, TypeError):
        pass
    return PdfVerdict.refused(UNREADABLE, size, "no result from the checker")


def _run_child(source: str, data: bytes | None, size: int, bounds: PdfBounds) -> PdfVerdict:
    cpu = max(1, int(bounds.timeout) + 1)
    # By file path in isolated mode: the child needs only the standard library and pypdf,
    # works whether or not ind_tui is installed, and ignores PYTHON* variables.
    cmd = [sys.executable, "-I", str(_CHILD), source, str(bounds.max_bytes),
           str(bounds.memory_bytes), str(cpu)]
    try:
        proc = subprocess.run(
            cmd, input=data, stdin=None if data is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=bounds.timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the child already
        return PdfVerdict.refused(CHECK_TIMEOUT, size, f"over {bounds.timeout:g} s")
    if proc.returncode == -getattr(signal, "SIGXCPU", -999):
        return PdfVerdict.refused(CHECK_TIMEOUT, size, "CPU limit")
    if proc.returncode != 0:
        # Killed by the memory limit, crashed in C code, ...: the PDF cannot be read safely.
        return PdfVerdict.refused(UNREADABLE, size, f"checker exit {proc.returncode}")
    return _from_child(proc.stdout[:65536], size)


def _cheap(head: bytes, size: int, bounds: PdfBounds) -> PdfVerdict | None:
    if size > bounds.max_bytes:
        return PdfVerdict.refused(TOO_LARGE, size, f"{size} > {bounds.max_bytes} bytes")
    if head != PDF_MAGIC:
        # The content decides, not the name: a renamed .docx is refused here.
        return PdfVerdict.refused(NOT_PDF, size)
    return None


def check_pdf_file(path: Path, bounds: PdfBounds = PdfBounds()) -> PdfVerdict:
    """Check one file. Never raises for bad content; raises `OSError` only when the file
    cannot be opened at all."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        head = f.read(len(PDF_MAGIC))
    return _cheap(head, size, bounds) or _run_child(str(path), None, size, bounds)


def check_pdf_bytes(data: bytes, bounds: PdfBounds = PdfBounds()) -> PdfVerdict:
    """Check a document held in memory (an upload); it reaches the child on its stdin."""
    size = len(data)
    return _cheap(data[:len(PDF_MAGIC)], size, bounds) or _run_child("-", data, size, bounds)
