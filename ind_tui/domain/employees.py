"""The rules the portal applies to a new employee registration (aanmelden).

The sandbox enforces them; the client checks a form or a CSV row with the same function
before anything is sent, so a refusal is found while the user can still fix it. The portal
answers a broken rule with `validation_failed` and one `{"loc": ["body", field], "msg":
code}` per problem (the purpose rule has its own code, `purpose_not_recognised`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from ind_tui.api.auth import Purpose
from ind_tui.api.employees import EmployeeRegistration
from ind_tui.domain.forms.countries import COUNTRIES
from ind_tui.domain.forms.rules import age_on

OLDEST_AGE = 120  # a date of birth further back is a typing error, not a person


@dataclass(frozen=True)
class Problem:
    """One broken rule: the registration field and a stable code (texts live in the UI)."""

    field: str
    code: str

    def as_error(self) -> dict[str, Any]:
        return {"loc": ["body", self.field], "msg": self.code, "type": f"employee.{self.code}"}


def registration_problems(
    reg: EmployeeRegistration, today: date, recognised: Collection[Purpose] | None = None
) -> list[Problem]:
    """Every rule `reg` breaks on `today`. `recognised`: the purposes the sponsor is recognised
    for (None: not checked)."""
    out: list[Problem] = []
    if not reg.name.strip():
        out.append(Problem("name", "blank"))
    if reg.date_of_birth >= today:
        out.append(Problem("date_of_birth", "in_future"))
    elif age_on(reg.date_of_birth, today) > OLDEST_AGE:
        out.append(Problem("date_of_birth", "implausible"))
    if reg.nationality not in COUNTRIES:
        out.append(Problem("nationality", "unknown_country"))
    if recognised is not None and reg.purpose not in recognised:
        out.append(Problem("purpose", "not_recognised"))
    if reg.start_date <= reg.date_of_birth:
        out.append(Problem("start_date", "before_birth"))
    if reg.permit_end is not None and reg.permit_end < reg.start_date:
        out.append(Problem("permit_end", "before_start"))
    if reg.contract_end is not None and reg.contract_end < reg.start_date:
        out.append(Problem("contract_end", "before_start"))
    return out


def problems_from_details(details: dict[str, Any]) -> list[Problem]:
    """The field problems in a portal refusal's details (pydantic's or the rules above)."""
    out: list[Problem] = []
    errors = details.get("errors")
    if not isinstance(errors, list):
        return out
    for err in errors:
        if not isinstance(err, dict):
            continue
        loc = [str(p) for p in err.get("loc", ())]
        field = loc[1] if len(loc) > 1 and loc[0] == "body" else (loc[-1] if loc else "")
        kind = str(err.get("type", ""))
        code = kind.removeprefix("employee.") if kind.startswith("employee.") else "invalid"
        out.append(Problem(field, code))
    return out
