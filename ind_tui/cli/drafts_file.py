"""`ind-tui drafts new | show | file | bind`: preparing and filing drafts from scripts.

new   a draft for the company the login acts for, prefilled from the register with
      `--employee`, answers from `--answers FILE.json`, documents from `--attach SLOT=FILE`
show  what a draft holds and what still blocks filing (offline)
file  the same filing as the TUI (services/filing.py: upload, submit, pay exactly once, the
      keys kept in the draft). Refused first, before anything else, for a draft of another
      company; then an incomplete draft, then a possible duplicate (`--allow-duplicate`).
      A filing sends and pays: `--yes`, or a "yes" at the terminal.
bind  binds a draft from before drafts were bound to the login's company, once, after asking

Exit codes: 0 ok, 2 refused (one line on stderr), 1 the portal or the disk failed.
`run_in(client, args, portal)` is the body without the connection, for tests on an
in-process sandbox.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from ind_tui.api.errors import PortalError
from ind_tui.api.payments import PaymentMethod
from ind_tui.cli import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, BadInput
from ind_tui.cli.drafts_view import (
    draft_json,
    evaluate_offline,
    issue_text,
    load_answers,
    print_draft,
    resolve_draft,
)
from ind_tui.cli.launch import connect_profile
from ind_tui.cli.session import _fail, _lang, _passphrase, _profile
from ind_tui.cli.words import named, type_name
from ind_tui.client.client import PortalClient
from ind_tui.domain.forms.schema import form_ids, load_form
from ind_tui.i18n import text
from ind_tui.i18n.format import money, plural
from ind_tui.local.cache import LocalCache
from ind_tui.local.drafts.errors import BundleRefused, Code, DocumentRefused, DraftError, guidance
from ind_tui.local.drafts.model import FilingStage
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.binding import (
    DraftAction,
    acting_company,
    bind_draft,
    draft_refusal,
    is_unbound,
    unbound_refusal,
)
from ind_tui.services.duplicates import DuplicateCheck, cached_zaaknummers, check_duplicates
from ind_tui.services.filing import Filing, FormIncompleteError
from ind_tui.services.pending import keep_pending
from ind_tui.services.prefill import prefill_for


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def _ask(question: str, lang: str) -> bool:
    """A yes from a person at the terminal, in the question's language ("j"/"ja" in Dutch,
    "y"/"yes" in English); never from a script (no TTY: no)."""
    if not sys.stdin.isatty():
        return False
    sys.stderr.write(question)
    sys.stderr.flush()
    try:
        answer = sys.stdin.readline().strip().lower()
    except (EOFError, KeyboardInterrupt):
        return False
    return answer in text("cli.yes", lang).split(",")


# --- show (offline) -----------------------------------------------------------------------


def show(args: argparse.Namespace) -> int:
    lang = _lang(args)
    path = resolve_draft(args.file)
    session = _open(path, lang)
    evaluation = evaluate_offline(session)
    if args.format == "json":
        _out(json.dumps(draft_json(session, evaluation, lang), indent=1, ensure_ascii=False))
    else:
        print_draft(session, evaluation, lang)
    return EXIT_OK


def _open(path: Path, lang: str) -> DraftSession:
    try:
        session = DraftSession.open(path)
    except DraftError as exc:
        raise BadInput(exc.one_line("nl" if lang == "nl" else "en")) from None
    except OSError as exc:
        raise BadInput(f"{path}: {exc.strerror or type(exc).__name__}") from None
    if session.draft.form_id not in form_ids():  # a form of a newer ind-tui
        raise BadInput(text("cli.drafts.unknown_form", lang, path=str(path),
                            type=session.draft.form_id))
    return session


# --- with a login -------------------------------------------------------------------------


def connected(args: argparse.Namespace) -> int:
    profile = _profile(args)

    async def body() -> int:
        try:
            async with connect_profile(profile, passphrase=_passphrase) as conn:
                return await run_in(conn.client, args, profile.portal)
        except PortalError as exc:
            return _fail(exc, _lang(args))

    return asyncio.run(body())


async def run_in(client: PortalClient, args: argparse.Namespace, portal: str) -> int:
    """The command on a connected client: `portal` is the profile's portal setting."""
    lang = _lang(args)
    try:
        if args.drafts_command == "new":
            return await _new(client, args, portal, lang)
        if args.drafts_command == "bind":
            return await _bind(client, args, portal, lang)
        return await _file(client, args, portal, lang)
    except BadInput as exc:
        sys.stderr.write(f"ind-tui: {exc}\n")
        return EXIT_BAD_INPUT
    except (BundleRefused, DocumentRefused, FormIncompleteError) as exc:
        sys.stderr.write(f"ind-tui: {_one_line(exc, lang)}\n")
        return EXIT_BAD_INPUT
    except DraftError as exc:  # a document to attach again is bad input; else the disk
        sys.stderr.write(f"ind-tui: {_one_line(exc, lang)}\n")
        return EXIT_BAD_INPUT if exc.code is Code.DOCUMENT_MISSING else EXIT_FAILED
    except PortalError as exc:
        return _fail(exc, lang)


