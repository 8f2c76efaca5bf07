"""A name holding control characters or markup, as a portal (or an old database) may still
send it, reaches neither the terminal nor a CSV file raw (issue 16, item 9).

The server refuses such names now, so the test writes one straight into the sandbox's own
database between two commands: our database as a fixture, not a mock."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

from tests.test_cli_session import FILE_STORE, NEUTRAL_CSV, run

# Set-title, clipboard write (OSC 52), clear screen, NUL, right-to-left override, BOM, C1 CSI.
HOSTILE = ("=HYPERLINK(1)\x1b]0;owned\x07\x1b]52;c;ZXZpbA==\x07\x1b[2J"
           "\x00[red]Eve\u202eevE\ufeff\x9b")
WIDE = {**FILE_STORE, "COLUMNS": "400"}  # a table cuts nothing short
RAW = ("\x1b", "\x00", "\x07", "\u202e", "\ufeff", "\x9b")


def _hostile_home(tmp_path: Path) -> tuple[Path, str]:
    home = tmp_path / "home"
    assert run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE).returncode == 0
    listed = run(home, "employees", "list", "--format", "json", env=FILE_STORE)
    v_number = json.loads(listed.stdout)[0]["v_number"]
    with sqlite3.connect(home / "data" / "sandbox.db") as db:
        db.execute("UPDATE employees SET name = ? WHERE v_number = ?", (HOSTILE, v_number))
        db.execute("UPDATE cases SET employee_name = ? WHERE zaaknummer = "
                   "(SELECT min(zaaknummer) FROM cases)", (HOSTILE,))
    return home, v_number


def _assert_spelled_out(out: str) -> None:
    for raw in RAW:
        assert raw not in out, repr(raw)
    assert "\\x1b]0;owned\\x07" in out and "\\u202e" in out and "\\x00" in out


def test_tables_text_and_csv_show_control_characters_escaped(tmp_path: Path) -> None:
    home, v_number = _hostile_home(tmp_path)

    table = run(home, "employees", "list", env=WIDE)
    assert table.returncode == 0, table.stderr
    _assert_spelled_out(table.stdout)
    assert "[red]Eve" in table.stdout  # markup shown as text, not taken as a style

    as_csv = run(home, "employees", "list", *NEUTRAL_CSV, env=FILE_STORE)
    _assert_spelled_out(as_csv.stdout)
    row = next(r for r in csv.DictReader(io.StringIO(as_csv.stdout))
               if r["v_number"] == v_number)
    assert row["name"].startswith("'=HYPERLINK(1)\\x1b")  # a spreadsheet shows it as text

    as_json = run(home, "employees", "list", "--format", "json", env=FILE_STORE)
    for raw in RAW:
        assert raw not in as_json.stdout
    # JSON stays JSON and keeps the name as sent: its escapes decode to the same text.
    sent = next(e for e in json.loads(as_json.stdout) if e["v_number"] == v_number)
    assert sent["name"] == HOSTILE

    cases = run(home, "cases", "list", env=WIDE)
    _assert_spelled_out(cases.stdout)
    cases_csv = run(home, "cases", "list", *NEUTRAL_CSV, env=FILE_STORE)
    _assert_spelled_out(cases_csv.stdout)
    first = min(csv.DictReader(io.StringIO(cases_csv.stdout)), key=lambda r: r["zaaknummer"])
    assert first["employee_name"].startswith("'=HYPERLINK")
    shown = run(home, "cases", "show", first["zaaknummer"], env=FILE_STORE)
    assert shown.returncode == 0, shown.stderr
    _assert_spelled_out(shown.stdout)
