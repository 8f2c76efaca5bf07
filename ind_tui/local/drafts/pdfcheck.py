"""Check a document before it is accepted: a real PDF, within the portal's size limit, not
encrypted, with at least one page. JavaScript and embedded files are reported as warnings.

Cheap checks (size, magic bytes) run here; parsing runs in a child process
(`_pdfchild`) under a wall-clock limit, an address-space limit and a CPU limit.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from ind_tui.local.drafts.errors import Code, DocumentRefused

DEFAULT_MAX_DOCUMENT_BYTES = 8 * 1024 * 1024  # the portal's published limit when offline
DEFAULT_TIMEOUT_SECONDS = 20.0
DEFAULT_MEMORY_BYTES = 768 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
_CHILD = Path(__file__).with_name("_pdfchild.py")

_REFUSALS = frozenset(
    {
        Code.DOCUMENT_NOT_PDF,
        Code.DOCUMENT_TOO_LARGE,
        Code.DOCUMENT_ENCRYPTED,
        Code.DOCUMENT_NO_PAGES,
        Code.DOCUMENT_UNREADABLE,
        Code.DOCUMENT_CHECK_TIMEOUT,
    }
)
_WARNINGS = frozenset({Code.DOCUMENT_HAS_JAVASCRIPT, Code.DOCUMENT_HAS_EMBEDDED_FILES})


@dataclass(frozen=True)
class PdfCheck:
    """Outcome of a check. `reason` is set exactly when `ok` is false."""

    ok: bool
    reason: Code | None
    pages: int
    size: int
    warnings: tuple[Code, ...] = ()
    detail: str = ""

    @classmethod
    def refused(cls, reason: Code, size: int = 0, detail: str = "") -> PdfCheck:
        return cls(False, reason, 0, size, (), detail)

    def raise_if_refused(self) -> None:
        if not self.ok and self.reason is not None:
            raise DocumentRefused(self.reason, self.detail)


def _from_child(raw: bytes, size: int) -> PdfCheck:
    try:
        data = json.loads(raw)
        code = data["code"]
        detail = str(data.get("detail", ""))[:200]
        if data["ok"] is True:
            pages = int(data["pages"])
            warnings = tuple(Code(w) for w in data["warnings"] if w in _WARNINGS)
            if pages >= 1:
                return PdfCheck(True, None, pages, size, warnings, detail)
        elif code in _REFUSALS:
            return PdfCheck.refused(Code(code), size, detail)
    except (ValueError, KeyError, TypeError):
        pass
    return PdfCheck.refused(Code.DOCUMENT_UNREADABLE, size, "no result from the checker")


def check_pdf(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
) -> PdfCheck:
    """Check one file. Never raises for bad content (see `PdfCheck.reason`); raises
    `OSError` only when the file cannot be opened at all."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        head = f.read(len(PDF_MAGIC))
    if size > max_bytes:
        return PdfCheck.refused(Code.DOCUMENT_TOO_LARGE, size, f"{size} > {max_bytes} bytes")
    if head != PDF_MAGIC:
        # The content decides, not the name: a renamed .docx is refused here.
        return PdfCheck.refused(Code.DOCUMENT_NOT_PDF, size)
    cpu = max(1, int(timeout) + 1)
    # Run the child by file path in isolated mode: it needs only the standard library and
    # pypdf, works whether or not ind_tui is installed, and ignores PYTHON* variables.
    cmd = [sys.executable, "-I", str(_CHILD), str(path), str(max_bytes), str(memory_bytes)]
    cmd.append(str(cpu))
    try:
        proc = subprocess.run(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:  # run() has killed the child already
        return PdfCheck.refused(Code.DOCUMENT_CHECK_TIMEOUT, size, f"over {timeout:g} s")
    if proc.returncode == -getattr(signal, "SIGXCPU", -999):
        return PdfCheck.refused(Code.DOCUMENT_CHECK_TIMEOUT, size, "CPU limit")
    if proc.returncode != 0:
        # Killed by the memory limit, crashed in C code, ...: the PDF cannot be read safely.
        return PdfCheck.refused(Code.DOCUMENT_UNREADABLE, size, f"checker exit {proc.returncode}")
    return _from_child(proc.stdout[:65536], size)
