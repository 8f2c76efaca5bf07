"""A table that draws only the rows on screen, for lists of 100,000 rows and more."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message

from ind_tui.tui.widgets.table_layout import GAP, column_widths
from ind_tui.tui.widgets.table_lines import TableLines
from ind_tui.tui.widgets.table_model import Column, Row, Scope, ScopeLike, TableModel

__all__ = ["Column", "Scope", "TableModel", "VirtualTable"]


class VirtualTable(TableLines, can_focus=True):
    """Rows from plain tuples; only the lines on screen are drawn (the line API).

    Keys: up/down or k/j move the cursor, pageup/pagedown move a page, home/end or g/G go
    to the first/last row, enter selects the row (`RowSelected`). `s` sorts by the next
    column (ascending; after the last column it goes back to data order, unless that shows
    the rows as they are) and `S` reverses
    the current sort. The header marks the sort column with ▲ or ▼.

    Columns take their width (or their title and the widest of a sample of values); when
    the table is too wide they shrink towards `min_width` and cut text with an ellipsis.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--even-row",
        "virtual-table--odd-row",
        "virtual-table--empty",
    }

    DEFAULT_CSS = """
    VirtualTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        & > .virtual-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .virtual-table--even-row { background: $surface-lighten-1 50%; }
        & > .virtual-table--odd-row { }
        & > .virtual-table--empty { color: $text-muted; text-style: italic; }
        & > .virtual-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .virtual-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        &:ansi > .virtual-table--header { background: ansi_bright_blue; color: ansi_default; }
        &:nocolor > .virtual-table--cursor { text-style: reverse bold; }
        &:nocolor > .virtual-table--header { text-style: bold underline; }
    }
    """

    BINDINGS = [
        Binding("up,k", "cursor_up", "key.up", show=False, id="table.up"),
        Binding("down,j", "cursor_down", "key.down", show=False, id="table.down"),
        Binding("pageup", "page_up", "key.page_up", show=False, id="table.page_up"),
        Binding("pagedown", "page_down", "key.page_down", show=False, id="table.page_down"),
        Binding("home,g", "first", "key.first", show=False, id="table.first"),
        Binding("end,G", "last", "key.last", show=False, id="table.last"),
        Binding("enter", "select", "key.select", show=False, id="table.select"),
        Binding("s", "sort_next", "key.sort", id="table.sort"),
        Binding("S", "sort_reverse", "key.sort_reverse", show=False, id="table.sort_reverse"),
    ]

    class CursorMoved(Message):
        """The cursor is on another row (`view_index` in the view, `row_index` in the data)."""

        def __init__(self, table: VirtualTable, view_index: int, row_index: int | None) -> None:
            super().__init__()
            self.table, self.view_index, self.row_index = table, view_index, row_index

        @property
        def control(self) -> VirtualTable:
            return self.table

    class RowSelected(Message):
        """Enter on a row: `row_index` is its index in the data given to `set_rows`."""

        def __init__(self, table: VirtualTable, row_index: int, row: Row) -> None:
            super().__init__()
            self.table, self.row_index, self.row = table, row_index, row

        @property
        def control(self) -> VirtualTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Iterable[Row] = (),
        *,
        zebra: bool = True,
        empty_text: str = "No rows",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.model = TableModel(columns, rows)
        self.zebra = zebra
        self.empty_text = empty_text
        # Why nothing shows when a filter is why (from the filter line; it may wrap)
        self.empty_note: Callable[[], str | None] | None = None
        self._cursor = 0
        self._widths: list[int] = []
        self._layout_width = -1

    # -- public API -------------------------------------------------------------------------

    @property
    def cursor_row(self) -> int:
        """The cursor's position in the view (0 when the view is empty)."""
        return self._cursor

    @cursor_row.setter
    def cursor_row(self, value: int) -> None:
        self._move_to(value)

    @property
    def row_count(self) -> int:
        return len(self.model.view)

    @property
    def cursor_row_index(self) -> int | None:
        """The data index of the row under the cursor, None when nothing is shown."""
        view = self.model.view
        return view[self._cursor] if view else None

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Show new data, keeping the sort and filter; the cursor stays where it was."""
        self.model.set_rows(rows)
        self._layout_width = -1  # new data: measure the columns again
        self._data_changed(keep=None)
        self._prepare_search()

    def retitle(self, columns: Sequence[Column]) -> None:
        """Columns in another language; rows, cursor, sort and filter stay."""
        keep = self.cursor_row_index
        self.model.retitle(columns)
        self._layout_width = -1  # measure again: a title may be wider now
        self._data_changed(keep)
        self._prepare_search()

    def apply_filter(self, text: str) -> None:
        """Filter as typed in `/`: free text and `field:value` terms, all must match."""
        keep = self.cursor_row_index
        self.model.filter(text)
        self._data_changed(keep)

    def set_scope(self, keep: ScopeLike) -> None:
        """Limit the rows shown before the filter applies (a facet, hiding archived rows)."""
        cursor = self.cursor_row_index
        self.model.set_scope(keep)
        self._data_changed(cursor)

    def adopt(self, model: TableModel) -> None:
        """Show a model prepared elsewhere (built, sorted and filtered in a worker thread), so
        a reload of 100,000 rows never holds up the event loop. The cursor goes to the top."""
        self.model = model
        self._cursor = 0
        self._layout_width = -1
        self._data_changed(keep=None)
        self._prepare_search()

    def rows_changed(self) -> None:
        """Rows were replaced in place (same count, same order): draw them again."""
        self._strips.clear()
        self.refresh()

    def sort(self, column: int | str | None, descending: bool = False) -> None:
        keep = self.cursor_row_index
        self.model.sort(column, descending)
        self._data_changed(keep)

    def jump_to(self, view_index: int) -> None:
        """Put the cursor on a row of the view and scroll it into the middle when off screen."""
        self._move_to(view_index, centre=True)

    def jump_to_value(self, column: int | str, value: Any, *, prefix: bool = False) -> bool:
        found = self.model.find(column, value, prefix=prefix)
        if found is not None:
            self.jump_to(found)
        return found is not None

    # -- actions ----------------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self._move_to(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self._move_to(self._cursor + 1)

    def action_page_up(self) -> None:
        self._move_to(self._cursor - self._page)

    def action_page_down(self) -> None:
        self._move_to(self._cursor + self._page)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(self.row_count - 1)

    def action_select(self) -> None:
        index = self.cursor_row_index
        if index is not None:
            self.post_message(self.RowSelected(self, index, self.model.rows[index]))

    def action_sort_next(self) -> None:
        current = self.model.sort_column
        nxt = 0 if current is None else current + 1
        before = self.model.view
        self.sort(nxt if nxt < len(self.model.columns) else None)
        if self.model.sort_column is None and self.model.view == before:
            # Data order that lists the rows as the sort did (a default sort that follows
            # it) would only take the arrow away: each press must change what is seen.
            self.sort(0)

    def action_sort_reverse(self) -> None:
        self.sort(self.model.sort_column, not self.model.sort_descending)

    # -- internals --------------------------------------------------------------------------

    @property
    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def _prepare_search(self) -> None:
        # Build the search text off the event loop after the first paint, so neither the
        # first paint nor the first filter key pays for it.
        if self.is_mounted and len(self.model.rows) > 5000:
            self.run_worker(self.model.prepare, thread=True, exclusive=True, group="prepare")

    def on_mount(self) -> None:
        self._update_virtual_size()
        self.call_after_refresh(self._prepare_search)

    def _data_changed(self, keep: int | None) -> None:
        view = self.model.view
        self._strips.clear()
        cursor = self._cursor
        if keep is not None:
            try:  # C speed even on 100,000 rows; keeps the cursor on the same row
                cursor = view.index(keep)
            except ValueError:
                cursor = 0
        self._cursor = max(0, min(cursor, len(view) - 1))
        self._update_virtual_size()
        self.refresh()
        self._scroll_to_cursor(centre=True)
        # Posted from the table's own queue: a message made while a parent handles an event
        # (the filter line's Input.Changed) would stop bubbling at that parent.
        self.call_next(self._post_cursor_moved)

    def _post_cursor_moved(self) -> None:
        self.post_message(self.CursorMoved(self, self._cursor, self.cursor_row_index))

    def _move_to(self, view_index: int, centre: bool = False) -> None:
        old = self._cursor
        self._cursor = max(0, min(view_index, self.row_count - 1))
        if self._cursor == old:
            return
        # Only the two lines that changed; scrolling repaints the rest.
        self.refresh_line(old + 1)
        self.refresh_line(self._cursor + 1)
        self._scroll_to_cursor(centre)
        self.post_message(self.CursorMoved(self, self._cursor, self.cursor_row_index))

    def _scroll_to_cursor(self, centre: bool = False) -> None:
        height = self.scrollable_content_region.height - 1  # header stays on top
        if height <= 0:
            return
        top = round(self.scroll_y)
        if top <= self._cursor < top + height:
            return
        if centre:
            target = self._cursor - height // 2
        elif self._cursor < top:
            target = self._cursor
        else:
            target = self._cursor - height + 1
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    def _update_virtual_size(self) -> None:
        self._layout()
        self.virtual_size = Size(self._total_width, self.row_count + 1)

    @property
    def _total_width(self) -> int:
        return sum(self._widths) + GAP * sum(1 for w in self._widths if w)

    def _layout(self) -> None:
        available = self.scrollable_content_region.width
        if available == self._layout_width and self._widths:
            return
        self._layout_width = available
        self._widths = column_widths(self.model.columns, self.model.rows, available)

    def on_resize(self, _: events.Resize) -> None:
        self._strips.clear()
        self._update_virtual_size()
        self._scroll_to_cursor()

    def on_focus(self) -> None:
        self.refresh_line(self._cursor + 1)

    def on_blur(self) -> None:
        self.refresh_line(self._cursor + 1)
