"""Domain rules: application types, deadlines and who pays which fee group. The fees and
salary thresholds per year are data in figures.py.

One source for the sandbox (which enforces them) and the client (which explains them).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from ind_tui.domain.forms.figures import FeeGroup, ThresholdKind


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


def hsm_threshold_kind(born: date, on: date, reduced: bool) -> ThresholdKind:
    """Which highly skilled migrant criterion applies; age is taken on the submission date."""
    if reduced:
        return ThresholdKind.HSM_REDUCED
    return ThresholdKind.HSM_UNDER_30 if age_on(born, on) < 30 else ThresholdKind.HSM_30_PLUS


UNMARRIED_DECLARATION_MAX_MONTHS = 6
GRADUATE_WINDOW_MONTHS = 36  # the reduced criterion: graduated within the last 3 years
