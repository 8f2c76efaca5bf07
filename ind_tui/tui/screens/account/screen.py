"""Account information, and reporting a new administration address (2-week duty)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from ind_tui.i18n import t
from ind_tui.i18n.format import day, local
from ind_tui.tui.screens.shell.base import PortalScreen
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.facts import facts
from ind_tui.tui.widgets.text import Tr, plain

if TYPE_CHECKING:
    from ind_tui.api.account import Account, Address, NotificationReceipt, NotificationRequest


def _address(a: Address) -> str:
    return f"{a.street} {a.number}\n{a.postcode} {a.city}"


class AccountScreen(PortalScreen):
    HELP_KEY = "account.duty"
    BINDINGS = [
        Binding("a", "change_address", "key.change_address", id="account.change_address"),
        Binding("p", "other_address", "key.other_address", id="account.other_address"),
        Binding("r", "reload", "key.refresh", id="account.refresh"),
    ]

    def __init__(self, change_address: bool = False) -> None:
        super().__init__()
        self._open_form = change_address
        self.account: Account | None = None
        self._draft: NotificationRequest | None = None
        self._draft_key: str | None = None
        self.receipt: NotificationReceipt | None = None  # the last notification's answer

    def body(self) -> ComposeResult:
        with VerticalScroll(id="account-body"):
            yield Tr("account.title", classes="title")
            yield Panel("", id="account-company")
            yield Panel("", id="account-addresses")
            yield Panel("", id="account-reps")
            yield Panel(self._duty(), id="account-duty", classes="-warning")
            yield Panel("", id="account-receipt")

    def on_mount(self) -> None:
        self.query_one("#account-receipt").display = False
        self.query_one("#account-body").focus()
        self.action_reload()

    @staticmethod
    def _duty() -> str:
        return t("account.duty") + "\n" + t("account.paper")

    def relabel(self) -> None:
        self.query_one("#account-duty", Panel).update(self._duty())
        if self.account is not None:
            self._render_account(self.account)
        if self.receipt is not None:
            self._render_receipt(self.receipt)

    @work(exclusive=True, group="account")
    async def action_reload(self) -> None:
        client = self.context.client
        if client is None:
            return
        account = (await self.portal_app.call(client.account)).or_none()
        if account is None or not self.is_attached:
            return
        self.account = account
        self._render_account(account)
        if self._open_form:
            self._open_form = False
            self.action_change_address()

    def _render_account(self, account: Account) -> None:
        recognitions = [t("account.recognition", purpose=t(f"purpose.{r.purpose.value}"),
                          since=day(r.since)) for r in account.recognitions]
        company = self.query_one("#account-company", Panel)
        company.border_title = t("account.company")
        company.update(facts([
            (t("account.company"), plain(account.company.name)),
            (t("account.kvk"), account.company.kvk),
            (t("account.recognitions"), recognitions[0] if recognitions
             else t("account.no_recognitions")),
            *(("", line) for line in recognitions[1:]),
        ], "", t("home.refreshed", when=local(account.last_refresh))))
        addresses = self.query_one("#account-addresses", Panel)
        addresses.border_title = t("account.addresses")
        addresses.update(
            f"[b]{t('account.admin_address')}[/b]\n{_address(account.administration_address)}\n\n"
            f"[b]{t('account.postal_address')}[/b]\n{_address(account.postal_address)}\n\n"
            f"[b]{t('account.visiting_address')}[/b]\n{_address(account.visiting_address)}")
        reps = self.query_one("#account-reps", Panel)
        reps.border_title = t("account.representatives")
        reps.update(facts([
            (f"{plain(r.name)} (KvK {r.kvk})",
             t("account.rep_registered", since=day(r.since)) if r.registered and r.since
             else t("account.rep_pending"))
            for r in account.representatives
        ]) if account.representatives else t("account.no_representatives"))

    def action_change_address(self) -> None:
        from ind_tui.tui.screens.account.address import AddressScreen

        def done(request: NotificationRequest | None) -> None:
            if request is not None:
                if request != self._draft or self._draft_key is None:
                    from ind_tui.client.retry import new_idempotency_key

                    self._draft_key = new_idempotency_key()  # same notification, same key
                self._draft = request
                self.send_notification(request)

        self.app.push_screen(AddressScreen(self._draft), done)

    @work(exclusive=True, group="notify")
    async def send_notification(self, request: NotificationRequest) -> None:
        client = self.context.client
        assert client is not None
        key = self._draft_key
        receipt = (await self.portal_app.call(lambda: client.notify(request, key))).or_none()
        if receipt is None or not self.is_attached:
            return  # the guidance panel said why; the form keeps what was typed (a reopen)
        self._draft = None
        self._draft_key = None
        self.receipt = receipt
        text = self._render_receipt(receipt)
        self.notify(text, severity="warning" if receipt.late else "information")
        self.action_reload()

    def _render_receipt(self, receipt: NotificationReceipt) -> str:
        panel = self.query_one("#account-receipt", Panel)
        text = t("address.done", reference=receipt.reference, deadline=day(receipt.report_deadline))
        if receipt.late:
            text += "\n" + t("address.late", deadline=day(receipt.report_deadline))
        panel.update(text)
        panel.display = True
        return text

    def action_other_address(self) -> None:
        self.notify(t("account.paper"), severity="warning", timeout=10)
