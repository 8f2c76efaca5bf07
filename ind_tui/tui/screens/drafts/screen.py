"""Drafts: every saved application on this computer, how far each is, what it still needs,
and the file work around them (rename, copy, delete, pack for a colleague, unpack)."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.markup import escape
from textual.widgets import Static

from ind_tui.i18n import t
from ind_tui.i18n.format import plural
from ind_tui.services.binding import DraftAction, DraftRefused, acting_company
from ind_tui.tui.screens.drafts.dialogs import OTHER, YES, QuestionDialog, open_wizard
from ind_tui.tui.screens.drafts.files import DraftRow, FileActionRefused, shown_name
from ind_tui.tui.screens.drafts.table import UPDATED, cells, columns, slot_names
from ind_tui.tui.screens.drafts.view import DraftView, detail_text, error_text
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.screens.wizard.company import refusal_of, say_refusal
from ind_tui.tui.screens.wizard.pages import key_for
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.filter_table import FilterTable
from ind_tui.tui.widgets.prompt import PromptDialog
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.text import Tr

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel


class DraftsScreen(PortalScreen):
    HELP_KEY = "drafts.help"
    BINDINGS = [
        Binding("r", "rename", "drafts.key.rename", id="drafts.rename"),
        Binding("c", "duplicate", "drafts.key.duplicate", id="drafts.duplicate"),
        Binding("d,delete", "delete", "drafts.key.delete", id="drafts.delete"),
        Binding("p", "pack", "drafts.key.pack", id="drafts.pack"),
        Binding("u", "unpack", "drafts.key.unpack", id="drafts.unpack"),
        Binding("a", "all_companies", "drafts.key.all", id="drafts.all_companies"),
        Binding("f", "filed", "drafts.key.filed", id="drafts.filed"),
        Binding("n", "new", "drafts.key.new", id="drafts.new", show=False),
        Binding("f5", "reload", "key.refresh", id="drafts.refresh", show=False),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.rows: list[DraftRow] = []  # the drafts listed: those `view` shows
        self.found: list[DraftRow] = []  # every draft in the folder
        self.view = DraftView(None)
        self.loaded = False
        self._query = query
        self._select: Path | None = None  # the file to put the cursor on after a reload

    # --- layout -----------------------------------------------------------------------------

    def body(self) -> ComposeResult:
        yield Static(t("drafts.title"), classes="title", id="drafts-title")
        table = VirtualTable(columns(), empty_text=t("drafts.loading"), id="drafts-table")
        yield FilterTable(table, id="drafts-list")
        yield Panel("", id="drafts-detail")
        yield Tr("drafts.hint", classes="muted", id="drafts-hint")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#drafts-table", VirtualTable)

    def on_mount(self) -> None:
        context = self.context
        self.view = DraftView(None, all_companies=context.drafts_all_companies,
                              filed=context.drafts_filed)
        self.table.sort(UPDATED, descending=True)
        self.table.focus()
        if self._query:
            self.query_one("#drafts-list", FilterTable).show_filter(self._query)
        self.action_reload()

    def relabel(self) -> None:
        self.table.retitle(columns())
        self._show_rows()  # stages and unreadable files are words in the interface language

    def on_screen_resume(self) -> None:
        # Back from the wizard: progress and names may have changed. Not when the resume
        # comes on the way out (a jump home pops the wizard, then this screen).
        if self.loaded and self.whole:
            self.action_reload()

    # --- loading ----------------------------------------------------------------------------

    def _today(self) -> date:
        return self.context.today()

    @work(exclusive=True, group="drafts-load")
    async def action_reload(self) -> None:
        from ind_tui.tui.screens.drafts.files import collect

        today = self._today()
        try:
            rows = await asyncio.to_thread(collect, today)
        except OSError as exc:
            self._say(t("drafts.folder_unreadable", reason=exc.strerror or str(exc)),
                        severity="error")
            rows = []
        if not self.whole:  # left (or rebuilt) meanwhile: its table is gone
            return
        self.found = rows
        self.loaded = True
        self._show_rows()

    def action_all_companies(self) -> None:
        self.view = replace(self.view, all_companies=not self.view.all_companies)
        self.context.drafts_all_companies = self.view.all_companies  # for the session
        self._show_rows()

    def action_filed(self) -> None:
        self.view = replace(self.view, filed=not self.view.filed)
        self.context.drafts_filed = self.view.filed
        self._show_rows()

    def _show_rows(self) -> None:
        table = self.table
        me = self.context.me
        company = acting_company(me) if me is not None else None
        self.view = replace(self.view, company=company)  # the login may have changed
        table.empty_text = (t("drafts.loading") if not self.loaded else t("drafts.none")
                            if not self.found else t("drafts.none_shown"))
        keep = self._select or (self.current.path if self.current is not None else None)
        self._select = None
        self.rows = [row for row in self.found if self.view.shows(row)]
        table.set_rows([cells(row) for row in self.rows])
        if keep is not None:
            for pos, index in enumerate(table.model.view):
                if self.rows[index].path == keep:
                    table.jump_to(pos)
                    break
        set_text(self, "#drafts-title", self.view.title(
            self.found, len(self.rows), key_for(self, "drafts.all_companies"),
            key_for(self, "drafts.filed")))
        self._show_detail()

    @property
    def current(self) -> DraftRow | None:
        try:
            index = self.table.cursor_row_index
        except NoMatches:  # not composed yet, or already taken down
            return None
        if index is None or index >= len(self.rows):
            return None
        return self.rows[index]

    @on(VirtualTable.CursorMoved, "#drafts-table")
    def _moved(self, _: VirtualTable.CursorMoved) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        panel = self.query_one("#drafts-detail", Panel)
        row = self.current
        panel.display = row is not None
        if row is None:
            return
        panel.border_title = escape(shown_name(row.path))
        panel.set_class(row.draft is None, "-error")
        panel.update(detail_text(row))

    # --- actions ----------------------------------------------------------------------------

    @on(VirtualTable.RowSelected, "#drafts-table")
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        if event.row_index < len(self.rows):
            self.open_row(self.rows[event.row_index])

    def open_row(self, row: DraftRow) -> None:
        if row.draft is None:
            self._say(t("drafts.cannot_open", name=shown_name(row.path)), severity="warning")
            return
        if not row.known_form:
            self._say(t("drafts.detail.unknown_form", form=row.draft.form_id),
                        severity="warning")
            return
        open_wizard(self.portal_app, row.path)

    def _readable(self) -> DraftRow | None:
        row = self.current
        if row is None:
            return None
        if row.draft is None:
            self._say(t("drafts.cannot_open", name=shown_name(row.path)), severity="warning")
            return None
        return row

    def action_new(self) -> None:
        self.portal_app.action_go("new")

    def action_rename(self, error: str = "", value: str | None = None) -> None:
        row = self.current
        if row is None:
            return
        typed = row.path.stem if value is None else value

        def given(name: str | None) -> None:
            if name is not None:
                self._rename(row.path, name)

        prompt = t("drafts.rename.prompt", name=escape(shown_name(row.path)))
        self.app.push_screen(PromptDialog(t("drafts.rename.title"), prompt, typed, error), given)

    def _rename(self, path: Path, name: str) -> None:
        from ind_tui.tui.screens.drafts.files import rename_draft

        try:
            target = rename_draft(path, name)
        except FileActionRefused as exc:
            self.action_rename(t(exc.key, **exc.params), name)
            return
        except OSError as exc:
            self._say(t("drafts.failed", reason=exc.strerror or str(exc)), severity="error")
            return
        if target != path:
            self._say(t("drafts.renamed", name=target.name))
        self._select = target
        self.action_reload()

    def action_duplicate(self) -> None:
        """A copy for the company acted for, of one of its own drafts only; the person (and
        their documents) comes along only when asked: usually the copy is for the next one."""
        row = self._readable()
        me = self.context.me
        if row is None or row.draft is None or me is None:
            return
        refusal = refusal_of(self.context, row.draft, DraftAction.COPY)
        if refusal is not None:
            say_refusal(self.app, refusal)
            return
        who = row.employee or t("drafts.copy.nobody")

        def answered(choice: str | None) -> None:
            if choice in (YES, OTHER):
                self._duplicate(row, with_person=choice == YES)

        self.app.push_screen(QuestionDialog(
            t("drafts.copy.title"), t("drafts.copy.text", employee=escape(who)),
            yes=t("drafts.copy.with"), no=t("drafts.copy.cancel"), other=t("drafts.copy.without"),
            default=OTHER), answered)

    @work(exclusive=True, group="drafts-act")
    async def _duplicate(self, row: DraftRow, *, with_person: bool) -> None:
        from ind_tui.local.drafts.errors import DraftError
        from ind_tui.tui.screens.drafts.files import duplicate_draft

        me = self.context.me
        assert me is not None
        try:
            target = await asyncio.to_thread(duplicate_draft, row.path, me,
                                             self.context.profile_portal,
                                             with_person=with_person)
        except DraftRefused as exc:  # bound to another company since it was listed
            say_refusal(self.app, exc)
            return
        except (DraftError, FileActionRefused, OSError) as exc:
            self._say(self._failure(exc), severity="error")
            return
        self._say(t("drafts.duplicated", name=target.name))
        self._select = target
        self.action_reload()

    def action_delete(self) -> None:
        row = self.current
        if row is None:
            return
        text = t("drafts.delete.text", name=escape(shown_name(row.path)))
        if row.stage is not None and row.stage != "done":  # its keys still matter
            text += "\n\n" + t("drafts.delete.started")
        if row.draft is not None and row.draft.documents:
            text += "\n" + t("drafts.delete.documents_kept")

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(row.path)

        self.app.push_screen(ConfirmDialog(text, title=t("drafts.delete.title"),
                                           yes=t("drafts.delete.yes"), no=t("drafts.delete.no"),
                                           danger=True), answered)

    def _delete(self, path: Path) -> None:
        from ind_tui.tui.screens.drafts.files import delete_draft

        try:
            delete_draft(path)
        except OSError as exc:
            self._say(t("drafts.failed", reason=exc.strerror or str(exc)), severity="error")
            return
        self._say(t("drafts.deleted", name=shown_name(path)))
        self.action_reload()

    def action_pack(self, error: str = "", value: str | None = None) -> None:
        from ind_tui.local.drafts.packed import PACK_SUFFIX

        row = self._readable()
        if row is None:
            return
        typed = str(Path.cwd() / (row.path.stem + PACK_SUFFIX)) if value is None else value

        def given(target: str | None) -> None:
            if target is not None:
                self._pack(row, target)

        self.app.push_screen(PromptDialog(t("drafts.pack.title"),
                                          t("drafts.pack.prompt", suffix=PACK_SUFFIX),
                                          typed, error, path=True), given)

    @work(exclusive=True, group="drafts-act")
    async def _pack(self, row: DraftRow, typed: str) -> None:
        from ind_tui.local.drafts.errors import DraftError
        from ind_tui.local.drafts.packed import pack_draft
        from ind_tui.tui.screens.drafts.files import pack_target

        try:
            out = pack_target(typed, row.path)
            result = await asyncio.to_thread(pack_draft, row.path, out)
        except FileActionRefused as exc:
            self.action_pack(t(exc.key, **exc.params), typed)
            return
        except (DraftError, OSError) as exc:
            self.action_pack(self._failure(exc), typed)
            return
        result_form = row.draft.form_id if row.draft is not None else ""
        text = plural("drafts.packed", result.documents, path=str(result.path))
        if result.missing:
            text += "\n" + t("drafts.packed_missing",
                              slots=slot_names(result_form, result.missing))
        self._say(text, timeout=10)

    def action_unpack(self, error: str = "", value: str = "") -> None:
        def given(source: str | None) -> None:
            if source is not None and source.strip():
                self._unpack(source)

        self.app.push_screen(PromptDialog(t("drafts.unpack.title"), t("drafts.unpack.prompt"),
                                          value, error, path=True), given)

    @work(exclusive=True, group="drafts-act")
    async def _unpack(self, typed: str) -> None:
        from ind_tui.local.drafts.errors import DraftError
        from ind_tui.local.drafts.packed import unpack_draft

        source = Path(typed.strip()).expanduser()
        try:
            result = await asyncio.to_thread(unpack_draft, source)
        except (DraftError, OSError) as exc:
            self.action_unpack(self._failure(exc), typed)
            return
        text = plural("drafts.unpacked", result.documents, name=result.path.name)
        if result.missing:
            text += "\n" + t("drafts.unpacked_missing",
                              slots=slot_names(result.draft.form_id, result.missing))
        self._say(text, timeout=10)
        self._select = result.path
        self.action_reload()

    def _say(self, text: str, *, severity: SeverityLevel = "information",
             timeout: float | None = None) -> None:
        # Plain text: names and paths come from the disk and may hold markup characters.
        self.notify(text, severity=severity, timeout=timeout, markup=False)

    @staticmethod
    def _failure(exc: Exception) -> str:
        from ind_tui.local.drafts.errors import DraftError

        if isinstance(exc, FileActionRefused):
            return t(exc.key, **exc.params)
        if isinstance(exc, DraftError):
            return error_text(exc, markup=False).replace("\n", " ")
        if isinstance(exc, OSError):
            where = f"{exc.filename}: " if exc.filename else ""
            return t("drafts.failed", reason=where + (exc.strerror or type(exc).__name__))
        return str(exc)
