"""The receipt (ontvangstbevestiging) of a filed draft as plain text, in Dutch or English,
and saving it next to the user's other records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ind_tui.base.atomic import atomic_write_bytes
from ind_tui.domain.clock import AMSTERDAM
from ind_tui.domain.forms.schema import load_form
from ind_tui.local.drafts.errors import Code, DraftSaveError
from ind_tui.local.drafts.model import Draft, FilingStage

_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}

_TEXTS = {
    "nl": {
        "title": "Ontvangstbevestiging",
        "form": "Aanvraag",
        "application": "Aanvraagnummer",
        "zaak": "Zaaknummer",
        "received": "Ontvangen op",
        "deadline": "Uiterste beslisdatum",
        "fee": "Leges",
        "free": "geen, deze aanvraag is gratis",
        "reference": "Betalingskenmerk",
        "paid_at": "Betaald op",
        "method": "Betaalwijze",
        "direct_debit": "automatische incasso",
        "one_off": "eenmalige betaling",
        "keep": "Bewaar dit bewijs. Met het zaaknummer stuurt u documenten na zolang de IND "
                "nog niet heeft besloten.",
        "file": "ontvangstbevestiging",
    },
    "en": {
        "title": "Receipt",
        "form": "Application",
        "application": "Application number",
        "zaak": "Case number (zaaknummer)",
        "received": "Received on",
        "deadline": "Decision due by",
        "fee": "Fee",
        "free": "none, this application is free",
        "reference": "Payment reference",
        "paid_at": "Paid on",
        "method": "Payment method",
        "direct_debit": "direct debit",
        "one_off": "one-off payment",
        "keep": "Keep this receipt. With the case number you can send further documents "
                "until the IND has decided.",
        "file": "receipt",
    },
}


def _lang(lang: str) -> str:
    return "nl" if lang == "nl" else "en"


def format_date(day: date, lang: str) -> str:
    return f"{day.day} {_MONTHS[_lang(lang)][day.month - 1]} {day.year}"


def receipt_text(draft: Draft, lang: str) -> str:
    """The receipt as lines of `label: value`; raises ValueError before the receipt is known."""
    receipt = draft.receipt
    if draft.stage is not FilingStage.DONE or receipt is None or draft.application_id is None:
        raise ValueError("the portal has not given a receipt for this draft yet")
    words = _TEXTS[_lang(lang)]
    fee = draft.fee_eur or 0
    rows = [
        (words["form"], load_form(draft.form_id).title.get(_lang(lang))),
        (words["application"], draft.application_id),
        (words["zaak"], receipt.zaaknummer),
        (words["received"], format_date(receipt.receipt_date, lang)),
        (words["deadline"], format_date(receipt.decision_deadline, lang)),
        (words["fee"], f"€ {fee}" if fee else words["free"]),
    ]
    if receipt.payment_reference is not None:
        rows.append((words["reference"], receipt.payment_reference))
        if receipt.paid_at is not None:
            rows.append((words["paid_at"],
                         format_date(receipt.paid_at.astimezone(AMSTERDAM).date(), lang)))
        if draft.payment_method in ("direct_debit", "one_off"):
            rows.append((words["method"], words[draft.payment_method]))
    width = max(len(label) for label, _ in rows) + 1
    lines = [words["title"], "=" * len(words["title"]), ""]
    lines += [f"{label + ':':<{width}} {value}" for label, value in rows]
    lines += ["", words["keep"], ""]
    return "\n".join(lines)


def receipt_file_name(draft: Draft, lang: str) -> str:
    zaak = draft.receipt.zaaknummer if draft.receipt is not None else "draft"
    return f"{_TEXTS[_lang(lang)]['file']}-{zaak}.txt"


def save_receipt(draft: Draft, path: Path, lang: str) -> Path:
    """Write the receipt atomically to `path` (into it, under a default name, if it is a
    folder); returns the file written. Raises DraftSaveError when it cannot be written."""
    text = receipt_text(draft, lang)
    target = path / receipt_file_name(draft, lang) if path.is_dir() else path
    try:
        atomic_write_bytes(target, text.encode("utf-8"))
    except OSError as exc:
        raise DraftSaveError(Code.DRAFT_SAVE_FAILED,
                             f"{target.name}: {exc.strerror or exc}") from None
    return target
