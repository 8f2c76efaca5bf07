"""Drafts as the drafts screen shows them, and the file operations behind its keys.

One `DraftRow` per .tfa: what the form engine says about it (progress, documents still
missing) and how far filing got. Renaming, duplicating and deleting work on the files only;
documents stay in the content-addressed store, which other drafts may share. No Textual here,
so the screen can run all of it in a thread.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ind_tui.api.auth import Me
from ind_tui.base.atomic import fsync_dir
from ind_tui.domain.forms.texts import Text
from ind_tui.local.drafts.bundle import (
    SUFFIX,
    DraftInfo,
    draft_path,
    list_drafts,
    missing_slots,
    read_bundle,
    save_draft,
)
from ind_tui.local.drafts.errors import DraftError
from ind_tui.local.drafts.model import Draft
from ind_tui.local.drafts.store import DocumentStore
from ind_tui.services.binding import Company, listed_for
from ind_tui.services.draft_copy import copy_draft

# A file name the user may type: one name in the drafts folder, never a path.
_NAME = re.compile(r"^\w[\w .,()+&'-]{0,100}$")
# Filing stages after which nothing is owed any more (a free application is done once
# submitted; a paid one waits only for its receipt).
DONE_STAGES = frozenset({"submitted", "paid", "done"})


def shown_name(path: Path) -> str:
    """A file name safe to put on a terminal: a name may hold control characters."""
    return "".join(ch if ch.isprintable() else "?" for ch in path.name)


class FileActionRefused(Exception):
    """A rename, duplicate or pack the screen refuses; `key` is the catalogue text."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class DraftRow:
    path: Path
    draft: Draft | None
    error: DraftError | None
    title: Text | None = None  # the form's name; None for an unreadable file
    employee: str = ""
    done: int = 0
    required: int = 0
    stage: str | None = None  # filing stage; None while it is still a draft
    missing: tuple[Text, ...] = ()  # required documents not attached (or not on this computer)
    reattach: tuple[Text, ...] = ()  # attached on another computer: the store lacks them
    known_form: bool = True

    @property
    def updated(self) -> datetime | None:
        return self.draft.updated_at if self.draft is not None else None

    @property
    def filed(self) -> bool:
        """Filed for good: the receipt is known, nothing more can happen to this draft."""
        return self.stage == "done"

    @property
    def unpaid(self) -> bool:
        """A submission was started, but the filing is not finished (payment, typically)."""
        return self.stage is not None and self.stage not in DONE_STAGES


def filing_stage(draft: Draft) -> str | None:
    """How far filing got, as a word for the list; None while nothing was sent.

    From the filing state the draft keeps (drafts/filing.py saves each step before the
    next): a key without a confirmed submission means it may or may not have arrived."""
    raw = getattr(draft, "stage", None)
    stage = str(getattr(raw, "value", raw) or "not_sent")
    if stage == "not_sent":
        return "started" if draft.idempotency_key else None
    if stage == "submitted":
        return "awaiting_payment" if getattr(draft, "fee_eur", None) else "submitted"
    return stage


def describe(info: DraftInfo, today: date, store: DocumentStore) -> DraftRow:
    """What one draft file amounts to on `today` (the portal's date)."""
    draft = info.draft
    if draft is None:
        return DraftRow(info.path, None, info.error)
    from ind_tui.domain.forms.engine import evaluate
    from ind_tui.domain.forms.schema import load_form

    employee = draft.answers.get("employee_name")
    employee = employee.strip() if isinstance(employee, str) else ""
    stage = filing_stage(draft)
    try:
        form = load_form(draft.form_id)
    except (KeyError, ValueError, OSError):
        # A form this version does not know (made by a newer ind-tui): list it anyway.
        return DraftRow(info.path, draft, None, Text(draft.form_id, draft.form_id), employee,
                        stage=stage, known_form=False)
    labels = {slot.id: slot.label for slot in form.documents}
    absent = missing_slots(draft, store)
    present = {slot for slot in draft.documents if slot not in absent}
    try:
        evaluation = evaluate(form, draft.answers, today=today, documents=present)
    except Exception:  # answers in a shape the engine trips over: show the file, not a crash
        return DraftRow(info.path, draft, None, form.title, employee, stage=stage)
    missing = tuple(s.slot.label for s in evaluation.documents if s.required and not s.present)
    reattach = tuple(labels.get(slot, Text(slot, slot)) for slot in absent)
    return DraftRow(info.path, draft, None, form.title, employee, evaluation.done_count,
                    evaluation.required_count, stage, missing, reattach)


