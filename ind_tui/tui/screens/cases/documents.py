"""Documents of one case: extra uploads until the IND decides (checked here first, the
same checks as a draft's documents) and downloads of dossier documents to a folder. The
base of CaseDetailScreen."""

from __future__ import annotations

import asyncio
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from rich.markup import escape
from textual import work
from textual.widgets import ProgressBar

from ind_tui.api.cases import DossierDocument
from ind_tui.i18n import language, t
from ind_tui.i18n.format import local
from ind_tui.tui.screens.cases.data import describe_error
from ind_tui.tui.screens.cases.dialogs import path_prompt
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.pathinput import expand

if TYPE_CHECKING:
    from ind_tui.api.cases import DossierList
    from ind_tui.local.drafts.errors import Code

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return t("case.size_mb", size=f"{size / (1024 * 1024):.1f}")
    return t("case.size_kb", size=f"{max(1, round(size / 1024))}")


def file_name(zaak: str, doc: DossierDocument) -> str:
    """A safe, recognisable file name: case number, document id and title."""
    title = _UNSAFE.sub("-", Path(doc.title).stem).strip("-.")[:60]
    ident = _UNSAFE.sub("-", doc.id).strip("-.")
    return "-".join(part for part in (zaak, ident, title) if part) + ".pdf"


