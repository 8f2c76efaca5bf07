"""The receipt (ontvangstbevestiging) of a filed draft as plain text, in Dutch or English,
and saving it next to the user's other records."""

from __future__ import annotations

from pathlib import Path

from ind_tui.base.atomic import atomic_write_bytes
from ind_tui.domain.clock import AMSTERDAM
from ind_tui.domain.forms.schema import load_form
from ind_tui.i18n import text
from ind_tui.i18n.format import long_day, money
from ind_tui.local.drafts.errors import Code, DraftSaveError
from ind_tui.local.drafts.model import Draft, FilingStage


def receipt_rows(draft: Draft, lang: str) -> list[tuple[str, str]]:
    """The receipt's `(label, value)` rows; raises ValueError before the receipt is known."""
    receipt = draft.receipt
    if draft.stage is not FilingStage.DONE or receipt is None or draft.application_id is None:
        raise ValueError("the portal has not given a receipt for this draft yet")
    lang = "nl" if lang == "nl" else "en"

    def words(key: str) -> str:
        return text(f"receipt.{key}", lang)

    fee = draft.fee_eur or 0
    rows = [(words("form"), load_form(draft.form_id).title.get(lang))]
    # Who and for whom: a clerk filing for many clients keeps many of these.
    for key, value in (("employee", draft.answers.get("employee_name")),
                       ("v_number", draft.answers.get("v_number")),
                       ("company", draft.sponsor_name), ("kvk", draft.kvk)):
        if isinstance(value, str) and value.strip():
            rows.append((words(key), value.strip()))
    rows += [
        (words("application"), draft.application_id),
        (words("zaak"), receipt.zaaknummer),
        (words("received"), long_day(receipt.receipt_date, lang)),
        (words("deadline"), long_day(receipt.decision_deadline, lang)),
        (words("fee"), money(fee, lang, cents=False) if fee else words("free")),
    ]
    if receipt.payment_reference is not None:
        rows.append((words("reference"), receipt.payment_reference))
        if receipt.paid_at is not None:
            rows.append((words("paid_at"),
                         long_day(receipt.paid_at.astimezone(AMSTERDAM).date(), lang)))
        if draft.payment_method in ("direct_debit", "one_off"):
            rows.append((words("method"), words(draft.payment_method)))
    return rows


def rows_text(rows: list[tuple[str, str]]) -> str:
    """Rows as lines of `label: value`, the values in one column."""
    width = max(len(label) for label, _ in rows) + 1
    return "\n".join(f"{label + ':':<{width}} {value}" for label, value in rows)


def receipt_text(draft: Draft, lang: str) -> str:
    """The receipt as a titled text to keep; raises ValueError before the receipt is known."""
    rows = receipt_rows(draft, lang)
    lang = "nl" if lang == "nl" else "en"
    title = text("receipt.title", lang)
    return "\n".join([title, "=" * len(title), "", rows_text(rows), "",
                      text("receipt.keep", lang), ""])


def receipt_file_name(draft: Draft, lang: str) -> str:
    zaak = draft.receipt.zaaknummer if draft.receipt is not None else "draft"
    return f"{text('receipt.file', lang)}-{zaak}.txt"


def save_receipt(draft: Draft, path: Path, lang: str) -> Path:
    """Write the receipt atomically to `path` (into it, under a default name, if it is a
    folder); returns the file written. Raises DraftSaveError when it cannot be written."""
    body = receipt_text(draft, lang)
    target = path / receipt_file_name(draft, lang) if path.is_dir() else path
    try:
        atomic_write_bytes(target, body.encode("utf-8"))
    except OSError as exc:
        raise DraftSaveError(Code.DRAFT_SAVE_FAILED,
                             f"{target.name}: {exc.strerror or exc}") from None
    return target
