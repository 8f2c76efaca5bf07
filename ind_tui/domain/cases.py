"""A case as the running-cases list shows and exports it.

One typed row serves the screen, its export and `ind-tui cases list`, so a CSV from the
screen and one from the command line have the same columns. Rows are named tuples: the
virtual table reads cells by column number, 100,000 of them stay cheap, and code about cases
reads fields by name. No Textual here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from json.encoder import encode_basestring as _encode_text
from operator import itemgetter
from pathlib import Path
from typing import IO, Literal, NamedTuple

from ind_tui.api.cases import COMPLETED_STATUSES, CaseStatus, CaseSummary
from ind_tui.base.safetext import CsvWriter
from ind_tui.i18n.format import CsvStyle

NEW = "new"
LISTED, ARCHIVED_STATE, NOT_REGISTERED = "listed", "archived", "not_registered"
STATES = (LISTED, ARCHIVED_STATE, NOT_REGISTERED)
# An archived case whose last known status was still under way: the portal stops listing a
# case 28 days after it was completed, so it was completed, though how is not known.
COMPLETED = "completed"
RANK = {status.value: n for n, status in enumerate(CaseStatus)} | {COMPLETED: len(CaseStatus)}
FINAL_STATUSES = frozenset(s.value for s in COMPLETED_STATUSES)


def final_status(status: str, archived: bool) -> str:
    """The status to show: an archived case is never still under way (`archived`: archived
    and not answered for by the portal since; what it answers is its last true state)."""
    return COMPLETED if archived and status not in FINAL_STATUSES else status


class StatusCell(NamedTuple):
    """The status column's cell; it sorts in life-cycle order (`rank` first)."""

    rank: int
    status: str
    previous: str  # the status last looked at when it differs; "" when not; NEW: not there then
    state: str  # one of STATES
    decision: str  # "" when none


class CaseRow(NamedTuple):
    """A case in the list: the eight shown columns first, then what the screen keeps."""

    zaaknummer: str
    employee_name: str
    v_number: str | None
    type_id: str
    status: StatusCell
    submitted_at: str  # ISO instant
    decision_deadline: str  # ISO date
    changed_at: str  # ISO instant
    decision: str | None
    archived_at: str | None


# A case as the cache stores it, in `LocalCache.case_rows` order: zaaknummer, employee_name,
# v_number, type_id, status, decision, submitted_at, decision_deadline, changed_at,
# archived_at.
RawCase = tuple[str, str, str | None, str, str, str | None, str, str, str, str | None]

# The table addresses cells by column number: these follow the row's fields.
ZAAK_COLUMN = CaseRow._fields.index("zaaknummer")
STATUS_COLUMN = CaseRow._fields.index("status")
CHANGED_COLUMN = CaseRow._fields.index("changed_at")

# Quick facets, in key order (1-6).
FACETS = ("all", "running", "info_requested", "decided", "completed", "changed")
_FACET_STATUSES: dict[str, frozenset[str]] = {
    "running": frozenset({"submitted", "received", "in_progress"}),
    "info_requested": frozenset({"info_requested"}),
    "decided": frozenset({"decided", "ready_for_collection"}),
    "completed": frozenset({"closed", "withdrawn", COMPLETED}),
}

