"""The lines above the running-cases table: how fresh the copy is, the sync's progress, the
quick views with their counts, and what changed since the user last looked. A base of
`CasesScreen`, which keeps the list these lines describe."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import ProgressBar

from ind_tui.i18n import t
from ind_tui.i18n.format import local, number
from ind_tui.tui.screens.cases.data import ListData, age_text
from ind_tui.tui.screens.cases.facets import facets_line
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.widgets.table import VirtualTable

if TYPE_CHECKING:
    from ind_tui.local.cache import LocalCache


class CasesLines(PortalScreen):
    # What the lines read (set by CasesScreen).
    data: ListData | None
    facet: str
    show_archived: bool
    first_look: bool
    syncing: bool
    # Only the first screenful of a first sync is shown, not yet the whole list.
    partial: bool
    _cache: LocalCache | None
    _scope: str | None
    _shown_count: int
    _sync_count: tuple[int | None, int | None]

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#cases-table", VirtualTable)

    def _show_sync(self, done: int | None, total: int | None) -> None:
        self._sync_count = (done, total)
        if not self.is_attached:
            return
        self.query_one("#cases-syncbar").display = True
        bar = self.query_one("#cases-progress", ProgressBar)
        if done is None or not total:
            bar.update(total=None)
            set_text(self, "#cases-sync-label", t("cases.syncing"))
        else:
            bar.update(total=total, progress=done)
            set_text(self, "#cases-sync-label", t("cases.syncing_count", done=number(done),
                                                  total=number(total)))

    def _kept_text(self) -> str:
        """What the list shows when the portal gave no answer: the copy, and how old it is."""
        if self._cache is None or self._scope is None:
            return ""
        last = self._cache.sync_state(self._scope).last_sync
        if last is None:
            return t("cases.kept_never")
        return t("cases.kept", when=local(last), age=age_text(last, self.context.now(), t))

    def _show_state(self) -> None:
        if not self.is_attached or self._cache is None or self._scope is None:
            return
        state = self._cache.sync_state(self._scope)
        if state.last_sync is None:
            fresh = t("cases.fresh_never")
        else:
            refresh = local(state.last_refresh) if state.last_refresh else \
                t("cases.refresh_unknown")
            fresh = t("cases.fresh", refresh=refresh, sync=local(state.last_sync))
        set_text(self, "#cases-fresh", fresh)
        self._show_facets()

    def on_resize(self) -> None:
        if self.data is not None:  # the line above the table breaks where the width allows
            self.call_after_refresh(self._show_facets)

    def _show_facets(self) -> None:
        data = self.data
        table = self.table
        if data is None:
            set_text(self, "#cases-facets", t("cases.loading"))
            return
        self._shown_count = table.row_count
        width = self.query_one("#cases-facets").content_size.width or self.size.width - 2
        count = None  # the usual "n of m cases"
        if self.partial:  # a first sync's first page: how many of what the portal lists
            count = t("cases.count_loading", shown=number(table.row_count),
                      total=number(self._sync_count[1] or table.row_count))
        elif self.syncing and not data.total:  # nothing kept here yet, the first on its way
            count = t("cases.count_fetching")
        line = facets_line(data, self.facet, self.show_archived, table.row_count, width,
                           count=count)
        set_text(self, "#cases-facets", line)
        counts = data.counts if self.show_archived else data.counts_listed
        changed = counts["changed"]
        if self.first_look:
            note = t("cases.changed_first")
        elif changed:
            looked = self._cache.looked_at(self._scope) if self._cache and self._scope else None
            note = t("cases.changed_line", count=number(changed),
                     when=local(looked) if looked else "")
        else:
            note = ""
        if data.pending:
            note = (note + "  │ " if note else "") + t("cases.pending_count",
                                                       count=number(data.pending))
        set_text(self, "#cases-changed", note)
