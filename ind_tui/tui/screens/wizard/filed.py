"""What the filing screen offers once the application is filed: the receipt (naming the
employee and the company), saving it to a file, the case, and the next step — another
application for the same company, or back to the drafts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.widgets import Static

from ind_tui.i18n import language, t
from ind_tui.local.drafts.errors import DraftError
from ind_tui.services.filing import FilingStage, filing_stage
from ind_tui.tui.screens.shell.base import PortalScreen, from_thread
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.pathinput import PathInput

if TYPE_CHECKING:
    from ind_tui.local.drafts.session import DraftSession
    from ind_tui.tui.app import PortalApp

# The keys that work once filed, as the line under the receipt names them.
AFTER_KEYS = ("save_receipt", "open_case", "file_another", "to_drafts")


def company_of(session: DraftSession) -> str:
    """The company the draft was filed for, as people name it: its name, else its KvK."""
    draft = session.draft
    return draft.sponsor_name or (t("wizard.filing.kvk", kvk=draft.kvk) if draft.kvk else "")


async def keep_receipt(app: PortalApp, session: DraftSession) -> None:
    """Keep a filed draft's receipt in the login's cache, so `:ZAAKNUMMER` shows the case as
    submitted, not yet registered, wherever its draft goes."""
    from ind_tui.services.pending import keep_pending

    context = app.context
    scope = context.scope
    if scope is not None:
        keep_pending(await context.cache(), scope, session.draft, session.path, context.now())


class FiledScreen(PortalScreen):
    """The filing screen's part after filing; `FilingScreen` declares the keys."""

    session: DraftSession
    running: bool

    @property
    def stage(self) -> FilingStage:
        return filing_stage(self.session.draft)

    def filed_ready(self) -> bool:
        return self.stage is FilingStage.DONE and not self.running

    def render_receipt(self) -> None:
        panel = self.query_one("#filing-receipt", Panel)
        done = self.stage is FilingStage.DONE
        panel.display = done
        self.query_one("#filing-next").display = done
        # Filed: the receipt says what the ticks said, and the room at 80x24 goes to it.
        self.query_one("#filing-steps").display = not done
        if not done or self.session.draft.receipt is None:
            return
        from ind_tui.services.filing_receipt import receipt_rows, rows_text

        # The rows only, the form's left out: the screen's title names it, the panel has its
        # own, and `w` keeps the whole text. So it fits 80x24.
        panel.border_title = t("wizard.filing.receipt_title")
        panel.update(Text(rows_text(receipt_rows(self.session.draft, language())[1:])))
        self.query_one("#filing-next", Static).update(
            t("wizard.filing.next", company=company_of(self.session)))
        self.query_one("#filing-problem").display = False

    # --- saving the receipt -----------------------------------------------------------------

    def action_save_receipt(self) -> None:
        if not self.filed_ready():
            return
        from ind_tui.services.filing_receipt import receipt_file_name

        box = self.query_one("#filing-save")
        box.display = True
        path = self.query_one("#filing-save-path", PathInput)
        if not path.value:
            path.value = "~/" + receipt_file_name(self.session.draft, language())
        path.focus()
        self.call_after_refresh(box.scroll_visible)

    @on(PathInput.Submitted, "#filing-save-path")
    def _save_to(self, event: PathInput.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.save_receipt(self.query_one("#filing-save-path", PathInput).path)

    @work(exclusive=True, group="filing-save", thread=True)
    def save_receipt(self, target: Path) -> None:
        from ind_tui.services.filing_receipt import save_receipt

        try:
            written = save_receipt(self.session.draft, target, language())
        except DraftError as exc:
            from_thread(self, self.notify, exc.guidance(language()),  # type: ignore[arg-type]
                        severity="error", timeout=10)
            return
        from_thread(self, self._saved, written)

    def _saved(self, written: Path) -> None:
        self.query_one("#filing-save").display = False
        self.notify(t("wizard.filing.saved", path=str(written)))
        self.set_focus(None)

    # --- where to go next -------------------------------------------------------------------

    def action_open_case(self) -> None:
        receipt = self.session.draft.receipt
        if not self.filed_ready() or receipt is None:
            return
        from ind_tui.services.pending import pending_case
        from ind_tui.tui.screens.cases.detail import CaseDetailScreen

        pending = pending_case(self.session.draft, self.session.path)
        self.portal_app.push_screen(CaseDetailScreen(receipt.zaaknummer, pending))

    def action_file_another(self) -> None:
        # New application starts drafts for the company the login acts for: this one.
        if self.filed_ready():
            self.portal_app.action_go("new")

    def action_to_drafts(self) -> None:
        if self.filed_ready():
            self.portal_app.action_go("drafts")
