"""Every shipped form survives a draft round trip, and the BSN field checks its number."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ind_tui.domain.forms import evaluate, example_answers, form_ids, load_form
from ind_tui.local.drafts.bundle import open_draft, save_draft
from ind_tui.local.drafts.model import Draft


@pytest.mark.parametrize("form_id", form_ids())
def test_every_form_round_trips_through_a_draft(tmp_path: Path, form_id: str) -> None:
    form = load_form(form_id)
    answers = example_answers(form_id, with_wire=True)
    draft = Draft(form_id=form_id, form_version=form.version, answers=answers, kvk="12345678",
                  idempotency_key="key-0123456789")
    opened = open_draft(save_draft(draft, tmp_path / f"{form_id}.tfa"))
    assert opened.missing == ()
    assert opened.draft.answers == answers
    assert opened.draft.idempotency_key == "key-0123456789"
    today = date(2026, 11, 2)
    assert evaluate(form, opened.draft.answers, today=today).ok == evaluate(
        form, answers, today=today).ok


@pytest.mark.parametrize(("bsn", "ok"), [("", True), ("111222333", True), ("123456789", False)])
def test_extension_bsn_is_checked(bsn: str, ok: bool) -> None:
    answers = {**example_answers("hsm_extension", with_wire=True), "bsn": bsn}
    result = evaluate("hsm_extension", answers, today=date(2026, 11, 2))
    assert ("invalid_bsn" not in {i.code for i in result.issues}) is ok
