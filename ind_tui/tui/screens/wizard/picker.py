"""Picking a registered employee by keys: type part of a name or V-number, ↑/↓ move, Enter
takes the one highlighted, Esc cancels. Permits in their extension window come first, the
soonest ending on top: that is whom a new application is most often for."""

from __future__ import annotations

import heapq
import unicodedata
from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from ind_tui.i18n import t
from ind_tui.i18n.format import day, number
from ind_tui.tui.screens.shell.base import OnPortalApp, ScreenWork
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.text import LanguageChanged

if TYPE_CHECKING:
    from ind_tui.api.employees import Employee

SHOWN = 8  # matches listed at once: the dialog fits 80x24


def _plain(text: str) -> str:
    # "yilmaz" finds "Yılmaz" and "Yilmaz" alike: case and accents are left out.
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def matches(index: list[tuple[str, Employee]], typed: str, today: date, limit: int = SHOWN
            ) -> list[Employee]:
    """The employees (with their plain names) whose name holds `typed` (or whose V-number
    starts with it), in their extension window first, then by name."""
    from ind_tui.services.prefill import in_extension_window

    needle = _plain(typed.strip())
    digits = needle.replace(" ", "")
    found = ((plain, e) for plain, e in index if not needle or needle in plain
             or (digits.isdigit() and e.v_number.startswith(digits)))
    first = heapq.nsmallest(limit, found, key=lambda f: (
        not in_extension_window(f[1], today), f[1].permit_end or date.max, f[0]))
    return [e for _, e in first]


class EmployeePicker(OnPortalApp, ScreenWork, ModalScreen["Employee | None"]):
    BINDINGS = [
        Binding("escape", "cancel", "key.back", id="prefill.pick_cancel"),
        Binding("down", "move(1)", "key.down", show=False, id="prefill.pick_down"),
        Binding("up", "move(-1)", "key.up", show=False, id="prefill.pick_up"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.employees: list[Employee] | None = None
        self.index: list[tuple[str, Employee]] = []  # plain name (typed against), employee
        self.today = date.today()
        self.shown: list[Employee] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="prefill-pick", classes="dialog"):
            yield Static(t("prefill.pick.title"), classes="title", id="prefill-pick-title")
            yield Static(t("prefill.pick.prompt"), classes="muted", id="prefill-pick-prompt")
            yield Input(id="prefill-pick-input")
            yield Static(t("prefill.pick.loading"), id="prefill-pick-status", classes="muted")
            yield VimOptionList(id="prefill-pick-list")
        yield PortalFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.load()

    @work(exclusive=True, group="prefill-pick")
    async def load(self) -> None:
        from ind_tui.api.employees import EmployeeStatus

        client = self.context.client
        if client is None:
            return
        self.today = client.clock.today()
        found = (await self.portal_app.call(
            lambda: client.employees(status=EmployeeStatus.REGISTERED))).or_none()
        if not self.is_attached:
            return
        if found is None:
            self.query_one("#prefill-pick-status", Static).update(t("prefill.pick.failed"))
            return
        self.employees = found
        self.index = [(_plain(e.name), e) for e in found]  # once: typing filters thousands
        self._show()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one("#prefill-pick-title", Static).update(t("prefill.pick.title"))
        self.query_one("#prefill-pick-prompt", Static).update(t("prefill.pick.prompt"))
        if self.employees is not None:
            self._show()
        else:
            self.query_one("#prefill-pick-status", Static).update(t("prefill.pick.loading"))

    def _line(self, e: Employee) -> str:
        from ind_tui.services.prefill import in_extension_window

        line = f"{e.name} · V {e.v_number}"
        if e.permit_end is not None:
            line += " · " + t("prefill.pick.permit", date=day(e.permit_end))
        if in_extension_window(e, self.today):
            line += " · " + t("prefill.pick.window")
        return line

    def _show(self) -> None:
        employees = self.employees or []
        typed = self.query_one(Input).value
        self.shown = matches(self.index, typed, self.today)
        options = self.query_one(VimOptionList)
        options.clear_options()
        options.add_options([Option(self._line(e), id=e.id) for e in self.shown])
        options.highlighted = 0 if self.shown else None
        status = t("prefill.pick.none") if not self.shown else t(
            "prefill.pick.count", shown=number(len(self.shown)), total=number(len(employees)))
        self.query_one("#prefill-pick-status", Static).update(status)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self.employees is not None:
            self._show()

    def action_move(self, step: int) -> None:
        options = self.query_one(VimOptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self._take(self.query_one(VimOptionList).highlighted)

    @on(VimOptionList.OptionSelected)
    def _selected(self, event: VimOptionList.OptionSelected) -> None:
        event.stop()
        self._take(event.option_index)

    def _take(self, index: int | None) -> None:
        if index is not None and index < len(self.shown):
            self.dismiss(self.shown[index])

    def action_cancel(self) -> None:
        self.dismiss(None)
