"""Running cases (lopende aanvragen): the list from the local cache, brought up to date in
the background, with what changed since the user last looked, the archive, cases filed here
that the portal does not list yet, quick views, filter, sort, jump and export.

"Last looked" is recorded when the user leaves this list (Esc, a jump elsewhere, quitting)
after it showed the whole list: the statuses shown then count as seen. Opening a case counts
as looking at that case. While the list is open its marks stay put, also when a background
sync brings news, so nothing changes under the reader's eyes.
"""

from __future__ import annotations

import asyncio
import threading
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, ProgressBar, Static

from ind_tui.domain.cases import (
    ARCHIVED_STATE,
    FACETS,
    NOT_REGISTERED,
    STATUS_COLUMN,
    ZAAK_COLUMN,
    CaseRow,
    view_scope,
    without_marker,
)
from ind_tui.i18n import language, t
from ind_tui.tui.context import Failed, Result, offline_errors
from ind_tui.tui.screens.cases.columns import columns
from ind_tui.tui.screens.cases.data import (
    DEFAULT_SORT,
    FIRST_SCREEN,
    ListData,
    build_model,
    build_rows,
)
from ind_tui.tui.screens.cases.lines import CasesLines
from ind_tui.tui.widgets.filter_table import FilterTable
from ind_tui.tui.widgets.load_state import LoadLine
from ind_tui.tui.widgets.table import Scope, VirtualTable
from ind_tui.tui.widgets.text import Tr

if TYPE_CHECKING:
    from ind_tui.local.cache import LocalCache
    from ind_tui.services.pending import PendingCase
    from ind_tui.services.sync import SyncReport
    from ind_tui.tui.app import PortalApp


