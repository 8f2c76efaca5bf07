"""The one dialog for a line of text (a name, a path, a V-number, a case number): Enter gives
it, Esc cancels. A `check` may refuse what was typed: the dialog stays open with the reason
and the text as typed, so nothing needs typing twice."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.pathinput import PathInput

# What is wrong with a typed answer, or None when it will do.
Check = Callable[[str], str | None]


class PromptDialog(ModalScreen[str | None]):
    # A language switch keeps what is typed; the question stays as asked, the keys follow.
    BINDINGS = [Binding("escape", "cancel", "key.back", id="prompt.cancel")]

    def __init__(self, title: str, prompt: str, value: str = "", error: str = "", *,
                 path: bool = False, check: Check | None = None, restrict: str | None = None,
                 max_length: int = 0) -> None:  # fmt: skip
        super().__init__()
        self.title_text, self.prompt, self.value, self.error = title, prompt, value, error
        self.path = path  # complete file names as a shell does
        self.check = check
        self.restrict, self.max_length = restrict, max_length

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-dialog", classes="dialog"):
            yield Static(self.title_text, classes="title")
            yield Static(self.prompt, classes="muted")
            if self.path:
                yield PathInput(self.value, id="prompt-input")
            else:
                yield Input(self.value, id="prompt-input", restrict=self.restrict,
                            max_length=self.max_length)
            # Plain text: an error names the path as typed.
            yield Static(self.error, id="prompt-error", classes="error-text", markup=False)
        yield PortalFooter()

    def on_mount(self) -> None:
        self.query_one("#prompt-error").display = bool(self.error)
        field = self.query_one("#prompt-input", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _show_error(self, text: str) -> None:
        error = self.query_one("#prompt-error", Static)
        error.update(text)
        error.display = bool(text)

    @on(Input.Submitted, "#prompt-input")
    def _given(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.check(event.value) if self.check is not None else None
        if problem:
            self._show_error(problem)
            return
        self.dismiss(event.value)

    def on_path_input_matches(self, event: PathInput.Matches) -> None:
        # Tab found several names: list them where the error goes.
        self._show_error("  ".join(event.options[:40]))

    def action_cancel(self) -> None:
        self.dismiss(None)
