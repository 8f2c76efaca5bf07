"""One message from the IND: what it is about, its deadline and the documents asked for, and
what it means for the decision deadline. Opening it marks it read. `a` answers an open
request, `o` opens the case (whose dossier holds the letter)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from ind_tui.api.inbox import AnswerReceipt, Message, RequestState
from ind_tui.i18n import t
from ind_tui.i18n.format import day, local, plural
from ind_tui.tui.screens.inbox.text import detail_lines, type_name
from ind_tui.tui.screens.inbox.watch import set_unread
from ind_tui.tui.screens.shell.base import PortalScreen
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.facts import facts
from ind_tui.tui.widgets.text import plain


class MessageScreen(PortalScreen):
    HELP_KEY = "inbox.msg.help"
    BINDINGS = [
        Binding("a", "answer", "inbox.key.answer", id="message.answer"),
        Binding("o", "open_case", "inbox.key.case", id="message.case"),
        Binding("r", "reload", "key.refresh", id="message.refresh"),
    ]

    def __init__(self, message_id: str, message: Message | None = None) -> None:
        super().__init__()
        self.message_id = message_id
        self.message = message
        self.receipt: AnswerReceipt | None = None

    def body(self) -> ComposeResult:
        with VerticalScroll(id="message-body"):
            yield Static("", classes="title", id="message-title")
            yield Panel("", id="message-facts")
            yield Panel("", id="message-detail")
            yield Panel("", id="message-receipt", classes="-warning")

    def on_mount(self) -> None:
        self.query_one("#message-body").focus()
        self._fill()
        self.action_reload()

    def relabel(self) -> None:
        self._fill()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer":  # shown only where it can be done
            return self.message is not None and self.message.state is RequestState.OPEN
        return True

    @work(exclusive=True, group="message")
    async def action_reload(self) -> None:
        client = self.context.client
        if client is None:
            return
        message = (await self.portal_app.call(lambda: client.message(self.message_id))).or_none()
        if message is None or not self.is_attached:
            return
        if message.unread:
            read = (await self.portal_app.call(lambda: client.mark_read(self.message_id))).or_none()
            if read is not None:
                message = read
                set_unread(self.portal_app, max(0, self.context.inbox_unread - 1))
        if self.is_attached:
            self.message = message
            self._fill()
            self.refresh_bindings()

    def _fill(self) -> None:
        receipt_panel = self.query_one("#message-receipt", Panel)
        receipt_panel.display = self.receipt is not None
        if self.receipt is not None:
            r = self.receipt
            receipt_panel.update(plural("inbox.answer.done", r.suspended_days,
                                   date=day(r.decision_deadline),
                                   before=day(r.previous_decision_deadline)))
        m = self.message
        if m is None:
            return
        client = self.context.client
        today = client.clock.today() if client is not None else m.sent_at.date()
        self.query_one("#message-title", Static).update(
            t("inbox.msg.head", kind=t(f"inbox.kind_long.{m.kind.value}"), zaak=m.zaaknummer))
        letter = [t("inbox.msg.letter", doc=m.document_id)] if m.document_id else []
        self.query_one("#message-facts", Panel).update(facts([
            (t("inbox.msg.fact.employee"), plain(m.employee_name)),
            (t("inbox.msg.fact.type"), type_name(m.type_id)),
            (t("inbox.msg.fact.sent"), local(m.sent_at)),
            (t("inbox.msg.fact.subject"), plain(m.subject)),  # as the IND wrote it
        ], *letter))
        detail = self.query_one("#message-detail", Panel)
        detail.update("\n".join(detail_lines(m, today)))
        detail.set_class(m.state is RequestState.OPEN, "-warning")

    def action_answer(self) -> None:
        from ind_tui.tui.screens.inbox.answer import AnswerScreen

        message = self.message
        if message is None or message.state is not RequestState.OPEN:
            self.notify(t("inbox.msg.not_open"), severity="warning")
            return

        def done(receipt: AnswerReceipt | None) -> None:
            if receipt is not None:
                self.receipt = receipt
                self.message = receipt.message
                self._fill()
                self.refresh_bindings()
                self.notify(plural("inbox.answer.done", receipt.suspended_days,
                              date=day(receipt.decision_deadline),
                              before=day(receipt.previous_decision_deadline)), timeout=10)

        self.app.push_screen(AnswerScreen(message), done)

    def action_open_case(self) -> None:
        from ind_tui.tui.screens.cases.detail import CaseDetailScreen

        zaak = self.message.zaaknummer if self.message else None
        if zaak:
            self.app.push_screen(CaseDetailScreen(zaak))
