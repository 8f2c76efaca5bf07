"""Cold start to the first frame: ind-tui (embedded sandbox) against a minimal Textual app
(Header, Static, Footer), measured in the same run, samples interleaved so that machine load
affects both alike. Goal: ratio <= 1.3 (median against median).

Both programs start the same way (`python -m MODULE`), each sample in a fresh interpreter
with a fresh home (a first start creates files), from compiled bytecode, and the next sample
starts only once every process of the previous one (the sandbox child too) has ended.

- tmux: a real terminal of 120x40; the time runs from asking tmux to start the program until
  the screen holds a text of its first screen. One control-mode client asks tmux for the
  screen: polling with a new `tmux` process per look would take the CPU being measured.
- headless: the time runs from spawning the program until it reports its first frame.

`--samples N` sets how many samples each way takes (default 15); `--only tmux|headless`.
Exit status 1 when a ratio is over the goal.
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
POLL_SECONDS = 0.002
GIVE_UP_SECONDS = 30.0

MINIMAL_MODULE = "ind_tui_bench_minimal"
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
            self.call_after_refresh(self.ready)
    def ready(self):
        print("READY", file=sys.__stdout__, flush=True)
        self.exit()
Minimal().run(headless="--headless" in sys.argv)
"""

# ind-tui through its real entry point (`python -m ind_tui`), told to run headless and to
# report the frame its login screen marks as the first.
IND_TUI_HEADLESS = """
import runpy, sys
from ind_tui.tui.app import PortalApp
def ready(self):
    print("READY", file=sys.__stdout__, flush=True)
    self.exit()
run = PortalApp.run
PortalApp.first_frame = ready
PortalApp.run = lambda self, **kw: run(self, headless=True)
runpy.run_module("ind_tui", run_name="__main__", alter_sys=True)
"""

# What each program shows on its first screen (in English).
MINIMAL_TEXT = "Minimal app is up"
IND_TUI_TEXT = "Log in with eHerkenning"

# Compiled bytecode for both programs, as an installed package has it (some machines set
# PYTHONDONTWRITEBYTECODE, which would leave ind-tui compiling its source at every start).
WORK = Path(tempfile.mkdtemp(prefix="ind-tui-bench-"))
PYCACHE = WORK / "pycache"
(WORK / f"{MINIMAL_MODULE}.py").write_text(MINIMAL, encoding="utf-8")