class CaseDocumentsMixin(PortalScreen):
    """Needs from the screen: `zaaknummer`, `dossier`, `max_bytes`, `can_upload`,
    `upload_refusal()`, `load()`, and the widgets #case-upload,
    #case-progressbar, #case-progress, #case-progress-label and #case-dossier."""

    zaaknummer: str
    dossier: DossierList | None
    max_bytes: int
    last_folder: ClassVar[Path | None] = None  # where the previous download went
    # (zaaknummer, SHA-256) -> the idempotency key of an upload not answered yet: trying the
    # same file again (here or after reopening the case) resends under it and adds nothing.
    upload_keys: ClassVar[dict[tuple[str, str], str]] = {}

    if TYPE_CHECKING:  # provided by the screen; declared here for the type checker only
        @property
        def can_upload(self) -> bool: ...
        def upload_refusal(self) -> str: ...
        def load(self) -> Any: ...

    # --- progress -------------------------------------------------------------------------

    def hide_progress(self) -> None:
        self.query_one("#case-progressbar").display = False

    def _progress(self, label: str, done: float | None = None, total: float | None = None
                  ) -> None:  # fmt: skip
        if not self.is_attached:
            return
        self.query_one("#case-progressbar").display = True
        self.query_one("#case-progress", ProgressBar).update(total=total, progress=done or 0)
        set_text(self, "#case-progress-label", label)

    # --- extra documents ------------------------------------------------------------------

    def action_upload(self) -> None:
        if not self.can_upload:
            self.notify(self.upload_refusal(), severity="warning", timeout=10)
            return
        mb = self.max_bytes // (1024 * 1024)

        def check(path: Path) -> str | None:
            return None if path.is_file() else t("case.upload.missing", path=str(path))

        prompt = path_prompt(t("case.upload.title", zaak=self.zaaknummer),
                             t("case.upload.hint", mb=mb), "", check)

        def chosen(typed: str | None) -> None:
            if typed:
                self.upload(expand(typed))

        self.app.push_screen(prompt, chosen)

    @work(exclusive=True, group="case-upload")
    async def upload(self, path: Path) -> None:
        from ind_tui.local.drafts.documents import check_document
        from ind_tui.local.drafts.errors import guidance

        name = escape(path.name)
        lang: Literal["nl", "en"] = "nl" if language() == "nl" else "en"
        self._progress(t("case.upload.checking", name=name), 0, 3)
        try:
            check = await asyncio.to_thread(check_document, path, max_bytes=self.max_bytes)
            data = await asyncio.to_thread(path.read_bytes) if check.ok else b""
        except OSError as exc:
            self._refused(t("case.upload.refused", name=name, reason=describe_error(exc)))
            return
        if not check.ok or check.reason is not None:
            reason = guidance(check.reason or "document_unreadable", lang)
            self._refused(t("case.upload.refused", name=name, reason=reason))
            return
        sha256 = hashlib.sha256(data).hexdigest()
        retry = (self.zaaknummer, sha256) in self.upload_keys
        same = [d for d in (self.dossier.documents if self.dossier else [])
                if d.kind == "upload" and d.sha256 == sha256]
        if same and not retry:
            self.hide_progress()
            # The dialog shows plain text: names go in unescaped.
            question = t("case.upload.duplicate", name=path.name)
            detail = t("case.upload.duplicate_detail", title=same[-1].title,
                       at=local(same[-1].added_at))
            if not await self.app.push_screen_wait(ConfirmDialog(question, detail, danger=True)):
                return
        await self._send_upload(path, data, sha256, check.warnings, lang)

    async def _send_upload(self, path: Path, data: bytes, sha256: str, warnings: tuple[Code, ...],
                           lang: Literal["nl", "en"]) -> None:  # fmt: skip
        from ind_tui.client.retry import new_idempotency_key
        from ind_tui.local.drafts.errors import guidance

        name = escape(path.name)
        self._progress(t("case.upload.sending", name=name, size=size_text(len(data))), 1, 3)
        client = self.context.client
        assert client is not None
        key = self.upload_keys.setdefault((self.zaaknummer, sha256), new_idempotency_key())
        doc = (await self.portal_app.call(lambda: client.upload_case_document(
            self.zaaknummer, data, path.name, key))).or_none()
        if doc is not None:
            self.upload_keys.pop((self.zaaknummer, sha256), None)
        if not self.is_attached:
            return
        self.hide_progress()
        # Either way the dossier is read again: after a failure it shows what the portal has.
        self.load()
        if doc is None:
            return  # the guidance panel said why; the key stays for a retry
        for warning in warnings:
            self.notify(t("case.upload.warning", name=name, reason=guidance(warning, lang)),
                        severity="warning", timeout=10)
        self.notify(t("case.upload.done", name=name, zaak=self.zaaknummer))

    def _refused(self, text: str) -> None:
        if not self.is_attached:
            return
        self.hide_progress()
        panel = self.query_one("#case-upload", Panel)
        panel.update(text + "\n\n" + t("case.upload_open",
                                       mb=self.max_bytes // (1024 * 1024)))
        panel.add_class("-warning")
        self.notify(text, severity="error", timeout=10)

    # --- dossier downloads ----------------------------------------------------------------

    def selected_document(self) -> DossierDocument | None:
        options = self.query_one("#case-dossier", VimOptionList)
        if self.dossier is None or options.highlighted is None:
            return None
        wanted = options.get_option_at_index(options.highlighted).id
        return next((d for d in self.dossier.documents if d.id == wanted), None)

    def action_download(self) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        name = file_name(self.zaaknummer, doc)

        def check(folder: Path) -> str | None:
            return None if folder.is_dir() else t("case.download.no_folder",
                                                   path=str(folder))

        def chosen(typed: str | None) -> None:
            if typed is None:
                return
            folder = expand(typed)
            type(self).last_folder = folder
            target = folder / name
            if target.exists():
                def overwrite(yes: bool | None) -> None:
                    if yes:
                        self.download(doc, target, True)

                self.app.push_screen(ConfirmDialog(t("cases.overwrite", path=str(target)),
                                                   danger=True), overwrite)
            else:
                self.download(doc, target, False)

        start = str(self.last_folder or Path.cwd()) + "/"
        prompt = path_prompt(t("case.download.title", title=escape(doc.title)),
                             t("case.download.hint", name=name), start, check)
        self.app.push_screen(prompt, chosen)

    @work(group="case-download")
    async def download(self, doc: DossierDocument, target: Path, overwrite: bool) -> None:
        client = self.context.client
        if client is None:
            return
        label = t("case.download.progress", name=escape(target.name))
        self._progress(label)

        def progress(done: int, total: int) -> None:
            self._progress(label, done, total)

        try:
            saved = (await self.portal_app.call(lambda: client.download_case_document_to(
                self.zaaknummer, doc, target, overwrite=overwrite, progress=progress))).or_none()
        except OSError as exc:
            if self.is_attached:
                self.hide_progress()
            self.notify(t("case.download.failed", path=escape(str(target)),
                          reason=describe_error(exc)), severity="error", timeout=10)
            return
        if self.is_attached:
            self.hide_progress()
        if saved is not None:
            self.notify(t("case.download.done", path=escape(str(saved))))
