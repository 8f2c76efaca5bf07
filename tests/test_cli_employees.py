"""`ind-tui employees list | duties | import` as a script runs them, against the embedded
sandbox: exit codes, output formats, a dry run that sends nothing, a re-run that registers
nobody twice, and the failures file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.test_cli_session import FILE_STORE, NEUTRAL_CSV, run

HEADER = "Naam;V-nummer;Geboortedatum;Nationaliteit;Verblijfsdoel;Startdatum"


def _write(path: Path, *rows: str, encoding: str = "cp1252") -> Path:
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode(encoding))
    return path


def _v_numbers(home: Path) -> list[str]:
    listed = run(home, "employees", "list", "--format", "json", env=FILE_STORE)
    assert listed.returncode == 0, listed.stderr
    return [e["v_number"] for e in json.loads(listed.stdout)]


def test_list_duties_and_import_for_a_sponsor(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE).returncode == 0
    as_csv = run(home, "employees", "list", "--status", "deregistered", *NEUTRAL_CSV,
                 env=FILE_STORE)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == 4 and {r["status"] for r in rows} == {"deregistered"}
    duties = run(home, "employees", "duties", "--format", "json", env=FILE_STORE)
    kinds = {(d["kind"], d["late"]) for d in json.loads(duties.stdout)}
    assert {("deregister", True), ("deregister", False), ("extension_window", False)} <= kinds
    before = _v_numbers(home)

    source = _write(tmp_path / "staff.csv",
                    "José Álvarez;8100000001;14-2-1991;Mexico;arbeid;1-10-2026",
                    "Foute Regel;81000;1-1-1990;IND;arbeid;1-10-2026",
                    "Ana Müller;8100000003;1990-05-17;IND;arbeid;2026-10-15")
    dry = run(home, "--lang", "nl", "employees", "import", str(source), "--dry-run",
              env=FILE_STORE)
    assert dry.returncode == 1, dry.stderr  # a row has errors
    assert "Regel 3: V-nummer 81000 heeft minder dan 10 cijfers" in dry.stdout
    assert "2 aan te melden" in dry.stdout
    assert not (tmp_path / "staff-failures.csv").exists()

    # Had the dry run sent anything, these two would count as already registered.
    sent = run(home, "employees", "import", str(source), env=FILE_STORE)
    assert sent.returncode == 1 and "Registered 2 · already registered 0" in sent.stdout, \
        sent.stdout
    failures = (tmp_path / "staff-failures.csv").read_text(encoding="utf-8-sig")
    assert failures.splitlines()[0].endswith(";error") and "81000;" in failures

    again = run(home, "employees", "import", str(source), env=FILE_STORE)
    assert "Registered 0 · already registered 2" in again.stdout, again.stdout

    fixed = tmp_path / "fixed.csv"
    fixed.write_text(failures.replace("81000;", "8100000002;"), encoding="utf-8-sig")
    last = run(home, "employees", "import", str(fixed), env=FILE_STORE)
    assert last.returncode == 0, last.stdout + last.stderr
    assert "Registered 1" in last.stdout
    after = _v_numbers(home)
    assert len(after) == len(before) + 3 and len(set(after)) == len(after)  # nobody twice


def test_import_bad_input_exits_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    missing = run(home, "employees", "import", str(tmp_path / "nope.csv"), env=FILE_STORE)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE).returncode == 0
    odd = tmp_path / "odd.csv"
    odd.write_text("Naam;V-nummer;Salaris\nA B;8200000001;5000\n", encoding="utf-8")
    refused = run(home, "employees", "import", str(odd), env=FILE_STORE)
    assert refused.returncode == 2
    assert "unknown column 'Salaris'" in refused.stderr


def test_an_employer_is_told_why_not(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "login", "--identity", "employer-eh3", env=FILE_STORE).returncode == 0
    listed = run(home, "employees", "list", env=FILE_STORE)
    assert listed.returncode == 1 and "service_not_allowed" in listed.stderr