def _env(home: str, minimal: bool) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(WORK) if minimal else "",
                                       os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "IND_TUI_HOME": home, "TERM": "xterm-256color",
           "COLORTERM": "truecolor", "PYTHONPYCACHEPREFIX": str(PYCACHE), "PYTHONPATH": path}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _group_alive(pgid: int) -> bool:
    """Whether any process of process group `pgid` is still running (Linux /proc)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return False
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 2 and fields[0] != "Z" and int(fields[2]) == pgid:
            return True
    return False


def _wait_gone(pgid: int) -> None:
    deadline = time.monotonic() + GIVE_UP_SECONDS
    while _group_alive(pgid):
        if time.monotonic() > deadline:
            raise RuntimeError(f"process group {pgid} still running")
        time.sleep(0.02)


def headless_sample(argv: list[str], minimal: bool) -> float:
    with tempfile.TemporaryDirectory(prefix="ind-tui-bench-") as home:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, env=_env(home, minimal), start_new_session=True)
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
        os.killpg(proc.pid, 9)
        proc.wait()
        _wait_gone(proc.pid)
    if "READY" not in line:
        raise RuntimeError("the app did not report its first frame")
    return elapsed


class Tmux:
    """A tmux server of its own (own socket), one detached 120x40 session, and one
    control-mode client that sends it commands."""

    def __init__(self) -> None:
        self.socket = f"ind-tui-bench-{os.getpid()}"
        subprocess.run(["tmux", "-L", self.socket, "new-session", "-d", "-x", "120", "-y",
                        "40", "-s", "bench", "sleep 3600"], check=True)
        self.client = subprocess.Popen(["tmux", "-L", self.socket, "-C", "attach", "-t",
                                        "bench"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, text=True, bufsize=1)
        assert self.client.stdout is not None
        for line in self.client.stdout:  # attached once tmux says which session it shows
            if line.startswith("%session-changed"):
                break
        self.command("refresh-client -f no-output")  # no copy of every byte the panes get
        self.count = 0

    def command(self, line: str) -> list[str]:
        """Send one command; its output lines (between %begin and %end)."""
        assert self.client.stdin is not None and self.client.stdout is not None
        self.client.stdin.write(line + "\n")
        self.client.stdin.flush()
        out: list[str] = []
        inside = False
        for raw in self.client.stdout:
            text = raw.rstrip("\n")
            if not inside:
                # Notifications (%window-add, ...) and the reply to attaching come first.
                inside = text.startswith("%begin ") and text.endswith(" 1")
                continue
            if text.startswith(("%end ", "%error ")):
                if text.startswith("%error "):
                    raise RuntimeError(f"tmux refused {line!r}: {out}")
                return out
            out.append(text)
        raise RuntimeError("the tmux control client stopped")

    def sample(self, argv: list[str], text: str, env: dict[str, str]) -> float:
        """Seconds from starting `argv` in a new window until `text` is on its screen."""
        self.count += 1
        window = f"bench:s{self.count}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items()
                           if k.startswith(("IND_TUI_", "PYTHON")) or k in ("TERM",
                                                                            "COLORTERM"))
        # A window gets the tmux server's environment: set and unset what matters here.
        program = f"exec env -u PYTHONDONTWRITEBYTECODE {exports} {shlex.join(argv)}"
        start = time.perf_counter()
        pid = int(self.command(f"new-window -d -P -F '#{{pane_pid}}' -t bench: "
                               f"-n s{self.count} {shlex.quote(program)}")[0])
        try:
            while text not in "\n".join(self.command(f"capture-pane -p -t {window}")):
                if time.perf_counter() - start > GIVE_UP_SECONDS:
                    raise RuntimeError(f"{text!r} did not show within {GIVE_UP_SECONDS:.0f} s")
                time.sleep(POLL_SECONDS)
            return time.perf_counter() - start
        finally:
            self.command(f"kill-window -t {window}")
            _wait_gone(pid)  # the next sample starts on a quiet machine

    def close(self) -> None:
        if self.client.stdin is not None:
            self.client.stdin.close()
        self.client.wait()
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def interleaved(samples: int, minimal: Callable[[], float], ours: Callable[[], float]
                ) -> tuple[list[float], list[float]]:
    mins: list[float] = []
    our: list[float] = []
    for _ in range(samples):
        mins.append(minimal())
        our.append(ours())
    return mins, our


def _spread(values: list[float]) -> str:
    q = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return (f"median {statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f}, "
            f"quartiles {q[0] * 1000:.0f}-{q[2] * 1000:.0f}, max {max(values) * 1000:.0f})")


def report(way: str, minimal: list[float], ours: list[float]) -> float:
    ratio = statistics.median(ours) / statistics.median(minimal)
    pairs = sorted(o / m for m, o in zip(minimal, ours, strict=True))
    print(f"[{way}] minimal Textual app, first frame: {_spread(minimal)}")
    print(f"[{way}] ind-tui (embedded sandbox), first frame: {_spread(ours)}")
    print(f"[{way}] ratio of medians: {ratio:.2f} (goal <= {GOAL}); per pair: median "
          f"{statistics.median(pairs):.2f}, min {pairs[0]:.2f}, max {pairs[-1]:.2f}")
    return ratio


def in_tmux(samples: int) -> float:
    tmux = Tmux()

    def one(argv: list[str], text: str, minimal: bool) -> Callable[[], float]:
        def run() -> float:
            with tempfile.TemporaryDirectory(prefix="ind-tui-bench-") as home:
                return tmux.sample(argv, text, _env(home, minimal))
        return run

    try:
        minimal = one([sys.executable, "-m", MINIMAL_MODULE], MINIMAL_TEXT, True)
        ours = one([sys.executable, "-m", "ind_tui", "--lang", "en"], IND_TUI_TEXT, False)
        minimal(), ours()  # warm the file cache and compile the bytecode; not counted
        return report("tmux", *interleaved(samples, minimal, ours))
    finally:
        tmux.close()


def headless(samples: int) -> float:
    def minimal() -> float:
        return headless_sample([sys.executable, "-m", MINIMAL_MODULE, "--headless"], True)

    def ours() -> float:
        return headless_sample([sys.executable, "-c", IND_TUI_HEADLESS, "--lang", "en"],
                               False)

    minimal(), ours()  # warm-up; not counted
    return report("headless", *interleaved(samples, minimal, ours))


def import_costs() -> None:
    code = "import time; t = time.perf_counter(); import {0}; print(time.perf_counter() - t)"
    modules = ("textual.app", "ind_tui.cli", "ind_tui.tui.app", "ind_tui.client.client",
               "ind_tui.sandbox.app")
    for module in modules:
        out = subprocess.run([sys.executable, "-c", code.format(module)], capture_output=True,
                             text=True, check=True,
                             env=_env(tempfile.gettempdir(), False)).stdout
        print(f"import {module}: {float(out) * 1000:.0f} ms")


def main() -> int:
    try:
        return _main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)


def _main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--samples", type=int, default=15)
    parser.add_argument("--only", choices=("tmux", "headless"))
    parser.add_argument("--smoke", action="store_true",
                        help="one headless sample each way, to show the bench works; the "
                             "ratio is printed but not judged (one sample says little)")
    args = parser.parse_args()
    if args.smoke:
        args.samples, args.only = 1, "headless"
    ratios: list[float] = []
    if args.only != "headless":
        if shutil.which("tmux") is None:
            print("[tmux] skipped: tmux is not installed")
        else:
            ratios.append(in_tmux(args.samples))
    if args.only != "tmux":
        ratios.append(headless(args.samples))
    import_costs()
    return 1 if not args.smoke and any(r > GOAL for r in ratios) else 0


if __name__ == "__main__":
    sys.exit(main())
