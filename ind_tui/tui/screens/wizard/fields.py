"""One question of a form on screen: its label, an editor suited to the field type, the
engine's reason when the answer is wrong, and the help text (F3).

What is typed is stored the way the forms engine reads answers: a valid answer in its
normal form (a date as "yyyy-mm-dd", money and numbers as JSON numbers, yes/no as a boolean,
a country as its ISO code), anything else exactly as typed, so nothing is lost and the
engine can say what is wrong with it.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from decimal import Decimal
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.markup import escape
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from ind_tui.domain.forms.engine import Issue
from ind_tui.domain.forms.fields import check_value
from ind_tui.domain.forms.schema import Field
from ind_tui.domain.forms.texts import Text
from ind_tui.i18n import language, t
from ind_tui.i18n.format import day
from ind_tui.tui.widgets.fields import (
    ChoiceSet,
    CountryInput,
    YesNoSet,
    country_label,
    country_matches,
    resolve_country,
)
from ind_tui.tui.widgets.text import LanguageChanged

# Field types whose empty input shows an example of the expected form.
PLACEHOLDERS = frozenset({"date", "money", "number", "v_number", "bsn", "postcode", "email",
                          "phone"})
# Day-first dates as Dutch users write them (31-03-2026, 31/3/2026, 31.03.2026).
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
# Any day will do: range checks (not in the future, not in the past) are left out below.
_SOME_DAY = date(2000, 1, 1)


def _iso_date(text: str) -> str:
    match = _DAY_FIRST.match(text)
    if match is None:
        return text
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return text


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def to_answer(field: Field, text: str) -> Any:
    """What to store for `text` typed into an input for `field` (None: no answer)."""
    raw = text.strip()
    if not raw:
        return None
    if field.type == "country":
        return resolve_country(raw) or raw
    if field.type == "date":
        raw = _iso_date(raw)
    # Only the form of the answer decides its stored shape; ranges and lengths are the
    # engine's to judge (it gives the reason under the field).
    loose = dataclasses.replace(field, min=None, max=None, min_length=None, max_length=1 << 20,
                                not_future=False, not_past=False, must_be_yes=False)
    value, problem = check_value(loose, raw, _SOME_DAY)
    return raw if problem is not None else _json(value)


def display_text(field: Field, value: Any, lang: str) -> str:
    """A stored answer as the input shows it."""
    if value is None:
        return ""
    if field.type == "country" and isinstance(value, str):
        return country_label(value, lang)
    if field.type == "money" and isinstance(value, float):
        text = f"{value:.2f}"
        return text.replace(".", ",") if lang == "nl" else text
    if field.type == "date" and isinstance(value, str):
        try:  # stored ISO (as prefilled or reopened): shown day first, as typed
            return day(date.fromisoformat(value), lang)
        except ValueError:
            return value
    return str(value)


class FormText(Static):
    """A text of the form definition (it holds both languages) that renders again when the
    language changes."""

    def __init__(self, source: Text, *, classes: str | None = None) -> None:
        self.source = source
        super().__init__(escape(source.get(language())), classes=classes)

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.update(escape(self.source.get(language())))


def prefill_origin(source: str) -> str:
    """Where a prefilled answer came from, in words: the register, or a case by number."""
    if source.startswith("case:"):
        return t("prefill.mark.case", zaak=source.removeprefix("case:"))
    return t("prefill.mark.register")


def _yes_no(field: Field, value: Any) -> bool | None:
    """A stored yes/no (also "ja"/"yes" from a hand-made file) as a boolean, if it is one."""
    if value is None:
        return None
    checked, problem = check_value(dataclasses.replace(field, must_be_yes=False), value,
                                   _SOME_DAY)
    return checked if problem is None and isinstance(checked, bool) else None


class FieldBox(Vertical):
    """A field of the form. The editor has the id `field-<field id>`."""

    class Changed(Message):
        def __init__(self, field_id: str, value: Any) -> None:
            super().__init__()
            self.field_id = field_id
            self.value = value

    class Advance(Message):
        """Enter in the editor: go on to the next field."""

        def __init__(self, field_id: str) -> None:
            super().__init__()
            self.field_id = field_id

    def __init__(self, field: Field, value: Any, *, read_only: bool = False,
                 source: str | None = None) -> None:
        super().__init__(id=f"box-{field.id}",
                         classes="field-box -prefilled" if source else "field-box")
        self.field = field
        self.initial = value
        self.read_only = read_only
        self.source = source  # where a prefilled answer came from (Draft.prefilled)
        self._pending: tuple[tuple[Issue, ...], bool] | None = None

    def on_mount(self) -> None:
        if self._pending is not None:
            self.show_issues(self._pending[0], show_required=self._pending[1])
            self._pending = None

    @property
    def editor_id(self) -> str:
        return f"field-{self.field.id}"

    def compose(self) -> ComposeResult:
        lang = language()
        field = self.field
        yield Static(self._label(lang), classes="field-label")
        yield self._editor(lang)
        hint = Static("", id=f"hint-{field.id}", classes="field-hint")
        hint.display = False
        yield hint
        reason = Static("", id=f"reason-{field.id}", classes="field-reason")
        reason.display = False
        yield reason
        help_text = Static(self._help(lang), id=f"help-{field.id}", classes="field-help")
        help_text.display = False
        yield help_text

    def _label(self, lang: str) -> str:
        marker = " [b]*[/b]" if self.field.required else f" [dim]({t('wizard.optional')})[/dim]"
        label = escape(self.field.label.get(lang)) + marker
        if self.source is not None:  # a sign and words, so it shows without colour too
            label += f"  [b]↺[/b] [i]{escape(prefill_origin(self.source))}[/i]"
        return label

    def _help(self, lang: str) -> str:
        text = escape(self.field.help.get(lang))
        if self.source is not None:
            text += "\n" + escape(t("prefill.field_help", origin=prefill_origin(self.source)))
        return text

    def set_source(self, source: str | None) -> None:
        """The answer is the user's own now (None), or came from elsewhere: the mark says."""
        if source == self.source:
            return
        self.source = source
        self.set_class(source is not None, "-prefilled")
        lang = language()
        self.query_one(".field-label", Static).update(self._label(lang))
        self.query_one(f"#help-{self.field.id}", Static).update(self._help(lang))

    def _choices(self, lang: str) -> list[str]:
        if self.field.type == "yes_no":
            return [t("wizard.yes"), t("wizard.no")]
        return [escape(c.label.get(lang)) for c in self.field.choices]

    def _placeholder(self) -> str:
        kind = self.field.type
        if kind == "country" or kind in PLACEHOLDERS:
            return t(f"wizard.placeholder.{kind}")
        return ""

    def _editor(self, lang: str) -> Widget:
        field, value = self.field, self.initial
        tip = field.help.get(lang)
        editor: Widget
        if field.type == "choice":
            editor = ChoiceSet(self._choices(lang), [c.value for c in field.choices], value,
                               id=self.editor_id, tooltip=tip)
        elif field.type == "yes_no":
            yes, no = self._choices(lang)
            editor = YesNoSet(yes, no, _yes_no(field, value), id=self.editor_id, tooltip=tip)
        elif field.type == "country":
            editor = CountryInput(value, language, id=self.editor_id, tooltip=tip)
            editor.placeholder = self._placeholder()
        else:
            editor = Input(display_text(field, value, lang), id=self.editor_id, tooltip=tip,
                           placeholder=self._placeholder())
        editor.disabled = self.read_only
        return editor

    def on_language_changed(self, _message: LanguageChanged) -> None:
        """Say the question, its help and its options in the new language; what was typed,
        the cursor and the focus stay (the engine's reasons follow from the screen)."""
        lang = language()
        self.query_one(".field-label", Static).update(self._label(lang))
        self.query_one(f"#help-{self.field.id}", Static).update(self._help(lang))
        editor = self.editor
        editor.tooltip = self.field.help.get(lang)
        if isinstance(editor, ChoiceSet):
            editor.relabel(self._choices(lang))
        elif isinstance(editor, Input):
            editor.placeholder = self._placeholder()
            hint = self.query_one(f"#hint-{self.field.id}")
            if isinstance(editor, CountryInput) and hint.display:
                self._show_matches(editor.value)

    def set_read_only(self, read_only: bool) -> None:
        """Filing locked the draft (or it was unlocked): the answer can no longer change."""
        self.read_only = read_only
        self.editor.disabled = read_only

    @property
    def editor(self) -> Widget:
        return self.query_one(f"#{self.editor_id}")

    # --- editing ----------------------------------------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self.read_only:
            return
        if isinstance(event.input, CountryInput):
            self._show_matches(event.value)
        self.post_message(self.Changed(self.field.id, to_answer(self.field, event.value)))

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        # Show the start of a long answer once the cursor has moved on.
        event.stop()
        event.input.cursor_position = 0  # which scrolls the input back to its start

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        editor = event.input
        if isinstance(editor, CountryInput) and resolve_country(editor.value) is None \
                and editor.complete():
            return  # Enter took the completion shown, or the first country that matches
        self.post_message(self.Advance(self.field.id))

    @on(ChoiceSet.Changed)
    def _chosen(self, event: ChoiceSet.Changed) -> None:
        event.stop()
        assert isinstance(event.radio_set, ChoiceSet)
        if not self.read_only:
            self.post_message(self.Changed(self.field.id, event.radio_set.value))

    @on(ChoiceSet.Advance)
    def _advance(self, event: ChoiceSet.Advance) -> None:
        event.stop()
        if not self.read_only:
            self.post_message(self.Changed(self.field.id, event.value))
        self.post_message(self.Advance(self.field.id))

    def _show_matches(self, typed: str) -> None:
        hint = self.query_one(f"#hint-{self.field.id}", Static)
        lang = language()
        found = [] if resolve_country(typed) else country_matches(typed, lang)
        hint.update(t("wizard.country_matches", matches=" · ".join(
            escape(country_label(c, lang)) for c in found)) if found else "")
        hint.display = bool(found)

    # --- what the screen shows --------------------------------------------------------------

    def show_issues(self, issues: tuple[Issue, ...], *, show_required: bool) -> None:
        """The engine's reasons for this field (the empty-but-required one only once the
        user has been here), warnings in their own colour."""
        lang = language()
        shown = [i for i in issues if show_required or i.code != "required"]
        found = self.query(f"#reason-{self.field.id}").results(Static)
        reason = next(found, None)
        if reason is None:  # not composed yet: shown once it is
            self._pending = (issues, show_required)
            return
        reason.update("\n".join(("✗ " if i.blocking else "! ") + escape(i.text.get(lang))
                                for i in shown))
        reason.display = bool(shown)
        reason.set_class(bool(shown) and not any(i.blocking for i in shown), "-warning")
        self.set_class(any(i.blocking for i in shown), "-invalid")

    def show_help(self, shown: bool) -> None:
        self.query_one(f"#help-{self.field.id}", Static).display = shown

    @property
    def help_shown(self) -> bool:
        return bool(self.query_one(f"#help-{self.field.id}", Static).display)
