"""How the inbox, a message, the form answering a request and the due-soon list look, in
Dutch and English, at 80x24 (pytest-textual-snapshot).

Update after an intended change with
`pytest tests/test_tui_inbox_snapshots.py --snapshot-update` and look at the report first.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui_helpers import login_as, make_app, sandbox_app, settle, wait_for

SIZE = (80, 24)
LANGS = ["nl", "en"]


async def _home(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.shell.home import HomeScreen

    await login_as(pilot, "sponsor-eh3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen)
                   and pilot.app.screen.query_one("#today").display)


async def inbox(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.inbox.screen import InboxScreen

    await _home(pilot)
    await pilot.press("colon", *"inbox", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, InboxScreen)
                   and pilot.app.screen.loaded)
    await settle(pilot)


async def message(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.inbox.message import MessageScreen

    await inbox(pilot)
    await pilot.press("3", "home", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, MessageScreen)
                   and pilot.app.screen.message is not None
                   and not pilot.app.screen.message.unread)
    await settle(pilot)


async def due(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.due.screen import DueScreen

    await _home(pilot)
    await pilot.press("colon", *"due", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DueScreen)
                   and pilot.app.screen.due is not None)
    await settle(pilot)


async def answer(pilot: Pilot[Any]) -> None:
    """The form to answer the open request: one path field per document asked for."""
    from ind_tui.tui.screens.inbox.answer import AnswerScreen

    await message(pilot)
    await pilot.press("a")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, AnswerScreen))
    await settle(pilot)


SCREENS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "inbox": inbox, "message": message, "due": due, "answer": answer,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare: Any, tmp_path: Path, screen: str, lang: str) -> None:
    app = make_app(sandbox_app(tmp_path), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=SCREENS[screen])
