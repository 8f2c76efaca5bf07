"""Keystrokes from home to receipt: an extension for a registered employee, documents at hand.

The walk a clerk makes: the employee's first application was filed from this computer (so
its answers are known), their permit is now in its extension window, and the passport copy
lies in a folder of their own under ~/Documents. From the home screen: Employees, only those
with something to do (`u`), the employee, Enter, the extension (first in the list), F8 (the
missing passport copy is listed), Enter goes there, `a`, the path (completed with Tab as a
shell would), Enter, F8, `f`, `y`. Every key sent counts, each typed character too. Goal:
at most 30. The sandbox runs in-process (httpx.ASGITransport) in a fresh home; the TUI is
driven by Textual's Pilot at 80x24. `tests/test_tui_keystrokes.py` runs the same walk.

    python -m bench.bench_keystrokes [--lang nl|en] [--smoke]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from textual.pilot import Pilot

from bench.tui import PORTAL, make_tui

GOAL = 30
ADMIN = "bench-keystrokes-admin"
SIZE = (80, 24)
WAIT_SECONDS = 90.0  # a step that takes longer has failed (generous: machines get busy)
# What the clerk told of the job in the first application, filed from this computer, besides
# the form's examples: the employee has antecedents, so a passport copy goes with it.
FIRST = {"antecedents": True, "antecedents_details": "A traffic fine in 2019, settled"}


@dataclass
class Walk:
    steps: list[tuple[str, list[str]]] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # when each step's first key went
    receipt: str = ""  # the receipt as the screen shows it
    zaaknummer: str = ""
    employee: str = ""
    seconds: float = 0.0
    documents: str = "path"  # how the passport copy was attached: "path" or "earlier"

    @property
    def total(self) -> int:
        return sum(len(keys) for _, keys in self.steps)

    def report(self) -> str:
        how = {"path": "the passport copy's path typed",
               "earlier": "the passport copy of the first application"}[self.documents]
        lines = [f"{self.total:3d} keys from home to receipt (goal <= {GOAL}) · {how} · "
                 f"{self.employee} · case {self.zaaknummer} · {self.seconds:.1f} s"]
        ends = [*self.times[1:], self.times[0] + self.seconds] if self.times else []
        for (label, keys), start, end in zip(self.steps, self.times, ends, strict=False):
            lines.append(f"  {len(keys):3d}  {label:<40} {end - start:5.1f} s  "
                         f"{' '.join(keys)}")
        return "\n".join(lines)


class Keys:
    """Presses keys through the Pilot, writing each one down under the step it belongs to."""

    def __init__(self, pilot: Pilot[Any], walk: Walk) -> None:
        self.pilot = pilot
        self.walk = walk

    async def press(self, step: str, *keys: str) -> None:
        if not keys:
            return
        self.walk.steps.append((step, list(keys)))
        self.walk.times.append(time.monotonic())
        await self.pilot.press(*keys)

    async def wait(self, condition: Callable[[], object], what: str) -> None:
        """Let the app work until `condition()` holds (a widget not there yet is 'not yet')."""
        from textual.css.query import NoMatches

        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                if condition():
                    return
            except NoMatches:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"not reached in {WAIT_SECONDS:.0f} s: {what}")
            await self.pilot.pause(0.02)


# --- the setting: a sandbox, a first application filed, the documents at hand -----------------


def sandbox(folder: Path) -> FastAPI:
    from ind_tui.sandbox.app import SandboxConfig, create_app

    return create_app(SandboxConfig(db_path=folder / "sandbox.db", admin_token=ADMIN,
                                    device_interval=1, code_seed=7))


def write_pdf(path: Path, pages: int = 2) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        writer.write(out)
    return path


async def file_first_application(app: FastAPI, identity: str, folder: Path
                                 ) -> tuple[str, str, Path]:
    """Pick the employee whose extension is due first, file their first application from
    this computer (as the command line does), and put their passport copy under
    ~/Documents. Gives their V-number, name and the folder of their documents."""
    from ind_tui.cli import build_parser
    from ind_tui.cli.drafts_file import run_in
    from ind_tui.client.client import PortalClient
    from ind_tui.client.sandbox_admin import SandboxAdmin
    from ind_tui.services.duties import EXTENSION_WINDOW, load_employee_duties

    async with PortalClient("http://sandbox", transport=httpx.ASGITransport(app=app),
                            profile="test", portal=PORTAL) as client:
        device = await client.start_login()
        await SandboxAdmin(client.http, ADMIN).approve(device.user_code, identity)
        await client.finish_login(device)
        duty = next(d for d in await load_employee_duties(client)
                    if d.kind == EXTENSION_WINDOW and d.v_number)
        assert duty.v_number is not None and duty.employee_name is not None
        docs = Path("~/Documents").expanduser() / duty.employee_name.lower().replace(" ", "-")
        passport = write_pdf(docs / "passport.pdf")
        answers = folder / "first.json"
        from ind_tui.domain.forms import example_answers

        first = {**example_answers("hsm_first_vvr"), **FIRST}
        answers.write_text(json.dumps(first), encoding="utf-8")
        parser = build_parser()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            made = await run_in(client, parser.parse_args([
                "drafts", "new", "--type", "hsm_first_vvr", "--employee", duty.v_number,
                "--answers", str(answers), "--attach", f"passport_copy={passport}",
                "--format", "json"]), PORTAL)
        assert made == 0, out.getvalue()
        path = json.loads(out.getvalue())["path"]
        # The seed has filed a first application for them before: that is no duplicate.
        with contextlib.redirect_stdout(io.StringIO()):
            filed = await run_in(client, parser.parse_args([
                "drafts", "file", path, "--yes", "--allow-duplicate"]), PORTAL)
        assert filed == 0, "the first application was not filed"
    return duty.v_number, duty.employee_name, docs


async def log_in(keys: Keys, identity: str) -> None:
    """To the home screen (before the count starts)."""
    from ind_tui.tui.screens.shell.home import HomeScreen
    from ind_tui.tui.screens.shell.login import LoginScreen
    from ind_tui.tui.widgets.lists import VimOptionList

    app = keys.pilot.app
    await keys.wait(lambda: isinstance(app.screen, LoginScreen) and app.screen.device
                    is not None and app.screen.query_one(VimOptionList).option_count > 0,
                    "the login screen")
    await keys.pilot.press("slash", *identity, "enter", "enter")
    await keys.wait(lambda: isinstance(app.screen, HomeScreen), "home")


# --- the walk ----------------------------------------------------------------------------


def path_keys(path: Path) -> list[str]:
    """How a user types `~/Documents/<folder>/<file>`: a few letters of each part, Tab
    completing the rest (each part is the only one starting so in its folder)."""
    home = Path("~").expanduser()
    parts = path.relative_to(home).parts
    keys = ["~", "/"]
    for part in parts:
        keys += [*part[:3], "tab"]
    return keys


async def walk_extension(pilot: Pilot[Any], v_number: str, name: str, docs: Path,
                         identity: str, documents: str = "path") -> Walk:
    """From home to the receipt; every key counted. `documents`: "path" types the passport
    copy's path, "earlier" takes the one of the first application (`p`)."""
    from ind_tui.local.drafts.model import FilingStage
    from ind_tui.tui.screens.employees.screen import EmployeesScreen
    from ind_tui.tui.screens.wizard.begin import FormTypeDialog
    from ind_tui.tui.screens.wizard.docs import DocumentsPane
    from ind_tui.tui.screens.wizard.filing import FilingScreen
    from ind_tui.tui.screens.wizard.issues import DOCUMENTS, IssuesPanel
    from ind_tui.tui.screens.wizard.screen import WizardScreen
    from ind_tui.tui.widgets.confirm import ConfirmDialog
    from ind_tui.tui.widgets.pathinput import PathInput

    walk = Walk(employee=f"{name} (V {v_number})", documents=documents)
    keys = Keys(pilot, walk)
    app = pilot.app
    await log_in(keys, identity)
    started = time.monotonic()

    await keys.press("Employees", "4")
    await keys.wait(lambda: isinstance(app.screen, EmployeesScreen) and app.screen.loaded,
                    "the employees list")
    employees = app.screen
    await keys.press("only those with something to do", "u")
    row = next(i for i, e in enumerate(employees.shown) if e.v_number == v_number)
    await keys.press(f"down to {name}", *(["j"] * row))
    await keys.press("new application for them", "enter")
    await keys.wait(lambda: isinstance(app.screen, FormTypeDialog), "the form type question")
    assert app.screen.types[0].is_extension, "the extension is not offered first"
    await keys.press("the extension (offered first)", "enter")
    await keys.wait(lambda: isinstance(app.screen, WizardScreen)
                    and app.screen.evaluation is not None, "the wizard")
    wizard = app.screen
    session = wizard.session
    assert session is not None
    # What the first application said of the job is filled in, and marked as such.
    assert session.draft.prefilled.get("job_title", "").startswith("case:"), session.draft
    job = str(wizard.form_pages.box("job_title").query_one(".field-label").render())
    assert "↺" in job, job

    await keys.press("submit: what is missing shows", "f8")
    blocking = [i.target for i in wizard.evaluation.blocking]
    assert blocking == ["passport_copy"], f"more than the document is missing: {blocking}"
    issues = wizard.query_one(IssuesPanel)
    await keys.wait(lambda: issues.options.has_focus, "the list of what is missing")
    await keys.press("go to the missing document", "enter")
    await keys.wait(lambda: wizard.page == DOCUMENTS and wizard.form_pages.documents
                    is not None and wizard.form_pages.documents.query_one("#docs-slots")
                    .has_focus, "the documents page")
    pane = wizard.form_pages.documents
    assert isinstance(pane, DocumentsPane)
    if documents == "earlier":
        await keys.wait(lambda: pane.earlier.offered("passport_copy") is not None,
                        "the first application's passport copy offered")
        await keys.press("the first application's passport copy", "p")
    else:
        await keys.press("attach", "a")
        await keys.wait(lambda: pane.query_one("#docs-path", PathInput).has_focus, "the path")
        passport = docs / "passport.pdf"
        await keys.press("the passport copy's path", *path_keys(passport))
        typed = pane.query_one("#docs-path", PathInput)
        assert typed.path == passport, f"the path typed reads {typed.value!r}"
        await keys.press("take it", "enter")
    await keys.wait(lambda: "passport_copy" in session.draft.documents
                    and pane.checking is None, "the passport copy checked")

    await keys.press("submit", "f8")
    await keys.wait(lambda: isinstance(app.screen, FilingScreen) and app.screen.fee
                    is not None, "the filing screen with its fee")
    await keys.press("file now", "f")
    await keys.wait(lambda: isinstance(app.screen, ConfirmDialog), "the confirmation")
    await keys.press("yes, file and pay", "y")
    await keys.wait(lambda: session.draft.stage is FilingStage.DONE
                    and isinstance(app.screen, FilingScreen)
                    and app.screen.query_one("#filing-receipt").display, "the receipt")
    walk.seconds = time.monotonic() - started
    receipt = session.draft.receipt
    assert receipt is not None
    walk.zaaknummer = receipt.zaaknummer
    walk.receipt = str(app.screen.query_one("#filing-receipt").render())
    return walk