def _one_line(exc: DraftError | PortalError, lang: str) -> str:
    if isinstance(exc, DraftError):
        return exc.one_line("nl" if lang == "nl" else "en")
    g = exc.guidance(lang)
    return f"{exc.code}: {g.title}. {g.explanation} {g.action}"


def _parse_attach(values: list[str], form_id: str, lang: str) -> list[tuple[str, Path]]:
    slots = {s.id for s in load_form(form_id).documents if s.uploadable}
    out: list[tuple[str, Path]] = []
    for value in values:
        slot, sep, name = value.partition("=")
        if not sep or not slot or not name:
            raise BadInput(text("cli.drafts.attach_syntax", lang, value=value))
        if slot not in slots:
            raise BadInput(text("cli.drafts.unknown_slot", lang, slot=slot, type=form_id,
                                slots=", ".join(sorted(slots)) or "-"))
        path = Path(name)
        if not path.is_file():
            raise BadInput(f"{path}: " + text("cli.drafts.no_file", lang))
        out.append((slot, path))
    return out


async def _new(client: PortalClient, args: argparse.Namespace, portal: str, lang: str) -> int:
    form_id: str = args.form_id
    if form_id not in form_ids():
        raise BadInput(text("cli.drafts.unknown_type", lang, type=form_id,
                            types=", ".join(form_ids())))
    given = load_answers(args.answers, form_id, lang) if args.answers else {}
    attach = _parse_attach(args.attach, form_id, lang)
    out: Path | None = args.out
    if out is not None and out.exists():
        raise BadInput(text("cli.drafts.exists", lang, path=str(out)))
    me = await client.me()
    company = acting_company(me)
    answers: dict[str, Any] = {}
    prefilled: dict[str, str] = {}
    if args.employee:
        found = await prefill_for(client, form_id, args.employee)
        answers, prefilled = dict(found.answers), dict(found.sources)
    for key, value in given.items():  # the script's answers win over prefilled ones
        answers[key] = value
        prefilled.pop(key, None)
    session = DraftSession.new(form_id, profile=client.profile or "default", kvk=company.kvk,
                               sponsor_name=company.name, portal=portal, answers=answers,
                               prefilled=prefilled, path=out)
    try:
        for slot, path in attach:
            session.attach(slot, path)
        session.save()
    except BaseException:
        session.path.unlink(missing_ok=True)  # no half-made draft stays behind
        raise
    evaluation = evaluate_offline(session, client.clock.today())
    if args.format == "json":
        _out(json.dumps(draft_json(session, evaluation, lang), indent=1, ensure_ascii=False))
    else:
        _out(text("cli.drafts.written", lang, path=str(session.path)))
        print_draft(session, evaluation, lang, header=False)
    return EXIT_OK


def _check_access(session: DraftSession, me: Any, portal: str, yes: bool, lang: str,
                  action: DraftAction) -> bool:
    """Another company or portal: refused. Unbound: bound once, after a yes (True)."""
    draft = session.draft
    refusal = draft_refusal(draft, me, portal, action)
    if refusal is not None:
        raise BadInput(refusal.one_line("nl" if lang == "nl" else "en"))
    if not is_unbound(draft):
        return False
    company = acting_company(me)
    if not (yes or _ask(text("cli.drafts.confirm_bind", lang, company=company.label()), lang)):
        unbound = unbound_refusal(draft, me, action)
        assert unbound is not None
        raise BadInput(unbound.one_line("nl" if lang == "nl" else "en"))
    bind_draft(draft, me, portal)
    session.save()
    return True


