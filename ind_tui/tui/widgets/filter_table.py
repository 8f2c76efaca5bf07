"""The virtual table with a filter line, as every list screen shows it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget

from ind_tui.i18n import t
from ind_tui.tui.widgets.lists import FilterHost, FilterLine
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.text import LanguageChanged


class FilterTable(FilterHost):
    """A `VirtualTable` with a filter line: `/` opens it, typing filters, Enter returns to the
    table, Esc clears the filter and closes it."""

    DEFAULT_CSS = """
    FilterTable { height: 1fr; }
    FilterTable > Input { display: none; }
    FilterTable.-filtering > Input { display: block; }
    """
    BINDINGS = [
        Binding("slash", "filter", "key.filter", id="table.filter"),
        Binding("escape", "close_filter", "key.close_filter", show=False,
                id="table.close_filter"),
    ]

    def __init__(self, table: VirtualTable, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.table = table

    def compose(self) -> ComposeResult:
        yield FilterLine(placeholder=t("table.filter_placeholder"), id="filter")
        yield self.table

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one(FilterLine).placeholder = t("table.filter_placeholder")

    def filter_target(self) -> Widget:
        return self.table

    def apply_filter_text(self, text: str) -> None:
        self.table.apply_filter(text)
