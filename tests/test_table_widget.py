"""VirtualTable: the model (sort, filter, find) without a screen, then keys and looks."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from ind_tui.tui.widgets.filter_table import FilterTable
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.table_model import Column, TableModel
from tests.tui_helpers import wait_for

COLUMNS = [
    Column("zaak", "Zaaknummer"),
    Column("employee", "Employee"),
    Column("status", "Status"),
    Column("type", "Type"),
    Column("deadline", "Deadline", formatter=lambda d: d.strftime("%d-%m-%Y")),
]
NAMES = ["Anna de Vries", "Jan Jansen", "Piet Bakker", "Sanne Visser", "Mo El Amrani"]
STATUSES = ["in_progress", "submitted", "decided", "in-progress", "waiting for info"]
TYPES = ["hsm", "eu-blue-card", "researcher"]


def make_rows(n: int) -> list[tuple[Any, ...]]:
    start = dt.date(2025, 1, 1)
    return [
        (
            f"Z{100000 + i}",
            NAMES[i % 5],
            STATUSES[(i // 5) % 5],
            TYPES[i % 3],
            start + dt.timedelta(days=(i * 7) % 365),
        )
        for i in range(n)
    ]


def texts(model: TableModel, column: int) -> list[Any]:
    return [model.rows[i][column] for i in model.view]


# -- model ------------------------------------------------------------------------------------


def test_sort_is_stable_and_keeps_empty_cells_last() -> None:
    rows = [("a", 2), ("b", None), ("c", 1), ("d", 2), ("e", None), ("f", 1)]
    model = TableModel([Column("k", "K"), Column("n", "N")], rows)
    model.sort("n")
    assert texts(model, 0) == ["c", "f", "a", "d", "b", "e"]
    model.sort("n", descending=True)
    assert texts(model, 0) == ["a", "d", "c", "f", "b", "e"]
    model.sort(None)
    assert texts(model, 0) == list("abcdef")


def test_sort_keeps_the_filter() -> None:
    model = TableModel(COLUMNS, make_rows(50))
    model.filter("anna")
    model.sort("zaak", descending=True)
    assert len(model) == 10
    assert texts(model, 0) == sorted(texts(model, 0), reverse=True)
    assert set(texts(model, 1)) == {"Anna de Vries"}


def test_free_text_matches_any_column_case_insensitively() -> None:
    model = TableModel(COLUMNS, make_rows(50))
    assert {model.rows[i][1] for i in model.filter("ANNA")} == {"Anna de Vries"}
    assert len(model.filter("z10004")) == 10  # Z100040..Z100049
    assert len(model.filter("31-12-2025")) == 0
    assert model.filter("08-01-2025") == [1]  # the formatted text is searched, not repr()
    assert model.filter("no such thing") == []
    assert len(model.filter("")) == 50


def test_field_filters_normalise_separators_and_and_together() -> None:
    model = TableModel(COLUMNS, make_rows(100))
    in_progress = model.filter("status:in-progress")
    assert {model.rows[i][2] for i in in_progress} == {"in_progress", "in-progress"}
    assert model.filter("status:in_progress") == in_progress
    assert model.filter('status:"waiting for"') == model.filter("status:waiting-for")
    both = model.filter("status:in-progress type:hsm")
    assert both and all(model.rows[i][3] == "hsm" for i in both)
    assert set(both) == {i for i in in_progress if model.rows[i][3] == "hsm"}
    # A title prefix names the column too; the value is matched inside that column only.
    assert model.filter("stat:decided") == model.filter("status:decided")
    assert model.filter("employee:hsm") == []
    # `field:` with no value yet keeps every row; an unknown field is free text.
    assert len(model.filter("status:")) == 100
    assert model.filter("colour:red") == []


def test_find_jumps_within_the_view() -> None:
    model = TableModel(COLUMNS, make_rows(100))
    assert model.find("zaak", "Z100042") == 42
    assert model.find("zaak", "z100042") == 42
    assert model.find("zaak", "Z10009", prefix=True) == 90
    model.filter("jan")
    assert model.find("zaak", "Z100042") is None
    assert model.find("employee", "Jan Jansen") == 0
    with pytest.raises(KeyError):
        model.find("nope", "x")


ALPHABET = "ab-_ :s"


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(st.tuples(st.text(ALPHABET, max_size=6), st.text(ALPHABET, max_size=6)),
                    max_size=30),
    query=st.text(ALPHABET, max_size=12),
    sort=st.sampled_from([None, 0, 1]),
)
def test_typing_a_query_gives_the_same_view_as_filtering_from_scratch(
    values: list[tuple[str, str]], query: str, sort: int | None
) -> None:
    columns = [Column("status", "Status"), Column("name", "Name")]
    typed = TableModel(columns, values)
    typed.sort(sort)
    for end in range(len(query) + 1):
        typed.filter(query[:end])
        fresh = TableModel(columns, values)
        fresh.sort(sort)
        assert typed.view == fresh.filter(query[:end]), query[:end]


# -- widget -----------------------------------------------------------------------------------


class TableApp(App[None]):
    def __init__(self, rows: list[tuple[Any, ...]], columns: list[Column] = COLUMNS) -> None:
        super().__init__()
        self.rows, self.columns = rows, columns
        self.selected: list[VirtualTable.RowSelected] = []

    def compose(self) -> ComposeResult:
        yield FilterTable(VirtualTable(self.columns, self.rows))

    def on_mount(self) -> None:
        self.query_one(VirtualTable).focus()

    def on_virtual_table_row_selected(self, message: VirtualTable.RowSelected) -> None:
        self.selected.append(message)


async def test_keys_move_page_filter_and_select_on_100000_rows() -> None:
    rows = make_rows(100_000)
    app = TableApp(rows)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.press("j", "j", "down", "k")
        assert table.cursor_row == 2
        await pilot.press("pagedown")
        page = table.cursor_row - 2
        assert page >= 10
        assert round(table.scroll_y) <= table.cursor_row < round(table.scroll_y) + 23
        await pilot.press("pageup", "home")
        assert table.cursor_row == 0
        await pilot.press("G")
        await wait_for(pilot, lambda: table.cursor_row == 99_999)
        assert table.scroll_y == table.max_scroll_y
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected[-1].row_index == 99_999
        assert app.selected[-1].row == rows[99_999]

        await pilot.press("g", "slash", *"anna", "space", *"type:hsm", "enter")
        await wait_for(pilot, lambda: table.has_focus and 0 < table.row_count < 100_000)
        assert all(r[1] == "Anna de Vries" and r[3] == "hsm"
                   for r in (table.model.row_at(i) for i in range(table.row_count)))
        await pilot.press("j", "enter")
        await pilot.pause()
        expected = table.model.view[1]
        assert app.selected[-1].row_index == expected
        assert app.selected[-1].row == rows[expected]

        await pilot.press("slash", "escape")
        assert table.row_count == 100_000
        assert table.cursor_row == expected  # the cursor stays on the same row

        table.jump_to(table.model.find("zaak", "Z150000") or 0)
        await pilot.pause()
        assert table.cursor_row == 50_000
        top = round(table.scroll_y)
        assert top < 50_000 < top + 23


async def test_sort_keys_cycle_and_reverse() -> None:
    app = TableApp(make_rows(20))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.press("s", "S")
        assert (table.model.sort_column, table.model.sort_descending) == (0, True)
        assert table.model.row_at(0)[0] == "Z100019"
        await pilot.press("s")
        assert (table.model.sort_column, table.model.sort_descending) == (1, False)
        assert table.model.row_at(0)[1] == "Anna de Vries"
        await pilot.press(*"sss", "S")  # columns 2, 3, 4 (newest date first)
        await pilot.press("s")  # then data order
        assert table.model.sort_column is None
        assert table.model.row_at(0)[0] == "Z100000"
        # By date ascending these rows stand in data order: going there would change
        # nothing but the arrow, so the press goes on to the first column.
        await pilot.press(*"sssss")
        assert (table.model.sort_column, table.model.sort_descending) == (4, False)
        await pilot.press("s")
        assert (table.model.sort_column, table.model.sort_descending) == (0, False)


def test_snapshot_small_table(snap_compare: Any) -> None:
    # A long last column at 80 columns: the widest columns give way and cut with an ellipsis.
    columns = [*COLUMNS, Column("remark", "Remark", min_width=8)]
    rows = [(*row, f"Awaiting documents from employer {i}") for i, row in enumerate(make_rows(30))]

    async def run_before(pilot: Any) -> None:
        await pilot.press("s", "S", "g", "j", "j")

    app = TableApp(rows, columns)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
