"""The one way a detail shows "label: value" lines (a case, a message, a payment, the
account, an appointment): the labels in one column, each value in the next, so a long value
wraps under its own column at any width, never back to column 0 and never cut.

Values are markup (a portal's text goes through `plain()` first); a row with an empty label
continues the value above it. Other lines (a note, a hint) follow the rows as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text
from textual.visual import RichVisual

if TYPE_CHECKING:
    from textual.widget import Widget

Fact = tuple[str, str]  # label (a catalogue text, no colon) and value (markup)


class Shown(RichVisual):
    """What a widget draws for `Facts` (`Panel.update` wraps them in it); as a string, their
    plain lines, as a plain text would give: `str(widget.render())` in a copy or a test."""

    def __init__(self, widget: Widget, facts: Facts) -> None:
        super().__init__(widget, facts.group)
        self._plain = facts.plain

    def __str__(self) -> str:
        return self._plain


class Facts:
    """Rows drawn as a two-column grid, then lines of their own."""

    def __init__(self, rows: Iterable[Fact], after: Iterable[str], colon: bool) -> None:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")  # fold: a path or link longer than the room
        lines: list[str] = []
        for label, value in rows:
            first = Text(f"{label}:", style="bold") if colon and label else Text(label)
            shown = Text.from_markup(value)
            grid.add_row(first, shown)
            lines.append(f"{first.plain} {shown.plain}".strip())
        rest = [Text.from_markup(line) for line in after]
        self.group = Group(grid, *rest)
        self.plain = "\n".join(lines + [line.plain for line in rest])

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.group


def facts(rows: Iterable[Fact], *after: str, colon: bool = True) -> Facts:
    """The rows as a two-column grid, then the lines of `after` (markup), each wrapped.
    Without `colon` the first column is not a label but a fact of its own (a time and a
    status in a history), drawn as it is."""
    return Facts(rows, after, colon)
