"""A copy of a draft as a new application, for the login's company.

The copy keeps the answers about the job and the company; the person (name, date of birth,
V-number, permit, their own history) and the documents about them come along only when
asked: a copy of a filed draft is usually the next employee. Filing keys, uploads, the
receipt and how far filing got never come along: the copy is a new application. Copying a
draft of another company is refused like editing it (services/binding.py). No Textual here.
"""

from __future__ import annotations

import copy

from ind_tui.api.auth import Me
from ind_tui.domain.forms.schema import load_form
from ind_tui.local.drafts.model import Draft
from ind_tui.services.binding import DraftAction, acting_company, require_access

# Pages whose answers are about the person (the form definitions' page ids).
PERSON_PAGES = frozenset({"person", "member", "antecedents"})
# Manifest fields of a newer version that say how far filing got: never copied.
_FILING_WORDS = ("filing", "submission", "submitted", "payment", "paid", "application",
                 "idempot", "receipt", "upload")


def person_fields(form_id: str) -> frozenset[str]:
    form = load_form(form_id)
    on_pages = {f.id for p in form.pages if p.id in PERSON_PAGES for f in p.fields}
    return frozenset(on_pages | {f.id for f in form.fields if f.wire is not None})


def copy_draft(source: Draft, me: Me, portal: str | None, *, with_person: bool = False
               ) -> Draft:
    """A new draft (new id, not saved) from `source`; raises DraftRefused for a draft of
    another company or portal."""
    require_access(source, me, portal, DraftAction.COPY)
    company = acting_company(me)
    person = set() if with_person else person_fields(source.form_id)
    answers = {k: copy.deepcopy(v) for k, v in source.answers.items() if k not in person}
    documents = dict(source.documents) if with_person else {}  # the person's papers
    extra = {k: copy.deepcopy(v) for k, v in source.extra_manifest.items()
             if not any(w in k.lower() for w in _FILING_WORDS)}
    return Draft(
        form_id=source.form_id, form_version=source.form_version, answers=answers,
        documents=documents, profile=source.profile, kvk=company.kvk,
        sponsor_name=source.sponsor_name or company.name, portal=source.portal or portal,
        prefilled={k: v for k, v in source.prefilled.items() if k in answers},
        extra_manifest=extra,
    )  # fmt: skip
