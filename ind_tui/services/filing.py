"""Filing a draft exactly once: upload its documents, submit it, pay, keep the receipt.

The rule that makes it safe: what a step is about to send is saved in the draft *before* it
is sent, and what the portal answered is saved right after. A crash, a kill or a lost answer
at any moment therefore leaves a draft from which `run` carries on, and the portal never sees
a second application or a second payment:

- uploads: sha256 -> portal document id, saved per document. A re-run uploads only what is
  missing; an upload whose answer got lost is sent again (an unused upload is harmless).
- submission: its Idempotency-Key is saved before the first send and reused by every retry
  and every later run; the portal answers a key it has seen with what it did the first time.
  A later run first asks what was filed under a kept key and takes that application: it
  never resends blindly (a portal may have let the key lapse).
- payment: the same, with a key of its own and the method sent with it.
- after an ambiguous failure `reconcile` asks the portal what it has under those keys.

A key is given up only when the portal refused the request outright and, asked, confirms it
filed nothing under it; the draft can then be corrected and filed afresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ind_tui.api.applications import Application, ApplicationRequest, ApplicationStatus, Person
from ind_tui.api.errors import (
    BadRequestError,
    ConflictError,
    DocumentRejectedError,
    ForbiddenError,
    NotFoundError,
    PortalError,
    ReceiptPendingError,
)
from ind_tui.api.payments import Payment, PaymentMethod, PaymentRequest
from ind_tui.api.wire import ErrorCode
from ind_tui.client.client import PortalClient
from ind_tui.client.retry import new_idempotency_key
from ind_tui.domain.forms.engine import Evaluation, FeeQuote, fee_for, listed_quote
from ind_tui.domain.forms.wire import split_answers
from ind_tui.local.drafts.errors import Code, DraftError
from ind_tui.local.drafts.model import Draft, FilingReceipt, FilingStage
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.filing_documents import (
    FilingProgress,
    Problem,
    Progress,
    emit,
    forget_refused_upload,
    problem_of,
    sendable_slots,
    upload_missing,
)
from ind_tui.services.filing_receipt import receipt_text, save_receipt

__all__ = [
    "Filing", "FilingProgress", "FilingStage", "FormIncompleteError", "Problem", "filing_stage",
    "problem_of",
]

# Refusals: the portal looked at the request and said no; it did nothing with it.
_REFUSED = (BadRequestError, ForbiddenError, DocumentRejectedError, NotFoundError)


class FormIncompleteError(BadRequestError):
    """The portal's own rules, checked here, refuse the draft; nothing was sent.
    `details["errors"]` has the shape of the portal's 422 answer."""

    default_code: str = ErrorCode.VALIDATION_FAILED


def filing_stage(draft: Draft) -> FilingStage:
    return FilingStage(draft.stage)


def _issues(ev: Evaluation) -> list[dict[str, Any]]:
    return [{"loc": ["body", *i.loc], "code": i.code, "msg": i.text.en} for i in ev.blocking]


