"""Where a login's data lives in what this computer keeps: the portal, the profile and the
company acted for. Every local store (the cases cache and archive, the inbox state, the
seen-markers, pending receipts) keys on the same scope, so nothing one portal or company
said ever shows under another.

A portal is named by its normalised address (scheme, host, port and path; no trailing
slash). The embedded sandbox listens on a new random port every run, so it is named by its
database file instead: the same file is the same portal, run after run.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ind_tui.api.auth import Me
from ind_tui.local.settings import EMBEDDED

_DEFAULT_PORTS = {"http": 80, "https": 443}


def portal_identity(portal: str, sandbox_db: Path | None = None) -> str:
    """A stable name for a portal: `https://host:port/path`, or `embedded:<db file>`.

    `portal` is a profile's setting ("embedded" or a URL) or a base URL; `sandbox_db` is the
    embedded sandbox's database (its default place when not given)."""
    text = portal.strip()
    if text == EMBEDDED:
        if sandbox_db is None:
            from ind_tui.local.paths import sandbox_db as default_db

            sandbox_db = default_db()
        return f"{EMBEDDED}:{sandbox_db.expanduser().resolve()}"
    parts = urlsplit(text)
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    port = parts.port or _DEFAULT_PORTS.get(scheme)
    return f"{scheme}://{host}:{port}{parts.path.rstrip('/')}"


def same_portal_setting(a: str, b: str) -> bool:
    """Whether two portal settings ("embedded" or a URL) name the same portal."""
    return portal_identity(a) == portal_identity(b)


def scope_for(portal: str, profile: str, me: Me) -> str:
    """The scope of a login: `portal` is a `portal_identity`; a profile may log in for
    different companies (and an agency act for several), so they are kept apart too."""
    acting = f">{me.acting_for.kvk}" if me.acting_for else ""
    return f"{portal} {profile}/{me.company.kvk}{acting}"

