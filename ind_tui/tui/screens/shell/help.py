"""Help for where you are, and every key that works here."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ind_tui.i18n import t
from ind_tui.tui.keymap import keymap_path
from ind_tui.tui.widgets.chrome import PortalFooter, key_text
from ind_tui.tui.widgets.text import LanguageChanged


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "key.close", id="help.close")]

    def __init__(self, below: Screen[object] | None) -> None:
        super().__init__()
        self.below = below  # the screen the help is about

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(t("help.title"), classes="title")
            for part in self._parts():
                yield Static(part)
        yield PortalFooter()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        texts = [t("help.title"), *self._parts()]
        for widget, text in zip(self.query("#help > Static").results(Static), texts,
                                strict=True):
            widget.update(text)

    def _parts(self) -> list[str]:
        """What the screen below is, its keys, and the keys that work everywhere."""
        below = self.below
        help_key = getattr(below, "HELP_KEY", "home.hint")
        focused = getattr(below, "focused", None)
        focus_help = getattr(focused, "tooltip", None) or ""
        if focus_help == t(help_key):  # a list whose tooltip is the screen's help: once
            focus_help = ""
        rows = []
        seen: set[str] = set()
        if below is not None:
            for key, (_node, binding, enabled, _tip) in below.active_bindings.items():
                if not binding.description or binding.id in seen or not enabled:
                    continue
                seen.add(binding.id or key)
                text = key_text(binding.description)
                rows.append(f"  {self.app.get_key_display(binding):<12} {text}"
                            + (f"  [dim]({binding.id})[/dim]" if binding.id else ""))
        return [f"[b]{t('help.focused')}[/b]\n{t(help_key)}\n{focus_help}".rstrip(),
                f"[b]{t('help.keys')}[/b]\n" + "\n".join(sorted(rows)),
                f"[b]{t('help.global')}[/b]\n" + t("help.conventions", path=str(keymap_path()))]

    def action_close(self) -> None:
        self.dismiss(None)
