"""How the wizard looks, in Dutch and English, at 80x24 (pytest-textual-snapshot): a page of
text and date questions, one of choices and yes/no, one with the engine's reasons, and the
panel of what blocks submitting.

Update after an intended change with
`pytest tests/test_tui_wizard_snapshots.py --snapshot-update` and look at the report.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from ind_tui.local.drafts.session import DraftSession
from tests.tui_helpers import login_as, make_app, sandbox_app, wait_for
from tests.tui_helpers import settle as settle_all

SIZE = (80, 24)
LANGS = ["nl", "en"]
FORM = "hsm_first_vvr"


@pytest.fixture(autouse=True)
def _fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    # The time of saving appears on screen: the same every run.
    def fixed(_moment: object = None) -> str:
        return "09:30:00"

    monkeypatch.setattr("ind_tui.tui.screens.wizard.autosave.clock_label", fixed)
    monkeypatch.setattr("ind_tui.tui.screens.wizard.screen.clock_label", fixed)


def draft(folder: Path, **answers: Any) -> Path:
    session = DraftSession.new(FORM, directory=folder)
    session.path.unlink()
    for field_id, value in answers.items():
        session.set_answer(field_id, value)
    target = folder / "priya-raman.tfa"
    target.unlink(missing_ok=True)
    return session.save_as(target)


async def open_wizard(pilot: Pilot[Any], path: Path) -> Any:
    from ind_tui.tui.screens.shell.home import HomeScreen
    from ind_tui.tui.screens.wizard.screen import WizardScreen

    await login_as(pilot, "sponsor-eh3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    screen = WizardScreen(path)
    pilot.app.push_screen(screen)
    await wait_for(pilot, lambda: screen.evaluation is not None and screen.fee is not None
                   and screen.focused is not None
                   and str(screen.focused.id).startswith("field-"))
    return screen


async def settled(pilot: Pilot[Any], screen: Any) -> None:
    await wait_for(pilot, lambda: not screen.unsaved and screen._timer is None)
    for editor in screen.query(Input):
        editor.cursor_blink = False  # a blinking cursor would differ from run to run
    await settle_all(pilot)


async def text_and_dates(pilot: Pilot[Any], path: Path) -> None:
    screen = await open_wizard(pilot, path)
    await pilot.press(*"Priya Raman", "enter", *"14-02-1990", "enter", *"indi", "right")
    await settled(pilot, screen)


async def choices(pilot: Pilot[Any], path: Path) -> None:
    screen = await open_wizard(pilot, path)
    await pilot.press("pagedown", *"Data engineer", "enter", *"2026-12-01", "enter", "j",
                      "enter")
    await settled(pilot, screen)


async def with_reasons(pilot: Pilot[Any], path: Path) -> None:
    screen = await open_wizard(pilot, path)
    await pilot.press("pagedown", *"Data engineer", "enter", *"31-11-2026", "enter", "enter",
                      *"3100", "enter", "n")
    await settled(pilot, screen)


async def blocking_panel(pilot: Pilot[Any], path: Path) -> None:
    screen = await open_wizard(pilot, path)
    await pilot.press("f4")
    await wait_for(pilot, lambda: screen.query_one("#issues-list").has_focus)
    await settled(pilot, screen)


SCENES: dict[str, Callable[[Pilot[Any], Path], Awaitable[None]]] = {
    "text_and_dates": text_and_dates, "choices": choices, "with_reasons": with_reasons,
    "blocking_panel": blocking_panel,
}
ANSWERS: dict[str, dict[str, Any]] = {
    "text_and_dates": {},
    "choices": {"employee_name": "Priya Raman"},
    "with_reasons": {"employee_name": "Priya Raman", "date_of_birth": "1990-02-14"},
    "blocking_panel": {"employee_name": "Priya Raman", "date_of_birth": "2030-01-01",
                       "nationality": "IND", "job_title": "Data engineer",
                       "gross_monthly_salary": 3100},
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(SCENES))
def test_wizard(snap_compare: Any, tmp_path: Path, name: str, lang: str) -> None:
    app = make_app(sandbox_app(tmp_path), lang=lang)
    path = draft(tmp_path, **ANSWERS[name])

    async def before(pilot: Pilot[Any]) -> None:
        await SCENES[name](pilot, path)

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


@pytest.mark.parametrize("lang", LANGS)
def test_wizard_wide(snap_compare: Any, tmp_path: Path, lang: str) -> None:
    """The wide layout (120x40), with the reasons beside the fields."""
    app = make_app(sandbox_app(tmp_path), lang=lang)
    path = draft(tmp_path, **ANSWERS["with_reasons"])

    async def before(pilot: Pilot[Any]) -> None:
        await with_reasons(pilot, path)

    assert snap_compare(app, terminal_size=(120, 40), run_before=before)
