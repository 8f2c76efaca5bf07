"""The duplicate guard of the filing screen: before anything is sent, is the same person
already in a running application of the same kind (at the portal, filed from this computer
and not yet registered, or another draft being filed)? The rule is `services.duplicates`';
this asks it through the app's one portal call and words what it found for the question."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from ind_tui.i18n import t
from ind_tui.i18n.format import plural
from ind_tui.services.duplicates import (
    DuplicateCheck,
    PossibleDuplicate,
    cached_zaaknummers,
    check_duplicates,
)
from ind_tui.tui.screens.cases.columns import status_label, type_label

if TYPE_CHECKING:
    from ind_tui.local.drafts.session import DraftSession
    from ind_tui.tui.app import PortalApp
    from ind_tui.tui.context import Result

# The dialog fits 80x24: more than this many are counted, not listed.
SHOWN = 6


async def find_duplicates(app: PortalApp, session: DraftSession) -> Result[DuplicateCheck]:
    """Ask the portal and this computer; a refusal or a lost connection is the app's to
    explain (the caller files nothing then)."""
    context = app.context
    client = context.client
    known: set[str] = set()
    scope = context.scope
    if scope is not None:  # cases the cache knows are registered, not "filed, not yet listed"
        known = await asyncio.to_thread(cached_zaaknummers, scope)

    async def check() -> DuplicateCheck:
        assert client is not None
        return await check_duplicates(client, session.draft, known=known,
                                      folders=[session.path.parent])

    return await app.call(check)


def duplicate_line(found: PossibleDuplicate) -> str:
    kind = type_label(found.type_id)
    if found.source == "portal":
        return t("wizard.filing.dup.portal", zaak=found.zaaknummer or "", kind=kind,
                 status=status_label(found.status))
    if found.source == "pending":
        return t("wizard.filing.dup.pending", zaak=found.zaaknummer or "", kind=kind)
    name = found.draft_path.name if found.draft_path is not None else ""
    return t("wizard.filing.dup.filing", draft=name, kind=kind,
             stage=t(f"wizard.filing.dup.stage.{found.status}"))


def duplicate_question(check: DuplicateCheck, who: str) -> tuple[str, str]:
    """The question and its detail: what was found (case numbers, kind, status) and what
    to do when it was not meant."""
    lines = [f"• {duplicate_line(found)}" for found in check.found[:SHOWN]]
    if len(check.found) > SHOWN:
        lines.append(plural("wizard.filing.dup.more", len(check.found) - SHOWN))
    lines += ["", t("wizard.filing.dup.advice")]
    question = t("wizard.filing.dup.ask", name=who) if who else t("wizard.filing.dup.ask_anon")
    return question, "\n".join(lines)