async def _bind(client: PortalClient, args: argparse.Namespace, portal: str, lang: str) -> int:
    session = _open(resolve_draft(args.file), lang)
    me = await client.me()
    if not _check_access(session, me, portal, args.yes, lang, DraftAction.EDIT) and bind_draft(
            session.draft, me, portal):
        session.save()  # a bound draft of this company gets the name and portal it lacked
    _out(text("cli.drafts.bound", lang, company=acting_company(me).label()))
    return EXIT_OK


def _duplicates_line(check: DuplicateCheck, lang: str) -> str:
    cases = "; ".join(
        f"{d.zaaknummer or (d.draft_path.name if d.draft_path else '?')} "
        f"({type_name(d.type_id, lang)}, {d.employee_name}, "
        f"{named('cases.status', d.status, lang)})" for d in check.found)
    head = text("cli.drafts.duplicates", lang, cases=cases)
    return f"{Code.DRAFT_POSSIBLE_DUPLICATE.value}: {head} " + guidance(
        Code.DRAFT_POSSIBLE_DUPLICATE, "nl" if lang == "nl" else "en")


async def _file(client: PortalClient, args: argparse.Namespace, portal: str, lang: str) -> int:
    session = _open(resolve_draft(args.file), lang)
    me = await client.me()  # also learns the portal's clock: the answers are judged on its day
    if _check_access(session, me, portal, args.yes, lang, DraftAction.FILE):
        company = acting_company(me).label()
        sys.stderr.write("ind-tui: " + text("cli.drafts.bound", lang, company=company) + "\n")
    filing = Filing(client, session)
    draft = session.draft
    fresh = draft.idempotency_key is None and filing.stage is FilingStage.NOT_SENT
    if filing.stage is FilingStage.DONE:
        sys.stderr.write(text("cli.drafts.already_filed", lang) + "\n")
        return _receipt(filing, args, lang)
    if fresh:
        evaluation = filing.evaluation()
        if not evaluation.ok:
            items = "; ".join(issue_text(i, lang) for i in evaluation.blocking)
            count = plural("cli.drafts.blocking", len(evaluation.blocking), lang)
            raise BadInput(f"draft_incomplete: {count}: {items}")
        check = await check_duplicates(client, draft, folders=[session.path.parent],
                                       known=cached_zaaknummers(client.scope(me)))
        if check.found and not args.allow_duplicate:
            raise BadInput(_duplicates_line(check, lang))
        if check.found:
            sys.stderr.write("ind-tui: " + text("cli.drafts.filing_anyway", lang,
                                                cases=", ".join(check.case_numbers)) + "\n")
    if not args.yes:
        fee = await filing.fee()
        amount = money(fee.amount, lang, cents=False) if fee.amount else text(
            "receipt.free", lang)
        if fee.amount and fee.provisional:
            # Not published for this year yet: the question says it is an estimate.
            amount = text("wizard.review.provisional_amount", lang, amount=amount)
        name = draft.answers.get("employee_name") or "-"
        question = text("cli.drafts.confirm_file", lang, type=type_name(draft.form_id, lang),
                        person=name, company=acting_company(me).label(), fee=amount)
        if not _ask(question, lang):
            raise BadInput(text("cli.drafts.needs_yes", lang))
    await filing.run(PaymentMethod(args.method))
    _keep_receipt(client, me, session)
    return _receipt(filing, args, lang)


def _keep_receipt(client: PortalClient, me: Any, session: DraftSession) -> None:
    """Kept in the login's cache as the TUI keeps it, so its `:ZAAKNUMMER` shows the case
    until the portal lists it. The application is filed either way: a cache that cannot be
    written costs only that."""
    try:
        cache = LocalCache()
        try:
            keep_pending(cache, client.scope(me), session.draft, session.path,
                         client.clock.now())
        finally:
            cache.close()
    except (OSError, sqlite3.Error):
        pass


def _receipt(filing: Filing, args: argparse.Namespace, lang: str) -> int:
    d = filing.draft
    if args.format == "json":
        receipt = d.receipt
        assert receipt is not None
        _out(json.dumps({
            "path": str(filing.session.path), "type": d.form_id, "stage": d.stage.value,
            "application_id": d.application_id, "zaaknummer": receipt.zaaknummer,
            "receipt_date": receipt.receipt_date.isoformat(),
            "decision_deadline": receipt.decision_deadline.isoformat(),
            "fee_eur": d.fee_eur, "payment_reference": receipt.payment_reference,
            "sponsor_kvk": d.kvk,
        }, indent=1, ensure_ascii=False))
    else:
        sys.stdout.write(filing.receipt_text(lang))
    return EXIT_OK

