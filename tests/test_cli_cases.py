"""`ind-tui cases list | show` as a script runs them, against the embedded sandbox."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.test_cli_session import FILE_STORE, NEUTRAL_CSV, run


def test_cases_list_and_show_for_a_representative(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "cases", "list", env=FILE_STORE).returncode == 1  # not logged in yet
    assert run(home, "login", "--identity", "agent-noordzee", env=FILE_STORE).returncode == 0
    listed = run(home, "cases", "list", "--format", "json", env=FILE_STORE)
    assert listed.returncode == 0, listed.stderr
    cases = json.loads(listed.stdout)
    assert cases and all(len(c["zaaknummer"]) == 10 for c in cases)
    as_csv = run(home, "cases", "list", "--status", "in-progress", *NEUTRAL_CSV,
                 env=FILE_STORE)
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and {r["status"] for r in rows} == {"in_progress"}
    shown = run(home, "cases", "show", cases[0]["zaaknummer"], env=FILE_STORE)
    assert shown.returncode == 0 and "Status history:" in shown.stdout
    assert "receipt" in shown.stdout and "application submitted" in shown.stdout
    mine = {c["zaaknummer"] for c in cases}
    other = next(z for z in (f"31000000{n:02d}" for n in range(1, 30)) if z not in mine)
    hidden = run(home, "cases", "show", other, env=FILE_STORE)
    assert hidden.returncode == 1 and "not_found" in hidden.stderr


def test_cases_bad_input_exits_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    bad = run(home, "cases", "list", "--status", "lost", env=FILE_STORE)
    assert bad.returncode == 2 and "one of:" in bad.stderr
    # An application type is one of a fixed set too: refused, with the ids there are.
    bad_type = run(home, "cases", "list", "--type", "nope", env=FILE_STORE)
    assert bad_type.returncode == 2 and "hsm" in bad_type.stderr
    assert run(home, "cases", "show", "12", env=FILE_STORE).returncode == 2


def test_cases_upload_refuses_the_same_file_twice_unless_allowed(tmp_path: Path) -> None:
    from ind_tui.sandbox.pdfgen import letter

    home = tmp_path / "home"
    pdf = tmp_path / "salary.pdf"
    pdf.write_bytes(letter(["Salary slip"]))
    assert run(home, "login", "--identity", "agent-noordzee", env=FILE_STORE).returncode == 0
    listed = run(home, "cases", "list", "--status", "in-progress", "--format", "json",
                 env=FILE_STORE)
    zaak = json.loads(listed.stdout)[0]["zaaknummer"]
    first = run(home, "cases", "upload", zaak, str(pdf), env=FILE_STORE)
    assert first.returncode == 0, first.stderr
    again = run(home, "cases", "upload", zaak, str(pdf), env=FILE_STORE)
    assert again.returncode == 2 and "--allow-duplicate" in again.stderr
    allowed = run(home, "cases", "upload", zaak, str(pdf), "--allow-duplicate", env=FILE_STORE)
    assert allowed.returncode == 0, allowed.stderr
    shown = json.loads(run(home, "cases", "show", zaak, "--format", "json",
                           env=FILE_STORE).stdout)
    titles = [d["title"] for d in shown["dossier"]["documents"] if d["kind"] == "upload"]
    assert titles.count("salary.pdf") == 2
    missing = run(home, "cases", "upload", zaak, str(tmp_path / "none.pdf"), env=FILE_STORE)
    assert missing.returncode == 2
