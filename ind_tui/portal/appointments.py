"""Appointment slots at IND desks and expat centres: find, book, reschedule, cancel. Mixed into
PortalClient."""

from __future__ import annotations

from ind_tui.portal.transport import PortalHttp


class AppointmentsMixin:
    http: PortalHttp
