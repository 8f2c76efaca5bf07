"""Typed errors of the drafts package, each with a stable code and guidance in nl and en.

The guidance texts live in the catalogues (`i18n/drafterrors_*.py`).
The codes are part of the contract (the CLI prints them, the TUI maps them to help text,
support asks for them): never rename one. Guidance says what happened and what to do.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from ind_tui.i18n import known, text

Lang = Literal["nl", "en"]


class Code(StrEnum):
    # the bundle (.tfa) or packed file as a container
    BUNDLE_UNREADABLE = "bundle_unreadable"
    BUNDLE_TOO_LARGE = "bundle_too_large"
    BUNDLE_TOO_MANY_ENTRIES = "bundle_too_many_entries"
    BUNDLE_ENTRY_TOO_LARGE = "bundle_entry_too_large"
    BUNDLE_RATIO_TOO_HIGH = "bundle_ratio_too_high"
    BUNDLE_BAD_NAME = "bundle_bad_name"
    BUNDLE_DUPLICATE_NAME = "bundle_duplicate_name"
    BUNDLE_SYMLINK = "bundle_symlink"
    BUNDLE_UNSUPPORTED_ENTRY = "bundle_unsupported_entry"
    BUNDLE_OVERLAPPING_ENTRIES = "bundle_overlapping_entries"
    BUNDLE_MISSING_ENTRY = "bundle_missing_entry"
    # the contents
    BUNDLE_NOT_A_DRAFT = "bundle_not_a_draft"
    BUNDLE_VERSION_UNSUPPORTED = "bundle_version_unsupported"
    BUNDLE_INVALID_JSON = "bundle_invalid_json"
    BUNDLE_INVALID_MANIFEST = "bundle_invalid_manifest"
    BUNDLE_INVALID_ANSWERS = "bundle_invalid_answers"
    BUNDLE_INVALID_INDEX = "bundle_invalid_index"
    BUNDLE_BAD_HASH = "bundle_bad_hash"
    # packed files
    PACK_NOT_A_PACK = "pack_not_a_pack"
    PACK_HASH_MISMATCH = "pack_hash_mismatch"
    PACK_UNEXPECTED_DOCUMENT = "pack_unexpected_document"
    # saving and the document store
    DRAFT_INVALID = "draft_invalid"
    DRAFT_TOO_LARGE = "draft_too_large"
    DRAFT_SAVE_FAILED = "draft_save_failed"
    STORE_WRITE_FAILED = "store_write_failed"
    STORE_BLOB_CORRUPT = "store_blob_corrupt"
    DOCUMENT_MISSING = "document_missing"
    # who may act on a draft, and filing it twice (services/binding.py, duplicates.py)
    DRAFT_OTHER_COMPANY = "draft_other_company"
    DRAFT_OTHER_PORTAL = "draft_other_portal"
    DRAFT_UNBOUND = "draft_unbound"
    DRAFT_POSSIBLE_DUPLICATE = "draft_possible_duplicate"
    PREFILL_NOT_REGISTERED = "prefill_not_registered"
    # document checks (refusals)
    DOCUMENT_NOT_PDF = "document_not_pdf"
    DOCUMENT_TOO_LARGE = "document_too_large"
    DOCUMENT_ENCRYPTED = "document_encrypted"
    DOCUMENT_NO_PAGES = "document_no_pages"
    DOCUMENT_UNREADABLE = "document_unreadable"
    DOCUMENT_CHECK_TIMEOUT = "document_check_timeout"
    # document checks (warnings: the document is accepted)
    DOCUMENT_HAS_JAVASCRIPT = "document_has_javascript"
    DOCUMENT_HAS_EMBEDDED_FILES = "document_has_embedded_files"


def guidance(code: str, lang: Lang = "en") -> str:
    """Guidance for a code in the given language (catalogue entries `drafterror.<code>`);
    unknown codes get a generic line."""
    key = f"drafterror.{code}"
    return text(key if known(key) else "drafterror.unknown", lang)


class DraftError(Exception):
    """Base of every error this package raises on purpose.

    `code` is stable, `detail` is a short technical fact (an entry name, a version) for
    support; neither ever holds document contents.
    """

    def __init__(self, code: Code, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code.value}: {detail}" if detail else code.value)

    def guidance(self, lang: Lang = "en") -> str:
        return guidance(self.code, lang)

    def one_line(self, lang: Lang = "en") -> str:
        """Code, detail and guidance on a single line (CLI stderr, logs)."""
        head = f"{self.code.value} ({self.detail})" if self.detail else self.code.value
        return f"{head}: {self.guidance(lang)}".replace("\n", " ")


class BundleRefused(DraftError):
    """A .tfa or packed file was refused: damaged, hostile or from an unknown version."""


class DocumentRefused(DraftError):
    """A document failed its check (not a PDF, too large, encrypted, ...)."""


class DraftSaveError(DraftError):
    """Saving a draft or storing a document failed; the previous state is intact."""
