"""The inbox at agency scale, against the real sandbox with a few thousand extra cases: the
first rows show while the rest is still read (and the list can be used meanwhile), and the
news notification counts every new message, not a page of them, in a proper plural."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI

from ind_tui.i18n import t
from ind_tui.i18n.format import plural
from ind_tui.sandbox.app import SandboxConfig, create_app
from ind_tui.services.inbox_news import UNREAD_PAGE
from ind_tui.tui.screens.inbox.screen import InboxScreen
from ind_tui.tui.screens.inbox.watch import look_now
from ind_tui.tui.widgets.load_state import LoadState
from tests.conftest import ADMIN_TOKEN
from tests.test_tui_inbox import _home, _record_announcements
from tests.tui_helpers import make_app, wait_for

SIZE = (100, 30)
EXTRA_CASES = 2000  # gives a few hundred unread messages, more than a page of news


def big_sandbox(tmp_path: Path) -> FastAPI:
    return create_app(SandboxConfig(db_path=tmp_path / "tui-sandbox.db", admin_token=ADMIN_TOKEN,
                                    device_interval=1, code_seed=7, extra_cases=EXTRA_CASES))


async def test_first_rows_show_while_the_rest_is_read(tmp_path: Path) -> None:
    from ind_tui.tui.screens.inbox.message import MessageScreen

    app = make_app(big_sandbox(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        unread = app.context.inbox_unread
        # Every later page waits: the first rows must not wait for them.
        admin = app.context.conn.sandbox_admin()
        await admin.fault("messages.list", "latency", latency_ms=3000, count=3)
        await pilot.press("6")
        await wait_for(pilot, lambda: isinstance(app.screen, InboxScreen)
                       and app.screen.table.row_count > 0)
        screen: Any = app.screen
        line = screen.load_line
        assert not screen.loaded and line.busy and line.state is LoadState.SHOWN
        assert len(screen.messages) < unread
        progress = t("load.progress", done=len(screen.messages), total=f"{unread:,}")
        await wait_for(pilot, lambda: t("load.busy") in str(line.render()))
        assert progress in str(line.render())
        # Usable meanwhile: a view, and a message opened and closed.
        await pilot.press("2", "home", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen and screen.loaded)
        assert sum(m.unread for m in screen.messages) >= unread - 1  # one was opened
        # The one opened meanwhile is listed once (the read list has it too), also kept so.
        ids = [m.id for m in screen.messages]
        assert len(set(ids)) == len(ids)
        assert not line.display and line.state is LoadState.SHOWN


async def test_the_news_counts_every_new_message(tmp_path: Path) -> None:
    app = make_app(big_sandbox(tmp_path))
    seen = _record_announcements(app)
    async with app.run_test(size=SIZE) as pilot:
        await _home(pilot)
        await wait_for(pilot, lambda: len(seen) == 1)
        unread = app.context.inbox_unread
        assert unread > UNREAD_PAGE
        assert seen[0].startswith(plural("inbox.announce.count", unread))
        assert "(s)" not in seen[0]
        # Forty days on: what came since is told by its own number, not the page's.
        await app.context.conn.sandbox_admin().advance(days=40)
        news = await look_now(app)
        assert news is not None and news.unread - unread > UNREAD_PAGE
        await wait_for(pilot, lambda: len(seen) == 2)
        assert seen[1].startswith(plural("inbox.announce.count", news.unread - unread))


def test_the_count_says_one_or_many_in_both_languages() -> None:
    assert plural("inbox.announce.count", 1, "nl") == "1 nieuw bericht"
    assert plural("inbox.announce.count", 7, "nl") == "7 nieuwe berichten"
    assert plural("inbox.announce.count", 1, "en") == "1 new message"
    assert plural("inbox.announce.count", 15885, "en") == "15,885 new messages"
