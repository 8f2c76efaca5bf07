"""What the filing screen says in words: the fee line of the confirmation, the question
before sending or paying, and the text of a problem (with its code and request id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ind_tui.api.payments import PaymentMethod
from ind_tui.i18n import language, t
from ind_tui.i18n.format import money
from ind_tui.local.drafts.errors import DraftError
from ind_tui.services.filing import FilingStage
from ind_tui.tui.screens.wizard.review import fee_text

if TYPE_CHECKING:
    from ind_tui.domain.forms.engine import FeeQuote
    from ind_tui.local.drafts.model import Draft


def fee_line(draft: Draft, fee: FeeQuote | None) -> str:
    """The fee as fixed in the draft, else as quoted (or still being fetched)."""
    if draft.fee_eur is not None:
        return (t("wizard.review.fee_free") if draft.fee_eur == 0
                else t("wizard.filing.fee_set", amount=money(draft.fee_eur)))
    if fee is None:
        return t("wizard.filing.fee_loading")
    return fee_text(fee)


def file_question(stage: FilingStage, amount: int | None, method: PaymentMethod
                  ) -> tuple[str, str]:
    """The question and its detail before filing (NOT_SENT) or before paying."""
    shown = money(amount, cents=False) if amount else ""
    paying = t("wizard.filing.paying_by", method=t(f"wizard.filing.method.{method.value}"))
    if stage is FilingStage.NOT_SENT:
        question = (t("wizard.filing.ask_free") if amount == 0 else
                    t("wizard.filing.ask", amount=shown) if amount else
                    t("wizard.filing.ask_unknown"))
        return question, t("wizard.filing.once") + ("" if amount == 0 else "\n" + paying)
    question = (t("wizard.filing.ask_pay", amount=shown) if amount
                else t("wizard.filing.ask_pay_unknown"))
    return question, paying


def problem_text(kind: str, error: Exception | None) -> Text:
    """What went wrong of this `kind`, the draft's guidance, the code and the request id."""
    body = Text(t(f"wizard.filing.problem.{kind}"))
    if error is not None:
        if isinstance(error, DraftError):
            body.append("\n" + error.guidance(language()))  # type: ignore[arg-type]
        code = getattr(error, "code", "")
        rid = getattr(error, "request_id", None)
        body.append("\n" + t("wizard.filing.problem.code", code=str(code))
                    + (" · " + t("error.request", rid=rid) if rid else ""), style="dim")
    return body
