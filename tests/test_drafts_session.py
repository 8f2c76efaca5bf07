"""DraftSession: the wizard's view of one draft file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ind_tui.local.drafts.errors import DocumentRefused
from ind_tui.local.drafts.session import DraftSession
from ind_tui.local.drafts.store import DocumentStore
from tests.conftest_drafts import pdf_bytes

FORM = "hsm_first_vvr"


def test_new_saves_at_once_and_reopens(tmp_path: Path) -> None:
    s = DraftSession.new(FORM, directory=tmp_path, store=DocumentStore(tmp_path / "docs"))
    assert s.path.exists() and not s.dirty
    assert s.set_answer("employee_name", "Ana Lima") and s.dirty
    assert not s.set_answer("employee_name", "Ana Lima") or s.dirty
    s.save()
    again = DraftSession.open(s.path, DocumentStore(tmp_path / "docs"))
    assert again.answer("employee_name") == "Ana Lima"
    assert again.set_answer("employee_name", "") and "employee_name" not in again.draft.answers


def test_attach_refuses_non_pdf_and_keeps_answers(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "docs")
    s = DraftSession.new(FORM, directory=tmp_path, store=store)
    s.set_answer("employee_name", "Ana Lima")
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(DocumentRefused):
        s.attach("passport_copy", bad)
    assert s.answer("employee_name") == "Ana Lima" and "passport_copy" not in s.draft.documents
    good = tmp_path / "p.pdf"
    good.write_bytes(pdf_bytes())
    ref, _ = s.attach("passport_copy", good)
    assert s.draft.documents["passport_copy"] == ref and store.has(ref.sha256)
    s.set_answer("antecedents", True)  # the passport slot applies from here
    evaluation = s.evaluation(date(2026, 11, 2))
    assert any(slot.present for slot in evaluation.documents if slot.slot.id == "passport_copy")
    assert s.detach("passport_copy") and "passport_copy" not in s.draft.documents


def test_save_as_moves_on_to_new_file(tmp_path: Path) -> None:
    s = DraftSession.new(FORM, directory=tmp_path, store=DocumentStore(tmp_path / "docs"))
    old = s.path
    s.save_as(tmp_path / "copy.tfa")
    assert s.path == tmp_path / "copy.tfa" and old.exists() and s.path.exists()
    assert not s.locked
    s.draft.idempotency_key = "k" * 20
    assert s.locked
