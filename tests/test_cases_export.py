"""The case rows behind the list: export (the same from the screen and the command line),
quick views, the 'seen' bookkeeping in the cache, and the cache's schema upgrade."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ind_tui.api.cases import CaseStatus
from ind_tui.cli.cases import _list_async, _status
from ind_tui.domain.cases import (
    EXPORT_FIELDS,
    FACETS,
    NEW,
    STATUS_COLUMN,
    ExportFormat,
    case_rows,
    facet_counts,
    format_for,
    in_facet,
    view_scope,
    write_records,
)
from ind_tui.i18n.format import CsvStyle
from ind_tui.local.cache import LocalCache
from ind_tui.local.exports import export_cases
from ind_tui.services.sync import sync_cases
from tests.client_fixtures import login, make_app, make_client

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


async def test_the_command_line_writes_what_the_screen_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with make_client(make_app(tmp_path)) as client:
        await login(client)
        cache = LocalCache(tmp_path / "cache.db")
        await sync_cases(client, cache, "s")
        rows = sorted(case_rows(cache.case_rows("s"), None), key=lambda r: r.zaaknummer)
        wanted = [r for r in rows if r.status.status in ("received", "in_progress")]
        assert wanted
        formats: tuple[ExportFormat, ...] = ("csv", "json")
        printed = {}
        for fmt in formats:
            args = argparse.Namespace(type_id=None, format=fmt, csv_dialect="neutral",
                                      lang="en")
            await _list_async(client, args, _status("received,in-progress"))
            printed[fmt] = capsys.readouterr().out
            screen = io.StringIO(newline="")
            write_records(screen, wanted, fmt, CsvStyle("en", neutral=True))
            assert printed[fmt] == screen.getvalue()
        header = next(csv.reader(io.StringIO(printed["csv"])))
        assert tuple(header) == EXPORT_FIELDS
        assert tuple(json.loads(printed["json"])[0]) == EXPORT_FIELDS


def test_export_files_are_whole_and_say_their_format(tmp_path: Path) -> None:
    raw = ("3100000001", "Mei Chen", None, "ict", "decided", "granted",
           "2026-10-01T08:00:00+00:00", "2026-12-30", "2026-10-20T06:00:00+00:00", None)
    rows = case_rows([raw], {"3100000001": "in_progress"})
    target = tmp_path / "out.csv"
    assert export_cases(target, rows, "csv", CsvStyle("en", neutral=True)) == 1
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(EXPORT_FIELDS)
    # Every moment in Amsterdam time, with its offset.
    assert lines[1] == ("3100000001,Mei Chen,,ict,decided,granted,2026-10-01T10:00:00+02:00,"
                        "2026-12-30,2026-10-20T08:00:00+02:00,listed,in_progress")
    # Per language: the spreadsheet's separator, the header in words, Amsterdam local time.
    assert export_cases(target, rows, "csv", CsvStyle("nl")) == 1
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("\ufeff")  # the mark a spreadsheet needs to read UTF-8
    lines[0] = lines[0][1:]
    assert lines[0].startswith("Zaaknummer;Werknemer;V-nummer;Soort aanvraag;Status;")
    assert lines[1] == ("3100000001;Mei Chen;;ict;decided;granted;2026-10-01 10:00;"
                        "2026-12-30;2026-10-20 08:00;listed;in_progress")
    assert export_cases(target, rows, "csv", CsvStyle("en")) == 1
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Case number,Employee,V-number,Application type,Status,")
    assert "2026-10-01 10:00" in lines[1]
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    with pytest.raises(OSError):
        export_cases(tmp_path / "absent" / "out.json", rows, "json", CsvStyle("en"))
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    assert [format_for(Path(n)) for n in ("a.CSV", "b.json", "c.xlsx", "d")] == [
        "csv", "json", None, None]


def test_quick_views_and_their_counts() -> None:
    raws = [(f"31000000{n:02d}", "X", None, "ict", status, None, "2026-10-01T08:00:00+00:00",
             "2026-12-30", "2026-10-20T06:00:00+00:00", archived)
            for n, (status, archived) in enumerate([
                ("received", None), ("in_progress", None), ("info_requested", None),
                ("decided", None), ("ready_for_collection", None), ("closed", "2026-11-01"),
                ("withdrawn", None)])]
    seen = {"3100000000": "submitted", "3100000001": "in_progress"}  # 02.. were not there
    rows = case_rows(raws, seen)
    assert rows[0].status.previous == "submitted" and rows[1].status.previous == ""
    assert rows[2].status.previous == NEW
    counts = facet_counts(rows)
    assert counts == {"all": 7, "running": 2, "info_requested": 1, "decided": 2,
                      "completed": 2, "changed": 6}
    assert facet_counts(rows, archived=False)["completed"] == 1
    for facet in FACETS:
        for show in (True, False):
            keep = view_scope(facet, show)
            expected = [r for r in rows if in_facet(facet, r)
                        and (show or r.status.state != "archived")]
            assert [r for r in rows if keep is None or keep(r.status)] == expected


def test_seen_statuses_mark_what_changed(tmp_path: Path) -> None:
    cache = LocalCache(tmp_path / "cache.db")
    assert cache.looked_at("s") is None and cache.count_changed("s") == 0
    cache.mark_seen("s", [("3100000001", "received"), ("3100000002", "closed")], NOW)
    assert cache.looked_at("s") == NOW
    assert cache.seen_statuses("s") == {"3100000001": "received", "3100000002": "closed"}
    assert cache.seen_statuses("s", ["3100000002"]) == {"3100000002": "closed"}
    assert cache.seen_statuses("other") == {}
    cache.forget("s")
    assert cache.looked_at("s") is None and cache.seen_statuses("s") == {}


def test_a_version_1_cache_is_upgraded_in_place(tmp_path: Path) -> None:
    from ind_tui.local.cache import _SCHEMA

    path = tmp_path / "cache.db"
    conn = sqlite3.connect(path)
    for statement in _SCHEMA.split(";"):
        conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('s', 'cases.etag', '\"abc\"')")
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    cache = LocalCache(path)
    assert cache.rebuilt_from is None  # upgraded, not set aside
    # Its rows do not name their portal: they are dropped, never shown under another one.
    assert cache.sync_state("s").etag is None and cache.scopes() == []
    cache.mark_seen("s", [("3100000001", CaseStatus.RECEIVED.value)], NOW)
    assert cache.count_changed("s") == 0


def test_the_list_model_scopes_then_filters_on_current_status() -> None:
    from ind_tui.tui.screens.cases.columns import columns
    from ind_tui.tui.widgets.table_model import Scope, TableModel

    raws = [(f"31000000{n:02d}", name, None, type_id, status, None,
             "2026-10-01T08:00:00+00:00", "2026-12-30", f"2026-10-{20 + n:02d}T06:00:00+00:00",
             "2026-11-01" if n == 3 else None)
            for n, (name, type_id, status) in enumerate([
                ("Anna Smit", "hsm_extension", "in_progress"),
                ("Jan Visser", "eu_blue_card", "in_progress"),
                ("Anna Bakker", "hsm_first_vvr", "received"),
                ("Piet Jansen", "hsm_extension", "closed")])]
    seen = {"3100000000": "received", "3100000001": "in_progress", "3100000002": "received",
            "3100000003": "closed"}
    model = TableModel(columns(), case_rows(raws, seen), sort=7, descending=True)
    shown = lambda: [model.rows[i].zaaknummer for i in model.view]  # noqa: E731
    assert shown() == ["3100000003", "3100000002", "3100000001", "3100000000"]
    model.filter("status:received")  # the case that moved on from 'received' is not found
    assert shown() == ["3100000002"]
    model.filter("status:in-progress type:hsm")
    assert shown() == ["3100000000"]
    model.filter("anna")
    assert shown() == ["3100000002", "3100000000"]
    model.set_scope(Scope(STATUS_COLUMN, view_scope("changed", True)))  # the filter stays
    assert shown() == ["3100000000"]
    model.set_scope(Scope(STATUS_COLUMN, view_scope("all", False)))
    model.filter("")
    assert shown() == ["3100000002", "3100000001", "3100000000"]  # archive hidden
    model.sort("zaaknummer")
    assert shown() == ["3100000000", "3100000001", "3100000002"]
    model.sort("changed", descending=True)  # an order once made is kept, and still right
    assert shown() == ["3100000002", "3100000001", "3100000000"]
