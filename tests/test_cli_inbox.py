"""`ind-tui inbox` and `ind-tui due` as a script runs them, against the embedded sandbox."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

from tests.test_cli_session import FILE_STORE, NEUTRAL_CSV, run


def test_inbox_and_due_for_a_sponsor(tmp_path: Path) -> None:
    home = tmp_path / "home"
    refused = run(home, "inbox", env=FILE_STORE)
    assert refused.returncode == 1 and refused.stderr  # not logged in yet
    assert run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE).returncode == 0
    listed = run(home, "inbox", "--format", "json", env=FILE_STORE)
    assert listed.returncode == 0, listed.stderr
    messages = json.loads(listed.stdout)
    assert messages and [m["id"] for m in messages] == sorted(
        (m["id"] for m in messages), reverse=True)
    assert {m["kind"] for m in messages} == {"info_request", "decision", "ready_for_collection"}
    unread = run(home, "inbox", "--unread", *NEUTRAL_CSV, env=FILE_STORE)
    rows = list(csv.DictReader(io.StringIO(unread.stdout)))
    assert rows and all(r["read_at"] == "" for r in rows)
    assert len(rows) == sum(m["read_at"] is None for m in messages) < len(messages)
    request = next(m for m in messages if m["state"] == "open")
    one_case = run(home, "inbox", "--case", request["zaaknummer"], "--kind", "info-request",
                   "--format", "json", env=FILE_STORE)
    found = json.loads(one_case.stdout)
    assert request["id"] in {m["id"] for m in found}
    assert {(m["zaaknummer"], m["kind"]) for m in found} == {
        (request["zaaknummer"], "info_request")}
    table = run(home, "inbox", env=FILE_STORE)
    assert table.returncode == 0 and request["id"] in table.stdout
    assert f"{len(messages)} messages" in table.stderr

    due = run(home, "due", "--format", "json", env=FILE_STORE)
    assert due.returncode == 0, due.stderr
    items = json.loads(due.stdout)
    assert [i["due"] for i in items] == sorted(i["due"] for i in items)
    assert {"information", "deregister", "extension_window"} <= {i["kind"] for i in items}
    info = [i for i in items if i["kind"] == "information"]
    assert {i["message_id"] for i in info} == {
        m["id"] for m in messages if m["state"] == "open"}
    # Days are counted on the portal's date (the sandbox runs in November 2026).
    first = info[0]
    assert first["days_left"] == (date.fromisoformat(first["due"]) - date(2026, 11, 2)).days
    as_csv = run(home, "due", *NEUTRAL_CSV, env=FILE_STORE)
    assert next(csv.reader(io.StringIO(as_csv.stdout)))[:3] == ["due", "days_left", "kind"]


def test_inbox_bad_input_exits_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bad_kind = run(home, "inbox", "--kind", "postcard", env=FILE_STORE)
    assert bad_kind.returncode == 2 and "one of:" in bad_kind.stderr
    bad_case = run(home, "inbox", "--case", "12", env=FILE_STORE)
    assert bad_case.returncode == 2 and "10 digits" in bad_case.stderr
    assert run(home, "due", "--format", "xml", env=FILE_STORE).returncode == 2
