"""The inbox: messages from the IND about this account's cases, unread first. Quick views
(1-5), `/` filter, only the highlighted case (c) or employee (e), mark read (m), open the
message (Enter) or its case (o). Also the home screen's lines: unread count, next deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from ind_tui.api.inbox import Message, MessageKind, RequestState
from ind_tui.i18n import t
from ind_tui.i18n.format import day, local, number, plural
from ind_tui.local.inbox_copy import InboxCopy, InboxCopyStore
from ind_tui.local.inbox_store import KEEP_ANNOUNCED, InboxStore
from ind_tui.tui.context import Failed, offline_errors
from ind_tui.tui.screens.inbox.text import about, days_left, kind_text
from ind_tui.tui.screens.inbox.watch import look_now, set_unread
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.widgets.filter_table import FilterTable
from ind_tui.tui.widgets.load_state import LoadLine, drawn
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.table_model import Column, Row
from ind_tui.tui.widgets.text import Tr, plain

if TYPE_CHECKING:
    from ind_tui.client.client import PortalClient
    from ind_tui.tui.app import PortalApp

MARK = "●"
NEWEST = 1000  # read messages shown (newest first); every unread one is shown as well
FIRST_PAGE = 100  # unread messages in the first request: a screenful, at once
PAGE = 1000  # the rest comes in pages this big, in the background
REPAINT_SECONDS = 1.0  # while the rest arrives, the list is drawn again this often, or
REPAINT_SHARE = 5  # less often: drawing may take at most a fifth of the time (85,000 rows)
FACETS = ("all", "unread", "requests", "decisions", "ready")
T = TypeVar("T")


async def with_copy(use: Callable[[InboxCopyStore], T]) -> T:
    """`use` the inbox copy on this computer, off the screen's thread."""
    def run() -> T:
        store = InboxCopyStore()
        try:
            return use(store)
        finally:
            store.close()

    return await asyncio.to_thread(run)


def columns() -> list[Column]:
    # Below 90 columns the deadline gives way: for an open request "about" says how long is
    # left, and what it is about and the name stay whole (Dutch words are long).
    return [
        Column("new", MARK, width=1, min_width=1),
        Column("date", t("inbox.col.sent"), width=10, min_width=10,
               formatter=lambda d: local(d)[:10]),
        Column("kind", t("inbox.col.kind"), min_width=7),
        Column("case", t("inbox.col.case"), width=10, min_width=10),
        Column("employee", t("inbox.col.employee"), min_width=12),
        Column("deadline", t("inbox.col.deadline"), width=10, min_width=10, formatter=day,
               keep_from=90),
        Column("about", t("inbox.col.about"), min_width=14),
    ]


def in_facet(message: Message, facet: str) -> bool:
    if facet == "unread":
        return message.unread
    if facet == "requests":
        return message.state is RequestState.OPEN
    if facet == "decisions":
        return message.kind is MessageKind.DECISION
    if facet == "ready":
        return message.kind is MessageKind.READY_FOR_COLLECTION
    return True


def ordered(messages: list[Message]) -> list[Message]:
    """Unread first; newest first within each."""
    return sorted(messages, key=lambda m: (not m.unread, -m.sent_at.timestamp(), m.id))


