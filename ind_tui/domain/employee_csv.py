"""Reading a CSV of employees to register, and the preview of every row before anything is
sent (no UI, no network: `employee_import` sends; one row's cells are read by
`employee_cells`).

What a spreadsheet gives us: UTF-8 with or without a byte order mark, Windows-1252 (Excel's
"CSV" on Windows), or UTF-16 ("Unicode text"); `;` as separator (Dutch Excel), `,` or a tab;
an optional `sep=;` first line; header names in Dutch or English; dates as 2025-03-01 or
1-3-2025. See docs/employees-csv.md.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from pydantic import ValidationError

from ind_tui.api.auth import Purpose
from ind_tui.api.employees import Employee, EmployeeRegistration, EmployeeStatus
from ind_tui.domain.employee_cells import (
    REQUIRED,
    RowError,
    parse_row,
    parse_v_number,
)
from ind_tui.domain.employees import registration_problems

# field -> header names it is known by (compared lower case, letters and digits only)
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "naam", "fullname", "volledigenaam", "employee", "employeename",
             "werknemer", "naamwerknemer"),
    "v_number": ("vnumber", "vnummer", "vreemdelingennummer", "foreignnationalnumber", "vnr"),
    "date_of_birth": ("dateofbirth", "birthdate", "dob", "geboortedatum"),
    "nationality": ("nationality", "nationaliteit"),
    "purpose": ("purpose", "purposeofstay", "verblijfsdoel", "doel"),
    "start_date": ("startdate", "start", "startdatum", "datumindienst", "indienst",
                   "begindatum"),
    "permit_end": ("permitend", "permitenddate", "permitexpiry", "einddatumvergunning",
                   "vergunningtot", "geldigtot"),
    "contract_end": ("contractend", "contractenddate", "einddatumcontract", "contracttot",
                     "einddienstverband", "eindedienstverband"),
    # not registered: an export's status, so a deregistered person is not registered again
    "status": ("status",),
}
# Columns read and set aside: the error column of a failures file, and what an export of the
# employee list holds besides the registration, so an edited export imports again.
IGNORED = ("error", "errors", "fout", "fouten", "id", "enddate", "einddatum",
           "endreason", "redeneinde", "deregisteredat", "deregistrationlate",
           "deregistrationreference", "duty", "taak")
ERROR_COLUMN = {"nl": "fout", "en": "error"}
# An export of the list: the registration's fields first, so an edited export imports again.
EXPORT_COLUMNS = ("name", "v_number", "date_of_birth", "nationality", "purpose", "start_date",
                  "permit_end", "contract_end", "status", "end_date", "end_reason", "id")

DEREGISTERED_WORDS = ("deregistered", "afgemeld")


def header_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


_BY_ALIAS = {alias: name for name, aliases in ALIASES.items() for alias in aliases}


class RowState(StrEnum):
    READY = "ready"  # will be sent
    ERROR = "error"  # not sent: fix the row
    ALREADY = "already_registered"  # the same person with the same details: nothing to do
    DUPLICATE = "duplicate"  # an identical earlier row in this file: sent once
    SKIPPED = "skipped"  # marked deregistered (a row of an export): not registered again


@dataclass(frozen=True)
class FileProblem:
    code: str  # empty | unknown_column | missing_column | duplicate_column
    value: str = ""  # the column (a header text, or the field name of a missing one)

    def as_row_error(self) -> RowError:
        return RowError(self.code, self.value if self.code == "missing_column" else None,
                        self.value)


@dataclass
class CsvFile:
    encoding: str
    delimiter: str
    header: list[str]
    fields: list[str | None]  # per header cell: the registration field, or None (set aside)
    records: list[tuple[int, list[str]]]  # (line number in the file, cells)
    problems: list[FileProblem]
    digest: str  # of the file's bytes: the idempotency keys of its rows derive from it
    header_line: int = 1


@dataclass
class PreviewRow:
    line: int
    cells: list[str]
    values: dict[str, str]
    registration: EmployeeRegistration | None
    errors: list[RowError] = field(default_factory=list)
    state: RowState = RowState.READY
    key: str | None = None  # the idempotency key this row is sent with


@dataclass
class Preview:
    file: CsvFile
    rows: list[PreviewRow]

    @property
    def problems(self) -> list[FileProblem]:
        return self.file.problems

    @property
    def sendable(self) -> bool:
        """Nothing blocks the file as a whole (row errors only keep their own row back)."""
        return not self.file.problems

    def count(self, state: RowState) -> int:
        return sum(1 for r in self.rows if r.state is state)

    @property
    def ready(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.state is RowState.READY]


# --- reading ------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"  # every byte is a character: nothing is lost


def sniff_delimiter(line: str) -> str:
    """The separator of a header line: the most frequent of ; , and tab outside quotes."""
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda c: (counts[c], c == ";"))
    return best if counts[best] else ","


def read_csv(data: bytes) -> CsvFile:
    digest = hashlib.sha256(data).hexdigest()
    text, encoding = decode(data)
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and not lines[skip].strip():
        skip += 1
    if skip == len(lines):
        return CsvFile(encoding, ",", [], [], [], [FileProblem("empty")], digest)
    delimiter = ""
    first = lines[skip].strip()
    if first.lower().startswith("sep=") and len(first) >= 5:
        delimiter, skip = first[4], skip + 1  # Excel's hint line
    body = "\n".join(lines[skip:])
    if not delimiter:
        delimiter = sniff_delimiter(lines[skip] if skip < len(lines) else "")
    reader = csv.reader(io.StringIO(body), delimiter=delimiter)
    header: list[str] = []
    records: list[tuple[int, list[str]]] = []
    start, header_line = 1, 1
    for cells in reader:
        line = skip + start
        start = reader.line_num + 1
        if not header:
            header = [c.strip() for c in cells]
            header_line = line
            continue
        if any(c.strip() for c in cells):
            records.append((line, cells))
    fields, problems = _map_header(header)
    if not header:
        problems = [FileProblem("empty")]
    return CsvFile(encoding, delimiter, header, fields, records, problems, digest, header_line)


def _map_header(header: list[str]) -> tuple[list[str | None], list[FileProblem]]:
    fields: list[str | None] = []
    problems: list[FileProblem] = []
    for name in header:
        key = header_key(name)
        found = _BY_ALIAS.get(key)
        if found is None and key and key not in IGNORED:
            problems.append(FileProblem("unknown_column", name))
        if found is not None and found in fields:
            problems.append(FileProblem("duplicate_column", name))
            found = None
        fields.append(found)
    if header:
        problems += [FileProblem("missing_column", f) for f in REQUIRED if f not in fields]
    return fields, problems


# --- a row's key, and how it differs from a registration ----------------------------------


def row_key(file_digest: str, reg: EmployeeRegistration) -> str:
    """The same row of the same file gets the same key on every run: a re-run after a
    failure is answered from the first run instead of registering anyone twice."""
    text = file_digest + reg.model_dump_json()
    return "imp-" + hashlib.sha256(text.encode()).hexdigest()[:40]


def differences(reg: EmployeeRegistration, e: Employee) -> list[str]:
    """The fields in which an existing registration differs from the row (empty: same)."""
    differ = []
    if " ".join(reg.name.split()).casefold() != " ".join(e.name.split()).casefold():
        differ.append("name")
    for f in ("date_of_birth", "nationality", "purpose", "start_date"):
        if getattr(reg, f) != getattr(e, f):
            differ.append(f)
    for f in ("permit_end", "contract_end"):
        if getattr(reg, f) is not None and getattr(reg, f) != getattr(e, f):
            differ.append(f)
    return differ


# --- the whole preview --------------------------------------------------------------------


def preview(
    file: CsvFile, today: date, *, registered: Iterable[Employee] = (),
    recognised: Collection[Purpose] | None = None,
) -> Preview:  # fmt: skip
    """Every row with its errors and what would happen to it, before anything is sent.

    `registered`: the employees the portal lists now (registered ones count as duplicates);
    `recognised`: the purposes the sponsor is recognised for."""
    current = {e.v_number: e for e in registered if e.status is EmployeeStatus.REGISTERED}
    rows: list[PreviewRow] = []
    width = len(file.header)
    for line, cells in file.records:
        values = {f: cells[i] for i, f in enumerate(file.fields) if f and i < len(cells)}
        parsed, errors = parse_row(values)
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            errors.append(RowError("extra_cells", None, cells[width].strip()))
        reg: EmployeeRegistration | None = None
        if not errors:
            try:
                reg = EmployeeRegistration.model_validate(parsed)
            except ValidationError as exc:
                for err in exc.errors():
                    errors.append(RowError("invalid", str(err["loc"][0]) if err["loc"] else None))
        if reg is not None:
            errors += [RowError(p.code, p.field)
                       for p in registration_problems(reg, today, recognised)]
        row = PreviewRow(line, cells, values, reg if not errors else None, errors)
        row.state = RowState.ERROR if errors else RowState.READY
        if values.get("status", "").strip().casefold() in DEREGISTERED_WORDS:
            row.state, row.registration = RowState.SKIPPED, None
            row.errors = [RowError("deregistered_row", "status", values["status"].strip())]
        if row.registration is not None:
            row.key = row_key(file.digest, row.registration)
        rows.append(row)
    _mark_duplicates(rows, current)
    return Preview(file, rows)


def _mark_duplicates(rows: list[PreviewRow], current: dict[str, Employee]) -> None:
    by_v: dict[str, list[PreviewRow]] = {}
    for row in rows:
        if row.state is RowState.SKIPPED:
            continue
        v = row.registration.v_number if row.registration else None
        if v is None:
            raw = row.values.get("v_number", "").strip()
            v = parse_v_number(raw)[0] if raw else None
        if v is not None:
            by_v.setdefault(v, []).append(row)
    for v, same in by_v.items():
        if len(same) > 1:
            first = same[0]
            for row in same[1:]:
                identical = (row.registration is not None and first.registration is not None
                             and row.registration == first.registration)
                if identical:
                    row.state = RowState.DUPLICATE
                    row.errors.append(RowError("duplicate_row", "v_number", v, first.line))
            clash = [r for r in same if r.state is not RowState.DUPLICATE]
            if len(clash) > 1:
                for row in clash:
                    other = next(r.line for r in clash if r is not row)
                    row.errors.append(RowError("duplicate_in_file", "v_number", v, other))
                    row.state = RowState.ERROR
        existing = current.get(v)
        if existing is None:
            continue
        for row in same:
            if row.state is not RowState.READY or row.registration is None:
                continue
            differ = differences(row.registration, existing)
            if differ:
                row.errors.append(RowError("registered_differently", "v_number",
                                           ", ".join(differ)))
                row.state = RowState.ERROR
            else:
                row.state = RowState.ALREADY
