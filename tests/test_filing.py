"""Filing a draft: stages, keys kept across restarts, refusals, cancels, expired sessions,
free applications and the receipt, against the real sandbox in-process.

The builders at the top are shared with the other filing tests."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from ind_tui.api.applications import ApplicationRequest, Person
from ind_tui.api.errors import (
    BadRequestError,
    ConflictError,
    ForbiddenError,
    OutcomeUnknownError,
    PortalError,
    ServiceUnavailableError,
    SessionExpiredError,
)
from ind_tui.api.payments import PaymentMethod, PaymentRequest
from ind_tui.api.wire import ErrorCode
from ind_tui.client.client import PortalClient
from ind_tui.domain.forms import example_answers, split_answers
from ind_tui.i18n.guidance import known_codes
from ind_tui.local.drafts.bundle import read_bundle
from ind_tui.local.drafts.errors import DraftSaveError
from ind_tui.local.drafts.model import DocumentRef, utcnow
from ind_tui.local.drafts.session import DraftSession
from ind_tui.local.drafts.store import DocumentStore
from ind_tui.services.filing import Filing, FilingProgress, FilingStage, FormIncompleteError
from tests.client_fixtures import admin_of, login, make_app, make_client
from tests.conftest_drafts import pdf_bytes

PERSON = {"employee_name": "Priya Patel", "date_of_birth": "1990-05-17", "nationality": "IND",
          "v_number": "2345678901"}
HSM = {**example_answers("hsm_first_vvr", with_wire=True), **PERSON, "antecedents": True,
       "antecedents_details": "Traffic offence, 2019, India"}
FAMILY = {**example_answers("family_first", with_wire=True), "employee_name": "Arjun Patel",
          "date_of_birth": "2019-03-02", "nationality": "IND", "relation": "child",
          "other_parent_joins": False}
for _gone in ("partner_kind", "certificate_in_brp"):
    FAMILY.pop(_gone, None)
FAMILY_DOCS = {slot: (f"{slot}.pdf", pdf_bytes(2, pad=150_000))
               for slot in ("birth_certificate", "consent_declaration", "custody_proof")}
NOTIFICATION = example_answers("position_notification", with_wire=True)
DD = PaymentMethod.DIRECT_DEBIT


# --- builders (shared) ---------------------------------------------------------------------


def put_document(session: DraftSession, slot: str, name: str, data: bytes) -> DocumentRef:
    """Into the real store and the draft; the PDF check (a child process per file) is
    skipped, the portal checks the PDF again anyway."""
    staged = session.store.stage_stream([data], max_bytes=8 << 20)
    session.store.commit(staged)
    ref = DocumentRef(sha256=staged.sha256, name=name, size=staged.size, pages=1,
                      checked_at=utcnow())
    session.draft.documents[slot] = ref
    session.dirty = True
    return ref


def make_draft(root: Path, form_id: str = "hsm_first_vvr",
               answers: dict[str, Any] | None = None,
               documents: dict[str, tuple[str, bytes]] | None = None,
               store: DocumentStore | None = None) -> DraftSession:
    folder = root / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    session = DraftSession.new(form_id, directory=folder, kvk="12345678",
                               store=store or DocumentStore(root / "store"))
    for field_id, value in (HSM if answers is None else answers).items():
        session.set_answer(field_id, value)
    if documents is None and form_id == "hsm_first_vvr":
        documents = {"passport_copy": ("paspoort Patel.pdf", pdf_bytes(2))}
    for slot, (name, data) in (documents or {}).items():
        put_document(session, slot, name, data)
    session.save()
    return session


def reopen(session: DraftSession) -> DraftSession:
    """What a restarted ind-tui sees: only what was saved."""
    return DraftSession.open(session.path, session.store)


def count(app: FastAPI, sql: str, *args: Any) -> int:
    return int(app.state.sandbox.db.read().execute(sql, args).fetchone()[0])


def portal_state(app: FastAPI) -> dict[str, Any]:
    """What the sandbox database holds: the truth, not the client's view of it."""
    db = app.state.sandbox.db.read()
    apps = [dict(r) for r in db.execute("SELECT * FROM applications ORDER BY created_at")]
    pays = [dict(r) for r in db.execute("SELECT * FROM payments")]
    return {"applications": apps, "payments": pays}


