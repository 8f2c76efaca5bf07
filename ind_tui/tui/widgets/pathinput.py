"""A text input for a file path, completed as a shell would: the rest of the first match is
shown greyed as you type (→ or End takes it), Tab completes as far as the matches agree, and
`~` stands for the home folder. The folder listing runs in a thread."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.actions import SkipAction
from textual.binding import Binding
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

MAX_MATCHES = 500
_PREFERRED = (".pdf",)


def expand(text: str) -> Path:
    """The path a typed text stands for (`~` expanded; relative to the working folder)."""
    return Path(os.path.expanduser(text.strip()))


def _rank(option: str) -> tuple[int, str]:
    # Folders and PDFs first: those are what a user attaching a document is after.
    wanted = option.endswith("/") or option.lower().endswith(_PREFERRED)
    return (0 if wanted else 1, option)


def completions(text: str, limit: int = MAX_MATCHES) -> list[str]:
    """Every completion of `text`, each the typed text plus the rest of a name; folders end
    in `/`. Hidden entries only when the typed name starts with a dot."""
    if text == "~":
        return ["~/"]
    expanded = os.path.expanduser(text)
    folder, fragment = os.path.split(expanded)
    typed_base = text[: len(text) - len(fragment)]
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return []
    found: list[str] = []
    for entry in entries:
        name = entry.name
        if not name.startswith(fragment) or (name.startswith(".") and not fragment.startswith(".")):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        found.append(typed_base + name + ("/" if is_dir else ""))
        if len(found) >= limit:
            break
    return sorted(found, key=_rank)


def common_prefix(options: list[str]) -> str:
    """The longest start all options share, character by character (not by folder)."""
    if not options:
        return ""
    first, last = min(options), max(options)
    size = 0
    while size < len(first) and first[size] == last[size]:
        size += 1
    return first[:size]


class PathSuggester(Suggester):
    """The first completion, as the input's greyed suggestion."""

    def __init__(self) -> None:
        # No cache: the folder may change between two keystrokes (a download finishing).
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        options = await asyncio.to_thread(completions, value, 50)
        longer = [o for o in options if len(o) > len(value)]
        return longer[0] if longer else None


class PathInput(Input):
    """Input for a path. Posts `PathInput.Matches` when Tab finds several names."""

    BINDINGS = [
        Binding("tab", "complete", "wizard.docs.key.complete", show=False, id="path.complete"),
    ]

    class Matches(Message):
        """Tab found several names that agree no further: show them to the user."""

        def __init__(self, path_input: PathInput, options: tuple[str, ...]) -> None:
            super().__init__()
            self.path_input = path_input
            self.options = options

        @property
        def control(self) -> PathInput:
            return self.path_input

    def __init__(self, value: str = "", *, placeholder: str = "", id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(value, placeholder=placeholder, suggester=PathSuggester(), id=id,
                         classes=classes, select_on_focus=False)

    @property
    def path(self) -> Path:
        return expand(self.value)

    def action_complete(self) -> None:
        """Complete the typed path; with nothing left to complete, Tab moves focus on."""
        options = completions(self.value)
        longer = [o for o in options if o != self.value]
        if not longer:
            raise SkipAction()
        if len(options) == 1:
            self._set(options[0])
            return
        common = common_prefix(options)
        if len(common) > len(self.value):
            self._set(common)
        else:
            names = tuple(o[len(self._base()):] for o in options)
            self.post_message(self.Matches(self, names))

    def _base(self) -> str:
        """The typed folder part (what every completion shares)."""
        if self.value == "~":
            return ""
        fragment = os.path.split(os.path.expanduser(self.value))[1]
        return self.value[: len(self.value) - len(fragment)]

    def _set(self, value: str) -> None:
        self.value = value
        self.cursor_position = len(value)
