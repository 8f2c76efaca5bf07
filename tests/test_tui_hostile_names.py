"""A name holding markup or control characters, as a portal (or an old database) may still
send it, is shown as the text it is in the TUI: `[red]` stays brackets, ESC is spelled out
(issue 16, item 9). The name is written straight into the sandbox's database (our own
database as a fixture), since the server now refuses such names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.test_tui_employees import SIZE, _employees, _text
from tests.tui_helpers import make_app, sandbox_app, wait_for

HOSTILE = "[red]Eve[/red] \x1b]0;owned\x07\u202eevE [link=https://x.test]Mallory"


async def test_markup_and_controls_in_a_name_are_shown_as_text(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    with sqlite3.connect(tmp_path / "tui-sandbox.db") as db:
        changed = db.execute("UPDATE employees SET name = ? WHERE v_number = '9176254809'",
                             (HOSTILE,)).rowcount
    assert changed == 1
    app = make_app(sandbox)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _employees(pilot)
        await pilot.press("f", *"9176254809", "enter")
        await wait_for(pilot, lambda: screen.current() is not None
                       and screen.current().v_number == "9176254809")
        await wait_for(pilot, lambda: "9176254809" in _text(screen, "#emp-detail"))
        detail = _text(screen, "#emp-detail")
        assert "[red]Eve[/red] \\x1b]0;owned\\x07\\u202eevE [link=https://x.test]Mallory" \
            in detail, detail
        row = screen.table.model.cell_texts(screen.table.model.view[screen.table.cursor_row])
        assert "[red]Eve[/red] \\x1b]0;owned\\x07\\u202eevE" in " ".join(row)
        notes = " ".join(str(n.message) for n in app._notifications)
        assert "\x1b" not in notes and "\u202e" not in notes
