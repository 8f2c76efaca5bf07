"""Form definitions and domain rules. Never imports Textual.

The wizard uses: `load_form`, `evaluate` (-> Evaluation), `fee_for`, `split_answers`,
`merge_request` and `example_answers`.
"""

from ind_tui.domain.forms.engine import (
    Evaluation,
    FeeQuote,
    FieldState,
    Issue,
    PageState,
    SlotState,
    evaluate,
    fee_for,
    holds,
)
from ind_tui.domain.forms.schema import DocumentSlot, Field, FormDef, Page, form_ids, load_form
from ind_tui.domain.forms.texts import Text
from ind_tui.domain.forms.wire import example_answers, merge_request, split_answers

__all__ = [
    "DocumentSlot", "Evaluation", "FeeQuote", "Field", "FieldState", "FormDef", "Issue",
    "Page", "PageState", "SlotState", "Text", "evaluate", "example_answers", "fee_for",
    "form_ids", "holds", "load_form", "merge_request", "split_answers",
]
