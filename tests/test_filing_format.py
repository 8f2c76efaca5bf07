"""The filing state in the .tfa manifest (format 1.1): it round-trips through bundles and packs,
an older file reads as not sent, and a hostile or contradictory state is refused whole."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from ind_tui.local.drafts.bundle import read_bundle, read_bundle_bytes, save_draft
from ind_tui.local.drafts.errors import BundleRefused, Code
from ind_tui.local.drafts.model import FORMAT_VERSION, FilingReceipt, FilingStage
from ind_tui.local.drafts.packed import pack_draft, unpack_draft
from ind_tui.local.drafts.session import DraftSession
from ind_tui.local.drafts.store import DocumentStore
from tests.conftest_drafts import bundle_entries, pdf_bytes, sample_draft, zip_bytes
from tests.test_filing import put_document

SHA = "ab" * 32
KEY = "3f2c9d1e-7a44-4b0e-9f11-0c5d8e7a6b21"


def filed(**changes: Any) -> Any:
    draft = sample_draft(
        idempotency_key=KEY, uploads={SHA: "DOC-0a1b2c3d4e5f6a7b"},
        stage=FilingStage.DONE, application_id="APP-1234567890abcdef", fee_eur=423,
        payment_key="9b1d2f3e-0000-4c4c-8d8d-aaaabbbbcccc", payment_method="direct_debit",
        receipt=FilingReceipt(zaaknummer="3100000042", receipt_date=date(2026, 11, 2),
                              decision_deadline=date(2027, 1, 31),
                              payment_reference="PAY-0A1B2C3D4E5F",
                              paid_at=datetime(2026, 11, 2, 8, 0, tzinfo=UTC)))
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def _manifest(**changes: Any) -> bytes:
    entries = bundle_entries(filed())
    manifest = json.loads(entries["manifest.json"])
    manifest.update(changes)
    entries["manifest.json"] = json.dumps(manifest).encode()
    return zip_bytes(list(entries.items()))


def test_the_filing_state_round_trips(tmp_path: Path) -> None:
    draft = filed()
    again = read_bundle(save_draft(draft, tmp_path / "d.tfa"))
    assert FORMAT_VERSION == (1, 2) and again.format_version == (1, 2)
    for name in ("idempotency_key", "uploads", "stage", "application_id", "fee_eur",
                 "payment_key", "payment_method", "receipt"):
        assert getattr(again, name) == getattr(draft, name), name
    assert again.extra_manifest == {}  # known fields, not carried as unknown ones


def test_a_version_1_0_draft_reads_as_not_sent() -> None:
    entries = bundle_entries(sample_draft())
    manifest = json.loads(entries["manifest.json"])
    for name in ("uploads", "stage", "application_id", "fee_eur", "payment_key",
                 "payment_method", "receipt"):
        del manifest[name]
    manifest["format_version"] = "1.0"
    entries["manifest.json"] = json.dumps(manifest).encode()
    draft = read_bundle_bytes(zip_bytes(list(entries.items())))
    assert draft.stage is FilingStage.NOT_SENT and draft.uploads == {} and draft.receipt is None


def test_a_pack_carries_the_filing_state(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path / "store")
    session = DraftSession.new("hsm_first_vvr", directory=tmp_path, store=store)
    ref = put_document(session, "passport_copy", "p.pdf", pdf_bytes())
    session.draft.idempotency_key = KEY
    session.draft.uploads = {ref.sha256: "DOC-99"}
    session.draft.stage, session.draft.application_id = FilingStage.SUBMITTED, "APP-7"
    session.draft.fee_eur = 423
    session.save()
    packed = pack_draft(session.path, tmp_path / "out.tfapack", store)
    other = DocumentStore(tmp_path / "other-store")
    out = tmp_path / "unpacked"
    out.mkdir()
    result = unpack_draft(packed.path, out, other)
    assert result.draft.stage is FilingStage.SUBMITTED
    assert result.draft.uploads == {ref.sha256: "DOC-99"}
    assert result.draft.application_id == "APP-7" and result.draft.idempotency_key == KEY


@pytest.mark.parametrize("changes", [
    {"stage": "sent"},  # not a stage
    {"stage": "submitted", "application_id": None},  # submitted, but to what?
    {"stage": "paid", "receipt": None, "payment_key": None},  # paid without a key
    {"stage": "submitted"},  # a receipt before the stage says done
    {"stage": "done", "receipt": None},
    {"receipt": {"zaaknummer": "3100000042", "receipt_date": "2026-11-02",
                 "decision_deadline": "2027-01-31", "payment_reference": None}},  # paid fee
    {"uploads": {"not-a-hash": "DOC-1"}},
    {"uploads": {SHA: "DOC-1\x1b[2J"}},  # a terminal escape in an id
    {"uploads": {SHA: ""}},
    {"uploads": {f"{n:064x}": "DOC-1" for n in range(201)}},  # more than any form has slots
    {"application_id": "APP 1; rm -rf"},
    {"fee_eur": -1},
    {"payment_key": "short"},
    {"payment_method": "DirectDebit\n"},
    {"receipt": {"zaaknummer": "31\u202e00", "receipt_date": "2026-11-02",
                 "decision_deadline": "2027-01-31", "payment_reference": "PAY-1"}},
    {"receipt": {"zaaknummer": "3100000042", "receipt_date": 1793577600,  # a Unix time (midnight)
                 "decision_deadline": "2027-01-31", "payment_reference": "PAY-1"}},
])
def test_a_hostile_or_contradictory_state_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(BundleRefused) as caught:
        read_bundle_bytes(_manifest(**changes))
    assert caught.value.code is Code.BUNDLE_INVALID_MANIFEST


def test_a_free_application_needs_no_payment(tmp_path: Path) -> None:
    draft = filed(fee_eur=0, payment_key=None, payment_method=None,
                  receipt=FilingReceipt(zaaknummer="3100000043", receipt_date=date(2026, 11, 2),
                                        decision_deadline=date(2026, 11, 2)))
    again = read_bundle(save_draft(draft, tmp_path / "free.tfa"))
    assert again.stage is FilingStage.DONE and again.receipt == draft.receipt
