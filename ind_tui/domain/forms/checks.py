"""Domain rules that look at more than one answer, named in the definitions by `rule`.

Each rule gets the checked values of the fields that apply (hidden or invalid fields are
absent, so a rule never adds a second complaint about an answer that is already wrong) and
returns its findings. The figures come from rules.py, never from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from ind_tui.domain.forms.rules import (
    ThresholdKind,
    add_months,
    extension_opens,
    hsm_threshold_kind,
    salary_threshold,
)
from ind_tui.domain.forms.texts import THRESHOLD_NAMES, Text


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


def salary_check(target: str, values: Mapping[str, Any], params: Mapping[str, Any],
                 today: date) -> list[Finding]:
    """Gross monthly salary against the threshold of the submission year (or the year named
    by `year_field`, e.g. the start of a new contract). `scheme` is "hsm" or "blue_card"."""
    salary = values.get(target)
    if not isinstance(salary, Decimal):
        return []
    reduced = values.get(params.get("reduced_field", "")) is True
    year_from = values.get(params.get("year_field", ""))
    year = year_from.year if isinstance(year_from, date) else today.year
    if params.get("scheme") == "blue_card":
        kind = ThresholdKind.BLUE_CARD_REDUCED if reduced else ThresholdKind.BLUE_CARD
    else:
        born = values.get(params.get("birth_field", "date_of_birth"))
        if not isinstance(born, date):
            return []  # the age is not known yet: the birth date's own issue says so
        kind = hsm_threshold_kind(born, today, reduced)
    threshold, table_year = salary_threshold(kind, year)
    if salary >= threshold:
        return []
    return [Finding(target, "salary_below_threshold", {
        "salary": _euro(salary), "threshold": _euro(threshold), "year": table_year,
        "kind": THRESHOLD_NAMES[kind.value]})]


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
    "extension_window": extension_check,
    "max_age_months": age_check,
    "date_after": order_check,
    "report_within": report_check,
}
