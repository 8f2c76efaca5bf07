"""Drafts (.tfa bundles), the document store and PDF checks. Never imports Textual."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ind_tui.drafts.bundle import (
        DraftInfo,
        OpenedDraft,
        draft_path,
        list_drafts,
        open_draft,
        read_bundle,
        read_bundle_bytes,
        save_draft,
    )
    from ind_tui.drafts.documents import attach_document, check_document, collect_orphans
    from ind_tui.drafts.errors import (
        GUIDANCE,
        BundleRefused,
        Code,
        DocumentRefused,
        DraftError,
        DraftSaveError,
        guidance,
    )
    from ind_tui.drafts.model import DocumentRef, Draft
    from ind_tui.drafts.packed import PackResult, UnpackResult, pack_draft, unpack_draft
    from ind_tui.drafts.pdfcheck import DEFAULT_MAX_DOCUMENT_BYTES, PdfCheck, check_pdf
    from ind_tui.drafts.store import DocumentStore

# Loaded on first use: importing the package (say, for error guidance) should not pull in
# pydantic and zipfile handling before they are needed.
_EXPORTS = {
    "DraftInfo": "bundle",
    "OpenedDraft": "bundle",
    "draft_path": "bundle",
    "list_drafts": "bundle",
    "open_draft": "bundle",
    "read_bundle": "bundle",
    "read_bundle_bytes": "bundle",
    "save_draft": "bundle",
    "attach_document": "documents",
    "check_document": "documents",
    "collect_orphans": "documents",
    "GUIDANCE": "errors",
    "BundleRefused": "errors",
    "Code": "errors",
    "DocumentRefused": "errors",
    "DraftError": "errors",
    "DraftSaveError": "errors",
    "guidance": "errors",
    "DocumentRef": "model",
    "Draft": "model",
    "PackResult": "packed",
    "UnpackResult": "packed",
    "pack_draft": "packed",
    "unpack_draft": "packed",
    "DEFAULT_MAX_DOCUMENT_BYTES": "pdfcheck",
    "PdfCheck": "pdfcheck",
    "check_pdf": "pdfcheck",
    "DocumentStore": "store",
}

__all__ = [
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "GUIDANCE",
    "BundleRefused",
    "Code",
    "DocumentRef",
    "DocumentRefused",
    "DocumentStore",
    "Draft",
    "DraftError",
    "DraftInfo",
    "DraftSaveError",
    "OpenedDraft",
    "PackResult",
    "PdfCheck",
    "UnpackResult",
    "attach_document",
    "check_document",
    "check_pdf",
    "collect_orphans",
    "draft_path",
    "guidance",
    "list_drafts",
    "open_draft",
    "pack_draft",
    "read_bundle",
    "read_bundle_bytes",
    "save_draft",
    "unpack_draft",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'ind_tui.drafts' has no attribute {name!r}")
    return getattr(importlib.import_module(f"ind_tui.drafts.{module}"), name)
