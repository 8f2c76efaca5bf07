"""Benchmark: `ind-tui cases list --format csv|json` for 100,000 cases, streamed page by page.

The command's own code (`cli.cases._list_async`) against a sandbox over a real socket (uvicorn
on 127.0.0.1), writing to a file; reports seconds, rows, bytes, and the time to the first row
(what a pipe like `| head` waits for). Goal: 100,000 cases in 3 s or less.

    python bench/bench_cli_export.py [--cases N]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from ind_tui.cli.cases import _list_async
from ind_tui.client.client import PortalClient
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.sandbox.serve import start_embedded
from ind_tui.sandbox.state import SandboxConfig

ADMIN = "bench-admin"
GOAL_SECONDS = 3.0


class FirstWrite:
    """A file that notes when the first row (after the CSV header or the JSON bracket) went."""

    def __init__(self, target: IO[str]) -> None:
        self.target, self.writes, self.first_row_at = target, 0, 0.0

    def write(self, text: str) -> int:
        self.writes += 1
        if self.writes == 2:
            self.first_row_at = time.perf_counter()
        return self.target.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.target, name)


async def export(url: str, fmt: str, dialect: str, out: Path
                 ) -> tuple[float, float, float, int]:  # fmt: skip
    async with PortalClient(url) as client:
        device = await client.start_login()
        await SandboxAdmin(client.http, ADMIN).approve(device.user_code, "sponsor-eh3")
        await client.finish_login(device)
        # The options as `ind-tui --lang nl cases list --format FMT --csv-dialect D` sets them.
        args = argparse.Namespace(format=fmt, type_id=None, csv_dialect=dialect, lang="nl")
        with out.open("w", encoding="utf-8") as f:
            sink = FirstWrite(f)
            started, cpu = time.perf_counter(), time.process_time()
            with contextlib.redirect_stdout(sink):
                await _list_async(client, args, None)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    rows = sum(1 for _ in out.open(encoding="utf-8")) - 1 if fmt == "csv" else 0
    return seconds, cpu, sink.first_row_at - started, rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    cases = parser.parse_args().cases
    with tempfile.TemporaryDirectory(prefix="ind-bench-export-") as tmp:
        work = Path(tmp)
        config = SandboxConfig(db_path=work / "sandbox.db", extra_cases=cases,
                               admin_token=ADMIN, device_interval=0)  # fmt: skip
        started = time.perf_counter()
        embedded = start_embedded(config=config)
        print(f"sandbox with {cases:,} extra cases ready in "
              f"{time.perf_counter() - started:.1f} s ({embedded.url})")
        try:
            # CPU: both halves (the sandbox runs in a thread of this process).
            print(f"{'format':14}{'seconds':>10}{'cpu s':>8}{'first row':>11}{'rows':>10}"
                  f"{'bytes':>14}")
            for fmt, dialect in (("csv", "language"), ("csv", "neutral"), ("json", "language")):
                out = work / f"cases-{dialect}.{fmt}"
                seconds, cpu, first, rows = asyncio.run(export(embedded.url, fmt, dialect, out))
                shown = f"{rows:,}" if fmt == "csv" else "-"
                name = f"{fmt} ({dialect})" if fmt == "csv" else fmt
                print(f"{name:14}{seconds:>10.2f}{cpu:>8.2f}{first:>10.2f}s{shown:>10}"
                      f"{out.stat().st_size:>14,}")
                if fmt == "csv":
                    verdict = "met" if seconds <= GOAL_SECONDS else "MISSED"
                    print(f"goal: {cases:,} cases as CSV ({dialect}) in {GOAL_SECONDS:.0f} s "
                          f"or less: {verdict}")
        finally:
            embedded.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
