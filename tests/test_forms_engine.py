"""The form engine on every shipped form: valid sets pass, wrong answers fail on the right field
with the right code, hidden fields are neither required nor checked, texts exist in nl and en."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from ind_tui.domain.forms import (
    evaluate,
    example_answers,
    fee_for,
    form_ids,
    load_form,
    split_answers,
)
from ind_tui.domain.forms.engine import Evaluation
from ind_tui.domain.forms.rules import APPLICATION_TYPES
from ind_tui.domain.forms.schema import parse_form
from ind_tui.domain.forms.texts import MESSAGES, Text

TODAY = date(2026, 11, 2)
FORMS = list(form_ids())
PERSON = {"employee_name": "Priya Patel", "date_of_birth": "1990-05-17", "nationality": "IND",
          "v_number": "2345678901", "permit_expiry": "2027-01-15"}


def full(form_id: str, **changes: Any) -> dict[str, Any]:
    answers = {**example_answers(form_id, with_wire=True), **PERSON, **changes}
    return {k: v for k, v in answers.items() if v is not None}


def judge(form_id: str, today: date = TODAY, documents: tuple[str, ...] = (),
          **changes: Any) -> Evaluation:
    return evaluate(form_id, full(form_id, **changes), today=today, documents=documents)


def codes(ev: Evaluation) -> set[tuple[str, str]]:
    return {(i.target, i.code) for i in ev.blocking}


def test_every_application_type_has_a_definition_of_its_version() -> None:
    for rule in APPLICATION_TYPES:
        form = load_form(rule.id)
        assert (form.id, form.version) == (rule.id, rule.form_version)


@pytest.mark.parametrize("form_id", FORMS)
def test_the_example_set_passes_completely(form_id: str) -> None:
    ev = judge(form_id)
    assert ev.ok, codes(ev)
    assert ev.progress == 1.0 and ev.done_count == ev.required_count
    assert example_answers(form_id) == example_answers(form_id)  # deterministic


@pytest.mark.parametrize("form_id", FORMS)
def test_an_empty_set_names_every_required_field(form_id: str) -> None:
    ev = evaluate(form_id, {}, today=TODAY)
    assert not ev.ok and ev.progress < 1.0
    shown = {f.field.id for p in ev.pages for f in p.fields if f.field.required}
    assert shown and set(ev.missing) == shown
    assert all(i.code == "required" for i in ev.blocking)


@pytest.mark.parametrize("form_id", FORMS)
def test_every_text_exists_in_both_languages(form_id: str) -> None:
    form = load_form(form_id)
    texts: list[Text] = [form.title, form.intro]
    texts += [p.title for p in form.pages]
    for f in form.fields:
        texts += [f.label, f.help, *(c.label for c in f.choices)]
    for d in form.documents:
        texts += [d.label, d.help]
    texts += [n.text for n in form.notices]
    assert all(t.nl.strip() and t.en.strip() and t.nl != "" for t in texts)
    # Dutch and English really differ somewhere (not one language copied twice).
    assert any(t.nl != t.en for t in texts)


def test_every_message_exists_in_both_languages() -> None:
    for code, text in MESSAGES.items():
        assert text.nl.strip() and text.en.strip() and text.nl != text.en, code


def test_a_definition_without_english_help_is_refused() -> None:
    raw = {"id": "x", "version": 1, "title": {"nl": "a", "en": "b"},
           "intro": {"nl": "a", "en": "b"},
           "pages": [{"id": "p", "title": {"nl": "a", "en": "b"}, "fields": [
               {"id": "f", "type": "text", "label": {"nl": "a", "en": "b"},
                "help": {"nl": "alleen Nederlands"}}]}]}
    with pytest.raises(ValueError, match="help"):
        parse_form(raw)


@pytest.mark.parametrize("form_id", [f for f in FORMS if f != "position_notification"])
def test_the_photo_card_is_never_uploadable_and_explained(form_id: str) -> None:
    slot = next(d for d in load_form(form_id).documents if d.id == "photo_card")
    assert not slot.uploadable and not slot.required
    assert "post" in slot.help.en and "appointment" in slot.help.en
    assert "afspraak" in slot.help.nl
    ev = judge(form_id, documents=("photo_card",))
    assert ("photo_card", "document_not_uploadable") in codes(ev)
    assert any("photo card" in n.en for n in judge(form_id).notices)


@pytest.mark.parametrize("form_id", FORMS)
def test_a_document_the_form_does_not_name_is_a_warning_not_a_stop(form_id: str) -> None:
    ev = judge(form_id, documents=("passport",))
    assert ("passport", "document_unknown") in {(i.target, i.code) for i in ev.issues}
    assert "passport" not in {i.target for i in ev.blocking}


@pytest.mark.parametrize(("field", "value", "code"), [
    ("date_of_birth", "17-05-1990", "invalid_date"),
    ("date_of_birth", "2027-01-01", "date_in_future"),
    ("nationality", "XYZ", "invalid_country"),
    ("v_number", "123456789", "invalid_v_number"),
    ("gross_monthly_salary", "lots", "invalid_money"),
    ("gross_monthly_salary", -5, "invalid_money"),
    ("contract_type", "freelance", "invalid_choice"),
    ("recent_graduate", "maybe", "invalid_yes_no"),
    ("postcode", "0123 AB", "invalid_postcode"),
    ("contact_email", "hr@", "invalid_email"),
    ("contact_phone", "12", "invalid_phone"),
    ("job_title", ["not", "text"], "invalid_type"),
    ("job_title", "x" * 121, "too_long"),
])
def test_wrong_formats_fail_on_their_field(field: str, value: Any, code: str) -> None:
    assert (field, code) in codes(judge("hsm_first_vvr", **{field: value}))


@pytest.mark.parametrize(("field", "value"), [
    ("postcode", "2511ab"), ("contact_email", "a.b@example.co.uk"),
    ("contact_phone", "+31 70 123 45 67"), ("gross_monthly_salary", "7.000,00"),
    ("gross_monthly_salary", "7000.50"), ("recent_graduate", "nee"), ("nationality", "ind"),
])
def test_accepted_notations(field: str, value: Any) -> None:
    assert judge("hsm_first_vvr", **{field: value}).ok


def test_values_are_normalised() -> None:
    ev = judge("hsm_first_vvr", postcode="2511ab", gross_monthly_salary="7.000,50")
    assert ev.values["postcode"] == "2511 AB"
    assert ev.values["gross_monthly_salary"] == Decimal("7000.50")


def test_counts_and_ranges() -> None:
    assert ("contract_months", "too_small") in codes(judge("eu_blue_card", contract_months=5))
    assert judge("eu_blue_card", contract_months=6).ok
    assert ("months_in_group", "too_small") in codes(judge("ict", months_in_group=2))
    assert ("months_in_group", "invalid_number") in codes(judge("ict", months_in_group=2.5))


@pytest.mark.parametrize(("form_id", "field", "means"), [
    ("researcher", "hosting_agreement", ("gastovereenkomst", "hosting agreement")),
    ("family_first", "same_household", ("niet bij de kennismigrant woont", "does not live")),
    ("family_extension", "same_household", ("samenwonen", "living together")),
])
def test_a_no_that_must_be_yes_says_what_it_means_and_why(
        form_id: str, field: str, means: tuple[str, str]) -> None:
    """The refusal of a "no" names, per field, what that answer means and why it stops the
    application; not one sentence for all."""
    issue = judge(form_id, **{field: False}).issues_for(field)
    assert [i.code for i in issue] == ["must_be_yes"]
    assert means[0] in issue[0].text.nl and means[1] in issue[0].text.en
    assert "yes" in issue[0].text.en and "ja" in issue[0].text.nl


def test_a_must_be_yes_field_without_a_reason_is_refused_at_load() -> None:
    raw = {"id": "x", "version": 1, "title": {"nl": "x", "en": "x"},
           "intro": {"nl": "x", "en": "x"}, "pages": [{"id": "p", "title": {"nl": "p", "en": "p"},
           "fields": [{"id": "ok", "type": "yes_no", "label": {"nl": "a", "en": "a"},
                       "help": {"nl": "h", "en": "h"}, "must_be_yes": True}]}]}
    with pytest.raises(ValueError, match="yes_reason"):
        parse_form(raw)


def test_a_hidden_field_is_neither_required_nor_checked() -> None:
    ev = judge("hsm_first_vvr", contract_end="not a date")  # permanent: no end date
    assert ev.ok and not ev.applies("contract_end")
    fixed = judge("hsm_first_vvr", contract_type="fixed_term")
    assert ("contract_end", "required") in codes(fixed)
    bad = judge("hsm_first_vvr", contract_type="fixed_term", contract_end="not a date")
    assert ("contract_end", "invalid_date") in codes(bad)
    early = judge("hsm_first_vvr", contract_type="fixed_term", contract_end="2026-11-30")
    assert ("contract_end", "date_order") in codes(early)
    assert judge("hsm_first_vvr", contract_type="fixed_term", contract_end="2027-12-01").ok


def test_a_hidden_page_is_left_out() -> None:
    mvv = judge("hsm_first_mvv", postcode="garbage")
    assert mvv.ok and "address" not in {p.page.id for p in mvv.pages}
    assert "mvv" in {p.page.id for p in mvv.pages}


def test_conditional_documents() -> None:
    ev = judge("hsm_first_vvr", antecedents=True)
    wanted = {("antecedents_details", "required"), ("passport_copy", "document_required")}
    assert wanted <= codes(ev)
    done = judge("hsm_first_vvr", antecedents=True, antecedents_details="Traffic, 2019, IND",
                 documents=("passport_copy",))
    assert done.ok
    # A foreign diploma must be uploaded and comes with the legalisation reminder.
    foreign = judge("eu_blue_card", diploma_country="IND")
    assert ("diploma", "document_required") in codes(foreign)
    assert any("apostille" in n.en for n in foreign.notices)
    assert not any("apostille" in n.en for n in judge("eu_blue_card").notices)


def test_children_need_consent_and_custody_when_a_parent_stays_behind() -> None:
    child = judge("family_first", relation="child", other_parent_joins=False)
    assert {("birth_certificate", "document_required"),
            ("consent_declaration", "document_required"),
            ("custody_proof", "document_required")} <= codes(child)
    assert not child.applies("partner_kind")
    both = judge("family_first", relation="child", other_parent_joins=True,
                 documents=("birth_certificate",))
    assert both.ok, codes(both)
    assert any("legalised" in n.en for n in both.notices)


def test_issue_locations_follow_the_request_body() -> None:
    ev = evaluate("hsm_extension", {"v_number": "12"}, today=TODAY)
    locs = {i.target: i.loc for i in ev.issues}
    assert locs["v_number"] == ("employee", "v_number")
    assert locs["permit_expiry"] == ("permit_expiry",)
    assert locs["job_title"] == ("answers", "job_title")


def test_split_answers_moves_the_person_out() -> None:
    rest, employee, expiry = split_answers("hsm_extension", full("hsm_extension"))
    assert employee == {"name": "Priya Patel", "date_of_birth": "1990-05-17",
                        "nationality": "IND", "v_number": "2345678901"}
    assert expiry == "2027-01-15" and rest == example_answers("hsm_extension")


def test_fee_from_portal_table_or_rules() -> None:
    assert fee_for("hsm_first_vvr", 2025).amount == 405
    assert fee_for("hsm_first_vvr", 2024, 999).amount == 999
    assert fee_for("family_first", 2026, {"family_first": 254}).provisional is False
    unknown = fee_for("family_first", 2026)
    assert unknown.amount == 243 and unknown.provisional
    # Nothing published for researchers: the standard fee stands in, marked provisional.
    researcher = fee_for("researcher", 2026)
    assert (researcher.amount, researcher.provisional) == (423, True)
    assert "not published" in researcher.source
    assert fee_for("researcher", 2026, {"researcher": 350}).amount == 350
    assert fee_for("position_notification", 2026).amount == 0
    assert fee_for("hsm_first_vvr", 2030).provisional
    assert judge("hsm_first_vvr").fee.amount == 423


@pytest.mark.parametrize("junk", [
    {"gross_monthly_salary": float("nan")}, {"gross_monthly_salary": float("inf")},
    {"gross_monthly_salary": True}, {"date_of_birth": "0001-01-01"},
    {"contract_start": "9999-12-31"}, {"recent_graduate": {"a": 1}}, {"contract_type": None},
])
def test_odd_values_never_crash(junk: dict[str, Any]) -> None:
    evaluate("hsm_change_employer", full("hsm_change_employer", **junk), today=TODAY)
    evaluate("hsm_extension", full("hsm_extension", permit_expiry="0001-01-01"), today=TODAY)
    evaluate("hsm_extension", full("hsm_extension", permit_expiry="9999-12-31"), today=TODAY)
