"""Text from a portal made safe to show: the one way to escape it for a terminal or a file.

A portal (or an old database) may send names holding control characters: ESC sequences
that set a terminal's title, clear its screen or write its clipboard, NUL, bidi overrides
that show text reversed. `visible` spells each one out (`\\x1b`, `\\u202e`), so a person
sees that something odd was sent and nothing acts on it. C0 controls become `\\xNN`; every
other one `\\uNNNN`, which is also a valid JSON escape, so JSON passed through stays JSON.

`csv_cell` does that and also neutralises a cell a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

# C0 and DEL, C1, the line/paragraph separators, the bidi marks, embeddings, overrides and
# isolates, and the byte-order mark; lone surrogates (they break any encoder downstream).
_OTHER = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff"
_ANY = re.compile(f"[\x00-\x1f{_OTHER}]")
_BUT_LINES = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHER}]")  # keeps \t and \n


def _spell(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control character spelled out; `lines=True` keeps line feeds and
    tabs (a message body, a table printed whole), everything else is still spelled out."""
    if text.isprintable():  # the usual case, checked in C: nothing to spell out
        return text
    return (_BUT_LINES if lines else _ANY).sub(_spell, text)


# A spreadsheet runs a cell starting with one of these as a formula (or after a tab/CR).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def csv_cell(value: object) -> str:
    """A CSV cell that opens as the text it holds: controls spelled out, a formula start
    neutralised with a leading apostrophe. Plain numbers (-12.50) stay numbers."""
    if value.__class__ is str and value.isprintable() and not value.startswith(_FORMULA_START):
        return value  # the usual cell, checked in C: an export of 100,000 rows is 1.1M cells
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        text = "'" + text
    return visible(text)


class CsvWriter:
    """`csv.writer` whose every cell went through `csv_cell`: the one CSV writer for files
    and output holding what a portal sent."""

    def __init__(self, stream: IO[str], **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([csv_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        clean: list[Iterable[object]] = []
        for row in rows:
            if not isinstance(row, list | tuple):
                row = list(row)  # read twice below
            try:
                # Most rows are plain text throughout: checked as one string, in C (an
                # export of 100,000 rows is 1.1M cells). A cell starts the row or follows
                # a "|", so a formula start shows as one; a false alarm takes the slow way.
                joined = "|".join(row)  # type: ignore[arg-type]
            except TypeError:  # a cell that is not text
                joined = ""
            # (\t and \r are not printable: the check for them is isprintable's.)
            if joined and joined.isprintable() and not joined.startswith(_FORMULA_START) \
                    and "|=" not in joined and "|+" not in joined and "|-" not in joined \
                    and "|@" not in joined:
                clean.append(row)
            else:
                clean.append([csv_cell(cell) for cell in row])
        self._writer.writerows(clean)


class CsvDictWriter:
    """`csv.DictWriter` with the cells of `CsvWriter`; keys not in `fieldnames` are left
    out, a missing one is empty."""

    def __init__(self, stream: IO[str], fieldnames: Sequence[str], **options: Any) -> None:
        options.pop("extrasaction", None)
        self.fieldnames = list(fieldnames)
        self._writer = CsvWriter(stream, **options)

    def writeheader(self, names: Iterable[str] | None = None) -> None:
        """The header row: the field names, or `names` (the columns named in words)."""
        self._writer.writerow(self.fieldnames if names is None else names)

    def writerow(self, row: Mapping[str, object]) -> None:
        self._writer.writerow(row.get(name, "") for name in self.fieldnames)

    def writerows(self, rows: Iterable[Mapping[str, object]]) -> None:
        for row in rows:
            self.writerow(row)