def collect(today: date, directory: Path | None = None,
            store: DocumentStore | None = None) -> list[DraftRow]:
    """Every draft in the folder, newest change first, unreadable files last."""
    store = store or DocumentStore()
    return [describe(info, today, store) for info in list_drafts(directory)]


@dataclass(frozen=True)
class Summary:
    total: int
    unpaid: int
    unreadable: int


def summarise(infos: Sequence[DraftInfo], company: Company | None = None) -> Summary:
    """Counts for the home screen: the unfiled drafts the drafts list shows by default (the
    company acted for, and unbound ones; every company's when `company` is None). Cheap: no
    form evaluation, no document store."""
    readable = [i.draft for i in infos if i.draft is not None]
    listed = [d for d in readable if filing_stage(d) != "done"
              and (company is None or listed_for(d, company))]
    unpaid = 0
    for draft in listed:
        stage = filing_stage(draft)
        if stage is not None and stage not in DONE_STAGES:
            unpaid += 1
    return Summary(len(listed) + len(infos) - len(readable), unpaid,
                   len(infos) - len(readable))


def count_for_form(rows: Sequence[DraftInfo], form_id: str, kvk: str | None) -> int:
    """Unfiled drafts of one form that the drafts list shows for the company acted for (its
    own and unbound ones; every company's when `kvk` is unknown). A filed draft is no
    alternative to a new application, so it does not count."""
    return sum(
        1 for info in rows
        if info.draft is not None and info.draft.form_id == form_id
        and filing_stage(info.draft) != "done"
        and (kvk is None or listed_for(info.draft, Company(kvk)))
    )


# --- file operations ------------------------------------------------------------------------


def clean_name(raw: str) -> str:
    """A name typed for a draft file, with the .tfa suffix; refuses paths and odd names."""
    name = raw.strip()
    if name.lower().endswith(SUFFIX):
        name = name[: -len(SUFFIX)].rstrip()
    if not _NAME.match(name) or name in (".", ".."):
        raise FileActionRefused("drafts.name_invalid")
    return name + SUFFIX


def rename_draft(path: Path, raw_name: str) -> Path:
    """Give a draft another file name in the same folder; never replaces another file."""
    target = path.with_name(clean_name(raw_name))
    if target == path:
        return path
    if target.exists():
        if not _same_file(path, target):  # a case-only rename on a case-blind disk is fine
            raise FileActionRefused("drafts.name_taken", name=target.name)
        os.rename(path, target)
    else:
        try:
            # A hard link fails when the name is taken, even if it was taken a moment ago:
            # renaming can never overwrite another draft.
            os.link(path, target)
        except FileExistsError:
            raise FileActionRefused("drafts.name_taken", name=target.name) from None
        except OSError:  # file systems without hard links
            if target.exists():
                raise FileActionRefused("drafts.name_taken", name=target.name) from None
            os.rename(path, target)
        else:
            os.unlink(path)
    fsync_dir(target.parent)
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def duplicate_draft(path: Path, me: Me, portal: str | None, *, with_person: bool = False
                    ) -> Path:
    """A copy as a new application for the login's company (services/draft_copy.py: no
    filing keys, the person only when asked); raises DraftRefused for another company's."""
    twin = copy_draft(read_bundle(path), me, portal, with_person=with_person)
    target = draft_path(twin, path.parent)
    if target.exists():  # a new random id never clashes; refuse rather than overwrite
        raise FileActionRefused("drafts.name_taken", name=target.name)
    return save_draft(twin, target)


def delete_draft(path: Path) -> None:
    """Remove the file. Its documents stay in the store (other drafts may use them)."""
    path.unlink()
    with contextlib.suppress(OSError):
        fsync_dir(path.parent)


def pack_target(raw: str, source: Path) -> Path:
    """Where a pack goes: a typed path, a folder (the draft's name is used), never over a
    file that exists."""
    from ind_tui.local.drafts.packed import PACK_SUFFIX

    text = raw.strip()
    if not text:
        raise FileActionRefused("drafts.path_empty")
    out = Path(text).expanduser()
    if out.is_dir():
        out = out / (source.stem + PACK_SUFFIX)
    elif not out.suffix:
        out = out.with_name(out.name + PACK_SUFFIX)
    if not out.parent.is_dir():
        raise FileActionRefused("drafts.no_folder", folder=str(out.parent))
    if out.exists():
        raise FileActionRefused("drafts.path_taken", path=str(out))
    return out.absolute()
