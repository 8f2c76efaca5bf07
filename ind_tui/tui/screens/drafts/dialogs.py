"""The question with a third way out (start a new draft or open the drafts) and the one way
into the wizard, shared by the start screen, the drafts screen and `ind-tui open`. A plain
yes/no is widgets/confirm.py, a line to type widgets/prompt.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ind_tui.i18n import t
from ind_tui.local.drafts.errors import DraftError
from ind_tui.local.drafts.session import DraftSession
from ind_tui.services.binding import DraftAction, acting_company
from ind_tui.tui.context import PortalHost
from ind_tui.tui.screens.wizard.company import ask_to_bind, refusal_for, say_refusal
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.text import LanguageChanged

if TYPE_CHECKING:
    from textual.app import App

YES, NO, OTHER = "yes", "no", "other"


class QuestionDialog(ModalScreen[str]):
    """A question answered by a key: `y` yes, `n`/Esc no, and optionally `d` for a third
    way (say, "open the drafts instead"). Enter gives `default` when there is one, so a
    destructive question never goes ahead on a stray Enter."""

    BINDINGS = [
        Binding("y", "answer('yes')", "drafts.key.yes", id="drafts.question_yes"),
        Binding("n,escape", "answer('no')", "drafts.key.no", id="drafts.question_no"),
        Binding("d", "answer('other')", "drafts.key.other", id="drafts.question_other"),
        Binding("enter", "answer('default')", show=False, id="drafts.question_default"),
    ]

    def __init__(self, title: str, text: str, *, yes: str, no: str, other: str | None = None,
                 default: str | None = None, danger: bool = False) -> None:
        super().__init__()
        self.title_text, self.text, self.labels = title, text, (yes, no, other)
        self.default = default
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(id="question", classes="dialog -error" if self.danger else "dialog"):
            yield Static(self.title_text, classes="title")
            yield Static(self.text, id="question-text")
            yield Static(self._keys(), classes="muted", id="question-keys")
        yield PortalFooter()

    def _keys(self) -> str:
        yes, no, other = self.labels
        keys = [t("drafts.dialog.key", keys="y", label=yes)]
        if other is not None:
            keys.append(t("drafts.dialog.key", keys="d", label=other))
        keys.append(t("drafts.dialog.key", keys="n/Esc", label=no))
        return "   ".join(keys)

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.query_one("#question-keys", Static).update(self._keys())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters == (OTHER,):
            return self.labels[2] is not None
        return True

    def action_answer(self, choice: str) -> None:
        if choice == "default":
            if self.default is None:
                return
            choice = self.default
        self.dismiss(choice)


def open_wizard(app: App[Any], path: Path) -> bool:
    """Open the wizard on a draft file; says so when this build has no wizard.

    Editing another company's draft is refused with both companies named (a filed draft
    opens read-only: looking is always allowed); an unbound one is bound first, after asking
    (No leaves it as it was, unopened). A file that does not open goes to the wizard, which
    says why."""
    try:
        from ind_tui.tui.screens.wizard.screen import WizardScreen
    except ModuleNotFoundError as exc:
        if exc.name != "ind_tui.tui.screens.wizard.screen":
            raise
        app.notify(t("drafts.no_wizard", path=str(path)), severity="warning", timeout=10)
        return False
    try:
        session: DraftSession | None = DraftSession.open(path)
    except (DraftError, OSError):
        session = None
    if session is None or not isinstance(app, PortalHost) or session.draft.receipt is not None:
        app.push_screen(WizardScreen(path))
        return True
    context = app.context
    refusal = refusal_for(context, session, DraftAction.EDIT)
    if refusal is not None:
        say_refusal(app, refusal)
        return False

    def answered(bound: bool) -> None:
        if bound:
            app.push_screen(WizardScreen(path))
        elif context.me is not None:
            app.notify(t("drafts.open.unbound", company=acting_company(context.me).label()),
                       severity="warning", timeout=10, markup=False)

    if not ask_to_bind(app, context, session, answered):
        app.push_screen(WizardScreen(path))
    return True
