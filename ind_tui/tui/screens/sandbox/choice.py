"""Picking one of a list the sandbox published (a route, a fault kind, a test identity):
j/k or arrows move, `/` filters, Enter takes the one highlighted, Esc cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.lists import FilterList, VimOptionList


class ChoiceDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "key.back", id="sandbox.choice_cancel")]

    def __init__(self, title: str, options: list[Option], *, name: str = "") -> None:
        super().__init__(name=name)
        self.title_text = title
        self.options = options

    def compose(self) -> ComposeResult:
        with Vertical(id="sandbox-choice", classes="dialog"):
            yield Static(self.title_text, classes="title", markup=False)
            yield FilterList(self.options, id="sandbox-choice-list")
        yield PortalFooter()

    def on_mount(self) -> None:
        options = self.query_one(VimOptionList)
        options.highlighted = 0
        options.focus()

    @on(VimOptionList.OptionSelected)
    def _chosen(self, event: VimOptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
