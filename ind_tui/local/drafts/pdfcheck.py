"""Check a document before it is accepted: a real PDF, within the portal's size limit, not
encrypted, with at least one page. JavaScript and embedded files are reported as warnings.

The judgement is `ind_tui.base.pdfcheck` (parsing in a child process under limits), the same
the portal makes of an upload; this module gives it the client's codes and defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ind_tui.base.pdfcheck import PDF_MAGIC, PdfBounds, check_pdf_file
from ind_tui.local.drafts.errors import Code, DocumentRefused

__all__ = ["DEFAULT_MAX_DOCUMENT_BYTES", "DEFAULT_MEMORY_BYTES", "DEFAULT_TIMEOUT_SECONDS",
           "PDF_MAGIC", "PdfCheck", "check_pdf"]

DEFAULT_MAX_DOCUMENT_BYTES = PdfBounds.max_bytes  # the portal's published limit when offline
DEFAULT_TIMEOUT_SECONDS = PdfBounds.timeout
DEFAULT_MEMORY_BYTES = PdfBounds.memory_bytes


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


def check_pdf(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
) -> PdfCheck:
    """Check one file. Never raises for bad content (see `PdfCheck.reason`); raises
    `OSError` only when the file cannot be opened at all."""
    verdict = check_pdf_file(path, PdfBounds(max_bytes, timeout, memory_bytes))
    warnings = tuple(Code(w) for w in verdict.warnings)
    if verdict.ok:
        return PdfCheck(True, None, verdict.pages, verdict.size, warnings, verdict.detail)
    return PdfCheck.refused(Code(verdict.code or Code.DOCUMENT_UNREADABLE), verdict.size,
                            verdict.detail)
