"""The drafts line of the home screen, read without loading the drafts screen."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from ind_tui.i18n import t
from ind_tui.services.binding import acting_company

if TYPE_CHECKING:
    from ind_tui.tui.app import PortalApp


async def home_lines(app: PortalApp) -> list[str]:
    """"3 drafts, 1 not yet paid" for the home screen: the unfiled drafts of the company the
    login acts for (and unbound ones), as the drafts list shows them; nothing when none."""
    from ind_tui.local.drafts.bundle import list_drafts
    from ind_tui.tui.screens.drafts.files import summarise

    me = app.context.me
    company = acting_company(me) if me is not None else None
    try:
        summary = summarise(await asyncio.to_thread(list_drafts), company)
    except OSError:
        return []
    if summary.total == 0:
        return []
    parts = [t("drafts.home.count", count=summary.total) if summary.total != 1
             else t("drafts.home.one")]
    if summary.unpaid:
        parts.append(t("drafts.home.unpaid", count=summary.unpaid))
    if summary.unreadable:
        parts.append(t("drafts.home.unreadable", count=summary.unreadable))
    return [", ".join(parts)]

