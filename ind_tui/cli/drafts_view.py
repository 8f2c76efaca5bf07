"""What the drafts commands print and read: a draft as text or JSON, a draft named by its
file or by its name in the drafts folder, and answers from a JSON file."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ind_tui.cli import BadInput
from ind_tui.cli.words import portal_name, stage_name
from ind_tui.domain.clock import AMSTERDAM
from ind_tui.domain.forms.engine import Evaluation, Issue
from ind_tui.domain.forms.schema import load_form
from ind_tui.i18n import text
from ind_tui.i18n.format import day, plural
from ind_tui.local import paths
from ind_tui.local.drafts.bundle import SUFFIX
from ind_tui.local.drafts.errors import BundleRefused
from ind_tui.local.drafts.model import check_answers, parse_json
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.binding import binding, draft_company

MAX_ANSWERS_BYTES = 1 << 20  # the limit of answers.json in a bundle


def resolve_draft(given: Path) -> Path:
    """A path as given; else a name in the drafts folder (with or without `.tfa`)."""
    if given.exists() or len(given.parts) > 1:
        return given
    folder = paths.drafts_dir()
    for name in (given.name, given.name + SUFFIX):
        if (folder / name).is_file():
            return folder / name
    return given


def load_answers(path: Path, form_id: str, lang: str) -> dict[str, Any]:
    """A JSON object of answers by field key; keys the form does not ask are refused, so a
    typo in a payroll export is found before anything is filed."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: {exc.strerror or type(exc).__name__}") from None
    if len(data) > MAX_ANSWERS_BYTES:
        raise BadInput(text("cli.drafts.answers_bad", lang, path=str(path), reason="> 1 MiB"))
    try:
        answers = parse_json(data, path.name)
        check_answers(answers)
    except BundleRefused as exc:
        raise BadInput(text("cli.drafts.answers_bad", lang, path=str(path),
                            reason=exc.detail)) from None
    known = {f.id for f in load_form(form_id).fields}
    unknown = sorted(set(answers) - known)
    if unknown:
        raise BadInput(text("cli.drafts.unknown_fields", lang, path=str(path), type=form_id,
                            fields=", ".join(unknown)))
    return answers


def evaluate_offline(session: DraftSession, today: date | None = None) -> Evaluation:
    """The form engine's verdict on `today`: the portal's day when connected, else this
    computer's day in Amsterdam (a sandbox with its clock set elsewhere judges otherwise:
    `drafts file` judges on the portal's day)."""
    day = today or datetime.now(AMSTERDAM).date()
    return session.evaluation(day, fee=session.draft.fee_eur)


def issue_text(issue: Issue, lang: str) -> str:
    return f"{issue.target}: {issue.text.get(lang)}"


def draft_json(session: DraftSession, ev: Evaluation, lang: str) -> dict[str, Any]:
    d = session.draft
    receipt = d.receipt
    return {
        "path": str(session.path), "draft_id": d.draft_id, "type": d.form_id,
        "form_version": d.form_version, "sponsor_kvk": d.kvk, "sponsor_name": d.sponsor_name,
        "portal": d.portal, "binding": binding(d).value, "profile": d.profile,
        "answers": d.answers, "prefilled": d.prefilled,
        "documents": {slot: {"name": ref.name, "size": ref.size, "pages": ref.pages,
                             "sha256": ref.sha256, "present": slot not in session.missing}
                      for slot, ref in sorted(d.documents.items())},
        "blocking": [{"target": i.target, "loc": list(i.loc), "code": i.code,
                      "text": i.text.get(lang)} for i in ev.blocking],
        "complete": ev.ok, "judged_on": ev.today.isoformat(), "stage": d.stage.value,
        "application_id": d.application_id,
        "zaaknummer": receipt.zaaknummer if receipt else None,
        "created_at": d.created_at.isoformat(), "updated_at": d.updated_at.isoformat(),
    }  # fmt: skip


def print_draft(session: DraftSession, ev: Evaluation, lang: str, *, header: bool = True
                ) -> None:
    d = session.draft
    out = sys.stdout

    def row(key: str, value: object) -> None:
        out.write(f"{text('cli.drafts.label.' + key, lang)}: {value}\n")

    if header:
        row("file", session.path)
    row("type", f"{d.form_id} ({load_form(d.form_id).title.get(lang)})")
    company = draft_company(d)
    row("company", company.label() if company else text("cli.drafts.unbound", lang))
    row("portal", portal_name(d.portal, lang))
    person = d.answers.get("employee_name")
    if person:
        row("employee", f"{person} ({d.answers.get('v_number') or '-'})")
    row("stage", stage_name(d.stage.value, lang)
        + (f" ({d.receipt.zaaknummer})" if d.receipt else ""))
    if d.prefilled:
        row("prefilled", ", ".join(f"{k} ({v})" for k, v in sorted(d.prefilled.items())))
    for slot, ref in sorted(d.documents.items()):
        state = "cli.drafts.missing" if slot in session.missing else "cli.drafts.present"
        row("document", f"{slot}: {ref.name} ({text(state, lang)})")
    row("judged_on", day(ev.today, lang))
    if ev.ok:
        out.write(text("cli.drafts.complete", lang) + "\n")
        return
    out.write(plural("cli.drafts.blocking", len(ev.blocking), lang) + ":\n")
    for issue in ev.blocking:
        out.write(f"  {issue_text(issue, lang)}\n")
