"""Filed here, not listed by the portal yet: which drafts become a 'not yet registered' row."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from ind_tui.domain.cases import NOT_REGISTERED, record
from ind_tui.local.drafts.bundle import save_draft
from ind_tui.local.drafts.model import Draft, FilingReceipt, FilingStage
from ind_tui.services.pending import (
    Login,
    pending_case,
    pending_cases,
    pending_in_folder,
    pending_row,
)

PAID_AT = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
PORTAL = "https://portal.example.nl"
LOGIN = Login(PORTAL + "/", "56789012")  # the same portal, spelled with a trailing slash


def filed(zaak: str | None, name: str = "Mei Chen", stage: FilingStage = FilingStage.DONE,
          paid_at: datetime | None = PAID_AT, kvk: str | None = "56789012",
          portal: str | None = PORTAL) -> Draft:
    receipt = None if zaak is None else FilingReceipt(
        zaaknummer=zaak, receipt_date=date(2026, 11, 2), decision_deadline=date(2027, 1, 31),
        payment_reference="PAY-0001", paid_at=paid_at)
    return Draft("hsm_first_vvr", 1, answers={"employee_name": f" {name} ",
                                              "v_number": "1234567890"},
                 idempotency_key="key-0000001", stage=stage, application_id="APP-1",
                 fee_eur=405, payment_key="pay-0000001", payment_method="direct_debit",
                 receipt=receipt, kvk=kvk, portal=portal)


def test_a_filed_draft_unknown_to_the_cache_is_pending() -> None:
    case = pending_case(filed("3100000999"))
    assert case is not None
    assert (case.zaaknummer, case.employee_name, case.v_number, case.type_id) == (
        "3100000999", "Mei Chen", "1234567890", "hsm_first_vvr")
    assert case.received_at == PAID_AT and case.decision_deadline == date(2027, 1, 31)
    row = pending_row(case)
    assert row.status.status == "submitted" and row.status.state == NOT_REGISTERED
    exported = record(row)
    assert exported["state"] == NOT_REGISTERED and exported["decision_deadline"] == "2027-01-31"
    assert exported["submitted_at"] == "2026-11-02T09:30:00Z"


def test_only_filed_drafts_with_a_receipt_count() -> None:
    not_sent = Draft("hsm_first_vvr", 1)
    submitted = filed(None, stage=FilingStage.SUBMITTED)
    paid = filed(None, stage=FilingStage.PAID)
    assert [pending_case(d) for d in (not_sent, submitted, paid)] == [None, None, None]


def test_known_cases_and_copies_are_left_out() -> None:
    drafts = [
        (Path("a.tfa"), filed("3100000001")),  # the portal lists it: a normal row
        (Path("b.tfa"), filed("3100000002", paid_at=None)),
        (Path("c.tfa"), filed("3100000003")),
        (Path("c-copy.tfa"), filed("3100000003")),  # a copy of a filed draft
    ]
    found = pending_cases(drafts, known={"3100000001"})
    # No payment time kept: noon of the receipt day, Amsterdam time (after 09:30 UTC).
    assert [c.zaaknummer for c in found] == ["3100000002", "3100000003"]  # newest first
    assert found[0].received_at == datetime(2026, 11, 2, 11, 0, tzinfo=UTC)
    assert found[1].draft_path == Path("c.tfa")


def test_the_drafts_folder_is_read_and_broken_files_skipped(tmp_path: Path) -> None:
    save_draft(filed("3100000777"), tmp_path / "filed.tfa")
    save_draft(Draft("hsm_extension", 1), tmp_path / "open.tfa")
    (tmp_path / "broken.tfa").write_bytes(b"not a zip")
    found = pending_in_folder(set(), LOGIN, tmp_path)
    assert [c.zaaknummer for c in found] == ["3100000777"]
    assert found[0].draft_path == tmp_path / "filed.tfa"
    assert pending_in_folder({"3100000777"}, LOGIN, tmp_path) == []
    assert pending_in_folder(set(), LOGIN, tmp_path / "absent") == []


def test_receipts_show_only_for_their_portal_and_company(tmp_path: Path) -> None:
    save_draft(filed("3100000001"), tmp_path / "here.tfa")
    save_draft(filed("3100000002", portal="https://other.example.nl"), tmp_path / "other.tfa")
    save_draft(filed("3100000003", portal="embedded"), tmp_path / "embedded.tfa")
    save_draft(filed("3100000004", kvk="12345678"), tmp_path / "company.tfa")
    save_draft(filed("3100000005", kvk=None, portal=None), tmp_path / "unbound.tfa")
    # From before drafts recorded their portal: its company decides.
    save_draft(filed("3100000006", portal=None, paid_at=None), tmp_path / "older.tfa")
    found = pending_in_folder(set(), LOGIN, tmp_path)
    assert sorted(c.zaaknummer for c in found) == ["3100000001", "3100000006"]
    embedded = pending_in_folder(set(), Login("embedded", "56789012"), tmp_path)
    assert sorted(c.zaaknummer for c in embedded) == ["3100000003", "3100000006"]
