"""Employees: the sponsor's registered migrants in a table that draws only what is on screen
(fast with 50,000), what the sponsor has to do about them (deregister within 4 weeks, permits
in their extension window), and register, deregister, import, export and find.

Only recognised sponsors and their representatives have the service; anyone else sees why.
"""

from __future__ import annotations

import asyncio
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from ind_tui.api.auth import Purpose
from ind_tui.api.employees import EmployeeStatus
from ind_tui.i18n import t
from ind_tui.i18n.format import number
from ind_tui.services.duties import (
    Duty,
    duty_by_employee,
    employee_duties,
)
from ind_tui.tui.context import Failed, offline_errors
from ind_tui.tui.screens.employees.deregister import DeregisterActions
from ind_tui.tui.screens.employees.view import (
    columns,
    denied_text,
    detail_text,
    duty_cell,
    duty_line,
    employees_access,
    write_export,
)
from ind_tui.tui.screens.shell.base import set_text
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.filter_table import FilterTable
from ind_tui.tui.widgets.load_state import LoadLine, drawn
from ind_tui.tui.widgets.prompt import PromptDialog
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.text import plain

if TYPE_CHECKING:
    from ind_tui.api.employees import DeregistrationRequest, Employee

DUTY_LINES = 3  # duties shown above the table; `u` shows every employee with one
FIRST_PAGE = 60  # employees in the first request: a screenful, at once
REPAINT_SECONDS = 0.5  # while the rest arrives, the table grows this often


