"""Domain rules that look at more than one answer, named in the definitions by `rule`.

Each rule gets the checked values of the fields that apply (hidden or invalid fields are
absent, so a rule never adds a second complaint about an answer that is already wrong) and
returns its findings. The figures come from rules.py, never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ind_tui.domain.forms.figures import BLUE_CARD_2024, Figure, ThresholdKind, threshold_on
from ind_tui.domain.forms.rules import add_months, extension_opens, hsm_threshold_kind
from ind_tui.domain.forms.texts import PROVISIONAL, THRESHOLD_NAMES, Text


@dataclass(frozen=True)
class Finding:
    field: str
    code: str
    params: dict[str, Any] = dc_field(default_factory=dict)
    blocking: bool = True


RuleFn = Callable[[str, Mapping[str, Any], Mapping[str, Any], date], list[Finding]]


def _euro(amount: Decimal | int) -> Text:
    """An amount as each language writes it: 5.942,00 in Dutch, 5,942.00 in English.
    Not `i18n.format.number`: the sandbox runs these rules too and may not import the texts
    of the client (import-linter contract)."""
    english = f"{amount:,.2f}"
    dutch = english.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return Text(dutch, english)


def salary_threshold_for(values: Mapping[str, Any], params: Mapping[str, Any], today: date
                         ) -> tuple[ThresholdKind, Figure] | None:
    """The criterion and threshold that apply: on the submission date, or on the date named
    by `year_field` (the start of a new contract). `scheme` is "hsm" or "blue_card"; the age
    is taken on the submission date. None while the birth date is not known yet."""
    reduced = values.get(params.get("reduced_field", "")) is True
    on = values.get(params.get("year_field", ""))
    on = on if isinstance(on, date) else today
    if params.get("scheme") == "blue_card":
        kind = ThresholdKind.BLUE_CARD_REDUCED if reduced else ThresholdKind.BLUE_CARD
        figure = threshold_on(kind, on)
        if figure is None:  # no reduced criterion then (before 12 June 2024)
            kind, figure = ThresholdKind.BLUE_CARD, threshold_on(ThresholdKind.BLUE_CARD, on)
    else:
        born = values.get(params.get("birth_field", "date_of_birth"))
        if not isinstance(born, date):
            return None  # the birth date's own issue says what is missing
        kind = hsm_threshold_kind(born, today, reduced)
        figure = threshold_on(kind, on)
    return None if figure is None else (kind, figure)


def threshold_kinds(rules: Iterable[tuple[str, Mapping[str, Any]]]
                    ) -> tuple[ThresholdKind, ...]:
    """The salary criteria a form's rules (name, params) check."""
    out: list[ThresholdKind] = []
    for name, params in rules:
        if name != "salary_threshold":
            continue
        reduced = bool(params.get("reduced_field"))
        if params.get("scheme") == "blue_card":
            out += [ThresholdKind.BLUE_CARD] + [ThresholdKind.BLUE_CARD_REDUCED] * reduced
        else:
            out += [ThresholdKind.HSM_30_PLUS, ThresholdKind.HSM_UNDER_30]
            out += [ThresholdKind.HSM_REDUCED] * reduced
    return tuple(out)


def salary_check(target: str, values: Mapping[str, Any], params: Mapping[str, Any],
                 today: date) -> list[Finding]:
    """Gross monthly salary against the threshold that applies. A provisional threshold (not
    published for that year) is checked too, and said to be provisional even when met."""
    salary = values.get(target)
    found = salary_threshold_for(values, params, today)
    if not isinstance(salary, Decimal) or found is None:
        return []
    kind, figure = found
    facts = {"salary": _euro(salary), "threshold": _euro(figure.amount), "year": figure.year,
             "kind": THRESHOLD_NAMES[kind.value],
             "provisional": PROVISIONAL if figure.provisional else Text("", "")}
    if salary < figure.amount:
        return [Finding(target, "salary_below_threshold", facts)]
    if figure.provisional:
        return [Finding(target, "threshold_provisional", facts, blocking=False)]
    return []