EXPORT_FIELDS = (
    "zaaknummer", "employee_name", "v_number", "type_id", "status", "decision",
    "submitted_at", "decision_deadline", "changed_at", "state", "previous_status",
)  # fmt: skip
ExportFormat = Literal["csv", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json")

_cells: dict[tuple[str, str, str, str], StatusCell] = {}


def status_cell(status: str, previous: str = "", state: str = LISTED,
                decision: str | None = None) -> StatusCell:  # fmt: skip
    """One shared cell per distinct value: 100,000 rows hold a few dozen of them."""
    key = (status, previous, state, decision or "")
    cell = _cells.get(key)
    if cell is None:
        cell = _cells[key] = StatusCell(RANK.get(status, len(RANK)), *key)
    return cell


def case_rows(raws: Iterable[RawCase], seen: Mapping[str, str] | None = None, *,
              state: str | None = None) -> list[CaseRow]:  # fmt: skip
    """The one way to make rows. `seen` maps zaaknummer to the status last looked at (None
    when the list was never looked at: then nothing counts as changed). `state` overrides
    the listed/archived state (a filed case the portal does not list yet). An archived
    case's status comes as shown (`final_status`, applied where it is kept: the cache knows
    whether the portal still answered for it)."""
    rows: list[CaseRow] = []
    # This runs for every cached case on each read of the list: locals, and the named
    # tuple made as a tuple is (its generated __new__ costs a Python call per row).
    append, cells, get, new = rows.append, _cells, (seen or {}).get, tuple.__new__
    for zaak, name, vnum, type_id, status, decision, submitted, deadline, changed, archived \
            in raws:
        previous = ""
        if seen is not None:
            before = get(zaak)
            previous = NEW if before is None else (before if before != status else "")
        where = state or (LISTED if archived is None else ARCHIVED_STATE)
        cell = cells.get((status, previous, where, decision or ""))
        if cell is None:
            cell = status_cell(status, previous, where, decision)
        append(new(CaseRow, (zaak, name, vnum, type_id, cell, submitted, deadline, changed,
                             decision, archived)))
    return rows


def raw_from_summary(case: CaseSummary) -> RawCase:
    """A case straight from the portal (the command line), as the cache would hold it."""
    # `_value_`: the member's value without the enum descriptor (slow, per row, at 100,000)
    return (case.zaaknummer, case.employee_name, case.v_number, case.type_id,
            case.status._value_, case.decision._value_ if case.decision else None,
            case.submitted_at.isoformat(), case.decision_deadline.isoformat(),
            case.changed_at.isoformat(), None)  # fmt: skip


def without_marker(row: CaseRow) -> CaseRow:
    """The same row once looked at: no 'changed' marker."""
    cell = row.status
    return row._replace(status=status_cell(cell.status, "", cell.state, cell.decision or None))


def in_facet(facet: str, row: CaseRow) -> bool:
    if facet == "all":
        return True
    cell = row.status
    if facet == "changed":
        return bool(cell.previous)
    return cell.status in _FACET_STATUSES[facet]


def view_scope(facet: str, show_archived: bool) -> Callable[[StatusCell], bool] | None:
    """Which status cells a quick view keeps (None: all of them); asked once per distinct
    cell, not per row."""
    if facet == "all":
        return None if show_archived else (lambda c: c.state != ARCHIVED_STATE)
    if facet == "changed":
        return lambda c: bool(c.previous) and (show_archived or c.state != ARCHIVED_STATE)
    statuses = _FACET_STATUSES[facet]
    return lambda c: c.status in statuses and (show_archived or c.state != ARCHIVED_STATE)


def cell_counts(rows: Iterable[CaseRow]) -> Counter[StatusCell]:
    """How many rows have each distinct status cell (a few dozen kinds: counted in C)."""
    return Counter(map(itemgetter(STATUS_COLUMN), rows))


def facet_counts(rows: Iterable[CaseRow], *, archived: bool = True,
                 cells: Counter[StatusCell] | None = None) -> dict[str, int]:  # fmt: skip
    """Rows per quick view (the archive left out unless `archived`)."""
    counts = dict.fromkeys(FACETS, 0)
    for cell, n in (cells if cells is not None else cell_counts(rows)).items():
        if not archived and cell.state == ARCHIVED_STATE:
            continue
        counts["all"] += n
        if cell.previous:
            counts["changed"] += n
        for facet, statuses in _FACET_STATUSES.items():
            if cell.status in statuses:
                counts[facet] += n
    return counts


# --- export ---------------------------------------------------------------------------------


def _timestamp(text: str | None) -> str:
    """One spelling for every instant: UTC, seconds, `Z` (the cache and the wire differ)."""
    if not text:
        return ""
    if len(text) == 25 and text.endswith("+00:00"):  # UTC to the second, as the wire sends
        return text[:19] + "Z"
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def record(row: CaseRow) -> dict[str, str]:
    """The export record of a row: codes, not labels, so scripts need no translation."""
    cell = row.status
    return {
        "zaaknummer": row.zaaknummer, "employee_name": row.employee_name,
        "v_number": row.v_number or "", "type_id": row.type_id, "status": cell.status,
        "decision": cell.decision, "submitted_at": _timestamp(row.submitted_at),
        "decision_deadline": row.decision_deadline or "",
        "changed_at": _timestamp(row.changed_at), "state": cell.state,
        "previous_status": cell.previous,
    }  # fmt: skip


# A record as `json.dumps(record, indent=2, ensure_ascii=False)` writes it inside the array
# (one level in): its keys are fixed and its values are text, so only the values are encoded.
_JSON_RECORD = ("{{" + ",".join(f'\n    "{f}": {{}}' for f in EXPORT_FIELDS) + "\n  }}")


def _json_record(cells: tuple[str, ...]) -> str:
    return _JSON_RECORD.format(*map(_encode_text, cells))


class RecordWriter:
    """Export records written as rows come (CSV in `style` with its header first, or a JSON
    array laid out as `json.dump(..., indent=2)` would), so a long list streams: nothing
    waits for the last page, and memory does not grow with the list."""

    def __init__(self, stream: IO[str], fmt: ExportFormat, style: CsvStyle) -> None:
        self.stream, self.fmt, self.style, self.count = stream, fmt, style, 0
        self._csv: CsvWriter | None = None
        if fmt == "csv":
            self._csv = CsvWriter(stream, lineterminator="\n", delimiter=style.delimiter)
            self._csv.writerow(style.header(EXPORT_FIELDS))

    def write(self, rows: Iterable[CaseRow]) -> None:
        # The cells straight from each row (what `record` holds, in EXPORT_FIELDS order):
        # at 100,000 rows a dict per row costs more than the writing.
        moment = self.style.moment if self._csv is not None else _timestamp
        cells = [(row.zaaknummer, row.employee_name, row.v_number or "", row.type_id,
                  cell.status, cell.decision, moment(row.submitted_at),
                  row.decision_deadline or "", moment(row.changed_at), cell.state, cell.previous)
                 for row in rows for cell in (row.status,)]  # fmt: skip
        if self._csv is not None:
            self._csv.writerows(cells)
        elif cells:
            self.stream.write(("[\n  " if self.count == 0 else ",\n  ")
                              + ",\n  ".join(map(_json_record, cells)))
        self.count += len(cells)

    def close(self) -> int:
        """End the JSON array; returns how many records were written."""
        if self.fmt == "json":
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        return self.count


def write_records(stream: IO[str], rows: Iterable[CaseRow], fmt: ExportFormat,
                  style: CsvStyle) -> int:
    """Write rows as CSV (header first, in `style`) or as a JSON array of objects; returns
    the count."""
    writer = RecordWriter(stream, fmt, style)
    writer.write(rows)
    return writer.close()


def format_for(path: Path) -> ExportFormat | None:
    """The format a file name asks for (.csv or .json), None for anything else."""
    suffix = path.suffix.lower().lstrip(".")
    for fmt in EXPORT_FORMATS:
        if suffix == fmt:
            return fmt
    return None
