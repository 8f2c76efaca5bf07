"""How the drafts screen and the new-application screen look, in Dutch and English, at 80x24.

Update after an intended change with
`pytest tests/test_tui_drafts_snapshots.py --snapshot-update` and look at the report first.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from ind_tui.base.atomic import atomic_write_bytes
from ind_tui.local import paths
from ind_tui.local.drafts.bundle import bundle_bytes, draft_path
from ind_tui.local.drafts.model import Draft
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, settle, wait_for

SIZE = (80, 24)
LANGS = ["nl", "en"]


def fixed_draft(form_id: str, draft_id: str, answers: dict[str, Any], day: int,
                kvk: str = "12345678", name: str = "Noordzee Technology B.V.") -> None:
    """A draft with a fixed id and fixed times, so the picture is the same each run."""
    when = datetime(2026, 10, day, 8, 15, tzinfo=UTC)
    draft = Draft(form_id=form_id, form_version=1, answers=answers, profile="test",
                  kvk=kvk, sponsor_name=name, draft_id=draft_id, created_at=when,
                  updated_at=when)
    atomic_write_bytes(draft_path(draft), bundle_bytes(draft))


def some_drafts() -> None:
    fixed_draft("hsm_first_mvv", "a1" * 16,
                {"employee_name": "Jan Jansen", "nationality": "IND", "antecedents": True}, 20)
    fixed_draft("eu_blue_card", "b2" * 16, {"employee_name": "María García"}, 27)
    fixed_draft("researcher", "c3" * 16, {}, 12)
    # Another client's, as an agency keeps them: not listed for Noordzee's login.
    fixed_draft("eu_blue_card", "d4" * 16, {"employee_name": "Jin Tanaka"}, 25,
                kvk="56789012", name="Delta Software B.V.")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("../escape.json", b"{}")
    (paths.drafts_dir() / "received-by-mail.tfa").write_bytes(out.getvalue())


async def _home(pilot: Pilot[Any]) -> None:
    await login_as(pilot, "sponsor-eh3")
    await home_settled(pilot)


async def drafts(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.drafts.screen import DraftsScreen

    await _home(pilot)
    await pilot.press("2")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DraftsScreen)
                   and pilot.app.screen.loaded)
    await settle(pilot)


async def drafts_unreadable(pilot: Pilot[Any]) -> None:
    await drafts(pilot)
    await pilot.press("G")
    await settle(pilot)


async def delete_question(pilot: Pilot[Any]) -> None:
    await drafts(pilot)
    await pilot.press("d")
    await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ConfirmDialog")
    await settle(pilot)


async def new_application(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.wizard.start import NewApplicationScreen

    await _home(pilot)
    await pilot.press("1")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, NewApplicationScreen)
                   and pilot.app.screen.types is not None
                   and pilot.app.screen.query_one("#new-types").display)
    await settle(pilot)


SCREENS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "drafts": drafts, "drafts_unreadable": drafts_unreadable,
    "delete_question": delete_question, "new_application": new_application,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Any, tmp_path: Path, screen: str, lang: str) -> None:
    some_drafts()
    app = make_app(sandbox_app(tmp_path), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=SCREENS[screen])
