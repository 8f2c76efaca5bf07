"""Filing a finished draft: upload, submit, pay, receipt, each step shown with its state.

The filing core keeps every key in the draft before it sends, so any step may be tried again
and a reopened draft carries on. This screen adds one confirmation naming the fee, plain
words for each kind of failure, and the receipt to keep."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, OptionList, ProgressBar, Static

from ind_tui.api import errors as pe
from ind_tui.api.payments import PaymentMethod
from ind_tui.i18n import language, t
from ind_tui.local.drafts.errors import DraftError
from ind_tui.services.filing import Filing, FilingProgress, FilingStage, problem_of
from ind_tui.tui.context import Failed, Result
from ind_tui.tui.screens.wizard.company import ask_to_bind, refusal_for
from ind_tui.tui.screens.wizard.filed import AFTER_KEYS, FiledScreen, keep_receipt
from ind_tui.tui.screens.wizard.filing_words import fee_line, file_question, problem_text
from ind_tui.tui.screens.wizard.guard import duplicate_question, find_duplicates
from ind_tui.tui.screens.wizard.payment import PaymentChoice
from ind_tui.tui.screens.wizard.review import size_text
from ind_tui.tui.screens.wizard.status import Say, StatusLine
from ind_tui.tui.screens.wizard.steps import STEPS, step_state, steps_text
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.pathinput import PathInput
from ind_tui.tui.widgets.text import Tr

if TYPE_CHECKING:
    from ind_tui.domain.forms.engine import FeeQuote
    from ind_tui.local.drafts.session import DraftSession

# Failures this screen explains in its own words; any other goes to the guidance panel.
EXPLAINED = (pe.NotSentError, pe.OutcomeUnknownError, pe.ReceiptPendingError,
             pe.ServiceUnavailableError, pe.RateLimitedError, pe.TransportError, DraftError)


class FilingScreen(FiledScreen):
    HELP_KEY = "wizard.filing.help"
    BINDINGS = [
        Binding("f", "send", "wizard.filing.key.send", id="wizard.filing.send"),
        Binding("r", "retry", "wizard.filing.key.retry", id="wizard.filing.retry"),
        Binding("c", "reconcile", "wizard.filing.key.reconcile", id="wizard.filing.reconcile"),
        Binding("w", "save_receipt", "wizard.filing.key.save", id="wizard.filing.save"),
        Binding("o", "open_case", "wizard.filing.key.open_case", id="wizard.filing.open_case"),
        Binding("n", "file_another", "wizard.filing.key.file_another",
                id="wizard.filing.file_another"),
        Binding("d", "to_drafts", "wizard.filing.key.to_drafts", id="wizard.filing.to_drafts"),
    ]

    def __init__(self, session: DraftSession) -> None:
        super().__init__()
        self.session = session
        self.filing: Filing | None = None
        self.fee: FeeQuote | None = None
        self.running = False
        self.problem: str | None = None
        self.error: Exception | None = None
        self.step: str | None = None  # the step under way (or the one that failed)
        self.fraction = 0.0
        self.activity: Say | None = None  # what is under way, said in the language of the day

    # --- layout -----------------------------------------------------------------------------

    def body(self) -> ComposeResult:
        with VerticalScroll(id="filing-body"):
            yield Static(self._title(), classes="title", id="filing-title")
            yield Static("", id="filing-steps")
            with Horizontal(id="filing-bar"):
                yield ProgressBar(id="filing-progress", total=len(STEPS), show_eta=False)
                yield StatusLine(id="filing-activity")
            with Vertical(id="filing-confirm"):
                yield Panel("", id="filing-summary")
                yield Tr("wizard.filing.method", classes="subtitle", id="filing-method-label")
                yield PaymentChoice(id="filing-method")
                yield Static("", id="filing-send-hint", classes="muted")
            yield Panel("", id="filing-problem", classes="-warning")
            yield Panel("", id="filing-receipt")
            yield Static("", id="filing-next", classes="muted")
            with Vertical(id="filing-save"):
                yield Label(t("wizard.filing.save_label"), id="filing-save-label")
                yield PathInput(id="filing-save-path")

    def _title(self) -> Text:
        who = str(self.session.draft.answers.get("employee_name") or "")
        form = self.session.form.title.get(language())
        return Text(t("wizard.filing.title", form=form) + (f" · {who}" if who else ""),
                    style="bold")

    def on_mount(self) -> None:
        self.query_one("#filing-save").display = False
        self.query_one("#filing-problem").display = False
        self._update_view()
        client = self.context.client
        if client is None:
            self._set_problem("offline", None)
            return
        self.filing = Filing(client, self.session)
        refusal = refusal_for(self.context, self.session)
        if self.stage is FilingStage.DONE:
            self._update_view()
        elif refusal is not None:
            self._set_problem("company", refusal)  # names both companies, says what to do
        elif not ask_to_bind(self.app, self.context, self.session, self._start):
            self._start(True)

    def _start(self, bound: bool) -> None:
        draft = self.session.draft
        if not bound:
            self._set_problem("unbound", None)
        elif draft.idempotency_key is not None or draft.application_id is not None:
            # Something may be on the portal already: ask it first, never send blind.
            self.reconcile()
        else:
            self.load_fee()

    def relabel(self) -> None:
        self.query_one("#filing-title", Static).update(self._title())
        self.query_one("#filing-method", PaymentChoice).relabel()
        self.query_one("#filing-save-label", Label).update(t("wizard.filing.save_label"))
        self._set_problem(self.problem, self.error)  # which says the steps again too

    # --- rendering --------------------------------------------------------------------------

    def _method(self) -> PaymentMethod:
        fixed = self.session.draft.payment_method
        if fixed:
            return PaymentMethod(fixed)
        return self.query_one("#filing-method", PaymentChoice).method

    def _fee_amount(self) -> int | None:
        draft = self.session.draft
        if draft.fee_eur is not None:
            return draft.fee_eur
        return self.fee.amount if self.fee is not None else None

    def _update_view(self) -> None:
        draft = self.session.draft
        self.query_one("#filing-steps", Static).update(
            steps_text(draft, self._fee_amount(), self.step, self.running))
        done = sum(1 for s in STEPS
                   if step_state(draft, s, self.step, self.running) in ("done", "skipped"))
        running = self.running and self.step in STEPS
        self.query_one("#filing-progress", ProgressBar).update(
            progress=min(len(STEPS), done + (self.fraction if running else 0)))
        self.query_one("#filing-activity", StatusLine).say(self.activity, style="dim")
        # Once filed, the ticks say it all; before sending, nothing is under way but a check:
        # the room goes to the receipt, or to the question and the payment choice (80x24).
        asking = self._asking()
        self.query_one("#filing-bar").display = self.stage is not FilingStage.DONE and (
            not asking or self.activity is not None)
        self._render_confirm(asking)
        self.render_receipt()
        self.refresh_bindings()

    def _asking(self) -> bool:
        stage, draft = self.stage, self.session.draft
        return not self.running and self.problem is None and (
            stage is FilingStage.NOT_SENT or (stage is FilingStage.SUBMITTED
                                              and draft.payment_key is None))

    def _render_confirm(self, asking: bool) -> None:
        stage, draft = self.stage, self.session.draft
        box = self.query_one("#filing-confirm")
        box.display = asking
        if not asking:
            return
        lines = [fee_line(draft, self.fee), t("wizard.filing.once"), t("wizard.filing.locks")]
        if stage is not FilingStage.NOT_SENT:
            lines[1:] = [t("wizard.filing.awaiting_payment")]
        summary = self.query_one("#filing-summary", Panel)
        summary.border_title = t("wizard.filing.confirm_title")
        summary.update(Text("\n".join(lines)))
        method = self.query_one("#filing-method", PaymentChoice)
        method.display = self._fee_amount() != 0 and draft.payment_method is None
        self.query_one("#filing-method-label").display = method.display
        # The choice takes the keys (j/k, arrows) unless the user is typing elsewhere.
        if method.display and not method.has_focus and (
                self.focused is None or self.focused.id == "filing-body"):
            method.focus()
        self.query_one("#filing-send-hint", Static).update(
            t("wizard.filing.send_hint") if stage is FilingStage.NOT_SENT
            else t("wizard.filing.pay_hint"))

    def _set_problem(self, kind: str | None, error: Exception | None) -> None:
        self.problem, self.error = kind, error
        panel = self.query_one("#filing-problem", Panel)
        panel.display = kind is not None
        if kind is not None:
            panel.border_title = t(f"wizard.filing.problem.{kind}.title")
            panel.update(problem_text(kind, error))
            panel.set_class(kind in ("unknown", "pending"), "-error")
        self._update_view()

    # --- progress ---------------------------------------------------------------------------

    def _progress(self, event: FilingProgress) -> None:
        self.step = event.step
        self.fraction = event.done / event.total if event.total else 0.0
        if event.step == "upload":
            self.activity = lambda: t("wizard.filing.uploading", name=event.label,
                                      done=size_text(event.done), total=size_text(event.total))
        else:
            self.activity = lambda: t(f"wizard.filing.doing.{event.step}")
        if event.step == "receipt" and event.done:
            self.activity = None
        self._update_view()

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        stage, draft = self.stage, self.session.draft
        if action == "send":
            return (not self.running and self.problem is None
                    and (stage is FilingStage.NOT_SENT or (
                        stage is FilingStage.SUBMITTED and draft.payment_key is None)))
        if action == "retry":
            return not self.running and self.problem in ("not_sent", "unavailable", "draft",
                                                         "other")
        if action == "reconcile":
            return not self.running and (self.problem in ("unknown", "pending") or (
                stage in (FilingStage.SUBMITTED, FilingStage.PAID)))
        if action in AFTER_KEYS:
            return self.filed_ready()
        return True

    @on(OptionList.OptionSelected, "#filing-method")
    def _method_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_send()

    def action_send(self) -> None:
        if not self.check_action("send", ()) or self.filing is None:
            return
        if self.stage is FilingStage.NOT_SENT:
            self.guard()  # a second application for the same person is asked about first
        else:
            self._ask_to_file()

    @work(exclusive=True, group="filing-guard")
    async def guard(self) -> None:
        self.activity = lambda: t("wizard.filing.dup.checking")
        self._update_view()
        try:
            result = await find_duplicates(self.portal_app, self.session)
        finally:
            self.activity = None
            self._update_view()
        if isinstance(result, Failed):
            if not result.shown:  # the guidance panel did not say why: say it here
                self.notify(t("wizard.filing.dup.failed"), severity="warning", timeout=10)
            return
        if not self.is_attached or not self.check_action("send", ()):
            return
        if not result.value.found:
            self._ask_to_file()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._ask_to_file()

        who = str(self.session.draft.answers.get("employee_name") or "").strip()
        question, detail = duplicate_question(result.value, who)
        # Starts on No: filing twice for one person is what this question is there to stop.
        self.app.push_screen(ConfirmDialog(question, detail, danger=True,
                                           title=t("wizard.filing.dup.title")), answered)

    def _ask_to_file(self) -> None:
        question, detail = file_question(self.stage, self._fee_amount(), self._method())

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_filing()

        self.app.push_screen(ConfirmDialog(question, detail), answered)

    def action_retry(self) -> None:
        if self.check_action("retry", ()):
            self.run_filing()

    def action_back(self) -> None:
        save = self.query_one("#filing-save")
        if save.display:
            save.display = False
            return
        if self.running:
            self.notify(t("wizard.filing.busy"), severity="warning")
            return
        if self.stage is FilingStage.DONE:
            self.portal_app.action_go("home")
            return
        super().action_back()

    # --- workers ----------------------------------------------------------------------------

    @work(exclusive=True, group="filing-fee")
    async def load_fee(self) -> None:
        from ind_tui.domain.forms.engine import fee_for

        filing = self.filing
        assert filing is not None

        async def quietly() -> FeeQuote:
            try:
                return await filing.fee()
            except pe.SessionExpiredError:
                raise
            except pe.PortalError:  # the published table will do for the confirmation
                return fee_for(self.session.draft.form_id, filing.today.year)

        fee = (await self.portal_app.call(quietly)).or_none()
        if fee is not None and self.is_attached:
            self.fee = fee
            self._update_view()

    @work(exclusive=True, group="filing")
    async def run_filing(self) -> None:
        filing = self.filing
        assert filing is not None
        method = self._method()
        self.running = True
        self._set_problem(None, None)
        try:
            result = await self.portal_app.call(lambda: filing.run(method, self._progress),
                                                handle=EXPLAINED)
        finally:
            self.running = False
        self._after(result)

    @work(exclusive=True, group="filing")
    async def reconcile(self) -> None:
        filing = self.filing
        assert filing is not None
        self.running = True
        self.step = None
        self.activity = lambda: t("wizard.filing.checking")
        self._set_problem(None, None)
        try:
            result = await self.portal_app.call(filing.reconcile, handle=EXPLAINED)
        finally:
            self.running = False
            self.activity = None
        if isinstance(result, Failed):
            self._after(result)
            return
        draft = self.session.draft
        stage = self.stage
        if stage is FilingStage.NOT_SENT:
            if draft.idempotency_key is not None:
                self.notify(t("wizard.filing.nothing_arrived"), timeout=10)
            self.load_fee()
        elif stage is FilingStage.PAID or (stage is FilingStage.SUBMITTED
                                           and draft.payment_key is not None):
            # Paid, or a payment under way under a kept key: carrying on cannot pay twice.
            self.run_filing()
            return
        self._update_view()

    def action_reconcile(self) -> None:
        if self.check_action("reconcile", ()) and self.filing is not None:
            self.reconcile()

    def _after(self, result: Result[Any]) -> None:
        if not self.is_attached:
            return
        if isinstance(result, Failed):
            if result.shown or result.error is None:  # the guidance panel said why
                self._set_problem("other", None)  # everything is kept
            else:
                self._set_problem(problem_of(result.error), result.error)
            return
        self.step = None
        self.activity = None
        self._update_view()
        if self.stage is FilingStage.DONE:
            self.run_worker(keep_receipt(self.portal_app, self.session), group="filing-kept")
            receipt = self.session.draft.receipt
            self.notify(t("wizard.filing.done", zaak=receipt.zaaknummer if receipt else ""))