def experience_check(target: str, values: Mapping[str, Any], params: Mapping[str, Any],
                     today: date) -> list[Finding]:
    """EU Blue Card without a degree: from 12 June 2024, `years` of relevant experience
    (`ict_years` for managers and specialists in information and communication technology)."""
    years = values.get(target)
    if not isinstance(years, int):
        return []
    if today < BLUE_CARD_2024:
        return [Finding(target, "experience_not_yet", {"since": BLUE_CARD_2024.isoformat()})]
    ict = values.get(str(params.get("ict_field", ""))) is True
    needed = int(params.get("ict_years", 3) if ict else params.get("years", 5))
    if years >= needed:
        return []
    return [Finding(target, "experience_too_short", {"years": years, "needed": needed})]


def contract_length_check(target: str, values: Mapping[str, Any], params: Mapping[str, Any],
                          today: date) -> list[Finding]:
    """The stated contract length and the end date agree: the end falls within half a month
    of the day before start + length (a month's length varies; a typo of years does not)."""
    end, start = values.get(target), values.get(str(params.get("start")))
    months = values.get(str(params.get("months")))
    if not isinstance(end, date) or not isinstance(start, date) or not isinstance(months, int):
        return []
    try:
        expected = add_months(start, months) - timedelta(days=1)
    except (OverflowError, ValueError):
        return []
    if abs((end - expected).days) <= 15:
        return []
    return [Finding(target, "contract_length_mismatch", {
        "months": months, "end": end.isoformat(), "start": start.isoformat(),
        "expected": expected.isoformat()})]


def extension_check(target: str, values: Mapping[str, Any], params: Mapping[str, Any],
                    today: date) -> list[Finding]:
    """An extension is filed from 3 months before the permit expires, and not after it."""
    expiry = values.get(target)
    if not isinstance(expiry, date):
        return []
    try:
        opens = extension_opens(expiry)
    except (OverflowError, ValueError):
        return [Finding(target, "invalid_date")]
    if today < opens:
        return [Finding(target, "extension_too_early", {"opens": opens.isoformat()})]
    if expiry < today:
        return [Finding(target, "permit_expired")]
    return []


def age_check(target: str, values: Mapping[str, Any], params: Mapping[str, Any],
              today: date) -> list[Finding]:
    """A dated document or event may be at most `months` old on the submission date."""
    when = values.get(target)
    if not isinstance(when, date):
        return []
    months = int(params.get("months", 6))
    try:
        oldest = add_months(today, -months)
    except (OverflowError, ValueError):
        return []
    if when >= oldest:
        return []
    code = str(params.get("code", "document_too_old"))
    return [Finding(target, code, {"date": when.isoformat(), "months": months,
                                   "oldest": oldest.isoformat()})]


def order_check(target: str, values: Mapping[str, Any], params: Mapping[str, Any],
                today: date) -> list[Finding]:
    later, earlier = values.get(target), values.get(str(params.get("other")))
    if not isinstance(later, date) or not isinstance(earlier, date) or later > earlier:
        return []
    return [Finding(target, "date_order", {"other": earlier.isoformat()})]


def report_check(target: str, values: Mapping[str, Any], params: Mapping[str, Any],
                 today: date) -> list[Finding]:
    """A late report is still accepted: the sponsor is told, not stopped."""
    when = values.get(target)
    if not isinstance(when, date):
        return []
    days = int(params.get("days", 28))
    try:
        deadline = when + timedelta(days=days)
    except OverflowError:
        return []
    if today <= deadline:
        return []
    return [Finding(target, "report_late", {"days": days, "deadline": deadline.isoformat()},
                    blocking=False)]


RULES: dict[str, RuleFn] = {
    "salary_threshold": salary_check,
    "experience_years": experience_check,
    "contract_length": contract_length_check,
    "extension_window": extension_check,
    "max_age_months": age_check,
    "date_after": order_check,
    "report_within": report_check,
}
