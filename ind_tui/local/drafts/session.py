"""One draft being edited: the file, its form, the document store, and saving.

The wizard's screens share one `DraftSession`; it knows nothing of Textual. Saving is
explicit (`save`) so the caller decides when (the wizard saves within a second of a change).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ind_tui.domain.forms.engine import Evaluation, FeeQuote, evaluate
from ind_tui.domain.forms.schema import FormDef, load_form
from ind_tui.local.drafts.bundle import draft_path, missing_slots, read_bundle, save_draft
from ind_tui.local.drafts.documents import attach_document
from ind_tui.local.drafts.model import DocumentRef, Draft
from ind_tui.local.drafts.pdfcheck import PdfCheck
from ind_tui.local.drafts.store import DocumentStore

# Manifest field holding the page the wizard showed last.
RESUME_PAGE = "resume_page"


@dataclass
class DraftSession:
    path: Path
    draft: Draft
    store: DocumentStore = field(default_factory=DocumentStore)
    dirty: bool = False
    # Slots whose document is not in this machine's store (a draft from a colleague).
    missing: tuple[str, ...] = ()

    @classmethod
    def new(cls, form_id: str, *, profile: str = "default", kvk: str | None = None,
            sponsor_name: str | None = None, portal: str | None = None,
            answers: dict[str, Any] | None = None, prefilled: dict[str, str] | None = None,
            directory: Path | None = None, path: Path | None = None,
            store: DocumentStore | None = None) -> DraftSession:
        """A new draft, saved at once (at `path`, else under its own name in `directory`),
        bound to the company (`kvk`, `sponsor_name`) and portal it is prepared for;
        `prefilled` marks answers that came from elsewhere."""
        form = load_form(form_id)
        draft = Draft(form_id=form_id, form_version=form.version, profile=profile, kvk=kvk,
                      sponsor_name=sponsor_name, portal=portal, answers=dict(answers or {}),
                      prefilled=dict(prefilled or {}))
        session = cls(path or draft_path(draft, directory), draft, store or DocumentStore())
        session.save()
        return session

    @classmethod
    def open(cls, path: Path, store: DocumentStore | None = None) -> DraftSession:
        """Read a draft (raises DraftError for a file it refuses)."""
        store = store or DocumentStore()
        draft = read_bundle(path)
        return cls(path, draft, store, missing=missing_slots(draft, store))

    @property
    def form(self) -> FormDef:
        return load_form(self.draft.form_id)

    def evaluation(self, today: date, *, fee: int | FeeQuote | None = None) -> Evaluation:
        present = {slot for slot in self.draft.documents if slot not in self.missing}
        return evaluate(self.form, self.draft.answers, today=today, documents=present, fee=fee)

    @property
    def locked(self) -> bool:
        """Once a submission may have been sent, the answers are what the portal got: no more
        edits. (A submission the portal refused outright gives its key up: editable again.)"""
        return self.draft.idempotency_key is not None or self.draft.application_id is not None

    @property
    def resume_page(self) -> str | None:
        """The page the wizard showed last, so a reopened draft continues there. Kept in the
        manifest: older readers carry it over unchanged, as they do any field they do not
        know."""
        page = self.draft.extra_manifest.get(RESUME_PAGE)
        return page if isinstance(page, str) and 0 < len(page) <= 64 else None

    def set_resume_page(self, page: str) -> bool:
        """Remember the page shown; True when it changed (the draft then needs saving)."""
        if self.draft.extra_manifest.get(RESUME_PAGE) == page:
            return False
        self.draft.extra_manifest[RESUME_PAGE] = page
        self.dirty = True
        return True

    def answer(self, field_id: str) -> Any:
        return self.draft.answers.get(field_id)

    def set_answer(self, field_id: str, value: Any) -> bool:
        """Record an answer; `None` or "" clears it. True when something changed."""
        if value in (None, ""):
            changed = self.draft.answers.pop(field_id, None) is not None
        else:
            changed = self.draft.answers.get(field_id) != value
            self.draft.answers[field_id] = value
        if changed:  # the user's own answer now, not the prefilled one
            self.draft.prefilled.pop(field_id, None)
        self.dirty = self.dirty or changed
        return changed

    def attach(self, slot: str, source: Path, *, max_bytes: int | None = None
               ) -> tuple[DocumentRef, PdfCheck]:
        """Check and store a file for a slot (raises DocumentRefused with the reason)."""
        kwargs: dict[str, Any] = {"store": self.store}
        if max_bytes is not None:
            kwargs["max_bytes"] = max_bytes
        ref, check = attach_document(self.draft, slot, source, **kwargs)
        self.missing = tuple(s for s in self.missing if s != slot)
        self.dirty = True
        return ref, check

    def reuse(self, slot: str, ref: DocumentRef) -> None:
        """Attach a document the store holds already (one of an earlier application): the
        same content, so its check then stands."""
        self.draft.documents[slot] = ref
        self.missing = tuple(s for s in self.missing if s != slot)
        self.dirty = True

    def detach(self, slot: str) -> bool:
        removed = self.draft.documents.pop(slot, None) is not None
        self.missing = tuple(s for s in self.missing if s != slot)
        self.dirty = self.dirty or removed
        return removed

    def save(self) -> Path:
        save_draft(self.draft, self.path)
        self.dirty = False
        return self.path

    def save_as(self, path: Path) -> Path:
        """Save under a new name; the session continues with the new file."""
        self.path = path
        return self.save()
