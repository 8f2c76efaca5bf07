"""Running a bench the way `make bench` does (`python -m bench.bench_X`), at a size that only
shows it still works: a bench no test runs breaks without anyone seeing it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Every bench with the arguments of its smallest run that still takes its main path
# (tests/test_benches_data.py checks that no bench is missing here).
SMOKE: dict[str, tuple[str, ...]] = {
    "bench_cases": ("--smoke",),
    "bench_cli_export": ("--cases", "50"),
    "bench_drafts": ("--smoke",),
    "bench_employees": ("--employees", "50", "--rows", "50"),
    "bench_inbox": ("--cases", "50", "--days", "2"),
    "bench_keystrokes": ("--smoke",),
    "bench_sandbox": ("--smoke",),
    "bench_server_bounds": ("--smoke",),
    "bench_startup": ("--smoke",),
    # Fewer cases than this and the no-change sync's fixed cost is over its 2% limit.
    "bench_sync": ("--cases", "1000", "--no-stock"),
    "bench_table": ("--smoke",),
}
# Split in two files, so that two workers share them: the data benches and the TUI's.
DATA = ("bench_cli_export", "bench_drafts", "bench_sandbox", "bench_server_bounds",
        "bench_sync")
TUI = tuple(name for name in sorted(SMOKE) if name not in DATA)
TIMEOUT_SECONDS = 600  # generous: on a busy machine a bench takes many times its usual time


def benches() -> list[str]:
    return sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))


def run_bench(name: str, folder: Path) -> str:
    """Run one bench at its smoke size in a fresh home; its output, or a failure with it."""
    env = {**os.environ, "IND_TUI_HOME": str(folder / "home"), "HOME": str(folder),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get(
               "PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "-m", f"bench.{name}", *SMOKE[name]], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                          check=False)
    assert proc.returncode == 0, f"{name} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    assert proc.stdout.strip(), f"{name} printed nothing"
    return proc.stdout
