"""The cases list at 100,000: the shortcuts that make it fast write what the slow way wrote."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from ind_tui.api.cases import CasePage
from ind_tui.api.sandbox_admin import FaultKind, FaultSpec
from ind_tui.base.safetext import CsvWriter
from ind_tui.cli.cases import _list_async
from ind_tui.cli.listing import with_output
from ind_tui.client.client import PortalClient
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.domain.cases import COMPLETED, case_rows
from ind_tui.i18n import text
from ind_tui.i18n.format import csv_style
from ind_tui.local.cache import LocalCache
from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.services.sync import settle_archived, sync_cases
from tests.client_fixtures import TEST_RETRY, login, make_app, make_client
from tests.conftest import ADMIN_TOKEN, API, bearer


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
            for written in (moment.isoformat(), moment.strftime("%Y-%m-%dT%H:%M:%SZ")):
                assert style.moment(written) == style.moment(moment), written


# --- an export that breaks off ------------------------------------------------------------


class FaultAfterFirstPage(httpx.ASGITransport):
    """The sandbox, reached in-process, with a fault set on the cases list once its first
    page has been answered: the next page meets it."""

    def __init__(self, sandbox: FastAPI, fault: FaultSpec | None) -> None:
        super().__init__(app=sandbox)
        self.sandbox, self.fault, self.pages = sandbox, fault, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        if request.url.path.endswith("/cases") and request.url.params.get("limit") == "1000":
            self.pages += 1
            if self.pages == 1 and self.fault is not None:
                self.sandbox.state.sandbox.faults.add(self.fault)
        return response


def export(tmp_path: Path, fault: FaultSpec | None, *, output: Path | None = None,
           fmt: str = "csv") -> tuple[int, str]:
    """`ind-tui --lang nl cases list --format FMT` over 1,300 listed cases (two pages), the
    fault set after the first page; returns the exit code and what went to stdout."""
    sandbox = create_app(SandboxConfig(db_path=tmp_path / "sandbox.db", extra_cases=1500,
                                       admin_token=ADMIN_TOKEN, device_interval=0))
    args = argparse.Namespace(format=fmt, type_id=None, csv_dialect="language", lang="nl",
                              output=output, status=None)

    async def listed(_: argparse.Namespace) -> int:
        async with PortalClient("http://sandbox", retry=TEST_RETRY,
                                transport=FaultAfterFirstPage(sandbox, fault)) as client:
            device = await client.start_login()
            await SandboxAdmin(client.http, ADMIN_TOKEN).approve(device.user_code,
                                                                 "sponsor-eh3")
            await client.finish_login(device)
            return await _list_async(client, args, None)

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = with_output(lambda a: asyncio.run(listed(a)))(args)
    return code, out.getvalue()


def test_a_page_that_fails_once_is_asked_again(tmp_path: Path) -> None:
    code, whole = export(tmp_path / "a", None)
    assert code == 0 and whole.count("\n") > 1001
    for n, kind in enumerate((FaultKind.UNAVAILABLE, FaultKind.COMMIT_THEN_DROP)):
        spec = FaultSpec(route="cases.list", kind=kind, count=1)
        code, again = export(tmp_path / f"b{n}", spec)
        assert code == 0 and again == whole, kind


def test_a_page_that_keeps_failing_says_the_output_is_incomplete(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    spec = FaultSpec(route="cases.list", kind=FaultKind.UNAVAILABLE)
    code, partial = export(tmp_path, spec)
    said = capsys.readouterr().err
    assert code == 1
    assert partial.count("\n") == 1001  # the header and the first page: what was written
    assert text("cli.cases.incomplete.other", "nl", n="1.000") in said
    assert "service_unavailable" in said


def test_output_is_written_whole_or_not_at_all(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "cases.json"
    code, shown = export(tmp_path / "a", None, output=target, fmt="json")
    assert code == 0 and shown == ""
    whole = json.loads(target.read_text(encoding="utf-8"))
    assert len(whole) > 1000
    before = target.read_bytes()
    spec = FaultSpec(route="cases.list", kind=FaultKind.UNAVAILABLE)
    code, shown = export(tmp_path / "b", spec, output=target, fmt="json")
    said = capsys.readouterr().err
    assert code == 1 and shown == ""
    assert target.read_bytes() == before  # the earlier file stands; no half file beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "cases.json"]
    assert text("cli.output.not_written", "nl", path=str(target)) in said
    assert "onvolledig" not in said


# --- an archived case's last true state -----------------------------------------------------


async def test_an_archived_case_the_portal_still_answers_for_shows_its_answer(
        tmp_path: Path) -> None:  # fmt: skip
    """Left the list while under way: "completed" only while the portal does not answer for
    it; when `GET /cases/{n}` answers, its status is shown as it is, also when under way."""
    sandbox = make_app(tmp_path)
    client = make_client(sandbox)
    me = await login(client)
    cache = LocalCache(tmp_path / "cache.db")
    scope = client.scope(me)
    await sync_cases(client, cache, scope)
    listed = await client.cases()
    running = [c for c in listed if c.status.value in {"received", "in_progress"}]
    answered, silent = running[0], running[1]
    # A full listing at a later moment that did not hold these two (the portal's list may
    # drop a case before its detail stops answering): both are archived here.
    later = client.clock.now() + timedelta(hours=1)
    cache.upsert_cases(scope, [c for c in listed if c not in (answered, silent)], later)
    assert cache.archive_missing(scope, later) == 2
    # The portal still answers for one; for the other it no longer does (made a paper case
    # here, which the portal never shows).
    with sandbox.state.sandbox.db.write() as conn:
        conn.execute("UPDATE cases SET paper = 1 WHERE zaaknummer = ?", (silent.zaaknummer,))
    await settle_archived(client, cache, scope, later)
    rows = {r.zaaknummer: r for r in case_rows(cache.case_rows(scope))}
    assert rows[answered.zaaknummer].status.status == answered.status.value
    assert rows[answered.zaaknummer].status.state == "archived"
    assert rows[silent.zaaknummer].status.status == COMPLETED
    kept = cache.case(scope, answered.zaaknummer)
    assert kept is not None and kept.answered_at is not None
    # Listed again: the portal's list is the truth once more.
    cache.upsert_cases(scope, [answered], client.clock.now())
    again = cache.case(scope, answered.zaaknummer)
    assert again is not None and again.archived_at is None and again.answered_at is None
