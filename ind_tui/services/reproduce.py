"""`ind-tui support reproduce BUNDLE`: from what a support bundle says to a sandbox that shows
the user's message without the user's data. `plan` reads the bundle (no I/O); `prepare` sets
a sandbox to the plan through its admin routes; `probe` makes the call that failed, with
made-up data, so the reproduced sandbox answers as the user's portal did. No Textual here."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ind_tui.api.routes import ROUTES, path_of
from ind_tui.api.sandbox_admin import ClockChange

if TYPE_CHECKING:
    from ind_tui.api.sandbox_admin import Identity
    from ind_tui.client.client import PortalClient
    from ind_tui.client.sandbox_admin import SandboxAdmin

# The fault that answers with the code the user saw.
FAULTS = {"service_unavailable": "unavailable", "internal_error": "server_error",
          "rate_limited": "rate_limit", "connection_dropped": "commit_then_drop"}
ROUTE_NAMES = frozenset(name for name, _, _ in ROUTES)
# The screens a bundle names, by the area the TUI opens for them.
AREAS = {
    "HomeScreen": "home", "CasesScreen": "cases", "CaseDetailScreen": "cases",
    "WizardScreen": "drafts", "FilingScreen": "drafts", "FiledScreen": "drafts",
    "NewApplicationScreen": "new", "DraftsScreen": "drafts", "EmployeesScreen": "employees",
    "ImportScreen": "employees", "AccountScreen": "account", "InboxScreen": "inbox",
    "MessageScreen": "inbox", "AnswerScreen": "inbox", "AppointmentsScreen": "appointments",
    "DueScreen": "due", "PaymentsScreen": "payments", "LoginScreen": "login",
}
# Longer than the sandbox keeps a session (refresh tokens: 90 days): logged in this long
# before the bundle's time, the session has lapsed at it.
SESSION_GAP = timedelta(days=100)
# A deregistration reported this long after the end of employment is late (4 weeks + 1 day).
LATE_BY = timedelta(days=29)


def _encrypted_pdf() -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt("made-up")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# A made-up document the portal refuses for each reason it gives (the user's own is never
# in a bundle): its file name and how to make it.
SAMPLE_DOCUMENTS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "document_not_pdf": ("not-a-pdf.pdf", lambda: b"This is plain text, not a PDF.\n"),
    "document_unreadable": ("unreadable.pdf",
                            lambda: b"%PDF-1.4\n%broken beyond reading\n%%EOF\n"),
    "document_encrypted": ("encrypted.pdf", _encrypted_pdf),
}


@dataclass(frozen=True)
class Note:
    """One line of what was (or was not) reproduced: a text key and its values."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Plan:
    identity: str
    area: str  # where the TUI opens: an area, "home", or "login" (a refused login)
    portal_time: datetime | None
    code: str | None  # the code the user saw, which the reproduction should show again
    route: str | None  # the route that failed (or, with no failure, the last write)
    fault: tuple[str, str] | None = None  # (route, kind)
    expire_session: bool = False
    document: str | None = None  # a refused document's code: a made-up one is refused alike
    deregister_late: bool = False
    done: list[Note] = field(default_factory=list)
    missing: list[Note] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["portal_time"] = self.portal_time.isoformat() if self.portal_time else None
        return out


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _time(report: dict[str, Any]) -> tuple[datetime | None, bool]:
    for key, exact in (("portal_time", True), ("created_utc", False)):
        try:
            when = datetime.fromisoformat(str(report[key]))
            return (when if when.tzinfo else when.replace(tzinfo=UTC)), exact
        except (KeyError, TypeError, ValueError):
            continue
    return None, False


def _identity(account: dict[str, Any], code: str | None,
              identities: list[Identity]) -> tuple[str, Note | None]:
    """A test identity of the kind of account (or refused at login as the user was)."""
    for ident in identities:
        if code and ident.expected_error == code:
            return ident.name, Note("reproduce.login_refused", {"identity": ident.name,
                                                               "code": code})
    if not account.get("role"):
        return "sponsor-eh3", None
    candidates = [i for i in identities if i.role is not None
                  and i.role.value == account.get("role")]

    def score(ident: Identity) -> tuple[int, int]:
        # Labour is every sponsor's; another recognition (research, study) picks its own.
        fits = any(p in ident.purpose for p in account["recognitions"]
                   if isinstance(p, str) and p != "labour")
        return (-int(fits), -int(ident.assurance_level == account.get("assurance_level")))

    if not candidates:
        return "sponsor-eh3", None
    best = sorted(candidates, key=score)[0]
    return best.name, Note("reproduce.account", {"identity": best.name,
                                                 "role": account.get("role")})


