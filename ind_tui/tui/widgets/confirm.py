"""The one yes/no dialog, with the same keys everywhere: y or j (ja) confirms, n or Esc
declines, Enter presses the focused button. A dangerous question (cancel a visit, delete,
overwrite) starts on No, so a stray Enter never goes ahead."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ind_tui.i18n import t
from ind_tui.tui.widgets.chrome import PortalFooter


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,j", "answer(True)", "confirm.key.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "confirm.key.no", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "", *, title: str = "",
                 yes: str | None = None, no: str | None = None, danger: bool = False) -> None:
        super().__init__()
        self.question, self.detail, self.title_text = question, detail, title
        self.labels = (yes or t("confirm.yes"), no or t("confirm.no"))
        self.danger = danger

    def compose(self) -> ComposeResult:
        yes, no = self.labels
        with Vertical(id="confirm", classes="dialog -error" if self.danger else "dialog"):
            if self.title_text:
                yield Static(self.title_text, classes="title")
            yield Static(Text(self.question, style="bold"), id="confirm-question")
            if self.detail:
                yield Static(Text(self.detail), classes="muted", id="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Button(t("confirm.button.yes", label=yes), id="confirm-yes",
                             variant="error" if self.danger else "primary")
                yield Button(t("confirm.button.no", label=no), id="confirm-no")
        yield PortalFooter()

    def on_mount(self) -> None:
        self.query_one("#confirm-no" if self.danger else "#confirm-yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
