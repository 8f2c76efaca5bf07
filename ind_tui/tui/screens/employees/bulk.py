"""Importing employees from a CSV file: a path, a preview of every row with its problems,
then (after a confirmation) each ready row registered once, a summary and a file of the rows
to fix. The reading and sending live in portal.employee_csv and portal.employee_import."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, Static

from ind_tui.base.atomic import atomic_write_bytes
from ind_tui.domain.employee_csv import Preview, PreviewRow, RowState, preview, read_csv
from ind_tui.i18n import language, t
from ind_tui.i18n.format import number
from ind_tui.services.employee_import import (
    ImportSummary,
    Outcome,
    describe,
    failed_rows,
    failures_csv,
    send,
)
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.table import Column, VirtualTable
from ind_tui.tui.widgets.text import Tr

if TYPE_CHECKING:
    from ind_tui.api.auth import Purpose
    from ind_tui.api.employees import Employee


def _columns() -> list[Column]:
    return [
        Column("line", t("employees.import.col.line"), width=6, align="right"),
        Column("result", t("employees.import.col.state"), min_width=8),
        Column("v_number", t("employees.field.v_number"), width=10),
        Column("name", t("employees.field.name"), min_width=10),
        Column("problem", t("employees.import.col.problem"), min_width=20),
    ]


def failures_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}-failures.csv")


class ImportScreen(PortalScreen):
    HELP_KEY = "employees.help.import"
    BINDINGS = [
        Binding("ctrl+s", "send", "employees.key.send", id="employees.import_send"),
        Binding("w", "save_failures", "employees.key.failures", id="employees.import_failures"),
    ]

    def __init__(self, registered: list[Employee], purposes: list[Purpose], today: date,
                 on_registered: Callable[[], object] | None = None) -> None:
        super().__init__()
        self.registered = registered
        self.purposes = purposes
        self.today = today
        self.on_registered = on_registered
        self.preview: Preview | None = None
        self.summary: ImportSummary | None = None
        self.source: Path | None = None
        self.failures: Path | None = None  # where the rows to fix were written
        self.file_note: tuple[str, dict[str, object]] | None = None  # reading, or why not
        self.sending = False

    def body(self) -> ComposeResult:
        yield Tr("employees.import.title", id="import-title", classes="title")
        yield Tr("employees.import.intro", id="import-intro", classes="muted")
        yield Label(t("employees.import.path"), id="import-label")
        yield Input(id="import-path", placeholder="~/employees.csv",
                    tooltip=t("employees.help.import"))
        yield Static("", id="import-file", classes="muted")
        yield Static("", id="import-summary")
        yield Static("", id="import-problems", classes="error-text")
        table = VirtualTable(_columns(), empty_text="", id="import-table")
        table.tooltip = t("employees.help.import")
        yield table
        yield Static("", id="import-detail")
        yield Static("", id="import-result")

    def on_mount(self) -> None:
        self.query_one("#import-path").focus()

    def relabel(self) -> None:
        self.query_one("#import-label", Label).update(t("employees.import.path"))
        self.query_one("#import-path").tooltip = t("employees.help.import")
        table = self.query_one("#import-table", VirtualTable)
        table.tooltip = t("employees.help.import")
        table.retitle(_columns())
        if self.file_note is not None:
            key, values = self.file_note
            set_text(self, "#import-file", t(key, **values))
        if self.preview is not None:
            self._show_preview()  # the states and problems in the rows are words too
        if self.summary is not None:
            self._show_summary(self.failures)

    def _note_file(self, key: str, **values: object) -> None:
        self.file_note = (key, values)
        set_text(self, "#import-file", t(key, **values))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_failures":
            # `w` types a letter while the path is being written
            return self.preview is not None and self.focused is not self.query_one(Input)
        if action == "send":
            return self.preview is not None and not self.sending and self.summary is None
        return True

    # --- preview ----------------------------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def _path(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.load(Path(event.value.strip()).expanduser())

    @work(exclusive=True, group="import-preview")
    async def load(self, path: Path) -> None:
        self._note_file("employees.import.reading", path=path)
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except OSError as exc:
            self._note_file("employees.import.unreadable", path=path,
                            reason=exc.strerror or exc)
            return
        registered, recognised, today = self.registered, set(self.purposes), self.today
        result = await asyncio.to_thread(
            lambda: preview(read_csv(data), today, registered=registered,
                            recognised=recognised or None))  # 10,000 rows: off the UI thread
        if not self.is_attached:
            return
        self.source, self.preview, self.summary, self.file_note = path, result, None, None
        self._show_preview()
        self.query_one("#import-table").focus()

    def _show_preview(self) -> None:
        p = self.preview
        assert p is not None
        delimiter = {"\t": "tab"}.get(p.file.delimiter, p.file.delimiter)
        set_text(self, "#import-file", t("employees.import.file", encoding=p.file.encoding,
                                         delimiter=delimiter, rows=number(len(p.rows))))
        summary = t("employees.import.summary", ready=number(p.count(RowState.READY)),
                    already=number(p.count(RowState.ALREADY)),
                    duplicate=number(p.count(RowState.DUPLICATE)),
                    errors=number(p.count(RowState.ERROR)))
        problems = "; ".join(describe(x.as_row_error(), language()) for x in p.problems)
        set_text(self, "#import-summary", summary)
        set_text(self, "#import-problems",
                 f"{t('employees.import.blocked')} {problems}" if problems else "")
        self._rows()

    def _rows(self) -> None:
        p = self.preview
        assert p is not None
        results = self.summary.results if self.summary is not None else {}
        rows = []
        for row in p.rows:
            state, errors = row.state.value, list(row.errors)
            result = results.get(row.line)
            if result is not None:
                state = result.outcome.value
                errors = [result.error] if result.error is not None else []
            text = "; ".join(describe(e, language()) for e in errors)
            rows.append((row.line, t(f"employees.import.state.{state}"),
                         _cell(row, "v_number"), _cell(row, "name"), text))
        self.query_one("#import-table", VirtualTable).set_rows(rows)

    @on(VirtualTable.CursorMoved, "#import-table")
    def _moved(self, event: VirtualTable.CursorMoved) -> None:
        """The whole of the row's problems: the table cuts them to the column."""
        index = event.row_index
        table = self.query_one("#import-table", VirtualTable)
        text = str(table.model.rows[index][-1]) if index is not None else ""
        set_text(self, "#import-detail", text)

    # --- sending ----------------------------------------------------------------------------

    def action_send(self) -> None:
        p = self.preview
        if p is None:
            return
        if not p.sendable or not p.ready:
            self.notify(t("employees.import.nothing"), severity="warning")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.send()

        self.app.push_screen(ConfirmDialog(t("employees.import.confirm", n=number(len(p.ready)))),
                             confirmed)

    @work(exclusive=True, group="import-send")
    async def send(self) -> None:
        client = self.context.client
        p = self.preview
        if client is None or p is None:
            return
        self.sending = True

        def progress(done: int, total: int) -> None:
            set_text(self, "#import-result", t("employees.import.sending", done=number(done),
                                               total=number(total)))

        try:
            summary = await send(client, p, on_progress=progress)
        finally:
            self.sending = False
        self.summary = summary
        if summary.count(Outcome.REGISTERED) and self.on_registered is not None:
            self.on_registered()
        path = None
        if failed_rows(p, summary):
            path = await self._write_failures()
        self.failures = path
        if self.is_attached:
            self._rows()
            self._show_summary(path)

    def _show_summary(self, failures: Path | None) -> None:
        s, p = self.summary, self.preview
        assert s is not None and p is not None
        lines = [t("employees.import.result", registered=s.count(Outcome.REGISTERED),
                   already=s.count(Outcome.ALREADY) + p.count(RowState.ALREADY),
                   failed=s.count(Outcome.FAILED), not_sent=s.count(Outcome.NOT_SENT))]
        if s.stopped is not None:
            lines.append(t("employees.import.stopped", reason=describe(s.stopped, language())))
        if failures is not None:
            lines.append(t("employees.import.failures", path=failures))
        set_text(self, "#import-result", "\n".join(lines))

    async def _write_failures(self) -> Path | None:
        p, source = self.preview, self.source
        if p is None or source is None:
            return None
        target = failures_path(source)
        data = failures_csv(p, self.summary, language())
        try:
            await asyncio.to_thread(atomic_write_bytes, target, data)
        except OSError as exc:
            self.notify(t("employees.export.failed", path=target, reason=exc.strerror or exc),
                        severity="error", timeout=10)
            return None
        return target

    @work(group="import-failures")
    async def action_save_failures(self) -> None:
        p = self.preview
        if p is None:
            return
        if not failed_rows(p, self.summary):
            self.notify(t("employees.import.no_failures"))
            return
        path = await self._write_failures()
        if path is not None:
            self.notify(t("employees.import.failures", path=path), timeout=10)


def _cell(row: PreviewRow, name: str) -> str:
    return row.values.get(name, "").strip()
