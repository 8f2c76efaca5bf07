"""The wizard's last page: every answer and document as a person reads them, the fee, the
reminders, and Submit — which stays off, with the reason, while anything blocks."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from ind_tui.domain.forms.countries import country_name
from ind_tui.i18n import language, t
from ind_tui.i18n.format import day, money
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.text import LanguageChanged

if TYPE_CHECKING:
    from ind_tui.domain.forms.engine import Evaluation, FeeQuote, FieldState, SlotState
    from ind_tui.local.drafts.session import DraftSession

FIELD = "f:"
SLOT = "d:"


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} kB"
    return f"{size / (1024 * 1024):.1f} MB"


def human_value(state: FieldState, raw: Any, lang: str | None = None) -> str:
    """The answer to one field, formatted for people (raw text when it did not check out)."""
    lang = lang or language()
    field, value = state.field, state.value
    if value is None:
        return "" if raw is None else str(raw)
    if field.type == "date" and isinstance(value, date):
        return day(value, lang)
    if field.type == "money":
        return money(value, lang, cents=False)
    if field.type == "yes_no":
        return t("wizard.review.yes") if value else t("wizard.review.no")
    if field.type == "country":
        return f"{country_name(str(value), lang)} ({value})"
    if field.type == "choice":
        for choice in field.choices:
            if choice.value == value:
                return choice.label.get(lang)
    return str(value)


def fee_text(fee: FeeQuote) -> str:
    if fee.amount is None:
        return t("wizard.review.fee_unknown", year=fee.year)
    if fee.amount == 0:
        return t("wizard.review.fee_free")
    amount = money(fee.amount, cents=False)
    if fee.provisional:  # the amount itself says so, not only the sentence after it
        amount = t("wizard.review.provisional_amount", amount=amount)
    text = t("wizard.review.fee", year=fee.year, amount=amount)
    if fee.provisional:
        text += " " + t("wizard.review.fee_provisional", year=fee.year)
    return text


class ReviewPane(Vertical):
    """Everything at a glance; Enter on a line goes back to edit it."""

    BINDINGS = [
        Binding("s", "submit", "wizard.review.key.submit", id="wizard.review.submit"),
        Binding("e", "edit", "wizard.review.key.edit", id="wizard.review.edit"),
    ]

    class Edit(Message):
        """Go back to the page holding this field or document slot."""

        def __init__(self, target: str) -> None:
            super().__init__()
            self.target = target

    class Submit(Message):
        """The user asked to file the application (only sent when nothing blocks)."""

    def __init__(self, session: DraftSession, evaluation: Evaluation, *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.evaluation = evaluation

    def compose(self) -> ComposeResult:
        yield Static("", id="review-fee")
        yield VimOptionList(id="review-lines")
        yield Static("", id="review-why", classes="muted")
        yield Button(t("wizard.review.submit"), id="review-submit", variant="primary",
                     compact=True)

    def on_mount(self) -> None:
        self.refresh_from(self.evaluation)
        self.query_one("#review-lines").focus()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one("#review-submit", Button).label = t("wizard.review.submit")
        self.refresh_from(self.evaluation)

    # --- content ---------------------------------------------------------------------------

    def refresh_from(self, evaluation: Evaluation) -> None:
        """Show `evaluation` (called again after an edit elsewhere in the wizard)."""
        self.evaluation = evaluation
        lines = self.query_one("#review-lines", VimOptionList)
        options = self._options(evaluation)
        if not lines.reword(options):
            keep = lines.highlighted_option.id if lines.highlighted_option else None
            lines.clear_options()
            lines.add_options(options)
            if keep is not None and keep in self._ids(lines):
                lines.highlighted = lines.get_option_index(keep)
            else:
                lines.highlighted = next((i for i, o in enumerate(lines.options)
                                          if not o.disabled), None)
        self.query_one("#review-fee", Static).update(fee_text(evaluation.fee))
        blocking = evaluation.blocking
        button = self.query_one("#review-submit", Button)
        button.disabled = bool(blocking)
        why = self.query_one("#review-why", Static)
        button.display = self.session.draft.receipt is None
        if not button.display:  # filed: nothing left to submit or change
            why.update(t("wizard.review.filed"))
            why.set_classes("muted")
        elif blocking:
            first = self._target_label(blocking[0].target)
            # The reason itself stands under the line concerned (Enter there fixes it).
            why.update(Text(t("wizard.review.blocked", count=len(blocking), first=first)))
            why.set_classes("error-text")
        else:
            why.update(t("wizard.review.ready"))
            why.set_classes("muted")

    @staticmethod
    def _ids(lines: OptionList) -> set[str]:
        return {o.id for o in lines.options if o.id is not None}

    def _target_label(self, target: str) -> str:
        lang = language()
        for slot in self.evaluation.documents:
            if slot.slot.id == target:
                return slot.slot.label.get(lang)
        try:
            return self.evaluation.form.field(target).label.get(lang)
        except KeyError:
            return target

    def _options(self, ev: Evaluation) -> list[Option]:
        lang = language()
        out: list[Option] = []
        answers = self.session.draft.answers
        for page in ev.pages:
            out.append(Option(Text(page.page.title.get(lang), style="bold"), disabled=True))
            for state in page.fields:
                out.append(Option(self._field_line(state, answers.get(state.field.id)),
                                  id=FIELD + state.field.id))
        if ev.documents:
            out.append(Option(Text(t("wizard.review.documents"), style="bold"), disabled=True))
            for slot in ev.documents:
                out.append(Option(self._slot_line(slot), id=SLOT + slot.slot.id))
        extra = [i for i in ev.issues if not i.blocking]
        if ev.notices or extra:
            out.append(Option(Text(t("wizard.review.notices"), style="bold"), disabled=True))
            for issue in extra:
                label = self._target_label(issue.target)
                line = Text.assemble(("! ", "bold yellow"), f"{label}: {issue.text.get(lang)}")
                out.append(Option(line, id=FIELD + issue.target if issue.target in
                                  {f.id for f in ev.form.fields} else SLOT + issue.target))
            for number, notice in enumerate(ev.notices):
                out.append(Option(Text("• " + notice.get(lang)), id=f"n:{number}", disabled=True))
        return _unique(out)

    def _field_line(self, state: FieldState, raw: Any) -> Text:
        lang = language()
        label = state.field.label.get(lang)
        line = Text.assemble(("  ", ""), (f"{label}: ", "bold"))
        if not state.answered:
            line.append(t("wizard.review.unanswered"), style="dim")
        else:
            line.append(human_value(state, raw, lang))
        blocking = [i for i in state.issues if i.blocking]
        if blocking:
            line.append("\n    ✗ " + blocking[0].text.get(lang), style="red")
        return line

    def _slot_line(self, state: SlotState) -> Text:
        lang = language()
        slot = state.slot
        line = Text.assemble(("  ", ""), (f"{slot.label.get(lang)}: ", "bold"))
        ref = self.session.draft.documents.get(slot.id)
        if not slot.uploadable:
            line.append(t("wizard.review.by_post"), style="dim")
        elif ref is not None and slot.id in self.session.missing:
            line.append(t("wizard.review.doc_missing", name=ref.name), style="red")
        elif ref is not None:
            line.append(t("wizard.review.doc", name=ref.name, size=size_text(ref.size),
                          pages=ref.pages))
        elif state.required:
            line.append(t("wizard.review.doc_required"), style="red")
        else:
            line.append(t("wizard.review.doc_none"), style="dim")
        return line

    # --- actions ---------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#review-lines")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._edit(event.option.id)

    def action_edit(self) -> None:
        option = self.query_one("#review-lines", OptionList).highlighted_option
        self._edit(option.id if option is not None else None)

    def _edit(self, option_id: str | None) -> None:
        if option_id is None or option_id[:2] not in (FIELD, SLOT):
            return
        self.post_message(self.Edit(option_id[2:]))

    @on(Button.Pressed, "#review-submit")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_submit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "submit" or self.session.draft.receipt is None  # a filed draft

    def action_submit(self) -> None:
        blocking = self.evaluation.blocking
        if blocking:
            # Say why, and put the cursor on the first thing to fix.
            self.app.notify(str(self.query_one("#review-why", Static).render()),
                            severity="warning")
            self.focus_target(blocking[0].target)
            return
        self.post_message(self.Submit())

    def focus_target(self, target: str) -> None:
        lines = self.query_one("#review-lines", OptionList)
        for prefix in (FIELD, SLOT):
            if prefix + target in self._ids(lines):
                lines.highlighted = lines.get_option_index(prefix + target)
                break
        lines.focus()


def _unique(options: list[Option]) -> list[Option]:
    """Option ids must be unique: a second line for the same target loses its id."""
    seen: set[str] = set()
    out = []
    for option in options:
        if option.id is not None and option.id in seen:
            option = Option(option.prompt, disabled=option.disabled)
        elif option.id is not None:
            seen.add(option.id)
        out.append(option)
    return out
