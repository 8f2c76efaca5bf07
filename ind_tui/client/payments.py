"""Payments and refunds, per application and overall. Mixed into PortalClient.

Also the CSV the bookkeeping gets (one line per payment, its refund on the same line), shared
by the TUI's export and `ind-tui payments list --format csv`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ind_tui.api.payments import PaymentList, PaymentRecord, PaymentStatus
from ind_tui.base.atomic import atomic_text_writer
from ind_tui.base.safetext import CsvDictWriter
from ind_tui.client.calls import PortalCalls
from ind_tui.i18n.format import CsvStyle

CSV_COLUMNS = (
    "reference", "paid_at", "collected_at", "zaaknummer", "application_id", "employee_name",
    "type_id", "fee_year", "method", "status", "amount_eur", "refunded_eur", "net_eur",
    "refund_reference", "refunded_at", "refund_reason", "paid_by_kvk",
)


class PaymentsMixin(PortalCalls):
    async def payments(
        self, *, zaaknummer: str | None = None, application_id: str | None = None,
        status: PaymentStatus | None = None, year: int | None = None,
    ) -> PaymentList:  # fmt: skip
        """This account's payments, newest first, with totals; refunds are on their payment."""
        params: dict[str, Any] = {
            "zaaknummer": zaaknummer, "application_id": application_id,
            "status": status.value if status else None, "year": year,
        }  # fmt: skip
        result = await self._read("/payments", PaymentList, **params)
        self.http.clock.observe(result.as_of)
        return result


def csv_row(p: PaymentRecord, style: CsvStyle) -> dict[str, Any]:
    refunded = p.refund.amount_eur if p.refund else 0
    return {
        "reference": p.reference, "paid_at": style.moment(p.paid_at),
        "collected_at": style.moment(p.collected_at), "zaaknummer": p.zaaknummer or "",
        "application_id": p.application_id or "", "employee_name": p.employee_name,
        "type_id": p.type_id, "fee_year": p.fee_year, "method": p.method.value,
        "status": p.status.value, "amount_eur": style.amount(p.amount_eur),
        "refunded_eur": style.amount(refunded), "net_eur": style.amount(p.amount_eur - refunded),
        "refund_reference": p.refund.reference if p.refund else "",
        "refunded_at": style.moment(p.refund.refunded_at if p.refund else None),
        "refund_reason": p.refund.reason.value if p.refund else "",
        "paid_by_kvk": p.paid_by_kvk,
    }


def write_payments_csv(items: Iterable[PaymentRecord], out: TextIO, style: CsvStyle) -> int:
    """Write the CSV in `style` to an open text stream; returns the number of payments."""
    writer = CsvDictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n",
                           delimiter=style.delimiter)
    writer.writeheader(style.header(CSV_COLUMNS))
    count = 0
    for item in items:
        writer.writerow(csv_row(item, style))
        count += 1
    return count


def export_payments_csv(items: Iterable[PaymentRecord], path: Path, style: CsvStyle) -> int:
    """Write the CSV to `path` all at once: a failure leaves any earlier file as it was."""
    path = path.expanduser()
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; name a file")
    with atomic_text_writer(path) as out:
        out.write(style.file_start)
        return write_payments_csv(items, out, style)
