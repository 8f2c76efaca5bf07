"""The portal enforces and publishes what the client evaluates (issue 16, items 14-17; issue
14, item 7): for each rule, the client's verdict on an answer set and the sandbox's answer to
the same body over HTTP agree, and `/application-types` publishes fees and thresholds with
their source and provisional flag."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest

from ind_tui.domain.forms import evaluate, example_answers
from ind_tui.domain.forms.figures import ThresholdKind, threshold_on
from tests.conftest import ADMIN, API, bearer
from tests.test_forms_agree import body

TODAY = date(2026, 11, 2)  # the sandbox clock's start
PERSON = {"employee_name": "Mei Chen", "date_of_birth": "1980-01-01", "nationality": "CHN",
          "v_number": "2345678901", "permit_expiry": "2027-01-15"}
IDENTITY = {"researcher": "research-eh3"}


async def _file(http: httpx.AsyncClient, form_id: str, key: str,
                **changes: Any) -> tuple[set[tuple[str, str]], httpx.Response]:
    """The client's blocking verdict and the portal's answer, for the same answers."""
    answers = {**example_answers(form_id, with_wire=True), **PERSON, **changes}
    answers = {k: v for k, v in answers.items() if v is not None}
    verdict = evaluate(form_id, answers, today=TODAY)
    client = {(i.target, i.code) for i in verdict.blocking}
    auth = await bearer(http, IDENTITY.get(form_id, "sponsor-eh3"))
    r = await http.post(f"{API}/applications", json=body(form_id, answers),
                        headers={**auth, "Idempotency-Key": f"figures-{key}"})
    if client:
        assert r.status_code == 422, r.text
        server = {(e["loc"][-1], e["code"]) for e in r.json()["details"]["errors"]}
        assert server == client
        msgs = [e["msg"] for e in r.json()["details"]["errors"]]
        assert msgs == [i.text.en for i in verdict.blocking]
    else:
        assert r.status_code == 201, r.text
    return client, r


# --- 14 ---------------------------------------------------------------------------------------


async def test_ict_at_1000_a_month_is_refused_by_both(http: httpx.AsyncClient) -> None:
    refused, _ = await _file(http, "ict", "ict-low", gross_monthly_salary=1000)
    assert refused == {("gross_monthly_salary", "salary_below_threshold")}
    figure = threshold_on(ThresholdKind.HSM_30_PLUS, TODAY)
    assert figure is not None
    ok, _ = await _file(http, "ict", "ict-ok", gross_monthly_salary=figure.amount)
    assert ok == set()


# --- 15 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("ict", "years", "refused"), [
    (False, 5, set()), (False, 4, {("experience_years", "experience_too_short")}),
    (True, 3, set()), (True, 2, {("experience_years", "experience_too_short")})])
async def test_blue_card_on_experience(http: httpx.AsyncClient, ict: bool, years: int,
                                       refused: set[tuple[str, str]]) -> None:
    got, _ = await _file(http, "eu_blue_card", f"exp-{ict}-{years}", qualification="experience",
                         experience_years=years, ict_professional=ict)
    assert got == refused


async def test_blue_card_reduced_threshold_needs_a_recent_degree(
        http: httpx.AsyncClient) -> None:
    reduced = threshold_on(ThresholdKind.BLUE_CARD_REDUCED, TODAY)
    assert reduced is not None
    recent, _ = await _file(http, "eu_blue_card", "grad-recent", recent_graduate=True,
                            graduation_date="2024-07-01", gross_monthly_salary=reduced.amount)
    assert recent == set()
    old, _ = await _file(http, "eu_blue_card", "grad-old", recent_graduate=True,
                         graduation_date="2020-07-01", gross_monthly_salary=reduced.amount)
    assert old == {("graduation_date", "too_long_ago")}
    full, _ = await _file(http, "eu_blue_card", "grad-none", recent_graduate=False,
                          gross_monthly_salary=reduced.amount)
    assert full == {("gross_monthly_salary", "salary_below_threshold")}


# --- issue 14, item 7 ---------------------------------------------------------------------------


async def test_blue_card_contract_length_must_match_its_end(http: httpx.AsyncClient) -> None:
    got, r = await _file(http, "eu_blue_card", "length", contract_type="fixed_term",
                         contract_start="2026-12-01", contract_months=6,
                         contract_end="2028-11-30")
    assert got == {("contract_end", "contract_length_mismatch")}
    msg = r.json()["details"]["errors"][0]["msg"]
    assert "6 months" in msg and "2028-11-30" in msg
    agreed, _ = await _file(http, "eu_blue_card", "length-ok", contract_type="fixed_term",
                            contract_start="2026-12-01", contract_months=24,
                            contract_end="2028-11-30")
    assert agreed == set()


# --- 17 ---------------------------------------------------------------------------------------


async def test_a_no_that_must_be_yes_is_refused_with_its_reason(http: httpx.AsyncClient) -> None:
    got, r = await _file(http, "researcher", "hosting", hosting_agreement=False)
    assert got == {("hosting_agreement", "must_be_yes")}
    assert "hosting agreement" in r.json()["details"]["errors"][0]["msg"]


# --- 16 ---------------------------------------------------------------------------------------


async def _types(http: httpx.AsyncClient, identity: str) -> dict[str, dict[str, Any]]:
    r = await http.get(f"{API}/application-types", headers=await bearer(http, identity))
    assert r.status_code == 200, r.text
    return {t["id"]: t for t in r.json()}


async def test_fees_are_published_with_source_and_provisional_flag(
        http: httpx.AsyncClient) -> None:
    types = await _types(http, "sponsor-eh3")
    hsm, family = types["hsm_first_vvr"], types["family_first"]
    assert (hsm["fee_eur"], hsm["fee_provisional"]) == (423, False)
    assert "ind.nl" in hsm["fee_source"]
    # Not published for 2026: the family fee's own latest figure, marked; not the standard fee.
    assert (family["fee_eur"], family["fee_provisional"]) == (243, True)
    assert "not published for 2026" in family["fee_source"]
    researcher = (await _types(http, "research-eh3"))["researcher"]
    assert researcher["fee_provisional"] is True
    assert "not published" in researcher["fee_source"]


async def test_a_family_application_is_charged_the_family_fee(http: httpx.AsyncClient) -> None:
    _, r = await _file(http, "family_first", "family-fee")
    assert r.json()["fee_eur"] == 243


async def test_thresholds_are_published_per_type_this_year_and_next(
        http: httpx.AsyncClient) -> None:
    types = await _types(http, "sponsor-eh3")
    ict = {(t["kind"], t["year"]): t for t in types["ict"]["thresholds"]}
    assert ict[("hsm_30_plus", 2026)]["amount_eur"] == 5942
    assert ict[("hsm_30_plus", 2026)]["provisional"] is False
    assert "ind.nl" in ict[("hsm_30_plus", 2026)]["source"]
    assert ict[("hsm_30_plus", 2027)]["provisional"] is True
    assert "not published for 2027" in ict[("hsm_30_plus", 2027)]["source"]
    blue = {t["kind"] for t in types["eu_blue_card"]["thresholds"]}
    assert blue == {"blue_card", "blue_card_reduced"}
    assert types["family_first"]["thresholds"] == []


async def test_a_year_without_published_figures_is_provisional(http: httpx.AsyncClient) -> None:
    r = await http.post(f"{API}/sandbox/clock", headers=ADMIN, json={"advance_days": 61})
    assert r.status_code == 200, r.text  # 2027-01-02
    hsm = (await _types(http, "sponsor-eh3"))["hsm_first_vvr"]
    assert (hsm["fee_year"], hsm["fee_provisional"]) == (2027, True)
    this_year = [t for t in hsm["thresholds"] if t["year"] == 2027]
    assert this_year and all(t["provisional"] for t in this_year)
