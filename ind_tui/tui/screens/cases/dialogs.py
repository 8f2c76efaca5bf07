"""Small dialogs of the cases area: a path (export file, download folder, document to
upload; the one prompt dialog with a check) and a case number to go to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ind_tui.i18n import t
from ind_tui.tui.widgets.pathinput import expand
from ind_tui.tui.widgets.prompt import PromptDialog
from ind_tui.tui.widgets.text import LanguageChanged, Tr

# Checks a chosen path; returns the problem to show, or None when it will do.
PathCheck = Callable[[Path], str | None]


def path_prompt(title: str, hint: str, value: str = "",
                check: PathCheck | None = None) -> PromptDialog:  # fmt: skip
    """Ask for a path: Enter checks it (the dialog stays open with the problem), Tab
    completes, Esc cancels. The answer is the text as typed; `expand` makes it a path."""

    def checked(typed: str) -> str | None:
        if not typed.strip():
            return t("cases.path.keys")  # nothing typed yet: say what the keys do
        return check(expand(typed)) if check is not None else None

    return PromptDialog(title, hint, value, path=True, check=checked)


class CaseNumberPrompt(ModalScreen[str | None]):
    """A case number (or its start) to put the cursor on."""

    BINDINGS = [Binding("escape", "cancel", "cases.key.cancel", id="cases.jump_cancel")]
    refused: str | None = None  # what was typed and is no case number

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog cases-dialog"):
            yield Tr("cases.jump.title", classes="subtitle")
            yield Tr("cases.jump.prompt")
            yield Input(id="jump-zaak", restrict=r"[0-9Zz ]*", max_length=12)
            yield Static("", id="jump-problem", classes="error-text")

    def on_language_changed(self, _message: LanguageChanged) -> None:
        if self.refused is not None:
            self._refuse(self.refused)

    def on_mount(self) -> None:
        self.query_one("#jump-zaak", Input).focus()

    @on(Input.Submitted, "#jump-zaak")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = clean_zaak(event.value)
        if value is None:
            self._refuse(event.value)
            return
        self.dismiss(value)

    def _refuse(self, typed: str) -> None:
        self.refused = typed
        self.query_one("#jump-problem", Static).update(t("cases.jump.bad", value=typed))

    def action_cancel(self) -> None:
        self.dismiss(None)


def clean_zaak(text: str) -> str | None:
    """A typed case number (or its start) as digits: spaces and a leading Z are dropped."""
    value = text.strip().replace(" ", "")
    if value[:1] in ("Z", "z"):
        value = value[1:]
    return value if value.isdigit() and len(value) <= 10 else None