def plan(bundle: dict[str, Any], identities: list[Identity]) -> Plan:
    """What a sandbox needs to show what the bundle's user saw, and what it cannot show."""
    # A bundle may come from anywhere: what is not of the expected shape counts as absent.
    report = _dict(bundle.get("report.json"))
    failure, error = _dict(report.get("failure")), _dict(bundle.get("error.json"))
    code = _str(failure.get("code")) or _str(error.get("code"))
    route = _str(failure.get("route"))
    if route not in ROUTE_NAMES:
        route = None
    last_write = _dict(report.get("last_write"))
    when, exact = _time(report)
    account = _dict(report.get("account"))
    if not isinstance(account.get("recognitions"), list):
        account["recognitions"] = []
    identity, chosen = _identity(account, code, identities)
    screen = _str(report.get("screen"))
    version = report.get("format_version", 1)
    area = AREAS.get(str(screen), "home")
    out = Plan(identity=identity, area=area, portal_time=when, code=code,
               route=route or (None if code else last_write.get("route")))
    done, missing = out.done, out.missing
    if not isinstance(version, int) or version < 2:
        missing.append(Note("reproduce.old_format", {"version": version}))
    if chosen is not None:
        done.append(chosen)
        if chosen.key == "reproduce.login_refused":
            out.area = "login"
    else:
        missing.append(Note("reproduce.no_account", {"identity": identity}))
    if when is not None:
        done.append(Note("reproduce.time" if exact else "reproduce.time_guessed",
                         {"time": when.isoformat(timespec="minutes")}))
    else:
        missing.append(Note("reproduce.no_time"))
    if screen and screen in AREAS:
        done.append(Note("reproduce.screen", {"screen": screen, "area": out.area}))
    else:
        missing.append(Note("reproduce.no_screen", {"screen": screen or "-"}))
    if code in FAULTS and route:
        out.fault = (route, FAULTS[code])
        done.append(Note("reproduce.fault", {"route": route, "kind": FAULTS[code], "code": code}))
    elif code == "session_expired":
        out.expire_session = True
        done.append(Note("reproduce.session", {"code": code}))
    elif code in SAMPLE_DOCUMENTS:
        out.document = code
        done.append(Note("reproduce.document", {"code": code,
                                                "file": SAMPLE_DOCUMENTS[code][0]}))
    elif code and out.area != "login":
        missing.append(Note("reproduce.no_fault", {"code": code, "route": route or "-"}))
    if code is None and last_write.get("route") == "employees.deregister":
        out.deregister_late = True
        done.append(Note("reproduce.late", {"days": LATE_BY.days}))
        missing.append(Note("reproduce.no_end_date"))
    for kind, hashes in sorted(_dict(report.get("ids")).items()):
        if isinstance(hashes, list):
            missing.append(Note("reproduce.ids", {"kind": kind, "count": len(hashes)}))
    return out


async def prepare(admin: SandboxAdmin, plan: Plan) -> dict[str, Any]:
    """Set the sandbox to the plan: its own made-up world (the demo seed: no person in it is
    real) at the bundle's time, and the fault. Returns the state as a scenario, for support
    to load again (`ind-tui sandbox scenario load`)."""
    scenario = await admin.scenario()
    scenario.pop("faults", None)
    if plan.portal_time is not None:
        start = plan.portal_time - (SESSION_GAP if plan.expire_session else timedelta())
        scenario["clock"] = {"now": start.isoformat(), "running": True}
    await admin.load_scenario(scenario)
    if plan.fault is not None:
        await admin.fault(*plan.fault)
    return await admin.scenario()


async def after_login(admin: SandboxAdmin, plan: Plan) -> None:
    """What happens once logged in: a lapsed session lapses now, at the bundle's time."""
    if plan.expire_session and plan.portal_time is not None:
        await admin.set_clock(ClockChange(set_to=plan.portal_time))


async def probe(client: PortalClient, plan: Plan) -> Any:
    """Make the call that failed, with made-up data; raises the portal's error as the user
    got it (a late deregistration is accepted: its receipt says late)."""
    from ind_tui.client.retry import Retry

    if plan.document is not None:
        name, make = SAMPLE_DOCUMENTS[plan.document]
        return await client.upload_document(make(), name)
    if plan.deregister_late:
        return await _deregister_late(client)
    if plan.expire_session:
        return await client.me()
    if plan.fault is not None:
        method, path = path_of(plan.fault[0], **_made_up_params(plan.fault[0]))
        return await client.http.request(method, path, content=b"{}", mode=Retry.NEVER,
                                         headers={"Content-Type": "application/json",
                                                  "Idempotency-Key": "reproduce-probe"})
    return None


def _made_up_params(route: str) -> dict[str, str]:
    template = next(path for name, _, path in ROUTES if name == route)
    return {p: "0000000001" for p in re.findall(r"\{(\w+)\}", template)}


async def _deregister_late(client: PortalClient) -> Any:
    from ind_tui.api.employees import (
        DeregistrationReason,
        DeregistrationRequest,
        EmployeeStatus,
    )

    today: date = client.clock.today()
    for employee in await client.employees(status=EmployeeStatus.REGISTERED):
        end = today - LATE_BY
        if employee.start_date <= end:
            request = DeregistrationRequest(end_date=end,
                                            reason=DeregistrationReason.EMPLOYMENT_ENDED)
            return await client.deregister_employee(employee.id, request)
    return None
