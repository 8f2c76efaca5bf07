"""A line that says what is going on (checking a file, uploading, a step of filing), kept as
a way to say it rather than as text, so a language switch says it again where it stands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from ind_tui.i18n import t
from ind_tui.i18n.format import day, plural
from ind_tui.local.drafts.model import Draft
from ind_tui.tui.widgets.text import LanguageChanged

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
Say = Callable[[], str]  # a text, said in the language of the moment


class StatusLine(Static):
    """One line of status in one style, with a spinner while work runs."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self._say: Say | None = None
        self._style = ""
        self._spin = 0
        self._timer: Timer | None = None

    @property
    def text(self) -> str:
        return self._say() if self._say is not None else ""

    def say(self, say: Say | None, *, style: str = "", spinning: bool = False) -> None:
        """Show `say()` from now on (None: nothing)."""
        self._say, self._style = say, style
        if spinning and self._timer is None:
            self._timer = self.set_interval(0.1, self._tick)
        elif not spinning and self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._paint()

    def _paint(self) -> None:
        line = Text()
        text = self.text
        if self._timer is not None and text:
            line.append(SPINNER[self._spin % len(SPINNER)] + " ", style="cyan")
        line.append(text, style=self._style)
        self.update(line)

    def _tick(self) -> None:
        self._spin += 1
        self._paint()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self._paint()


def lock_notice(draft: Draft, shortcut: str) -> tuple[str, dict[str, Any]]:
    """The notice over a draft that was sent (catalogue key and values): a filed one can only
    be looked at and copied; one still on its way is filed further with `shortcut`."""
    receipt = draft.receipt
    if receipt is None:
        return "wizard.locked", {"shortcut": shortcut}
    return "wizard.filed", {"zaaknummer": receipt.zaaknummer, "date": day(receipt.receipt_date)}


def lock_summary(draft: Draft, shortcut: str) -> str:
    receipt = draft.receipt
    if receipt is None:
        return t("wizard.summary.locked", shortcut=shortcut)
    return t("wizard.summary.filed", zaaknummer=receipt.zaaknummer, shortcut=shortcut)


def summary_text(locked: Draft | None, blockers: int, submit_key: str, issues_key: str) -> str:
    """The line over the wizard's pages: the draft was sent (`locked`), or what still
    blocks submitting, or that it is ready."""
    if locked is not None:
        return lock_summary(locked, submit_key)
    if blockers:
        return plural("wizard.summary.blocked", blockers, shortcut=issues_key)
    return t("wizard.summary.ready", shortcut=submit_key)
