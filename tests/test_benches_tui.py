"""The benches of the TUI (lists, the keystroke walk, start-up) run at a tiny size, so a
broken bench fails `make test` (the others: test_benches_data.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench_runs import TUI, run_bench


@pytest.mark.parametrize("name", TUI)
def test_tui_bench_runs(name: str, tmp_path: Path) -> None:
    run_bench(name, tmp_path)