class EmployeesScreen(DeregisterActions):
    HELP_KEY = "employees.hint"
    BINDINGS = [
        Binding("n", "register", "employees.key.register", id="employees.register"),
        Binding("d", "deregister", "employees.key.deregister", id="employees.deregister"),
        Binding("i", "import_csv", "employees.key.import", id="employees.import"),
        Binding("x", "export", "employees.key.export", id="employees.export"),
        Binding("f", "find", "employees.key.find", id="employees.find"),
        Binding("u", "only_duties", "employees.key.duties", id="employees.only_duties"),
        Binding("r", "reload", "key.refresh", id="employees.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.employees: list[Employee] = []
        self.shown: list[Employee] = []  # the table's rows, index for index
        self.duties: list[Duty] = []
        self._duty_of: dict[str, Duty] = {}
        self.pending: set[str] = set()
        self.total = 0
        self.loaded = False
        self.only_duties = False
        self._shown_count = -1  # the count the status line last showed
        self.today = date.today()
        self._rows: list[tuple[object, ...]] = []  # one per employee, in list order
        self._draft: dict[str, str] = {}  # the registration form as last typed
        self._deregistering: tuple[str, DeregistrationRequest, str] | None = None

    # --- layout -------------------------------------------------------------------------------

    @property
    def allowed(self) -> bool:
        access = employees_access(self.context.me)
        return access is not None and access.allowed

    def body(self) -> ComposeResult:
        yield Static(f"[b]{t('employees.title')}[/b]", id="emp-status")
        me = self.context.me
        if not self.allowed:
            yield Panel(denied_text(me), id="emp-denied", classes="-warning")
            return
        yield Static("", id="emp-duties")
        table = VirtualTable(columns(), empty_text=t("employees.reading"), id="emp-table")
        table.tooltip = t("employees.hint")
        yield LoadLine(table, loading="employees.reading", empty="employees.empty",
                       id="emp-load")
        yield FilterTable(table, id="emp-filter")
        yield Static("", id="emp-detail", classes="muted")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#emp-table", VirtualTable)

    def on_mount(self) -> None:
        if not self.allowed:
            return
        self.table.focus()
        self.action_reload()

    def relabel(self) -> None:
        if not self.allowed:
            set_text(self, "#emp-status", f"[b]{t('employees.title')}[/b]")
            set_text(self, "#emp-denied", denied_text(self.context.me))
            return
        table = self.table
        table.retitle(columns())
        table.empty_text = self._empty_text()
        table.tooltip = t("employees.hint")
        if self.employees or self.loaded:  # purposes, statuses, duties are words: rows again
            self._refresh_rows(partial=not self.loaded)
        else:
            set_text(self, "#emp-status", f"[b]{t('employees.title')}[/b]")

    # --- loading ----------------------------------------------------------------------------

    @work(exclusive=True, group="employees")
    async def action_reload(self) -> None:
        app = self.portal_app
        client = app.context.client
        if client is None or not self.allowed:
            return
        self.today = client.clock.today()
        line = self.query_one("#emp-load", LoadLine)
        line.started()
        painted = 0.0

        async def fetch() -> bool:
            nonlocal painted
            # A small first page paints at once; the rest comes a thousand at a time and is
            # shown every so often, not after each page (each showing re-sorts the table).
            async for page in client.iter_employees(first_page=FIRST_PAGE):
                self.total = page.total
                if not self.is_attached:
                    return False
                if not painted:  # what was shown stays until the portal answers
                    self.loaded = False
                    self.employees, self._rows, self._duty_of, self.duties = [], [], {}, []
                self._append(page.items)
                now = time.monotonic()
                if not painted or now - painted >= REPAINT_SECONDS:
                    first, painted = not painted, now
                    self._show_partial()
                    if first:  # the first screenful is drawn before the next page is asked
                        await drawn(self)
            return True

        # Unreachable or busy: the line says so, no panel; other refusals show theirs too.
        outcome = await app.call(fetch, handle=offline_errors())
        if isinstance(outcome, Failed) and self.is_attached:
            line.failed(outcome)
        if not outcome.or_none() or not self.is_attached:
            return
        from ind_tui.services.duties import pending_extensions

        pending = (await app.call(lambda: pending_extensions(client))).or_none()
        self.pending = pending or set()
        self.loaded = True
        if self.is_attached:
            self._recompute()
            line.done(len(self.employees))

    def _append(self, page: list[Employee]) -> None:
        """One page in: its rows are made once, with the duties of its own employees (the
        extensions under way are known at the end, when the duties are made again)."""
        duty_of = duty_by_employee(employee_duties(page, self.today))
        self._duty_of.update(duty_of)
        self.employees.extend(page)
        self._rows.extend(self._rows_for(page, duty_of))

    def _show_partial(self) -> None:
        if self.only_duties:
            self._refresh_rows(partial=True)
            return
        self.shown = list(self.employees)
        self.table.set_rows(list(self._rows))
        self._status(partial=True)
        self._show_duties(partial=True)
        self._detail()

    def _rows_for(self, employees: list[Employee], duty_of: dict[str, Duty]
                  ) -> list[tuple[object, ...]]:
        words: dict[object, str] = {**{p: t(f"purpose.{p.value}") for p in Purpose},
                 **{s: t(f"employees.status.{s.value}") for s in EmployeeStatus}}
        return [(e.name, e.v_number, e.date_of_birth, e.nationality, words[e.purpose],
                 e.start_date, e.permit_end, words[e.status], duty_cell(duty_of.get(e.id)))
                for e in employees]

    def _recompute(self) -> None:
        self.duties = employee_duties(self.employees, self.today,
                                      pending_extensions=self.pending)
        self._duty_of = duty_by_employee(self.duties)
        self._refresh_rows()

    def _refresh_rows(self, partial: bool = False) -> None:
        duty_of = self._duty_of
        if self.only_duties:  # soonest due first, as in the list above the table
            by_id = {e.id: e for e in self.employees}
            shown = [by_id[i] for i in duty_of if i in by_id]
        else:
            shown = self.employees
        rows = self._rows_for(shown, duty_of)
        if not self.only_duties:
            self._rows = rows
        self.shown = list(shown)
        self.table.set_rows(rows)
        self._status(partial)
        self._show_duties(partial)
        self._detail()

    def _status(self, partial: bool = False) -> None:
        title = f"[b]{t('employees.title')}[/b] · "
        if partial:
            text = t("employees.loading", n=number(len(self.employees)),
                     total=number(self.total))
        else:
            key = "employees.count_duties" if self.only_duties else "employees.count"
            self._shown_count = self.table.row_count
            text = t(key, shown=number(self.table.row_count), total=number(len(self.employees)))
            text += " · [b]" + t("employees.duties.title", n=number(len(self.duties))) + "[/b]"
        set_text(self, "#emp-status", title + text)

    def _show_duties(self, partial: bool) -> None:
        if partial:
            set_text(self, "#emp-duties", "")
            return
        lines = [duty_line(d, self.today) for d in self.duties[:DUTY_LINES]]
        if len(self.duties) > DUTY_LINES:
            lines.append(t("employees.duties.more", n=number(len(self.duties) - DUTY_LINES)))
        set_text(self, "#emp-duties", "\n".join(lines) or t("employees.duties.none"))

    # --- the row under the cursor -------------------------------------------------------------

    def current(self) -> Employee | None:
        index = self.table.cursor_row_index if self.allowed else None
        return self.shown[index] if index is not None and index < len(self.shown) else None

    @on(VirtualTable.CursorMoved, "#emp-table")
    def _moved(self, _: VirtualTable.CursorMoved) -> None:
        # A filter change moves the cursor too: the count follows what the table shows.
        if self.loaded and self.table.row_count != self._shown_count:
            self._status()
        self._detail()

    def _empty_text(self) -> str:
        return t("employees.empty_duties" if self.only_duties else "employees.empty")

    @on(VirtualTable.RowSelected, "#emp-table")
    def _start_application(self, _: VirtualTable.RowSelected) -> None:
        from ind_tui.tui.screens.employees.start import start_application

        start_application(self, self.current(), self.today)

    def _detail(self) -> None:
        e = self.current()
        if e is None:
            filtered = bool(self.table.model.query) and bool(self.employees)
            set_text(self, "#emp-detail", t("employees.none_match") if filtered else "")
            return
        set_text(self, "#emp-detail", detail_text(e))

    # --- actions ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("register", "deregister", "import_csv", "export", "find", "only_duties",
                      "reload"):
            return self.allowed
        return True

    def _purposes(self) -> list[Purpose]:
        me = self.context.me
        return [r.purpose for r in me.recognitions] if me is not None else []

    def action_register(self) -> None:
        from ind_tui.tui.screens.employees.forms import RegisterScreen

        def done(employee: Employee | None) -> None:
            if employee is None:
                return
            self.employees = [e for e in self.employees if e.v_number != employee.v_number]
            self.employees.append(employee)
            self._recompute()
            self.table.jump_to_value("v_number", employee.v_number)
            self.notify(t("employees.register.done", name=plain(employee.name),
                          v_number=employee.v_number))

        self.app.push_screen(RegisterScreen(self._purposes(), self.today, self._draft), done)

    def action_only_duties(self) -> None:
        self.only_duties = not self.only_duties
        self.table.empty_text = self._empty_text()
        self._refresh_rows(not self.loaded)
        self.table.jump_to(0)

    def action_find(self) -> None:
        def found(typed: str | None) -> None:
            text = (typed or "").strip()
            if not text:
                return
            digits = text.replace(" ", "")
            ok = (digits.isdigit() and self.table.jump_to_value("v_number", digits)) or \
                self.table.jump_to_value("name", text, prefix=True)
            if ok and (e := self.current()) is not None:
                self.notify(t("employees.found", name=plain(e.name)))
            else:
                self.notify(t("employees.not_found", text=plain(text)), severity="warning")

        self.app.push_screen(PromptDialog(t("employees.key.find"),
                                          t("employees.find_prompt")), found)

    def action_export(self) -> None:
        default = f"~/employees-{self.today.isoformat()}.csv"

        def chosen(path: str | None) -> None:
            if path and path.strip():
                self.export(Path(path.strip()).expanduser())

        self.app.push_screen(PromptDialog(t("employees.export.title"),
                                          t("employees.export.path"), default), chosen)

    @work(group="export")
    async def export(self, path: Path) -> None:
        view = [self.shown[i] for i in self.table.model.view]
        try:
            await asyncio.to_thread(write_export, path, view)
        except OSError as exc:
            self.notify(t("employees.export.failed", path=path, reason=exc.strerror or exc),
                        severity="error", timeout=10)
            return
        self.notify(t("employees.export.done", n=number(len(view)), path=path))

    def action_import_csv(self) -> None:
        from ind_tui.tui.screens.employees.bulk import ImportScreen

        self.app.push_screen(ImportScreen(self.employees, self._purposes(), self.today,
                                          on_registered=self.action_reload))
