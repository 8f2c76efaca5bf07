"""The documents page's shortcut: a slot left empty that this person's earlier application
(filed from this computer) had a document in offers it, `p` attaches it. The file is in the
document store already, so nothing is typed and nothing is checked again."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from rich.text import Text

from ind_tui.i18n import t
from ind_tui.i18n.format import plural

if TYPE_CHECKING:
    from ind_tui.local.drafts.session import DraftSession
    from ind_tui.services.prefill import EarlierDocument
    from ind_tui.tui.screens.wizard.docs import DocumentsPane
    from ind_tui.tui.screens.wizard.status import StatusLine


class Earlier:
    """What the person's earlier applications hold, by slot; found once, in a thread."""

    def __init__(self, session: DraftSession) -> None:
        self.session = session
        self.found: dict[str, EarlierDocument] = {}

    def start(self, pane: DocumentsPane) -> None:
        """Look in the drafts folder, as work of the pane; it shows the offer once found."""
        pane.run_worker(self._load(pane), group="docs-earlier", exclusive=True)

    async def _load(self, pane: DocumentsPane) -> None:
        from ind_tui.services.prefill import earlier_documents

        v_number = self.session.draft.answers.get("v_number")
        if not isinstance(v_number, str) or not v_number or self.session.locked:
            return
        self.found = await asyncio.to_thread(earlier_documents, v_number, self.session.store)
        if self.found and pane.is_mounted and pane.evaluation is not None:
            pane.refresh_from(pane.evaluation)  # the slot's detail now offers it
            pane.refresh_bindings()

    def offered(self, slot: str | None) -> EarlierDocument | None:
        """The earlier document for an empty slot, if there is one."""
        if slot is None or slot in self.session.draft.documents or self.session.locked:
            return None
        return self.found.get(slot)

    def hint(self, slot: str | None) -> Text | None:
        doc = self.offered(slot)
        if doc is None:
            return None
        pages = plural("prefill.docs.pages", doc.ref.pages)
        return Text("\n" + t("prefill.docs.offer", name=doc.ref.name, pages=pages,
                             zaak=doc.zaaknummer), style="bold")

    def reuse(self, slot: str | None, status: StatusLine) -> bool:
        """Attach the earlier document to `slot` and say so; False when none is offered."""
        doc = self.offered(slot)
        if doc is None or slot is None:
            return False
        self.session.reuse(slot, doc.ref)
        status.say(lambda: t("prefill.docs.reused", name=doc.ref.name, zaak=doc.zaaknummer),
                   style="green")
        return True
