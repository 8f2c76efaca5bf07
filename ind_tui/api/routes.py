"""The portal's routes by name, as the sandbox names them (and aims its faults at them):
method and path under /api/v1. A support bundle names the route of a failed request with
these, and `support reproduce` sets a fault on that name. tests/test_support_reproduce.py
checks the table against the sandbox's own routes."""

from __future__ import annotations

import re

from ind_tui.api.wire import API_PREFIX

ROUTES: tuple[tuple[str, str, str], ...] = (
    ("portal", "GET", "/portal"),
    ("auth.device", "POST", "/auth/device"),
    ("auth.token", "POST", "/auth/token"),
    ("auth.refresh", "POST", "/auth/refresh"),
    ("auth.logout", "POST", "/auth/logout"),
    ("me", "GET", "/me"),
    ("account", "GET", "/account"),
    ("account.notify", "POST", "/account/notifications"),
    ("application_types", "GET", "/application-types"),
    ("documents.upload", "POST", "/documents"),
    ("applications.submit", "POST", "/applications"),
    ("applications.find", "GET", "/applications"),
    ("applications.get", "GET", "/applications/{app_id}"),
    ("applications.pay", "POST", "/applications/{app_id}/payment"),
    ("cases.list", "GET", "/cases"),
    ("cases.get", "GET", "/cases/{zaaknummer}"),
    ("cases.documents", "GET", "/cases/{zaaknummer}/documents"),
    ("cases.document", "GET", "/cases/{zaaknummer}/documents/{doc_id}"),
    ("cases.upload", "POST", "/cases/{zaaknummer}/documents"),
    ("employees.list", "GET", "/employees"),
    ("employees.register", "POST", "/employees"),
    ("employees.deregister", "POST", "/employees/{employee_id}/deregistration"),
    ("messages.list", "GET", "/messages"),
    ("messages.get", "GET", "/messages/{message_id}"),
    ("messages.read", "POST", "/messages/{message_id}/read"),
    ("messages.answer", "POST", "/messages/{message_id}/answer"),
    ("appointments.locations", "GET", "/appointments/locations"),
    ("appointments.slots", "GET", "/appointments/slots"),
    ("appointments.book", "POST", "/appointments"),
    ("appointments.list", "GET", "/appointments"),
    ("appointments.get", "GET", "/appointments/{appointment_id}"),
    ("appointments.reschedule", "POST", "/appointments/{appointment_id}/reschedule"),
    ("appointments.cancel", "POST", "/appointments/{appointment_id}/cancel"),
    ("payments.list", "GET", "/payments"),
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    # Odd parts are parameter names: one path segment each.
    regex = "".join(f"(?P<{p}>[^/]+)" if i % 2 else re.escape(p) for i, p in enumerate(parts))
    return re.compile(regex + "$")


_MATCHERS = tuple((name, method, _pattern(path)) for name, method, path in ROUTES)


def route_of(method: str, path: str) -> tuple[str, dict[str, str]] | None:
    """The route name of a request and its path's parameters (None: not a portal route)."""
    path = path.partition("?")[0]
    if path.startswith(API_PREFIX):
        path = path[len(API_PREFIX):]
    for name, wanted, pattern in _MATCHERS:
        found = pattern.match(path)
        if wanted == method.upper() and found is not None:
            return name, found.groupdict()
    return None


def path_of(name: str, **params: str) -> tuple[str, str]:
    """Method and path of the route `name`, its parameters filled in."""
    for route, method, template in ROUTES:
        if route == name:
            return method, template.format(**params)
    raise KeyError(name)
