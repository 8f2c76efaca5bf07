"""Starting a draft: bound to the company acted for and, for a registered employee, filled in
with what the register and that employee's latest case know (`services/prefill.py`). The one
way in for New application, Employees (Enter) and Due soon (a permit in its extension window).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from ind_tui.i18n import language, t
from ind_tui.i18n.format import plural
from ind_tui.tui.context import Failed
from ind_tui.tui.screens.drafts.dialogs import open_wizard
from ind_tui.tui.screens.wizard.autosave import draft_lang
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.text import LanguageChanged

if TYPE_CHECKING:
    from ind_tui.api.applications import ApplicationType
    from ind_tui.tui.screens.shell.base import PortalScreen


def type_name(kind: ApplicationType) -> str:
    return kind.name_nl if language() == "nl" else kind.name_en


class FormTypeDialog(ModalScreen[str | None]):
    """Which application to start for an employee: j/k or arrows, Enter starts, Esc cancels.
    The first type is highlighted (the extension, while the permit is in its window)."""

    BINDINGS = [Binding("escape", "cancel", "key.back", id="prefill.type_cancel")]

    def __init__(self, who: str, types: list[ApplicationType]) -> None:
        super().__init__()
        self.who = who
        self.types = types

    def compose(self) -> ComposeResult:
        with Vertical(id="prefill-types", classes="dialog"):
            yield Static(self._title(), classes="title", id="prefill-types-title",
                         markup=False)
            yield VimOptionList(*self._options(), id="prefill-types-list")
            yield Static(t("prefill.types.keys"), classes="muted", id="prefill-types-keys")
        yield PortalFooter()

    def _title(self) -> str:
        return t("prefill.types.title", name=self.who)

    def _options(self) -> list[Option]:
        return [Option(type_name(k) + (f"  ({t('new.extension')})" if k.is_extension else ""),
                       id=k.id) for k in self.types]

    def on_mount(self) -> None:
        options = self.query_one(VimOptionList)
        options.highlighted = 0
        options.focus()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one("#prefill-types-title", Static).update(self._title())
        self.query_one("#prefill-types-keys", Static).update(t("prefill.types.keys"))
        self.query_one(VimOptionList).reword(self._options())

    @on(VimOptionList.OptionSelected)
    def _chosen(self, event: VimOptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


async def start_draft(screen: PortalScreen, type_id: str, v_number: str | None = None
                      ) -> Path | None:
    """Make the draft and open the wizard on it; from a worker of `screen`. With a V-number
    the answers the portal and this computer know are filled in and marked as such. Says
    what went wrong and gives None when no draft was made."""
    from ind_tui.local.drafts.errors import DraftError
    from ind_tui.local.drafts.session import DraftSession

    context = screen.context
    answers: dict[str, Any] = {}
    sources: dict[str, str] = {}
    if v_number:
        client = context.client
        if client is None:
            return None
        from ind_tui.services.prefill import prefill_for

        found = await screen.portal_app.call(lambda: prefill_for(client, type_id, v_number),
                                             handle=(DraftError,))
        if isinstance(found, Failed):
            if isinstance(found.error, DraftError):
                screen.notify(found.error.one_line(draft_lang()), severity="error", timeout=10,
                              markup=False)
            return None
        answers, sources = dict(found.value.answers), dict(found.value.sources)
    me = context.me
    # Bound from the start to the company acted for, and to this portal.
    company = (me.acting_for or me.company) if me is not None else None
    try:
        session = await asyncio.to_thread(lambda: DraftSession.new(
            type_id, profile=context.profile_name or "default",
            kvk=company.kvk if company else None,
            sponsor_name=company.name if company else None,
            portal=context.profile_portal or None, answers=answers, prefilled=sources))
    except DraftError as exc:
        screen.notify(exc.one_line(draft_lang()), severity="error", timeout=10, markup=False)
        return None
    except (KeyError, OSError) as exc:
        screen.notify(t("new.create_failed", reason=str(exc)), severity="error", timeout=10)
        return None
    if not screen.is_attached:
        return None
    if sources:
        screen.notify(plural("prefill.created", len(sources), name=session.path.name))
    else:
        screen.notify(t("new.created", name=session.path.name))
    open_wizard(screen.app, session.path)
    return session.path


async def start_for_employee(screen: PortalScreen, v_number: str, name: str, *,
                             extension_first: bool, direct: bool = False) -> Path | None:
    """Ask which application to start for this employee, then start it prefilled; from a
    worker of `screen`. `direct`: with exactly one extension to choose, start it at once."""
    from ind_tui.services.prefill import types_for

    client = screen.context.client
    if client is None:
        return None
    found = (await screen.portal_app.call(client.application_types)).or_none()
    if found is None or not screen.is_attached:
        return None
    types = types_for(found, extension_first=extension_first)
    if not types:
        screen.notify(t("prefill.types.none", name=name), severity="warning", timeout=10,
                      markup=False)
        return None
    extensions = [k for k in types if k.is_extension]
    if direct and len(extensions) == 1:
        chosen: str | None = extensions[0].id
    else:
        chosen = await screen.app.push_screen_wait(FormTypeDialog(name, types))
    if chosen is None or not screen.is_attached:
        return None
    return await start_draft(screen, chosen, v_number)


def begin_for_employee(screen: PortalScreen, v_number: str, name: str, *,
                       extension_first: bool, direct: bool = False) -> None:
    """`start_for_employee` as work of `screen` (a newer start replaces one still asking)."""
    screen.run_worker(start_for_employee(screen, v_number, name,
                                         extension_first=extension_first, direct=direct),
                      group="prefill-start", exclusive=True)
