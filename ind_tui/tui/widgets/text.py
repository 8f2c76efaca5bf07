"""Texts that follow the language: switching it renders them again where they stand.

The app posts `LanguageChanged` to every widget of every screen; nothing is rebuilt, so what
was typed, the focus, the cursor and the scroll position stay as they were.
"""

from __future__ import annotations

from typing import Any

from textual.markup import escape
from textual.message import Message
from textual.widgets import Static

from ind_tui.base.safetext import visible
from ind_tui.i18n import t


def plain(value: object) -> str:
    """What a portal sent (a name, a subject), ready to stand in markup: control characters
    spelled out and brackets shown as brackets, so `[red]` in a name stays text."""
    return escape(visible("" if value is None else str(value)))


class LanguageChanged(Message, bubble=False):
    """The app switched language: render your texts again."""


class Tr(Static):
    """A catalogue text (key and values) that renders again when the language changes."""

    def __init__(self, key: str, *, id: str | None = None, classes: str | None = None,
                 **values: Any) -> None:
        self.key = key
        self.values = values
        super().__init__(t(key, **values), id=id, classes=classes)

    def say(self, key: str, **values: Any) -> None:
        """Show another text (or the same with new values)."""
        self.key, self.values = key, values
        self.update(t(key, **values))

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.update(t(self.key, **self.values))
