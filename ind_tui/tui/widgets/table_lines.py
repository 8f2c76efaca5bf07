"""How `VirtualTable` draws: only the lines on screen (Textual's line API), a header line
and one strip per row, cached by row, stripe and cursor until data, width or style change."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ind_tui.tui.widgets.table_layout import GAP, fit
from ind_tui.tui.widgets.table_model import TableModel

_CACHE_LIMIT = 4096  # row strips kept; a few screens' worth, so memory stays flat


class TableLines(ScrollView):
    """The drawing half of `VirtualTable`, which sets the model, the column widths and the
    cursor these methods read."""

    model: TableModel
    zebra: bool
    empty_text: str
    empty_note: Callable[[], str | None] | None
    _cursor: int
    _widths: list[int]
    _layout_width: int

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._strips: dict[tuple[int, int, bool], Strip] = {}
        self._style_state: Any = None

    def _update_virtual_size(self) -> None:
        """Fit the columns to the width and size the scroll area (the table knows how)."""
        raise NotImplementedError

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # theme or pseudo-class change: cached colours are stale

    def _line_text(self, texts: Sequence[str]) -> str:
        half = " " * (GAP // 2)
        return "".join(
            half + fit(t, w, c.align) + half
            for t, w, c in zip(texts, self._widths, self.model.columns, strict=False) if w
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.scrollable_content_region.width != self._layout_width:
            # A scrollbar came or went without a resize: fit the columns to the new width.
            self._strips.clear()
            self._update_virtual_size()
        state = (self.get_pseudo_class_state(), self.app.theme)
        if state != self._style_state:  # focus, hover or theme: styles differ
            self._style_state = state
            self._strips.clear()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("virtual-table--header")
            header = Strip([Segment(self._header_text(), style)])
            return self._finish(header, scroll_x, width, style)
        pos = y - 1 + scroll_y
        view = self.model.view
        if pos >= len(view):
            note = self.empty_note() if self.empty_note and not view else None
            lines = textwrap.wrap(note, max(10, width - 2)) if note else [self.empty_text]
            if not view and 1 <= y <= len(lines):
                style = base + self.get_component_rich_style("virtual-table--empty")
                return Strip([Segment(fit(" " + lines[y - 1], width), style)], width)
            return Strip.blank(width, base)
        cursor = pos == self._cursor
        key = (view[pos], pos & 1 if self.zebra else 0, cursor)
        strip = self._strips.get(key)
        if strip is None:
            if cursor:
                style = base + self.get_component_rich_style("virtual-table--cursor")
            elif self.zebra and pos & 1:
                style = base + self.get_component_rich_style("virtual-table--odd-row")
            else:
                name = "virtual-table--even-row" if self.zebra else "virtual-table--odd-row"
                style = base + self.get_component_rich_style(name)
            line = self._line_text(self.model.cell_texts(view[pos]))
            strip = self._finish(Strip([Segment(line, style)]), scroll_x, width, style)
            if len(self._strips) >= _CACHE_LIMIT:
                self._strips.clear()
            self._strips[key] = strip
        return strip

    def _finish(self, strip: Strip, scroll_x: int, width: int, style: Style) -> Strip:
        if scroll_x:
            strip = strip.crop(scroll_x, scroll_x + width)
        return strip.extend_cell_length(width, style).crop(0, width)

    def _header_text(self) -> str:
        model, half = self.model, " " * (GAP // 2)
        cells = []
        for i, (column, width) in enumerate(zip(model.columns, self._widths, strict=False)):
            if not width:
                continue
            if i == model.sort_column and width > 2:  # the arrow stays visible when cut
                arrow = " ▼" if model.sort_descending else " ▲"
                cells.append(half + fit(column.title, width - 2) + arrow + half)
            else:
                cells.append(half + fit(column.title, width, column.align) + half)
        return "".join(cells)

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        self._strips.clear()  # cached strips are cut at the old horizontal offset
        super().watch_scroll_x(old_value, new_value)
