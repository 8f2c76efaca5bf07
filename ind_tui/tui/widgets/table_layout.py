"""How wide each column of `VirtualTable` is drawn, and how a cell is fitted to that width.

No Textual here: the widths follow from the columns, a sample of the rows and the room.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size

from ind_tui.tui.widgets.table_model import Column, Row

GAP = 2  # blank cells between columns
_SAMPLE = 500  # rows measured for a column's width; measuring each would be O(n)


def fit(text: str, width: int, align: str = "left") -> str:
    """`text` padded or cut to exactly `width` cells, with an ellipsis where it was cut."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if width > 1 else "…"[:width]
    pad = " " * (width - length)
    return pad + text if align == "right" else text + pad


def column_widths(columns: Sequence[Column], rows: Sequence[Row], available: int) -> list[int]:
    """Each column's width in cells (0: left out). A column whose `keep_from` is wider than
    the room is left out; the rest take their width (or their title and the widest of a
    sample of values), and when that is too wide the column with the most to spare gives a
    cell at a time, down to its `min_width`."""
    # A sample of all rows, not of the view: columns keep still while a filter is typed.
    sample = rows[:: max(1, len(rows) // _SAMPLE)][:_SAMPLE]
    wanted, floors = [], []
    for col, column in enumerate(columns):
        if column.keep_from > available:  # left out: width 0, and no gap
            wanted.append(0)
            floors.append(0)
            continue
        if column.width is not None:
            width = column.width
        else:
            title = cell_len(column.title) + 2  # room for the sort arrow
            widest = max((cell_len(column.text(r[col])) for r in sample), default=0)
            width = max(title, widest, column.min_width)
        wanted.append(width)
        floors.append(min(width, column.min_width))
    excess = sum(wanted) + GAP * sum(1 for w in wanted if w) - available
    while excess > 0:  # take one cell at a time from the column that can give most
        candidates = [i for i in range(len(wanted)) if wanted[i] > floors[i]]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: wanted[i] - floors[i])
        wanted[widest] -= 1
        excess -= 1
    return wanted
