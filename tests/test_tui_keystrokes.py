"""The goal of issue 14: an extension for a registered employee, documents at hand, in at most
30 keystrokes from home to receipt. The walk of `bench/bench_keystrokes.py` (which prints the
count step by step), against the real sandbox in-process; every key sent is counted, typed
characters too. Once typing the passport copy's path (completed with Tab), once taking the
copy the first application had (`p` on the documents page)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.bench_keystrokes import GOAL, run_walk


@pytest.mark.parametrize(("documents", "lang"), [("path", "en"), ("earlier", "nl")])
async def test_an_extension_from_home_to_receipt_in_at_most_30_keys(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, documents: str, lang: str) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # ~/Documents holds the passport copy
    walk = await run_walk(tmp_path, lang, documents=documents)
    assert walk.total <= GOAL, walk.report()
    assert walk.zaaknummer and walk.zaaknummer in walk.receipt, walk.receipt
    # Every step is keys a person presses; none of them is free.
    assert all(keys for _, keys in walk.steps)
