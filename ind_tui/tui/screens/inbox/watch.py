"""News from the IND while the app runs: the unread count in the header, and one notification
for what is new since the last look (new messages, changed cases), announced once.

The first look comes with the home screen (its `home_lines`), so never before the first
paint; after that every few minutes, and whenever the inbox is read.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ind_tui.i18n import t
from ind_tui.i18n.format import plural
from ind_tui.local.inbox_store import InboxStore
from ind_tui.services.inbox_news import News, look, may_read_messages, remember

if TYPE_CHECKING:
    from textual.timer import Timer

    from ind_tui.tui.app import PortalApp

POLL_SECONDS = 180.0
_TIMERS: WeakKeyDictionary[PortalApp, Timer] = WeakKeyDictionary()
_LOCKS: WeakKeyDictionary[PortalApp, asyncio.Lock] = WeakKeyDictionary()


def start_watch(app: PortalApp) -> None:
    """After a login: look again every few minutes (once per app, whoever logs in)."""
    if app not in _TIMERS:
        _TIMERS[app] = app.set_interval(POLL_SECONDS, lambda: _poll(app), name="inbox-watch")


def _poll(app: PortalApp) -> None:
    app.run_worker(look_now(app), group="inbox-watch", exclusive=True, exit_on_error=False)


def set_unread(app: PortalApp, unread: int) -> None:
    if app.context.inbox_unread != unread:
        app.context.inbox_unread = unread
        app.refresh_chrome()


async def look_now(app: PortalApp, announce: bool = True) -> News | None:
    """Ask the portal what is new; update the header; announce what was not announced yet.
    Quiet on failure (this runs in the background): None."""
    from ind_tui.api.errors import PortalError

    client, me, scope = app.context.client, app.context.me, app.context.scope
    if client is None or me is None or scope is None or not may_read_messages(me):
        return None
    lock = _LOCKS.setdefault(app, asyncio.Lock())
    async with lock:  # two looks at once would announce the same news twice
        store = InboxStore()
        try:
            news = await look(client, me, scope, store)
        except PortalError:
            return None
        if app.context.me is not me:  # logged out, or in as someone else, meanwhile
            return None
        set_unread(app, news.unread)
        if announce and news.worth_telling:
            _announce(app, news)
        if announce:
            await asyncio.to_thread(remember, store, scope, news)
        return news


def _announce(app: PortalApp, news: News) -> None:
    parts = []
    if news.new_count > len(news.new_messages):  # more than a page: the kinds are not known
        parts.append(plural("inbox.announce.count", news.new_count))
    elif news.new_messages:
        kinds = Counter(m.kind.value for m in news.new_messages)
        listed = ", ".join(f"{n}× {t(f'inbox.kind.{kind}')}" for kind, n in sorted(kinds.items()))
        parts.append(plural("inbox.announce.messages", len(news.new_messages), kinds=listed))
    if news.changed_cases:
        parts.append(plural("inbox.announce.cases", news.changed_cases))
    app.notify("\n".join(parts), title=t("inbox.announce.title"), timeout=12)
    if _bell_wanted():
        app.bell()


def _bell_wanted() -> bool:
    from ind_tui.local.settings import SettingsError, load_settings

    try:
        return load_settings().bell
    except SettingsError:
        return False
