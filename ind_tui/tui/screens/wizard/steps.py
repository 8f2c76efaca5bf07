"""The four steps of filing (upload, submit, pay, receipt) as the filing screen lists them:
how each stands, from what the draft has kept and the step under way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ind_tui.i18n import t
from ind_tui.i18n.format import money
from ind_tui.services.filing import FilingStage, filing_stage

if TYPE_CHECKING:
    from ind_tui.local.drafts.model import Draft

STEPS = ("upload", "submit", "pay", "receipt")
MARKS = {"done": ("✓", "green"), "running": ("▶", "bold cyan"), "failed": ("✗", "red"),
         "todo": ("·", "dim"), "skipped": ("–", "dim")}


def uploads_done(draft: Draft) -> bool:
    if filing_stage(draft) is not FilingStage.NOT_SENT:
        return True
    return all(ref.sha256 in draft.uploads for ref in draft.documents.values())


def step_state(draft: Draft, step: str, current: str | None, running: bool) -> str:
    """done, running, failed, todo or skipped; `current` is the step under way (or the one
    that failed)."""
    index = {FilingStage.NOT_SENT: 0, FilingStage.SUBMITTED: 2, FilingStage.PAID: 3,
             FilingStage.DONE: 4}[filing_stage(draft)]
    if (step == "pay" and draft.fee_eur == 0) or (step == "upload" and not draft.documents):
        return "skipped"
    if STEPS.index(step) < index or (step == "upload" and uploads_done(draft)):
        return "done"
    if current == step:
        return "running" if running else "failed"
    return "todo"


def pay_label(amount: int | None) -> str:
    """"Pay €423" once the fee is known; until then no amount at all, none made up."""
    if amount is None:
        return t("wizard.filing.step.pay_unknown")
    if amount == 0:
        return t("wizard.filing.step.pay_free")
    return t("wizard.filing.step.pay", amount=money(amount, cents=False))


def steps_text(draft: Draft, amount: int | None, current: str | None, running: bool) -> Text:
    """One line a step: its mark, number, name (the fee in "pay") and state."""
    steps = Text()
    for number, step in enumerate(STEPS, 1):
        state = step_state(draft, step, current, running)
        mark, style = MARKS[state]
        name = pay_label(amount) if step == "pay" else t(f"wizard.filing.step.{step}")
        steps.append(f" {mark} {number}  ", style=style)
        steps.append(name, style="bold" if state == "running" else "")
        steps.append(f"  {t('wizard.filing.state.' + state)}\n", style=style)
    return steps
