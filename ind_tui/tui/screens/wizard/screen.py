"""The application wizard: one page of a form at a time, the pages with their state on the
left, what blocks submitting always in view, and every change saved within a second.

The draft file is the truth: answers are local, so an expired login or an unreachable portal
never costs anything typed. The portal is asked only for its date (the engine judges answers
on the submission date) and the fee of the application type.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widgets import Static

from ind_tui.domain.forms.engine import FeeQuote, listed_quote
from ind_tui.i18n import language, t
from ind_tui.i18n.format import plural
from ind_tui.local.drafts.errors import DraftError
from ind_tui.local.drafts.session import DraftSession
from ind_tui.tui.screens.shell.base import set_text
from ind_tui.tui.screens.wizard.autosave import (
    AutosavingScreen,
    clock_label,
    draft_lang,
    refusal_text,
)
from ind_tui.tui.screens.wizard.fields import FieldBox
from ind_tui.tui.screens.wizard.filing import FilingScreen
from ind_tui.tui.screens.wizard.form import FormPages
from ind_tui.tui.screens.wizard.issues import DOCUMENTS, REVIEW, IssuesPanel, blockers
from ind_tui.tui.screens.wizard.pages import key_for, page_entries, page_options, progress_text
from ind_tui.tui.screens.wizard.status import lock_notice, summary_text
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.text import Tr

if TYPE_CHECKING:
    from ind_tui.domain.forms.engine import Evaluation


class WizardScreen(AutosavingScreen):
    HELP_KEY = "wizard.help"
    # At 80 columns the footer has room for five keys: filing and paging come first.
    FOOTER_FIRST = ("submit", "next_page", "previous_page", "issues", "field_help", "save_as")
    BINDINGS = [
        # Priority: inputs and scrolling panes would take these keys otherwise.
        Binding("pagedown,ctrl+n", "next_page", "wizard.key.next", id="wizard.next_page",
                priority=True),
        Binding("pageup,ctrl+o", "previous_page", "wizard.key.previous",
                id="wizard.previous_page", priority=True),
        Binding("f3", "field_help", "wizard.key.field_help", id="wizard.field_help"),
        Binding("f4", "issues", "wizard.key.issues", id="wizard.issues"),
        Binding("f8", "submit", "wizard.key.submit", id="wizard.submit"),
        Binding("ctrl+s", "save", "wizard.key.save", id="wizard.save", show=False),
        Binding("f6", "save_as", "wizard.key.save_as", id="wizard.save_as"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.open_error: DraftError | OSError | None = None  # why the file did not open
        try:
            self.session = DraftSession.open(path)
        except (DraftError, OSError) as exc:
            self.open_error = exc
        self.evaluation: Evaluation | None = None
        self.page = ""
        self.fee: FeeQuote | None = None
        self.touched: set[str] = set()  # fields changed or jumped to: their reasons show

    # --- layout -----------------------------------------------------------------------------

    def body(self) -> ComposeResult:
        session = self.session
        if session is None:
            with VerticalScroll(id="wizard-refused"):
                yield Tr("wizard.refused.title", classes="title")
                yield Panel(refusal_text(self.open_error), id="wizard-refusal", classes="-error")
                yield Tr("wizard.refused.kept", path=escape(str(self.path)), classes="muted")
            return
        with Horizontal(id="wizard-top"):
            yield Static("", id="wizard-title")
            yield Static("", id="wizard-saved")
        failure = Static("", id="wizard-save-error", classes="error-text")
        failure.display = False
        yield failure
        notice, values = lock_notice(session.draft, key_for(self, "wizard.submit"))
        locked = Tr(notice, id="wizard-locked", classes="notice", **values)
        locked.display = session.locked
        yield locked
        with Horizontal(id="wizard-main"):
            with Vertical(id="wizard-side"):
                yield VimOptionList(id="wizard-pages")
                yield Static("", id="wizard-progress")
            yield FormPages(session, id="wizard-content")
        yield Static("", id="wizard-summary")
        issues = IssuesPanel(id="wizard-issues")
        issues.display = False
        yield issues

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A refused file shows only why; there is nothing to page through, save or file.
        return self.session is not None or action == "back"

    def on_mount(self) -> None:
        if self.session is None:
            return
        self.page = self.session.resume_page or ""
        self.saved_at = clock_label(self.session.draft.updated_at)
        self._refresh_all()
        self.show_page(self.page, remember=False)
        self.load_portal_facts()

    def relabel(self) -> None:
        # Every question relabels itself (FieldBox); the screen says the rest again.
        if self.session is None:
            set_text(self, "#wizard-refusal", refusal_text(self.open_error))
        else:
            self._refresh_all()

    def on_screen_resume(self) -> None:
        # Back from filing: the draft may be locked now, or its documents changed.
        if self.session is not None and self.evaluation is not None:
            notice = self.query_one("#wizard-locked", Tr)
            notice.display = self.session.locked
            key, values = lock_notice(self.session.draft, key_for(self, "wizard.submit"))
            notice.say(key, **values)  # filed now, perhaps
            self.form_pages.set_read_only(self.session.locked)
            self._refresh_all()

    @property
    def form_pages(self) -> FormPages:
        return self.query_one(FormPages)

    # --- the portal's facts: today and the fee --------------------------------------------

    def today(self) -> date:
        return self.context.today()

    @work(exclusive=True, group="wizard-facts")
    async def load_portal_facts(self) -> None:
        client = self.context.client
        session = self.session
        if client is None or session is None:
            return
        if not client.clock.precise:
            await self.portal_app.call(client.portal_info)
        types = (await self.portal_app.call(client.application_types)).or_none()
        if not self.is_attached or not self.is_running:  # closed, or the app is stopping
            return
        # The portal's quote, provisional flag included: shown as provisional.
        self.fee = listed_quote(types or (), session.draft.form_id) or self.fee
        self._refresh_all()

    # --- evaluating and showing -------------------------------------------------------------

    def evaluate(self) -> Evaluation:
        assert self.session is not None
        self.evaluation = self.session.evaluation(self.today(), fee=self.fee)
        return self.evaluation

    def _refresh_all(self) -> None:
        """Judge the answers again and bring every part of the screen up to date."""
        evaluation = self.evaluate()
        self.form_pages.show_judgement(evaluation, self.touched)
        entries = page_entries(evaluation)
        if self.page not in {e.id for e in entries}:
            self.page = entries[0].id
        self._update_pages()
        self.query_one("#wizard-progress", Static).update(progress_text(evaluation))
        found = blockers(evaluation)
        self.query_one(IssuesPanel).set_items(found)
        self._update_summary(len(found))
        self.show_save_state()
        docs = self.form_pages.documents
        if docs is not None:
            docs.refresh_from(evaluation)

    def _update_pages(self) -> None:
        assert self.evaluation is not None
        pages = self.query_one("#wizard-pages", VimOptionList)
        entries = page_entries(self.evaluation)
        pages.clear_options()
        pages.add_options(page_options(entries, self.page))
        pages.highlighted = [e.id for e in entries].index(self.page)

    def _update_summary(self, count: int) -> None:
        summary = self.query_one("#wizard-summary", Static)
        locked = self.session.draft if self.session is not None and self.session.locked else None
        summary.update(summary_text(locked, count, key_for(self, "wizard.submit"),
                                    key_for(self, "wizard.issues")))
        summary.set_class(bool(count), "-blocked")

    def after_save_as(self, path: Path) -> None:
        self.path = path
        self.show_save_state()

    def show_save_state(self) -> None:
        session = self.session
        assert session is not None
        title = session.form.title.get(language())
        self.query_one("#wizard-title", Static).update(
            f"[b]{escape(title)}[/b] · {escape(session.path.name)}")
        saved = self.query_one("#wizard-saved", Static)
        failure = self.query_one("#wizard-save-error", Static)
        failure.display = self.save_error is not None
        if self.save_error is not None:
            failure.update(escape(self.save_error.guidance(draft_lang()))
                           + f" [dim]({self.save_error.code.value})[/dim]")
            saved.update(t("wizard.save_failed"))
        elif self.saved_at is not None:
            saved.update(t("wizard.saved", time=self.saved_at))
        else:
            saved.update("")
        saved.set_class(self.save_error is not None, "-failed")

    # --- pages ------------------------------------------------------------------------------

    def _entries(self) -> list[str]:
        assert self.evaluation is not None
        return [e.id for e in page_entries(self.evaluation)]

    def show_page(self, page: str, *, focus: bool = True, remember: bool = True) -> None:
        """Show one page (a form page, DOCUMENTS or REVIEW) and remember it in the draft."""
        session = self.session
        assert session is not None and self.evaluation is not None
        entries = self._entries()
        if page not in entries:
            page = entries[0]
        self.page = page
        self.form_pages.show(page)
        self._update_pages()
        # Opening a draft is not a change to it: only moving on is remembered.
        if remember and not session.locked and session.set_resume_page(page):
            self.changed()
        if page == REVIEW:
            self.call_later(self._mount_review, focus)  # the review shows the answers now
        elif focus:
            self.call_after_refresh(self._focus_first)

    def _focus_first(self) -> None:
        target = self.form_pages.first_focusable(self.page)
        (target or self.query_one("#wizard-pages")).focus()

    async def _mount_review(self, focus: bool) -> None:
        if self.session is None or self.evaluation is None or self.page != REVIEW:
            return
        await self.form_pages.show_review(self.evaluation)
        if focus:
            self.call_after_refresh(self._focus_first)

    def action_next_page(self) -> None:
        self._step(1)

    def action_previous_page(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.session is None or self.evaluation is None:
            return
        entries = self._entries()
        index = entries.index(self.page) + delta
        if 0 <= index < len(entries):
            self.show_page(entries[index])
        else:
            self.notify(t("wizard.no_more_pages"))

    @on(VimOptionList.OptionSelected, "#wizard-pages")
    def _page_chosen(self, event: VimOptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.show_page(event.option.id.removeprefix("page-"))

    # --- fields -----------------------------------------------------------------------------

    def _page_of(self, field_id: str) -> str | None:
        assert self.evaluation is not None
        for state in self.evaluation.pages:
            if any(f.field.id == field_id for f in state.fields):
                return state.page.id
        return None

    @on(FieldBox.Changed)
    def _field_changed(self, event: FieldBox.Changed) -> None:
        event.stop()
        session = self.session
        if session is None or session.locked:
            return
        if session.set_answer(event.field_id, event.value):
            self.touched.add(event.field_id)
            self.form_pages.box(event.field_id).set_source(session.draft.prefilled.get(
                event.field_id))  # the user's own answer now: its mark goes
            self._refresh_all()
            self.changed()

    @on(FieldBox.Advance)
    def _advance(self, event: FieldBox.Advance) -> None:
        """Enter: the next question on this page, or the first one of the next page. Handled
        here, after the change the same key made (which may show the next question)."""
        event.stop()
        if not self.form_pages.focus_next(event.field_id):
            self.action_next_page()

    def focus_field(self, field_id: str) -> bool:
        """Go to the page of a field and put the cursor in it."""
        page = self._page_of(field_id)
        if page is None:
            return False
        self.touched.add(field_id)
        self.show_page(page, focus=False)
        self._refresh_all()
        editor = self.form_pages.box(field_id).editor
        self.call_after_refresh(editor.focus)
        return True

    def jump_to(self, target: str) -> None:
        """A field id or a document slot id (from the panel or the review)."""
        if self.focus_field(target):
            return
        self.show_page(DOCUMENTS, focus=False)
        docs = self.form_pages.documents
        if docs is not None:
            self.call_after_refresh(docs.focus_slot, target)

    def on_descendant_focus(self, event: Any) -> None:
        if self.session is not None:  # the help follows the cursor, wherever it goes
            self.form_pages.focus_moved()

    def action_field_help(self) -> None:
        box = self.form_pages.toggle_help()
        if box is None:
            self.notify(t("wizard.help_no_field"))
            return
        self.call_after_refresh(box.scroll_visible)

    # --- blocking issues --------------------------------------------------------------------

    def action_issues(self) -> None:
        panel = self.query_one(IssuesPanel)
        if panel.display and panel.options.has_focus:
            panel.action_close()
            return
        panel.display = True
        self.query_one("#wizard-summary").display = False  # the panel's title says it all
        self.call_after_refresh(panel.options.focus)

    @on(IssuesPanel.Jump)
    def _jump(self, event: IssuesPanel.Jump) -> None:
        event.stop()
        self.jump_to(event.blocker.target)

    @on(IssuesPanel.Closed)
    def _issues_closed(self, event: IssuesPanel.Closed) -> None:
        event.stop()
        self.query_one("#wizard-summary").display = True
        last = self.form_pages.last_field
        if last is not None and self._page_of(last) == self.page:
            self.form_pages.box(last).editor.focus()
        else:
            self._focus_first()

    # --- documents, review and filing ------------------------------------------------

    def on_documents_pane_changed(self, event: Any) -> None:
        event.stop()
        self._refresh_all()
        self.changed()

    def on_review_pane_edit(self, event: Any) -> None:
        event.stop()
        self.jump_to(str(event.target))

    def on_review_pane_submit(self, event: Any) -> None:
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        session = self.session
        if session is None or self.evaluation is None:
            return
        if not session.locked:
            self._refresh_all()
            if not self.evaluation.ok:
                self.notify(plural("wizard.submit_blocked", len(self.evaluation.blocking)),
                            severity="warning")
                self.action_issues()
                return
            if not self.save_now():
                return
        self.portal_app.push_screen(FilingScreen(session))
