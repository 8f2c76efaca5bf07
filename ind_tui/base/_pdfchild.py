"""The PDF parser's sandbox: `python -I .../_pdfchild.py PATH MAX_BYTES MEM_BYTES CPU_SECONDS`
(PATH `-`: the document on stdin).

Runs in its own process because malformed PDFs can make pypdf loop or balloon: the parent
(`ind_tui.base.pdfcheck`) enforces a wall-clock limit, this process caps its own address space
and CPU time before importing pypdf. Prints one JSON object on stdout. Imports only the
standard library and pypdf, so it starts fast and needs nothing of ind_tui on sys.path.
"""

from __future__ import annotations

import io
import json
import re
import sys
from typing import Any

MAX_SCAN_PAGES = 2000
# "/JS" followed by a delimiter, or "/JavaScript": catches actions in uncompressed objects.
_JS_TOKEN = re.compile(rb"/(?:JavaScript|JS)(?=[\s/<(\[])")


def _limit(mem_bytes: int, cpu_seconds: int) -> None:
    try:
        import resource
    except ImportError:  # not on Windows; the parent's timeout still applies
        return
    for kind, value in ((resource.RLIMIT_AS, mem_bytes), (resource.RLIMIT_CPU, cpu_seconds)):
        try:
            _, hard = resource.getrlimit(kind)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):  # e.g. RLIMIT_AS on macOS
            pass


def _result(ok: bool, code: str | None = None, pages: int = 0, **extra: Any) -> dict[str, Any]:
    return {"ok": ok, "code": code, "pages": pages, "warnings": [], "detail": "", **extra}


def _is_js(action: Any) -> bool:
    action = action.get_object() if hasattr(action, "get_object") else action
    return isinstance(action, dict) and action.get("/S") == "/JavaScript"


def _scan(reader: Any, data: bytes) -> list[str]:
    """Advisory: report JavaScript and embedded files; never decides acceptance."""
    js = bool(_JS_TOKEN.search(data))
    embedded = b"/EmbeddedFile" in data
    try:
        root = reader.trailer["/Root"].get_object()
        names = root.get("/Names")
        names = names.get_object() if names is not None else {}
        js = js or "/JavaScript" in names or _is_js(root.get("/OpenAction"))
        embedded = embedded or "/EmbeddedFiles" in names
        holders = [root, *list(reader.pages)[:MAX_SCAN_PAGES]]
        for holder in holders:
            actions = holder.get("/AA")
            actions = actions.get_object() if actions is not None else {}
            js = js or any(_is_js(a) for a in actions.values())
        for page in holders[1:]:
            annots = page.get("/Annots")
            for annot in (annots.get_object() if annots is not None else []) or []:
                annot = annot.get_object()
                embedded = embedded or annot.get("/Subtype") == "/FileAttachment"
                js = js or _is_js(annot.get("/A"))
    except Exception:  # a damaged optional part must not turn a readable PDF into a refusal
        pass
    return [
        code
        for code, found in (
            ("document_has_javascript", js),
            ("document_has_embedded_files", embedded),
        )
        if found
    ]


def check(path: str, max_bytes: int) -> dict[str, Any]:
    # Read once with a cap: the size counts as read here, not as the parent saw it earlier.
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        return _result(False, "document_too_large", detail=f"over {max_bytes} bytes")
    if not data.startswith(b"%PDF-"):
        return _result(False, "document_not_pdf")
    import logging
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        return _result(False, "document_encrypted")
    pages = len(reader.pages)
    if pages == 0:
        return _result(False, "document_no_pages")
    return _result(True, None, pages, warnings=_scan(reader, data))


def main(argv: list[str]) -> int:
    path, max_bytes, mem_bytes, cpu_seconds = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    _limit(mem_bytes, cpu_seconds)
    try:
        result = check(path, max_bytes)
    except MemoryError:
        result = _result(False, "document_unreadable", detail="memory limit reached")
    except RecursionError:
        result = _result(False, "document_unreadable", detail="nested too deeply")
    except OSError as exc:
        result = _result(False, "document_unreadable", detail=exc.strerror or "cannot read")
    except Exception as exc:  # pypdf raises many types on malformed input
        result = _result(False, "document_unreadable", detail=type(exc).__name__)
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
