"""The sandbox's configuration and its running state (database, clock, faults)."""

from __future__ import annotations

import hashlib
import random
import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

import anyio

from ind_tui.api.auth import Role, Service, ServiceAccess
from ind_tui.api.wire import ErrorCode
from ind_tui.base.pdfcheck import PdfVerdict
from ind_tui.domain.forms.figures import Figure, fee_figure
from ind_tui.domain.forms.rules import TYPES_BY_ID, TypeRule
from ind_tui.sandbox.auth import Principal
from ind_tui.sandbox.bounds import ServerBounds
from ind_tui.sandbox.clock import DEFAULT_START, SandboxClock, refresh_point
from ind_tui.sandbox.db import Database, iso, parse_iso, set_meta
from ind_tui.sandbox.errors import PortalError
from ind_tui.sandbox.faults import FaultStore
from ind_tui.sandbox.lifecycle import materialise
from ind_tui.sandbox.seed import (
    seed_demo,
    seed_extra_cases,
    seed_extra_employees,
    seed_world,
)

SET_BY_SUPPORT = "set by the portal's support staff (POST /sandbox/fees)"

MAX_DOCUMENT_BYTES = 8 * 1024 * 1024
PDF_CHECKS_AT_ONCE = 2  # one per core of a small server; the rest wait their turn
KNOWN_VERDICTS = 256


@dataclass
class SandboxConfig:
    db_path: Path
    seed: Literal["demo", "none"] = "demo"
    extra_cases: int = 0
    extra_employees: int = 0  # for the sponsor (sponsor-eh3's company), for scale tests
    admin_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    access_token_ttl: int = 15 * 60
    refresh_token_ttl: int = 90 * 86400
    device_code_ttl: int = 600
    device_interval: int = 5
    clock_running: bool = False
    start: datetime = DEFAULT_START
    public_url: str | None = None
    fault_seed: int = 0
    sandbox_admin: bool = True  # False: a portal without the /sandbox admin routes
    max_document_bytes: int = MAX_DOCUMENT_BYTES
    code_seed: int | None = None  # seeded login codes, for screenshots that must not change
    bounds: ServerBounds = field(default_factory=ServerBounds)


# Which services each role may use, and why not (an ErrorCode the client explains).
SERVICES: dict[Role, dict[Service, str | None]] = {
    Role.SPONSOR: {s: None for s in Service},
    Role.REPRESENTATIVE: {
        Service.SUBMIT: None, Service.CASES: None, Service.EMPLOYEES: None,
        Service.DOCUMENTS: None, Service.ACCOUNT: "representative_no_account",
    },
    Role.EMPLOYER: {
        Service.SUBMIT: None, **{s: "not_recognised" for s in Service if s is not Service.SUBMIT}
    },
}


