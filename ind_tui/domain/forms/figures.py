"""Fees and salary thresholds per year, as data: every figure carries its source and whether
it is provisional. A year (or a fee group) with nothing published gets a provisional figure
that says what it is based on; it is never silently another year's or another group's.

One table for the sandbox (which charges and enforces these) and the client (which shows
them); the sandbox publishes them with `/application-types`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

FEES_SOURCE = "IND, Fees and costs of an application (ind.nl/en/fees-costs-of-an-application)"
THRESHOLDS_SOURCE = ("IND, Required amounts income requirements "
                     "(ind.nl/en/required-amounts-income-requirements)")
# The EU Blue Card Directive 2021/1883 as implemented from 12 June 2024: a lower threshold,
# a reduced criterion for recent graduates, and work experience instead of a degree.
BLUE_CARD_2024 = date(2024, 6, 12)


class FeeGroup(StrEnum):
    STANDARD = "standard"
    FAMILY = "family"
    RESEARCHER = "researcher"
    FREE = "free"


class ThresholdKind(StrEnum):
    HSM_30_PLUS = "hsm_30_plus"
    HSM_UNDER_30 = "hsm_under_30"
    HSM_REDUCED = "hsm_reduced"
    BLUE_CARD = "blue_card"
    BLUE_CARD_REDUCED = "blue_card_reduced"


@dataclass(frozen=True)
class Figure:
    """An amount in whole euros for `year`, applying from `since` (1 January unless a rule
    changed within the year)."""

    amount: int
    year: int
    source: str
    provisional: bool = False
    since: date | None = None

    @property
    def starts(self) -> date:
        return self.since or date(self.year, 1, 1)


def _published(amounts: dict[int, int], source: str) -> tuple[Figure, ...]:
    return tuple(Figure(amount, year, source) for year, amount in sorted(amounts.items()))


def _basis(year: int, basis: str) -> str:
    return f"not published for {year}: provisional, {basis}"


FEE_FIGURES: dict[FeeGroup, tuple[Figure, ...]] = {
    FeeGroup.STANDARD: _published({2024: 380, 2025: 405, 2026: 423}, FEES_SOURCE),
    FeeGroup.FAMILY: (
        *_published({2024: 228, 2025: 243}, FEES_SOURCE),
        Figure(243, 2026, _basis(2026, "the 2025 family fee"), provisional=True),
    ),
    # No researcher fee is published in this portal's sources for any year: the standard fee
    # of the year stands in, said to be provisional.
    FeeGroup.RESEARCHER: tuple(
        Figure(f.amount, f.year, _basis(f.year, f"the standard fee of {f.year}"),
               provisional=True)
        for f in _published({2024: 380, 2025: 405, 2026: 423}, FEES_SOURCE)),
    FeeGroup.FREE: tuple(Figure(0, y, "a notification is free of charge")
                         for y in (2024, 2025, 2026)),
}


def _thresholds(year: int, amounts: dict[ThresholdKind, int]) -> dict[ThresholdKind, Figure]:
    return {k: Figure(a, year, THRESHOLDS_SOURCE) for k, a in amounts.items()}


_T2026 = {ThresholdKind.HSM_30_PLUS: 5942, ThresholdKind.HSM_UNDER_30: 4357,
          ThresholdKind.HSM_REDUCED: 3122, ThresholdKind.BLUE_CARD: 5942,
          ThresholdKind.BLUE_CARD_REDUCED: 4754}

# Gross monthly salary, excluding the 8% holiday allowance, per criterion; each list in the
# order the figures took effect.
THRESHOLD_FIGURES: dict[ThresholdKind, tuple[Figure, ...]] = {kind: () for kind in ThresholdKind}
for _row in (
    _thresholds(2024, {ThresholdKind.HSM_30_PLUS: 5331, ThresholdKind.HSM_UNDER_30: 3909,
                       ThresholdKind.HSM_REDUCED: 2801, ThresholdKind.BLUE_CARD: 6245}),
    # From 12 June 2024: the lower Blue Card threshold and, new, its reduced criterion.
    {ThresholdKind.BLUE_CARD: Figure(5331, 2024, THRESHOLDS_SOURCE, since=BLUE_CARD_2024),
     ThresholdKind.BLUE_CARD_REDUCED: Figure(4265, 2024, THRESHOLDS_SOURCE,
                                             since=BLUE_CARD_2024)},
    _thresholds(2025, {ThresholdKind.HSM_30_PLUS: 5688, ThresholdKind.HSM_UNDER_30: 4171,
                       ThresholdKind.HSM_REDUCED: 2989, ThresholdKind.BLUE_CARD: 5688,
                       ThresholdKind.BLUE_CARD_REDUCED: 4551}),
    _thresholds(2026, _T2026),
    {k: Figure(a, 2027, _basis(2027, "the 2026 figure"), provisional=True)
     for k, a in _T2026.items()},
):
    for _kind, _figure in _row.items():
        THRESHOLD_FIGURES[_kind] += (_figure,)
TABLE_STARTS = date(2024, 1, 1)


def _stand_in(figure: Figure, year: int) -> Figure:
    """A provisional figure for a year the table does not hold, based on `figure`."""
    return replace(figure, year=year, since=None, provisional=True,
                   source=_basis(year, f"the {figure.year} figure"))


def fee_figure(group: FeeGroup, year: int) -> Figure:
    """The fee of `group` in `year`; a year outside the table gets the nearest year's figure,
    marked provisional."""
    table = FEE_FIGURES[group]
    for figure in table:
        if figure.year == year:
            return figure
    nearest = table[-1] if year > table[-1].year else table[0]
    return _stand_in(nearest, year)


def threshold_on(kind: ThresholdKind, day: date) -> Figure | None:
    """The threshold of `kind` that applies on `day`, or None when that criterion did not
    exist then (the reduced Blue Card threshold before 12 June 2024). A day outside the
    table gets the nearest figure, marked provisional."""
    table = THRESHOLD_FIGURES[kind]
    if day < TABLE_STARTS:
        first = threshold_on(kind, TABLE_STARTS)
        return None if first is None else _stand_in(first, day.year)
    current = [f for f in table if f.starts <= day]
    if not current:
        return None
    figure = current[-1]
    return figure if figure.year == day.year else _stand_in(figure, day.year)


def thresholds_of_year(kinds: tuple[ThresholdKind, ...], year: int
                       ) -> list[tuple[ThresholdKind, Figure]]:
    """Every figure of `kinds` that applies at some point of `year`, in order (the Blue Card
    had two in 2024)."""
    out: list[tuple[ThresholdKind, Figure]] = []
    for kind in kinds:
        starts = sorted({date(year, 1, 1)} | {f.starts for f in THRESHOLD_FIGURES[kind]
                                               if f.starts.year == year})
        for day in starts:
            figure = threshold_on(kind, day)
            if figure is not None:
                out.append((kind, figure))
    return out
