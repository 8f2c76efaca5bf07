"""Due soon: one list of everything with a date to act by, soonest first, on the portal's
date. Enter goes to the thing itself (the request, the employee, the address form, the
case); `a` notes a coming change of administration address (2 weeks to report it).
Space marks a permit in its extension window (`m` marks them all; a mark is a ✓ before the
name), `b` makes an extension draft for each marked one and files them together
(screens/bulk/)."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ind_tui.api.auth import Service
from ind_tui.i18n import t
from ind_tui.i18n.format import day, plural
from ind_tui.services.due import DueItem, DueKind, DueList
from ind_tui.tui.context import Failed, offline_errors
from ind_tui.tui.screens.inbox.text import days_left, due_detail, due_what
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.filter_table import FilterTable
from ind_tui.tui.widgets.load_state import LoadLine
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.table_model import Column, Row
from ind_tui.tui.widgets.text import LanguageChanged, Tr


def columns() -> list[Column]:
    # What the clerk scans for stays whole at 80 columns: the date, the kind of duty (its
    # longest word in this language) and the name; the detail gives way first (Enter shows
    # the thing itself), the case number next.
    kinds = max(cell_len(t(f"due.kind.{kind}")) for kind in DueKind)
    return [
        Column("date", t("due.col.date"), width=10, min_width=10, formatter=day),
        Column("left", t("due.col.left"), min_width=12),
        Column("what", t("due.col.what"), min_width=kinds),
        Column("who", t("due.col.who"), min_width=14),
        Column("case", t("due.col.case"), width=10, min_width=10, keep_from=76),
        Column("detail", t("due.col.detail"), min_width=12, keep_from=100),
    ]


MARK = "✓ "  # before the name of a marked employee: a character, not only a colour


def row_for(item: DueItem, today: date, marked: bool = False) -> Row:
    who = (MARK if marked else "") + (item.employee_name or "")
    return (item.due, days_left(item.due, today), due_what(item), who, item.zaaknummer or "",
            due_detail(item))


def markable(item: DueItem) -> bool:
    return item.kind == DueKind.EXTENSION_WINDOW and bool(item.v_number)


class DateScreen(ModalScreen[date | None]):
    """Asks for one date (YYYY-MM-DD)."""

    BINDINGS = [Binding("escape", "cancel", "key.back", id="due.date_cancel")]
    invalid = False  # a date was refused: the reason is shown

    def compose(self) -> ComposeResult:
        with Vertical(id="due-date", classes="dialog"):
            yield Tr("due.address.title", classes="title")
            yield Tr("account.duty", classes="muted")
            yield Label(t("due.address.label"), id="due-date-label")
            yield Input(placeholder="2026-12-01", id="due-date-input")
            yield Static("", id="due-date-error", classes="error-text")
        yield PortalFooter()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one("#due-date-label", Label).update(t("due.address.label"))
        if self.invalid:
            self.query_one("#due-date-error", Static).update(t("due.address.invalid"))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            self.dismiss(date.fromisoformat(event.value.strip()))
        except ValueError:
            self.invalid = True
            self.query_one("#due-date-error", Static).update(t("due.address.invalid"))

    def action_cancel(self) -> None:
        self.dismiss(None)


class DueScreen(PortalScreen):
    HELP_KEY = "due.help"
    BINDINGS = [
        Binding("a", "note_address", "due.key.address", id="due.address"),
        Binding("x", "forget_address", "due.key.forget", id="due.forget"),
        Binding("r", "reload", "key.refresh", id="due.refresh"),
        Binding("space", "mark", "due.key.mark", id="due.mark", show=False),
        Binding("m", "mark_all", "due.key.mark_all", id="due.mark_all", show=False),
        Binding("b", "bulk", "due.key.bulk", id="due.bulk"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.due: DueList | None = None
        self.marked: set[str] = set()  # V-numbers of the marked permits

    def body(self) -> ComposeResult:
        yield Tr("due.title", classes="title", id="due-title")
        yield Static("", id="due-summary", classes="muted")
        yield Static("", id="due-failed", classes="notice")
        table = VirtualTable(columns(), empty_text=t("due.loading"), id="due-table")
        yield LoadLine(table, loading="due.loading", empty="due.empty", id="due-load")
        yield FilterTable(table, id="due-filter")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#due-table", VirtualTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.action_reload()

    def relabel(self) -> None:
        self.table.retitle(columns())
        self._show()

    def on_screen_resume(self) -> None:
        if self.due is not None:  # back from the thing: it may be done now
            self.action_reload()

    @work(exclusive=True, group="due")
    async def action_reload(self) -> None:
        from ind_tui.services.due import load_due

        app = self.portal_app
        client, me, scope = self.context.client, self.context.me, self.context.scope
        if client is None or me is None or scope is None:
            return
        line = self.query_one("#due-load", LoadLine)
        line.started()
        # Unreachable or busy: the line says so, no panel; other refusals show theirs too.
        found = await app.call(lambda: load_due(client, me, scope), handle=offline_errors())
        if not self.is_attached:
            return
        if isinstance(found, Failed):
            line.failed(found)
            return
        self.due = found.value
        self._show()
        line.done(len(self.due.items))

    def _show(self) -> None:
        due = self.due
        self.query_one("#due-failed").display = bool(due and due.failed)
        if due is None:
            return
        self.marked &= {i.v_number for i in due.items if markable(i) and i.v_number}
        self.table.set_rows([row_for(item, due.today, item.v_number in self.marked
                                     and markable(item)) for item in due.items])
        late = sum(1 for item in due.items if item.due < due.today or item.late)
        summary = plural("due.summary", len(due.items), late=late, today=day(due.today))
        if self.marked:  # the keys that go on from here are not in the footer at 80 columns
            summary += " · " + plural("due.marked", len(self.marked))
        set_text(self, "#due-summary", summary)
        if due.failed:
            parts = ", ".join(t(f"due.part.{name}") for name in due.failed)
            set_text(self, "#due-failed", t("due.failed", parts=parts))

    def _current(self) -> DueItem | None:
        index = self.table.cursor_row_index
        if self.due is None or index is None or index >= len(self.due.items):
            return None
        return self.due.items[index]

    # --- going to the thing ----------------------------------------------------------------

    @on(VirtualTable.RowSelected, "#due-table")
    def _open(self, event: VirtualTable.RowSelected) -> None:
        if self.due is not None:
            self.go_to(self.due.items[event.row_index])

    def go_to(self, item: DueItem) -> None:
        app = self.app
        if item.kind == DueKind.INFORMATION and item.message_id:
            from ind_tui.tui.screens.inbox.message import MessageScreen

            app.push_screen(MessageScreen(item.message_id))
        elif item.kind == DueKind.ADDRESS:
            from ind_tui.tui.screens.account.screen import AccountScreen

            app.push_screen(AccountScreen(change_address=True))
        elif item.kind == DueKind.APPOINTMENT and item.zaaknummer:
            from ind_tui.tui.screens.appointments.screen import AppointmentsScreen

            app.push_screen(AppointmentsScreen(query=f"zaak:{item.zaaknummer}"))
        elif item.kind == DueKind.EXTENSION_WINDOW and item.v_number:
            from ind_tui.tui.screens.wizard.begin import begin_for_employee

            # The extension itself, prefilled from the register and the latest case.
            begin_for_employee(self, item.v_number, item.employee_name or item.v_number,
                               extension_first=True, direct=True)
        elif item.employee_id:
            from ind_tui.tui.screens.employees.screen import EmployeesScreen

            app.push_screen(EmployeesScreen())
        elif item.zaaknummer:
            from ind_tui.tui.screens.cases.detail import CaseDetailScreen

            app.push_screen(CaseDetailScreen(item.zaaknummer))

    # --- marking permits for bulk extensions ---------------------------------------------

    def _markable(self) -> list[DueItem]:
        return [i for i in self.due.items if markable(i)] if self.due is not None else []

    def action_mark(self) -> None:
        item = self._current()
        if item is None or not markable(item) or item.v_number is None:
            self.notify(t("due.mark.only_extensions"), severity="warning")
            return
        self.marked ^= {item.v_number}
        self._show()
        self.table.action_cursor_down()  # on to the next, as file managers do

    def action_mark_all(self) -> None:
        every = {i.v_number for i in self._markable() if i.v_number}
        if not every:
            self.notify(t("due.mark.none"), severity="warning")
            return
        self.marked = set() if every <= self.marked else every
        self._show()

    def action_bulk(self) -> None:
        """An extension draft for each marked permit (or the one under the cursor)."""
        from ind_tui.services.duties import Duty
        from ind_tui.tui.screens.bulk.screen import BulkScreen

        chosen = [i for i in self._markable() if i.v_number in self.marked]
        current = self._current()
        if not chosen and current is not None and markable(current):
            chosen = [current]
        if not chosen:
            self.notify(t("due.mark.only_extensions"), severity="warning")
            return
        duties = [Duty(i.kind, i.due, i.employee_id, i.employee_name, detail=i.detail,
                       v_number=i.v_number) for i in chosen]
        self.app.push_screen(BulkScreen(duties))

    # --- a noted change of administration address -------------------------------------------

    def action_note_address(self) -> None:
        me = self.context.me
        if me is None or not any(s.service is Service.ACCOUNT and s.allowed for s in me.services):
            self.notify(t("due.address.only_sponsor"), severity="warning")
            return

        def chosen(effective: date | None) -> None:
            if effective is not None:
                self.note_address(effective)

        self.app.push_screen(DateScreen(), chosen)

    @work(group="due-address")
    async def note_address(self, effective: date) -> None:
        import asyncio

        from ind_tui.local.inbox_store import AddressChange, InboxStore

        app = self.portal_app
        client, scope = self.context.client, self.context.scope
        if client is None or scope is None:
            return
        account = (await app.call(client.account)).or_none()
        if account is None:
            return
        change = AddressChange(effective, account.administration_address, client.clock.now())
        await asyncio.to_thread(InboxStore().note_address_change, scope, change)
        self.notify(t("due.address.noted", date=day(change.due)))
        self.action_reload()

    @work(group="due-address")
    async def action_forget_address(self) -> None:
        import asyncio

        from ind_tui.local.inbox_store import InboxStore

        item, scope = self._current(), self.context.scope
        if item is None or item.kind != DueKind.ADDRESS or scope is None:
            self.notify(t("due.address.not_selected"), severity="warning")
            return
        effective = {date.fromisoformat(item.detail)}
        await asyncio.to_thread(InboxStore().drop_address_changes, scope, effective)
        self.notify(t("due.address.forgotten"))
        self.action_reload()
