"""One panel for every error: what happened, what it means, what to do, the request id,
and the key to report it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ind_tui.i18n import language, t
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.text import LanguageChanged

if TYPE_CHECKING:
    from ind_tui.api.errors import PortalError


class GuidanceScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,enter", "close", "key.close", id="guidance.close"),
    ]

    def __init__(self, error: PortalError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(id="guidance", classes="dialog -error"):
            for part, classes in zip(self._parts(), ("title", "", "", "muted", "muted"),
                                     strict=True):
                yield Static(part, classes=classes)
        yield PortalFooter()

    def _parts(self) -> list[str]:
        g = self.error.guidance(language())
        rid = self.error.request_id
        return [f"{t('error.title')}: {g.title}", f"[b]{t('error.what')}[/b]\n{g.explanation}",
                f"[b]{t('error.todo')}[/b]\n{g.action}",
                t("error.code", code=self.error.code)
                + (f"   {t('error.request', rid=rid)}" if rid else ""), t("error.kept")]

    def on_language_changed(self, _message: LanguageChanged) -> None:
        for widget, part in zip(self.query("#guidance > Static").results(Static), self._parts(),
                                strict=True):
            widget.update(part)

    def action_close(self) -> None:
        self.dismiss(None)
