"""Counts, amounts and times as each language writes them, everywhere: the cases list counts
with the language's grouping, a CSV export opens in a spreadsheet of the chosen language (or
in one neutral format), and the support e-mail gives Amsterdam time."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from ind_tui.i18n import set_language
from ind_tui.i18n.format import CsvStyle, csv_style
from ind_tui.sandbox.app import SandboxConfig, create_app
from tests.conftest import ADMIN_TOKEN
from tests.test_cli_session import FILE_STORE, run
from tests.test_tui_cases import open_cases, text_of
from tests.tui_helpers import make_app, wait_for


def test_csv_styles_per_language_and_neutral() -> None:
    paid = datetime(2026, 10, 31, 5, 0, tzinfo=UTC)
    nl, en, neutral = CsvStyle("nl"), CsvStyle("en"), csv_style("neutral", "nl")
    assert (nl.delimiter, en.delimiter, neutral.delimiter) == (";", ",", ",")
    assert [s.amount(Decimal("7614")) for s in (nl, en, neutral)] == [
        "7614,00", "7614.00", "7614.00"]
    # One zone in every file: Amsterdam, whatever offset the portal sent.
    assert nl.moment(paid) == en.moment("2026-10-31T06:00:00+01:00") == "2026-10-31 06:00"
    assert nl.moment("2026-11-01T06:00:00+01:00") == "2026-11-01 06:00"
    assert neutral.moment("2026-10-31T05:00:00Z") == "2026-10-31T06:00:00+01:00"
    assert nl.moment(None) == neutral.moment("") == ""
    assert nl.header(["zaaknummer", "amount_eur"]) == ["Zaaknummer", "Bedrag (EUR)"]
    assert neutral.header(["zaaknummer"]) == ["zaaknummer"]
    with pytest.raises(ValueError):
        csv_style("excel")


def test_the_bookkeeping_csv_opens_in_a_dutch_spreadsheet(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE).returncode == 0
    dutch = run(home, "--lang", "nl", "payments", "list", "--format", "csv", env=FILE_STORE)
    assert dutch.returncode == 0, dutch.stderr
    rows = list(csv.reader(io.StringIO(dutch.stdout), delimiter=";"))
    assert rows[0][:3] == ["Betaalkenmerk", "Betaald op", "Geïnd op"]
    amount = rows[0].index("Bedrag (EUR)")
    assert all(re.fullmatch(r"\d+,\d\d", r[amount]) for r in rows[1:])
    # Paid and collected in one zone and one spelling, readable as a date and time.
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", cell)
               for r in rows[1:] for cell in r[1:3])
    english = run(home, "--lang", "en", "payments", "list", "--format", "csv", env=FILE_STORE)
    head, first = list(csv.reader(io.StringIO(english.stdout)))[:2]
    assert head[:2] == ["Payment reference", "Paid at"]
    assert re.fullmatch(r"\d+\.\d\d", first[head.index("Amount (EUR)")])


async def test_counts_in_the_cases_list_are_written_the_dutch_way(tmp_path: Path) -> None:
    sandbox = create_app(SandboxConfig(db_path=tmp_path / "sandbox.db", admin_token=ADMIN_TOKEN,
                                       device_interval=1, code_seed=7, extra_cases=1200))
    app = make_app(sandbox, lang="nl")
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_cases(pilot, app)
            await wait_for(pilot, lambda: "zaken" in text_of(screen, "#cases-facets"))
            facets = text_of(screen, "#cases-facets")
            assert re.search(r"\d\.\d{3} van \d\.\d{3} zaken", facets), facets
            assert re.search(r"Alle \d\.\d{3}", facets), facets
            assert not re.search(r"\d,\d{3}", facets), facets
    finally:
        set_language("en")


async def test_the_support_mail_gives_amsterdam_time(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import time
    import zipfile

    from ind_tui.i18n.format import AMSTERDAM
    from ind_tui.tui.screens.shell.report import ReportScreen
    from tests.test_tui_flows import _home
    from tests.tui_helpers import sandbox_app

    monkeypatch.setenv("TZ", "UTC")  # as on most servers: the computer's zone is not the portal's
    time.tzset()
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await _home(pilot, app)
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(app.screen, ReportScreen))
        before = datetime.now(AMSTERDAM)
        await pilot.press(*"Upload failed", "ctrl+s")
        await wait_for(pilot, lambda: app.screen.query_one("#report-result").display)
    bundle = next((tmp_path / "ind-home" / "data" / "support").glob("*.zip"))
    with zipfile.ZipFile(bundle) as zf:
        mail = zf.read("mail.txt").decode()
    found = re.search(r"Date and time: (\d\d-\d\d-\d{4} \d\d:\d\d):\d\d \(Amsterdam\)", mail)
    assert found, mail
    written = datetime.strptime(found[1], "%d-%m-%Y %H:%M").replace(tzinfo=AMSTERDAM)
    assert abs((written - before.replace(second=0, microsecond=0)).total_seconds()) <= 600
