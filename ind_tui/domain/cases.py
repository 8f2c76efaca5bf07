"""A case as the running-cases list shows and exports it.

One row layout serves the screen (plain tuples, so 100,000 rows stay cheap), its export and
`ind-tui cases list`, so a CSV from the screen and one from the command line have the same
columns. No Textual here.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import IO, Any, Literal

from ind_tui.api.models import CaseStatus, CaseSummary

# Row layout: the eight shown columns first, then what the screen keeps alongside.
ZAAK, NAME, VNUM, TYPE, STATUS, SUBMITTED, DEADLINE, CHANGED, DECISION, ARCHIVED = range(10)
Row = tuple[Any, ...]

# The status cell: (rank, status, previous, state, decision). It sorts in life-cycle order;
# `previous` is the status the user last looked at when it differs ("" when not, NEW for a
# case that was not there then); `state` is one of STATES.
StatusCell = tuple[int, str, str, str, str]
NEW = "new"
LISTED, ARCHIVED_STATE, NOT_REGISTERED = "listed", "archived", "not_registered"
STATES = (LISTED, ARCHIVED_STATE, NOT_REGISTERED)
RANK = {status.value: n for n, status in enumerate(CaseStatus)}

# Quick facets, in key order (1-6).
FACETS = ("all", "running", "info_requested", "decided", "completed", "changed")
_FACET_STATUSES: dict[str, frozenset[str]] = {
    "running": frozenset({"submitted", "received", "in_progress"}),
    "info_requested": frozenset({"info_requested"}),
    "decided": frozenset({"decided", "ready_for_collection"}),
    "completed": frozenset({"closed", "withdrawn"}),
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
    """One shared tuple per distinct cell: 100,000 rows hold a few dozen of them."""
    key = (status, previous, state, decision or "")
    cell = _cells.get(key)
    if cell is None:
        cell = _cells[key] = (RANK.get(status, len(RANK)), *key)
    return cell


def row_from_cache(raw: Sequence[Any], seen: Mapping[str, str] | None) -> Row:
    """A row from `LocalCache.case_rows`; `seen` maps zaaknummer to the status last looked
    at (None when the list was never looked at: then nothing counts as changed)."""
    zaak, name, vnum, type_id, status, decision, submitted, deadline, changed, archived = raw
    previous = ""
    if seen is not None:
        before = seen.get(zaak)
        previous = NEW if before is None else (before if before != status else "")
    state = LISTED if archived is None else ARCHIVED_STATE
    cell = status_cell(status, previous, state, decision)
    return (zaak, name, vnum, type_id, cell, submitted, deadline, changed, decision, archived)


def rows_from_cache(raws: Iterable[Sequence[Any]], seen: Mapping[str, str] | None) -> list[Row]:
    # row_from_cache inlined: this runs for every cached case on each read of the list.
    rows: list[Row] = []
    append, cells, get = rows.append, _cells, (seen or {}).get
    for zaak, name, vnum, type_id, status, decision, submitted, deadline, changed, archived \
            in raws:
        previous = ""
        if seen is not None:
            before = get(zaak)
            previous = NEW if before is None else (before if before != status else "")
        state = LISTED if archived is None else ARCHIVED_STATE
        cell = cells.get((status, previous, state, decision or ""))
        if cell is None:
            cell = status_cell(status, previous, state, decision)
        append((zaak, name, vnum, type_id, cell, submitted, deadline, changed, decision,
                archived))
    return rows


def row_from_summary(case: CaseSummary) -> Row:
    """A row for a case straight from the portal (the command line)."""
    decision = case.decision.value if case.decision else None
    return (case.zaaknummer, case.employee_name, case.v_number, case.type_id,
            status_cell(case.status.value, "", LISTED, decision), case.submitted_at.isoformat(),
            case.decision_deadline.isoformat(), case.changed_at.isoformat(), decision, None)


def without_marker(row: Row) -> Row:
    """The same row once looked at: no 'changed' marker."""
    _rank, status, _previous, state, decision = row[STATUS]
    return (*row[:STATUS], status_cell(status, "", state, decision or None), *row[STATUS + 1:])


def in_facet(facet: str, row: Row) -> bool:
    if facet == "all":
        return True
    cell: StatusCell = row[STATUS]
    if facet == "changed":
        return bool(cell[2])
    return cell[1] in _FACET_STATUSES[facet]


def view_scope(facet: str, show_archived: bool) -> Callable[[StatusCell], bool] | None:
    """Which status cells a quick view keeps (None: all of them); asked once per distinct
    cell, not per row."""
    if facet == "all":
        return None if show_archived else (lambda c: c[3] != ARCHIVED_STATE)
    if facet == "changed":
        return lambda c: bool(c[2]) and (show_archived or c[3] != ARCHIVED_STATE)
    statuses = _FACET_STATUSES[facet]
    return lambda c: c[1] in statuses and (show_archived or c[3] != ARCHIVED_STATE)


def cell_counts(rows: Iterable[Row]) -> Counter[StatusCell]:
    """How many rows have each distinct status cell (a few dozen kinds: counted in C)."""
    return Counter(map(itemgetter(STATUS), rows))


def facet_counts(rows: Iterable[Row], *, archived: bool = True,
                 cells: Counter[StatusCell] | None = None) -> dict[str, int]:  # fmt: skip
    """Rows per quick view (the archive left out unless `archived`)."""
    counts = dict.fromkeys(FACETS, 0)
    for cell, n in (cells if cells is not None else cell_counts(rows)).items():
        if not archived and cell[3] == ARCHIVED_STATE:
            continue
        counts["all"] += n
        if cell[2]:
            counts["changed"] += n
        for facet, statuses in _FACET_STATUSES.items():
            if cell[1] in statuses:
                counts[facet] += n
    return counts


# --- export ---------------------------------------------------------------------------------


def _timestamp(text: str | None) -> str:
    """One spelling for every instant: UTC, seconds, `Z` (the cache and the wire differ)."""
    if not text:
        return ""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def record(row: Row) -> dict[str, str]:
    """The export record of a row: codes, not labels, so scripts need no translation."""
    _rank, status, previous, state, decision = row[STATUS]
    return {
        "zaaknummer": row[ZAAK], "employee_name": row[NAME], "v_number": row[VNUM] or "",
        "type_id": row[TYPE], "status": status, "decision": decision,
        "submitted_at": _timestamp(row[SUBMITTED]), "decision_deadline": row[DEADLINE] or "",
        "changed_at": _timestamp(row[CHANGED]), "state": state, "previous_status": previous,
    }  # fmt: skip


def write_records(stream: IO[str], rows: Iterable[Row], fmt: ExportFormat) -> int:
    """Write rows as CSV (header first) or as a JSON array of objects; returns the count."""
    records = [record(row) for row in rows]
    if fmt == "json":
        json.dump(records, stream, indent=2, ensure_ascii=False)
        stream.write("\n")
    else:
        writer = csv.DictWriter(stream, fieldnames=EXPORT_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
    return len(records)


def format_for(path: Path) -> ExportFormat | None:
    """The format a file name asks for (.csv or .json), None for anything else."""
    suffix = path.suffix.lower().lstrip(".")
    for fmt in EXPORT_FORMATS:
        if suffix == fmt:
            return fmt
    return None
