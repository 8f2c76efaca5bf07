"""Sending a previewed employee CSV: every ready row registered exactly once, a summary, and
a CSV of the rows to fix (each original row with an error column) that imports again.

Exactly once: each row goes with its idempotency key (`employee_csv.row_key`), so a retry
after a lost answer, and a re-run of the same file after a failure, is answered with the
first registration. The natural key backs it up: the portal refuses a second registration of
a V-number (`employee_exists`); a refusal whose details match the row counts as done.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from pydantic import ValidationError

from ind_tui.api.employees import Employee, EmployeeRegistration
from ind_tui.api.errors import (
    ConflictError,
    ForbiddenError,
    PortalError,
    SessionExpiredError,
)
from ind_tui.api.wire import ErrorCode
from ind_tui.base.safetext import CsvWriter
from ind_tui.client.once import Delivery, delivery
from ind_tui.domain.employee_cells import RowError
from ind_tui.domain.employee_csv import (
    ERROR_COLUMN,
    IGNORED,
    Preview,
    PreviewRow,
    RowState,
    differences,
    header_key,
)
from ind_tui.i18n import known, text
from ind_tui.i18n.guidance import guidance

CONCURRENCY = 4  # rows in flight at once: hides network latency, spares the portal
BREAKER = 5  # this many portal or network failures in a row stop the run


class Registrar(Protocol):
    async def register_employee(
        self, registration: EmployeeRegistration, idempotency_key: str | None = None
    ) -> Employee: ...


class Outcome(StrEnum):
    REGISTERED = "registered"
    ALREADY = "already_registered"  # the portal had this person with these details
    FAILED = "failed"
    NOT_SENT = "not_sent"  # the run stopped before this row


@dataclass
class RowResult:
    line: int
    outcome: Outcome
    employee_id: str | None = None
    error: RowError | None = None


@dataclass
class ImportSummary:
    results: dict[int, RowResult] = field(default_factory=dict)  # by line, rows sent
    stopped: RowError | None = None  # why the run stopped early, if it did

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results.values() if r.outcome is outcome)


Progress = Callable[[int, int], None]


async def send(
    client: Registrar, preview: Preview, *, concurrency: int = CONCURRENCY,
    on_progress: Progress | None = None,
) -> ImportSummary:  # fmt: skip
    """Register every ready row of `preview` (nothing at all if the file has a problem)."""
    summary = ImportSummary()
    rows = preview.ready if preview.sendable else []
    queue: asyncio.Queue[PreviewRow] = asyncio.Queue()
    for row in rows:
        queue.put_nowait(row)
    streak = 0
    done = 0

    async def worker() -> None:
        nonlocal streak, done
        while not queue.empty():
            row = queue.get_nowait()
            if summary.stopped is not None:
                summary.results[row.line] = RowResult(row.line, Outcome.NOT_SENT,
                                                      error=summary.stopped)
                continue
            result, kind = await _send_one(client, row)
            summary.results[row.line] = result
            streak = streak + 1 if kind == "transient" else 0
            if kind == "fatal" or streak >= BREAKER:
                summary.stopped = result.error
            done += 1
            if on_progress is not None:
                on_progress(done, len(rows))

    workers = max(1, min(concurrency, len(rows)))
    await asyncio.gather(*(worker() for _ in range(workers)))
    return summary


async def _send_one(client: Registrar, row: PreviewRow) -> tuple[RowResult, str]:
    """The row's result, and what kind it was: "ok", "row" (this row only), "transient" (the
    portal or the network failed) or "fatal" (the session is over or access was refused:
    the rest cannot go either)."""
    reg = row.registration
    assert reg is not None
    try:
        employee = await client.register_employee(reg, row.key)
        return RowResult(row.line, Outcome.REGISTERED, employee.id), "ok"
    except ConflictError as exc:
        if exc.code != ErrorCode.EMPLOYEE_EXISTS:
            return RowResult(row.line, Outcome.FAILED, error=_error(exc)), "row"
        try:
            existing = Employee.model_validate(exc.details.get("employee"))
        except ValidationError:
            return RowResult(row.line, Outcome.FAILED, error=_error(exc)), "row"
        differ = differences(reg, existing)
        if not differ:
            return RowResult(row.line, Outcome.ALREADY, existing.id), "ok"
        error = RowError("registered_differently", "v_number", ", ".join(differ))
        return RowResult(row.line, Outcome.FAILED, error=error), "row"
    except (SessionExpiredError, ForbiddenError) as exc:
        return RowResult(row.line, Outcome.NOT_SENT, error=_error(exc)), "fatal"
    except PortalError as exc:
        # Not answered (the line or the portal failed, or it is unknown whether it arrived):
        # not this row's fault, and a run of these stops the import.
        kind = "row" if delivery(exc) is Delivery.ARRIVED else "transient"
        return RowResult(row.line, Outcome.FAILED, error=_error(exc)), kind


def _error(exc: PortalError) -> RowError:
    return RowError(exc.code, None, exc.request_id or "")


# --- the failures file --------------------------------------------------------------------


def failed_rows(preview: Preview, summary: ImportSummary | None
                ) -> list[tuple[PreviewRow, list[RowError]]]:
    """The rows to fix, each with its problems: all rows when the file as a whole was
    refused; otherwise the rows the preview refused and those that failed or were not sent."""
    out = []
    for row in preview.rows:
        if not preview.sendable or row.state is RowState.ERROR:
            out.append((row, list(row.errors)))
        elif summary is not None:
            result = summary.results.get(row.line)
            if result is not None and result.outcome in (Outcome.FAILED, Outcome.NOT_SENT):
                out.append((row, [result.error] if result.error else []))
    return out


def failures_csv(preview: Preview, summary: ImportSummary | None, lang: str = "en") -> bytes:
    """The rows to fix as a CSV in the file's own layout, plus an error column (an existing
    one is overwritten), UTF-8 with a byte order mark so Excel shows accents right."""
    header = list(preview.file.header)
    keys = [header_key(h) for h in header]
    error_keys = [k for k in IGNORED if k.startswith(("error", "fout"))]
    at = next((i for i, k in enumerate(keys) if k in error_keys), None)
    if at is None:
        header.append(ERROR_COLUMN.get(lang, "error"))
        at = len(header) - 1
    out = io.StringIO()
    writer = CsvWriter(out, delimiter=preview.file.delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row, errors in failed_rows(preview, summary):
        cells = list(row.cells) + [""] * max(0, len(header) - len(row.cells))
        cells[at] = "; ".join(describe(e, lang) for e in errors) or describe_problems(
            preview, lang)
        writer.writerow(cells)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def describe_problems(preview: Preview, lang: str) -> str:
    return "; ".join(describe(p.as_row_error(), lang) for p in preview.problems)


def describe(err: RowError, lang: str = "en") -> str:
    """One problem in words, in `lang`. Codes of the CSV reader have their own texts; a
    portal's refusal is named by its guidance."""

    def field_name(name: str) -> str:
        key = f"employees.field.{name}"
        return text(key, lang) if known(key) else name

    key = f"employees.csv.{err.code}"
    if not known(key):
        g = guidance(err.code, lang)
        ref = text("employees.csv.request", lang, rid=err.value) if err.value else ""
        return f"{g.title}. {g.action}{ref}"
    value = err.value
    if err.code == "registered_differently":
        value = ", ".join(field_name(f) for f in value.split(", ") if f)
    return text(key, lang, field=field_name(err.field) if err.field else "", value=value,
                line=err.other_line or "")
