"""Messages from the IND and the deadlines they set. Mixed into
PortalClient."""

from __future__ import annotations

from ind_tui.portal.transport import PortalHttp


class InboxMixin:
    http: PortalHttp