class Filing:
    """Files one draft through one client. Every method may be called again after any
    failure (or after a restart, on a re-opened draft): it carries on where the draft is."""

    def __init__(self, client: PortalClient, session: DraftSession, *,
                 today: date | None = None) -> None:
        self.client = client
        self.session = session
        self._today = today
        self._application: Application | None = None

    @property
    def draft(self) -> Draft:
        return self.session.draft

    @property
    def stage(self) -> FilingStage:
        return filing_stage(self.draft)

    @property
    def today(self) -> date:
        """The submission date: the portal's today unless given."""
        return self._today or self.client.clock.today()

    def evaluation(self) -> Evaluation:
        return self.session.evaluation(self.today, fee=self.draft.fee_eur)

    async def fee(self) -> FeeQuote:
        """The fee: the application's once submitted, else what the portal lists for this
        type now, else the published table's."""
        if self.draft.fee_eur is not None:
            return FeeQuote(self.draft.fee_eur, self.today.year, False)
        listed = listed_quote(await self.client.application_types(), self.draft.form_id)
        return listed or fee_for(self.draft.form_id, self.today.year)

    # --- documents ---------------------------------------------------------------------------

    def _slots(self, ev: Evaluation) -> list[str]:
        return sendable_slots(self.draft, ev)

    async def upload_documents(self, progress: Progress = None, *,
                               slots: Iterable[str] | None = None) -> None:
        """Upload every document the portal does not have yet (default: those of the slots
        that apply). Each id is saved as soon as it arrives, so after a cancel or a failure a
        retry sends only what is still missing."""
        if self.stage is not FilingStage.NOT_SENT:
            return  # the portal has the application, documents included
        wanted = list(slots) if slots is not None else self._slots(self.evaluation())
        await upload_missing(self.client, self.session, wanted, progress)

    # --- submission --------------------------------------------------------------------------

    def _request(self, ev: Evaluation) -> ApplicationRequest:
        """The request body: the answers of the fields that apply (nothing the form no
        longer asks travels), the person outside them, the uploaded documents."""
        d = self.draft
        applying = {f.field.id for page in ev.pages for f in page.fields}
        answers = {k: v for k, v in d.answers.items() if k in applying}
        rest, employee, expiry = split_answers(d.form_id, answers)
        person = {k: v for k, v in employee.items() if v is not None}
        try:
            documents = {slot: d.uploads[d.documents[slot].sha256] for slot in self._slots(ev)}
        except KeyError as exc:
            raise DraftError(Code.DOCUMENT_MISSING, str(exc)) from None
        try:
            return ApplicationRequest(
                type_id=d.form_id, form_version=d.form_version,
                employee=Person.model_validate(person) if employee else None,
                permit_expiry=expiry, answers=rest, documents=documents)
        except ValidationError as exc:
            errors = [{"loc": ["body", *map(str, e["loc"])], "code": "invalid", "msg": e["msg"]}
                      for e in exc.errors()]
            raise FormIncompleteError("the answers do not fit the request",
                                      details={"errors": errors}) from None

    def _keep_before_sending(self, **fields: str | None) -> None:
        """Set and save what a request is about to be sent under. Unsaved, it is undone:
        a key that is not on disk must never go out (a restart would make another)."""
        before = {name: getattr(self.draft, name) for name in fields}
        for name, value in fields.items():
            setattr(self.draft, name, value)
        try:
            self.session.save()
        except BaseException:
            for name, value in before.items():
                setattr(self.draft, name, value)
            raise

    def _submission_key(self) -> str:
        if self.draft.idempotency_key is None:
            self._keep_before_sending(idempotency_key=new_idempotency_key())
        assert self.draft.idempotency_key is not None
        return self.draft.idempotency_key

    async def submit(self, progress: Progress = None) -> Application:
        """Upload what is missing, then submit once. Returns the application (awaiting
        payment, or filed at once when free)."""
        if self.stage is not FilingStage.NOT_SENT:
            return await self._current()
        if (found := await self._kept_key_filed()) is not None:
            return found
        if self._today is None and not self.client.clock.known:
            await self.client.portal_info()  # judge the answers on the portal's today
        for first_round in (True, False):
            ev = self.evaluation()
            # With a key the submission may be on the portal already, judged on the day it
            # was sent: resend it as it was, never refuse it for today's date.
            if self.draft.idempotency_key is None and not ev.ok:
                raise FormIncompleteError("the application is incomplete or invalid",
                                          details={"errors": _issues(ev)})
            await self.upload_documents(progress)
            request = self._request(ev)
            key = self._submission_key()
            emit(progress, "submit", 0)
            try:
                app = await self.client.submit_application(request, key)
            except _REFUSED as exc:
                found = await self._filed_under(key, exc)
                if found is None and exc.code == ErrorCode.IDEMPOTENCY_KEY_REUSED:
                    raise  # something is under this key, not filed yet: keep the key
                if found is None:
                    stale = forget_refused_upload(self.draft, exc)
                    self.draft.idempotency_key = None  # confirmed: nothing filed under it
                    self.session.save()
                    if stale and first_round:
                        continue  # upload that document again and file afresh
                    raise
                app = found
            self._record(app)
            emit(progress, "submit", 1)
            return app
        raise AssertionError("unreachable")

    async def _kept_key_filed(self) -> Application | None:
        """A key kept from an earlier attempt whose answer was lost: that attempt may have
        filed the application. Ask before sending it again, and take what the portal has
        (a portal may forget a key in time; the application it made stays)."""
        key = self.draft.idempotency_key
        if key is None:
            return None
        found = await self.client.find_applications(key)
        if not found:
            return None
        self._record(found[0])
        return found[0]

    async def _filed_under(self, key: str, refusal: PortalError) -> Application | None:
        """After a refusal: is an application filed under `key` all the same (an earlier
        attempt got through)? When that cannot be checked, the refusal stands, key kept."""
        try:
            found = await self.client.find_applications(key)
        except PortalError:
            raise refusal from None
        return found[0] if found else None

    # --- payment and receipt -----------------------------------------------------------------

    async def pay(self, method: PaymentMethod, progress: Progress = None) -> Application:
        """Pay the submitted application once; returns it with its receipt. A free
        application is not paid. The method of the first attempt stays: a payment under
        way cannot change its method."""
        d = self.draft
        if self.stage is FilingStage.NOT_SENT or d.application_id is None:
            raise RuntimeError("submit the application before paying")
        if self.stage is not FilingStage.SUBMITTED or not d.fee_eur:
            return await self._complete(progress)
        if d.payment_key is None:
            self._keep_before_sending(payment_key=new_idempotency_key(),
                                      payment_method=PaymentMethod(method).value)
        key = d.payment_key
        assert key is not None
        request = PaymentRequest(method=PaymentMethod(d.payment_method or method),
                                 amount_eur=d.fee_eur)
        emit(progress, "pay", 0)
        try:
            result = await self.client.pay(d.application_id, request, key)
        except ReceiptPendingError as exc:
            self._record(Application.model_validate(exc.details["application"]))
            raise  # paid for certain; the receipt follows (run or reconcile again)
        except ConflictError as exc:
            if exc.code != ErrorCode.NOTHING_TO_PAY:
                raise
            self._record(Application.model_validate(exc.details["application"]))
            return await self._complete(progress)
        except _REFUSED as exc:
            try:
                app = await self.client.application(d.application_id)
            except PortalError:
                raise exc from None
            if app.status is ApplicationStatus.AWAITING_PAYMENT:
                if exc.code != ErrorCode.IDEMPOTENCY_KEY_REUSED:  # (that one may be under way)
                    d.payment_key = d.payment_method = None  # refused, and nothing was paid
                self._record(app)  # the fee the portal wants now
                raise
            self._record(app)
            return await self._complete(progress)
        self._record(result.application, result.payment)
        emit(progress, "pay", 1)
        return await self._complete(progress)

    async def _complete(self, progress: Progress) -> Application:
        """Paid or free: make sure the receipt, and the payment's reference, are known."""
        if self.stage is FilingStage.DONE:
            app = await self._current()
        else:
            emit(progress, "receipt", 0)
            app = await self._fetch()
            if self.stage is FilingStage.PAID and self.draft.fee_eur:
                app = await self._known_payment()
        if filing_stage(self.draft) is FilingStage.DONE:  # (the awaits above moved it on)
            emit(progress, "receipt", 1)
        return app

    async def _known_payment(self) -> Application:
        """The payment of an application the portal says is paid: asked with the kept key
        (and method), the portal answers with that payment; it never charges again."""
        d = self.draft
        assert d.application_id is not None and d.payment_key is not None
        request = PaymentRequest(method=PaymentMethod(d.payment_method or "direct_debit"),
                                 amount_eur=d.fee_eur or 0)
        result = await self.client.pay(d.application_id, request, d.payment_key)
        self._record(result.application, result.payment)
        return result.application

    async def run(self, method: PaymentMethod, progress: Progress = None) -> Application:
        """Every step from wherever the draft is: after a restart it resumes."""
        if self.stage is FilingStage.NOT_SENT:
            await self.submit(progress)
        if self.stage is FilingStage.SUBMITTED:
            return await self.pay(method, progress)
        return await self._complete(progress)

    async def reconcile(self) -> Application | None:
        """Ask the portal what it has of this draft (after a restart or an unclear failure)
        and bring the draft up to date. None when nothing was ever filed under its key."""
        d = self.draft
        if d.application_id is None:
            if d.idempotency_key is None:
                return None
            found = await self.client.find_applications(d.idempotency_key)
            if not found:
                return None
            self._record(found[0])
        else:
            await self._fetch()
        if self.stage is FilingStage.PAID and d.fee_eur:
            return await self._known_payment()
        return self._application

    async def _fetch(self) -> Application:
        assert self.draft.application_id is not None
        app = await self.client.application(self.draft.application_id)
        self._record(app)
        return app

    async def _current(self) -> Application:
        if self._application is not None and self._application.id == self.draft.application_id:
            return self._application
        return await self._fetch()

    def _record(self, app: Application, payment: Payment | None = None) -> None:
        """Keep what the portal said about the application, and save."""
        d = self.draft
        d.application_id, d.fee_eur = app.id, app.fee_eur
        d.idempotency_key = d.idempotency_key or app.idempotency_key
        filed = app.status is ApplicationStatus.SUBMITTED  # paid, or free
        free = app.fee_eur == 0
        if filed and not free and d.payment_key is None:
            # Paid without a key of ours (say, on the web portal): asking with a fresh key
            # can only ever be answered with that payment.
            d.payment_key = new_idempotency_key()
            d.payment_method = d.payment_method or PaymentMethod.DIRECT_DEBIT.value
        reference = payment.reference if payment is not None else (
            d.receipt.payment_reference if d.receipt is not None else None)
        if filed and app.receipt is not None and (free or reference is not None):
            paid_at = payment.paid_at if payment is not None else (
                d.receipt.paid_at if d.receipt is not None else None)
            d.receipt = FilingReceipt(
                zaaknummer=app.receipt.zaaknummer, receipt_date=app.receipt.receipt_date,
                decision_deadline=app.receipt.decision_deadline,
                payment_reference=None if free else reference, paid_at=paid_at)
            d.stage = FilingStage.DONE
        elif d.receipt is None:
            d.stage = FilingStage.PAID if filed else FilingStage.SUBMITTED
        self._application = app
        self.session.save()

    # --- the receipt as text -----------------------------------------------------------------

    def receipt_text(self, lang: str) -> str:
        """Zaaknummer, receipt date, decision deadline, fee and payment reference."""
        return receipt_text(self.draft, lang)

    def save_receipt(self, path: Path, lang: str) -> Path:
        return save_receipt(self.draft, path, lang)
