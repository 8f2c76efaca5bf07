"""Input widgets for form fields that Textual does not offer as such: a choice list driven by
keys (j/k, Enter chooses and moves on), a yes/no pair (y/n), and a country input that
completes names as you type."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from textual.actions import SkipAction
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, RadioButton, RadioSet

from ind_tui.domain.forms.countries import COUNTRIES


class ChoiceButton(RadioButton):
    """An option that shows whether it is chosen by its shape, "(•)" or "( )", so the choice
    is plain without colour too (NO_COLOR, screen readers, a plain-text capture)."""

    @property
    def _button(self) -> Content:
        return Content.from_markup("[b](•)[/b]" if self.value else "( )")


class ChoiceSet(RadioSet):
    """Options of a choice field. Arrows or j/k move, space chooses, Enter chooses and
    moves on to the next field."""

    BINDINGS = [
        Binding("j", "next_button", "key.next_option", show=False, id="choice.down"),
        Binding("k", "previous_button", "key.previous_option", show=False, id="choice.up"),
        Binding("enter", "choose_and_advance", "key.choose", show=False, id="choice.choose"),
    ]

    class Advance(Message):
        """The user chose with Enter: the form moves on to the next field. Carries the
        choice, as the set's own Changed message may arrive after this one."""

        def __init__(self, value: object) -> None:
            super().__init__()
            self.value = value

    def __init__(self, labels: Sequence[str], values: Sequence[object], chosen: object = None,
                 *, id: str | None = None, classes: str | None = None,
                 tooltip: str | None = None) -> None:
        self.values = list(values)
        buttons = [ChoiceButton(label, value=(v == chosen and chosen is not None))
                   for label, v in zip(labels, values, strict=True)]
        super().__init__(*buttons, id=id, classes=classes, tooltip=tooltip, compact=True)

    @property
    def value(self) -> object:
        index = self.pressed_index
        return self.values[index] if index >= 0 else None

    def relabel(self, labels: Sequence[str]) -> None:
        """Name the options anew (the language changed); what is chosen stays."""
        for button, label in zip(self.query(ChoiceButton), labels, strict=True):
            button.label = label

    def choose(self, value: object) -> None:
        """Press the option for `value` (as a key or the user would)."""
        if value in self.values:
            index = self.values.index(value)
            self._selected = index
            button = self._nodes[index]
            assert isinstance(button, RadioButton)
            button.value = True

    def action_choose_and_advance(self) -> None:
        if self._selected is None:
            return
        button = self._nodes[self._selected]
        assert isinstance(button, RadioButton)
        button.value = True  # choosing the chosen one again is no change
        self.post_message(self.Advance(self.values[self._selected]))


class YesNoSet(ChoiceSet):
    """Yes and no side by side; y and n answer directly."""

    BINDINGS = [
        Binding("y", "answer(True)", "key.yes", show=False, id="yes_no.yes"),
        Binding("n", "answer(False)", "key.no", show=False, id="yes_no.no"),
    ]

    def __init__(self, yes: str, no: str, chosen: bool | None = None, *,
                 id: str | None = None, tooltip: str | None = None) -> None:
        super().__init__([yes, no], [True, False], chosen, id=id, classes="-yes-no",
                         tooltip=tooltip)

    def action_answer(self, value: bool) -> None:
        self.choose(value)


# "Netherlands (NLD)": the shape the country input shows and completes to.
_WITH_CODE = re.compile(r"\(([A-Za-z]{3})\)\s*$")


def country_label(code: str, lang: str) -> str:
    text = COUNTRIES.get(code)
    return f"{text.get(lang)} ({code})" if text is not None else code


def resolve_country(typed: str) -> str | None:
    """The ISO code for what was typed: a code, a name in either language, or a completed
    "Name (CODE)"; None when it names no single country."""
    text = typed.strip()
    if not text:
        return None
    match = _WITH_CODE.search(text)
    if match and match.group(1).upper() in COUNTRIES:
        return match.group(1).upper()
    if text.upper() in COUNTRIES:
        return text.upper()
    folded = text.casefold()
    for code, names in COUNTRIES.items():
        if folded in (names.nl.casefold(), names.en.casefold()):
            return code
    return None


def country_matches(typed: str, lang: str, limit: int = 4) -> list[str]:
    """Codes of countries whose name (in `lang` first, then the other language) has a word
    starting with what was typed, or whose code starts with it."""
    folded = typed.strip().casefold()
    if not folded or _WITH_CODE.search(typed):
        return []
    other = "en" if lang == "nl" else "nl"
    found: list[str] = []
    for which in (lang, other):
        for code, names in COUNTRIES.items():
            name = names.get(which).casefold()
            words = re.split(r"[\s-]+", name)
            hit = name.startswith(folded) or any(w.startswith(folded) for w in words)
            if (hit or (which == lang and code.casefold().startswith(folded))) \
                    and code not in found:
                found.append(code)
    return found[:limit]


class CountrySuggester(Suggester):
    """Completes a typed name (or code) to "Name (CODE)" in the interface language."""

    def __init__(self, lang: Callable[[], str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self._lang = lang

    async def get_suggestion(self, value: str) -> str | None:
        lang = self._lang()
        for code, names in COUNTRIES.items():
            name = names.get(lang)
            if name.casefold().startswith(value):
                return f"{name} ({code})"
        return None


class CountryInput(Input):
    """A country: type a name or code; Tab or → (at the end) takes the completion shown,
    as Enter does."""

    BINDINGS = [
        Binding("tab", "complete_or_next", show=False, id="country.complete"),
        Binding("right", "complete_or_right", show=False, id="country.complete_right"),
    ]

    def __init__(self, code: object, lang: Callable[[], str], *, id: str | None = None,
                 tooltip: str | None = None) -> None:
        shown = country_label(code, lang()) if isinstance(code, str) else ""
        super().__init__(shown, id=id, suggester=CountrySuggester(lang), tooltip=tooltip)
        self._lang = lang

    def accept_suggestion(self) -> bool:
        """Take the completion shown, as → at the end would; False when there is none."""
        if not self._suggestion:
            return False
        self.value = self._suggestion
        self.cursor_position = len(self.value)
        return True

    def complete(self) -> bool:
        """While what is typed names no country: take the completion shown after the cursor,
        else the first country of the list under the field. False: nothing completed."""
        if resolve_country(self.value) is not None:
            return False  # a country already ("Brazil", "BRA"): nothing to complete
        if self.accept_suggestion():
            return True
        found = country_matches(self.value, self._lang(), limit=1)
        if not found:
            return False
        self.value = country_label(found[0], self._lang())
        self.cursor_position = len(self.value)
        return True

    def action_complete_or_next(self) -> None:
        if not self.complete():
            raise SkipAction  # nothing to complete: Tab moves on as everywhere

    def action_complete_or_right(self) -> None:
        if not (self.cursor_at_end and self.complete()):
            self.action_cursor_right()
