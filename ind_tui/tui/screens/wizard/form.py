"""The wizard's content: a holder for each page of the form with its questions, one for the
documents and one for the review, one shown at a time; the help (F3) follows the cursor.

The screen decides which page shows and judges the answers; this part knows where each
question stands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget

from ind_tui.tui.screens.wizard.docs import DocumentsPane
from ind_tui.tui.screens.wizard.fields import FieldBox, FormText
from ind_tui.tui.screens.wizard.issues import DOCUMENTS, REVIEW
from ind_tui.tui.screens.wizard.review import ReviewPane

if TYPE_CHECKING:
    from ind_tui.domain.forms.engine import Evaluation
    from ind_tui.local.drafts.session import DraftSession


def holder_id(page: str) -> str:
    return {DOCUMENTS: "wizard-documents", REVIEW: "wizard-review"}.get(page, f"page-{page}")


class FormPages(Vertical):
    """The content beside the page list; the screen's `#wizard-content`."""

    # Esc while a question's help shows closes the help; otherwise it leaves the wizard.
    BINDINGS = [Binding("escape", "close_help", "key.close", show=False,
                        id="wizard.close_help")]

    def __init__(self, session: DraftSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.help_mode = False  # F3 turned help on: it shows under whichever field has focus
        self.last_field: str | None = None  # the question that had the cursor last

    def compose(self) -> ComposeResult:
        session = self.session
        for page in session.form.pages:
            with VerticalScroll(id=holder_id(page.id), classes="wizard-page"):
                yield FormText(page.title, classes="page-title")
                for field in page.fields:
                    yield FieldBox(field, session.answer(field.id), read_only=session.locked,
                                   source=session.draft.prefilled.get(field.id))
        with VerticalScroll(id=holder_id(DOCUMENTS), classes="wizard-page"):
            yield DocumentsPane(session, id="documents-pane")
        yield Vertical(id=holder_id(REVIEW), classes="wizard-page")

    # --- pages ------------------------------------------------------------------------------

    def holder(self, page: str) -> Widget:
        return self.query_one(f"#{holder_id(page)}")

    def show(self, page: str) -> None:
        for holder in self.query(".wizard-page"):
            holder.display = holder.id == holder_id(page)

    def first_focusable(self, page: str) -> Widget | None:
        return next((w for w in self.holder(page).query("*") if w.focusable), None)

    async def show_review(self, evaluation: Evaluation) -> None:
        """The review is built anew each time it shows: it lists the answers as they are."""
        holder = self.holder(REVIEW)
        await holder.remove_children()
        await holder.mount(ReviewPane(self.session, evaluation, id="review-pane"))

    @property
    def documents(self) -> DocumentsPane | None:
        panes = self.query("#documents-pane").results(DocumentsPane)
        return next(panes, None)

    # --- questions --------------------------------------------------------------------------

    def box(self, field_id: str) -> FieldBox:
        return self.query_one(f"#box-{field_id}", FieldBox)

    def show_judgement(self, evaluation: Evaluation, touched: set[str]) -> None:
        """Only the questions that apply show, each with the engine's reasons (the one for
        an empty required answer once the user has been there)."""
        states = {f.field.id: f for p in evaluation.pages for f in p.fields}
        for box in self.query(FieldBox):
            state = states.get(box.field.id)
            box.display = state is not None
            if state is not None:
                box.show_issues(state.issues, show_required=box.field.id in touched)

    def set_read_only(self, read_only: bool) -> None:
        for box in self.query(FieldBox):
            box.set_read_only(read_only)

    def focus_next(self, field_id: str) -> bool:
        """Put the cursor in the question after this one on its page; False after the last."""
        box = self.box(field_id)
        holder = next(a for a in box.ancestors if a.has_class("wizard-page"))
        boxes = [b for b in holder.query(FieldBox) if b.display]
        index = boxes.index(box) if box in boxes else len(boxes)
        if index + 1 < len(boxes):
            boxes[index + 1].editor.focus()
            return True
        return False

    # --- where the cursor is, and the help that follows it ----------------------------------

    def focused_box(self) -> FieldBox | None:
        focused = self.screen.focused
        if focused is None:
            return None
        return next((a for a in focused.ancestors_with_self if isinstance(a, FieldBox)), None)

    def focus_moved(self) -> None:
        box = self.focused_box()
        if box is not None:
            self.last_field = box.field.id
        if self.help_mode:
            for other in self.query(FieldBox):
                other.show_help(other is box)

    def toggle_help(self) -> FieldBox | None:
        """F3 on a question: its help on or off (and so for the next ones); None when the
        cursor is in no question."""
        box = self.focused_box()
        if box is not None:
            self.help_mode = not box.help_shown
            box.show_help(self.help_mode)
        return box

    def action_close_help(self) -> None:
        boxes = [box for box in self.query(FieldBox) if box.help_shown]
        if not boxes:
            raise SkipAction  # no help open: Esc goes on to the screen (back)
        self.help_mode = False
        for box in boxes:
            box.show_help(False)
