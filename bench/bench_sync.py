"""Benchmark: a first full sync of 100,000 cases into an empty local cache, then a no-change
sync, over a real socket (uvicorn on 127.0.0.1), with and without compressed transfer; beside
them the stock DataTable given the same number of cases (as in bench_cases.py), in this run.

Goals: first page stored (the list can show it) <= 0.5 s, full sync <= 4 s, no-change sync
<= 0.5 s. Wall time on a shared machine depends on its load, so CPU seconds are printed
too (client and server share this process). Fails (exit 1) if the cache does not hold what
the portal lists, or the no-change sync moves 2% or more of the full sync's bytes.

    python bench/bench_sync.py [--cases N] [--in-process] [--no-stock]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from ind_tui.client.client import PortalClient
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.local.cache import LocalCache
from ind_tui.sandbox.app import create_app
from ind_tui.sandbox.state import SandboxConfig
from ind_tui.services.sync import SyncReport, sync_cases

ADMIN = "bench-admin"
LIMIT = 0.02
GOALS = {"first": 0.5, "full": 4.0, "again": 0.5}


class Uncompressed(httpx.AsyncBaseTransport):
    """A client that does not accept gzip: what the same sync moves without it."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["Accept-Encoding"] = "identity"
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclass
class Run:
    full: SyncReport
    again: SyncReport
    first_page: float  # seconds from the start of the sync until the first page was stored
    cpu: float  # CPU seconds of the full sync (this process: client, and server if here)


async def one_run(url: str, transport: httpx.AsyncBaseTransport | None, cache_path: Path
                  ) -> Run:  # fmt: skip
    async with PortalClient(url, transport=transport) as client:
        device = await client.start_login()
        await SandboxAdmin(client.http, ADMIN).approve(device.user_code, "sponsor-eh3")
        await client.finish_login(device)
        cache = LocalCache(cache_path)
        stored: list[float] = []
        started, cpu = time.perf_counter(), time.process_time()

        def progress(done: int, total: int) -> None:
            if not stored:
                stored.append(time.perf_counter() - started)

        full = await sync_cases(client, cache, "bench", progress=progress)
        cpu = time.process_time() - cpu
        again = await sync_cases(client, cache, "bench")
        cache.close()
    return Run(full, again, stored[0] if stored else full.seconds, cpu)


def stock_paint(cases: int, workdir: Path) -> float:
    """The stock DataTable's first paint of as many cases (bench_cases.py, in a child)."""
    from bench import bench_cases

    home = workdir / "stock"
    env_home = os.environ.get("IND_TUI_HOME")
    os.environ["IND_TUI_HOME"] = str(home)
    try:
        bench_cases.seed(cases)
    finally:
        if env_home is None:
            os.environ.pop("IND_TUI_HOME", None)
        else:
            os.environ["IND_TUI_HOME"] = env_home
    return float(bench_cases.run_child("stock", home)["paint"])


async def run(cases: int, in_process: bool, stock: bool, workdir: Path) -> int:
    config = SandboxConfig(db_path=workdir / "sandbox.db", extra_cases=cases, admin_token=ADMIN,
                           device_interval=0)  # fmt: skip
    started = time.perf_counter()
    embedded = None
    if in_process:
        app = create_app(config)
        url = "http://sandbox"
        gzip: httpx.AsyncBaseTransport | None = httpx.ASGITransport(app=app)
        plain = Uncompressed(httpx.ASGITransport(app=app))
    else:
        from ind_tui.sandbox.serve import start_embedded

        embedded = start_embedded(config=config)
        gzip, plain, url = None, Uncompressed(httpx.AsyncHTTPTransport()), embedded.url
    print(f"sandbox with {cases:,} extra cases ready in {time.perf_counter() - started:.1f} s"
          f" ({'in-process' if in_process else url})")  # fmt: skip
    try:
        with_gzip = await one_run(url, gzip, workdir / "cache-gzip.db")
        without = await one_run(url, plain, workdir / "cache-plain.db")
    finally:
        if embedded is not None:
            embedded.stop()
    stock_s = stock_paint(with_gzip.full.active, workdir) if stock else None
    return report(with_gzip, without, stock_s, cases, in_process)


def report(ours: Run, plain: Run, stock: float | None, cases: int, in_process: bool) -> int:
    full, again = ours.full, ours.again
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine load average {load} on {os.cpu_count()} cores (wall times suffer with it)")
    print(f"{'':30}{'wall s':>9}{'cpu s':>8}{'requests':>10}{'bytes':>14}{'cases':>9}"
          f"{'goal':>7}")
    rows = (
        ("first page stored", ours.first_page, None, None, None, None, GOALS["first"]),
        ("full sync (gzip)", full.seconds, ours.cpu, full.requests, full.bytes_received,
         full.received, GOALS["full"]),
        ("full sync (no gzip)", plain.full.seconds, plain.cpu, plain.full.requests,
         plain.full.bytes_received, plain.full.received, GOALS["full"]),
        ("no-change sync", again.seconds, None, again.requests, again.bytes_received,
         again.received, GOALS["again"]),
    )  # fmt: skip
    def cell(value: float | None, spec: str) -> str:
        return "-" if value is None else format(value, spec)

    for name, wall, cpu, requests, size, count, goal in rows:
        print(f"{name:30}{wall:>9.2f}{cell(cpu, '.2f'):>8}{cell(requests, 'd'):>10}"
              f"{cell(size, ',d'):>14}{cell(count, ',d'):>9}{goal:>7.1f}")
    if stock is not None:
        print(f"{'stock DataTable, first paint':30}{stock:>9.2f}   (the same {full.active:,} "
              "cases, already local)")
    saved = 1 - full.bytes_received / max(plain.full.bytes_received, 1)
    print(f"compressed transfer: {saved:.0%} fewer bytes "
          f"({'client and server share this process' if in_process else 'over a socket'})")
    print(f"cached cases: {full.active:,} (the portal lists {full.listed:,} of the {cases:,} "
          "seeded; the others are not listed for this account)")
    ratio = again.bytes_received / max(full.bytes_received, 1)
    print(f"no-change sync moved {ratio:.4%} of the full sync's bytes (limit {LIMIT:.0%})")
    met = {"first page": ours.first_page <= GOALS["first"], "full": full.seconds <= GOALS["full"],
           "no-change": again.seconds <= GOALS["again"]}  # fmt: skip
    print("goals: " + ", ".join(f"{k} {'met' if ok else 'MISSED'}" for k, ok in met.items()))
    if full.active != full.listed:
        print("FAIL: the cache does not hold what the portal lists", file=sys.stderr)
        return 1
    if not again.not_modified or ratio >= LIMIT:
        print("FAIL: the no-change sync moved too much", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--in-process", action="store_true",
                        help="talk to the app over ASGI instead of a socket")  # fmt: skip
    parser.add_argument("--no-stock", action="store_true",
                        help="leave out the stock DataTable beside it")  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ind-tui-bench-") as tmp:
        return asyncio.run(run(args.cases, args.in_process, not args.no_stock, Path(tmp)))


if __name__ == "__main__":
    raise SystemExit(main())
