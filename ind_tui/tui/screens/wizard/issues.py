"""What stops an application from being submitted, said per field and document: the panel
lists each blocking finding of the forms engine, and Enter goes to the place to fix it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.markup import escape
from textual.message import Message
from textual.widgets import Static
from textual.widgets.option_list import Option

from ind_tui.domain.forms.engine import Evaluation, Issue
from ind_tui.i18n import language, t
from ind_tui.i18n.format import plural
from ind_tui.tui.widgets.lists import VimOptionList

DOCUMENTS = "@documents"
REVIEW = "@review"


@dataclass(frozen=True)
class Blocker:
    """One line of the panel: what to fix (`target` is a field id or a document slot id)
    and where it lives (`page`: a page id of the form, or DOCUMENTS)."""

    target: str
    page: str
    text: str


def blockers(evaluation: Evaluation) -> list[Blocker]:
    """Every blocking finding, in form order, with the page it sits on and a readable line:
    "Page › Question: reason"."""
    lang = language()
    where: dict[str, tuple[str, str, str]] = {}
    for state in evaluation.pages:
        for f in state.fields:
            where[f.field.id] = (state.page.id, state.page.title.get(lang), f.field.label.get(lang))
    slots = {s.id: s.label.get(lang) for s in evaluation.form.documents}
    out: list[Blocker] = []
    for issue in evaluation.blocking:
        if issue.target in where:
            page, title, label = where[issue.target]
        else:  # a document slot (attached, missing, or not asked for)
            page, title = DOCUMENTS, t("wizard.page.documents")
            label = slots.get(issue.target, issue.target)
        out.append(Blocker(issue.target, page, f"{title} › {label}: {issue.text.get(lang)}"))
    return out


def is_document_issue(issue: Issue) -> bool:
    return issue.loc[:1] == ("documents",)


class IssuesPanel(Vertical):
    """The blocking findings; Enter jumps to the field, Esc (or the panel key) closes."""

    BINDINGS = [Binding("escape", "close", "key.close", id="wizard.issues_close")]

    class Jump(Message):
        def __init__(self, blocker: Blocker) -> None:
            super().__init__()
            self.blocker = blocker

    class Closed(Message):
        """The panel was closed from the keyboard: focus goes back to the form."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Blocker] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="issues-title")
        yield VimOptionList(id="issues-list")

    @property
    def options(self) -> VimOptionList:
        return self.query_one("#issues-list", VimOptionList)

    def set_items(self, items: Sequence[Blocker]) -> None:
        items = list(items)
        # The title first: after a language switch the same (empty) list has a new title.
        title = (plural("wizard.issues.title", len(items)) if items
                 else t("wizard.issues.none"))
        self.query_one("#issues-title", Static).update(title)
        if items == self.items and self.options.option_count == len(items):
            return
        keep = self.options.highlighted
        self.items = items
        self.options.clear_options()
        self.options.add_options(
            [Option(escape(b.text), id=f"issue-{n}") for n, b in enumerate(items)])
        if items:
            self.options.highlighted = min(keep or 0, len(items) - 1)

    @on(VimOptionList.OptionSelected, "#issues-list")
    def _chosen(self, event: VimOptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.items):
            self.post_message(self.Jump(self.items[index]))

    def action_close(self) -> None:
        self.display = False
        self.post_message(self.Closed())
