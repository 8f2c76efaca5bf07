"""ind-tui in a real terminal (tmux) against `ind-tui sandbox serve`, driven by keys alone."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
ADMIN = "terminal-test-admin"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "ind_tui", "sandbox", "serve", "--port", "0", "--clock", "frozen",
         "--db", str(tmp_path / "served.db"), "--admin-token", ADMIN],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    assert proc.stdout is not None
    match = re.search(r"(http://127\.0\.0\.1:\d+)", proc.stdout.readline())
    assert match
    url = match.group(1)
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{url}/api/v1/portal", timeout=5)
            break
        except httpx.TransportError:
            assert time.monotonic() < deadline, "the served sandbox did not answer"
            time.sleep(0.05)
    yield url
    proc.terminate()
    proc.wait(10)


class Terminal:
    def __init__(self, name: str) -> None:
        self.name = name

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True, check=False).stdout

    def keys(self, *keys: str) -> None:
        for key in keys:  # one at a time, as a person types
            subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)
            time.sleep(0.05)

    def wait_for(self, text: str, seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{self.screen()}")


def test_login_by_keys_in_a_real_terminal(served: str, tmp_path: Path) -> None:
    name = f"ind-tui-test-{uuid.uuid4().hex[:8]}"
    # A tmux session gets the tmux server's environment, so the settings go on the command.
    settings = {"IND_TUI_HOME": str(tmp_path / "home"), "IND_TUI_SANDBOX_ADMIN_TOKEN": ADMIN,
                "IND_TUI_TOKEN_STORE": "memory", "TERM": "xterm-256color"}
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in settings.items())
    command = (f"env {env} {shlex.quote(sys.executable)} -m ind_tui --portal {served} "
               "--lang en; echo EXITED-$?; sleep 5")
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command],
                   check=True)
    term = Terminal(name)
    try:
        term.wait_for("Sandbox test identities")
        term.wait_for("Your code:")
        term.keys("/")
        for ch in "sponsor-eh3":
            term.keys(ch)
        term.keys("Enter", "Enter")
        screen = term.wait_for("Welcome, Anna de Vries")
        assert "Noordzee Technology B.V." in screen and "SANDBOX" in screen
        assert served.removeprefix("http://") in screen  # the portal address is on screen
        term.keys("5")
        term.wait_for("Account information")
        term.wait_for("KvK number:   12345678")  # loaded from the portal, not just the title
        term.keys("Escape")
        term.wait_for("Welcome, Anna de Vries")
        term.keys("C-q")
        term.wait_for("EXITED-0")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False)
