"""Importing employees from CSV: reading what spreadsheets write, the preview of every row,
sending each row exactly once (also across re-runs after injected faults), and the failures
file that imports again once fixed. Against the sandbox in-process."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from ind_tui.api.auth import Purpose
from ind_tui.client.client import PortalClient
from ind_tui.domain.employee_cells import parse_date
from ind_tui.domain.employee_csv import Preview, RowState, preview, read_csv
from ind_tui.services.employee_import import BREAKER, Outcome, describe, failures_csv, send
from tests.client_fixtures import admin_of, login, make_app, make_client

TODAY = date(2026, 11, 2)
HEADER_NL = ("Naam;V-nummer;Geboortedatum;Nationaliteit;Verblijfsdoel;Startdatum;"
             "Einddatum vergunning")
HEADER_EN = "Name,V-number,Date of birth,Nationality,Purpose of stay,Start date,Permit end date"
GOOD_NL = [
    "José Álvarez;7100000001;14-2-1991;Mexico;arbeid;1-10-2026;30-9-2029",
    "Zoë Müller;7100000002;1990-05-17;IND;labour;2026-10-15;",
    "Anh Nguyễn;7100000003;3-3-1985;VNM;Arbeid;01-11-2026;01-11-2028",
]


def _file(lines: list[str], encoding: str = "utf-8", bom: bool = False) -> bytes:
    text = "\r\n".join(lines) + "\r\n"
    if encoding == "utf-16":
        return text.encode("utf-16")
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def _preview(data: bytes, registered: list[object] | None = None) -> Preview:
    return preview(read_csv(data), TODAY, registered=registered or [],  # type: ignore[arg-type]
                   recognised={Purpose.LABOUR})


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[PortalClient]:
    c = make_client(make_app(tmp_path))
    await login(c)
    yield c
    await c.aclose()


# --- reading ------------------------------------------------------------------------------


@pytest.mark.parametrize(("encoding", "bom"), [
    ("utf-8", False), ("utf-8", True), ("cp1252", False), ("utf-16", False)])
@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_encodings_and_separators_as_excel_writes_them(
    encoding: str, bom: bool, separator: str,
) -> None:
    lines = [line.replace(";", separator) for line in (HEADER_NL, *GOOD_NL)]
    if encoding == "cp1252":  # Windows-1252 has no ễ: a Western name instead
        lines[3] = lines[3].replace("Nguyễn", "Nguyên")
    result = _preview(_file(lines, encoding, bom))
    assert result.file.delimiter == separator
    assert [r.state for r in result.rows] == [RowState.READY] * 3, \
        [describe(e) for r in result.rows for e in r.errors]
    assert result.rows[0].registration is not None
    assert result.rows[0].registration.name == "José Álvarez"
    assert result.rows[0].registration.nationality == "MEX"
    assert result.rows[1].registration is not None
    assert result.rows[1].registration.name == "Zoë Müller"


def test_english_headers_excels_sep_line_and_quoted_cells() -> None:
    data = _file(["sep=,", HEADER_EN,
                  '"Okafor, Ada",7100000004,1991-04-01,NGA,labour,2026-10-01,2028-10-01'])
    result = _preview(data)
    (row,) = result.rows
    assert row.state is RowState.READY and row.line == 3
    assert row.registration is not None and row.registration.name == "Okafor, Ada"


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-03-01", (date(2026, 3, 1), None)),
    ("2026-03-01 00:00:00", (date(2026, 3, 1), None)),
    ("1-3-2026", (date(2026, 3, 1), None)),
    ("01.03.2026", (date(2026, 3, 1), None)),
    ("13/3/2026", (date(2026, 3, 13), None)),
    ("3/13/2026", (date(2026, 3, 13), None)),
    ("3/4/2026", (None, "ambiguous_date")),
    ("4/4/2026", (date(2026, 4, 4), None)),
    ("31-02-2026", (None, "bad_date")),
    ("1-3-26", (None, "bad_date")),
    ("45678", (None, "bad_date")),
])
def test_dates_in_the_forms_spreadsheets_use(
    text: str, expected: tuple[date | None, str | None],
) -> None:
    assert parse_date(text) == expected


def test_a_mixed_file_previews_every_row_with_its_errors() -> None:
    lines = [
        HEADER_NL + ";Contract tot",
        "Goed Persoon;7200000001;1-1-1990;IND;arbeid;1-10-2026;;",
        "Kort Nummer;12345;1-1-1990;IND;arbeid;1-10-2026;;",
        "Excel Getal;7.2E+09;1-1-1990;IND;arbeid;1-10-2026;;",
        "Datum Fout;7200000004;31-02-1990;IND;arbeid;3/4/2026;;",
        ";7200000005;1-1-1990;IND;arbeid;1-10-2026;;",
        "Land Fout;7200000006;1-1-1990;Atlantis;kunst;1-10-2026;;",
        "Te Vroeg;7200000007;1-1-1990;IND;arbeid;1-10-1989;;",
        "Studie;7200000008;1-1-1990;IND;studie;1-10-2026;;",
        "Goed Persoon;7200000001;1-1-1990;IND;arbeid;1-10-2026;;",
        "Ander Persoon;7200000009;1-1-1990;IND;arbeid;1-10-2026;;",
        "Zelfde Nummer;7200000009;2-2-1992;IND;arbeid;1-10-2026;;",
        "Te Veel;7200000010;1-1-1990;IND;arbeid;1-10-2026;;;extra",
        "Al Bekend;1684665718;08-12-1986;JPN;arbeid;16-06-2024;;",
        "Anders Bekend;9317085714;1-1-1990;RUS;arbeid;22-11-2023;;",
        "Contract Voor Start;7200000011;1-1-1990;IND;arbeid;1-10-2026;;1-9-2026",
        ";;;;;;;",
    ]
    from ind_tui.api.employees import Employee

    registered = [
        Employee(id="E1", name="Al Bekend", v_number="1684665718",
                 date_of_birth=date(1986, 12, 8), nationality="JPN", purpose=Purpose.LABOUR,
                 start_date=date(2024, 6, 16), permit_end=None, status="registered"),
        Employee(id="E2", name="Nadia Li", v_number="9317085714",
                 date_of_birth=date(1974, 9, 16), nationality="RUS", purpose=Purpose.LABOUR,
                 start_date=date(2023, 11, 22), permit_end=None, status="registered"),
    ]
    result = _preview(_file(lines), registered)
    by_line = {r.line: (r.state, {e.code for e in r.errors}) for r in result.rows}
    assert by_line == {
        2: (RowState.READY, set()),
        3: (RowState.ERROR, {"v_number_short"}),
        4: (RowState.ERROR, {"v_number_scientific"}),
        5: (RowState.ERROR, {"bad_date", "ambiguous_date"}),
        6: (RowState.ERROR, {"missing"}),
        7: (RowState.ERROR, {"unknown_country", "unknown_purpose"}),
        8: (RowState.ERROR, {"before_birth"}),
        9: (RowState.ERROR, {"not_recognised"}),
        10: (RowState.DUPLICATE, {"duplicate_row"}),
        11: (RowState.ERROR, {"duplicate_in_file"}),
        12: (RowState.ERROR, {"duplicate_in_file"}),
        13: (RowState.ERROR, {"extra_cells"}),
        14: (RowState.ALREADY, set()),
        15: (RowState.ERROR, {"registered_differently"}),
        16: (RowState.ERROR, {"before_start"}),
    }
    assert result.sendable and [r.line for r in result.ready] == [2]
    differ = next(e for r in result.rows if r.line == 15 for e in r.errors)
    assert differ.value == "name, date_of_birth"
    assert "line 12" in describe(next(e for r in result.rows if r.line == 11
                                      for e in r.errors), "en")
    assert "regel 11" in describe(next(e for r in result.rows if r.line == 12
                                       for e in r.errors), "nl")


def test_unknown_and_missing_columns_block_the_whole_file() -> None:
    result = _preview(_file(["Naam;V-nummer;Geboortedatum;Nationaliteit;Startdatum;Salaris",
                             "A B;7300000001;1-1-1990;IND;1-10-2026;5000"]))
    assert not result.sendable
    assert {(p.code, p.value) for p in result.problems} == {
        ("unknown_column", "Salaris"), ("missing_column", "purpose")}
    text = describe(result.problems[0].as_row_error(), "nl")
    assert "Salaris" in text and "onbekende kolom" in text
    assert _preview(b"").problems[0].code == "empty"


async def test_a_blocked_file_sends_nothing(client: PortalClient) -> None:
    result = _preview(_file(["Naam;V-nummer;Geboortedatum;Nationaliteit;Verblijfsdoel;"
                             "Startdatum;Salaris", "A B;7300000001;1-1-1990;IND;arbeid;"
                             "1-10-2026;5000"]))
    before = len(client.reqlog.records())
    summary = await send(client, result)
    assert summary.results == {} and len(client.reqlog.records()) == before


def test_the_same_file_gives_the_same_keys_and_another_file_other_keys() -> None:
    data = _file([HEADER_NL, *GOOD_NL])
    first, again = _preview(data), _preview(data)
    assert [r.key for r in first.rows] == [r.key for r in again.rows]
    assert len({r.key for r in first.rows}) == 3
    other = _preview(_file([HEADER_NL, *GOOD_NL[:2]]))
    assert not {r.key for r in other.rows} & {r.key for r in first.rows}


# --- sending ------------------------------------------------------------------------------


def _people(n: int, start: int = 7400000000) -> list[str]:
    return [HEADER_NL] + [f"Persoon {i};{start + i};1-1-1990;IND;arbeid;1-10-2026;"
                          for i in range(n)]


async def _registered(client: PortalClient) -> list[object]:
    return list(await client.employees())


async def _count(client: PortalClient, prefix: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in await client.employees():
        if e.v_number.startswith(prefix):
            counts[e.v_number] = counts.get(e.v_number, 0) + 1
    return counts


async def test_a_re_run_after_injected_faults_registers_nobody_twice(
    client: PortalClient,
) -> None:
    data = _file(_people(12))
    admin = admin_of(client)
    # The portal fails on the first four requests: a 500 may hide work done, so each row is
    # sent once more under its key, fails again, and stays unknown in this run (one row at a
    # time, so the same two rows take all four).
    await admin.fault("employees.register", "server_error", count=4)
    # Three answers are lost after the work was done: each row is resent with its key and
    # answered from the first time.
    await admin.fault("employees.register", "commit_then_drop", count=3)
    first = _preview(data, await _registered(client))
    summary = await send(client, first, concurrency=1)
    assert summary.count(Outcome.FAILED) == 2, summary.results
    assert {r.error.code for r in summary.results.values() if r.error} == {"outcome_unknown"}
    assert summary.count(Outcome.REGISTERED) == 10
    assert {f.fired for f in (await admin.faults()).faults} == {4, 3}
    registered = await _count(client, "74000000")
    assert len(registered) == 10 and set(registered.values()) == {1}
    # The failures file holds exactly the two failed rows.
    rows = list(csv.reader(io.StringIO(failures_csv(first, summary).decode("utf-8-sig")),
                           delimiter=";"))
    assert rows[0][-1] == "error" and len(rows) == 3
    # Run the same file again: what is registered shows as such, the rest goes once.
    await admin.clear_faults()
    second = _preview(data, await _registered(client))
    assert second.count(RowState.ALREADY) == 10 and len(second.ready) == 2
    again = await send(client, second)
    assert again.count(Outcome.REGISTERED) == 2 and again.count(Outcome.FAILED) == 0
    counts = await _count(client, "74000000")
    assert len(counts) == 12 and set(counts.values()) == {1}


async def test_a_stale_preview_still_registers_nobody_twice(client: PortalClient) -> None:
    """The answer never arrived (cut on every attempt), and the re-run does not know the
    employees were registered: the keys and the V-number still keep it to one."""
    data = _file(_people(4, 7500000000))
    await admin_of(client).fault("employees.register", "commit_then_drop", count=40)
    first = _preview(data)
    summary = await send(client, first)
    assert summary.count(Outcome.REGISTERED) == 0
    # every send and the resend under the same key lost: whether it arrived stays unknown
    assert {r.error.code for r in summary.results.values() if r.error} == {"outcome_unknown"}
    assert len(await _count(client, "75000000")) == 4  # done on the portal all the same
    await admin_of(client).clear_faults()
    rerun = await send(client, _preview(data))  # same keys: the stored answers come back
    assert rerun.count(Outcome.REGISTERED) == 4
    fresh_keys = _preview(data)
    for row in fresh_keys.rows:
        row.key = None  # no key at all: the V-number alone still refuses a second one
    natural = await send(client, fresh_keys)
    assert natural.count(Outcome.ALREADY) == 4
    assert set((await _count(client, "75000000")).values()) == {1}


async def test_answers_lost_row_after_row_stop_the_run(client: PortalClient) -> None:
    """Whether a row arrived stays unknown, row after row: the portal is in trouble, not the
    rows, so the run stops instead of pressing on with the rest."""
    data = _file(_people(12, 7700000000))
    await admin_of(client).fault("employees.register", "commit_then_drop")
    summary = await send(client, _preview(data), concurrency=1)
    assert summary.stopped is not None and summary.stopped.code == "outcome_unknown"
    assert summary.count(Outcome.FAILED) == BREAKER
    assert summary.count(Outcome.NOT_SENT) == 12 - BREAKER


async def test_the_portal_refusals_land_in_the_failures_file(client: PortalClient) -> None:
    # The client checks what the portal checks; a sponsor not recognised for a purpose is
    # refused by the portal even when the preview was made without the recognitions.
    data = _file([HEADER_NL, "Student Een;7600000001;1-1-1990;IND;studie;1-10-2026;"])
    result = preview(read_csv(data), TODAY, registered=[], recognised=None)
    summary = await send(client, result)
    (outcome,) = summary.results.values()
    assert outcome.outcome is Outcome.FAILED and outcome.error is not None
    assert outcome.error.code == "purpose_not_recognised"
    text = failures_csv(result, summary, "nl").decode("utf-8-sig")
    assert "Niet erkend voor dit verblijfsdoel" in text


async def test_the_failures_file_imports_again_once_fixed(client: PortalClient) -> None:
    lines = [HEADER_NL,
             "Goed Een;7700000001;1-1-1990;IND;arbeid;1-10-2026;",
             "Fout Twee;77000002;1-1-1990;IND;arbeid;1-10-2026;",
             "Fout Drie;7700000003;31-31-1990;India;arbeid;1-10-2026;"]
    first = _preview(_file(lines, "cp1252"), await _registered(client))
    summary = await send(client, first)
    assert summary.count(Outcome.REGISTERED) == 1
    failures = failures_csv(first, summary, "nl")
    assert failures.startswith(b"\xef\xbb\xbf")
    fixed = (failures.decode("utf-8-sig").replace("77000002", "7700000002")
             .replace("31-31-1990", "31-12-1990"))
    again = _preview(fixed.encode("utf-8"), await _registered(client))
    assert again.sendable and len(again.ready) == 2, [
        describe(e) for r in again.rows for e in r.errors]
    assert again.file.header[-1] == "fout"  # the reason column is read and set aside
    done = await send(client, again)
    assert done.count(Outcome.REGISTERED) == 2
    assert len(await _count(client, "77000000")) == 3
    assert failures_csv(again, done).count(b"\n") == 1  # only the header: nothing to fix


@pytest.mark.parametrize("lang", ["en", "nl"])
async def test_an_export_of_the_list_imports_again_without_changing_anything(
    client: PortalClient, tmp_path: Path, lang: str,
) -> None:
    from ind_tui.i18n import set_language
    from ind_tui.tui.screens.employees.view import write_export

    everyone = await client.employees()
    target = tmp_path / "export.csv"
    set_language(lang)  # the export's header and separator follow the interface language
    try:
        write_export(target, everyone)
    finally:
        set_language("en")
    assert target.read_bytes().startswith("\ufeffNaam;V-nummer;".encode() if lang == "nl"
                                          else "\ufeffName,V-number,".encode())
    result = preview(read_csv(target.read_bytes()), TODAY, registered=everyone,
                     recognised={Purpose.LABOUR})
    assert result.sendable, result.problems
    registered = sum(1 for e in everyone if e.status.value == "registered")
    assert result.count(RowState.ALREADY) == registered
    assert result.count(RowState.SKIPPED) == len(everyone) - registered > 0
    assert result.ready == []
    skipped = next(r for r in result.rows if r.state is RowState.SKIPPED)
    assert "not registered again" in describe(skipped.errors[0], "en")
