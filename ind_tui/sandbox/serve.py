"""Run the sandbox over a real socket: in a background thread (tests, benchmarks) or in the
foreground (`ind-tui sandbox serve`, also the embedded default's child process)."""

from __future__ import annotations

import asyncio
import json
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from ind_tui.sandbox.app import create_app
from ind_tui.sandbox.bounds import ServerBounds
from ind_tui.sandbox.state import Sandbox, SandboxConfig


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only then,
    # and without it keep-alive requests wait ~40 ms on delayed ACKs.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


def url_for(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class _HeadersInTime(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request's line and headers: uvicorn
    closes a connection idle between requests, but not one whose headers trickle in."""

    header_seconds = 10.0
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        super().connection_lost(exc)

    def _arm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
        self._header_timer = self.loop.call_later(self.header_seconds, self._headers_late)

    def _headers_late(self) -> None:
        # IDLE: h11 has not yet seen a whole request head since the last answer.
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def _server(app: FastAPI, bounds: ServerBounds, *, log_level: str = "warning",
            access_log: bool = False) -> uvicorn.Server:
    """The one uvicorn setup, bounded, for every way the sandbox is served."""
    protocol = type("HeadersInTime", (_HeadersInTime,), {"header_seconds": bounds.header_seconds})
    # No Date header from uvicorn: the app stamps the sandbox clock's time instead.
    return uvicorn.Server(uvicorn.Config(
        app, log_level=log_level, access_log=access_log, lifespan="off", date_header=False,
        http=protocol, timeout_keep_alive=max(1, round(bounds.keep_alive_seconds)),
        h11_max_incomplete_event_size=bounds.max_header_bytes,
        limit_concurrency=bounds.max_connections,
    ))


@dataclass
class EmbeddedSandbox:
    url: str
    admin_token: str
    sandbox: Sandbox
    _server: uvicorn.Server
    _thread: threading.Thread

    def stop(self, timeout: float = 5.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)


def start_embedded(
    db_path: Path | None = None, config: SandboxConfig | None = None, host: str = "127.0.0.1",
    port: int = 0, startup_timeout: float = 30.0,
) -> EmbeddedSandbox:
    """Start on `host`, a free port unless given; returns once it accepts connections."""
    if config is None:
        if db_path is None:
            raise ValueError("start_embedded needs db_path or config")
        # A short poll interval: the TUI's identity picker approves within a second.
        config = SandboxConfig(db_path=db_path, clock_running=True, device_interval=2)
    sock = _bind(host, port)
    app = create_app(config)
    sandbox: Sandbox = app.state.sandbox
    sandbox.bound_url = url_for(sock)
    server = _server(app, config.bounds)
    # uvicorn leaves signal handling to the main thread when run in another thread.
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                              name="ind-tui-sandbox", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the embedded sandbox did not start")
        time.sleep(0.01)
    return EmbeddedSandbox(sandbox.bound_url, config.admin_token, sandbox, server, thread)


def serve_forever(config: SandboxConfig, host: str, port: int) -> None:
    """Foreground server for `ind-tui sandbox serve` (Ctrl+C stops it)."""
    sock = _bind(host, port)
    app = create_app(config)
    app.state.sandbox.bound_url = url_for(sock)
    print(f"ind-tui sandbox portal on {url_for(sock)}  (API {url_for(sock)}/api/v1)")
    print(f"database: {config.db_path}")
    print(f"sandbox admin token: {config.admin_token}")
    print("eHerkenning test page: " f"{url_for(sock)}/eherkenning", flush=True)
    _server(app, config.bounds, log_level="info", access_log=True).run(sockets=[sock])


def serve_embedded(config: SandboxConfig, host: str = "127.0.0.1", port: int = 0) -> None:
    """The TUI's embedded default, run as its child process: one JSON line with the address
    on stdout once it accepts connections; stops when stdin closes (the app ended or died)."""
    sock = _bind(host, port)
    app = create_app(config)
    app.state.sandbox.bound_url = url_for(sock)
    server = _server(app, config.bounds)

    def announce() -> None:
        while not server.started:
            if server.should_exit:
                return
            time.sleep(0.01)
        sys.stdout.write(json.dumps({"url": url_for(sock)}) + "\n")
        sys.stdout.flush()

    def watch_parent() -> None:
        sys.stdin.buffer.read()  # returns at EOF: the parent closed the pipe or is gone
        server.should_exit = True

    threading.Thread(target=announce, daemon=True).start()
    threading.Thread(target=watch_parent, daemon=True).start()
    server.run(sockets=[sock])