@dataclass
class Portal:
    app: FastAPI
    client: PortalClient


@pytest.fixture
async def portal(tmp_path: Path) -> AsyncIterator[Portal]:
    app = make_app(tmp_path)
    async with make_client(app) as client:
        await login(client)
        yield Portal(app, client)


# --- the whole way --------------------------------------------------------------------------


async def test_run_files_once_pays_once_and_keeps_the_receipt(
    portal: Portal, tmp_path: Path
) -> None:
    session = make_draft(tmp_path)
    seen: list[FilingProgress] = []
    app = await Filing(portal.client, session).run(DD, seen.append)
    assert app.receipt is not None
    state = portal_state(portal.app)
    assert len(state["applications"]) == len(state["payments"]) == 1
    row, paid = state["applications"][0], state["payments"][0]
    assert row["id"] == app.id and paid["application_id"] == app.id
    assert row["idempotency_key"] == session.draft.idempotency_key
    body = json.loads(row["body"])
    assert body["employee"]["name"] == "Priya Patel"
    assert body["answers"]["antecedents_details"] == HSM["antecedents_details"]
    assert set(body["documents"]) == {"passport_copy"}
    # the steps in order, the upload in bytes up to the document's size
    steps = [p.step for p in seen]
    assert steps.index("upload") < steps.index("submit") < steps.index("pay") < steps.index(
        "receipt")
    uploads = [p for p in seen if p.step == "upload"]
    assert uploads[-1].done == uploads[-1].total == session.draft.documents["passport_copy"].size
    assert uploads[-1].label == "paspoort Patel.pdf"
    # a restarted ind-tui finds it all in the file
    again = reopen(session).draft
    assert again.stage is FilingStage.DONE and again.answers == HSM
    assert again.receipt is not None and again.receipt.zaaknummer == app.receipt.zaaknummer
    assert again.receipt.payment_reference == paid["reference"]
    assert again.fee_eur == paid["amount"] == 423
    assert again.uploads == {session.draft.documents["passport_copy"].sha256:
                             body["documents"]["passport_copy"]}


async def test_stages_in_turn_and_the_draft_locks_once_sent(
    portal: Portal, tmp_path: Path
) -> None:
    session = make_draft(tmp_path)
    filing = Filing(portal.client, session)
    assert filing.stage is FilingStage.NOT_SENT and not session.locked
    on_disk: list[tuple[str | None, str | None]] = []

    def watch(p: FilingProgress) -> None:
        if p.step == "submit" and p.done == 0:  # just before the first send
            d = read_bundle(session.path)
            on_disk.append((d.idempotency_key, d.application_id))

    app = await filing.submit(watch)
    assert on_disk == [(session.draft.idempotency_key, None)]  # saved before it was sent
    assert filing.stage is FilingStage.SUBMITTED and session.locked
    assert reopen(session).draft.stage is FilingStage.SUBMITTED
    assert (await filing.submit()).id == app.id  # a second call sends nothing new
    paid = await filing.pay(DD)
    assert filing.stage is FilingStage.DONE and paid.id == app.id
    assert (await filing.pay(DD)).id == app.id and (await filing.run(DD)).id == app.id
    assert count(portal.app, "SELECT COUNT(*) FROM payments") == 1


async def test_the_key_is_reused_after_a_restart(portal: Portal, tmp_path: Path) -> None:
    session = make_draft(tmp_path)
    admin = admin_of(portal.client)
    # every answer to the submission is lost and checking is impossible: outcome unknown
    await admin.fault("applications.submit", "commit_then_drop")
    await admin.fault("applications.find", "unavailable", retry_after=0)
    with pytest.raises(OutcomeUnknownError):
        await Filing(portal.client, session).run(DD)
    saved = reopen(session)
    key = saved.draft.idempotency_key
    assert key and saved.locked and saved.draft.stage is FilingStage.NOT_SENT
    await admin.clear_faults()
    # a new process: a new client, the draft from disk
    async with make_client(portal.app) as fresh:
        await login(fresh)
        app = await Filing(fresh, saved).run(DD)
    assert app.idempotency_key == key
    assert count(portal.app, "SELECT COUNT(*) FROM applications") == 1
    assert count(portal.app, "SELECT COUNT(*) FROM payments") == 1


