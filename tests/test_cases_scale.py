"""The cases list at 100,000: the shortcuts that make it fast write what the slow way wrote."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import httpx

from ind_tui.api.cases import CasePage
from ind_tui.base.safetext import CsvWriter
from ind_tui.i18n.format import csv_style
from tests.conftest import API, bearer


async def test_a_page_of_cases_is_the_json_the_model_writes(http: httpx.AsyncClient) -> None:
    """The sandbox writes each case with SQLite's JSON; a client reads the same bytes the
    model would have written (instants as `...Z`, nulls as null, the same key order)."""
    auth = await bearer(http, "sponsor-eh3")
    for params in ({"limit": "1000"}, {"limit": "3"}, {"status": "closed"}):
        answer = await http.get(f"{API}/cases", params=params, headers=auth)
        assert answer.status_code == 200, answer.text
        page = CasePage.model_validate_json(answer.content)
        assert answer.text == page.model_dump_json()
    everything = CasePage.model_validate_json(
        (await http.get(f"{API}/cases", params={"limit": "1000"}, headers=auth)).content)
    # The page covers what the shortcut must get right: decisions, completions, no V-number.
    assert any(c.completed_at for c in everything.items)
    assert any(c.decision for c in everything.items)
    assert any(c.completed_at is None for c in everything.items)


def test_csv_rows_written_at_once_are_cells_written_one_by_one() -> None:
    rows = [
        ("3100000001", "Yuki Silva", "", "2026-11-01 07:00"),
        ("3100000002", "=HYPERLINK(\"x\")", "-12.50", "+31 6"),
        ("@SUM(A1)", "a|=b", "tab\there", "line\nbreak"),
        ("-x", "x\x1b]0;title\x07", "", "\u202eevil"),
        ("", "", "", ""),
        *(("3100000009", "Ann", mark + "1") for mark in "=+-@"),  # one formula each
        ("3100000010", "Ann", "", "=cmd|' /C calc'!A0"),
    ]
    at_once, one_by_one = io.StringIO(), io.StringIO()
    CsvWriter(at_once, lineterminator="\n").writerows(rows)
    slow = CsvWriter(one_by_one, lineterminator="\n")
    for row in rows:
        slow.writerow(row)  # every cell through csv_cell
    assert at_once.getvalue() == one_by_one.getvalue()
    assert "'=HYPERLINK" in at_once.getvalue() and "'+31 6" in at_once.getvalue()
    assert "a|=b" in at_once.getvalue() and "\\x1b" in at_once.getvalue()


def test_moments_in_amsterdam_time_across_summer_time() -> None:
    """The hour-by-hour shortcut agrees with a full conversion, the days the clocks move too."""
    for dialect in ("language", "neutral"):
        style = csv_style(dialect, "nl")
        start = datetime(2026, 3, 28, 20, 17, 42, tzinfo=UTC)
        for hours in (*range(0, 30), *range(5000, 5040)):
            moment = start + timedelta(hours=hours)
            for text in (moment.isoformat(), moment.strftime("%Y-%m-%dT%H:%M:%SZ")):
                assert style.moment(text) == style.moment(moment), text
