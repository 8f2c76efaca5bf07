"""Before filing: does the same person already have an application of the same kind?

Three places are looked at, and each hit is a `PossibleDuplicate` with its case number:
- the portal: running cases of the same kind (the cases API, filtered by type);
- this computer: applications filed from here that the portal does not list yet (the
  receipts kept in drafts, `services/pending.py`);
- other drafts of the same company that are being filed right now (a submission started,
  no receipt yet).

The same person: the same V-number when both sides have one, else the same name and date
of birth (the portal's case list has no date of birth: there the name decides). Filing goes
on only after the user confirmed (TUI) or `--allow-duplicate` (CLI). No Textual here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ind_tui.api.cases import COMPLETED_STATUSES
from ind_tui.api.errors import ForbiddenError
from ind_tui.client.client import PortalClient
from ind_tui.domain.forms.rules import TYPES_BY_ID
from ind_tui.local.cache import LocalCache
from ind_tui.local.drafts.bundle import DraftInfo, list_drafts
from ind_tui.local.drafts.model import Draft, FilingStage
from ind_tui.local.paths import data_dir, drafts_dir
from ind_tui.services.pending import pending_case

Source = Literal["portal", "pending", "filing"]

# Types that are the same application for one person: a first HSM application with or
# without MVV differ only in how the person enters.
_KINDS = {"hsm_first_mvv": "hsm_first", "hsm_first_vvr": "hsm_first"}


def kind_of(type_id: str) -> str:
    return _KINDS.get(type_id, type_id)


def types_of_kind(type_id: str) -> tuple[str, ...]:
    kind = kind_of(type_id)
    return tuple(t for t in TYPES_BY_ID if kind_of(t) == kind)


@dataclass(frozen=True)
class Person:
    name: str | None
    date_of_birth: str | None  # YYYY-MM-DD
    v_number: str | None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def person_of(answers: Mapping[str, Any]) -> Person | None:
    """The person an application is for; None when the form names nobody (a notification)."""
    person = Person(_text(answers.get("employee_name")), _text(answers.get("date_of_birth")),
                    _text(answers.get("v_number")))
    return person if person.name or person.v_number else None


def _name_key(name: str) -> str:
    # Case, accents and spacing differ between a register, a passport and a payroll export.
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def same_person(a: Person, b: Person) -> bool:
    if a.v_number and b.v_number:
        return a.v_number == b.v_number
    if not a.name or not b.name or _name_key(a.name) != _name_key(b.name):
        return False
    return a.date_of_birth is None or b.date_of_birth is None or (
        a.date_of_birth == b.date_of_birth)


@dataclass(frozen=True)
class PossibleDuplicate:
    source: Source
    type_id: str
    employee_name: str
    v_number: str | None
    zaaknummer: str | None  # None: a draft being filed that has no receipt yet
    status: str  # the case's status, or the draft's filing stage
    draft_path: Path | None = None


@dataclass(frozen=True)
class DuplicateCheck:
    found: tuple[PossibleDuplicate, ...]
    portal_checked: bool  # False: this account may not list cases (a non-recognised employer)

    @property
    def case_numbers(self) -> tuple[str, ...]:
        return tuple(d.zaaknummer or (d.draft_path.name if d.draft_path else "?")
                     for d in self.found)


def cached_zaaknummers(scope: str, path: Path | None = None) -> set[str]:
    """Every case number the local cache knows for this login, archived ones included (a
    receipt whose case left the portal's list is not "not yet registered")."""
    file = path or data_dir() / "cache.db"
    if not file.exists():
        return set()
    cache = LocalCache(file)
    try:
        return {c.case.zaaknummer for c in cache.cases(scope)}
    finally:
        cache.close()


def _being_filed(draft: Draft) -> bool:
    stage = FilingStage(draft.stage)
    started = draft.idempotency_key is not None or draft.application_id is not None
    return stage in (FilingStage.SUBMITTED, FilingStage.PAID) or (
        stage is FilingStage.NOT_SENT and started)


def _drafts_in(folders: Iterable[Path]) -> list[DraftInfo]:
    infos: list[DraftInfo] = []
    seen: set[Path] = set()
    for folder in folders:
        where = folder.resolve()
        if where in seen:
            continue
        seen.add(where)
        try:
            infos += list_drafts(folder)
        except OSError:  # no such folder (yet)
            continue
    return infos


def local_duplicates(draft: Draft, known: Collection[str], folders: Iterable[Path] = ()
                     ) -> list[PossibleDuplicate]:
    """Drafts of this computer for the same person and kind: filed but not registered yet
    (their case number not among `known`), or being filed. Looks in the drafts folder and
    in `folders` (where a script keeps its drafts)."""
    person = person_of(draft.answers)
    if person is None:
        return []
    infos = _drafts_in([drafts_dir(), *folders])
    kinds = types_of_kind(draft.form_id)
    found: dict[str, PossibleDuplicate] = {}
    for info in infos:
        other = info.draft
        if other is None or other.draft_id == draft.draft_id or other.form_id not in kinds:
            continue
        if other.kvk and draft.kvk and other.kvk != draft.kvk:
            continue
        theirs = person_of(other.answers)
        if theirs is None or not same_person(person, theirs):
            continue
        pending = pending_case(other, info.path)
        if pending is not None and pending.zaaknummer not in known:
            found.setdefault(pending.zaaknummer, PossibleDuplicate(
                "pending", other.form_id, pending.employee_name, pending.v_number,
                pending.zaaknummer, "submitted", info.path))
        elif pending is None and _being_filed(other):
            found.setdefault(str(info.path), PossibleDuplicate(
                "filing", other.form_id, theirs.name or "", theirs.v_number, None,
                FilingStage(other.stage).value, info.path))
    return list(found.values())


async def check_duplicates(client: PortalClient, draft: Draft, *,
                           known: Collection[str] = (), folders: Iterable[Path] = ()
                           ) -> DuplicateCheck:
    """Everything that may make this draft a second application for the same person.
    `known`: case numbers known besides the portal's list (the local cache)."""
    person = person_of(draft.answers)
    if person is None:
        return DuplicateCheck((), True)
    found: list[PossibleDuplicate] = []
    listed: set[str] = set(known)
    checked = True
    try:
        for type_id in types_of_kind(draft.form_id):
            async for page in client.iter_cases(type_id=type_id):
                for case in page.items:
                    listed.add(case.zaaknummer)
                    theirs = Person(case.employee_name, None, case.v_number)
                    if case.status in COMPLETED_STATUSES or not same_person(person, theirs):
                        continue
                    found.append(PossibleDuplicate(
                        "portal", case.type_id, case.employee_name, case.v_number,
                        case.zaaknummer, case.status.value))
    except ForbiddenError:
        checked = False  # this account sees no cases; what this computer knows still counts
    found += local_duplicates(draft, listed, folders)
    return DuplicateCheck(tuple(found), checked)
