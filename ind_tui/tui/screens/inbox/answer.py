"""Answering a request for information: one PDF per document asked for, each checked here
first (as a draft's documents are) in a worker, then uploaded to the case with a progress
bar, then the answer. Nothing typed is lost when something fails; documents already uploaded
are not sent twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static

from ind_tui.api.inbox import AnswerReceipt, Message
from ind_tui.i18n import language, t
from ind_tui.i18n.format import plural
from ind_tui.services.inbox_answer import CheckedFile, Uploaded, check_files, send_answer
from ind_tui.tui.screens.inbox.text import document_title
from ind_tui.tui.screens.shell.base import OnPortalApp, ScreenWork, set_text
from ind_tui.tui.widgets.chrome import PortalFooter, PortalHeader
from ind_tui.tui.widgets.pathinput import PathInput
from ind_tui.tui.widgets.text import LanguageChanged, Tr

DEFAULT_MAX_BYTES = 8 * 1024 * 1024


class AnswerScreen(OnPortalApp, ScreenWork, Screen[AnswerReceipt | None]):
    HELP_KEY = "inbox.answer.help"
    BINDINGS = [
        Binding("escape", "back", "key.back", id="answer.back"),
        Binding("ctrl+s", "send", "inbox.answer.key.send", id="answer.send"),
    ]

    def __init__(self, message: Message) -> None:
        super().__init__()
        self.message = message
        self.uploaded = Uploaded()  # kept across attempts: nothing is uploaded twice
        self.max_bytes = DEFAULT_MAX_BYTES
        self.sending = False
        self.checked: dict[str, CheckedFile] = {}  # the files checked, by document
        self.status: Callable[[], str] = str  # makes the status line in the language in force

    def compose(self) -> ComposeResult:
        m = self.message
        yield PortalHeader()
        with VerticalScroll(id="answer-body"):
            yield Tr("inbox.answer.title", classes="title", zaak=m.zaaknummer)
            yield Tr("inbox.answer.intro", id="answer-intro", classes="muted",
                     mb=self.max_bytes // (1024 * 1024))
            for doc in m.requested:
                yield Label(escape(document_title(doc)), id=f"label-{doc.key}")
                yield PathInput(placeholder="~/", id=f"path-{doc.key}")
                yield Static("", id=f"check-{doc.key}", classes="answer-check")
            with Horizontal(id="answer-progressbar"):
                yield ProgressBar(id="answer-progress", show_eta=False)
                yield Static("", id="answer-progress-label", classes="muted")
            yield Static("", id="answer-status")
        yield PortalFooter()

    def on_mount(self) -> None:
        self.query_one("#answer-progressbar").display = False
        if self.message.requested:
            self.query_one(f"#path-{self.message.requested[0].key}").focus()
        self._limit()

    @work(group="answer-limit")
    async def _limit(self) -> None:
        client = self.context.client
        if client is None:
            return
        from ind_tui.api.errors import PortalError

        try:  # the portal publishes its limit; the default is the known 8 MB
            self.max_bytes = (await client.portal_info()).max_document_bytes
        except PortalError:
            return
        for intro in self.query("#answer-intro").results(Tr):
            intro.say("inbox.answer.intro", mb=self.max_bytes // (1024 * 1024))

    def refresh_chrome(self) -> None:
        for header in self.query(PortalHeader):
            header.update_from_app()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.refresh_chrome()
        for doc in self.message.requested:
            self.query_one(f"#label-{doc.key}", Label).update(escape(document_title(doc)))
        for item in self.checked.values():
            self._show_check(item)
        self._say(self.status)

    def _say(self, status: Callable[[], str]) -> None:
        """The status line, made again when the language changes."""
        self.status = status
        set_text(self, "#answer-status", status())

    @on(PathInput.Submitted)
    def _next(self, event: PathInput.Submitted) -> None:
        event.stop()
        keys = [d.key for d in self.message.requested]
        key = (event.input.id or "").removeprefix("path-")
        if key == keys[-1]:
            self.action_send()
        else:
            self.query_one(f"#path-{keys[keys.index(key) + 1]}").focus()

    @on(PathInput.Matches)
    def _matches(self, event: PathInput.Matches) -> None:
        self.notify("  ".join(escape(o) for o in event.options[:20]), timeout=6)

    def action_back(self) -> None:
        if not self.sending:
            self.dismiss(None)

    def action_send(self) -> None:
        if not self.sending:
            self.send()

    # --- checking and sending ----------------------------------------------------------------

    def _paths(self) -> dict[str, Path] | None:
        paths: dict[str, Path] = {}
        for doc in self.message.requested:
            field = self.query_one(f"#path-{doc.key}", PathInput)
            if field.value.strip():
                paths[doc.key] = field.path
        missing = [doc for doc in self.message.requested if doc.key not in paths]
        if missing:
            self._say(lambda: "[b]" + escape(t("inbox.answer.missing", what="; ".join(
                document_title(doc) for doc in missing))) + "[/b]")
            return None
        return paths

    def _show_check(self, checked: CheckedFile) -> None:
        from ind_tui.local.drafts.errors import Lang, guidance

        lang: Lang = "nl" if language() == "nl" else "en"
        name = escape(checked.path.name)
        check = checked.check
        self.checked[checked.key] = checked
        if check.ok:
            lines = [plural("inbox.answer.ok", check.pages, name=name)]
            lines += [t("inbox.answer.warning", text=escape(guidance(w, lang)))
                      for w in check.warnings]
        else:
            reason = guidance(check.reason or "", lang)
            lines = [f"[b]{t('inbox.answer.refused', name=name, reason=escape(reason))}[/b]"]
        set_text(self, f"#check-{checked.key}", "\n".join(lines))

    def _progress(self, done: int, total: int, name: str) -> None:
        self.query_one("#answer-progressbar").display = True
        self.query_one("#answer-progress", ProgressBar).update(total=total, progress=done)
        label = (t("inbox.answer.uploading", name=escape(name)) if name
                 else t("inbox.answer.sending"))
        set_text(self, "#answer-progress-label", label)

    @work(exclusive=True, group="answer")
    async def send(self) -> None:
        paths = self._paths()
        client = self.context.client
        if paths is None or client is None:
            return
        self.sending = True
        try:
            self._say(lambda: t("inbox.answer.checking"))
            checked = await check_files(paths, self.max_bytes)
            if not self.is_attached:
                return
            for item in checked.values():
                self._show_check(item)
            if any(not c.check.ok for c in checked.values()):
                self._say(lambda: f"[b]{t('inbox.answer.fix')}[/b]")
                return
            self._say(str)
            receipt = (await self.portal_app.call(lambda: send_answer(
                client, self.message, checked, self.uploaded, self._progress))).or_none()
        finally:
            self.sending = False
        if not self.is_attached:
            return
        if receipt is None:  # the guidance panel said why; the paths are all still here
            self.query_one("#answer-progressbar").display = False
            self._say(lambda: t("inbox.answer.kept"))
            return
        self.dismiss(receipt)
