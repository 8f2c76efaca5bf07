"""Which company a draft belongs to, and whether this login may act on it: the one rule,
used by the command line and the TUI alike.

A draft records the KvK (and name) of the company it is prepared for and the portal it is
for (`Draft.kvk`, `.sponsor_name`, `.portal`). Editing, copying or filing it is for a login
that acts for that company on that portal; anything else is refused with both companies
named and what to do. A draft from before drafts were bound has no KvK: it is "unbound",
and is bound once, after the user agreed (`bind_draft`). No Textual here.

    refusal = draft_refusal(draft, me, profile.portal, DraftAction.FILE)
    if refusal is not None:
        show(refusal.one_line(lang))        # or raise refusal
    elif is_unbound(draft) and user_agrees():
        bind_draft(draft, me, profile.portal); save
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ind_tui.api.auth import Me
from ind_tui.i18n import text
from ind_tui.local.drafts.errors import Code, DraftError, Lang
from ind_tui.local.drafts.model import Draft


class DraftAction(StrEnum):
    """What the login wants to do with the draft (viewing it is always allowed)."""

    EDIT = "edit"
    COPY = "copy"
    FILE = "file"


class Binding(StrEnum):
    BOUND = "bound"  # prepared for one company (and, when known, one portal)
    UNBOUND = "unbound"  # from before drafts were bound: ask, then bind_draft


@dataclass(frozen=True)
class Company:
    kvk: str
    name: str | None = None

    def label(self) -> str:
        return f"{self.name} (KvK {self.kvk})" if self.name else f"KvK {self.kvk}"


def acting_company(me: Me) -> Company:
    """The company the login acts for: the client of a representative, else its own."""
    company = me.acting_for or me.company
    return Company(company.kvk, company.name)


def draft_company(draft: Draft) -> Company | None:
    return Company(draft.kvk, draft.sponsor_name) if draft.kvk else None


def binding(draft: Draft) -> Binding:
    return Binding.BOUND if draft.kvk else Binding.UNBOUND


def is_unbound(draft: Draft) -> bool:
    return binding(draft) is Binding.UNBOUND


def listed_for(draft: Draft, company: Company) -> bool:
    """Shown in the drafts list by default: the drafts of the company acted for, and unbound
    ones (so they can be bound). Showing all is the user's choice."""
    return draft.kvk is None or draft.kvk == company.kvk


def same_portal(a: str | None, b: str | None) -> bool:
    """Unknown on either side counts as the same: only a known difference refuses."""
    if a is None or b is None:
        return True
    return a.strip().rstrip("/").lower() == b.strip().rstrip("/").lower()


class DraftRefused(DraftError):
    """This login may not edit, copy or file this draft: another company, or another portal.
    Carries both sides, so a screen can show them; `one_line` names both KvK numbers."""

    def __init__(self, code: Code, action: DraftAction, draft: Company | None, login: Company,
                 draft_portal: str | None = None, login_portal: str | None = None) -> None:
        self.action = action
        self.draft_company = draft
        self.login_company = login
        self.draft_portal = draft_portal
        self.login_portal = login_portal
        super().__init__(code, f"{draft.kvk if draft else 'unbound'} / {login.kvk}")

    def guidance(self, lang: Lang = "en") -> str:
        mine = self.draft_company
        return text(f"drafterror.{self.code.value}", lang, draft=mine.label() if mine else "-",
                    login=self.login_company.label(), draft_kvk=mine.kvk if mine else "-",
                    draft_portal=self.draft_portal or "-", login_portal=self.login_portal or "-")

    def one_line(self, lang: Lang = "en") -> str:
        return f"{self.code.value}: {self.guidance(lang)}".replace("\n", " ")


def draft_refusal(draft: Draft, me: Me, portal: str | None,
                  action: DraftAction = DraftAction.FILE) -> DraftRefused | None:
    """None when this login may do `action` on the draft (an unbound one included: bind it
    after asking). `portal` is the login's profile portal ("embedded" or its base URL)."""
    login = acting_company(me)
    mine = draft_company(draft)
    if mine is None:
        return None
    if mine.kvk != login.kvk:
        return DraftRefused(Code.DRAFT_OTHER_COMPANY, action, mine, login)
    if not same_portal(draft.portal, portal):
        return DraftRefused(Code.DRAFT_OTHER_PORTAL, action, mine, login, draft.portal, portal)
    return None


def unbound_refusal(draft: Draft, me: Me, action: DraftAction = DraftAction.FILE
                    ) -> DraftRefused | None:
    """For a caller that cannot ask (a script without --yes): the refusal to show for an
    unbound draft; None for a bound one."""
    if not is_unbound(draft):
        return None
    return DraftRefused(Code.DRAFT_UNBOUND, action, None, acting_company(me))


def require_access(draft: Draft, me: Me, portal: str | None,
                   action: DraftAction = DraftAction.FILE) -> None:
    refusal = draft_refusal(draft, me, portal, action)
    if refusal is not None:
        raise refusal


def bind_draft(draft: Draft, me: Me, portal: str | None) -> bool:
    """Bind the draft to the login's company and portal; fills in only what is missing (a
    name or portal a bound draft lacks). True when something changed: save the draft.
    Raises DraftRefused for a draft of another company."""
    require_access(draft, me, portal, DraftAction.EDIT)
    login = acting_company(me)
    before = (draft.kvk, draft.sponsor_name, draft.portal)
    draft.kvk = draft.kvk or login.kvk
    draft.sponsor_name = draft.sponsor_name or login.name
    draft.portal = draft.portal or portal
    return (draft.kvk, draft.sponsor_name, draft.portal) != before
