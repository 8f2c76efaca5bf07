"""One row of an employees CSV: its cell texts read into registration fields, each problem a
`RowError` with a stable code (no UI, no network). The file as a whole, its header and the
preview are `employee_csv`'s; the employee form reads its fields with the same readers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ind_tui.api.auth import Purpose
from ind_tui.domain.forms.countries import COUNTRIES

REQUIRED = ("name", "v_number", "date_of_birth", "nationality", "purpose", "start_date")
DATE_FIELDS = ("date_of_birth", "start_date", "permit_end", "contract_end")
PURPOSE_WORDS: dict[str, Purpose] = {
    "labour": Purpose.LABOUR, "labor": Purpose.LABOUR, "arbeid": Purpose.LABOUR,
    "work": Purpose.LABOUR, "werk": Purpose.LABOUR,
    "research": Purpose.RESEARCH, "onderzoek": Purpose.RESEARCH,
    "study": Purpose.STUDY, "studie": Purpose.STUDY,
    "exchange": Purpose.EXCHANGE, "uitwisseling": Purpose.EXCHANGE,
}
_COUNTRY_NAMES = {name.casefold(): code for code, text in COUNTRIES.items()
                  for name in (text.nl, text.en)}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_DMY = re.compile(r"^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$")
_SCIENTIFIC = re.compile(r"^\d(?:[.,]\d+)?E\+?\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class RowError:
    """One problem; `code` is stable, the texts are in the catalogues (`describe`)."""

    code: str
    field: str | None = None
    value: str = ""
    other_line: int | None = None


def parse_date(text: str) -> tuple[date | None, str | None]:
    """A date, or the error code: `bad_date` or `ambiguous_date` (3/4/2025)."""
    text = text.strip()
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3])), None
        if m := _DMY.match(text):
            a, sep, b, year = int(m[1]), m[2], int(m[3]), int(m[4])
            if sep != "/" or a > 12 or a == b:
                return date(year, b, a), None  # day first, as in the Netherlands
            if b > 12:
                return date(year, a, b), None  # month first: only an American date fits
            return None, "ambiguous_date"
    except ValueError:
        pass
    return None, "bad_date"


def parse_v_number(text: str) -> tuple[str | None, str | None]:
    raw = text.strip()
    if _SCIENTIFIC.match(raw):
        return None, "v_number_scientific"  # Excel turned the number into 1.23E+09
    compact = raw.replace(" ", "")
    if re.fullmatch(r"\d{10}", compact):
        return compact, None
    if re.fullmatch(r"\d{1,9}", compact):
        return None, "v_number_short"  # Excel may have dropped leading zeros
    return None, "bad_v_number"


def parse_nationality(text: str) -> str | None:
    code = text.strip().upper()
    if code in COUNTRIES:
        return code
    return _COUNTRY_NAMES.get(text.strip().casefold())


def parse_row(values: dict[str, str]) -> tuple[dict[str, object], list[RowError]]:
    """Field values from cell texts, and the format errors found on the way."""
    out: dict[str, object] = {}
    errors: list[RowError] = []
    for name in REQUIRED:
        if not values.get(name, "").strip():
            errors.append(RowError("missing", name))
    name = values.get("name", "").strip()
    if len(name) > 120:
        errors.append(RowError("too_long", "name", name[:40]))
    elif name:
        out["name"] = " ".join(name.split())
    raw = values.get("v_number", "").strip()
    if raw:
        v_number, code = parse_v_number(raw)
        if code:
            errors.append(RowError(code, "v_number", raw))
        out["v_number"] = v_number
    for f in DATE_FIELDS:
        raw = values.get(f, "").strip()
        if raw:
            day, code = parse_date(raw)
            if code:
                errors.append(RowError(code, f, raw))
            out[f] = day
    raw = values.get("nationality", "").strip()
    if raw:
        nationality = parse_nationality(raw)
        if nationality is None:
            errors.append(RowError("unknown_country", "nationality", raw))
        out["nationality"] = nationality
    raw = values.get("purpose", "").strip()
    if raw:
        purpose = PURPOSE_WORDS.get(raw.casefold())
        if purpose is None:
            errors.append(RowError("unknown_purpose", "purpose", raw))
        out["purpose"] = purpose
    return out, errors