class Sandbox:
    def __init__(self, config: SandboxConfig) -> None:
        self.config = config
        self.db = Database(config.db_path)
        self.clock = SandboxClock(self.db, config.start, config.clock_running)
        self._refresh_lock = threading.Lock()
        self._seed()
        self.faults = FaultStore(self.db, config.fault_seed)
        self._last_refresh: datetime | None = None
        self._count_cache: dict[str, int] = {}
        self.ensure_refreshed()
        self.bound_url: str | None = None
        self.code_rng = random.Random(config.code_seed) if config.code_seed is not None else None
        self.route_names: list[str] = []
        self._pdf_checks: anyio.CapacityLimiter | None = None
        # Verdicts on documents seen before (by content and size limit): a document sent
        # again after a lost answer, or attached to several applications, is parsed once.
        self.pdf_verdicts: OrderedDict[tuple[str, int], PdfVerdict] = OrderedDict()

    def pdf_checks(self) -> anyio.CapacityLimiter:
        """How many uploads are parsed at once; made on first use, inside the server's loop."""
        if self._pdf_checks is None:
            self._pdf_checks = anyio.CapacityLimiter(PDF_CHECKS_AT_ONCE)
        return self._pdf_checks

    def known_verdict(self, data: bytes, limit: int) -> tuple[tuple[str, int], PdfVerdict | None]:
        key = (hashlib.sha256(data).hexdigest(), limit)
        return key, self.pdf_verdicts.get(key)

    def remember_verdict(self, key: tuple[str, int], verdict: PdfVerdict) -> None:
        self.pdf_verdicts[key] = verdict
        while len(self.pdf_verdicts) > KNOWN_VERDICTS:
            self.pdf_verdicts.popitem(last=False)

    def _seed(self) -> None:
        if self.db.get_meta("seeded") is None:
            now = self.clock.now()
            with self.db.write() as conn:
                seed_world(conn)
                if self.config.seed == "demo":
                    seed_demo(conn, now)
                set_meta(conn, "seeded", self.config.seed)
                set_meta(conn, "extra_cases", "0")
        done = int(self.db.get_meta("extra_cases") or 0)
        if self.config.extra_cases > done:
            with self.db.write() as conn:
                seed_extra_cases(conn, self.config.extra_cases - done, self.clock.now())
                set_meta(conn, "extra_cases", str(self.config.extra_cases))
                set_meta(conn, "last_refresh", "")  # re-materialise the new cases
        done = int(self.db.get_meta("extra_employees") or 0)
        if self.config.extra_employees > done:
            with self.db.write() as conn:
                seed_extra_employees(conn, self.config.extra_employees - done, self.clock.now())
                set_meta(conn, "extra_employees", str(self.config.extra_employees))

    def public_url(self) -> str:
        return self.config.public_url or self.bound_url or "http://127.0.0.1"

    # --- daily refresh --------------------------------------------------------------------

    def ensure_refreshed(self) -> datetime:
        """The portal shows case data as of its last daily refresh; catch up if a day passed."""
        point = refresh_point(self.clock.now())
        if self._last_refresh is not None and self._last_refresh >= point:
            return self._last_refresh
        with self._refresh_lock:
            stored = self.db.get_meta("last_refresh")
            previous = parse_iso(stored) if stored else None
            if previous is None or previous < point:
                with self.db.write() as conn:
                    materialise(conn, previous, point)
                    set_meta(conn, "last_refresh", iso(point))
                    self.bump_version(conn)
                previous = point
            self._last_refresh = previous
            return previous

    def reloaded(self) -> None:
        """The whole state was replaced (a scenario loaded): forget what was kept of it."""
        self._last_refresh = None
        self._count_cache.clear()

    def bump_version(self, conn: object) -> None:
        conn.execute(  # type: ignore[attr-defined]
            "INSERT INTO counters (name, value) VALUES ('cases_version', 1) "
            "ON CONFLICT(name) DO UPDATE SET value = value + 1"
        )
        self._count_cache.clear()

    def cases_version(self) -> int:
        row = self.db.read().execute(
            "SELECT value FROM counters WHERE name='cases_version'"
        ).fetchone()
        return 0 if row is None else int(row[0])

    def cached_count(self, key: str, compute: object) -> int:
        if key not in self._count_cache:
            if len(self._count_cache) > 256:
                self._count_cache.clear()
            self._count_cache[key] = compute()  # type: ignore[operator]
        return self._count_cache[key]

    # --- who may do what ------------------------------------------------------------------

    @staticmethod
    def services(role: Role) -> list[ServiceAccess]:
        table = SERVICES.get(role, {})
        return [
            ServiceAccess(service=s, allowed=table.get(s) is None and s in table,
                          reason_code=table.get(s))
            for s in Service
        ]

    @staticmethod
    def require(principal: Principal, service: Service) -> None:
        reason = SERVICES.get(principal.role, {}).get(service, "forbidden")
        if reason is not None:
            raise PortalError(403, ErrorCode.SERVICE_NOT_ALLOWED,
                              f"this account may not use {service.value}",
                              {"service": service.value, "reason": reason,
                               "role": principal.role.value})

    def recognitions(self, kvk: str) -> list[tuple[str, str]]:
        rows = self.db.read().execute(
            "SELECT purpose, since FROM recognitions WHERE kvk=? ORDER BY purpose", (kvk,)
        ).fetchall()
        return [(r["purpose"], r["since"]) for r in rows]

    def allowed_types(self, principal: Principal) -> list[TypeRule]:
        purposes = {p for p, _ in self.recognitions(principal.company_kvk)}
        out = []
        for rule in TYPES_BY_ID.values():
            if principal.role is Role.EMPLOYER:
                ok = rule.open_to_non_recognised
            elif rule.purpose is None:  # the sponsor's own notification
                ok = principal.role is Role.SPONSOR
            else:
                ok = rule.purpose in purposes
            if ok:
                out.append(rule)
        return out

    def fee(self, rule: TypeRule, year: int) -> Figure:
        """The fee charged in `year`: one set by support staff (POST /sandbox/fees) where
        there is one, else the figures table's, provisional where nothing is published. A
        provisional row of the database is the table's figure of an earlier seed: the table
        decides."""
        figure = fee_figure(rule.fee_group, year)
        row = self.db.read().execute(
            "SELECT fee, provisional FROM fees WHERE fee_group=? AND year=?",
            (rule.fee_group.value, year),
        ).fetchone()
        if row is not None and not row["provisional"] and (
                figure.provisional or int(row["fee"]) != figure.amount):
            return Figure(int(row["fee"]), year, SET_BY_SUPPORT)
        return figure

    def decision_days(self, rule: TypeRule, principal: Principal) -> int:
        if principal.role is Role.EMPLOYER and rule.decision_days_non_recognised:
            return rule.decision_days_non_recognised
        return rule.decision_days
