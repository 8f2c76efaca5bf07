"""Support bundles: what the IND asks for when reporting a technical problem (a screenshot
showing the portal address, KvK, exact date and time, a short description), plus what support
staff need to reproduce it. No token, passphrase or document ever goes in. No Textual here."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ind_tui import __version__
from ind_tui.api.routes import route_of
from ind_tui.base.atomic import atomic_writer, private_dir
from ind_tui.local.paths import data_dir

if TYPE_CHECKING:
    from ind_tui.api.auth import Me
    from ind_tui.api.errors import PortalError

# 2: what `support reproduce` needs (screen, failed route, portal time, account kind, hashed
# ids). A bundle without the field is format 1.
FORMAT_VERSION = 2

SECRET_KEYS = re.compile(r"token|authori[sz]ation|passphrase|password|secret|cookie", re.I)
# Long opaque strings (tokens) that slipped into free text are cut out too.
OPAQUE = re.compile(r"\b[A-Za-z0-9_-]{32,}\b")
MAX_DESCRIPTION = 4000


@dataclass
class BundleInput:
    screenshot_svg: str
    screen_text: str
    description: str
    portal_url: str
    profile: str
    kvk: str | None = None  # the company acted for (the login's own when acting for none)
    own_kvk: str | None = None  # the login's own company: an agency's, when it acts for one
    person: str | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    last_error: dict[str, Any] | None = None
    mail_text: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    screen: str | None = None  # the screen the user was on (its class name)
    portal_time: datetime | None = None  # the portal's clock, which may differ from ours
    account: dict[str, Any] | None = None  # the kind of account: account_of()


# Path parameters that name something of the user's: in a bundle only as a hash.
ID_KINDS = {"zaaknummer": "case", "employee_id": "employee", "message_id": "message",
            "app_id": "application", "appointment_id": "appointment", "doc_id": "document"}


def hashed(value: str) -> str:
    """An id as a bundle names it: the same id gives the same hash, the hash gives no id."""
    return hashlib.sha256(f"ind-tui:{value}".encode()).hexdigest()[:16]


def account_of(me: Me | None) -> dict[str, Any] | None:
    """The kind of account, without whose it is: role, assurance level, acting for another
    company, the purposes it is recognised for."""
    if me is None:
        return None
    return {"role": me.role.value, "assurance_level": me.assurance_level,
            "acting_for_other": me.acting_for is not None,
            "recognitions": sorted(r.purpose.value for r in me.recognitions)}


def error_of(error: PortalError | None) -> dict[str, Any] | None:
    """The error the user was shown, as error.json keeps it."""
    if error is None:
        return None
    return {"code": error.code, "message": error.message, "status": error.status,
            "request_id": error.request_id, "details": error.details}


# Codes that are part of the way, not failures: a device login polls through them.
WAITING = ("authorization_pending", "slow_down")


def failure_of(error: dict[str, Any] | None,
               requests: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The failed request: the one of the error shown, else the newest that failed (a lapsed
    session asks to log in again without showing an error), by route name."""
    chosen = None
    for record in reversed(requests):
        if error and error.get("request_id") and record.get("request_id") == error["request_id"]:
            chosen = record
            break
        if chosen is None and record.get("error") not in (None, *WAITING):
            chosen = record
            if not error:
                break
    if chosen is None and not error:
        return None
    route = route_of(chosen.get("method", ""), chosen.get("path", "")) if chosen else None
    return {"route": route[0] if route else None,
            "method": chosen.get("method") if chosen else None,
            "status": (error or {}).get("status") or (chosen or {}).get("status"),
            "code": (error or {}).get("code") or (chosen or {}).get("error")}


def last_write_of(requests: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The newest write that was answered: a late deregistration is accepted, not refused."""
    for record in reversed(requests):
        route = route_of(record.get("method", ""), record.get("path", ""))
        if route and record.get("method") == "POST" and not route[0].startswith("auth."):
            return {"route": route[0], "status": record.get("status")}
    return None


def ids_of(requests: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The ids the requests name (case numbers, employees, ...), hashed, oldest first."""
    out: dict[str, list[str]] = {}
    for record in requests:
        route = route_of(record.get("method", ""), record.get("path", ""))
        for param, value in (route[1] if route else {}).items():
            kind = ID_KINDS.get(param)
            if kind and hashed(value) not in out.setdefault(kind, []):
                out[kind].append(hashed(value))
    return out


def scrub(value: Any) -> Any:
    """Drop secret-looking fields and opaque token-like strings, recursively."""
    if isinstance(value, dict):
        return {k: ("[redacted]" if SECRET_KEYS.search(str(k)) else scrub(v))
                for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, str):
        return OPAQUE.sub("[redacted]", value)
    return value


def bundles_dir() -> Path:
    return private_dir(data_dir() / "support")


def build_bundle(data: BundleInput, directory: Path | None = None,
                 now: datetime | None = None) -> Path:
    """Write the bundle zip and return its path."""
    moment = (now or datetime.now(UTC)).astimezone()
    failure = failure_of(data.last_error, data.requests)
    report = scrub({
        "format_version": FORMAT_VERSION, "screen": data.screen,
        "portal_time": data.portal_time.isoformat() if data.portal_time else None,
        "account": data.account, "failure": failure,
        "last_write": last_write_of(data.requests), "ids": ids_of(data.requests),
        "created_local": moment.isoformat(timespec="seconds"),
        "created_utc": moment.astimezone(UTC).isoformat(timespec="seconds"),
        "time_zone": moment.tzname(),
        "kvk": data.kvk, "own_kvk": data.own_kvk, "person": data.person, "profile": data.profile,
        "portal_url": data.portal_url, "app_version": __version__,
        "description": data.description[:MAX_DESCRIPTION], **data.extra,
    })
    target = (directory or bundles_dir()) / f"ind-tui-support-{moment:%Y%m%d-%H%M%S}.zip"
    # Whole or not at all, and private: it names the person and their employees.
    with atomic_writer(target) as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("report.json", json.dumps(report, indent=2, ensure_ascii=False))
        zf.writestr("description.txt", report["description"])
        zf.writestr("screenshot.svg", scrub(data.screenshot_svg))
        zf.writestr("screen.txt", scrub(data.screen_text))
        zf.writestr("requests.json", json.dumps(scrub(data.requests), indent=2, default=str))
        zf.writestr("error.json", json.dumps(scrub(data.last_error), indent=2, default=str))
        zf.writestr("mail.txt", scrub(data.mail_text))
    return target


class BundleError(Exception):
    """The file is not a support bundle this version can read."""


def read_bundle(path: Path) -> dict[str, Any]:
    """What a bundle holds, for `ind-tui support show` (bounded reads: it may be hostile)."""
    wanted = {"report.json", "description.txt", "screen.txt", "requests.json", "error.json",
              "mail.txt"}
    try:
        with zipfile.ZipFile(path) as zf:
            out: dict[str, Any] = {}
            for info in zf.infolist():
                if info.filename not in wanted:
                    continue
                if info.file_size > 4 * 1024 * 1024:
                    raise BundleError(f"{info.filename} is too large for a support bundle")
                with zf.open(info) as fh:
                    raw = fh.read(4 * 1024 * 1024 + 1).decode("utf-8", "replace")
                out[info.filename] = json.loads(raw) if info.filename.endswith(".json") else raw
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise BundleError(f"not a readable support bundle: {exc}") from exc
    if "report.json" not in out:
        raise BundleError("not a support bundle: report.json is missing")
    return out
