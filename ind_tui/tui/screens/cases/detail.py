"""One case: status history, receipt, decision deadline (and how it moved), the employee,
the dossier (inzage dossierstukken) with downloads, and extra documents until the IND
decides. Offline, or once the portal stopped listing the case, it shows the local copy."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import ProgressBar, Static
from textual.widgets.option_list import Option

from ind_tui.api.cases import CaseDetail, CaseSummary, DossierList
from ind_tui.domain.case_notes import note_text
from ind_tui.domain.cases import final_status
from ind_tui.i18n import language, t
from ind_tui.i18n.format import day, local
from ind_tui.tui.context import Failed, offline_errors
from ind_tui.tui.screens.cases.columns import decision_label, status_label, type_label
from ind_tui.tui.screens.cases.documents import CaseDocumentsMixin, size_text
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.facts import Fact, facts
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.text import Tr, plain

if TYPE_CHECKING:
    from datetime import datetime

    from ind_tui.local.cache import LocalCache
    from ind_tui.services.pending import PendingCase
    from ind_tui.tui.widgets.facts import Facts

DEFAULT_MAX_BYTES = 8 * 1024 * 1024


def deadline_moves(detail: CaseDetail) -> list[str]:
    """How the decision deadline moved after the receipt, one line per move."""
    lines, current = [], detail.receipt.decision_deadline
    for event in detail.events:
        new = event.decision_deadline
        if new is not None and new != current:
            values = {"at": local(event.at), "old": day(current), "new": day(new)}
            note = note_text(event.note, language()) if event.note else ""
            lines.append(t("case.deadline_moved", note=escape(note), **values)
                         if event.note else t("case.deadline_moved_plain", **values))
            current = new
    return lines


class CaseDetailScreen(CaseDocumentsMixin):
    HELP_KEY = "case.help"
    BINDINGS = [
        Binding("u", "upload", "case.key.upload", id="case.upload"),
        Binding("d", "download", "case.key.download", id="case.download"),
        Binding("r", "reload", "key.refresh", id="case.refresh"),
    ]

    def __init__(self, zaaknummer: str, pending: PendingCase | None = None) -> None:
        super().__init__()
        self.zaaknummer = zaaknummer
        self.pending = pending
        self.detail: CaseDetail | None = None
        self.summary: CaseSummary | None = None
        self.dossier: DossierList | None = None
        self.offline = False
        self.archived = False
        self.answered = False
        self.max_bytes = DEFAULT_MAX_BYTES
        self.kept_at: datetime | None = None  # when the local copy shown was fetched

    # --- layout ---------------------------------------------------------------------------

    def body(self) -> ComposeResult:
        with VerticalScroll(id="case-body"):
            yield Tr("case.title", classes="title", zaak=self.zaaknummer)
            yield Static("", id="case-note", classes="notice")
            yield Panel(t("case.loading"), id="case-summary")
            yield Panel("", id="case-timeline")
            yield Panel("", id="case-upload")
            with Horizontal(id="case-progressbar"):
                yield ProgressBar(id="case-progress", show_eta=False)
                yield Static("", id="case-progress-label", classes="muted")
            yield Tr("case.dossier", classes="subtitle", id="case-dossier-title")
            yield Tr("case.dossier_hint", classes="muted", id="case-dossier-hint")
            yield VimOptionList(id="case-dossier")

    def on_mount(self) -> None:
        self.hide_progress()
        self.query_one("#case-note").display = False
        self.query_one("#case-dossier").focus()
        self.action_reload()

    def relabel(self) -> None:
        self._show()

    # --- loading --------------------------------------------------------------------------

    def action_reload(self) -> None:
        self.load()

    @work(exclusive=True, group="case-load")
    async def load(self) -> None:
        if self.pending is not None:
            self._show()
            return
        scope = self.context.scope
        cache = await self.context.cache()
        cached = cache.case(scope, self.zaaknummer) if scope else None
        self.summary = cached.case if cached else None
        self.archived = cached is not None and cached.archived
        # The portal answered for it once archived: its status then is its last true state.
        self.answered = cached is not None and cached.answered_at is not None
        # Archived too: where the portal still answers for it, it gives the final state.
        if not await self._fetch(cache, scope):
            kept = cache.case_detail(scope, self.zaaknummer) if scope else None
            self.detail = kept.value if kept else None
            self.kept_at = kept.fetched_at if kept else None
        if self.is_attached:
            self._show()

    async def _fetch(self, cache: LocalCache, scope: str | None) -> bool:
        """The case and its dossier from the portal; False when the local copy must do."""
        from ind_tui.api.errors import NotFoundError, PortalError

        app, client = self.portal_app, self.context.client
        if client is None:
            self.offline = True
            return False
        # Unreachable: the local copy stands in; no longer listed: archived, also no panel.
        got = await app.call(lambda: client.case(self.zaaknummer),
                             handle=(*offline_errors(), NotFoundError))
        self.offline = isinstance(got, Failed) and got.offline
        if isinstance(got, Failed):
            if isinstance(got.error, NotFoundError):
                if self.summary is not None:
                    self.archived = True  # known here, no longer listed: past its 28 days
                elif not await self._filed_here():
                    app.show_error(got.error)
            return False
        detail = self.detail = got.value
        if scope is not None:
            cache.save_case_detail(scope, detail, self.context.now())
            if self.archived:
                cache.settle_archived(scope, detail, self.context.now())
            self.answered = True
            shown = detail.status.value
            cache.mark_seen(scope, [(detail.zaaknummer, shown)])  # looked at
        info = (await app.call(client.portal_info, handle=(PortalError,))).or_none()
        if info is not None:
            self.max_bytes = info.max_document_bytes
        self.dossier = (await app.call(lambda: client.case_documents(self.zaaknummer),
                                       handle=offline_errors())).or_none()
        return True

    async def _filed_here(self) -> bool:
        """Filed from this computer and not listed by the portal yet (it lists new cases after
        its daily refresh): the receipt kept at filing time (or with the draft) stands in."""
        from ind_tui.services.pending import kept_pending, pending_for

        scope, login = self.context.scope, self.context.login
        if scope is not None and login is not None:
            kept = kept_pending(await self.context.cache(), scope)
            self.pending = await asyncio.to_thread(pending_for, self.zaaknummer, login, None,
                                                   kept)
        return self.pending is not None

    # --- showing --------------------------------------------------------------------------

    def _show(self) -> None:
        note = self.query_one("#case-note", Static)
        if self.pending is not None:
            self._show_pending(self.pending)
            return
        notes = []
        if self.archived:
            notes.append(t("case.archived"))
        elif self.offline:
            kept = self.kept_at
            notes.append(t("case.offline", when=local(kept)) if kept else t("case.no_copy"))
        note.update("\n".join(notes))
        note.display = bool(notes)
        case = self.detail or self.summary
        summary = self.query_one("#case-summary", Panel)
        summary.border_title = t("case.summary")
        if case is None:
            summary.update(t("case.no_copy") if self.offline else t("case.loading"))
            return
        summary.update(self._summary_text(case))
        timeline = self.query_one("#case-timeline", Panel)
        timeline.border_title = t("case.timeline")
        timeline.display = self.detail is not None
        if self.detail is not None:
            # A note (the sandbox writes long ones) wraps under the notes, not under the time.
            timeline.update(facts(
                ((f"{local(e.at)}  {status_label(e.status.value)}",
                  f"[dim]{escape(note_text(e.note, language()))}[/dim]" if e.note else "")
                 for e in self.detail.events), colon=False))
        self._show_upload()
        self._show_dossier()

    def _summary_text(self, case: CaseSummary) -> Facts:
        status = status_label(final_status(case.status.value,
                                           self.archived and not self.answered))
        if case.decision is not None:
            status = t("cases.with_decision", status=status,
                       decision=decision_label(case.decision.value))
        rows: list[Fact] = [
            (t("case.employee"), plain(case.employee_name)
             + (f"  ({t('case.vnumber')} {case.v_number})" if case.v_number else "")),
            (t("case.type"), escape(type_label(case.type_id))),
            (t("case.status"), status),
            (t("case.submitted"), local(case.submitted_at)),
        ]
        detail = self.detail
        if detail is not None:
            rows.append((t("case.receipt"), t("case.receipt_line", zaak=detail.receipt.zaaknummer,
                                                date=day(detail.receipt.receipt_date))))
        rows.append((t("case.deadline"), day(case.decision_deadline)))
        if detail is None:
            return facts(rows)
        moves = deadline_moves(detail)
        if moves:  # under the deadline they moved
            rows.append(("", t("case.deadline_first", date=day(detail.receipt.decision_deadline))))
            rows.extend(("", line) for line in moves)
        return facts(rows, t("case.refreshed", when=local(detail.last_refresh)))

    def _show_pending(self, pending: PendingCase) -> None:
        summary = self.query_one("#case-summary", Panel)
        summary.border_title = t("case.summary")
        after = ["", t("case.pending", date=local(pending.received_at))]
        if pending.draft_path is not None:
            after.append(t("case.pending_draft", path=escape(str(pending.draft_path))))
        summary.update(facts([
            (t("case.employee"), plain(pending.employee_name)),
            (t("case.type"), escape(type_label(pending.type_id))),
            (t("case.status"), t("cases.state.not_registered")),
            (t("case.receipt"), t("case.receipt_line", zaak=pending.zaaknummer,
                                  date=day(pending.receipt_date))),
            (t("case.deadline"), day(pending.decision_deadline)),
        ], *after))
        for selector in ("#case-timeline", "#case-upload", "#case-dossier-title",
                         "#case-dossier-hint", "#case-dossier"):
            self.query_one(selector).display = False

    @on(VimOptionList.OptionSelected, "#case-dossier")
    def _chosen(self, _: VimOptionList.OptionSelected) -> None:
        self.action_download()

    @property
    def can_upload(self) -> bool:
        return (self.detail is not None and self.detail.can_upload and not self.offline
                and not self.archived)

    def upload_refusal(self) -> str:
        """Why no document can be added now, in the user's words."""
        if self.detail is not None and not self.detail.can_upload:
            from ind_tui.i18n.guidance import guidance

            g = guidance(self.detail.upload_refused_reason or "case_decided", language())
            return t("case.upload_closed", reason=f"{g.explanation} {g.action}")
        if self.archived:
            return t("case.upload_closed", reason=t("case.upload_archived"))
        return t("case.upload_offline")

    def _show_upload(self) -> None:
        panel = self.query_one("#case-upload", Panel)
        panel.border_title = t("case.upload")
        if self.can_upload:
            panel.update(t("case.upload_open", mb=self.max_bytes // (1024 * 1024)))
            panel.remove_class("-warning")
        else:
            panel.update(self.upload_refusal())
            panel.add_class("-warning")

    def _show_dossier(self) -> None:
        options = self.query_one("#case-dossier", VimOptionList)
        kept = options.highlighted  # a reload or a language switch leaves the cursor be
        options.clear_options()
        docs = self.dossier.documents if self.dossier is not None else []
        for doc in docs:
            line = t("case.doc_line", title=escape(doc.title),
                     kind=t(f"case.doc_kind.{doc.kind}"), size=size_text(doc.size),
                     date=local(doc.added_at))
            options.add_option(Option(line, id=doc.id))
        if not docs:
            if self.dossier is not None:
                text = t("case.dossier_empty")
            else:
                text = t("case.dossier_archived" if self.archived else "case.dossier_offline")
            options.add_option(Option(text, disabled=True))
        elif options.highlighted is None:
            options.highlighted = min(kept or 0, len(docs) - 1)
