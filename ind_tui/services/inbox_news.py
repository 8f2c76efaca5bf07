"""What is new since the last look: unread messages not announced before, and cases that
changed. Announced once: what was announced is remembered in the InboxStore.

Two small requests: the newest unread messages (which also give the unread count) and, when
a previous look is known, the number of cases changed since then (`limit=1`, only the count).
When every message of that page is new and more are unread, the count comes from the portal's
unread count (less what was announced before), not from the page: the page stops at 200.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from ind_tui.api.auth import Service
from ind_tui.api.inbox import Message
from ind_tui.local.inbox_store import InboxStore

if TYPE_CHECKING:
    from ind_tui.api.auth import Me
    from ind_tui.client.client import PortalClient

UNREAD_PAGE = 200


@dataclass
class News:
    unread: int
    new_messages: list[Message] = field(default_factory=list)  # the newest, at most a page
    changed_cases: int = 0
    as_of: datetime | None = None
    new_count: int = 0  # every new message, also those beyond `new_messages`

    @property
    def worth_telling(self) -> bool:
        return bool(self.new_count or self.changed_cases)


def may_read_messages(me: Me) -> bool:
    return any(s.service is Service.CASES and s.allowed for s in me.services)


async def look(client: PortalClient, me: Me, scope: str, store: InboxStore) -> News:
    """Ask the portal; does not record anything (see `remember`)."""
    page = await client.messages_page(unread=True, limit=UNREAD_PAGE)
    announced = store.announced(scope)
    new = [m for m in page.items if m.id not in announced]
    news = News(unread=page.unread, as_of=page.as_of, new_messages=new, new_count=len(new))
    if page.next_after is not None and len(new) == len(page.items):
        # The older unread ones were not read here: new, unless announced before.
        told = len(announced) + store.announced_more(scope)
        news.new_count = max(len(new), page.unread - told)
    since = store.cases_looked_at(scope)
    if since is not None:
        cases, _ = await client.cases_page(changed_since=since, limit=1)
        news.changed_cases = cases.total if cases is not None else 0
    return news


def remember(store: InboxStore, scope: str, news: News) -> None:
    beyond = news.new_count - len(news.new_messages)  # told by count, ids not read
    more = store.announced_more(scope) + beyond if beyond else None
    store.remember(scope, {m.id for m in news.new_messages}, news.as_of, more)
