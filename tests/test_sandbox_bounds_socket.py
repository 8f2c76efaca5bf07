"""The server's bounds over a real socket (uvicorn in a thread): large bodies refused before
they are read, slow clients cut, and the log free of tracebacks for clients that left."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from ind_tui.sandbox.bounds import ServerBounds
from ind_tui.sandbox.serve import EmbeddedSandbox, start_embedded
from ind_tui.sandbox.state import SandboxConfig
from tests.conftest import ADMIN_TOKEN, API

# Short server bounds so a test sees a cut soon; the waits below are generous.
BOUNDS = replace(ServerBounds(), header_seconds=0.5, body_seconds=0.5, keep_alive_seconds=1)
PATIENCE = 30.0


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EmbeddedSandbox]:
    config = SandboxConfig(db_path=tmp_path / "s.db", admin_token=ADMIN_TOKEN,
                           device_interval=0, bounds=BOUNDS)
    sb = start_embedded(config=config)
    try:
        yield sb
    finally:
        sb.stop()


def _connect(server: EmbeddedSandbox) -> socket.socket:
    parts = urlsplit(server.url)
    sock = socket.create_connection((parts.hostname or "", parts.port or 0), timeout=PATIENCE)
    return sock


def _read_until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (bounded by PATIENCE)."""
    data = b""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    else:
        raise AssertionError("the server kept the connection open")
    return data


def test_a_50_mb_body_is_refused_before_it_is_sent(server: EmbeddedSandbox) -> None:
    with _connect(server) as sock:
        sock.sendall(f"POST {API}/auth/device HTTP/1.1\r\nHost: t\r\n"
                     "Content-Type: application/json\r\n"
                     f"Content-Length: {50 * 1024 * 1024}\r\n\r\n".encode())
        answer = _read_until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b'"code":"request_too_large"' in answer


def test_headers_that_trickle_in_are_cut(server: EmbeddedSandbox) -> None:
    with _connect(server) as sock:
        sock.sendall(f"GET {API}/portal HTTP/1.1\r\nHost: t\r\n".encode())
        sock.sendall(b"X-Slow: 1\r\n")  # and the end of the headers never comes
        assert _read_until_closed(sock) == b""


def test_many_slow_connections_do_not_stop_others(server: EmbeddedSandbox) -> None:
    slow = [_connect(server) for _ in range(100)]
    try:
        for sock in slow:
            sock.sendall(f"GET {API}/portal HTTP/1.1\r\nHost: t\r\n".encode())
        r = httpx.get(f"{server.url}{API}/portal", timeout=PATIENCE)
        assert r.status_code == 200
        for sock in slow:
            assert _read_until_closed(sock) == b""
    finally:
        for sock in slow:
            sock.close()


def test_a_body_that_trickles_in_is_cut(server: EmbeddedSandbox) -> None:
    with _connect(server) as sock:
        sock.sendall(f"POST {API}/auth/device HTTP/1.1\r\nHost: t\r\n"
                     "Content-Type: application/json\r\nContent-Length: 40\r\n\r\n"
                     '{"client_id": '.encode())  # and the rest never comes
        answer = _read_until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert b'"code":"request_timeout"' in answer


def test_a_client_that_leaves_mid_upload_leaves_no_traceback(
        server: EmbeddedSandbox, caplog: pytest.LogCaptureFixture) -> None:
    token = _login(server)
    uvicorn_log = logging.getLogger("uvicorn.error")  # it does not propagate to the root
    uvicorn_log.addHandler(caplog.handler)
    self_check = len(caplog.records)
    with _connect(server) as sock:
        sock.sendall(f"POST {API}/documents HTTP/1.1\r\nHost: t\r\n"
                     f"Authorization: Bearer {token}\r\nContent-Type: application/pdf\r\n"
                     "Content-Length: 100000\r\n\r\n%PDF-1.4\n".encode())
    try:
        # The server's loop meets the closed connection at once; requests made after it, on
        # new connections, take several turns of that loop, so by their answers it is done.
        for _ in range(3):
            assert httpx.get(f"{server.url}{API}/portal", timeout=PATIENCE).status_code == 200
    finally:
        uvicorn_log.removeHandler(caplog.handler)
    assert [r.getMessage() for r in caplog.records[self_check:]
            if r.levelno >= logging.ERROR] == []


def _login(server: EmbeddedSandbox) -> str:
    with httpx.Client(base_url=server.url, timeout=PATIENCE) as http:
        start = http.post(f"{API}/auth/device", json={"client_id": "t"}).json()
        http.post(f"{API}/sandbox/identities/approve",
                  headers={"X-Sandbox-Admin-Token": ADMIN_TOKEN},
                  json={"user_code": start["user_code"], "identity": "sponsor-eh3"})
        tokens = http.post(f"{API}/auth/token", json={
            "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
            "device_code": start["device_code"], "client_id": "t"}).json()
    return str(tokens["access_token"])
