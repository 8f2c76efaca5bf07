"""Payments: every fee this account paid, direct debits still to be collected, and refunds;
overall or per case (`/` then `case:3100000007`), with totals of what is shown, and an export
to CSV for the bookkeeping (the same file `ind-tui payments list --format csv` writes)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ind_tui.api.payments import totals
from ind_tui.i18n import language, t
from ind_tui.i18n.format import AMSTERDAM, csv_style, day, local, money, number
from ind_tui.tui.context import Failed, offline_errors
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.widgets.chrome import Panel, PortalFooter
from ind_tui.tui.widgets.facts import facts
from ind_tui.tui.widgets.filter_table import FilterTable
from ind_tui.tui.widgets.load_state import LoadLine
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.table_model import Column
from ind_tui.tui.widgets.text import Tr, plain

if TYPE_CHECKING:
    from ind_tui.api.payments import PaymentRecord


class ExportDialog(ModalScreen[str | None]):
    """Where to write the CSV: Enter writes, Esc cancels. After a failure it opens again with
    the path as typed and what went wrong."""

    BINDINGS = [Binding("escape", "cancel", "key.back", id="payments.export_cancel")]

    def __init__(self, path: str, count: int, error: str = "") -> None:
        super().__init__()
        self.path, self.count, self.error = path, count, error

    def compose(self) -> ComposeResult:
        with Vertical(id="payments-export", classes="dialog"):
            yield Tr("payments.export_title", classes="title")
            yield Tr("payments.export_prompt", classes="muted", count=number(self.count))
            yield Input(self.path, id="payments-export-path")
            yield Static(self.error, id="payments-export-error", classes="error-text",
                         markup=False)
        yield PortalFooter()

    def on_mount(self) -> None:
        self.query_one("#payments-export-error").display = bool(self.error)
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _given(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


def _status(p: PaymentRecord) -> str:
    return t(f"payments.status.{p.status.value}")


def _refund(p: PaymentRecord) -> str:
    if p.refund is not None:
        return t("payments.refund_made", reason=t(f"payments.reason.{p.refund.reason.value}"),
                 day=day(p.refund.refunded_at.astimezone(AMSTERDAM).date()))
    if p.refund_due is not None:
        return t("payments.refund_due", day=day(p.refund_due))
    return ""


def _columns() -> list[Column]:
    return [
        Column("paid", t("payments.col.paid"), width=10, min_width=10, formatter=_date),
        Column("case", t("payments.col.case"), width=10, min_width=10),
        Column("employee", t("payments.col.employee"), min_width=14),
        Column("amount", t("payments.col.amount"), min_width=9, formatter=money, align="right"),
        Column("status", t("payments.col.status"), min_width=7),
        Column("refund", t("payments.col.refund"), min_width=6, keep_from=100),  # mostly empty
        # Below 96 columns the reference gives way to the name: the detail's title shows it.
        Column("reference", t("payments.col.reference"), min_width=16, keep_from=96),
    ]


def _date(moment: object) -> str:
    from datetime import datetime

    assert isinstance(moment, datetime)
    return day(moment.astimezone(AMSTERDAM).date())


class PaymentsScreen(PortalScreen):
    HELP_KEY = "payments.help"
    BINDINGS = [
        Binding("e", "export", "payments.key.export", id="payments.export"),
        Binding("r", "reload", "key.refresh", id="payments.refresh"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.payments: list[PaymentRecord] = []
        self.loaded = False
        self._query = query  # e.g. "case:3100000007", to open on one case's payments
        self._export_path = ""

    def body(self) -> ComposeResult:
        yield Static(t("payments.title"), classes="title", id="payments-title")
        table = VirtualTable(_columns(), empty_text=t("payments.loading"), id="payments-table")
        yield LoadLine(table, loading="payments.loading", empty="payments.none",
                       id="payments-load")
        yield FilterTable(table, id="payments-list")
        yield Static("", id="payments-totals")
        yield Panel("", id="payments-detail")
        yield Tr("payments.hint", classes="muted", id="payments-hint")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#payments-table", VirtualTable)

    def on_mount(self) -> None:
        self.table.focus()
        if self._query:
            self.query_one("#payments-list", FilterTable).show_filter(self._query)
        self.action_reload()

    def relabel(self) -> None:
        self.table.retitle(_columns())
        if not self.loaded:
            set_text(self, "#payments-title", t("payments.title"))
        self._show_rows()

    @work(exclusive=True, group="payments-load")
    async def action_reload(self) -> None:
        client = self.context.client
        if client is None:
            return
        line = self.query_one("#payments-load", LoadLine)
        line.started()
        # Unreachable or busy: the line says so, no panel; other refusals show theirs too.
        outcome = await self.portal_app.call(client.payments, handle=offline_errors())
        if not self.is_attached:
            return
        if isinstance(outcome, Failed):
            line.failed(outcome)
            return
        self.payments = outcome.value.items
        self.loaded = True
        self._show_rows()
        line.done(len(self.payments))

    def _show_rows(self) -> None:
        table = self.table
        table.set_rows([
            (p.paid_at, p.zaaknummer or "—", p.employee_name, p.amount_eur, _status(p),
             _refund(p), p.reference)
            for p in self.payments])
        self._show_totals()
        self._show_detail()

    @property
    def shown(self) -> list[PaymentRecord]:
        """The payments the filter lets through, in the order shown."""
        try:
            view = self.table.model.view
        except NoMatches:
            return []
        return [self.payments[i] for i in view if i < len(self.payments)]

    def _show_totals(self) -> None:
        if not self.loaded:
            return
        shown = self.shown
        sums = totals(shown)
        text = t("payments.totals", count=number(sums.count), charged=money(sums.charged_eur),
                 pending=money(sums.pending_eur), refunded=money(sums.refunded_eur),
                 net=money(sums.net_eur))
        if len(shown) != len(self.payments):
            text += "  " + t("payments.filtered", total=number(len(self.payments)))
        set_text(self, "#payments-totals", text)
        set_text(self, "#payments-title",
                 t("payments.title_count", count=number(len(self.payments))))

    @property
    def current(self) -> PaymentRecord | None:
        try:
            index = self.table.cursor_row_index
        except NoMatches:
            return None
        if index is None or index >= len(self.payments):
            return None
        return self.payments[index]

    @on(VirtualTable.CursorMoved, "#payments-table")
    def _moved(self, _: VirtualTable.CursorMoved) -> None:
        # The filter moves the cursor too: totals follow what is shown.
        self._show_totals()
        self._show_detail()

    def _show_detail(self) -> None:
        panel = self.query_one("#payments-detail", Panel)
        p = self.current
        panel.display = p is not None
        if p is None:
            return
        from ind_tui.domain.forms.rules import TYPES_BY_ID

        rule = TYPES_BY_ID.get(p.type_id)
        kind = (rule.name_nl if language() == "nl" else rule.name_en) if rule else p.type_id
        panel.border_title = f"{p.reference} · {money(p.amount_eur)}"
        rows = [
            (t("payments.col.employee"), f"{plain(p.employee_name)} · {kind}"),
            (t("payments.fact.paid"), t(
                "payments.detail_paid", method=t(f"payments.method.{p.method.value}"),
                paid=local(p.paid_at), collected=local(p.collected_at))),
            (t("payments.col.case"),
             t("payments.detail_case", case=p.zaaknummer, year=p.fee_year) if p.zaaknummer
             else t("payments.detail_no_case", year=p.fee_year)),
        ]
        if p.refund is not None:
            rows.append((t("payments.col.refund"), t(
                "payments.detail_refund", amount=money(p.refund.amount_eur),
                when=local(p.refund.refunded_at), reference=p.refund.reference,
                reason=t(f"payments.reason.{p.refund.reason.value}"))))
        elif p.refund_due is not None:
            rows.append((t("payments.col.refund"),
                         t("payments.detail_refund_due", day=day(p.refund_due))))
        panel.update(facts(rows))

    # --- export -----------------------------------------------------------------------------

    @work(exclusive=True, group="payments-export")
    async def action_export(self) -> None:
        from ind_tui.client.payments import export_payments_csv

        items = self.shown
        if not self.loaded:
            return
        path = self._export_path or str(Path.cwd() / f"payments-{date.today():%Y%m%d}.csv")
        error = ""
        while True:
            typed = await self.app.push_screen_wait(ExportDialog(path, len(items), error))
            if typed is None:
                return
            path = typed
            target = Path(typed).expanduser()
            try:
                count = await asyncio.to_thread(export_payments_csv, items, target,
                                                csv_style())
            except OSError as exc:
                error = t("payments.export_failed", reason=exc.strerror or str(exc))
                continue
            self._export_path = typed
            self.notify(t("payments.exported", count=number(count), path=str(target)))
            return
