"""`ind-tui appointments list | locations | book` as a script runs them, against the embedded
sandbox."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from tests.test_cli_session import FILE_STORE, NEUTRAL_CSV, run


def test_book_the_first_free_slot_across_locations(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE).returncode == 0
    listed = run(home, "appointments", "list", "--format", "json", env=FILE_STORE)
    assert listed.returncode == 0, listed.stderr
    booked_cases = {a["zaaknummer"] for a in json.loads(listed.stdout) if a["status"] == "booked"}
    cases = json.loads(run(home, "cases", "list", "--status", "in_progress", "--format", "json",
                           env=FILE_STORE).stdout)
    zaak = next(c["zaaknummer"] for c in cases if c["zaaknummer"] not in booked_cases)
    # Amsterdam is booked up for weeks: the first free slot of the two is in Zwolle.
    made = run(home, "appointments", "book", "--case", zaak, "--purpose", "biometrics",
               "--locations", "ind-amsterdam,ind-zwolle", "--format", "json", env=FILE_STORE)
    assert made.returncode == 0, made.stderr
    appointment = json.loads(made.stdout)
    assert appointment["zaaknummer"] == zaak and appointment["location_id"] == "ind-zwolle"
    assert appointment["status"] == "booked"
    mine = run(home, "appointments", "list", "--case", zaak, *NEUTRAL_CSV, env=FILE_STORE)
    assert appointment["id"] in mine.stdout and "ind-zwolle" in mine.stdout
    again = run(home, "--lang", "nl", "appointments", "book", "--case", zaak, "--purpose",
                "biometrics", "--location", "ind-den-haag", env=FILE_STORE)
    assert again.returncode == 1 and "appointment_exists" in again.stderr
    assert "Verzet" in again.stderr  # the Dutch guidance says what to do
    # --from takes a date as every date input does: day first too.
    sticker = run(home, "--lang", "nl", "appointments", "book", "--case", zaak, "--purpose",
                  "endorsement_sticker", "--location", "ind-den-haag", "--from", "16-11-2026",
                  env=FILE_STORE)
    assert sticker.returncode == 0, sticker.stderr
    assert sticker.stdout.startswith("Geboekt: ") and "IND-loket Den Haag" in sticker.stdout
    day, month, year = re.search(r"(\d{2})-(\d{2})-(\d{4})", sticker.stdout).groups()
    assert date(int(year), int(month), int(day)) >= date(2026, 11, 16)


def test_appointments_bad_input_exits_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(home, "appointments", "book", "--case", "12", "--purpose", "biometrics",
               "--location", "ind-zwolle", env=FILE_STORE).returncode == 2
    assert run(home, "appointments", "book", "--case", "3100000002", "--purpose", "lunch",
               "--location", "ind-zwolle", env=FILE_STORE).returncode == 2
    assert run(home, "login", "--identity", "sponsor-eh3", env=FILE_STORE).returncode == 0
    unknown = run(home, "appointments", "book", "--case", "3100000002", "--purpose",
                  "biometrics", "--location", "ind-utopia", env=FILE_STORE)
    assert unknown.returncode == 2 and "ind-zwolle" in unknown.stderr  # names the real ones
    for bad_day in ("31-02-2027", "tomorrow"):
        refused = run(home, "appointments", "book", "--case", "3100000002", "--purpose",
                      "biometrics", "--location", "ind-zwolle", "--from", bad_day,
                      env=FILE_STORE)
        assert refused.returncode == 2 and "DD-MM-YYYY" in refused.stderr
    places = run(home, "appointments", "locations", "--format", "json", env=FILE_STORE)
    assert len(json.loads(places.stdout)) == 13
