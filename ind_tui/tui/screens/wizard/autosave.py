"""Saving the wizard's draft: within a second of every change, in a thread so typing never
waits for the disk; at once when leaving or filing; under a new name on request.

Several writes may be under way at the same moment (a background save and the one made when
leaving): each works from a numbered copy of the draft, and a write never replaces a newer
one, so the file always ends up holding the latest answers. A write that fails keeps the
answers in memory and says why.
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.markup import escape
from textual.timer import Timer

from ind_tui.domain.clock import AMSTERDAM
from ind_tui.i18n import language, t
from ind_tui.i18n.format import clock
from ind_tui.i18n.format import local as local_time
from ind_tui.local.drafts.bundle import save_draft
from ind_tui.local.drafts.errors import DraftError, Lang
from ind_tui.tui.screens.shell.base import PortalScreen
from ind_tui.tui.screens.wizard.pages import SaveAsScreen

if TYPE_CHECKING:
    from ind_tui.local.drafts.model import Draft
    from ind_tui.local.drafts.session import DraftSession

SAVE_DELAY = 0.5  # seconds of quiet after a change before it is written


def draft_lang() -> Lang:
    """The interface language, as the drafts package names its guidance languages."""
    return "nl" if language() == "nl" else "en"


def refusal_text(exc: DraftError | OSError | None) -> str:
    """Why a draft file could not be opened, in the interface language."""
    if isinstance(exc, DraftError):
        return f"{exc.guidance(draft_lang())}\n\n[dim]{escape(exc.code.value)}" + (
            f" · {escape(exc.detail)}[/dim]" if exc.detail else "[/dim]")
    if exc is not None:
        return t("wizard.open_failed", reason=escape(exc.strerror or str(exc)))
    return ""


def clock_label(moment: datetime | None = None) -> str:
    """When the file was written, in Amsterdam time like every other time on screen (not this
    machine's zone): the time today, else the day too."""
    moment = moment or datetime.now(UTC)
    if moment.astimezone(AMSTERDAM).date() == datetime.now(AMSTERDAM).date():
        return clock(moment)
    return local_time(moment, seconds=True)


class AutosavingScreen(PortalScreen):
    """A screen editing `self.session`. Subclasses call `changed()` after every change and
    show `saved_at` / `save_error` in `show_save_state()`."""

    def __init__(self) -> None:
        super().__init__()
        self.session: DraftSession | None = None
        self.saved_at: str | None = None
        self.save_error: DraftError | None = None
        self._timer: Timer | None = None
        self._changes = 0  # changes made here; all saved once `_saved_changes` catches up
        self._saved_changes = 0
        self._seq = 0  # copies taken for writing, numbered
        self._written = 0  # the newest copy on disk
        self._write_lock = threading.Lock()
        self._leave_anyway = False
        self._closing = False  # unmounting: the widgets that show the state are gone

    @property
    def _can_show(self) -> bool:
        return self.whole and not self._closing

    def show_save_state(self) -> None:
        """Show `saved_at` or `save_error` (subclasses)."""

    def after_save_as(self, path: Path) -> None:
        """The session continues in `path` (subclasses update what shows the name)."""

    # --- saving soon after a change ----------------------------------------------------------

    def changed(self) -> None:
        """Something in the draft changed: write it once the user pauses."""
        self._changes += 1
        self._leave_anyway = False
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self._autosave)

    def _autosave(self) -> None:
        self._timer = None
        session = self.session
        if session is None:
            return
        self._seq += 1
        # The copy is taken here, on the UI thread: the answers keep changing while the
        # thread writes.
        draft = dataclasses.replace(
            session.draft, answers=copy.deepcopy(session.draft.answers),
            documents=dict(session.draft.documents),
            extra_manifest=copy.deepcopy(session.draft.extra_manifest))
        self.run_worker(self._write(self._seq, draft, session.path, self._changes),
                        group="wizard-save")

    async def _write(self, seq: int, draft: Draft, path: Path, changes: int) -> None:
        def write() -> bool:
            with self._write_lock:
                if seq <= self._written:
                    return False  # a newer copy was written meanwhile
                save_draft(draft, path)
                self._written = seq
                return True

        try:
            wrote = await asyncio.to_thread(write)
        except DraftError as exc:
            self._save_failed(exc)
            return
        if wrote and self.session is not None:
            self.session.draft.updated_at = draft.updated_at
            self._saved(changes)

    # --- saving now --------------------------------------------------------------------------

    def save_now(self) -> bool:
        """Write the draft now (leaving, filing, ctrl+s); False when that failed."""
        session = self.session
        if session is None:
            return True
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        try:
            with self._write_lock:
                self._seq += 1
                session.save()
                self._written = self._seq
        except DraftError as exc:
            self._save_failed(exc)
            return False
        self._saved(self._changes)
        return True

    def _saved(self, changes: int) -> None:
        self._saved_changes = max(self._saved_changes, changes)
        if self.session is not None and self._saved_changes == self._changes:
            self.session.dirty = False
        self.save_error = None
        self.saved_at = clock_label()
        if self._can_show:
            self.show_save_state()

    def _save_failed(self, error: DraftError) -> None:
        self.save_error = error
        if self._can_show:
            self.show_save_state()
            self.notify(error.guidance(draft_lang()), title=t("wizard.save_failed_title"),
                        severity="error", timeout=10)

    @property
    def unsaved(self) -> bool:
        session = self.session
        return session is not None and (session.dirty or self._saved_changes < self._changes)

    def action_save(self) -> None:
        if self.save_now():
            self.notify(t("wizard.saved", time=self.saved_at))

    def action_save_as(self) -> None:
        session = self.session
        if session is None:
            return

        def chosen(target: Path | None) -> None:
            if target is None or self.session is None:
                return
            old = self.session.path
            try:
                with self._write_lock:
                    self._seq += 1
                    self.session.save_as(target)
                    self._written = self._seq
            except DraftError as exc:
                self.session.path = old  # go on with the file that is still good
                self._save_failed(exc)
                return
            self._saved(self._changes)
            self.after_save_as(target)
            self.notify(t("wizard.saved_as", path=escape(str(target))))

        self.portal_app.push_screen(SaveAsScreen(session.path), chosen)

    # --- leaving -----------------------------------------------------------------------------

    def action_back(self) -> None:
        if self.unsaved and not self.save_now() and not self._leave_anyway:
            # The file could not be written: stay, so nothing typed is lost unknowingly.
            self._leave_anyway = True
            self.notify(t("wizard.leave_unsaved"), severity="error", timeout=10)
            return
        super().action_back()

    def on_unmount(self) -> None:
        # Quitting the app unmounts every screen: the last answers go to disk now. A failure
        # can no longer be shown here; the file then holds the previous save.
        self._closing = True
        if self.unsaved:
            self.save_now()
