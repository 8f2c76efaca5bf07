"""Domain rules at their boundaries: salary thresholds per year, scheme and age; the extension
window; the age of an unmarried declaration and of a graduation."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ind_tui.domain.forms import evaluate, example_answers
from ind_tui.domain.forms.engine import Evaluation
from ind_tui.domain.forms.figures import ThresholdKind, threshold_on
from ind_tui.domain.forms.rules import add_months

YEARS = [2024, 2025, 2026]  # the years with published thresholds


def threshold(kind: ThresholdKind, on: date) -> int:
    figure = threshold_on(kind, on)
    assert figure is not None and not figure.provisional
    return figure.amount


def judge(form_id: str, today: date, **changes: Any) -> Evaluation:
    answers = {**example_answers(form_id, with_wire=True), "employee_name": "A. Test",
               "date_of_birth": "1980-01-01", "nationality": "IND", "v_number": "1234567890",
               "permit_expiry": add_months(today, 2).isoformat(), **changes}
    return evaluate(form_id, answers, today=today)


def salary_codes(ev: Evaluation) -> list[str]:
    return [i.code for i in ev.issues_for("gross_monthly_salary")]


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("form_id", ["hsm_first_mvv", "hsm_first_vvr", "hsm_extension"])
def test_hsm_30_plus_threshold_exactly(form_id: str, year: int) -> None:
    today = date(year, 7, 1)
    amount = threshold(ThresholdKind.HSM_30_PLUS, today)
    assert judge(form_id, today, gross_monthly_salary=amount).ok
    below = judge(form_id, today, gross_monthly_salary=amount - 1)
    assert salary_codes(below) == ["salary_below_threshold"]
    assert f"{year}" in below.issues_for("gross_monthly_salary")[0].text.en


@pytest.mark.parametrize("year", YEARS)
def test_age_on_the_submission_date_decides(year: int) -> None:
    today = date(year, 3, 15)
    under = threshold(ThresholdKind.HSM_UNDER_30, today)
    turns_30_today = date(year - 30, 3, 15).isoformat()
    turns_30_tomorrow = date(year - 30, 3, 16).isoformat()
    young = judge("hsm_first_vvr", today, date_of_birth=turns_30_tomorrow,
                  gross_monthly_salary=under)
    assert young.ok
    assert not judge("hsm_first_vvr", today, date_of_birth=turns_30_tomorrow,
                     gross_monthly_salary=under - 1).ok
    thirty = judge("hsm_first_vvr", today, date_of_birth=turns_30_today,
                   gross_monthly_salary=under)
    assert salary_codes(thirty) == ["salary_below_threshold"]


@pytest.mark.parametrize("year", YEARS)
def test_reduced_criterion_for_recent_graduates(year: int) -> None:
    today = date(year, 9, 30)
    reduced = threshold(ThresholdKind.HSM_REDUCED, today)
    graduated = add_months(today, -36).isoformat()
    ok = judge("hsm_first_vvr", today, recent_graduate=True, graduation_date=graduated,
               gross_monthly_salary=reduced)
    assert ok.ok
    assert not judge("hsm_first_vvr", today, recent_graduate=True, graduation_date=graduated,
                     gross_monthly_salary=reduced - 1).ok
    late = judge("hsm_first_vvr", today, recent_graduate=True,
                 graduation_date=date.fromordinal(add_months(today, -36).toordinal() - 1)
                 .isoformat(), gross_monthly_salary=reduced)
    assert [i.code for i in late.issues_for("graduation_date")] == ["too_long_ago"]


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize(("reduced", "kind"), [(False, ThresholdKind.BLUE_CARD),
                                               (True, ThresholdKind.BLUE_CARD_REDUCED)])
def test_blue_card_thresholds(year: int, reduced: bool, kind: ThresholdKind) -> None:
    today = date(year, 8, 1)
    amount = threshold(kind, today)
    graduated = add_months(today, -12).isoformat()
    assert judge("eu_blue_card", today, recent_graduate=reduced, graduation_date=graduated,
                 gross_monthly_salary=amount).ok
    assert not judge("eu_blue_card", today, recent_graduate=reduced, graduation_date=graduated,
                     gross_monthly_salary=amount - 1).ok


def test_the_year_changes_the_threshold() -> None:
    t = {y: threshold(ThresholdKind.HSM_30_PLUS, date(y, 7, 1)) for y in YEARS}
    assert judge("hsm_first_vvr", date(2024, 12, 31), gross_monthly_salary=t[2024]).ok
    assert not judge("hsm_first_vvr", date(2025, 1, 1), gross_monthly_salary=t[2024]).ok
    assert judge("hsm_first_vvr", date(2025, 12, 31), gross_monthly_salary=t[2025]).ok
    assert not judge("hsm_first_vvr", date(2026, 1, 1), gross_monthly_salary=t[2025]).ok


def test_change_of_employer_uses_the_new_contracts_year() -> None:
    today = date(2025, 11, 15)
    t2025 = threshold(ThresholdKind.HSM_30_PLUS, date(2025, 7, 1))
    assert judge("hsm_change_employer", today, contract_start="2025-12-01",
                 gross_monthly_salary=t2025).ok
    later = judge("hsm_change_employer", today, contract_start="2026-01-01",
                  gross_monthly_salary=t2025)
    assert salary_codes(later) == ["salary_below_threshold"]
    assert judge("hsm_change_employer", today, contract_start="2026-01-01",
                 gross_monthly_salary=threshold(ThresholdKind.HSM_30_PLUS, date(2026, 7, 1))).ok


@pytest.mark.parametrize("form_id", ["hsm_extension", "family_extension"])
def test_extension_window(form_id: str) -> None:
    today = date(2026, 11, 2)
    assert judge(form_id, today, permit_expiry="2027-02-02").ok  # opens today
    early = judge(form_id, today, permit_expiry="2027-02-03")
    assert [i.code for i in early.issues_for("permit_expiry")] == ["extension_too_early"]
    assert "2026-11-03" in early.issues_for("permit_expiry")[0].text.en
    expired = judge(form_id, today, permit_expiry="2026-11-01")
    assert [i.code for i in expired.issues_for("permit_expiry")] == ["permit_expired"]
    assert judge(form_id, today, permit_expiry="2026-11-02").ok  # last day still counts
    assert [i.code for i in judge(form_id, today, permit_expiry=None)
            .issues_for("permit_expiry")] == ["required"]


def test_unmarried_declaration_at_most_six_months_old() -> None:
    today = date(2026, 8, 31)
    base = {"partner_kind": "unmarried"}
    oldest = add_months(today, -6)  # 2026-02-28
    ev = evaluate("family_first", {**judge_answers(today), **base,
                                    "unmarried_declaration_date": oldest.isoformat()},
                  today=today, documents=("unmarried_declarations",))
    assert ev.ok, ev.blocking
    assert any("apostille" in n.en for n in ev.notices)
    old = evaluate("family_first", {**judge_answers(today), **base,
                                     "unmarried_declaration_date": "2026-02-27"},
                   today=today, documents=("unmarried_declarations",))
    assert [i.code for i in old.blocking] == ["document_too_old"]
    missing = evaluate("family_first", {**judge_answers(today), **base,
                                         "unmarried_declaration_date": "2026-08-01"},
                       today=today)
    assert [(i.target, i.code) for i in missing.blocking] == [
        ("unmarried_declarations", "document_required")]


def judge_answers(today: date) -> dict[str, Any]:
    return {**example_answers("family_first", with_wire=True), "employee_name": "B. Test",
            "date_of_birth": "1992-02-02", "nationality": "BRA"}


def test_late_report_is_a_warning_not_a_refusal() -> None:
    today = date(2026, 11, 2)
    ev = judge("position_notification", today, change="bankruptcy", effective_date="2026-10-01")
    assert ev.ok and [i.code for i in ev.issues] == ["report_late"]
    assert judge("position_notification", today, change="bankruptcy",
                 effective_date="2026-10-05").issues == ()
    addr = judge("position_notification", today, change="administration_address",
                 effective_date="2026-10-19")
    assert ("street", "required") in {(i.target, i.code) for i in addr.blocking}
    full = judge("position_notification", today, change="administration_address",
                 effective_date="2026-10-18", street="Coolsingel", house_number="40",
                 postcode="3011 AD", city="Rotterdam")
    assert full.ok and [i.code for i in full.issues] == ["report_late"]
