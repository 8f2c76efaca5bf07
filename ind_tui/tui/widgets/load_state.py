"""Where a list's data stands, said the same way on every list screen: loading, shown (with a
refresh running or not), empty, offline, refused by the portal (with its code) and failed.

A failed load must never look like an empty list: the table's empty text follows the state,
and the line above the table says what happened and what to do. "Offline" only when no
answer came; "refused" when the portal answered with an error code (its guidance is shown);
"failed" for anything else. A load running while rows are shown says so ("Updating…"), so
old rows are never taken for fresh ones.
"""

from __future__ import annotations

import asyncio
import contextlib
from enum import Enum

from textual.widget import Widget
from textual.widgets import Static

from ind_tui.api.errors import PortalError, TransportError
from ind_tui.i18n import language, t
from ind_tui.tui.context import Failed
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.text import LanguageChanged, plain


class LoadState(Enum):
    LOADING = "loading"  # nothing shown yet; a load is running
    SHOWN = "shown"  # the portal's rows are shown
    EMPTY = "empty"  # the portal answered: there is nothing
    OFFLINE = "offline"  # no answer came (no connection, timeout, connection dropped)
    REFUSED = "refused"  # the portal answered with an error code
    FAILED = "failed"  # anything else: an answer that could not be used, a login left


def state_of(failed: Failed) -> LoadState:
    error = failed.error
    if isinstance(error, TransportError) or (error is None and failed.offline):
        return LoadState.OFFLINE
    if isinstance(error, PortalError) and error.status is not None:
        return LoadState.REFUSED
    return LoadState.FAILED


async def drawn(widget: Widget) -> None:
    """Wait until the first rows are on the terminal before asking for the next page: the
    answer would otherwise be parsed before the frame that shows them is drawn."""
    done = asyncio.Event()
    widget.call_after_refresh(done.set)
    with contextlib.suppress(TimeoutError):  # not on screen (a form over it): no wait
        await asyncio.wait_for(done.wait(), timeout=1.0)


class LoadLine(Static):
    """The line above a list's table saying how its load went; hidden while there is nothing
    to add to the rows. `loading` and `empty` are the area's own text keys (what the table
    says while it is read, and when the portal has nothing); `says_busy=False` where the
    screen shows a running refresh itself (the cases list's progress bar)."""

    DEFAULT_CSS = "LoadLine { height: auto; display: none; }"

    def __init__(self, table: VirtualTable, *, loading: str, empty: str,
                 says_busy: bool = True, id: str | None = None) -> None:
        super().__init__("", id=id, classes="notice load-line")
        self.table = table
        self.says_busy = says_busy
        self._texts = {LoadState.LOADING: loading, LoadState.EMPTY: empty}
        self.state = LoadState.LOADING
        self.busy = False  # a load or refresh is running
        self.progress = ""  # e.g. "12,000 of 84,966 read", while busy
        self.error: PortalError | None = None
        self._had_rows = False
        self._kept = ""

    # --- what the screen tells it ------------------------------------------------------------

    def started(self, progress: str = "") -> None:
        """A load (or refresh) is running; rows already shown stay, marked as updating."""
        self.busy, self.progress = True, progress
        if self.state is not LoadState.SHOWN:
            self.state = LoadState.LOADING
        self.say()

    def done(self, count: int) -> None:
        """The portal answered with `count` items (all of them, or of the view asked)."""
        self.busy, self.progress, self.error = False, "", None
        self.state = LoadState.SHOWN if count else LoadState.EMPTY
        self.say()

    def shown(self) -> None:
        """Rows are on screen while the load goes on (a first page, the local copy)."""
        self.state = LoadState.SHOWN
        self.say()

    def failed(self, outcome: Failed, kept: str = "") -> None:
        """The load gave no answer to show; `kept` says what is shown instead (the copy on
        this computer and its age), else the rows shown before are said to stay."""
        self.busy, self.progress = False, ""
        self._had_rows = self.state is LoadState.SHOWN
        self._kept = kept
        self.state = state_of(outcome)
        self.error = outcome.error if isinstance(outcome.error, PortalError) else None
        self.say()

    @property
    def is_failure(self) -> bool:
        return self.state in (LoadState.OFFLINE, LoadState.REFUSED, LoadState.FAILED)

    # --- showing -----------------------------------------------------------------------------

    def line_text(self) -> str:
        """What the line says now ("" when it has nothing to add)."""
        if self.busy:
            if self.state is LoadState.LOADING or not self.says_busy:
                return ""  # the table says it is loading, or the screen shows it
            return t("load.busy") + (f" {self.progress}" if self.progress else "")
        if not self.is_failure:
            return ""
        again = t("load.again")
        kept = self._kept or (t("load.kept") if self._had_rows else "")
        kept = f" {kept}" if kept else ""
        if self.state is LoadState.OFFLINE:
            return t("load.offline") + kept + " " + again
        if self.state is LoadState.REFUSED and self.error is not None:
            advice = self.error.guidance(language())
            return t("load.refused", status=self.error.status, code=self.error.code,
                     title=advice.title, do=advice.action) + kept + " " + again
        reason = plain(self.error.message) if self.error is not None else t("load.no_reason")
        return t("load.failed", reason=reason) + kept + " " + again

    def say(self) -> None:
        """Say it again (after the screen set the table's rows or texts)."""
        text = self.line_text()
        self.update(text)
        self.display = bool(text)
        self.set_class(self.busy, "-busy")
        if self.is_failure and not self._had_rows:
            self.table.empty_text = t("load.table_failed")
        elif self.state in self._texts:
            self.table.empty_text = t(self._texts[self.state])
        self.table.refresh()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.say()
