"""How the documents page says each slot: what it is, whether it is needed, and what is
attached (checked, uploaded, gone from the store, or not asked for any more)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from ind_tui.i18n import language, t
from ind_tui.tui.screens.wizard.review import size_text

if TYPE_CHECKING:
    from ind_tui.domain.forms.engine import SlotState
    from ind_tui.local.drafts.model import DocumentRef
    from ind_tui.local.drafts.session import DraftSession


def start_slot(states: Sequence[SlotState]) -> str | None:
    """The slot the page starts on, so `a` attaches what filing needs: the first required
    document still to attach, else the first required one, else the first to upload (never
    the photo card, which goes by post, while anything else is asked)."""
    uploadable = [s for s in states if s.slot.uploadable]
    ranked = ([s for s in uploadable if s.required and not s.present]
              + [s for s in uploadable if s.required] + uploadable + list(states))
    return ranked[0].slot.id if ranked else None


def slot_line(state: SlotState, session: DraftSession, checking: str | None) -> Text:
    """One slot of the form; `checking` is the slot whose file is being checked."""
    slot = state.slot
    ref = session.draft.documents.get(slot.id)
    label = slot.label.get(language())
    if not slot.uploadable:
        return Text.assemble(("✉ ", "cyan"), (label, "bold"), "  ",
                             (t("wizard.docs.by_post"), "dim"))
    need = t("wizard.docs.required") if state.required else t("wizard.docs.optional")
    if checking == slot.id:
        return Text.assemble(("… ", "cyan"), (label, "bold"), f"  {need}  ",
                             (t("wizard.docs.checking_short"), "cyan"))
    if ref is not None and slot.id in session.missing:
        return Text.assemble(("! ", "bold red"), (label, "bold"), f"  {need}  ",
                             (t("wizard.docs.reattach", name=ref.name), "red"))
    if ref is not None:
        line = Text.assemble(("✓ ", "green"), (label, "bold"), f"  {need}  ", file_text(ref))
        if ref.sha256 in session.draft.uploads:
            line.append("  " + t("wizard.docs.uploaded"), style="green")
        return line
    mark = ("✗ ", "red") if state.required else ("○ ", "dim")
    return Text.assemble(mark, (label, "bold"), f"  {need}  ", (t("wizard.docs.empty"), "dim"))


def unasked_line(slot_id: str, ref: DocumentRef) -> Text:
    """A document of a slot the answers no longer ask for (shown, so it can be removed)."""
    return Text.assemble(("? ", "yellow"), (slot_id, "bold"), "  ",
                         (t("wizard.docs.not_asked", name=ref.name), "yellow"))


def file_text(ref: DocumentRef) -> str:
    return t("wizard.docs.file", name=ref.name, size=size_text(ref.size), pages=ref.pages)


class UploadMeter:
    """Bytes sent over all documents, from the per-document progress the filing core gives
    (each document counts from 0 to its size; a document that starts over is a retry)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.finished = 0
        self.last = (0, 0)

    def advance(self, done: int, size: int) -> int:
        last_done, last_size = self.last
        if last_size and last_done >= last_size and (done < last_done or size != last_size):
            self.finished += last_size  # the previous document is through: the next one
        self.last = (done, size)
        return min(self.total, self.finished + done)

