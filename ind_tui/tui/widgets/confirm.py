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
from ind_tui.tui.widgets.text import LanguageChanged


class ConfirmDialog(ModalScreen[bool]):
    # A language switch leaves the question as it was asked; the buttons and keys follow.
    BINDINGS = [
        Binding("y,j", "answer(True)", "confirm.key.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "confirm.key.no", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "", *, title: str = "",
                 yes: str | None = None, no: str | None = None, danger: bool = False) -> None:
        super().__init__()
        self.question, self.detail, self.title_text = question, detail, title
        self.given = (yes, no)
        self.danger = danger

    @property
    def labels(self) -> tuple[str, str]:
        yes, no = self.given
        return yes or t("confirm.yes"), no or t("confirm.no")

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

    def on_language_changed(self, _message: LanguageChanged) -> None:
        yes, no = self.labels
        self.query_one("#confirm-yes", Button).label = t("confirm.button.yes", label=yes)
        self.query_one("#confirm-no", Button).label = t("confirm.button.no", label=no)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
