"""The wizard's documents page: which documents the form asks for, attaching a file by path
(checked in the background), removing one, and uploading them to the portal ahead of filing.

Nothing here touches the answers: a refused file, a failed or cancelled upload leaves the
draft as it was, and the previous document of a slot stays until a new one is accepted.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from ind_tui.i18n import language, t
from ind_tui.i18n.format import plural
from ind_tui.tui.context import PortalHost
from ind_tui.tui.screens.shell.base import from_thread
from ind_tui.tui.screens.wizard.docs_upload import DocumentUploads
from ind_tui.tui.screens.wizard.earlier import Earlier
from ind_tui.tui.screens.wizard.review import size_text
from ind_tui.tui.screens.wizard.slots import slot_line, start_slot, unasked_line
from ind_tui.tui.screens.wizard.status import StatusLine
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.pathinput import PathInput
from ind_tui.tui.widgets.text import LanguageChanged, Tr

if TYPE_CHECKING:
    from ind_tui.domain.forms.engine import Evaluation, SlotState
    from ind_tui.local.drafts.model import DocumentRef
    from ind_tui.local.drafts.pdfcheck import PdfCheck
    from ind_tui.local.drafts.session import DraftSession


class DocumentsPane(DocumentUploads):
    """The form's document slots, with attach / detach / upload."""

    BINDINGS = [
        Binding("a", "attach", "wizard.docs.key.attach", id="wizard.docs.attach"),
        Binding("d,delete", "detach", "wizard.docs.key.detach", id="wizard.docs.detach"),
        Binding("p", "reuse", "prefill.docs.key.reuse", id="wizard.docs.reuse"),
        Binding("u", "upload", "wizard.docs.key.upload", id="wizard.docs.upload"),
        Binding("c", "cancel_upload", "wizard.docs.key.cancel_upload",
                id="wizard.docs.cancel_upload"),
        Binding("escape", "close_attach", "wizard.docs.key.close", show=False,
                id="wizard.docs.close_attach"),
    ]

    class Changed(Message):
        """A document was attached or removed: the draft changed (save it)."""

    def __init__(self, session: DraftSession, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.evaluation: Evaluation | None = None
        self.attaching: str | None = None  # the slot the path input is for
        self.checking: str | None = None  # the slot whose file is being checked
        self._refusal: tuple[str, str, str] | None = None  # file name, code, OS reason
        self.earlier = Earlier(session)  # documents of the person's earlier application
        self._aimed = False  # a slot was asked for (from the review or the panel)

    def compose(self) -> ComposeResult:
        yield Tr("wizard.docs.intro", id="docs-intro", classes="muted")
        yield VimOptionList(id="docs-slots")
        yield Static("", id="docs-detail")
        with Vertical(id="docs-attach"):
            yield Static("", id="docs-attach-label")
            yield PathInput(placeholder=t("wizard.docs.path_placeholder"), id="docs-path")
            yield Static("", id="docs-matches", classes="muted")
        yield StatusLine(id="docs-status")
        yield Panel("", id="docs-refused", classes="-error")
        with Horizontal(id="docs-upload"):
            yield ProgressBar(id="docs-progress", show_eta=False)
            yield Static("", id="docs-upload-label")

    def on_mount(self) -> None:
        self._paint_refused()
        if self.evaluation is None:
            self.evaluation = self.session.evaluation(self._today())
        self._render_slots()
        self.query_one("#docs-slots").focus()
        self.earlier.start(self)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#docs-status", StatusLine)

    def _host(self) -> PortalHost | None:
        app = self.app
        return app if isinstance(app, PortalHost) else None

    def _today(self) -> date:
        host = self._host()
        return host.context.today() if host is not None else date.today()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one("#docs-path", PathInput).placeholder = t("wizard.docs.path_placeholder")
        self._render_slots()
        if self.attaching is not None:
            self._label_attach(self.attaching)
        self._paint_refused()

    # --- the slot list -----------------------------------------------------------------------

    def refresh_from(self, evaluation: Evaluation) -> None:
        self.evaluation = evaluation
        if self.is_mounted:
            self._render_slots()

    def focus_slot(self, slot_id: str) -> None:
        self._aimed = True  # sent to this slot: the visit does not start elsewhere
        slots = self.query_one("#docs-slots", OptionList)
        with contextlib.suppress(LookupError):
            slots.highlighted = slots.get_option_index(slot_id)
        slots.focus()

    def on_show(self) -> None:
        # Each visit starts where `a` attaches what filing needs, not on the photo card row
        # that was the only one before the answers asked for more.
        start = start_slot(self._states())
        if not self._aimed and start is not None:
            with contextlib.suppress(LookupError):
                slots = self.query_one("#docs-slots", OptionList)
                slots.highlighted = slots.get_option_index(start)

    def on_hide(self) -> None:
        self._aimed = False

    def _states(self) -> list[SlotState]:
        return list(self.evaluation.documents) if self.evaluation is not None else []

    def _render_slots(self) -> None:
        slots = self.query_one("#docs-slots", VimOptionList)
        keep = slots.highlighted_option.id if slots.highlighted_option else None
        options = [Option(slot_line(s, self.session, self.checking), id=s.slot.id)
                   for s in self._states()]
        named = {s.slot.id for s in self._states()}
        # Documents of slots the answers no longer ask for: shown, so they can be removed.
        for slot_id, ref in sorted(self.session.draft.documents.items()):
            if slot_id not in named:
                options.append(Option(unasked_line(slot_id, ref), id=slot_id))
        if not slots.reword(options):
            slots.clear_options()
            slots.add_options(options)
            ids = [o.id for o in options]
            keep = keep if keep in ids else start_slot(self._states())
            slots.highlighted = (ids.index(keep) if keep in ids else 0) if ids else None
        if not options:
            self.query_one("#docs-detail", Static).update(t("wizard.docs.none"))
            return
        self._show_detail()

    def _highlighted(self) -> str | None:
        option = self.query_one("#docs-slots", OptionList).highlighted_option
        return option.id if option is not None else None

    def _state(self, slot_id: str | None) -> SlotState | None:
        return next((s for s in self._states() if s.slot.id == slot_id), None)

    @on(OptionList.OptionHighlighted, "#docs-slots")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail()

    def _show_detail(self) -> None:
        state = self._state(self._highlighted())
        detail = self.query_one("#docs-detail", Static)
        if state is None:
            detail.update(Text(t("wizard.docs.not_asked_help")))
            return
        text = Text(state.slot.help.get(language()))
        if not state.slot.uploadable:
            text.append("\n" + t("wizard.docs.photo_card_hint"), style="bold")
        elif state.slot.id in self.session.missing:
            text.append("\n" + t("wizard.docs.missing_help"), style="red")
        if (offer := self.earlier.hint(state.slot.id)) is not None:
            text.append_text(offer)
        detail.update(text)

    @on(OptionList.OptionSelected, "#docs-slots")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_attach()

    # --- attaching ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_attach":
            return self.attaching is not None
        if action == "cancel_upload":
            return self._upload is not None and self._upload.is_running
        if action == "reuse":
            return self.attaching is None and bool(self.earlier.found)
        # While the path input is open, letters typed belong to the path.
        return action not in ("attach", "detach", "upload") or self.attaching is None

    def action_attach(self) -> None:
        slot_id = self._highlighted()
        state = self._state(slot_id)
        if state is None or slot_id is None:
            return
        if not state.slot.uploadable:
            self.app.notify(t("wizard.docs.photo_card"), timeout=10)
            return
        if self.session.locked:
            self.app.notify(t("wizard.docs.locked"), severity="warning", timeout=10)
            return
        if self.checking is not None:
            self.app.notify(t("wizard.docs.busy"), severity="warning")
            return
        self.attaching = slot_id
        self._label_attach(slot_id)
        self.add_class("-attaching")
        self.query_one("#docs-matches", Static).update("")
        path = self.query_one("#docs-path", PathInput)
        path.focus()
        path.cursor_position = len(path.value)
        self.refresh_bindings()

    def _label_attach(self, slot_id: str) -> None:
        state = self._state(slot_id)
        label = state.slot.label.get(language()) if state is not None else slot_id
        self.query_one("#docs-attach-label", Static).update(
            Text(t("wizard.docs.path_label", slot=label)))

    def action_close_attach(self) -> None:
        self.attaching = None
        self.remove_class("-attaching")
        self.query_one("#docs-slots").focus()
        self.refresh_bindings()

    @on(PathInput.Matches, "#docs-path")
    def _matches(self, event: PathInput.Matches) -> None:
        event.stop()
        shown = "  ".join(event.options[:30])
        more = len(event.options) - 30
        if more > 0:
            shown += "  " + t("wizard.docs.more", count=more)
        self.query_one("#docs-matches", Static).update(Text(shown))

    @on(PathInput.Submitted, "#docs-path")
    def _path_given(self, event: PathInput.Submitted) -> None:
        event.stop()
        slot = self.attaching
        if slot is None or not event.value.strip():
            return
        path = self.query_one("#docs-path", PathInput).path
        self.action_close_attach()
        self.checking = slot
        self._refusal = None
        self._paint_refused()
        self.status.say(lambda: t("wizard.docs.checking", name=path.name), spinning=True)
        self._render_slots()
        self.check_file(slot, path)

    @work(thread=True, exclusive=True, group="docs-check")
    def check_file(self, slot: str, path: Path) -> None:
        """Copy, check (in a child process) and store the file; the UI stays live."""
        from ind_tui.local.drafts.errors import DraftError

        try:
            ref, check = self.session.attach(slot, path)
        except DraftError as exc:
            from_thread(self, self._refused, slot, path, exc.code.value, "")
        except OSError as exc:
            from_thread(self, self._refused, slot, path, "", exc.strerror or type(exc).__name__)
        else:
            from_thread(self, self._attached, slot, ref, check)

    def _attached(self, slot: str, ref: DocumentRef, check: PdfCheck) -> None:
        from ind_tui.local.drafts.errors import guidance

        self.checking = None
        self.query_one("#docs-path", PathInput).value = ""

        def say() -> str:
            text = plural("wizard.docs.attached", ref.pages, name=ref.name,
                          size=size_text(ref.size))
            for code in check.warnings:
                text += "\n" + guidance(code, language())  # type: ignore[arg-type]
            return text

        self.status.say(say, style="yellow" if check.warnings else "green")
        self._render_slots()
        self.post_message(self.Changed())

    def _refused(self, slot: str, path: Path, code: str, os_reason: str) -> None:
        """The file was refused: by its check (`code`) or as the system could not read it."""
        self.checking = None
        self.status.say(None)
        self._refusal = (path.name, code, os_reason)
        self._paint_refused()
        self._render_slots()
        self.focus_slot(slot)

    def _paint_refused(self) -> None:
        from ind_tui.local.drafts.errors import guidance

        panel = self.query_one("#docs-refused", Panel)
        panel.display = self._refusal is not None
        if self._refusal is None:
            return
        name, code, os_reason = self._refusal
        panel.border_title = t("wizard.docs.refused_title", name=name)
        body = Text(guidance(code, language()) if code  # type: ignore[arg-type]
                    else t("wizard.docs.cannot_open", reason=os_reason))
        if code:
            body.append("\n" + t("wizard.docs.code", code=code), style="dim")
        body.append("\n" + t("wizard.docs.kept"), style="dim")
        panel.update(body)

    def action_reuse(self) -> None:
        if self.earlier.reuse(self._highlighted(), self.status):
            self._render_slots()
            self.post_message(self.Changed())

    # --- detaching ---------------------------------------------------------------------------

    def action_detach(self) -> None:
        slot_id = self._highlighted()
        if slot_id is None:
            return
        ref = self.session.draft.documents.get(slot_id)
        if ref is None:
            self.app.notify(t("wizard.docs.nothing_to_detach"))
            return
        if self.session.locked:
            self.app.notify(t("wizard.docs.locked"), severity="warning", timeout=10)
            return
        state = self._state(slot_id)
        label = state.slot.label.get(language()) if state else slot_id

        def answered(yes: bool | None) -> None:
            if yes and self.session.detach(slot_id):
                self.status.say(lambda: t("wizard.docs.detached", name=ref.name))
                self._render_slots()
                self.post_message(self.Changed())

        self.app.push_screen(ConfirmDialog(t("wizard.docs.detach_question", slot=label),
                                           t("wizard.docs.detach_detail", name=ref.name)),
                             answered)
