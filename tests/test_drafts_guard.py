"""The rules behind the duplicate guard and the company binding, on drafts alone: who is the
same person, which drafts of this computer count, and which drafts a login may act on."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ind_tui.api.auth import CompanyRef, Me, Role
from ind_tui.local import paths
from ind_tui.local.drafts.bundle import save_draft
from ind_tui.local.drafts.errors import Code
from ind_tui.local.drafts.model import Draft, FilingReceipt, FilingStage
from ind_tui.services.binding import Company, draft_refusal, listed_for
from ind_tui.services.duplicates import Person, local_duplicates, same_person

ANA = {"employee_name": "Ana Yılmaz", "date_of_birth": "1988-06-22", "v_number": "6332068037"}


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("IND_TUI_HOME", str(tmp_path / "home"))
    paths.drafts_dir().mkdir(parents=True, exist_ok=True)
    return tmp_path / "home"


def test_the_same_person() -> None:
    a = Person("José  Álvarez", "1991-02-14", None)
    assert same_person(a, Person("jose alvarez", "1991-02-14", None))  # case, accents, spaces
    assert not same_person(a, Person("José Álvarez", "1991-02-15", None))  # another birthday
    assert same_person(a, Person("José Álvarez", None, "1234567890"))  # the portal: no birthday
    assert same_person(Person("A", None, "1234567890"), Person("B", None, "1234567890"))
    assert not same_person(Person("A", "1990-01-01", "1234567890"),
                           Person("A", "1990-01-01", "1234567891"))


def _draft(form_id: str = "hsm_extension", kvk: str | None = "56789012", **filing: object
           ) -> Draft:
    draft = Draft(form_id=form_id, form_version=1, answers=dict(ANA), kvk=kvk)
    for name, value in filing.items():
        setattr(draft, name, value)
    return draft


def _being_filed(**changes: object) -> Draft:
    return _draft(stage=FilingStage.SUBMITTED, application_id="APP-1", fee_eur=423,
                  idempotency_key="k" * 16, **changes)


def _filed(zaak: str) -> Draft:
    receipt = FilingReceipt(zaaknummer=zaak, receipt_date=date(2026, 11, 2),
                            decision_deadline=date(2027, 1, 31), payment_reference="PAY-1",
                            paid_at=datetime(2026, 11, 2, 9, tzinfo=UTC))
    return _draft(stage=FilingStage.DONE, application_id="APP-2", fee_eur=423,
                  idempotency_key="k" * 16, payment_key="p" * 16,
                  payment_method="direct_debit", receipt=receipt)


def _save(draft: Draft, name: str) -> Path:
    return save_draft(draft, paths.drafts_dir() / name)


def test_drafts_of_this_computer_that_count() -> None:
    _save(_being_filed(), "filing.tfa")
    _save(_filed("3100000117"), "filed.tfa")
    _save(_filed("3100000001"), "registered.tfa")  # the portal lists it: not "pending"
    _save(_being_filed(kvk="12345678"), "other-company.tfa")
    _save(_being_filed(form_id="family_extension"), "other-kind.tfa")
    mine = _being_filed()  # resumed after a crash: never its own duplicate
    _save(mine, "mine.tfa")
    found = local_duplicates(mine, known={"3100000001"})
    assert sorted((d.source, d.zaaknummer, d.status) for d in found) == [
        ("filing", None, "submitted"), ("pending", "3100000117", "submitted")]


def test_a_first_application_with_or_without_mvv_is_the_same_kind() -> None:
    _save(_being_filed(form_id="hsm_first_mvv"), "mvv.tfa")
    assert [d.type_id for d in local_duplicates(_draft("hsm_first_vvr"), known=())] == [
        "hsm_first_mvv"]
    assert local_duplicates(_draft("hsm_extension"), known=()) == []


def _me(kvk: str, name: str) -> Me:
    return Me(person_name="Mark", assurance_level="EH3", role=Role.REPRESENTATIVE,
              company=CompanyRef(kvk="45678901", name="Payroll Partners B.V."),
              acting_for=CompanyRef(kvk=kvk, name=name), recognitions=[], services=[],
              now=datetime(2026, 11, 2, tzinfo=UTC))


def test_which_drafts_a_login_may_act_on() -> None:
    delta = _me("56789012", "Delta Software B.V.")
    bound = _draft(portal="https://portal.example.nl")
    assert draft_refusal(bound, delta, "https://portal.example.nl/") is None
    assert draft_refusal(bound, delta, None) is None  # a portal not known is not checked
    other_portal = draft_refusal(bound, delta, "embedded")
    assert other_portal is not None and other_portal.code is Code.DRAFT_OTHER_PORTAL
    other = draft_refusal(bound, _me("12345678", "Noordzee Technology B.V."), "embedded")
    assert other is not None and other.code is Code.DRAFT_OTHER_COMPANY  # company first
    assert "Noordzee" in other.one_line("nl") and "56789012" in other.one_line("nl")
    assert draft_refusal(_draft(kvk=None), delta, "embedded") is None  # unbound: ask, bind
    company = Company("56789012", "Delta Software B.V.")
    assert listed_for(bound, company) and listed_for(_draft(kvk=None), company)
    assert not listed_for(_draft(kvk="12345678"), company)
