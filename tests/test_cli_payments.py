"""`ind-tui payments list` as a script (or the bookkeeping) runs it, against the embedded
sandbox."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ind_tui.client.payments import CSV_COLUMNS
from tests.test_cli_session import FILE_STORE, NEUTRAL_CSV, run


def test_payments_list_in_every_format(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "payments", "list", env=FILE_STORE).returncode == 1  # not logged in yet
    assert run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE).returncode == 0
    as_json = run(home, "payments", "list", "--format", "json", env=FILE_STORE)
    assert as_json.returncode == 0, as_json.stderr
    listed = json.loads(as_json.stdout)
    items, totals = listed["items"], listed["totals"]
    assert items and totals["count"] == len(items)
    as_csv = run(home, "payments", "list", *NEUTRAL_CSV, env=FILE_STORE)
    reader = csv.DictReader(io.StringIO(as_csv.stdout))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    assert [r["reference"] for r in rows] == [p["reference"] for p in items]
    assert sum(float(r["net_eur"]) for r in rows) == totals["net_eur"]
    refunded = run(home, "payments", "list", "--status", "refunded", *NEUTRAL_CSV,
                   env=FILE_STORE)
    refunds = list(csv.DictReader(io.StringIO(refunded.stdout)))
    assert refunds and all(r["refund_reason"] == "not_received" for r in refunds)
    table = run(home, "--lang", "nl", "payments", "list", env=FILE_STORE)
    assert table.returncode == 0 and f"{totals['count']} betalingen" in table.stdout
    assert "terugbetaald € 423,00" in table.stdout


def test_payments_bad_input_exits_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "payments", "list", "--case", "31", env=FILE_STORE).returncode == 2
    assert run(home, "payments", "list", "--status", "lost", env=FILE_STORE).returncode == 2
