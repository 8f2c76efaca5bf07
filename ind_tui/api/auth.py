"""Wire models of the portal itself, the device login and who is logged in (`/me`)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from ind_tui.api.wire import KvK, Strict, Wire


class PortalInfo(Wire):
    name: str
    api_version: str
    sandbox: bool
    now: datetime = Field(description="the portal's clock; deadlines are computed against it")
    last_refresh: datetime = Field(description="when case data was last refreshed (daily)")
    max_document_bytes: int
    accepted_media_types: list[str]
    access_token_ttl_seconds: int


class DeviceAuthRequest(Strict):
    client_id: str = Field(min_length=1, max_length=100)
    scope: str | None = Field(default=None, max_length=200)


class DeviceAuthResponse(Wire):
    device_code: str
    user_code: str
    verification_uri: str
    verification_uri_complete: str
    expires_in: int
    interval: int


class TokenRequest(Strict):
    grant_type: Literal["urn:ietf:params:oauth:grant-type:device_code"]
    device_code: str = Field(min_length=1, max_length=200)
    client_id: str = Field(min_length=1, max_length=100)


class RefreshRequest(Strict):
    refresh_token: str = Field(min_length=1, max_length=200)


class LogoutRequest(Strict):
    refresh_token: str | None = Field(default=None, max_length=200)


class TokenResponse(Wire):
    access_token: str
    refresh_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int
    refresh_expires_in: int


class Role(StrEnum):
    SPONSOR = "sponsor"  # recognised sponsor, acting for itself
    EMPLOYER = "employer"  # not recognised: submit a few types only
    REPRESENTATIVE = "representative"  # intermediary acting for a recognised sponsor
    SANDBOX_ADMIN = "sandbox_admin"


class Purpose(StrEnum):
    LABOUR = "labour"
    RESEARCH = "research"
    STUDY = "study"
    EXCHANGE = "exchange"


class Service(StrEnum):
    SUBMIT = "submit_applications"
    CASES = "view_cases"
    EMPLOYEES = "employees"
    ACCOUNT = "account"
    DOCUMENTS = "documents"


class Recognition(Wire):
    purpose: Purpose
    since: date


class CompanyRef(Wire):
    kvk: str = KvK
    name: str


class ServiceAccess(Wire):
    service: Service
    allowed: bool
    reason_code: str | None = Field(default=None, description="why not, as an ErrorCode")


class Me(Wire):
    person_name: str
    assurance_level: str
    role: Role
    company: CompanyRef = Field(description="the company the person logged in with")
    acting_for: CompanyRef | None = Field(default=None, description="set for representatives")
    recognitions: list[Recognition]
    services: list[ServiceAccess]
    now: datetime
