"""New application: the types this account may file, as the portal lists them, with fee and
decision period. Enter starts a draft and opens the wizard on it; `e` first picks a registered
employee, whose draft then starts with what the register and their latest case know."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static
from textual.widgets.option_list import Option

from ind_tui.api.auth import Service
from ind_tui.i18n import language, t
from ind_tui.i18n.format import money, plural
from ind_tui.tui.screens.drafts.dialogs import OTHER, YES, QuestionDialog
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.screens.wizard.begin import start_draft
from ind_tui.tui.widgets.lists import FilterList, VimOptionList
from ind_tui.tui.widgets.text import Tr

if TYPE_CHECKING:
    from ind_tui.api.applications import ApplicationType
    from ind_tui.api.auth import Me
    from ind_tui.api.employees import Employee


def fee_text(kind: ApplicationType) -> str:
    if kind.fee_eur == 0:
        return t("new.free")
    key = "new.fee_provisional" if kind.fee_provisional else "new.fee"
    return t(key, amount=money(kind.fee_eur, cents=False), year=kind.fee_year)


def decision_text(kind: ApplicationType) -> str:
    if not kind.decision_days:
        return t("new.no_decision")
    return t("new.decision", days=kind.decision_days)


def local_form_problem(kind: ApplicationType) -> str | None:
    """Why this build cannot fill in a type the portal offers (a form it does not know)."""
    from ind_tui.domain.forms.rules import TYPES_BY_ID

    rule = TYPES_BY_ID.get(kind.id)
    if rule is None or rule.form_version < kind.form_version:
        return t("new.needs_update")
    return None


class NewApplicationScreen(PortalScreen):
    HELP_KEY = "new.help"
    BINDINGS = [
        Binding("d", "drafts", "new.key.drafts", id="new.drafts"),
        Binding("e", "pick_employee", "prefill.key.employee", id="new.employee"),
        Binding("x", "no_employee", "prefill.key.no_employee", id="new.no_employee"),
        Binding("f5", "reload", "key.refresh", id="new.refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.types: list[ApplicationType] | None = None
        self.existing: dict[str, int] = {}  # form id -> drafts of it for this company
        self.failed = False  # the portal did not give the types
        self.employee: Employee | None = None  # picked from the register: answers prefilled

    # --- layout -----------------------------------------------------------------------------

    def body(self) -> ComposeResult:
        yield Tr("new.title", classes="title", id="new-title")
        yield Static(self._for_whom(), id="new-for", classes="muted")
        yield Static(self._employee_line(), id="new-employee", markup=False)
        yield Static(t("new.loading"), id="new-status")
        yield Tr("new.hint", classes="muted", id="new-hint")
        yield FilterList([], id="new-types")

    def _me(self) -> Me | None:
        return self.context.me

    def _kvk(self) -> str | None:
        me = self._me()
        if me is None:
            return None
        return (me.acting_for or me.company).kvk

    def _for_whom(self) -> str:
        me = self._me()
        if me is None:
            return ""
        company = me.acting_for or me.company
        return t("new.for", name=company.name, kvk=company.kvk)

    def _employee_line(self) -> str:
        e = self.employee
        if e is None:
            return t("prefill.new.none")
        return t("prefill.new.chosen", name=e.name, v_number=e.v_number)

    def refusal(self) -> str | None:
        """Why this account may not file at all, from the services the portal granted."""
        me = self._me()
        if me is None:
            return t("new.not_logged_in")
        for access in me.services:
            if access.service is Service.SUBMIT and not access.allowed:
                reason = t(f"reason.{access.reason_code or 'forbidden'}")
                return t("new.not_allowed", reason=reason)
        if not any(a.service is Service.SUBMIT for a in me.services):
            return t("new.not_allowed", reason=t("reason.forbidden"))
        return None

    def on_mount(self) -> None:
        self.query_one("#new-types").display = False
        self.action_reload()

    def relabel(self) -> None:
        set_text(self, "#new-for", self._for_whom())
        set_text(self, "#new-employee", self._employee_line())
        refusal = self.refusal()
        if refusal is not None:
            set_text(self, "#new-status", refusal)
        elif self.types is not None:
            self._show_types(focus=False)  # the types in the new language, where they stood
        else:
            set_text(self, "#new-status", t("new.load_failed" if self.failed else "new.loading"))

    def on_screen_resume(self) -> None:
        if self.types is not None:  # back from the wizard: there may be one draft more
            self.count_drafts()

    # --- loading ----------------------------------------------------------------------------

    @work(exclusive=True, group="new-load")
    async def action_reload(self) -> None:
        refusal = self.refusal()
        if refusal is not None:
            set_text(self, "#new-status", refusal)
            self.query_one("#new-status").add_class("notice")
            return
        client = self.context.client
        if client is None:
            return
        types = (await self.portal_app.call(client.application_types)).or_none()
        self.failed = types is None
        if types is None or not self.is_attached:
            set_text(self, "#new-status", t("new.load_failed"))
            return
        self.types = types
        self.existing = await asyncio.to_thread(self._existing_drafts)
        if self.is_attached:
            self._show_types()

    def _existing_drafts(self) -> dict[str, int]:
        from ind_tui.local.drafts.bundle import list_drafts
        from ind_tui.tui.screens.drafts.files import count_for_form

        try:
            infos = list_drafts()
        except OSError:
            return {}
        kvk = self._kvk()
        return {kind.id: n for kind in self.types or ()
                if (n := count_for_form(infos, kind.id, kvk))}

    @work(exclusive=True, group="new-count")
    async def count_drafts(self) -> None:
        self.existing = await asyncio.to_thread(self._existing_drafts)
        if self.is_attached:
            self._show_types()

    def _shown_types(self) -> list[ApplicationType]:
        """All types; for a picked employee those about them, the extension first while
        their permit may be extended."""
        from ind_tui.services.prefill import in_extension_window, types_for

        types = self.types or []
        if self.employee is None:
            return list(types)
        window = in_extension_window(self.employee, self.context.today())
        return types_for(types, extension_first=window)

    def _show_types(self, *, focus: bool = True) -> None:
        types = self._shown_types()
        status = self.query_one("#new-status", Static)
        status.remove_class("notice")
        if not types:
            status.update(t("new.none"))
            status.add_class("notice")
            self.query_one("#new-types").display = False
            return
        status.update(t("new.count", count=len(types)))
        lst = self.query_one("#new-types", FilterList)
        highlighted = lst.options.highlighted
        lst.set_options([self._option(kind) for kind in types])
        if focus and self.employee is not None:
            highlighted = 0  # the first type is the one meant for this employee
        if highlighted is not None and highlighted < lst.options.option_count:
            lst.options.highlighted = highlighted
        lst.display = True
        if focus:
            lst.options.focus()

    def _option(self, kind: ApplicationType) -> Option:
        name = kind.name_nl if language() == "nl" else kind.name_en
        facts = [fee_text(kind), decision_text(kind)]
        if kind.is_extension:
            facts.append(t("new.extension"))
        line = f"[b]{name}[/b]\n   [dim]{' · '.join(facts)}[/dim]"
        problem = local_form_problem(kind)
        if problem is not None:
            return Option(f"{line}\n   {problem}", id=kind.id, disabled=True)
        count = self.existing.get(kind.id, 0)
        if count:
            line += "\n   " + plural("new.has_drafts", count)
        return Option(line, id=kind.id)

    # --- starting ---------------------------------------------------------------------------

    @on(VimOptionList.OptionSelected, "#new-types VimOptionList")
    def _chosen(self, event: VimOptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.start(event.option.id)

    def start(self, type_id: str) -> None:
        kind = next((k for k in self.types or () if k.id == type_id), None)
        if kind is None:
            return
        count = self.existing.get(type_id, 0)
        if not count:
            self.create(type_id)
            return
        name = kind.name_nl if language() == "nl" else kind.name_en

        def answered(choice: str | None) -> None:
            if choice == YES:
                self.create(type_id)
            elif choice == OTHER:
                self.action_drafts(name)

        self.app.push_screen(QuestionDialog(
            t("new.exists.title"), plural("new.exists.text", count, form=name),
            yes=t("new.exists.new"), no=t("new.exists.cancel"), other=t("new.exists.drafts"),
            default=YES), answered)

    @work(exclusive=True, group="new-create")
    async def create(self, type_id: str) -> None:
        employee = self.employee
        path = await start_draft(self, type_id, employee.v_number if employee else None)
        if path is not None:
            self.existing[type_id] = self.existing.get(type_id, 0) + 1

    # --- an employee from the register ------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "no_employee":
            return self.employee is not None
        return True

    def action_pick_employee(self) -> None:
        from ind_tui.tui.screens.wizard.picker import EmployeePicker

        def picked(employee: Employee | None) -> None:
            if employee is not None:
                self._set_employee(employee)

        self.app.push_screen(EmployeePicker(), picked)

    def action_no_employee(self) -> None:
        self._set_employee(None)

    def _set_employee(self, employee: Employee | None) -> None:
        self.employee = employee
        set_text(self, "#new-employee", self._employee_line())
        self.refresh_bindings()
        if self.types is not None:
            self._show_types()

    def action_drafts(self, form_name: str = "") -> None:
        from ind_tui.tui.screens.drafts.screen import DraftsScreen

        query = f'form:"{form_name}"' if form_name else ""
        self.app.push_screen(DraftsScreen(query=query))