async def test_reconcile_looks_the_submission_up_by_its_key(
    portal: Portal, tmp_path: Path
) -> None:
    session = make_draft(tmp_path)
    assert await Filing(portal.client, session).reconcile() is None  # nothing sent yet
    admin = admin_of(portal.client)
    await admin.fault("applications.submit", "commit_then_drop")
    await admin.fault("applications.find", "unavailable", retry_after=0)
    with pytest.raises(OutcomeUnknownError):
        await Filing(portal.client, session).submit()
    await admin.clear_faults()
    filing = Filing(portal.client, reopen(session))
    found = await filing.reconcile()
    assert found is not None and filing.stage is FilingStage.SUBMITTED
    assert filing.draft.application_id == found.id
    # paid while the answer got lost, then reconciled: DONE, still one payment
    await admin.fault("applications.pay", "commit_then_drop")
    with pytest.raises(PortalError):
        await filing.pay(DD)
    assert reopen(session).draft.stage in (FilingStage.SUBMITTED, FilingStage.PAID)
    await admin.clear_faults()
    filing = Filing(portal.client, reopen(session))
    done = await filing.reconcile()
    assert done is not None and filing.stage is FilingStage.DONE
    assert count(portal.app, "SELECT COUNT(*) FROM payments") == 1


async def test_a_503_for_the_form_keeps_every_answer(portal: Portal, tmp_path: Path) -> None:
    session = make_draft(tmp_path)
    before = read_bundle(session.path)
    await admin_of(portal.client).fault("applications.submit", "unavailable",
                                        form_type="hsm_first_vvr", retry_after=0)
    with pytest.raises(ServiceUnavailableError) as caught:
        await Filing(portal.client, session).run(DD)
    assert caught.value.code in known_codes()
    after = reopen(session).draft
    assert after.answers == before.answers == HSM
    assert after.documents == before.documents
    assert after.uploads  # the upload went through and is kept
    assert after.stage is FilingStage.NOT_SENT and after.idempotency_key  # may retry, same key
    assert count(portal.app, "SELECT COUNT(*) FROM applications") == 0
    await admin_of(portal.client).clear_faults()
    await Filing(portal.client, reopen(session)).run(DD)
    assert count(portal.app, "SELECT COUNT(*) FROM applications") == 1


def _revoke_every_token(app: FastAPI) -> None:
    with app.state.sandbox.db.write() as conn:
        conn.execute("UPDATE tokens SET state='revoked'")


@pytest.mark.parametrize("step", ["submit", "pay"])
async def test_an_expired_session_mid_filing_stays_resumable(
    portal: Portal, tmp_path: Path, step: str
) -> None:
    session = make_draft(tmp_path)
    filing = Filing(portal.client, session)
    if step == "submit":
        await filing.upload_documents()
    else:
        await filing.submit()
    _revoke_every_token(portal.app)
    with pytest.raises(SessionExpiredError):
        await filing.run(DD)
    saved = reopen(session).draft
    assert saved.answers == HSM and saved.uploads
    assert saved.stage is (FilingStage.NOT_SENT if step == "submit" else FilingStage.SUBMITTED)
    await login(portal.client)  # log in again, then carry on
    app = await Filing(portal.client, reopen(session)).run(DD)
    assert app.receipt is not None
    assert count(portal.app, "SELECT COUNT(*) FROM applications") == 1
    assert count(portal.app, "SELECT COUNT(*) FROM payments") == 1


async def test_a_cancelled_upload_leaves_a_consistent_draft_and_resumes(
    portal: Portal, tmp_path: Path
) -> None:
    session = make_draft(tmp_path, "family_first", FAMILY, FAMILY_DOCS)
    filing = Filing(portal.client, session)
    first = session.draft.documents["birth_certificate"]
    seen: list[FilingProgress] = []

    def cancel_in_second_document(p: FilingProgress) -> None:
        seen.append(p)
        if p.label == "consent_declaration.pdf" and 0 < p.done < p.total:
            task.cancel()

    task = asyncio.ensure_future(filing.upload_documents(cancel_in_second_document))
    with pytest.raises(asyncio.CancelledError):
        await task
    chunks = [p.done for p in seen if p.label == "birth_certificate.pdf"]
    assert chunks == sorted(chunks) and len(chunks) > 2 and chunks[-1] == first.size
    saved = reopen(session).draft
    assert set(saved.uploads) == {first.sha256}  # the finished one, and only that one
    assert saved.answers == FAMILY and saved.stage is FilingStage.NOT_SENT
    posts = len([r for r in portal.client.reqlog.records() if r.path == "/documents"])
    app = await Filing(portal.client, reopen(session)).run(DD)
    sent = len([r for r in portal.client.reqlog.records() if r.path == "/documents"]) - posts
    assert sent == 2  # only what was still missing
    body = json.loads(portal_state(portal.app)["applications"][0]["body"])
    assert set(body["documents"]) == set(FAMILY_DOCS)
    assert app.receipt is not None


