"""The data behind `VirtualTable`: plain row tuples, a view of row indices, sort and filter.

No Textual here, so sorting and filtering can be tested and timed without a screen.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import compress
from operator import itemgetter
from typing import Any, Literal

from ind_tui.base.safetext import visible

SEP = "\x1f"  # joins cells in the search text, so a needle never matches across two cells
_TOKEN = re.compile(r'[^\s:"]+:"[^"]*"?|"[^"]*"?|\S+')
# What reads as a field name before a colon: a word, not a time (10:30) or a link.
_FIELD = re.compile(r"[^\W\d][\w-]*")

Row = tuple[Any, ...]


def normalise(text: str) -> str:
    """Lower case, with `-`, `_` and space treated alike (in-progress = in_progress)."""
    return text.lower().replace("_", "-").replace(" ", "-")  # faster than str.translate


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int | None = None  # fixed width in cells; None sizes the column from its contents
    min_width: int = 4  # narrowest the column may shrink to on a small terminal
    # A table narrower than this (in cells) leaves the column out: what matters least gives
    # way first, so the rest keeps room to be read. 0: always shown.
    keep_from: int = 0
    formatter: Callable[[Any], str] | None = None
    align: Literal["left", "right"] = "left"
    # What `/` searches in this column, when it should differ from what is shown (a status
    # shown as "received → in progress" is found by its current status only).
    search: Callable[[Any], str] | None = None

    def text(self, value: Any) -> str:
        if value is None:
            return ""
        # A cell shows what a portal sent, never a control character it holds.
        return visible(self.formatter(value) if self.formatter else str(value))

    def search_text(self, value: Any) -> str:
        if self.search is None or value is None:
            return self.text(value)
        return self.search(value)


@dataclass(frozen=True)
class Token:
    """One filter term: free text (column is None) or `field:value` on one column."""

    column: int | None
    needle: str

    def implies(self, other: Token) -> bool:
        """Whether every row this token keeps is also kept by `other`."""
        if other.column is not None and not other.needle:
            return True  # `status:` with no value yet keeps every row
        return self.column == other.column and other.needle in self.needle


def _search_texts(column: Column, values: list[Any]) -> list[str]:
    """The normalised search text of each value. Equal values share one string: a status
    column of 100,000 rows then holds a handful of strings, which is kinder to memory and
    makes scanning it faster (the same few strings stay in the CPU cache)."""
    memo: dict[Any, str] = {}
    out: list[str] = []
    try:
        for value in values:
            text = memo.get(value)
            if text is None:
                text = memo[value] = normalise(column.search_text(value))
            out.append(text)
    except TypeError:  # a value that cannot be a dict key
        return [normalise(column.search_text(value)) for value in values]
    return out


@dataclass(frozen=True)
class Scope:
    """Keep the rows whose cell in `column` passes `keep`. `keep` is asked once per distinct
    value, so a scope on a status column of 100,000 rows costs a few dozen calls."""

    column: int
    keep: Callable[[Any], bool]


ScopeLike = Callable[[Row], bool] | Scope | None


class TableModel:
    """Rows as tuples and a view: the indices of the rows shown, filtered then sorted.

    The sort order of all rows is kept, and filtering walks it, so the view is always sorted
    and sorting never has to be redone when the filter changes. A scope (`set_scope`, e.g. a
    facet) limits the rows before the filter applies.
    """

    def __init__(
        self, columns: Sequence[Column], rows: Iterable[Row] = (), *,
        sort: int | None = None, descending: bool = False,
        scope: ScopeLike = None, query: str = "",
    ) -> None:  # fmt: skip
        """Sort, scope and query given here are applied once, as the rows are set."""
        self.columns: list[Column] = list(columns)
        self.sort_column: int | None = sort
        self.sort_descending = descending
        self.query = query
        self._lock = threading.Lock()
        self._scope: ScopeLike = scope
        self._mask: bytearray | None = None
        self.set_rows(rows)

    # -- data -------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Replace the data; the sort column, direction and filter carry over."""
        self.rows: list[Row] = rows if isinstance(rows, list) else list(rows)
        with self._lock:
            self._haystack: list[str] | None = None
            self._norm: list[list[str]] = []
        self._orders: dict[tuple[int | None, bool], list[int]] = {}
        self._order: list[int] = list(range(len(self.rows)))
        self._tokens: list[Token] = []
        if self.sort_column is not None:
            self._sort_order()
        self._mask = self._make_mask(self._scope)
        self.view: list[int] = self._order
        query, self.query = self.query, ""
        if query or self._mask is not None:
            self.filter(query)

    def retitle(self, columns: Sequence[Column]) -> None:
        """The same columns with the titles and texts of `columns` (matched by key): a cell
        that shows a word in the interface language is shown, and found, in the new one."""
        new = {column.key: column for column in columns}
        self.columns = [replace(c, title=n.title, formatter=n.formatter, search=n.search)
                        if (n := new.get(c.key)) is not None else c for c in self.columns]
        with self._lock:  # the search text was made by the old formatters
            self._haystack = None
            self._norm = []
        if self._tokens:  # what is typed now matches the new words
            query, self.query, self._tokens = self.query, "", []
            self.filter(query)

    def __len__(self) -> int:
        return len(self.view)

    def row_at(self, view_index: int) -> Row:
        return self.rows[self.view[view_index]]

    def cell_texts(self, row_index: int) -> list[str]:
        row = self.rows[row_index]
        return [column.text(value) for column, value in zip(self.columns, row, strict=False)]

    def column_index(self, name: str) -> int | None:
        """A column by key, else by key or title prefix (case-insensitive)."""
        name = normalise(name)
        for i, column in enumerate(self.columns):
            if normalise(column.key) == name:
                return i
        for i, column in enumerate(self.columns):
            if normalise(column.key).startswith(name) or normalise(column.title).startswith(name):
                return i
        return None

    def prepare(self) -> None:
        """Build the search text now rather than on the first filter key.

        Safe to call from a worker thread: filtering waits for it instead of building twice.
        """
        self._index()

    def _index(self) -> tuple[list[str], list[list[str]]]:
        """Normalised text per column, and per row all of it joined (for free text)."""
        with self._lock:
            if self._haystack is None:
                rows = self.rows
                norm = [_search_texts(column, [row[i] for row in rows])
                        for i, column in enumerate(self.columns)]
                self._norm = norm
                self._haystack = list(map(SEP.join, zip(*norm, strict=True)))
            return self._haystack, self._norm

    # -- sort -------------------------------------------------------------------------------

    def sort(self, column: int | str | None, descending: bool = False) -> None:
        """Stable sort by one column (None: data order); empty cells go last either way."""
        if isinstance(column, str):
            found = self.column_index(column)
            if found is None:
                raise KeyError(column)
            column = found
        self.sort_column, self.sort_descending = column, descending
        self._sort_order()
        if self._tokens or self._mask is not None:
            keep = bytearray(len(self.rows))
            for i in self.view:
                keep[i] = 1
            self.view = [i for i in self._order if keep[i]]
        else:
            self.view = self._order

    def _sort_order(self) -> None:
        # Each order is kept until the rows change: going back to a column costs nothing.
        key = (self.sort_column, self.sort_descending)
        known = self._orders.get(key)
        if known is None:
            self._compute_order()
            self._orders[key] = self._order
        else:
            self._order = known

    def _compute_order(self) -> None:
        column, rows = self.sort_column, self.rows
        if column is None:
            self._order = list(range(len(rows)))
            if self.sort_descending:
                self._order.reverse()
            return
        values = [row[column] for row in rows]
        present = [i for i, v in enumerate(values) if v is not None]
        empty = [i for i, v in enumerate(values) if v is None]
        try:
            present.sort(key=values.__getitem__, reverse=self.sort_descending)
        except TypeError:  # mixed types in one column: compare as text
            present.sort(key=lambda i: str(values[i]), reverse=self.sort_descending)
        self._order = present + empty

    # -- scope ------------------------------------------------------------------------------

    def set_scope(self, keep: ScopeLike) -> list[int]:
        """Show only rows for which `keep(row)` holds (None: all), then the filter on top."""
        self._scope = keep
        self._mask = self._make_mask(keep)
        query, self.query, self._tokens = self.query, "", []
        return self.filter(query)

    @property
    def scope(self) -> ScopeLike:
        return self._scope

    def _make_mask(self, keep: ScopeLike) -> bytearray | None:
        if keep is None:
            return None
        if not isinstance(keep, Scope):
            return bytearray(map(bool, map(keep, self.rows)))
        values = list(map(itemgetter(keep.column), self.rows))
        try:
            decided = {value: bool(keep.keep(value)) for value in set(values)}
        except TypeError:  # values that cannot be dict keys: ask for each row
            return bytearray(map(bool, map(keep.keep, values)))
        return bytearray(map(decided.__getitem__, values))

    def _scoped_order(self) -> list[int]:
        mask = self._mask
        return self._order if mask is None else list(compress(self._order,
                                                              map(mask.__getitem__, self._order)))

    # -- filter -----------------------------------------------------------------------------

    def parse(self, query: str) -> list[Token]:
        tokens = []
        for raw in _TOKEN.findall(query):
            field, colon, value = raw.partition(":")
            column = self.column_index(field) if colon and field and '"' not in field else None
            if column is not None:
                tokens.append(Token(column, normalise(value.strip('"'))))
            else:
                tokens.append(Token(None, normalise(raw.strip('"'))))
        return [t for t in tokens if t.needle or t.column is not None]

    def unknown_fields(self, query: str) -> list[str]:
        """The `field:` names in `query` that name no column (`foo:bar`); such a term is
        searched for as free text, and the screen says which fields exist."""
        out = []
        for raw in _TOKEN.findall(query):
            field, colon, _ = raw.partition(":")
            if colon and _FIELD.fullmatch(field) and self.column_index(field) is None:
                out.append(field)
        return out

    def in_scope(self) -> int:
        """How many rows the filter chooses from (all rows, or those a scope keeps)."""
        return len(self.rows) if self._mask is None else self._mask.count(1)

    def filter(self, query: str) -> list[int]:
        """Show the rows matching every term of `query`; returns the new view.

        When each old term is implied by a new one (typing on: `ann` -> `anna`), only the
        rows now shown are searched, which keeps filter-as-you-type fast.
        """
        tokens = self.parse(query)
        old = self._tokens
        narrowing = bool(old) and all(any(n.implies(o) for n in tokens) for o in old)
        candidates = self.view if narrowing else self._scoped_order()
        terms = [t for t in tokens if t not in old] if narrowing else tokens
        for token in terms:
            if token.column is None or token.needle:
                hay = self._index()[0] if token.column is None else self._index()[1][token.column]
                needle = token.needle
                candidates = [i for i in candidates if needle in hay[i]]
        self.query, self._tokens, self.view = query, tokens, candidates
        return candidates

    # -- find -------------------------------------------------------------------------------

    def find(self, column: int | str, value: Any, *, prefix: bool = False) -> int | None:
        """The view index of the first row whose cell equals `value` (or, as text, matches it
        case-insensitively; with `prefix`, starts with it); None when no row in view does."""
        col = self.column_index(column) if isinstance(column, str) else column
        if col is None:
            raise KeyError(column)
        rows, view = self.rows, self.view
        for pos, i in enumerate(view):
            if rows[i][col] == value:
                return pos
        text, fmt = str(value).lower(), self.columns[col].text
        for pos, i in enumerate(view):
            cell = fmt(rows[i][col]).lower()
            if cell == text or (prefix and cell.startswith(text)):
                return pos
        return None
