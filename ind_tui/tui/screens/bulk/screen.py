"""Bulk extensions: the drafts made for the employees marked in Due soon, together, each with
what still blocks it; Enter opens one to complete it, `f` files the complete ones after one
confirmation, with a progress bar and a summary (filed with case numbers, skipped with
reasons). The batch itself is `services/bulk.py`; filing a draft is `services/filing.py`."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import ProgressBar, Static

from ind_tui.api.payments import PaymentMethod
from ind_tui.i18n import language, t
from ind_tui.i18n.format import money, plural
from ind_tui.services.binding import acting_company
from ind_tui.services.bulk import (
    BatchProgress,
    BulkEntry,
    ItemResult,
    Outcome,
    extension_form,
    file_batch,
    plan_batch,
    prepare,
)
from ind_tui.services.pending import keep_pending
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.screens.wizard.status import StatusLine
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.table_model import Column, Row

if TYPE_CHECKING:
    from ind_tui.domain.forms.engine import Issue
    from ind_tui.local.drafts.session import DraftSession
    from ind_tui.services.duties import Duty

# How far a draft's filing is when a step starts: the bar moves within each draft.
STEP_SHARE = {"upload": 0.1, "submit": 0.3, "pay": 0.6, "receipt": 0.9}
DONE = (Outcome.FILED, Outcome.ALREADY)
AGAIN = (Outcome.READY, Outcome.FAILED, Outcome.STOPPED)  # what `f` files
METHOD = PaymentMethod.DIRECT_DEBIT  # a batch has one confirmation: the sponsor's mandate


def columns() -> list[Column]:
    return [
        Column("employee", t("bulk.col.employee"), min_width=12),
        Column("v_number", t("bulk.col.v_number"), width=10, min_width=10, keep_from=60),
        Column("state", t("bulk.col.state"), min_width=12),
        Column("blocks", t("bulk.col.blocks"), min_width=16),
    ]


def issue_label(issue: Issue, labels: dict[str, str]) -> str:
    return labels.get(issue.target, issue.target)


def form_labels(form_id: str) -> dict[str, str]:
    """Field and document labels by id, in the language of the moment."""
    from ind_tui.domain.forms.schema import load_form

    form, lang = load_form(form_id), language()
    return {**{f.id: f.label.get(lang) for f in form.fields},
            **{d.id: d.label.get(lang) for d in form.documents}}


def state_text(result: ItemResult | None, entry: BulkEntry) -> str:
    if entry.path is None:
        return t("bulk.state.no_draft")
    if result is None:
        return "…"
    if result.outcome is Outcome.BLOCKED:
        return t("bulk.state.blocked", n=len(result.blocking))
    return t(f"bulk.state.{result.outcome.value}", zaak=result.zaaknummer or "")


def blocks_text(result: ItemResult | None, entry: BulkEntry, labels: dict[str, str]) -> str:
    if entry.error is not None:
        return entry.error.one_line("nl" if language() == "nl" else "en")
    if result is None:
        return ""
    if result.outcome is Outcome.BLOCKED:
        return ", ".join(issue_label(i, labels) for i in result.blocking)
    if result.outcome is Outcome.DUPLICATE:
        return t("bulk.blocks.duplicate", cases=", ".join(result.cases))
    if result.outcome is Outcome.REFUSED and result.error is not None:
        one_line = getattr(result.error, "one_line", None)
        return one_line("nl" if language() == "nl" else "en") if one_line else ""
    if result.outcome is Outcome.FAILED:
        return t("bulk.blocks.failed", code=result.code or type(result.error).__name__)
    if result.outcome is Outcome.STOPPED:
        return t("bulk.blocks.stopped")
    return ""


class BulkScreen(PortalScreen):
    HELP_KEY = "bulk.help"
    FOOTER_FIRST = ("file", "check")
    BINDINGS = [
        Binding("f", "file", "bulk.key.file", id="bulk.file"),
        Binding("r", "check", "bulk.key.check", id="bulk.check"),
    ]

    def __init__(self, duties: Sequence[Duty]) -> None:
        super().__init__()
        self.duties = list(duties)
        self.form_id: str | None = None
        self.fee: int | None = None  # per application, as the portal lists it
        self.entries: list[BulkEntry] = []
        self.results: dict[Path, ItemResult] = {}
        self.running = False
        self.summary = ""
        self._filing: tuple[int, BatchProgress] | None = None

    def body(self) -> ComposeResult:
        yield Static(self._title(), classes="title", id="bulk-title")
        yield StatusLine(id="bulk-status", classes="muted")
        yield VirtualTable(columns(), empty_text=t("bulk.making"), id="bulk-table")
        yield Static("", id="bulk-detail", classes="muted")
        yield ProgressBar(id="bulk-progress", total=1, show_eta=False)
        yield Static("", id="bulk-summary")

    def _title(self) -> str:
        return plural("bulk.title", len(self.duties))

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#bulk-table", VirtualTable)

    def on_mount(self) -> None:
        self.query_one("#bulk-progress").display = False
        self.table.focus()
        self.make()

    def on_screen_resume(self) -> None:
        if self.entries and not self.running:  # back from a draft: it may be complete now
            self.action_check()

    def relabel(self) -> None:
        set_text(self, "#bulk-title", self._title())
        self.table.retitle(columns())
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("file", "check"):
            return bool(self.entries) and not self.running
        return True

    def action_back(self) -> None:
        if self.running:
            self.notify(t("bulk.busy"), severity="warning")
            return
        super().action_back()

    # --- the drafts -------------------------------------------------------------------------

    @work(exclusive=True, group="bulk")
    async def make(self) -> None:
        app, context = self.portal_app, self.context
        client, me = context.client, context.me
        if client is None or me is None:
            return
        self._say(lambda: t("bulk.making"))
        types = (await app.call(client.application_types)).or_none()
        if types is None or not self.is_attached:
            return
        form_id = self.form_id = extension_form(types)
        self.fee = next((k.fee_eur for k in types if k.id == form_id), None)
        if form_id is None:
            self._say(lambda: t("bulk.no_type"))
            return
        duties = self.duties
        made = (await app.call(lambda: prepare(
            client, duties, form_id=form_id, company=acting_company(me),
            profile=context.profile_name or "default",
            portal=context.profile_portal or None))).or_none()
        if made is None or not self.is_attached:
            return
        self.entries = made
        self.refresh_bindings()  # f and r become usable: the footer shows them now
        self._show()
        await self._check()

    @work(exclusive=True, group="bulk-check")
    async def action_check(self) -> None:
        await self._check()

    async def _known(self) -> set[str]:
        from ind_tui.services.duplicates import cached_zaaknummers

        scope = self.context.scope
        if scope is None:
            return set()
        return await asyncio.to_thread(cached_zaaknummers, scope)

    async def _check(self) -> None:
        client, me = self.context.client, self.context.me
        if client is None or me is None:
            return
        self._say(lambda: t("bulk.checking"))
        paths = [e.path for e in self.entries if e.path is not None]
        known = await self._known()
        portal = self.context.profile_portal or None
        plan = (await self.portal_app.call(lambda: plan_batch(
            client, paths, me=me, portal=portal, known=known))).or_none()
        if plan is None or not self.is_attached or self.running:
            return  # (a batch started meanwhile says how each went)
        self.results = {r.path: r for r in plan}
        self._show()

    # --- showing ----------------------------------------------------------------------------

    def _say(self, say: object) -> None:
        self.query_one("#bulk-status", StatusLine).say(say, spinning=True)  # type: ignore[arg-type]

    def _result(self, entry: BulkEntry) -> ItemResult | None:
        return self.results.get(entry.path) if entry.path is not None else None

    def _rows(self) -> list[Row]:
        labels = form_labels(self.form_id) if self.form_id else {}
        rows: list[Row] = []
        for index, entry in enumerate(self.entries):
            result = self._result(entry)
            state = state_text(result, entry)
            if self._filing is not None and self._filing[0] == index:
                state = t("bulk.state.filing")
            rows.append((entry.name, entry.v_number, state, blocks_text(result, entry, labels)))
        return rows

    def _show(self) -> None:
        self.table.empty_text = t("bulk.making")
        self.table.set_rows(self._rows())
        self._detail()
        count = {o: sum(1 for r in self.results.values() if r.outcome is o) for o in Outcome}
        if self.running:
            self.query_one("#bulk-status", StatusLine).say(self._filing_text, spinning=True)
        elif self.results:
            filed = sum(count[o] for o in DONE)
            ready = sum(count[o] for o in AGAIN)
            blocked = len(self.results) - filed - ready
            self.query_one("#bulk-status", StatusLine).say(lambda: t(
                "bulk.status", ready=ready, blocked=blocked, filed=filed))
        set_text(self, "#bulk-summary", self.summary_text() if self.summary else "")

    def _filing_text(self) -> str:
        if self._filing is None:
            return ""
        _, event = self._filing
        step = t(f"bulk.step.{event.step.step}") if event.step is not None else ""
        return t("bulk.filing", i=event.index + 1, n=event.total, name=event.name, step=step)

    @on(VirtualTable.CursorMoved, "#bulk-table")
    def _moved(self, _event: VirtualTable.CursorMoved) -> None:
        self._detail()

    def _detail(self) -> None:
        """The whole of the row's 'what blocks' (the column cuts it)."""
        index = self.table.cursor_row_index
        rows = self.table.model.rows
        text = str(rows[index][-1]) if index is not None and index < len(rows) else ""
        set_text(self, "#bulk-detail", text)

    @on(VirtualTable.RowSelected, "#bulk-table")
    def _open(self, event: VirtualTable.RowSelected) -> None:
        if self.running or event.row_index >= len(self.entries):
            return
        path = self.entries[event.row_index].path
        if path is not None:
            from ind_tui.tui.screens.drafts.dialogs import open_wizard

            open_wizard(self.app, path)

    # --- filing -----------------------------------------------------------------------------

    def action_file(self) -> None:
        if not self.check_action("file", ()):
            return
        results = [self._result(e) for e in self.entries]
        ready = sum(1 for r in results if r is not None and r.outcome in AGAIN)
        if not ready:
            self.notify(t("bulk.nothing"), severity="warning")
            return
        skipped = sum(1 for r in results if r is None or r.outcome not in (*AGAIN, *DONE))

        def answered(yes: bool | None) -> None:
            if yes:
                self.running = True  # before the screen resumes: no check meanwhile
                self.run_batch()

        lines = [t("bulk.confirm.detail")]
        if self.fee:  # what the portal lists for this type now
            lines.append(t("bulk.confirm.fee", n=ready, fee=money(self.fee, cents=False),
                           total=money(self.fee * ready, cents=False)))
        if skipped:
            lines.append(t("bulk.confirm.skipped", skipped=skipped))
        self.app.push_screen(ConfirmDialog(plural("bulk.confirm", ready), "\n".join(lines)),
                             answered)

    @work(exclusive=True, group="bulk-file")
    async def run_batch(self) -> None:
        client, me = self.context.client, self.context.me
        if client is None or me is None:
            self.running = False
            return
        # A failed or untried one goes again: judged afresh, a kept key asked about first.
        plan = [replace(r, outcome=Outcome.READY) if r.outcome in AGAIN else r
                for e in self.entries if (r := self._result(e)) is not None]
        going = sum(1 for r in plan if r.outcome is Outcome.READY)
        bar = self.query_one("#bulk-progress", ProgressBar)
        bar.update(total=going, progress=0)
        bar.display = True
        self.summary = ""
        self.refresh_bindings()
        try:
            known = await self._known()
            cache = await self.context.cache()
        except BaseException:
            self.running = False
            raise
        portal, scope = self.context.profile_portal or None, self.context.scope

        def filed(session: DraftSession) -> None:
            # Kept as filed, not yet listed: `:ZAAKNUMMER` finds it (services/pending.py).
            if scope is not None:
                keep_pending(cache, scope, session.draft, session.path, self.context.now())

        index_of = {e.path: i for i, e in enumerate(self.entries)}
        ready_paths = [r.path for r in plan if r.outcome is Outcome.READY]

        def progress(event: BatchProgress) -> None:
            share = STEP_SHARE[event.step.step] if event.step is not None else 1.0
            bar.update(progress=event.index + share)
            self._filing = (index_of[ready_paths[event.index]], event)
            self._show()

        try:
            done = await self.portal_app.call(lambda: file_batch(
                client, plan, METHOD, me=me, portal=portal, known=known, progress=progress,
                on_filed=filed))
        finally:
            self.running, self._filing = False, None
        if not self.is_attached:
            return
        self.refresh_bindings()
        results = done.or_none()
        if results is not None:
            self.results = {r.path: r for r in results}
            self.summary = "shown"
        self._show()

    def summary_text(self) -> str:
        by_path = {e.path: e for e in self.entries}
        filed = [r for r in self.results.values() if r.outcome in DONE]
        skipped = [r for r in self.results.values() if r.outcome not in DONE]
        labels = form_labels(self.form_id) if self.form_id else {}
        lines = [t("bulk.summary.filed", n=len(filed), cases=", ".join(
            f"{r.zaaknummer} {r.name}" for r in filed)) if filed
            else t("bulk.summary.none_filed")]
        if skipped:
            reasons = "; ".join(
                f"{r.name}: {state_text(r, entry)}"
                + (f" ({text})" if (text := blocks_text(r, entry, labels)) else "")
                for r in skipped if (entry := by_path.get(r.path)) is not None)
            lines.append(t("bulk.summary.skipped", n=len(skipped), reasons=reasons))
            if any(r.outcome in (Outcome.FAILED, Outcome.STOPPED) for r in skipped):
                lines.append(t("bulk.summary.again"))
        return "\n".join(lines)
