"""The sandbox's companies and test identities (static data, deterministic).

Each identity exists to show one situation from DOMAIN.md; its `purpose` says which, so a
test or a support person can pick it by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ind_tui.api.auth import Role
from ind_tui.api.sandbox_admin import Identity
from ind_tui.api.wire import ErrorCode

NOORDZEE = "12345678"
UNIVERSITY = "23456789"
MOLEN = "34567890"
PAYROLL = "45678901"
DELTA = "56789012"
RIJNMOND = "67890123"
BROKEN = "78901234"
HOLDING = "89012345"


@dataclass(frozen=True)
class Company:
    kvk: str
    name: str
    recognised: bool
    recognitions: tuple[tuple[str, date], ...] = ()
    broken: bool = False
    city: str = "Amsterdam"
    street: str = "Keizersgracht"
    number: str = "1"
    postcode: str = "1015 CJ"


COMPANIES: tuple[Company, ...] = (
    Company(NOORDZEE, "Noordzee Technology B.V.", True, (("labour", date(2015, 3, 1)),),
            city="Rotterdam", street="Wilhelminakade", number="91", postcode="3072 AP"),
    Company(UNIVERSITY, "Universiteit van Voorbeeld", True,
            (("research", date(2014, 1, 1)), ("study", date(2014, 1, 1)),
             ("exchange", date(2019, 9, 1))),
            city="Utrecht", street="Heidelberglaan", number="8", postcode="3584 CS"),
    Company(MOLEN, "Bouwbedrijf De Molen B.V.", False,
            city="Zwolle", street="Molenweg", number="12", postcode="8012 WG"),
    Company(PAYROLL, "Payroll Partners B.V.", False,
            city="Den Haag", street="Lange Voorhout", number="20", postcode="2514 EE"),
    Company(DELTA, "Delta Software B.V.", True, (("labour", date(2018, 6, 15)),),
            city="Eindhoven", street="Kennedyplein", number="200", postcode="5611 ZT"),
    Company(RIJNMOND, "Rijnmond Logistics B.V.", True, (("labour", date(2020, 2, 1)),),
            city="Rotterdam", street="Waalhaven", number="5", postcode="3089 JH"),
    Company(BROKEN, "Grachtenhuis Consultancy B.V.", True, (("labour", date(2017, 5, 1)),),
            broken=True, city="Amsterdam", street="Herengracht", number="300",
            postcode="1016 CE"),
    Company(HOLDING, "Noordzee Technology Holding B.V.", False,
            city="Rotterdam", street="Wilhelminakade", number="91", postcode="3072 AP"),
)

COMPANIES_BY_KVK = {c.kvk: c for c in COMPANIES}

# (agent, sponsor, registered, since)
AUTHORISATIONS: tuple[tuple[str, str, bool, date | None], ...] = (
    (PAYROLL, NOORDZEE, True, date(2023, 4, 1)),
    (PAYROLL, DELTA, True, date(2024, 11, 12)),
    (PAYROLL, RIJNMOND, False, None),  # requested, not registered yet
)


@dataclass(frozen=True)
class IdentitySpec:
    name: str
    person_name: str
    kvk: str
    level: str
    has_service: bool
    purpose: str
    acting_for: str | None = None


IDENTITIES: tuple[IdentitySpec, ...] = (
    IdentitySpec("sponsor-eh3", "Anna de Vries", NOORDZEE, "EH3", True,
                 "HR officer of a recognised labour sponsor: the everyday user"),
    IdentitySpec("sponsor-eh4", "Pieter Bakker", NOORDZEE, "EH4", True,
                 "colleague of sponsor-eh3 in the same account: sees the same cases"),
    IdentitySpec("sponsor-eh2plus", "Sanne Jansen", NOORDZEE, "EH2+", True,
                 "assurance level too low: the eHerkenning provider refuses"),
    IdentitySpec("sponsor-no-service", "Bram Willems", NOORDZEE, "EH3", False,
                 "EH3 but the portal service is not authorised for this person"),
    IdentitySpec("wrong-kvk", "Thomas Visser", HOLDING, "EH3", True,
                 "eHerkenning issued for the holding's KvK: lands in another account"),
    IdentitySpec("research-eh3", "Lotte Smit", UNIVERSITY, "EH3", True,
                 "research institution recognised for research, study and exchange"),
    IdentitySpec("employer-eh3", "Jan de Boer", MOLEN, "EH3", True,
                 "employer that is not a recognised sponsor: submits Blue Card and ICT only"),
    IdentitySpec("broken-eh3", "Eva Mulder", BROKEN, "EH3", True,
                 "company data broken in the IND system: 'not available for you'"),
    IdentitySpec("agent-noordzee", "Mark de Graaf", PAYROLL, "EH3", True,
                 "payroll agency acting for Noordzee Technology (registered)",
                 acting_for=NOORDZEE),
    IdentitySpec("agent-delta", "Mark de Graaf", PAYROLL, "EH3", True,
                 "payroll agency acting for Delta Software (registered)", acting_for=DELTA),
    IdentitySpec("agent-unregistered", "Mark de Graaf", PAYROLL, "EH3", True,
                 "payroll agency acting for Rijnmond Logistics: authorisation not registered",
                 acting_for=RIJNMOND),
    IdentitySpec("agent-non-recognised", "Mark de Graaf", PAYROLL, "EH3", True,
                 "payroll agency acting for an employer that is not a recognised sponsor",
                 acting_for=MOLEN),
    IdentitySpec("delta-eh3", "Fatima El Amrani", DELTA, "EH3", True,
                 "Delta Software's own HR: sees every Delta case, also the agency's"),
)

IDENTITIES_BY_NAME = {i.name: i for i in IDENTITIES}

LEVELS = ("EH1", "EH2", "EH2+", "EH3", "EH4")


def login_outcome(spec: IdentitySpec) -> tuple[Role | None, ErrorCode | None]:
    """What logging in as `spec` becomes, by the rules of DOMAIN.md, in the order the
    chain applies them: eHerkenning provider first, then the IND's own data."""
    if LEVELS.index(spec.level) < LEVELS.index("EH3"):
        return None, ErrorCode.EH_LEVEL_INSUFFICIENT
    if not spec.has_service:
        return None, ErrorCode.EH_SERVICE_MISSING
    own = COMPANIES_BY_KVK.get(spec.kvk)
    if own is None or own.broken:
        return None, ErrorCode.NOT_AVAILABLE_FOR_YOU
    if spec.acting_for is None:
        return (Role.SPONSOR if own.recognised else Role.EMPLOYER), None
    sponsor = COMPANIES_BY_KVK.get(spec.acting_for)
    if sponsor is None or sponsor.broken:
        return None, ErrorCode.NOT_AVAILABLE_FOR_YOU
    if not sponsor.recognised:
        return None, ErrorCode.REPRESENTATION_NOT_RECOGNISED
    registered = any(
        a == spec.kvk and s == spec.acting_for and ok for a, s, ok, _ in AUTHORISATIONS
    )
    if not registered:
        return None, ErrorCode.REPRESENTATION_NOT_REGISTERED
    return Role.REPRESENTATIVE, None


def identity_models() -> list[Identity]:
    out = []
    for spec in IDENTITIES:
        role, error = login_outcome(spec)
        out.append(
            Identity(
                name=spec.name, person_name=spec.person_name, kvk=spec.kvk,
                acting_for=spec.acting_for, assurance_level=spec.level,
                has_portal_service=spec.has_service, role=role,
                expected_error=error.value if error else None, purpose=spec.purpose,
            )
        )
    return out
