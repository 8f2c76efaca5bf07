"""The sandbox server under hostile clients: does everyone else still get served?

One server process (`ind-tui sandbox serve --embedded`, the TUI's own default). Measured
twice in the same run: the latency of a normal request (GET /portal, p50/p95/max) and the
server's resident memory, first alone, then while one client sends a 50 MB body with its
size declared, one streams 50 MB chunked, and 100 connections trickle their headers in.
Also printed: how many bytes each large body got in before it was refused, and how long
the slow connections were held (the bounds: `ind_tui/sandbox/bounds.py`).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

API = "/api/v1"
REQUESTS = 200
SLOW_CONNECTIONS = 100
BIG = 50 * 1024 * 1024


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class MemoryWatch:
    """The server's peak RSS while it runs, sampled every 20 ms."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_kib(self.pid))
            self._stop.wait(0.02)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def latencies(url: str) -> list[float]:
    out = []
    with httpx.Client(base_url=url, timeout=30) as http:
        for _ in range(REQUESTS):
            start = time.perf_counter()
            assert http.get(f"{API}/portal").status_code == 200
            out.append((time.perf_counter() - start) * 1000)
    return out


def connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    return socket.create_connection((parts.hostname or "", parts.port or 0), timeout=60)


def big_body(url: str, chunked: bool, result: dict[str, object]) -> None:
    """Send 50 MB as fast as the server takes it; note what got in and the answer."""
    start, sent = time.perf_counter(), 0
    with connect(url) as sock:
        framing = ("Transfer-Encoding: chunked" if chunked else f"Content-Length: {BIG}")
        sock.sendall(f"POST {API}/auth/device HTTP/1.1\r\nHost: b\r\n"
                     f"Content-Type: application/json\r\n{framing}\r\n\r\n".encode())
        piece = b" " * 65536
        frame = b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece
        try:
            while sent < BIG:
                sock.sendall(frame)
                sent += len(piece)
        except OSError:
            pass  # refused and closed by the server
        try:
            answer = sock.recv(200).split(b"\r\n", 1)[0].decode()
        except OSError:
            answer = "(connection reset)"
    result.update(sent=sent, answer=answer, seconds=time.perf_counter() - start)


def slow_headers(url: str, held: list[float]) -> None:
    """Open a connection and send one header line every half second until cut."""
    start = time.perf_counter()
    with connect(url) as sock:
        try:
            sock.sendall(f"GET {API}/portal HTTP/1.1\r\nHost: s\r\n".encode())
            n = 0
            while time.perf_counter() - start < 60:
                sock.sendall(f"X-Slow-{n}: 1\r\n".encode())
                n += 1
                time.sleep(0.5)  # the slowness is the point of this client
        except OSError:
            pass
    held.append(time.perf_counter() - start)


def summary(name: str, ms: list[float], peak_kib: int) -> str:
    q = statistics.quantiles(ms, n=20)
    return (f"{name:<28} p50 {statistics.median(ms):6.1f} ms  p95 {q[18]:6.1f} ms  "
            f"max {max(ms):7.1f} ms  server peak RSS {peak_kib / 1024:6.1f} MiB")


def main() -> None:
    global REQUESTS, SLOW_CONNECTIONS, BIG
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--smoke", action="store_true",
                        help="a tiny run (2 MB bodies, 2 slow clients) that shows the bench "
                             "works; the slow ones are still held until the header deadline")
    if parser.parse_args().smoke:
        REQUESTS, SLOW_CONNECTIONS, BIG = 20, 2, 2 * 1024 * 1024
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ind_tui", "sandbox", "serve", "--embedded", "--port", "0",
             "--db", str(Path(tmp) / "bench.db")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ},
        )
        try:
            assert proc.stdout is not None
            url = json.loads(proc.stdout.readline())["url"]
            latencies(url)  # warm up
            with MemoryWatch(proc.pid) as quiet:
                alone = latencies(url)
            print(summary("alone", alone, quiet.peak))

            results: list[dict[str, object]] = [{}, {}]
            held: list[float] = []
            attackers = [threading.Thread(target=big_body, args=(url, c, r))
                         for c, r in ((False, results[0]), (True, results[1]))]
            attackers += [threading.Thread(target=slow_headers, args=(url, held))
                          for _ in range(SLOW_CONNECTIONS)]
            with MemoryWatch(proc.pid) as busy:
                for t in attackers:
                    t.start()
                under = latencies(url)
                for t in attackers:
                    t.join()
            mb = BIG // (1024 * 1024)
            print(summary(f"with {mb} MB x2 + {SLOW_CONNECTIONS} slow", under, busy.peak))
            for label, r in zip((f"{mb} MB declared", f"{mb} MB chunked"), results,
                                strict=True):
                print(f"{label:<28} answer {r['answer']!r}, {int(str(r['sent'])) / 1024:,.0f} "
                      f"KiB sent before the refusal, {float(str(r['seconds'])):.2f} s")
            print(f"{SLOW_CONNECTIONS} slow-header connections   held {min(held):.1f}-"
                  f"{max(held):.1f} s each (cut by the server's header deadline)")
            growth = (busy.peak - quiet.peak) / 1024
            print(f"memory growth under attack: {growth:+.1f} MiB; "
                  f"p95 latency {statistics.quantiles(alone, n=20)[18]:.1f} -> "
                  f"{statistics.quantiles(under, n=20)[18]:.1f} ms")
        finally:
            if proc.stdin is not None:
                proc.stdin.close()  # the embedded server stops when its stdin closes
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
