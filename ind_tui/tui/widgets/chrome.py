"""The frame around every screen: the account header and a footer that speaks the
interface language."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Footer, Static
from textual.widgets._footer import FooterKey

from ind_tui.base.safetext import visible
from ind_tui.i18n import known, t
from ind_tui.tui.context import PortalHost
from ind_tui.tui.widgets.facts import Facts, Shown


def key_text(description: str) -> str:
    """What a key binding does, in the interface language. Our bindings name a catalogue key;
    Textual's own widgets an English text, which the catalogue holds as `textual.<text>`."""
    return t(description if known(description) else f"textual.{description}")


class PortalHeader(Widget):
    """Company and KvK (and 'on behalf of') left, the account holder's name top right as the
    portal shows it, then profile, portal address and the SANDBOX marker."""

    DEFAULT_CSS = """
    PortalHeader { dock: top; height: 2; background: $panel; }
    PortalHeader Horizontal { height: 1; }
    PortalHeader #who-company { width: 1fr; text-style: bold; }
    PortalHeader #who-person { width: auto; text-style: bold; padding: 0 1; }
    PortalHeader #where { width: 1fr; color: $text-muted; }
    PortalHeader #sandbox { width: auto; background: $warning; color: $background;
                            text-style: bold; padding: 0 1; }
    PortalHeader #unread { width: auto; background: $accent; color: $background;
                           text-style: bold; padding: 0 1; margin: 0 1 0 0; }
    """
    _variants: tuple[str, ...] = ()  # the company line, longest first

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(id="who-company")
            yield Static(id="who-person")
        with Horizontal():
            yield Static(id="where")
            yield Static(id="unread")
            yield Static(id="sandbox")

    def on_mount(self) -> None:
        self.update_from_app()

    def on_resize(self) -> None:
        self._fit()

    def update_from_app(self) -> None:
        if not self.query("#who-company"):  # not composed yet: on_mount fills it in
            return
        app = self.app
        context = app.context if isinstance(app, PortalHost) else None
        me = context.me if context is not None else None
        self._variants = (t("app.title"),)
        person = t("header.not_logged_in")
        if me is not None:
            own = f"{visible(me.company.name)} · KvK {me.company.kvk}"
            self._variants = (f"{t('app.title')} · {own}", own)
            if me.acting_for is not None:
                # For an agency the client acted for is the one thing that must always show:
                # narrower, the title goes first, then the agency's KvK, then the agency.
                behalf = t("header.on_behalf", name=visible(me.acting_for.name),
                           kvk=me.acting_for.kvk)
                self._variants = (f"{t('app.title')} · {own} · {behalf}",
                                  f"{visible(me.company.name)} · {behalf}", behalf)
            person = visible(me.person_name)
        # Names come from the portal: plain Text (never markup), controls spelled out.
        self.query_one("#who-person", Static).update(Text(person))
        self._fit()
        profile = context.profile_name if context is not None else ""
        url = context.portal_url if context is not None else ""
        self.query_one("#where", Static).update(
            Text(f" {t('header.profile', profile=profile)} · {url}"))
        unread = context.inbox_unread if context is not None else 0
        badge = self.query_one("#unread", Static)
        badge.display = me is not None and unread > 0
        badge.update(t("header.unread", n=unread))
        marker = self.query_one("#sandbox", Static)
        is_sandbox = context is not None and context.is_sandbox
        marker.display = is_sandbox
        marker.update(t("header.sandbox"))

    def _fit(self) -> None:
        """The longest of the company lines that fits beside the person's name."""
        variants = self._variants
        if not variants or not self.query("#who-company"):
            return
        person = self.query_one("#who-person", Static)
        room = self.size.width - len(str(person.render())) - 2
        chosen = next((v for v in variants if len(v) <= room), variants[-1])
        self.query_one("#who-company", Static).update(Text(chosen))


class PortalFooter(Footer):
    """Footer that shows every key's description (ours and Textual's) in the current
    language. A screen's `FOOTER_FIRST` (actions) comes first, in that order: what does not
    fit a narrow terminal is cut from the end, so the keys that matter most stay."""

    def compose(self) -> ComposeResult:
        first: tuple[str, ...] = getattr(self.screen, "FOOTER_FIRST", ())
        widgets = list(super().compose())
        for widget in widgets:
            if isinstance(widget, FooterKey) and widget.description:
                # Shown on hover: the binding's tooltip, else its description.
                if isinstance(widget.tooltip, str) and widget.tooltip:
                    widget.tooltip = key_text(widget.tooltip)
                widget.description = key_text(widget.description)

        def rank(widget: Widget) -> int:
            action = widget.action if isinstance(widget, FooterKey) else ""
            return first.index(action) if action in first else len(first)

        yield from sorted(widgets, key=rank)  # stable: the rest keep their order

    _recompose_due = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        # Textual recomposes the footer once per change, and opening a screen changes its
        # keys several times before the next frame (mount, focus): once after them will do.
        self._bindings_ready = True
        if self._recompose_due or not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self._recompose_due = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_due = False
        await self.recompose()


class Panel(Static):
    """A bordered block of text with a title (account data, guidance, receipts)."""

    DEFAULT_CSS = """
    Panel { border: round $primary; padding: 0 1; height: auto; margin: 0 0 1 0;
            max-width: 120; }  /* lines longer than that are hard to read */
    Panel.-error { border: round $error; }
    Panel.-warning { border: round $warning; }
    """

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        # Detail lines read as their text too (`str(render())`), as a plain text does.
        super().update(Shown(self, content) if isinstance(content, Facts) else content,
                       layout=layout)
