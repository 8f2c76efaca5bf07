"""Payments and refunds, per application and overall. Mixed into
PortalClient."""

from __future__ import annotations

from ind_tui.portal.transport import PortalHttp


class PaymentsMixin:
    http: PortalHttp
