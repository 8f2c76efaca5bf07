"""Form definitions as data: the JSON files in `definitions/`, read into frozen objects.

One file per form and version (`<form id>.v<version>.json`). The loader refuses a malformed
definition loudly, so a mistake in a file is found by the tests and never by a user.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ind_tui.domain.forms.rules import TYPES_BY_ID
from ind_tui.domain.forms.texts import Text

FIELD_TYPES = frozenset({
    "text", "date", "choice", "yes_no", "number", "money", "country", "v_number", "bsn",
    "postcode", "email", "phone",
})
# Where a field's value travels outside `answers` in an ApplicationRequest.
WIRE_TARGETS = frozenset({
    "employee.name", "employee.date_of_birth", "employee.nationality", "employee.v_number",
    "permit_expiry",
})
RULE_NAMES = frozenset({
    "salary_threshold", "extension_window", "max_age_months", "date_after", "report_within",
    "experience_years", "contract_length",
})

Condition = Mapping[str, Any]


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    label: Text
    help: Text
    required: bool = True
    when: Condition | None = None
    choices: tuple[Choice, ...] = ()
    min: float | None = None
    max: float | None = None
    min_length: int | None = None
    max_length: int = 200
    not_future: bool = False
    not_past: bool = False
    must_be_yes: bool = False
    yes_reason: Text | None = None  # why only "yes" will do: said when the answer is "no"
    wire: str | None = None
    example: Any = None


@dataclass(frozen=True)
class Page:
    id: str
    title: Text
    fields: tuple[Field, ...]
    when: Condition | None = None


@dataclass(frozen=True)
class DocumentSlot:
    id: str
    label: Text
    help: Text
    required: bool = False
    when: Condition | None = None
    uploadable: bool = True


@dataclass(frozen=True)
class Rule:
    name: str
    field: str
    params: Mapping[str, Any]
    when: Condition | None = None


@dataclass(frozen=True)
class Notice:
    id: str
    text: Text
    when: Condition | None = None


@dataclass(frozen=True)
class FormDef:
    id: str
    version: int
    title: Text
    intro: Text
    pages: tuple[Page, ...]
    documents: tuple[DocumentSlot, ...]
    rules: tuple[Rule, ...]
    notices: tuple[Notice, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for p in self.pages for f in p.fields)

    def field(self, field_id: str) -> Field:
        for f in self.fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)


def _field(raw: Mapping[str, Any], where: str) -> Field:
    fid, ftype = raw.get("id"), raw.get("type")
    if not isinstance(fid, str) or ftype not in FIELD_TYPES:
        raise ValueError(f"{where}: field needs an id and a known type, got {fid!r}/{ftype!r}")
    here = f"{where}.{fid}"
    choices = tuple(Choice(str(c["value"]), Text.parse(c.get("label"), f"{here}.choice"))
                    for c in raw.get("choices", ()))
    if (ftype == "choice") != bool(choices):
        raise ValueError(f"{here}: choices belong to (and are needed by) a choice field")
    wire = raw.get("wire")
    if wire is not None and wire not in WIRE_TARGETS:
        raise ValueError(f"{here}: unknown wire target {wire!r}")
    must_be_yes = bool(raw.get("must_be_yes"))
    yes_reason = Text.parse(raw.get("yes_reason"), f"{here}.yes_reason") if must_be_yes else None
    return Field(
        id=fid, type=ftype, label=Text.parse(raw.get("label"), f"{here}.label"),
        help=Text.parse(raw.get("help"), f"{here}.help"),
        required=bool(raw.get("required", True)), when=raw.get("when"), choices=choices,
        min=raw.get("min"), max=raw.get("max"), min_length=raw.get("min_length"),
        max_length=int(raw.get("max_length", 200)), not_future=bool(raw.get("not_future")),
        not_past=bool(raw.get("not_past")), must_be_yes=must_be_yes,
        yes_reason=yes_reason, wire=wire, example=raw.get("example"),
    )


def parse_form(raw: Mapping[str, Any]) -> FormDef:
    form_id = str(raw["id"])
    pages = tuple(
        Page(id=str(p["id"]), title=Text.parse(p.get("title"), f"{form_id}.{p['id']}"),
             fields=tuple(_field(f, f"{form_id}.{p['id']}") for f in p["fields"]),
             when=p.get("when"))
        for p in raw["pages"]
    )
    docs = tuple(
        DocumentSlot(id=str(d["id"]), label=Text.parse(d.get("label"), f"{form_id}.{d['id']}"),
                     help=Text.parse(d.get("help"), f"{form_id}.{d['id']}.help"),
                     required=bool(d.get("required", False)), when=d.get("when"),
                     uploadable=bool(d.get("uploadable", True)))
        for d in raw.get("documents", ())
    )
    rules = tuple(Rule(name=str(r["rule"]), field=str(r["field"]), params=r.get("params", {}),
                       when=r.get("when")) for r in raw.get("rules", ()))
    notices = tuple(Notice(id=str(n["id"]), text=Text.parse(n.get("text"), f"{form_id}.{n['id']}"),
                           when=n.get("when")) for n in raw.get("notices", ()))
    form = FormDef(id=form_id, version=int(raw["version"]),
                   title=Text.parse(raw.get("title"), f"{form_id}.title"),
                   intro=Text.parse(raw.get("intro"), f"{form_id}.intro"),
                   pages=pages, documents=docs, rules=rules, notices=notices)
    _check_references(form)
    return form


def _check_references(form: FormDef) -> None:
    ids = [f.id for f in form.fields]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{form.id}: duplicate field ids")
    known = set(ids)

    def refs(cond: Any) -> set[str]:
        if not isinstance(cond, Mapping):
            return set()
        out = {cond["field"]} if "field" in cond else set()
        for key in ("all", "any"):
            for sub in cond.get(key, ()):
                out |= refs(sub)
        return out | refs(cond.get("not"))

    conds = [p.when for p in form.pages] + [f.when for f in form.fields]
    conds += [d.when for d in form.documents] + [r.when for r in form.rules]
    conds += [n.when for n in form.notices]
    for cond in conds:
        if not refs(cond) <= known:
            raise ValueError(f"{form.id}: condition names unknown fields {refs(cond) - known}")
    for rule in form.rules:
        if rule.name not in RULE_NAMES or rule.field not in known:
            raise ValueError(f"{form.id}: rule {rule.name} on {rule.field} is unknown")


def _definitions() -> Any:
    return resources.files("ind_tui.domain.forms").joinpath("definitions")


@cache
def load_form(form_id: str) -> FormDef:
    """The current definition of a form (its version is the one rules.py names)."""
    rule = TYPES_BY_ID.get(form_id)
    if rule is None:
        raise KeyError(f"unknown form {form_id!r}")
    text = _definitions().joinpath(f"{form_id}.v{rule.form_version}.json").read_text("utf-8")
    form = parse_form(json.loads(text))
    if form.id != form_id or form.version != rule.form_version:
        raise ValueError(f"{form_id}: file holds {form.id} v{form.version}")
    return form


def form_ids() -> tuple[str, ...]:
    return tuple(TYPES_BY_ID)
