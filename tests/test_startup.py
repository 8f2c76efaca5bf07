"""What the first frame waits for: `ind-tui` started as a user starts it (`python -m ind_tui`,
a fresh home), run headless until the login screen is on the terminal, and what had been
imported and parsed by then. `bench/bench_startup.py` measures the time; this guards the
deferrals it relies on, without a clock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

# Stops the real entry point at the first frame and reports what the process holds then.
PROBE = """
import json, runpy, sys
from textual import events
from ind_tui.tui.app import SCREENS_CSS, PortalApp

ready = []
on_event = PortalApp.on_event

async def noting_ready(self, event):
    if isinstance(event, events.Ready):  # Textual: its start is over, the first frame drawn
        ready.append(True)
    await on_event(self, event)

def first_frame(self):
    screen = self.screen
    print(json.dumps({
        "modules": sorted(sys.modules),
        "screen": type(screen).__name__,
        "title_shown": bool(screen.query_one(".title").region.area),
        "screens_css": self.stylesheet.has_source(str(SCREENS_CSS)),
        "focused": self.focused is not None,
        "ready": bool(ready),
    }), file=sys.__stdout__, flush=True)
    self.exit()

run = PortalApp.run
PortalApp.first_frame = first_frame
PortalApp.on_event = noting_ready
PortalApp.run = lambda self, **kw: run(self, headless=True)
runpy.run_module("ind_tui", run_name="__main__", alter_sys=True)
"""

# Needed only once connected, or by other screens and commands: none of it before the first
# frame. (The connection's imports run in a thread after it; the sandbox in a child process.)
DEFERRED = (
    "httpx", "pydantic", "pypdf", "fastapi", "uvicorn", "starlette", "babel", "tomlkit",
    "keyring", "tomllib", "webbrowser", "sqlite3",
    "ind_tui.api", "ind_tui.client", "ind_tui.services", "ind_tui.sandbox", "ind_tui.domain",
    "ind_tui.local.settings", "ind_tui.local.tokens", "ind_tui.local.cache",
    "ind_tui.i18n.format", "ind_tui.cli.launch", "ind_tui.cli.sandbox",
    "ind_tui.tui.screens.shell.home", "ind_tui.tui.screens.cases",
    "ind_tui.tui.screens.wizard", "ind_tui.tui.screens.drafts",
    "ind_tui.tui.screens.employees", "ind_tui.tui.screens.account",
    "ind_tui.tui.screens.inbox", "ind_tui.tui.screens.appointments",
    "ind_tui.tui.screens.payments", "ind_tui.tui.screens.due",
)


def _first_frame(tmp_path: Path, lang: str) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IND_TUI_")}
    env["IND_TUI_HOME"] = str(tmp_path / "home")  # a first start: no config, no keymap
    out = subprocess.run([sys.executable, "-c", PROBE, "--lang", lang], capture_output=True,
                         text=True, env=env, timeout=120, check=True)
    report: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return report


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _first_frame(tmp_path_factory.mktemp("en"), "en")


def test_the_first_frame_is_the_login_screen_on_the_terminal(english: dict[str, Any]) -> None:
    assert english["screen"] == "LoginScreen"
    assert english["ready"]  # Textual draws nothing before; a refresh callback may come first
    assert english["title_shown"]


@pytest.mark.parametrize("module", DEFERRED)
def test_the_first_frame_waits_for_no_deferred_import(english: dict[str, Any],
                                                      module: str) -> None:
    loaded = set(english["modules"])
    assert not {m for m in loaded if m == module or m.startswith(f"{module}.")}


def test_the_other_screens_styles_come_later(english: dict[str, Any]) -> None:
    assert not english["screens_css"]


def test_focus_comes_after_the_first_frame(english: dict[str, Any]) -> None:
    assert not english["focused"]


def test_only_the_language_shown_is_loaded(english: dict[str, Any],
                                           tmp_path: Path) -> None:
    assert "ind_tui.i18n.wizard_en" in english["modules"]
    assert not [m for m in english["modules"] if m.startswith("ind_tui.i18n.") and
                m.endswith("_nl")]
    dutch = _first_frame(tmp_path, "nl")["modules"]
    assert not [m for m in dutch if m.startswith("ind_tui.i18n.") and m.endswith("_en")]


async def test_a_screen_after_the_login_screen_has_its_styles(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.login import LoginScreen
    from ind_tui.tui.widgets.confirm import ConfirmDialog
    from tests.tui_helpers import make_app, sandbox_app, wait_for

    app = make_app(sandbox_app(tmp_path))
    async with app.run_test() as pilot:
        # The login screen done starting (its code shown): the app does not close under it.
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen)
                       and app.screen.device is not None)
        app.push_screen(ConfirmDialog("?"))
        # `#confirm-buttons { margin: 1 0 0 0 }` is a rule of screens.tcss.
        await wait_for(pilot, lambda: app.screen.query_one("#confirm-buttons").is_mounted)
        assert app.screen.query_one("#confirm-buttons").styles.margin.top == 1
