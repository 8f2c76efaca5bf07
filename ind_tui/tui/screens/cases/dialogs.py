"""Small dialogs of the cases area: a path (export file, download folder, document to
upload) and a case number to go to."""

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

# Checks a chosen path; returns the problem to show, or None when it will do.
PathCheck = Callable[[Path], str | None]


def path_input(value: str, widget_id: str) -> Input:
    """The shared path input with completion when it is there, else a plain input."""
    try:
        from ind_tui.tui.widgets.pathinput import PathInput
    except ImportError:
        return Input(value, id=widget_id)
    return PathInput(value, id=widget_id)


def expand(text: str) -> Path:
    return Path(text.strip()).expanduser()


class PathPrompt(ModalScreen[Path | None]):
    """Ask for a path; Enter checks it (the dialog stays open with the problem), Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "cases.key.cancel", id="cases.path_cancel")]

    def __init__(self, title: str, hint: str, value: str = "",
                 check: PathCheck | None = None) -> None:  # fmt: skip
        super().__init__()
        self._title, self._hint, self._value, self._check = title, hint, value, check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog cases-dialog"):
            yield Static(self._title, classes="subtitle")
            yield Static(self._hint, classes="muted")
            yield path_input(self._value, "path-value")
            yield Static("", id="path-problem", classes="error-text")
            yield Static(t("cases.path.keys"), classes="muted")

    def on_mount(self) -> None:
        field = self.query_one("#path-value", Input)
        field.focus()
        field.cursor_position = len(field.value)

    @on(Input.Submitted, "#path-value")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            return
        path = expand(event.value)
        problem = self._check(path) if self._check is not None else None
        if problem:
            self.query_one("#path-problem", Static).update(problem)
            return
        self.dismiss(path)

    def on_path_input_matches(self, event: object) -> None:
        # Tab found several names: list them where the problem line goes.
        options = getattr(event, "options", ())
        self.query_one("#path-problem", Static).update("  ".join(options[:40]))

    def action_cancel(self) -> None:
        self.dismiss(None)


class CaseNumberPrompt(ModalScreen[str | None]):
    """A case number (or its start) to put the cursor on."""

    BINDINGS = [Binding("escape", "cancel", "cases.key.cancel", id="cases.jump_cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog cases-dialog"):
            yield Static(t("cases.jump.title"), classes="subtitle")
            yield Static(t("cases.jump.prompt"))
            yield Input(id="jump-zaak", restrict=r"[0-9Zz ]*", max_length=12)
            yield Static("", id="jump-problem", classes="error-text")

    def on_mount(self) -> None:
        self.query_one("#jump-zaak", Input).focus()

    @on(Input.Submitted, "#jump-zaak")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = clean_zaak(event.value)
        if value is None:
            self.query_one("#jump-problem", Static).update(t("cases.jump.bad",
                                                             value=event.value))
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def clean_zaak(text: str) -> str | None:
    """A typed case number (or its start) as digits: spaces and a leading Z are dropped."""
    value = text.strip().replace(" ", "")
    if value[:1] in ("Z", "z"):
        value = value[1:]
    return value if value.isdigit() and len(value) <= 10 else None