async def test_an_incomplete_draft_is_refused_before_anything_is_sent(
    portal: Portal, tmp_path: Path
) -> None:
    answers = {k: v for k, v in HSM.items() if k != "job_title"}
    session = make_draft(tmp_path, answers=answers)
    before = len(portal.client.reqlog)
    with pytest.raises(FormIncompleteError) as caught:
        await Filing(portal.client, session).run(DD)
    assert caught.value.code == ErrorCode.VALIDATION_FAILED
    assert len(portal.client.reqlog) == before
    assert not session.locked and reopen(session).draft.idempotency_key is None
    # the same errors the portal gives for that body, field for field
    rest, employee, _ = split_answers("hsm_first_vvr", answers)
    ref = session.draft.documents["passport_copy"]
    with session.store.open(ref.sha256) as f:
        doc = await portal.client.upload_document(f.read(), ref.name)
    body = ApplicationRequest(type_id="hsm_first_vvr", form_version=1, answers=rest,
                              employee=Person.model_validate(employee),
                              documents={"passport_copy": doc.id})
    with pytest.raises(BadRequestError) as portal_says:
        await portal.client.submit_application(body, "incomplete-by-hand-1")
    local = caught.value.details["errors"]
    assert [e["loc"] for e in local] == [["body", "answers", "job_title"]]
    assert [(e["loc"], e["code"], e["msg"]) for e in local] == [
        (e["loc"], e["code"], e["msg"]) for e in portal_says.value.details["errors"]]


async def test_a_refused_submission_gives_its_key_up(portal: Portal, tmp_path: Path) -> None:
    answers = {**example_answers("researcher", with_wire=True), **PERSON}
    session = make_draft(tmp_path, "researcher", answers)  # this sponsor is not recognised
    with pytest.raises(ForbiddenError) as caught:  # for research: the portal says no
        await Filing(portal.client, session).run(DD)
    assert caught.value.code == ErrorCode.TYPE_NOT_ALLOWED
    saved = reopen(session)
    assert saved.draft.idempotency_key is None and not saved.locked  # correct it, file afresh
    assert count(portal.app, "SELECT COUNT(*) FROM applications") == 0


async def test_an_upload_another_application_took_is_uploaded_again(
    portal: Portal, tmp_path: Path
) -> None:
    first = make_draft(tmp_path / "a")
    await Filing(portal.client, first).upload_documents()
    # a copy made after the upload carries the same document id; the first one files
    copy = make_draft(tmp_path / "b", store=first.store)
    copy.draft.uploads = dict(first.draft.uploads)
    copy.save()
    await Filing(portal.client, first).run(DD)
    app = await Filing(portal.client, copy).run(DD)
    assert app.receipt is not None
    assert copy.draft.uploads != first.draft.uploads
    assert count(portal.app, "SELECT COUNT(*) FROM applications") == 2
    assert count(portal.app, "SELECT COUNT(*) FROM payments") == 2


async def test_a_free_application_is_not_paid(portal: Portal, tmp_path: Path) -> None:
    session = make_draft(tmp_path, "position_notification", NOTIFICATION)
    seen: list[FilingProgress] = []
    app = await Filing(portal.client, session).run(PaymentMethod.ONE_OFF, seen.append)
    assert app.fee_eur == 0 and app.receipt is not None
    assert "pay" not in {p.step for p in seen}
    saved = reopen(session).draft
    assert saved.stage is FilingStage.DONE and saved.payment_key is None
    assert saved.receipt is not None and saved.receipt.payment_reference is None
    assert count(portal.app, "SELECT COUNT(*) FROM payments") == 0
    # paying it anyway is refused with a clear reason, not "already paid"
    request = PaymentRequest(method=PaymentMethod.ONE_OFF, amount_eur=0)
    with pytest.raises(ConflictError) as caught:
        await portal.client.pay(app.id, request, "pay-free-application-1")
    assert caught.value.code == ErrorCode.NOTHING_TO_PAY
    assert caught.value.guidance("nl").title == "Niets te betalen"
    assert caught.value.guidance("en").title == "Nothing to pay"
    text = Filing(portal.client, reopen(session)).receipt_text("nl")
    assert app.receipt.zaaknummer in text and "gratis" in text


