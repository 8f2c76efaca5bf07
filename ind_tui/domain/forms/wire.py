"""Between the form's flat answers and the ApplicationRequest body: some questions (name, date
of birth, nationality, V-number, permit expiry) travel outside `answers`; and a complete,
valid example answer set per form, built from the examples in the definitions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ind_tui.domain.forms.engine import holds
from ind_tui.domain.forms.fields import check_value
from ind_tui.domain.forms.schema import load_form

# Example answers are checked on this date; they hold on any later date too, as none of the
# example dates is required to lie in the future.
_EXAMPLE_DAY = "2026-11-02"


def merge_request(form_id: str, answers: Mapping[str, Any], employee: Mapping[str, Any],
                  permit_expiry: Any = None) -> dict[str, Any]:
    """The answers as the form sees them: the body's employee fields and permit expiry win
    over anything of the same name inside `answers`."""
    merged = dict(answers)
    for field in load_form(form_id).fields:
        if field.wire == "permit_expiry":
            merged[field.id] = permit_expiry
        elif field.wire is not None:
            merged[field.id] = employee.get(field.wire.split(".", 1)[1])
    return merged


def split_answers(form_id: str, answers: Mapping[str, Any]
                  ) -> tuple[dict[str, Any], dict[str, Any], Any]:
    """(answers, employee, permit_expiry) for an ApplicationRequest built from the wizard."""
    rest = dict(answers)
    employee: dict[str, Any] = {}
    expiry = None
    for field in load_form(form_id).fields:
        if field.wire is None:
            continue
        value = rest.pop(field.id, None)
        if field.wire == "permit_expiry":
            expiry = value
        else:
            employee[field.wire.split(".", 1)[1]] = value
    return rest, employee, expiry


def example_answers(form_id: str, *, with_wire: bool = False) -> dict[str, Any]:
    """A complete, valid answer set (deterministic). Without `with_wire`, only what goes in
    `answers`: the employee and permit expiry come from the request's own fields."""
    from datetime import date

    day = date.fromisoformat(_EXAMPLE_DAY)
    out: dict[str, Any] = {}
    seen: dict[str, Any] = {}
    form = load_form(form_id)
    for page in form.pages:
        if not holds(page.when, seen):
            continue
        for field in page.fields:
            if field.example is None or not holds(field.when, seen):
                continue
            value, problem = check_value(field, field.example, day)
            if problem is not None:
                raise ValueError(f"{form_id}.{field.id}: example is invalid ({problem.code})")
            seen[field.id] = value
            if with_wire or field.wire is None:
                out[field.id] = field.example
    return out
