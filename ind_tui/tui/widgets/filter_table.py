"""The virtual table with a filter line, as every list screen shows it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget

from ind_tui.i18n import t
from ind_tui.i18n.format import number
from ind_tui.tui.widgets.lists import FilterHost, FilterLine
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.table_model import normalise
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
        table.empty_note = self.empty_note

    def compose(self) -> ComposeResult:
        yield FilterLine(placeholder=t("table.filter_placeholder"), id="filter")
        yield self.table

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one(FilterLine).placeholder = t("table.filter_placeholder")

    def filter_target(self) -> Widget:
        return self.table

    def apply_filter_text(self, text: str) -> None:
        self.table.apply_filter(text)

    def empty_note(self) -> str | None:
        """Why the table is empty when the filter is why: a field that does not exist (and
        those that do), or how many rows it chose from; None when no filter is set or there
        was nothing to choose from (the screen's own empty text says why)."""
        model = self.table.model
        total = model.in_scope()
        if not model.query.strip() or not total:
            return None
        unknown = model.unknown_fields(model.query)
        if unknown:
            fields = ", ".join(dict.fromkeys(normalise(c.title) for c in model.columns))
            return t("table.unknown_field", field=unknown[0], fields=fields)
        return t("table.none_match", total=number(total))
