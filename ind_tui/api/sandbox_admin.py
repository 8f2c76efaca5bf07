"""Wire models of the sandbox's administration: identities, clock, faults and fees."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from ind_tui.api.auth import Role
from ind_tui.api.wire import IsoDateTime, KvK, Strict, Wire


class Identity(Wire):
    name: str = Field(description="stable handle to pick this identity by")
    person_name: str
    kvk: str = KvK
    acting_for: str | None = Field(default=None, description="KvK this person represents")
    assurance_level: str
    has_portal_service: bool
    role: Role | None = Field(description="what a successful login becomes; None if refused")
    expected_error: str | None = Field(description="the ErrorCode a login ends in, if refused")
    purpose: str = Field(description="what this identity is for, in a sentence")


class ApproveRequest(Strict):
    user_code: str = Field(min_length=1, max_length=20)
    identity: str = Field(min_length=1, max_length=60)


class ApproveResult(Wire):
    user_code: str
    identity: str
    approved: bool
    error_code: str | None


class ClockState(Wire):
    now: datetime
    last_refresh: datetime
    running: bool
    before: datetime | None = Field(
        default=None, description="after a change: the portal time just before it")


class ClockChange(Strict):
    advance_days: int = Field(default=0, ge=0, le=3650)
    advance_seconds: int = Field(default=0, ge=0, le=86400 * 3650)
    set_to: IsoDateTime | None = None
    running: bool | None = None


class FaultKind(StrEnum):
    LATENCY = "latency"
    UNAVAILABLE = "unavailable"  # 503 service temporarily unavailable
    SERVER_ERROR = "server_error"  # 500
    RATE_LIMIT = "rate_limit"  # 429 with Retry-After
    COMMIT_THEN_DROP = "commit_then_drop"  # the work is done, the answer never arrives
    COMMIT_THEN_ERROR = "commit_then_error"  # the work is done, the answer is a 500


class FaultSpec(Strict):
    route: str = Field(
        min_length=1, max_length=80, description="route name (see /sandbox/faults) or '*'"
    )
    kind: FaultKind
    probability: float = Field(default=1.0, ge=0.0, le=1.0)
    count: int | None = Field(default=None, ge=1, description="fire at most this often")
    latency_ms: int = Field(default=0, ge=0, le=120_000)
    retry_after: int = Field(default=1, ge=0, le=3600)
    form_type: str | None = Field(default=None, max_length=60)


class Fault(Wire):
    id: int
    route: str
    kind: FaultKind
    probability: float
    remaining: int | None
    latency_ms: int
    retry_after: int
    form_type: str | None
    fired: int


class FaultList(Wire):
    faults: list[Fault]
    routes: list[str]


class FeeChange(Strict):
    type_id: str = Field(min_length=1, max_length=60)
    year: int = Field(ge=2020, le=2100)
    fee_eur: int = Field(ge=0, le=100_000)