async def run_walk(folder: Path, lang: str = "en", identity: str = "agent-delta",
                   documents: str = "path") -> Walk:
    """The whole walk in a fresh home under `folder` (IND_TUI_HOME and HOME point there:
    the caller keeps or restores the environment)."""
    from ind_tui.i18n import set_language

    set_language(lang)
    app = sandbox(folder)
    v_number, name, docs = await file_first_application(app, identity, folder)
    tui = make_tui(httpx.ASGITransport(app=app), admin_token=ADMIN, lang=lang)
    async with tui.run_test(size=SIZE) as pilot:
        return await walk_extension(pilot, v_number, name, docs, identity, documents)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("nl", "en"), default="en")
    parser.add_argument("--smoke", action="store_true",
                        help="only the walk that types the path (tests/test_tui_keystrokes.py "
                             "walks both)")
    args = parser.parse_args()
    walks = []
    for documents in ("path",) if args.smoke else ("path", "earlier"):
        with tempfile.TemporaryDirectory(prefix="ind-tui-keys-") as tmp:
            os.environ["IND_TUI_HOME"] = str(Path(tmp) / "home")
            os.environ["HOME"] = tmp
            walks.append(asyncio.run(run_walk(Path(tmp), args.lang, documents=documents)))
        print(walks[-1].report())
    return 0 if all(w.total <= GOAL for w in walks) else 1


if __name__ == "__main__":
    sys.exit(main())
