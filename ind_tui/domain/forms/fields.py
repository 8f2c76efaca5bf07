"""Checking one answer against its field: the format per field type, ranges and lengths.

Each check returns the normalised value (a date as `date`, money as `Decimal`, yes/no as
`bool`) or the issue code and its parameters. Answers come from drafts and from the wire, so
any JSON value may arrive here: nothing in this module raises on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from stdnum.nl import bsn, postcode

from ind_tui.domain.forms.countries import COUNTRIES
from ind_tui.domain.forms.schema import Field


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict[str, Any]


Checked = tuple[Any, Problem | None]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_V_NUMBER = re.compile(r"^\d{10}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()-]*$")
# Dutch notation (5.688,50) and plain notation (5688.50 or 5688) for amounts.
_MONEY_NL = re.compile(r"^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})$")
_MONEY_PLAIN = re.compile(r"^\d+(\.\d{1,2})?$")
_YES = {"yes", "ja", "true"}
_NO = {"no", "nee", "false"}


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _bad(code: str, **params: Any) -> Checked:
    return None, Problem(code, params)


def parse_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE.match(value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def _money(value: Any) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        amount = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    elif isinstance(value, str):
        text = value.strip().replace("€", "").replace(" ", "")
        if _MONEY_PLAIN.match(text):
            amount = Decimal(text)
        elif _MONEY_NL.match(text):
            amount = Decimal(text.replace(".", "").replace(",", "."))
        else:
            return None
    else:
        return None
    try:
        return amount if amount.is_finite() and amount >= 0 else None
    except InvalidOperation:
        return None


def _range(field: Field, number: Decimal | int) -> Problem | None:
    if field.min is not None and number < Decimal(str(field.min)):
        return Problem("too_small", {"min": _plain(field.min)})
    if field.max is not None and number > Decimal(str(field.max)):
        return Problem("too_large", {"max": _plain(field.max)})
    return None


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _text(field: Field, value: Any) -> Checked:
    if not isinstance(value, str):
        return _bad("invalid_type")
    text = value.strip()
    if field.min_length is not None and len(text) < field.min_length:
        return _bad("too_short", min=field.min_length)
    if len(text) > field.max_length:
        return _bad("too_long", max=field.max_length)
    return text, None


def _date(field: Field, value: Any, today: date) -> Checked:
    parsed = parse_date(value)
    if parsed is None:
        return _bad("invalid_date")
    if field.not_future and parsed > today:
        return _bad("date_in_future", today=today.isoformat())
    if field.not_past and parsed < today:
        return _bad("date_in_past", today=today.isoformat())
    return parsed, None


def _yes_no(field: Field, value: Any) -> Checked:
    if isinstance(value, str) and value.strip().lower() in _YES | _NO:
        value = value.strip().lower() in _YES
    if not isinstance(value, bool):
        return _bad("invalid_yes_no")
    if field.must_be_yes and not value:
        return _bad("must_be_yes", reason=field.yes_reason)
    return value, None


def _number(field: Field, value: Any) -> Checked:
    if isinstance(value, str) and re.fullmatch(r"\s*\d{1,12}\s*", value):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return _bad("invalid_number")
    problem = _range(field, value)
    return (None, problem) if problem else (value, None)


def _amount(field: Field, value: Any) -> Checked:
    amount = _money(value)
    if amount is None:
        return _bad("invalid_money")
    problem = _range(field, amount)
    return (None, problem) if problem else (amount, None)


def _compact(value: Any) -> str | None:
    return re.sub(r"[\s.-]", "", value) if isinstance(value, str) else None


def check_value(field: Field, value: Any, today: date) -> Checked:
    """Normalise and check an answered (non-empty) value."""
    kind = field.type
    if kind == "text":
        return _text(field, value)
    if kind == "date":
        return _date(field, value, today)
    if kind == "yes_no":
        return _yes_no(field, value)
    if kind == "number":
        return _number(field, value)
    if kind == "money":
        return _amount(field, value)
    if kind == "choice":
        ok = isinstance(value, str) and value in {c.value for c in field.choices}
        return (value, None) if ok else _bad("invalid_choice")
    if kind == "country":
        code = value.strip().upper() if isinstance(value, str) else None
        return (code, None) if code in COUNTRIES else _bad("invalid_country")
    if kind == "v_number":
        compact = _compact(value)
        ok = compact is not None and bool(_V_NUMBER.match(compact))
        return (compact, None) if ok else _bad("invalid_v_number")
    if kind == "bsn":
        compact = _compact(value)
        ok = compact is not None and bool(bsn.is_valid(compact))
        return (compact, None) if ok else _bad("invalid_bsn")
    if kind == "postcode":
        try:
            return postcode.validate(value), None
        except Exception:  # stdnum raises its own ValidationError family, or TypeError
            return _bad("invalid_postcode")
    if kind == "email":
        ok = isinstance(value, str) and len(value) <= 254 and bool(_EMAIL.match(value.strip()))
        return (value.strip(), None) if ok else _bad("invalid_email")
    if kind == "phone":
        digits = re.sub(r"\D", "", value) if isinstance(value, str) else ""
        ok = isinstance(value, str) and bool(_PHONE.match(value.strip()))
        ok = ok and 8 <= len(digits) <= 15
        return (value.strip(), None) if ok else _bad("invalid_phone")
    return _bad("invalid_type")