class InboxScreen(PortalScreen):
    HELP_KEY = "inbox.help"
    BINDINGS = [
        *(Binding(str(n), f"facet('{name}')", "inbox.key.facet", show=n == 1,
                  key_display="1-5" if n == 1 else None, id=f"inbox.facet_{name}")
          for n, name in enumerate(FACETS, start=1)),
        Binding("c", "only_case", "inbox.key.by_case", id="inbox.by_case"),
        Binding("e", "only_employee", "inbox.key.by_employee", id="inbox.by_employee"),
        Binding("m", "mark_read", "inbox.key.read", id="inbox.read"),
        Binding("o", "open_case", "inbox.key.case", id="inbox.case"),
        Binding("r", "reload", "key.refresh", id="inbox.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[Message] = []
        self.shown: list[Message] = []
        self.total = 0
        self.facet = "all"
        self.only_case: str | None = None
        self.only_employee: str | None = None
        self.loaded = False  # every message asked for is here
        self.kept: InboxCopy | None = None  # the copy on this computer, while it is shown
        self._shown_count = -1  # the rows the counts line last counted
        self._opened: str | None = None  # the message shown over this list

    def body(self) -> ComposeResult:
        yield Tr("inbox.title", classes="title", id="inbox-title")
        yield Static("", id="inbox-counts", classes="muted")
        yield Static("", id="inbox-facets")
        table = VirtualTable(columns(), empty_text=t("inbox.loading"), id="inbox-table")
        yield LoadLine(table, loading="inbox.loading", empty="inbox.empty", id="inbox-load")
        yield FilterTable(table, id="inbox-filter")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#inbox-table", VirtualTable)

    def on_mount(self) -> None:
        self.table.focus()
        self._show()
        self.action_reload()

    def relabel(self) -> None:
        self.table.retitle(columns())
        self._show()

    @property
    def load_line(self) -> LoadLine:
        return self.query_one("#inbox-load", LoadLine)

    def on_screen_resume(self) -> None:
        if self._opened is not None:  # back from a message: read now, answered perhaps
            self.refresh_one(self._opened)
            self._opened = None

    @property
    def today(self) -> date:
        return self.context.today()

    # --- reading ---------------------------------------------------------------------------

    @work(exclusive=True, group="inbox")
    async def action_reload(self) -> None:
        """The newest unread messages at once; the other unread ones and the newest read ones
        follow in the background, drawn every so often, with a count of what came in."""
        client = self.context.client
        if client is None:
            return
        line = self.load_line
        line.started()
        scope = self.context.scope
        if scope is not None and not self.messages:  # the copy first, while the portal reads
            await self._paint_kept(scope)
        # Unreachable or busy: the line says so, no panel; other refusals show theirs too.
        first = await self.portal_app.call(
            lambda: client.messages_page(unread=True, limit=FIRST_PAGE), handle=offline_errors())
        if not self.is_attached:
            return
        if isinstance(first, Failed):
            if self.kept is not None and scope is not None:  # all of the copy, then
                kept = await with_copy(lambda store: store.read(scope))
                if kept is not None and self.is_attached:
                    self.kept, self.messages, self.total = kept, kept.messages, kept.total
                    self._show()
            line.failed(first, kept=self._kept_text())
            return
        self.kept = None
        page = first.value
        self.messages, self.total = list(page.items), page.total
        set_unread(self.portal_app, page.unread)
        self._show()
        if self.messages:
            line.shown()
            self._progress(page.unread)
            await drawn(self)
        rest = await self.portal_app.call(lambda: self._read_rest(client, page.next_after,
                                                                  page.unread),
                                          handle=offline_errors())
        if not self.is_attached:
            return
        self.loaded = True
        self._show()
        if isinstance(rest, Failed):
            line.failed(rest)
            return
        line.done(len(self.messages))
        if scope is not None:  # what the list shows has been seen: no announcing it later
            seen = {m.id for m in self.messages if m.unread}
            # Every unread one is here now: only what the store cannot keep is counted.
            more = max(0, len(seen) - KEEP_ANNOUNCED)
            await asyncio.to_thread(InboxStore().remember, scope, seen, None, more)
            messages, total = list(self.messages), self.total
            await with_copy(lambda store: store.replace(scope, messages, total, page.as_of))

    async def _paint_kept(self, scope: str) -> None:
        """The first screenful of the copy on this computer, marked as being updated."""
        kept = await with_copy(lambda store: store.read(scope, FIRST_PAGE))
        if kept is None or not kept.messages or not self.is_attached:
            return
        self.kept, self.messages, self.total = kept, kept.messages, kept.total
        self._show()
        self.load_line.shown()
        self.load_line.started()
        await drawn(self)

    def _kept_text(self) -> str:
        return t("inbox.kept", when=local(self.kept.fetched_at)) if self.kept else ""

    async def _read_rest(self, client: PortalClient, after: str | None, unread: int) -> None:
        read = await client.messages_page(unread=False, limit=NEWEST)
        self.total = unread + read.total
        wanted = unread + len(read.items)
        # One read since the first page came (opened meanwhile) is in both: the newer stays.
        fresh = {m.id: m for m in read.items}
        self.messages = [fresh.pop(m.id, m) for m in self.messages] + list(fresh.values())
        painted, took = time.monotonic(), 0.0
        self._progress(wanted)
        while after is not None and self.is_attached:
            page = await client.messages_page(unread=True, after=after, limit=PAGE)
            after = page.next_after
            known = {m.id for m in self.messages}  # one that came in meanwhile is not doubled
            self.messages.extend(m for m in page.items if m.id not in known)
            self._progress(wanted)
            if time.monotonic() - painted >= max(REPAINT_SECONDS, REPAINT_SHARE * took):
                started = time.monotonic()
                self._show()
                painted = time.monotonic()
                took = painted - started

    def _progress(self, wanted: int) -> None:
        if self.whole:
            self.load_line.started(t("load.progress", done=number(len(self.messages)),
                                     total=number(max(wanted, len(self.messages)))))

    @work(group="inbox-one")
    async def refresh_one(self, message_id: str) -> None:
        """One message again (opened, so read now; answered perhaps), not the whole list."""
        client = self.context.client
        if client is None:
            return
        found = await self.portal_app.call(lambda: client.message(message_id),
                                           handle=offline_errors())
        if isinstance(found, Failed) or not self.is_attached:
            return
        self._updated(found.value)

    # --- showing ---------------------------------------------------------------------------

    def _show(self) -> None:
        if not self.whole:  # leaving, or between its widgets: self.messages keeps the list
            return
        today = self.today
        self.shown = [
            m for m in ordered(self.messages)
            if in_facet(m, self.facet)
            and (self.only_case is None or m.zaaknummer == self.only_case)
            and (self.only_employee is None or m.employee_name == self.only_employee)
        ]
        rows: list[Row] = [
            (MARK if m.unread else "", m.sent_at, kind_text(m), m.zaaknummer, m.employee_name,
             m.deadline, about(m, today))
            for m in self.shown
        ]
        table = self.table
        keep = self._current()
        table.set_rows(rows)
        if self.messages:
            table.empty_text = t("inbox.empty_filter")
        if keep is not None:
            for pos, index in enumerate(table.model.view):
                if self.shown[index].id == keep.id:
                    table.jump_to(pos)
                    break
        self._counts()
        facets = [f"[b]{n}[/b] {'[reverse]' if f == self.facet else ''}"
                  f"{t(f'inbox.facet.{f}')}{'[/reverse]' if f == self.facet else ''}"
                  for n, f in enumerate(FACETS, start=1)]
        if self.only_case:
            facets.append(t("inbox.only_case", zaak=self.only_case))
        if self.only_employee:
            facets.append(t("inbox.only_employee", name=self.only_employee))
        set_text(self, "#inbox-facets", t("inbox.facets", facets="  ".join(facets)))

    def _counts(self) -> None:
        """How many messages, and how many of them the view and filter show."""
        shown = self.table.row_count
        self._shown_count = shown
        # The portal's count: while the rest is read, not every unread message is here yet.
        # Narrowed, out of those a view and filter chose from (older read ones are not here).
        narrowed = shown < len(self.messages)
        total = len(self.messages) if narrowed else max(self.total, len(self.messages))
        words = {"total": number(total), "shown": number(shown),
                 "unread": number(self.context.inbox_unread), "today": day(self.today)}
        set_text(self, "#inbox-counts", (t("inbox.counts_shown" if narrowed else "inbox.counts",
                                           **words) if self.messages else ""))

    @on(VirtualTable.CursorMoved, "#inbox-table")
    def _moved(self, _: VirtualTable.CursorMoved) -> None:
        # A filter change moves the cursor too: the counts follow what the table shows.
        if self.table.row_count != self._shown_count:
            self._counts()

    def _current(self) -> Message | None:
        if not self.shown:
            return None
        index = self.table.cursor_row_index
        return self.shown[index] if index is not None and index < len(self.shown) else None

    # --- actions ---------------------------------------------------------------------------

    def action_facet(self, name: str) -> None:
        self.facet = name
        self._show()

    def action_only_case(self) -> None:
        current = self._current()
        self.only_case = None if self.only_case or current is None else current.zaaknummer
        self._show()

    def action_only_employee(self) -> None:
        current = self._current()
        self.only_employee = (None if self.only_employee or current is None
                              else current.employee_name)
        self._show()

    @on(VirtualTable.RowSelected, "#inbox-table")
    def _open(self, event: VirtualTable.RowSelected) -> None:
        from ind_tui.tui.screens.inbox.message import MessageScreen

        message = self.shown[event.row_index]
        self._opened = message.id
        self.app.push_screen(MessageScreen(message.id, message))

    def action_open_case(self) -> None:
        from ind_tui.tui.screens.cases.detail import CaseDetailScreen

        current = self._current()
        if current is not None:
            self.app.push_screen(CaseDetailScreen(current.zaaknummer))

    @work(group="inbox-read")
    async def action_mark_read(self) -> None:
        current = self._current()
        client = self.context.client
        if current is None or client is None or not current.unread:
            return
        updated = (await self.portal_app.call(lambda: client.mark_read(current.id))).or_none()
        if updated is None or not self.is_attached:
            return
        set_unread(self.portal_app, max(0, self.context.inbox_unread - 1))
        self._updated(updated)
        self.notify(t("inbox.read_done"))

    def _updated(self, updated: Message) -> None:
        """One message as the portal has it now: in the list, and in the copy."""
        self.messages = [updated if m.id == updated.id else m for m in self.messages]
        self._show()
        scope = self.context.scope
        if scope is not None:
            self.run_worker(with_copy(lambda store: store.update(scope, updated)),
                            group="inbox-copy")


# --- the home screen ------------------------------------------------------------------------


async def home_lines(app: PortalApp) -> list[str]:
    """Unread count and the next deadline; also the first look for news (announced once)."""
    from ind_tui.api.errors import PortalError, SessionExpiredError

    news = await look_now(app)
    client = app.context.client
    if news is None or client is None:
        return []
    lines = [plural("inbox.home.unread", news.unread)] if news.unread else []
    try:
        requests, _ = await client.messages(state=RequestState.OPEN)
    except SessionExpiredError:
        raise
    except PortalError:
        return lines
    dated = [m for m in requests if m.deadline is not None]
    if dated:
        first = min(dated, key=lambda m: (m.deadline, m.id))
        assert first.deadline is not None
        lines.append(t("inbox.home.next", name=plain(first.employee_name), zaak=first.zaaknummer,
                       date=day(first.deadline),
                       left=days_left(first.deadline, client.clock.today())))
    return lines
