"""A list's filter, by keys against the real sandbox: the count follows what it shows, a filter
matching nothing says so (and how to clear it), an unknown field lists the fields there are,
and Down or one Enter go on into the list."""

from __future__ import annotations

from pathlib import Path

from ind_tui.tui.widgets.lists import FilterLine
from ind_tui.tui.widgets.table import VirtualTable
from tests.test_tui_cases import open_cases
from tests.test_tui_employees import SIZE, _employees, _text
from tests.tui_helpers import make_app, sandbox_app, wait_for


def empty_lines(table: VirtualTable) -> str:
    """What the table draws where rows would be, as text."""
    return " ".join("".join(seg.text for seg in table.render_line(y)).strip()
                    for y in range(1, 4)).strip()


async def test_employee_count_follows_the_filter(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _employees(pilot)
        table = screen.table
        name = screen.shown[table.model.view[0]].name
        await pilot.press("slash", *name, "enter")
        await wait_for(pilot, lambda: table.row_count == 1)
        await wait_for(pilot, lambda: "1 of 60 employees" in _text(screen, "#emp-status"))
        assert app.focused is table  # one Enter: back in the list
        await pilot.press("escape")
        await wait_for(pilot, lambda: "60 of 60 employees" in _text(screen, "#emp-status"))

        # Only those with something to do, and a filter matching none of them.
        await pilot.press("u", "slash", *"nobody-has-this-name")
        await wait_for(pilot, lambda: table.row_count == 0)
        duties = len(screen.duties)
        await wait_for(pilot, lambda: f"0 of {duties} match the filter" in empty_lines(table))
        assert "Esc" in empty_lines(table)
        assert "No employees registered" not in empty_lines(table)
        await wait_for(pilot, lambda: f"0 of {len(screen.employees)} employees" in _text(
            screen, "#emp-status"))


async def test_unknown_field_and_down_into_the_list(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_cases(pilot, app)
        table = screen.table
        await pilot.press("slash", *"foo:bar")
        await wait_for(pilot, lambda: table.row_count == 0)
        shown = empty_lines(table)
        assert 'Er is geen veld "foo"' in shown and "status" in shown and "zaaknummer" in shown
        # A field that exists filters on it; Down goes on into the list, the filter stays.
        await pilot.press(*["backspace"] * 7, *"status:ontvangen")
        await wait_for(pilot, lambda: 0 < table.row_count < len(table.model.rows))
        assert isinstance(app.focused, FilterLine)
        await pilot.press("down")
        await wait_for(pilot, lambda: app.focused is table)
        assert screen.query_one(FilterLine).value == "status:ontvangen"