async def test_the_receipt_in_both_languages_saved_atomically(
    portal: Portal, tmp_path: Path
) -> None:
    session = make_draft(tmp_path)
    filing = Filing(portal.client, session)
    with pytest.raises(ValueError):
        filing.receipt_text("nl")  # no receipt before it is filed
    app = await filing.run(PaymentMethod.ONE_OFF)
    assert app.receipt is not None
    reference = portal_state(portal.app)["payments"][0]["reference"]
    nl, en = filing.receipt_text("nl"), filing.receipt_text("en")
    for text, fee in ((nl, "€ 423"), (en, "€423")):  # as each language writes an amount
        assert app.receipt.zaaknummer in text and reference in text and fee in text
    assert "2 november 2026" in nl and "Uiterste beslisdatum" in nl and "eenmalige" in nl
    assert "2 November 2026" in en and "Decision due by" in en and "one-off" in en
    deadline = app.receipt.decision_deadline
    assert f"{deadline.day} " in en and str(deadline.year) in en
    out = filing.save_receipt(tmp_path, "en")
    assert out == tmp_path / f"receipt-{app.receipt.zaaknummer}.txt"
    assert out.read_text("utf-8") == en
    named = filing.save_receipt(tmp_path / "bewijs.txt", "nl")
    assert named.read_text("utf-8") == nl
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


async def test_a_key_that_cannot_be_saved_is_never_sent(portal: Portal, tmp_path: Path) -> None:
    session = make_draft(tmp_path)
    filing = Filing(portal.client, session)
    await filing.upload_documents()
    session.path = tmp_path / "gone" / "draft.tfa"  # saving fails from here on
    with pytest.raises(DraftSaveError):
        await filing.submit()
    assert session.draft.idempotency_key is None  # undone: a restart would not know it
    assert not [r for r in portal.client.reqlog.records() if r.path == "/applications"]
    assert count(portal.app, "SELECT COUNT(*) FROM applications") == 0


async def test_a_refused_payment_gives_its_key_up_and_takes_the_portals_fee(
    portal: Portal, tmp_path: Path
) -> None:
    session = make_draft(tmp_path)
    filing = Filing(portal.client, session)
    await filing.submit()
    session.draft.fee_eur = 400  # a stale figure (say, from before a fee change)
    session.save()
    with pytest.raises(BadRequestError) as caught:
        await filing.pay(DD)
    assert caught.value.code == ErrorCode.AMOUNT_MISMATCH
    saved = reopen(session).draft
    assert saved.payment_key is None and saved.fee_eur == 423  # nothing was paid
    assert saved.stage is FilingStage.SUBMITTED
    assert (await Filing(portal.client, reopen(session)).run(DD)).receipt is not None
    assert count(portal.app, "SELECT COUNT(*) FROM payments WHERE amount=423") == 1


async def test_answers_changed_behind_the_lock_find_what_was_filed(
    portal: Portal, tmp_path: Path
) -> None:
    session = make_draft(tmp_path)
    admin = admin_of(portal.client)
    await admin.fault("applications.submit", "commit_then_drop")
    await admin.fault("applications.find", "unavailable", retry_after=0)
    with pytest.raises(OutcomeUnknownError):
        await Filing(portal.client, session).submit()
    await admin.clear_faults()
    session.draft.answers["job_title"] = "Changed after sending"  # not via the wizard
    session.save()
    app = await Filing(portal.client, session).submit()  # the portal: key reused -> look up
    assert reopen(session).draft.application_id == app.id
    body = json.loads(portal_state(portal.app)["applications"][0]["body"])
    assert body["answers"]["job_title"] == HSM["job_title"]  # what was filed stands
    assert count(portal.app, "SELECT COUNT(*) FROM applications") == 1
