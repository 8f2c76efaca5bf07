"""Small dialogs of the drafts area (a question, a line to type) and the one way into the
wizard, shared by the start screen, the drafts screen and `ind-tui open`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ind_tui.i18n import t
from ind_tui.tui.widgets.chrome import PortalFooter

if TYPE_CHECKING:
    from textual.app import App

YES, NO, OTHER = "yes", "no", "other"


class QuestionDialog(ModalScreen[str]):
    """A question answered by a key: `y` yes, `n`/Esc no, and optionally `d` for a third
    way (say, "open the drafts instead"). Enter gives `default` when there is one, so a
    destructive question never goes ahead on a stray Enter."""

    BINDINGS = [
        Binding("y", "answer('yes')", "drafts.key.yes", id="drafts.question_yes"),
        Binding("n,escape", "answer('no')", "drafts.key.no", id="drafts.question_no"),
        Binding("d", "answer('other')", "drafts.key.other", id="drafts.question_other"),
        Binding("enter", "answer('default')", show=False, id="drafts.question_default"),
    ]

    def __init__(self, title: str, text: str, *, yes: str, no: str, other: str | None = None,
                 default: str | None = None, danger: bool = False) -> None:
        super().__init__()
        self.title_text, self.text, self.labels = title, text, (yes, no, other)
        self.default = default
        self.danger = danger

    def compose(self) -> ComposeResult:
        yes, no, other = self.labels
        keys = [t("drafts.dialog.key", keys="y", label=yes)]
        if other is not None:
            keys.append(t("drafts.dialog.key", keys="d", label=other))
        keys.append(t("drafts.dialog.key", keys="n/Esc", label=no))
        with Vertical(id="question", classes="dialog -error" if self.danger else "dialog"):
            yield Static(self.title_text, classes="title")
            yield Static(self.text, id="question-text")
            yield Static("   ".join(keys), classes="muted", id="question-keys")
        yield PortalFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters == (OTHER,):
            return self.labels[2] is not None
        return True

    def action_answer(self, choice: str) -> None:
        if choice == "default":
            if self.default is None:
                return
            choice = self.default
        self.dismiss(choice)


class LineDialog(ModalScreen[str | None]):
    """One line to type (a name, a path): Enter gives it, Esc cancels. An `error` from a
    previous try is shown, with the text as typed, so nothing needs typing twice."""

    BINDINGS = [Binding("escape", "cancel", "key.back", id="drafts.line_cancel")]

    def __init__(self, title: str, prompt: str, value: str = "", error: str = "", *,
                 path: bool = False) -> None:
        super().__init__()
        self.title_text, self.prompt, self.value, self.error = title, prompt, value, error
        self.path = path  # complete file names as a shell does

    def compose(self) -> ComposeResult:
        with Vertical(id="line-dialog", classes="dialog"):
            yield Static(self.title_text, classes="title")
            yield Static(self.prompt, classes="muted")
            if self.path:
                from ind_tui.tui.widgets.pathinput import PathInput

                yield PathInput(self.value, id="line-input")
            else:
                yield Input(self.value, id="line-input")
            # Plain text: an error names the path as typed.
            yield Static(self.error, id="line-error", classes="error-text", markup=False)
        yield PortalFooter()

    def on_mount(self) -> None:
        self.query_one("#line-error").display = bool(self.error)
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _given(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def open_wizard(app: App[Any], path: Path) -> bool:
    """Open the wizard on a draft file; says so when this build has no wizard."""
    try:
        from ind_tui.tui.screens.wizard.screen import WizardScreen
    except ModuleNotFoundError as exc:
        if exc.name != "ind_tui.tui.screens.wizard.screen":
            raise
        app.notify(t("drafts.no_wizard", path=str(path)), severity="warning", timeout=10)
        return False
    app.push_screen(WizardScreen(path))
    return True