class CasesScreen(CasesLines):
    HELP_KEY = "cases.help"
    BINDINGS = [
        *(Binding(str(n), f"facet('{name}')", "cases.key.facet", show=n == 1,
                  key_display="1-6" if n == 1 else None, id=f"cases.facet_{name}")
          for n, name in enumerate(FACETS, start=1)),
        Binding("a", "toggle_archive", "cases.key.archive", id="cases.archive"),
        Binding("z", "jump_case", "cases.key.jump", id="cases.jump"),
        Binding("e", "export", "cases.key.export", id="cases.export"),
        Binding("r", "sync", "key.refresh", id="cases.refresh"),
    ]

    def __init__(self, focus_case: str | None = None) -> None:
        super().__init__()
        self.focus_case = focus_case  # put the cursor here once the list is read
        self.facet = "all"
        self.show_archived = True
        self.data: ListData | None = None  # the whole list, once read
        self.full = False
        self.partial = False
        self.syncing = False
        self.first_look = True  # nothing recorded as seen yet: no marks this time
        self.pending: list[PendingCase] = []
        self.last_report: SyncReport | None = None
        self._cache: LocalCache | None = None
        self._scope: str | None = None
        self._shown_count = -1
        self._sync_count: tuple[int | None, int | None] = (None, None)

    # --- layout ---------------------------------------------------------------------------

    def body(self) -> ComposeResult:
        yield Tr("cases.title", classes="title", id="cases-title")
        yield Static("", id="cases-fresh", classes="muted")
        with Horizontal(id="cases-syncbar"):
            yield ProgressBar(id="cases-progress", show_eta=False)
            yield Static("", id="cases-sync-label", classes="muted")
        yield Static("", id="cases-facets")
        yield Static("", id="cases-changed", classes="muted")
        table = VirtualTable(columns(), empty_text=t("cases.loading"), id="cases-table")
        table.tooltip = t("cases.help")
        yield LoadLine(table, loading="cases.syncing", empty="cases.none", says_busy=False,
                       id="cases-load")
        yield FilterTable(table, id="cases-filter")

    @property
    def rows(self) -> list[CaseRow]:
        # The table keeps any tuples; this one is only ever given CaseRows (data.build_rows).
        return cast("list[CaseRow]", self.table.model.rows)

    @property
    def load_line(self) -> LoadLine:
        return self.query_one("#cases-load", LoadLine)

    def on_mount(self) -> None:
        self.query_one("#cases-syncbar").display = False
        self.table.focus()
        self.load()

    def relabel(self) -> None:
        # The cells hold codes; the columns' formatters make the words, so new columns do.
        table = self.table
        table.retitle(columns())
        table.tooltip = t("cases.help")
        if self.data is None:
            table.empty_text = t("cases.loading")
        elif self.data.total:
            table.empty_text = t("cases.empty")
        if self.syncing:
            self._show_sync(*self._sync_count)
        self._show_state()

    # --- reading the cache, then syncing --------------------------------------------------

    @work(exclusive=True, group="cases-load")
    async def load(self, sync: bool = True) -> None:
        scope = self.context.scope
        if scope is None:
            return
        cache = self._cache = await self.context.cache()
        self._scope = scope
        self.first_look = cache.looked_at(scope) is None
        if not self.full:
            await self.first_screen()
        await self.reload()
        if sync:
            self.sync()

    async def first_screen(self) -> None:
        """A first screenful in milliseconds, the rest follows: at open from the cache, and
        on a first sync as soon as its first page is stored."""
        cache, scope = self._cache, self._scope
        if cache is None or scope is None:
            return
        first = await asyncio.to_thread(build_rows, cache, scope, limit=FIRST_SCREEN)
        if not self.is_attached or (self.data is not None and self.data.total):
            return  # the whole list came first
        table = self.table
        table.model.sort_column, table.model.sort_descending = DEFAULT_SORT
        table.set_rows(first)
        self.partial = bool(first)
        table.empty_text = t("cases.empty_cache") if not first else t("cases.empty")
        if first:
            self.load_line.shown()
        self._show_state()

    async def reload(self) -> None:
        """Read the whole list (and the drafts filed here) in a thread and show it."""
        cache, scope = self._cache, self._scope
        if cache is None or scope is None:
            return
        from ind_tui.services.pending import kept_pending, pending_in_folder, pending_row

        table = self.table
        cursor = table.cursor_row_index
        # The cursor stays on its case, unless it was on the first row: then the top of the
        # list (the newest changes) stays in view.
        keep = self.rows[cursor].zaaknummer if cursor and table.cursor_row else None
        model = table.model
        sort = (model.sort_column, model.sort_descending)
        query, scope_fn = model.query, self._view_scope()
        columns_now = model.columns

        login = self.context.login

        def read() -> ListData:
            rows = build_rows(cache, scope)
            known = {row.zaaknummer for row in rows}
            self.pending = pending_in_folder(known, login, kept=kept_pending(cache, scope)
                                             ) if login is not None else []
            rows.extend(pending_row(p) for p in self.pending)
            return build_model(columns_now, rows, sort=sort, scope=scope_fn, query=query)

        view, lang = (self.facet, self.show_archived), language()
        data = await asyncio.to_thread(read)
        if not self.is_attached:
            return
        self.data, self.full, self.partial = data, True, False
        table = self.table
        # Keys pressed while the list was read apply to the new model too.
        now = table.model
        table.adopt(data.model)
        if (now.sort_column, now.sort_descending) != sort:
            table.sort(now.sort_column, now.sort_descending)
        typed = self.query_one("#cases-filter Input", Input).value
        if typed != query:
            table.apply_filter(typed)
        if (self.facet, self.show_archived) != view:
            table.set_scope(self._view_scope())
        if language() != lang:  # switched while the list was read: its words too
            table.retitle(columns())
        if data.total:
            table.empty_text = t("cases.empty")
            self.load_line.shown()
        else:
            self.load_line.say()
        target = self.focus_case or keep
        if target is not None:
            table.jump_to_value(ZAAK_COLUMN, target)
        self.focus_case = None
        self._show_state()

    def action_sync(self) -> None:
        self.sync(reread=True)  # by hand: read the drafts folder again too

    @work(exclusive=True, group="cases-sync")
    async def sync(self, reread: bool = False) -> None:
        cache, scope = self._cache, self._scope
        if cache is None or scope is None:
            return
        self.syncing = True
        self.load_line.started()
        self._show_sync(None, None)
        if self.data is not None:
            self._show_facets()  # an empty list says its cases are on their way
        try:
            await self._sync(cache, scope, reread)
        finally:
            # Only now is the sync over: the list shows what it brought.
            self.syncing = False
        if self.is_attached:
            self._show_state()

    async def _sync(self, cache: LocalCache, scope: str, reread: bool) -> None:
        from ind_tui.services.sync import sync_cases

        def progress(done: int, total: int) -> None:
            self._show_sync(done, total)
            if not self.table.model.rows:  # a first sync: its first page is on screen soon
                self.run_worker(self.first_screen(), group="cases-first", exclusive=True)

        client = self.context.client
        outcome: Result[SyncReport] = Failed(offline=True)
        if client is not None:
            # Unreachable: the cache stands in, no error panel; other refusals are shown.
            outcome = await self.portal_app.call(
                lambda: sync_cases(client, cache, scope, progress=progress),
                handle=offline_errors())
        if not self.is_attached:
            return
        self.query_one("#cases-syncbar").display = False
        if isinstance(outcome, Failed):
            self.load_line.failed(outcome, kept=self._kept_text())
            return
        report = outcome.value
        if report.rebuilt_from:
            self.notify(t("cases.rebuilt", path=report.rebuilt_from), severity="warning")
        if reread or not report.not_modified or report.archived or not self.full:
            await self.reload()
        self.last_report = report
        self.load_line.done(self.data.total if self.data is not None else 0)

    # --- keys -----------------------------------------------------------------------------

    def action_facet(self, name: str) -> None:
        self.facet = name
        self._apply_scope()

    def action_toggle_archive(self) -> None:
        self.show_archived = not self.show_archived
        self._apply_scope()

    def _view_scope(self) -> Scope | None:
        keep = view_scope(self.facet, self.show_archived)
        return None if keep is None else Scope(STATUS_COLUMN, keep)

    def _apply_scope(self) -> None:
        if not self.full:  # the first screenful only: the whole list brings the scope
            return
        self.table.set_scope(self._view_scope())
        self._show_facets()

    @on(VirtualTable.CursorMoved, "#cases-table")
    def _moved(self, _: VirtualTable.CursorMoved) -> None:
        # A filter or view change moves the cursor too; only then does the count change.
        if self.data is not None and self.table.row_count != self._shown_count:
            self._show_facets()

    @on(VirtualTable.RowSelected, "#cases-table")
    def _open(self, event: VirtualTable.RowSelected) -> None:
        self.open_row(event.row_index)

    def open_row(self, index: int) -> None:
        from ind_tui.tui.screens.cases.detail import CaseDetailScreen

        row = self.rows[index]
        pending = None
        if row.status.state == NOT_REGISTERED:
            pending = next((p for p in self.pending if p.zaaknummer == row.zaaknummer), None)
        elif row.status.previous and self.full:
            self._seen(index, row)
        self.app.push_screen(CaseDetailScreen(row.zaaknummer, pending=pending))

    def _seen(self, index: int, row: CaseRow) -> None:
        """Opening a case is looking at it: its mark goes, here and in the cache."""
        table = self.table
        table.model.rows[index] = without_marker(row)
        table.rows_changed()
        if self.data is not None:
            self.data.counts["changed"] -= 1
            if row.status.state != ARCHIVED_STATE:
                self.data.counts_listed["changed"] -= 1
        if self._cache is not None and self._scope is not None:
            self._cache.mark_seen(self._scope, [(row.zaaknummer, row.status.status)])
        self._show_facets()

    def action_jump_case(self) -> None:
        from ind_tui.tui.screens.cases.dialogs import CaseNumberPrompt

        self.app.push_screen(CaseNumberPrompt(), self.go_to_case)

    def go_to_case(self, zaak: str | None) -> None:
        if not zaak:
            return
        table = self.table
        if table.jump_to_value(ZAAK_COLUMN, zaak, prefix=True):
            return
        if any(row.zaaknummer.startswith(zaak) for row in self.rows):
            self.facet, self.show_archived = "all", True
            self.query_one(FilterTable).action_close_filter()
            self._apply_scope()
            table.jump_to_value(ZAAK_COLUMN, zaak, prefix=True)
            self.notify(t("cases.jump.widened", zaak=zaak))
            return
        self.notify(t("cases.jump.not_found", zaak=zaak), severity="warning")

    def action_export(self) -> None:
        from ind_tui.tui.screens.cases.export import ask_export

        ask_export(self, self.table.model)

    # --- leaving: what was shown counts as seen ---------------------------------------------

    def on_unmount(self) -> None:
        cache, scope, data = self._cache, self._scope, self.data
        if cache is None or scope is None or data is None or not self.full:
            return
        first = self.first_look
        rows = cast("list[CaseRow]", data.model.rows)
        seen = [(row.zaaknummer, row.status.status) for row in rows
                if row.status.state != NOT_REGISTERED and (first or row.status.previous)]
        at = self.context.now()
        # Not a worker: the screen's workers end with it, and this must still be written.
        threading.Thread(target=cache.mark_seen, args=(scope, seen, at),
                         name="cases-seen").start()


def open_case(app: PortalApp, zaak: str) -> None:
    """`:cases 3100000001` or a bare case number: the list (cursor on it) and the case."""
    from ind_tui.tui.screens.cases.detail import CaseDetailScreen

    app.push_screen(CasesScreen(focus_case=zaak))
    app.push_screen(CaseDetailScreen(zaak))


__all__ = ["CasesScreen", "open_case"]
