"""The sandbox's admin side as people use it: moving the portal clock, faults, and the test
identities in words. The TUI's sandbox panel and `ind-tui sandbox ...` both go through here,
so a span, a time or a fault is read and described one way.

    control = SandboxControl(conn.sandbox_admin())
    moved = await control.move_clock(ClockChange(advance_seconds=parse_span("40d").seconds))
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ind_tui.api.sandbox_admin import (
    ClockChange,
    ClockState,
    Fault,
    FaultKind,
    FaultList,
    FaultSpec,
    Identity,
)
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.domain.clock import AMSTERDAM
from ind_tui.i18n import known, text
from ind_tui.i18n.format import plural

_PART = re.compile(r"(\d+)(ms|d|h|m|s)")
CLOCK_UNITS = ("d", "h", "m", "s")
DELAY_UNITS = ("ms", "s", "m")
_MS = {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000}
DEFAULT_DELAY_MS = 2000
MAX_ADVANCE = timedelta(days=3650)
# Day first, as every date the app shows (31-12-2026 23:59); ISO is read too (2026-12-31T23:59).
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2}))?$")


class SandboxInputError(ValueError):
    """What was typed cannot be used: a text key (of the `cli.sandbox.*` texts) and its
    values, so each caller says it in its own language."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values

    def text(self, lang: str) -> str:
        return text(self.key, lang, **self.values)


def parse_span(value: str, units: tuple[str, ...] = CLOCK_UNITS) -> timedelta:
    """`3d`, `2h`, `90m`, `1d12h`, `500ms` (in the given units) as a timedelta."""
    parts = _PART.findall(value.strip())
    if not parts or "".join(n + u for n, u in parts) != value.strip() or any(
            u not in units for _, u in parts):
        raise SandboxInputError("cli.sandbox.bad_span", value=value, units=", ".join(units))
    return timedelta(milliseconds=sum(int(n) * _MS[u] for n, u in parts))


def show_span(delta: timedelta) -> str:
    """3d 2h 5m, from a whole number of seconds; 0s for none."""
    seconds = int(delta.total_seconds())
    out = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            out.append(f"{count}{unit}")
    return " ".join(out) or "0s"


def parse_moment(value: str) -> datetime:
    """A portal time as typed: 31-12-2026 23:59, 31-12-2026 (midnight) or ISO
    2026-12-31T23:59; Amsterdam time unless a zone is given."""
    raw = value.strip()
    try:
        if m := _DAY_FIRST.match(raw):
            day = date(int(m[3]), int(m[2]), int(m[1]))
            at = time(int(m[4] or 0), int(m[5] or 0))
            return datetime.combine(day, at, AMSTERDAM)
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise SandboxInputError("cli.sandbox.bad_time", value=value) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


def advance(span: str) -> ClockChange:
    """The change that moves the clock on by `span` (e.g. 40d)."""
    delta = parse_span(span, CLOCK_UNITS)
    if delta > MAX_ADVANCE:
        raise SandboxInputError("cli.sandbox.span_too_long", value=span)
    return ClockChange(advance_seconds=int(delta.total_seconds()))


def fault_spec(route: str, kind: str, count: int | None = None,
               delay: str | None = None) -> FaultSpec:
    """The fault asked for; an unknown kind or a bad option is refused before sending."""
    kinds = [k.value for k in FaultKind]
    if kind not in kinds:
        raise SandboxInputError("cli.sandbox.unknown_kind", kind=kind, kinds=", ".join(kinds))
    chosen = FaultKind(kind)
    if count is not None and count < 1:
        raise SandboxInputError("cli.sandbox.bad_count")
    options: dict[str, int | None] = {"count": count}
    span = parse_span(delay, DELAY_UNITS) if delay else None
    if chosen is FaultKind.LATENCY:
        ms = DEFAULT_DELAY_MS if span is None else span // timedelta(milliseconds=1)
        if not 0 < ms <= 120_000:
            raise SandboxInputError("cli.sandbox.bad_delay", value=delay)
        options["latency_ms"] = ms
    elif chosen in (FaultKind.UNAVAILABLE, FaultKind.RATE_LIMIT):
        if span is not None:
            options["retry_after"] = min(3600, math.ceil(span.total_seconds()))
    elif span is not None:
        raise SandboxInputError("cli.sandbox.delay_not_for", kind=chosen.value)
    return FaultSpec(route=route, kind=chosen, **options)  # type: ignore[arg-type]


def fault_line(fault: Fault, lang: str, sep: str = "  ") -> str:
    """One fault in a line: #id, route, kind, its option, how often it is left to fire."""
    parts = [f"#{fault.id}", fault.route, fault.kind.value]
    if fault.kind is FaultKind.LATENCY:
        parts.append(f"{fault.latency_ms} ms")
    elif fault.kind in (FaultKind.UNAVAILABLE, FaultKind.RATE_LIMIT):
        parts.append(f"Retry-After {fault.retry_after} s")
    if fault.form_type:
        parts.append(fault.form_type)
    parts.append(plural("cli.sandbox.fault_left", fault.remaining, lang)
                 if fault.remaining is not None else text("cli.sandbox.fault_always", lang))
    parts.append(text("cli.sandbox.fault_fired", lang, n=fault.fired))
    return sep.join(parts)


# --- the test identities in words -----------------------------------------------------------


def identity_outcome(ident: Identity, lang: str) -> str:
    """What logging in as `ident` becomes, in a few words: the role, or why the portal
    refuses (a code this version has no short words for: its guidance title)."""
    code = ident.role.value if ident.role is not None else str(ident.expected_error)
    if known(f"sandbox.outcome.{code}"):
        return text(f"sandbox.outcome.{code}", lang)
    key = f"home.role.{code}" if ident.role is not None else f"guidance.{code}.title"
    reason = text(key, lang) if known(key) else code
    return reason if ident.role is not None else text("sandbox.identity.refused", lang,
                                                        reason=reason)


def identity_purpose(ident: Identity, lang: str) -> str:
    """What the identity is for. The sandbox says it in English; the catalogue has it by
    name in both languages (a new identity shows the sandbox's words until it is added)."""
    key = f"sandbox.identity.{ident.name}"
    return text(key, lang) if known(key) else ident.purpose


# --- the calls ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClockMove:
    before: datetime
    after: datetime
    running: bool


class SandboxControl:
    """The sandbox admin calls the panel makes, each answering with what changed."""

    def __init__(self, admin: SandboxAdmin) -> None:
        self.admin = admin

    async def clock(self) -> ClockState:
        return await self.admin.clock()

    async def move_clock(self, change: ClockChange) -> ClockMove:
        state = await self.admin.set_clock(change)
        return ClockMove(state.before or state.now, state.now, state.running)

    async def faults(self) -> FaultList:
        return await self.admin.faults()

    async def add_fault(self, spec: FaultSpec) -> tuple[Fault, FaultList]:
        added = await self.admin.add_fault(spec)
        return added, await self.admin.faults()

    async def clear_faults(self, route: str | None = None) -> tuple[int, FaultList]:
        """Remove every fault (or those on `route`): how many went, and those left."""
        before = await self.admin.faults()
        await self.admin.clear_faults(route)
        gone = sum(1 for f in before.faults if route is None or f.route == route)
        return gone, await self.admin.faults()

    async def identities(self) -> list[Identity]:
        return await self.admin.identities()
