"""Filing for the right client: a draft prepared for one company is never filed under a
login acting for another. The rule is `services.binding`'s; this asks once to bind a draft
from before drafts were bound."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from ind_tui.i18n import language, t
from ind_tui.local.drafts.model import Draft
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.binding import (
    DraftAction,
    DraftRefused,
    acting_company,
    bind_draft,
    draft_refusal,
    is_unbound,
)
from ind_tui.tui.context import AppContext
from ind_tui.tui.widgets.confirm import ConfirmDialog


def refusal_for(context: AppContext, session: DraftSession,
                action: DraftAction = DraftAction.FILE) -> DraftRefused | None:
    """Why this login may not `action` this draft (another company or portal), or None."""
    return refusal_of(context, session.draft, action)


def refusal_of(context: AppContext, draft: Draft, action: DraftAction) -> DraftRefused | None:
    me = context.me
    if me is None:
        return None
    return draft_refusal(draft, me, context.profile_portal, action)


def refusal_text(refusal: DraftRefused) -> str:
    """What the filing screen's panel says: whose draft it is, for whom the login acts (both
    names and KvK numbers) and what to do."""
    return t("wizard.filing.problem.company") + "\n" + refusal.guidance(
        "nl" if language() == "nl" else "en")


def say_refusal(app: App[Any], refusal: DraftRefused) -> None:
    """The same words where there is no panel (the drafts list): a message that stays a while."""
    app.notify(refusal_text(refusal), title=t("wizard.filing.problem.company.title"),
               severity="error", timeout=12, markup=False)


def ask_to_bind(app: App[Any], context: AppContext, session: DraftSession,
                then: Callable[[bool], None]) -> bool:
    """For an unbound draft: ask whether it is for the company acted for (Yes binds and saves
    it); `then` gets the answer. False when there is nothing to ask."""
    me = context.me
    if me is None or not is_unbound(session.draft):
        return False

    def answered(yes: bool | None) -> None:
        if yes:
            bind_draft(session.draft, me, context.profile_portal)
            session.save()
        then(bool(yes))

    company = acting_company(me).label()
    # Starts on No: binding to the wrong client is what this question is there to prevent.
    app.push_screen(ConfirmDialog(t("wizard.filing.bind", company=company),
                                  t("wizard.filing.bind_detail", company=company),
                                  danger=True), answered)
    return True
