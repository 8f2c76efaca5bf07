"""The benches of the portal's data (drafts, the sandbox server, sync, the CLI export) run at
a tiny size, so a broken bench fails `make test`; the TUI's are in test_benches_tui.py (two
files, so two workers share them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench_runs import DATA, SMOKE, benches, run_bench


def test_every_bench_has_a_smoke_run() -> None:
    assert benches() == sorted(SMOKE)


@pytest.mark.parametrize("name", DATA)
def test_data_bench_runs(name: str, tmp_path: Path) -> None:
    run_bench(name, tmp_path)
