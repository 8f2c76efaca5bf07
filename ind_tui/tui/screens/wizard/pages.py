"""The wizard's side bar (its pages with a mark each, and how far along the form is) and the
save-as dialog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label
from textual.widgets.option_list import Option

from ind_tui.domain.forms.engine import Evaluation
from ind_tui.i18n import language, t
from ind_tui.local.drafts.bundle import SUFFIX
from ind_tui.tui.screens.wizard.issues import DOCUMENTS, REVIEW, is_document_issue
from ind_tui.tui.screens.wizard.status import StatusLine
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.text import LanguageChanged, Tr

DONE, BLOCKED, OPEN = "✓", "✗", "·"


@dataclass(frozen=True)
class PageEntry:
    id: str  # a page id of the form, DOCUMENTS or REVIEW
    title: str
    mark: str  # DONE, BLOCKED (a wrong answer), OPEN (questions left), or "" (review)


def page_entries(evaluation: Evaluation) -> list[PageEntry]:
    """The pages that apply, then Documents and Review."""
    lang = language()
    out: list[PageEntry] = []
    for state in evaluation.pages:
        issues = [i for f in state.fields for i in f.issues if i.blocking]
        mark = DONE if not issues else OPEN if all(i.code == "required" for i in issues) \
            else BLOCKED
        out.append(PageEntry(state.page.id, state.page.title.get(lang), mark))
    doc_issues = [i for i in evaluation.blocking if is_document_issue(i)]
    mark = DONE if not doc_issues else OPEN if all(
        i.code == "document_required" for i in doc_issues) else BLOCKED
    out.append(PageEntry(DOCUMENTS, t("wizard.page.documents"), mark))
    out.append(PageEntry(REVIEW, t("wizard.page.review"), ""))
    return out


def page_options(entries: list[PageEntry], current: str) -> list[Option]:
    options = []
    for entry in entries:
        mark = entry.mark or " "
        cls = {DONE: "green", BLOCKED: "red"}.get(entry.mark)
        shown = f"[{cls}]{mark}[/{cls}]" if cls else mark
        title = escape(entry.title)
        if entry.id == current:
            title = f"[b]{title}[/b]"
        options.append(Option(f"{shown} {title}", id=f"page-{entry.id}"))
    return options


def progress_text(evaluation: Evaluation, width: int = 18) -> str:
    """"Answered 7 of 12 · 58%" and a bar."""
    done, required = evaluation.done_count, evaluation.required_count
    share = evaluation.progress
    filled = round(share * width)
    bar = "█" * filled + "░" * (width - filled)
    return f"{t('wizard.progress', done=done, required=required)} · {round(share * 100)}%\n{bar}"


def key_for(screen: Screen[Any], binding_id: str) -> str:
    """The key a binding has now (the keymap may have changed it), as the footer shows it."""
    for bindings in screen._bindings.key_to_bindings.values():
        for binding in bindings:
            if binding.id == binding_id:
                return screen.app.get_key_display(binding)
    return binding_id


def save_as_target(typed: str, base: Path) -> Path:
    """The file for a typed name: relative to the draft's folder, `~` expanded, with the
    .tfa suffix added when missing."""
    path = Path(typed.strip()).expanduser()
    if not path.is_absolute():
        path = base / path
    return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


class SaveAsScreen(ModalScreen[Path | None]):
    """Asks for a new file name; never overwrites an existing file."""

    BINDINGS = [Binding("escape", "cancel", "key.back", id="wizard.save_as_cancel")]

    def __init__(self, current: Path) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="wizard-save-as", classes="dialog"):
            yield Tr("wizard.save_as.title", classes="title")
            yield Label(self._prompt(), id="save-as-prompt")
            yield Input(self.current.stem, id="save-as-name")
            yield StatusLine(id="save-as-error", classes="error-text")
            yield Tr("wizard.save_as.hint", classes="muted")
        yield PortalFooter()

    def _prompt(self) -> str:
        return t("wizard.save_as.prompt", folder=escape(str(self.current.parent)))

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one("#save-as-prompt", Label).update(self._prompt())

    @on(Input.Submitted, "#save-as-name")
    def _chosen(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one("#save-as-error", StatusLine)
        if not event.value.strip():
            error.say(lambda: t("wizard.save_as.empty"))
            return
        target = save_as_target(event.value, self.current.parent)
        if target == self.current:
            self.dismiss(None)  # the same file: autosave already keeps it
        elif target.exists():
            error.say(lambda: t("wizard.save_as.exists", path=str(target)))
        elif not target.parent.is_dir():
            error.say(lambda: t("wizard.save_as.no_folder", folder=str(target.parent)))
        else:
            self.dismiss(target)

    def action_cancel(self) -> None:
        self.dismiss(None)
