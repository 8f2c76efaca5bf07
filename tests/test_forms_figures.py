"""The portal's rules checked against published sources (issue 16, items 14-16; issue 14,
item 7): fees and thresholds per year as data with a source and a provisional flag, the salary
check of ICT, the EU Blue Card's degree-or-experience and recent-graduate rules by date, and
contract length against end date."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from ind_tui.domain.forms import evaluate, example_answers, fee_for
from ind_tui.domain.forms.engine import Evaluation
from ind_tui.domain.forms.figures import (
    FEE_FIGURES,
    THRESHOLD_FIGURES,
    FeeGroup,
    ThresholdKind,
    fee_figure,
    threshold_on,
    thresholds_of_year,
)
from ind_tui.domain.forms.rules import add_months
from ind_tui.i18n import text

TODAY = date(2026, 11, 2)
PERSON = {"employee_name": "Mei Chen", "date_of_birth": "1980-01-01", "nationality": "CHN",
          "v_number": "2345678901"}


def judge(form_id: str, today: date = TODAY, **changes: Any) -> Evaluation:
    answers = {**example_answers(form_id, with_wire=True), **PERSON, **changes}
    return evaluate(form_id, {k: v for k, v in answers.items() if v is not None}, today=today)


def codes(ev: Evaluation, field: str) -> list[str]:
    return [i.code for i in ev.issues_for(field)]


# --- 16: figures as data ----------------------------------------------------------------------


def test_every_figure_names_its_source_and_published_ones_cite_the_ind() -> None:
    figures = [f for t in (*FEE_FIGURES.values(), *THRESHOLD_FIGURES.values()) for f in t]
    assert figures and all(f.source for f in figures)
    for f in figures:
        assert ("not published" in f.source) == f.provisional or f.amount == 0, f


@pytest.mark.parametrize(("group", "year", "amount", "provisional"), [
    (FeeGroup.STANDARD, 2026, 423, False),
    (FeeGroup.FAMILY, 2025, 243, False),
    # Not published: provisional, and the family fee's own latest figure, not the standard fee.
    (FeeGroup.FAMILY, 2026, 243, True),
    (FeeGroup.RESEARCHER, 2026, 423, True),
    (FeeGroup.STANDARD, 2027, 423, True),
])
def test_fees_per_year(group: FeeGroup, year: int, amount: int, provisional: bool) -> None:
    figure = fee_figure(group, year)
    assert (figure.amount, figure.year, figure.provisional) == (amount, year, provisional)
    if provisional:
        assert f"not published for {year}" in figure.source


def test_2027_thresholds_are_provisional_never_silently_2026s() -> None:
    for kind in ThresholdKind:
        current, next_year = threshold_on(kind, date(2026, 12, 31)), threshold_on(
            kind, date(2027, 1, 1))
        assert current is not None and next_year is not None
        assert not current.provisional and next_year.provisional and next_year.year == 2027
        assert "not published for 2027" in next_year.source
    later = threshold_on(ThresholdKind.HSM_30_PLUS, date(2031, 5, 1))
    assert later is not None and later.provisional and later.year == 2031


def test_a_provisional_threshold_is_said_even_when_met() -> None:
    """A change of employer starting in 2027 is checked against the provisional 2027 figure:
    met, it warns without blocking; missed, the refusal calls the figure provisional."""
    met = judge("hsm_change_employer", contract_start="2027-01-04", gross_monthly_salary=6000)
    assert met.ok and codes(met, "gross_monthly_salary") == ["threshold_provisional"]
    assert "not published yet" in met.issues_for("gross_monthly_salary")[0].text.en
    assert "nog niet gepubliceerd" in met.issues_for("gross_monthly_salary")[0].text.nl
    missed = judge("hsm_change_employer", contract_start="2027-01-04",
                   gross_monthly_salary=5900)
    text = missed.issues_for("gross_monthly_salary")[0].text
    assert codes(missed, "gross_monthly_salary") == ["salary_below_threshold"]
    assert "(provisional" in text.en and "(voorlopig" in text.nl
    assert "(provisional" not in judge("hsm_change_employer", gross_monthly_salary=5900
                                       ).issues_for("gross_monthly_salary")[0].text.en


def test_the_wizards_fee_keeps_the_portals_provisional_flag() -> None:
    quote = fee_for("family_first", 2026)
    ev = evaluate("family_first", {}, today=TODAY, fee=quote)
    assert ev.fee.provisional and ev.fee.amount == 243


# --- 14: ICT has a salary check -------------------------------------------------------------


@pytest.mark.parametrize(("born", "kind"), [("1980-01-01", ThresholdKind.HSM_30_PLUS),
                                            ("2000-01-01", ThresholdKind.HSM_UNDER_30)])
def test_ict_salary_uses_the_hsm_thresholds_by_age(born: str, kind: ThresholdKind) -> None:
    figure = threshold_on(kind, TODAY)
    assert figure is not None
    assert judge("ict", date_of_birth=born, gross_monthly_salary=figure.amount).ok
    low = judge("ict", date_of_birth=born, gross_monthly_salary=figure.amount - 1)
    assert codes(low, "gross_monthly_salary") == ["salary_below_threshold"]
    assert codes(judge("ict", gross_monthly_salary=1000), "gross_monthly_salary") == [
        "salary_below_threshold"]


# --- 15: EU Blue Card -------------------------------------------------------------------------


@pytest.mark.parametrize(("ict", "years", "ok"), [
    (False, 5, True), (False, 4, False), (True, 3, True), (True, 2, False)])
def test_blue_card_experience_instead_of_a_degree(ict: bool, years: int, ok: bool) -> None:
    ev = judge("eu_blue_card", qualification="experience", experience_years=years,
               ict_professional=ict)
    assert ev.ok is ok
    assert not ev.applies("diploma_country") and not ev.applies("recent_graduate")
    if not ok:
        assert codes(ev, "experience_years") == ["experience_too_short"]


def test_blue_card_experience_counts_only_from_12_june_2024() -> None:
    before = judge("eu_blue_card", date(2024, 6, 11), contract_start="2024-08-01",
                   qualification="experience", experience_years=10, ict_professional=False,
                   gross_monthly_salary=7000)
    assert codes(before, "experience_years") == ["experience_not_yet"]
    assert judge("eu_blue_card", date(2024, 6, 12), contract_start="2024-08-01",
                 qualification="experience", experience_years=10, ict_professional=False,
                 gross_monthly_salary=7000).ok


def test_blue_card_reduced_threshold_is_for_recent_graduates_only() -> None:
    reduced = threshold_on(ThresholdKind.BLUE_CARD_REDUCED, TODAY)
    assert reduced is not None
    recent = add_months(TODAY, -36).isoformat()
    assert judge("eu_blue_card", recent_graduate=True, graduation_date=recent,
                 gross_monthly_salary=reduced.amount).ok
    old = judge("eu_blue_card", recent_graduate=True, graduation_date="2023-11-01",
                gross_monthly_salary=reduced.amount)
    assert codes(old, "graduation_date") == ["too_long_ago"]
    # Not a recent graduate: the full threshold.
    assert codes(judge("eu_blue_card", recent_graduate=False,
                       gross_monthly_salary=reduced.amount), "gross_monthly_salary") == [
        "salary_below_threshold"]
    assert "graduate" in judge("eu_blue_card").form.field("recent_graduate").label.en
    assert "shortage" not in judge("eu_blue_card").form.field("recent_graduate").help.en


def test_blue_card_before_12_june_2024_had_one_threshold_of_6245() -> None:
    day = date(2024, 6, 11)
    graduated = add_months(day, -12).isoformat()
    for reduced in (False, True):
        at = judge("eu_blue_card", day, contract_start="2024-08-01", recent_graduate=reduced,
                   graduation_date=graduated, gross_monthly_salary=6245)
        assert at.ok, at.blocking
        below = judge("eu_blue_card", day, contract_start="2024-08-01",
                      recent_graduate=reduced, graduation_date=graduated,
                      gross_monthly_salary=6244)
        assert codes(below, "gross_monthly_salary") == ["salary_below_threshold"]
    after = date(2024, 6, 12)
    assert judge("eu_blue_card", after, contract_start="2024-08-01",
                 gross_monthly_salary=5331).ok
    assert judge("eu_blue_card", after, contract_start="2024-08-01", recent_graduate=True,
                 graduation_date=graduated, gross_monthly_salary=4265).ok


def test_the_portal_lists_both_2024_blue_card_thresholds() -> None:
    kinds = (ThresholdKind.BLUE_CARD, ThresholdKind.BLUE_CARD_REDUCED)
    listed = [(k.value, f.amount, f.starts.isoformat()) for k, f in thresholds_of_year(kinds, 2024)]
    assert listed == [("blue_card", 6245, "2024-01-01"), ("blue_card", 5331, "2024-06-12"),
                      ("blue_card_reduced", 4265, "2024-06-12")]


# --- issue 14, item 7: contract length and end date ----------------------------------------


def test_contract_length_and_end_date_must_agree() -> None:
    base = {"contract_type": "fixed_term", "contract_start": "2026-12-01"}
    wrong = judge("eu_blue_card", **base, contract_months=6, contract_end="2028-11-30")
    assert codes(wrong, "contract_end") == ["contract_length_mismatch"]
    text = wrong.issues_for("contract_end")[0].text
    assert "6 months" in text.en and "2028-11-30" in text.en and "2027-05-31" in text.en
    assert "6 maanden" in text.nl and "2028-11-30" in text.nl
    assert judge("eu_blue_card", **base, contract_months=6, contract_end="2027-05-31").ok
    # A day either way (the first day after six months) is the same contract.
    assert judge("eu_blue_card", **base, contract_months=6, contract_end="2027-06-01").ok
    assert judge("eu_blue_card", **base, contract_months=24, contract_end="2028-11-30").ok
    # A permanent contract has no end date to compare.
    assert judge("eu_blue_card", contract_type="permanent", contract_months=12).ok


# --- 17: the English eHerkenning guidance ----------------------------------------------------


def test_the_english_guidance_does_not_translate_middel_word_for_word() -> None:
    level = text("guidance.eh_level_insufficient.what", "en")
    assert "login method has a lower assurance level" in level and "means has" not in level
    assert "means lacks" not in text("guidance.eh_service_missing.what", "en")
