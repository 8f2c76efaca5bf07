"""Benchmark: full sync of 100,000 cases into the local cache, then a no-change re-sync.

Reports seconds and bytes received for each, over a real socket (uvicorn on 127.0.0.1).
Fails (exit 1) if the no-change re-sync moves 2% or more of the full sync's bytes.

    python bench/bench_sync.py [--cases N] [--in-process]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

import httpx

from ind_tui.client.client import PortalClient
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.local.cache import LocalCache
from ind_tui.sandbox.app import create_app
from ind_tui.sandbox.state import SandboxConfig
from ind_tui.services.sync import sync_cases

ADMIN = "bench-admin"
LIMIT = 0.02


async def run(cases: int, in_process: bool, workdir: Path) -> int:
    config = SandboxConfig(db_path=workdir / "sandbox.db", extra_cases=cases, admin_token=ADMIN,
                           device_interval=0)  # fmt: skip
    started = time.perf_counter()
    embedded = None
    if in_process:
        transport: httpx.AsyncBaseTransport | None = httpx.ASGITransport(app=create_app(config))
        url = "http://sandbox"
    else:
        from ind_tui.sandbox.serve import start_embedded

        embedded = start_embedded(config=config)
        transport, url = None, embedded.url
    print(f"sandbox with {cases:,} extra cases ready in {time.perf_counter() - started:.1f} s"
          f" ({'in-process' if in_process else url})")  # fmt: skip
    try:
        async with PortalClient(url, transport=transport) as client:
            device = await client.start_login()
            await SandboxAdmin(client.http, ADMIN).approve(device.user_code, "sponsor-eh3")
            await client.finish_login(device)
            cache = LocalCache(workdir / "cache.db")
            full = await sync_cases(client, cache, "bench")
            again = await sync_cases(client, cache, "bench")
    finally:
        if embedded is not None:
            embedded.stop()
    ratio = again.bytes_received / max(full.bytes_received, 1)
    print(f"{'':14}{'seconds':>10}{'requests':>10}{'bytes':>14}{'cases':>10}")
    for name, r in (("full sync", full), ("no-change", again)):
        print(f"{name:14}{r.seconds:>10.2f}{r.requests:>10}{r.bytes_received:>14,}"
              f"{r.received:>10,}")  # fmt: skip
    print(f"cached cases: {full.active:,} (the portal lists {full.listed:,} of the "
          f"{cases:,} seeded; the others are not listed for this account)")
    print(f"re-sync moved {ratio:.4%} of the full sync's bytes "
          f"(limit {LIMIT:.0%})")  # fmt: skip
    if full.active != full.listed:
        print("FAIL: the cache does not hold what the portal lists", file=sys.stderr)
        return 1
    if not again.not_modified or ratio >= LIMIT:
        print("FAIL: the no-change re-sync moved too much", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--in-process", action="store_true",
                        help="talk to the app over ASGI instead of a socket")  # fmt: skip
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ind-tui-bench-") as tmp:
        return asyncio.run(run(args.cases, args.in_process, Path(tmp)))


if __name__ == "__main__":
    raise SystemExit(main())
