"""Cold start to the first frame: ind-tui (embedded sandbox) against a minimal Textual app
(Header, Static, Footer), measured in the same run, samples interleaved so that machine load
affects both alike. Goal: ratio <= 1.3 (median against median).

Two ways, each sample a fresh interpreter and a fresh home (a first start creates files):
- tmux: a real terminal of 120x40; the time runs from asking tmux to start the program until
  `tmux capture-pane` shows a text of its first screen.
- headless: the time runs from spawning the program until it reports its first frame on stdout.

`--samples N` sets how many samples each way takes (default 9); `--only tmux|headless`.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GOAL = 1.3
POLL_SECONDS = 0.003
GIVE_UP_SECONDS = 30.0

MINIMAL = """
import sys
from textual.app import App
from textual.widgets import Footer, Header, Static
class Minimal(App):
    def compose(self):
        yield Header()
        yield Static("Minimal app is up")
        yield Footer()
    def on_mount(self):
        if "--headless" in sys.argv:
            self.call_after_refresh(lambda: (print("READY", flush=True), self.exit()))
Minimal().run(headless="--headless" in sys.argv)
"""

IND_TUI_HEADLESS = """
from ind_tui.cli.tui import build_app
from ind_tui.tui.app import PortalApp
class Timed(PortalApp):
    def first_frame(self):
        print("READY", flush=True)
        self.exit()
build_app(None, None, "en", app_class=Timed).run(headless=True)
"""

# What each program shows on its first screen (in English).
MINIMAL_TEXT = "Minimal app is up"
IND_TUI_TEXT = "Log in with eHerkenning"


# Compiled bytecode for both programs, as an installed package has it (some machines set
# PYTHONDONTWRITEBYTECODE, which would leave ind-tui compiling its source at every start).
PYCACHE = tempfile.mkdtemp(prefix="ind-tui-bench-pycache-")


def _env(home: str) -> dict[str, str]:
    env = {**os.environ, "IND_TUI_HOME": home, "IND_TUI_TOKEN_STORE": "memory",
           "TERM": "xterm-256color", "COLORTERM": "truecolor", "PYTHONPYCACHEPREFIX": PYCACHE}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def headless_sample(code: str) -> float:
    with tempfile.TemporaryDirectory(prefix="ind-tui-bench-") as home:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, "--headless"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                env=_env(home))
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        proc.kill()
        proc.wait()
    if "READY" not in line:
        raise RuntimeError("the app did not report its first frame")
    return elapsed


class Tmux:
    """A tmux server of its own (own socket), one detached 120x40 session."""

    def __init__(self) -> None:
        self.socket = f"ind-tui-bench-{os.getpid()}"
        self._run("new-session", "-d", "-x", "120", "-y", "40", "-s", "bench", "sleep 3600")
        self.count = 0

    def _run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=True).stdout

    def sample(self, argv: list[str], text: str, home: str) -> float:
        """Seconds from starting `argv` in a new window until `text` is on its screen."""
        self.count += 1
        window = f"bench:s{self.count}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in _env(home).items()
                           if k.startswith(("IND_TUI_", "PYTHON")))
        # A window gets the tmux server's environment: set and unset what matters here.
        command = f"env -u PYTHONDONTWRITEBYTECODE {exports} {shlex.join(argv)}"
        start = time.perf_counter()
        self._run("new-window", "-d", "-t", "bench:", "-n", f"s{self.count}", command)
        try:
            while text not in self._run("capture-pane", "-p", "-t", window):
                if time.perf_counter() - start > GIVE_UP_SECONDS:
                    raise RuntimeError(f"{text!r} did not show within {GIVE_UP_SECONDS:.0f} s")
                time.sleep(POLL_SECONDS)
            return time.perf_counter() - start
        finally:
            self._run("kill-window", "-t", window)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def interleaved(samples: int, minimal: Callable[[], float], ours: Callable[[], float]
                ) -> tuple[list[float], list[float]]:
    mins: list[float] = []
    our: list[float] = []
    for _ in range(samples):
        mins.append(minimal())
        our.append(ours())
    return mins, our


def report(way: str, minimal: list[float], ours: list[float]) -> float:
    m, o = statistics.median(minimal), statistics.median(ours)
    ratio = o / m
    print(f"[{way}] minimal Textual app, first frame: median {m * 1000:.0f} ms "
          f"(min {min(minimal) * 1000:.0f})")
    print(f"[{way}] ind-tui (embedded sandbox), first frame: median {o * 1000:.0f} ms "
          f"(min {min(ours) * 1000:.0f})")
    print(f"[{way}] ratio: {ratio:.2f} (goal <= {GOAL})")
    return ratio


def in_tmux(samples: int) -> float:
    tmux = Tmux()
    script = Path(tempfile.mkdtemp(prefix="ind-tui-bench-")) / "minimal.py"
    script.write_text(MINIMAL, encoding="utf-8")

    def one(argv: list[str], text: str) -> Callable[[], float]:
        def run() -> float:
            with tempfile.TemporaryDirectory(prefix="ind-tui-bench-") as home:
                return tmux.sample(argv, text, home)
        return run

    try:
        minimal = one([sys.executable, str(script)], MINIMAL_TEXT)
        ours = one([sys.executable, "-m", "ind_tui", "--lang", "en"], IND_TUI_TEXT)
        minimal(), ours()  # warm the file cache; not counted
        return report("tmux", *interleaved(samples, minimal, ours))
    finally:
        tmux.close()
        shutil.rmtree(script.parent, ignore_errors=True)


def headless(samples: int) -> float:
    headless_sample(MINIMAL), headless_sample(IND_TUI_HEADLESS)  # warm-up; not counted
    return report("headless", *interleaved(samples, lambda: headless_sample(MINIMAL),
                                           lambda: headless_sample(IND_TUI_HEADLESS)))


def import_costs() -> None:
    code = "import time; t = time.perf_counter(); import {0}; print(time.perf_counter() - t)"
    modules = ("textual.app", "ind_tui.cli", "ind_tui.tui.app", "ind_tui.client.client",
               "ind_tui.sandbox.app")
    for module in modules:
        out = subprocess.run([sys.executable, "-c", code.format(module)], capture_output=True,
                             text=True, check=True, env=_env(tempfile.gettempdir())).stdout
        print(f"import {module}: {float(out) * 1000:.0f} ms")


def main() -> None:
    try:
        _main()
    finally:
        shutil.rmtree(PYCACHE, ignore_errors=True)


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--samples", type=int, default=9)
    parser.add_argument("--only", choices=("tmux", "headless"))
    args = parser.parse_args()
    if args.only != "headless":
        if shutil.which("tmux") is None:
            print("[tmux] skipped: tmux is not installed")
        else:
            in_tmux(args.samples)
    if args.only != "tmux":
        headless(args.samples)
    import_costs()


if __name__ == "__main__":
    main()
