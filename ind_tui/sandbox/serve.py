"""Run the sandbox over a real socket: in a background thread (tests, benchmarks) or in the
foreground (`ind-tui sandbox serve`, also the embedded default's child process)."""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from ind_tui.sandbox.app import create_app
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
    # No Date header from uvicorn: the app stamps the sandbox clock's time instead.
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           lifespan="off", date_header=False))
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
    uvicorn.Server(uvicorn.Config(app, log_level="info", lifespan="off", date_header=False)
                   ).run(sockets=[sock])


def serve_embedded(config: SandboxConfig, host: str = "127.0.0.1", port: int = 0) -> None:
    """The TUI's embedded default, run as its child process: one JSON line with the address
    on stdout once it accepts connections; stops when stdin closes (the app ended or died)."""
    sock = _bind(host, port)
    app = create_app(config)
    app.state.sandbox.bound_url = url_for(sock)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False,
                                           lifespan="off", date_header=False))

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
