"""Sandbox API at scale: 100,000 cases for one sponsor, a client on loopback.

Prints: seeding time, p50/p95/max latency for one page of 100 cases (goal p95 <= 20 ms),
and what a conditional request for an unchanged list costs (goal: 304, no body).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from ind_tui.sandbox.serve import start_embedded
from ind_tui.sandbox.state import SandboxConfig

CASES = 100_000
REQUESTS = 300
API = "/api/v1"


def login(http: httpx.Client, admin: str) -> dict[str, str]:
    start = http.post(f"{API}/auth/device", json={"client_id": "bench"}).json()
    http.post(f"{API}/sandbox/identities/approve", headers={"X-Sandbox-Admin-Token": admin},
              json={"user_code": start["user_code"], "identity": "sponsor-eh3"})
    token = http.post(f"{API}/auth/token", json={
        "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        "device_code": start["device_code"], "client_id": "bench"}).json()
    return {"Authorization": f"Bearer {token['access_token']}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--smoke", action="store_true",
                        help="a tiny run (100 cases, 20 requests) that shows the bench works")
    cases, requests = (100, 20) if parser.parse_args().smoke else (CASES, REQUESTS)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        sb = start_embedded(config=SandboxConfig(db_path=Path(tmp) / "bench.db",
                                                 extra_cases=cases, device_interval=0))
        seeded = time.perf_counter() - t0
        print(f"seed + start with {cases:,} extra cases: {seeded:.1f} s")
        try:
            with httpx.Client(base_url=sb.url) as http:
                auth = login(http, sb.admin_token)
                first = http.get(f"{API}/cases", headers=auth, params={"limit": 100})
                total = first.json()["total"]
                # Collect real page cursors spread over the whole list.
                zaak = [c["zaaknummer"] for c in http.get(
                    f"{API}/cases", headers=auth, params={"limit": 1000}).json()["items"]]
                rng = random.Random(1)
                cursors = [None, *rng.sample(zaak, 50)]
                timings = []
                for n in range(requests):
                    params: dict[str, object] = {"limit": 100}
                    cursor = cursors[n % len(cursors)]
                    if cursor:
                        params["after"] = cursor
                    start = time.perf_counter()
                    r = http.get(f"{API}/cases", headers=auth, params=params)
                    timings.append((time.perf_counter() - start) * 1000)
                    assert r.status_code == 200
                timings.sort()
                p95 = timings[int(len(timings) * 0.95) - 1]
                print(f"listed cases visible to the sponsor: {total:,}")
                print(f"page of 100 ({requests} requests): p50 {statistics.median(timings):.1f} ms"
                      f"  p95 {p95:.1f} ms  max {timings[-1]:.1f} ms  (goal p95 <= 20 ms)")
                etag = first.headers["etag"]
                start = time.perf_counter()
                cond = http.get(f"{API}/cases", headers={**auth, "If-None-Match": etag},
                                params={"limit": 100})
                ms = (time.perf_counter() - start) * 1000
                print(f"conditional request, unchanged list: {cond.status_code}, "
                      f"{len(cond.content)} body bytes (full page: {len(first.content):,} bytes), "
                      f"{ms:.1f} ms")
        finally:
            sb.stop()


if __name__ == "__main__":
    main()
