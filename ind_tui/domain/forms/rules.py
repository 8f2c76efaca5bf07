"""Domain rules as tables per year: application types, fees, salary thresholds, deadlines.

One source for the sandbox (which enforces them) and the client (which explains them).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class FeeGroup(StrEnum):
    STANDARD = "standard"
    FAMILY = "family"
    RESEARCHER = "researcher"
    FREE = "free"


# Fees in EUR by group and year. None = not published: the portal's configured fee is used
# and marked provisional (DOMAIN.md: family 2026 unknown, researcher configurable).
FEES: dict[FeeGroup, dict[int, int | None]] = {
    FeeGroup.STANDARD: {2024: 380, 2025: 405, 2026: 423},
    FeeGroup.FAMILY: {2024: 228, 2025: 243, 2026: None},
    FeeGroup.RESEARCHER: {2024: None, 2025: None, 2026: None},
    FeeGroup.FREE: {2024: 0, 2025: 0, 2026: 0},
}


@dataclass(frozen=True)
class TypeRule:
    id: str
    name_nl: str
    name_en: str
    fee_group: FeeGroup
    decision_days: int
    # Recognition purpose a sponsor needs to file this type; None = only the notification.
    purpose: str | None
    open_to_non_recognised: bool = False
    is_extension: bool = False
    # Decision period when filed by a non-recognised employer, if it differs.
    decision_days_non_recognised: int | None = None
    form_version: int = 1


APPLICATION_TYPES: tuple[TypeRule, ...] = (
    TypeRule(
        "hsm_first_mvv",
        "Kennismigrant, eerste aanvraag met mvv (TEV)",
        "Highly skilled migrant, first application with MVV (TEV)",
        FeeGroup.STANDARD, 90, "labour",
    ),
    TypeRule(
        "hsm_first_vvr",
        "Kennismigrant, eerste aanvraag zonder mvv (VVR)",
        "Highly skilled migrant, first application without MVV (VVR)",
        FeeGroup.STANDARD, 90, "labour",
    ),
    TypeRule(
        "hsm_extension",
        "Kennismigrant, verlenging",
        "Highly skilled migrant, extension",
        FeeGroup.STANDARD, 90, "labour", is_extension=True,
    ),
    TypeRule(
        "hsm_change_employer",
        "Kennismigrant, wisseling van werkgever",
        "Highly skilled migrant, change of employer",
        FeeGroup.STANDARD, 90, "labour",
    ),
    TypeRule(
        "family_first",
        "Gezinsleden van een kennismigrant, eerste aanvraag",
        "Family members of a highly skilled migrant, first application",
        FeeGroup.FAMILY, 90, "labour",
    ),
    TypeRule(
        "family_extension",
        "Gezinsleden van een kennismigrant, verlenging",
        "Family members of a highly skilled migrant, extension",
        FeeGroup.FAMILY, 90, "labour", is_extension=True,
    ),
    TypeRule(
        "eu_blue_card",
        "Europese blauwe kaart",
        "EU Blue Card",
        FeeGroup.STANDARD, 30, "labour", open_to_non_recognised=True,
        decision_days_non_recognised=90,
    ),
    TypeRule(
        "ict",
        "Binnen een onderneming overgeplaatste werknemer (ICT)",
        "Intra-corporate transferee (ICT)",
        FeeGroup.STANDARD, 90, "labour", open_to_non_recognised=True,
    ),
    TypeRule(
        "researcher",
        "Wetenschappelijk onderzoeker (richtlijn 2016/801)",
        "Scientific researcher (Directive 2016/801)",
        FeeGroup.RESEARCHER, 60, "research",
    ),
    TypeRule(
        "position_notification",
        "Melding wijziging positie referent",
        "Notification of a change in the sponsor's position",
        FeeGroup.FREE, 0, None,
    ),
)

TYPES_BY_ID: dict[str, TypeRule] = {t.id: t for t in APPLICATION_TYPES}

# Target decision time for a complete application from a recognised sponsor (DOMAIN.md).
RECOGNISED_TARGET_DAYS = 14


def published_fee(group: FeeGroup, year: int) -> int | None:
    """The published fee, or None when that year's fee is not known."""
    table = FEES[group]
    if year in table:
        return table[year]
    return None


class ThresholdKind(StrEnum):
    HSM_30_PLUS = "hsm_30_plus"
    HSM_UNDER_30 = "hsm_under_30"
    HSM_REDUCED = "hsm_reduced"
    BLUE_CARD = "blue_card"
    BLUE_CARD_REDUCED = "blue_card_reduced"


# Gross monthly salary in EUR, excluding 8% holiday allowance, by year of submission.
SALARY_THRESHOLDS: dict[int, dict[ThresholdKind, int]] = {
    2024: {
        ThresholdKind.HSM_30_PLUS: 5331,
        ThresholdKind.HSM_UNDER_30: 3909,
        ThresholdKind.HSM_REDUCED: 2801,
        ThresholdKind.BLUE_CARD: 5331,
        ThresholdKind.BLUE_CARD_REDUCED: 4265,
    },
    2025: {
        ThresholdKind.HSM_30_PLUS: 5688,
        ThresholdKind.HSM_UNDER_30: 4171,
        ThresholdKind.HSM_REDUCED: 2989,
        ThresholdKind.BLUE_CARD: 5688,
        ThresholdKind.BLUE_CARD_REDUCED: 4551,
    },
    2026: {
        ThresholdKind.HSM_30_PLUS: 5942,
        ThresholdKind.HSM_UNDER_30: 4357,
        ThresholdKind.HSM_REDUCED: 3122,
        ThresholdKind.BLUE_CARD: 5942,
        ThresholdKind.BLUE_CARD_REDUCED: 4754,
    },
}

EXTENSION_WINDOW_MONTHS = 3
DEREGISTRATION_DEADLINE_DAYS = 28  # report within 4 weeks
ADDRESS_CHANGE_DEADLINE_DAYS = 14  # administration address: within 2 weeks
COMPLETED_VISIBLE_DAYS = 28  # completed cases leave the portal list after 28 days


def add_months(d: date, months: int) -> date:
    """Calendar months; the day is clipped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def extension_opens(permit_expiry: date) -> date:
    """First day an extension may be filed: three months before the permit expires."""
    return add_months(permit_expiry, -EXTENSION_WINDOW_MONTHS)


def age_on(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def salary_threshold(kind: ThresholdKind, year: int) -> tuple[int, int]:
    """(threshold, year of the table used). A year past the table uses the newest one and a
    year before it the oldest, so a check never fails for want of a table."""
    known = sorted(SALARY_THRESHOLDS)
    used = min(max(year, known[0]), known[-1])
    return SALARY_THRESHOLDS[used][kind], used


def hsm_threshold_kind(born: date, on: date, reduced: bool) -> ThresholdKind:
    """Which highly skilled migrant criterion applies; age is taken on the submission date."""
    if reduced:
        return ThresholdKind.HSM_REDUCED
    return ThresholdKind.HSM_UNDER_30 if age_on(born, on) < 30 else ThresholdKind.HSM_30_PLUS


UNMARRIED_DECLARATION_MAX_MONTHS = 6
GRADUATE_WINDOW_MONTHS = 36  # the reduced criterion: graduated within the last 3 years
