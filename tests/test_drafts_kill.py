"""Crash safety: a saver process is SIGKILLed at random moments, over and over; after every
kill the draft must open, and hold a complete save (never a mix, never nothing).

The rounds run in one helper process that forks a saver per round (a fresh interpreter per
round would cost far more than the test itself); the helper reports what it saw as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROUNDS = 220

DRIVER = r"""
import json, os, random, signal, sys, time
from pathlib import Path
from ind_tui.local.drafts.bundle import open_draft, save_draft
from ind_tui.base.atomic import remove_stale_temp
from ind_tui.local.drafts.model import Draft

path, rounds = Path(sys.argv[1]), int(sys.argv[2])

def answers(n):
    # the text repeats n: a half-written or mixed file could not pass as a complete save
    return {"n": n, "text": str(n) * 3000}

draft = Draft(form_id="hsm_first", form_version=1, answers=answers(0))
save_draft(draft, path)
rng = random.Random(20240601)
seen, errors, last = [], [], 0
for i in range(rounds):
    pid = os.fork()
    if pid == 0:
        try:
            n = last
            while True:
                n += 1
                draft.answers = answers(n)
                save_draft(draft, path)
        finally:
            os._exit(0)
    # now and then a longer pause so that saves are sure to complete
    time.sleep(0.03 if i % 25 == 0 else rng.uniform(0, 0.006))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    try:
        opened = open_draft(path)
        got = opened.draft.answers
        if got != answers(got["n"]):
            raise ValueError("mixed contents")
        seen.append(got["n"])
        last = got["n"]
    except Exception as exc:
        errors.append(f"round {i}: {exc!r}")
leftover = len(remove_stale_temp(path.parent, 0))
print(json.dumps({"seen": seen, "errors": errors, "temp_files": leftover}))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_draft_survives_repeated_sigkill_while_saving(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root), "IND_TUI_HOME": str(tmp_path / "home")}
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(tmp_path / "draft.tfa"), str(ROUNDS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["errors"] == []
    seen: list[int] = report["seen"]
    assert len(seen) == ROUNDS  # the draft opened after every single kill
    assert seen == sorted(seen)  # never went back to an older save
    assert len(set(seen)) > 1  # saves did happen between kills
    assert sorted(os.listdir(tmp_path)) == ["draft.tfa", "home"]
