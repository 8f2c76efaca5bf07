"""Cold start to the first interactive frame: ind-tui (embedded sandbox) against a minimal
Textual app (header, static, footer), measured in the same run. Goal: ratio <= 1.3.

Each sample is a fresh interpreter; the time runs from spawning it until the app has
painted its first screen and says so on stdout.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

SAMPLES = 7

MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Header, Static
class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("hello")
        yield Footer()
    def on_mount(self):
        self.call_after_refresh(lambda: (print("READY", flush=True), self.exit()))
Minimal().run(headless=True)
"""

IND_TUI = """
from ind_tui.cli.tui import build_app
from ind_tui.tui.app import PortalApp
class Timed(PortalApp):
    def first_frame(self):
        print("READY", flush=True)
build_app(None, None, "en", app_class=Timed).run(headless=True)
"""


def sample(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.kill()
    proc.wait()
    if "READY" not in line:
        raise RuntimeError("the app did not report its first frame")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "IND_TUI_HOME": home, "IND_TUI_TOKEN_STORE": "memory"}
        sample(IND_TUI, env)  # first run seeds the sandbox database; not counted
        minimal, ours = [], []
        for _ in range(SAMPLES):  # interleaved, so machine load affects both alike
            minimal.append(sample(MINIMAL, env))
            ours.append(sample(IND_TUI, env))
    m, o = statistics.median(minimal), statistics.median(ours)
    print(f"minimal Textual app, first frame: median {m * 1000:.0f} ms")
    print(f"ind-tui (embedded sandbox), first frame: median {o * 1000:.0f} ms")
    print(f"ratio: {o / m:.2f} (goal <= 1.3)")
    code = "import time, sys; t = time.perf_counter(); import {0}; print(time.perf_counter() - t)"
    modules = ("textual.app", "ind_tui.tui.app", "ind_tui.client.client", "ind_tui.sandbox.app")
    for module in modules:
        out = subprocess.run([sys.executable, "-c", code.format(module)], capture_output=True,
                             text=True, env=env, check=True).stdout
        print(f"import {module}: {float(out) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
