"""The one way to make what a portal sent safe for a terminal or a CSV file (issue 16,
item 9): every control character spelled out, formulas neutralised, numbers left alone."""

from __future__ import annotations

import csv
import io

from ind_tui.base.safetext import CsvDictWriter, csv_cell, visible


def test_visible_spells_out_controls_and_keeps_ordinary_text() -> None:
    assert visible("José Álvarez-Núñez 李") == "José Álvarez-Núñez 李"
    assert visible("a\x1b]0;t\x07b\x00c\u202ed\ufeff\x9b\u2066") == (
        "a\\x1b]0;t\\x07b\\x00c\\u202ed\\ufeff\\u009b\\u2066")
    assert visible("line\ttab\nnext\r") == "line\\x09tab\\x0anext\\x0d"
    assert visible("line\ttab\nnext\r\x1b", lines=True) == "line\ttab\nnext\\x0d\\x1b"


def test_csv_cells_open_as_text_in_a_spreadsheet() -> None:
    for formula in ("=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\tx", "\r=1"):
        assert csv_cell(formula).startswith("'"), formula
    for plain in ("-12.50", "+3", "423", "2026-01-01", "Anna", ""):
        assert csv_cell(plain) == plain
    assert csv_cell(None) == "" and csv_cell(7) == "7"
    out = io.StringIO()
    writer = CsvDictWriter(out, fieldnames=["name", "amount"], lineterminator="\n")
    writer.writeheader()
    writer.writerow({"name": "=cmd|'/c calc'!A1\x1b", "amount": "-5", "extra": "dropped"})
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row == {"name": "'=cmd|'/c calc'!A1\\x1b", "amount": "-5"}
