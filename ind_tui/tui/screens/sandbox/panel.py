"""The sandbox panel (ctrl+t, or the palette's "sandbox:" commands): move the portal clock,
add or clear faults, switch the test identity, each saying what changed, so support staff
reproduce what a user saw in one terminal. Offered only when connected to a sandbox whose
admin token is known (`AppContext.drives_sandbox`); the calls go through
`services/sandbox.py`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from ind_tui.i18n import known, language, t
from ind_tui.i18n.format import local, plural
from ind_tui.tui.context import AppContext, Done
from ind_tui.tui.screens.sandbox.choice import ChoiceDialog
from ind_tui.tui.screens.shell.base import OnPortalApp, ScreenWork, set_text
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.prompt import PromptDialog
from ind_tui.tui.widgets.text import LanguageChanged, plain

if TYPE_CHECKING:
    from ind_tui.api.auth import Me
    from ind_tui.api.sandbox_admin import ClockChange, FaultList, FaultSpec
    from ind_tui.services.sandbox import SandboxControl, SandboxInputError

ACTIONS = ("advance", "set", "freeze", "fault", "clear", "identity")
FAULTS_SHOWN = 2  # fault lines in the panel: with the rest it fits 80x24


def open_panel(app: App[Any], then: str | None = None) -> None:
    """Open the panel (once), and with `then` start one of its ACTIONS right away."""
    context: AppContext = app.context  # type: ignore[attr-defined]
    if not context.drives_sandbox:
        app.notify(t("sandbox.not_here"), severity="warning")
        return
    panel = app.screen if isinstance(app.screen, SandboxPanel) else None
    if panel is None:
        panel = SandboxPanel()
        app.push_screen(panel)
    if then is not None:
        panel.call_after_refresh(panel.run_action, then)


def who_now(me: Me, identity: str) -> str:
    """Who the switch of identity made you."""
    company = me.acting_for or me.company
    return t("sandbox.identity.now", name=me.person_name, identity=identity,
             company=company.name, role=t(f"home.role.{me.role.value}"))


def _input_problem(error: SandboxInputError) -> str:
    """The reason in the panel's words (the CLI's name its options)."""
    key = error.key.replace("cli.sandbox.", "sandbox.input.")
    return t(key, **error.values) if known(key) else error.text(language())


class SandboxPanel(OnPortalApp, ScreenWork, ModalScreen[None]):
    HELP_KEY = "cmd.help.sandbox"
    BINDINGS = [
        Binding("escape", "close", "key.back", id="sandbox.close"),
        Binding("a", "advance", "sandbox.key.advance", show=False, id="sandbox.advance"),
        Binding("t", "set", "sandbox.key.set", show=False, id="sandbox.set"),
        Binding("f", "freeze", "sandbox.key.freeze", show=False, id="sandbox.freeze"),
        Binding("e", "fault", "sandbox.key.fault", show=False, id="sandbox.fault"),
        Binding("c", "clear", "sandbox.key.clear", show=False, id="sandbox.clear"),
        Binding("i", "identity", "sandbox.key.identity", show=False, id="sandbox.identity"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.running: bool | None = None
        self.faults: FaultList | None = None
        self._clock_text: Callable[[], str] = lambda: t("sandbox.loading")
        self._changed: Callable[[], str] = lambda: ""

    @property
    def control(self) -> SandboxControl:
        from ind_tui.services.sandbox import SandboxControl

        conn = self.context.conn
        admin = conn.sandbox_admin() if conn is not None else None
        assert admin is not None  # the panel opens only then (`drives_sandbox`)
        return SandboxControl(admin)

    def compose(self) -> ComposeResult:
        with Vertical(id="sandbox-panel", classes="dialog"):
            yield Static(t("sandbox.title"), id="sandbox-title", classes="title")
            yield Static("", id="sandbox-clock")
            yield Static("", id="sandbox-faults", markup=False)
            yield Static("", id="sandbox-who", markup=False)
            yield VimOptionList(*self._options(), id="sandbox-actions")
            yield Static("", id="sandbox-changed", classes="notice", markup=False)
            yield Static(t("sandbox.keys"), id="sandbox-keys", classes="muted")
        yield PortalFooter()

    def _options(self) -> list[Option]:
        words = {a: t(f"sandbox.action.{a}") for a in ACTIONS}
        if self.running is False:
            words["freeze"] = t("sandbox.action.run")
        return [Option(plain(words[a]), id=a) for a in ACTIONS]

    def on_mount(self) -> None:
        self.query_one(VimOptionList).focus()
        self._show()
        self.load()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        set_text(self, "#sandbox-title", t("sandbox.title"))
        set_text(self, "#sandbox-keys", t("sandbox.keys"))
        self.query_one(VimOptionList).reword(self._options())
        self._show()

    def _show(self) -> None:
        """Say the state (clock, faults, who) and the last change, in the current language."""
        set_text(self, "#sandbox-clock", self._clock_text())
        set_text(self, "#sandbox-faults", self._faults_text())
        set_text(self, "#sandbox-who", self._who())
        changed = self._changed()
        set_text(self, "#sandbox-changed", changed)
        for widget in self.query("#sandbox-changed"):
            widget.display = bool(changed)
        self.query_one(VimOptionList).reword(self._options())

    def _faults_text(self) -> str:
        from ind_tui.services.sandbox import fault_line

        if self.faults is None:
            return ""
        faults = self.faults.faults
        if not faults:
            return t("sandbox.no_faults")
        lines = [plural("sandbox.faults", len(faults))]
        # Single spaces: a fault takes one line at 80 columns.
        lines += ["  " + fault_line(f, language(), " ") for f in faults[:FAULTS_SHOWN]]
        if len(faults) > FAULTS_SHOWN:
            lines.append(t("sandbox.faults_more", n=len(faults) - FAULTS_SHOWN))
        return "\n".join(lines)

    def _who(self) -> str:
        me = self.context.me
        if me is None:
            return t("sandbox.who_nobody")
        company = me.acting_for or me.company
        return t("sandbox.who", name=me.person_name, company=company.name,
                 role=t(f"home.role.{me.role.value}"))

    def _running_text(self, running: bool) -> str:
        return t("sandbox.clock_runs" if running else "sandbox.clock_frozen")

    # --- reading the state ------------------------------------------------------------------

    @work(exclusive=True, group="sandbox-load")
    async def load(self) -> None:
        control = self.control
        clock = (await self.portal_app.call(control.clock)).or_none()
        faults = (await self.portal_app.call(control.faults)).or_none()
        if clock is not None:
            self.running = clock.running
            self._clock_text = lambda: t("sandbox.clock", now=local(clock.now),
                                         running=self._running_text(clock.running))
        if faults is not None:
            self.faults = faults
        if self.whole:
            self._show()

    # --- the clock --------------------------------------------------------------------------

    def action_advance(self) -> None:
        from ind_tui.services.sandbox import SandboxInputError, advance

        def check(value: str) -> str | None:
            try:
                advance(value)
            except SandboxInputError as exc:
                return _input_problem(exc)
            return None

        def given(value: str | None) -> None:
            if value:
                self.move(advance(value))

        self.app.push_screen(PromptDialog(t("sandbox.advance.title"),
                                          t("sandbox.advance.prompt"), check=check), given)

    def action_set(self) -> None:
        from ind_tui.api.sandbox_admin import ClockChange
        from ind_tui.services.sandbox import SandboxInputError, parse_moment

        def check(value: str) -> str | None:
            try:
                parse_moment(value)
            except SandboxInputError as exc:
                return _input_problem(exc)
            return None

        def given(value: str | None) -> None:
            if value:
                self.move(ClockChange(set_to=parse_moment(value)))

        now = local(self.context.now())
        self.app.push_screen(PromptDialog(t("sandbox.set.title"), t("sandbox.set.prompt"),
                                          now, check=check), given)

    def action_freeze(self) -> None:
        from ind_tui.api.sandbox_admin import ClockChange

        if self.running is not None:
            self.move(ClockChange(running=not self.running))

    @work(exclusive=True, group="sandbox-change")
    async def move(self, change: ClockChange) -> None:
        from ind_tui.services.sandbox import show_span

        moved = (await self.portal_app.call(lambda: self.control.move_clock(change))).or_none()
        if moved is None:
            return
        # The running state only when it was what changed: one line at 80 columns.
        said = t("sandbox.moved", before=local(moved.before), after=local(moved.after),
                 span=show_span(moved.after - moved.before))
        self._changed = (lambda: said) if change.running is None else (
            lambda: t("sandbox.moved_running", moved=said,
                      running=self._running_text(moved.running)))
        await self.load().wait()
        reload_beneath(self.app)

    # --- faults -----------------------------------------------------------------------------

    def action_fault(self) -> None:
        if self.faults is None:
            return
        routes = [Option(t("sandbox.route.all"), id="*")]
        routes += [Option(plain(r), id=r) for r in self.faults.routes]

        def route_chosen(route: str | None) -> None:
            if route:
                self._pick_kind(route)

        self.app.push_screen(ChoiceDialog(t("sandbox.route.title"), routes), route_chosen)

    def _pick_kind(self, route: str) -> None:
        from ind_tui.api.sandbox_admin import FaultKind

        kinds = [Option(plain(t(f"sandbox.kind.{k.value}")), id=k.value) for k in FaultKind]

        def kind_chosen(kind: str | None) -> None:
            if kind:
                self._pick_options(route, kind)

        self.app.push_screen(ChoiceDialog(t("sandbox.kind.title", route=route), kinds),
                             kind_chosen)

    def _pick_options(self, route: str, kind: str) -> None:
        from ind_tui.services.sandbox import SandboxInputError

        def spec(value: str) -> FaultSpec:
            from ind_tui.services.sandbox import fault_spec

            count, delay = None, None
            for word in value.split():
                if word.isdigit():
                    count = int(word)
                elif delay is None:
                    delay = word
                else:
                    raise SandboxInputError("sandbox.options.bad", value=value)
            return fault_spec(route, kind, count, delay)

        def check(value: str) -> str | None:
            try:
                spec(value)
            except SandboxInputError as exc:
                return _input_problem(exc)
            return None

        def given(value: str | None) -> None:
            if value is not None:
                self.add_fault(spec(value))

        self.app.push_screen(PromptDialog(t("sandbox.options.title", kind=kind, route=route),
                                          t("sandbox.options.prompt"), check=check), given)

    @work(exclusive=True, group="sandbox-change")
    async def add_fault(self, spec: FaultSpec) -> None:
        from ind_tui.services.sandbox import fault_line

        done = (await self.portal_app.call(lambda: self.control.add_fault(spec))).or_none()
        if done is None:
            return
        added, self.faults = done
        self._changed = lambda: t("sandbox.added", fault=fault_line(added, language(), " "))
        self._show()  # no reload: the fault fires when the user next does what it aims at

    @work(exclusive=True, group="sandbox-change")
    async def action_clear(self) -> None:
        done = (await self.portal_app.call(self.control.clear_faults)).or_none()
        if done is None:
            return
        gone, self.faults = done
        self._changed = lambda: plural("sandbox.cleared", gone)
        self._show()
        reload_beneath(self.app)

    # --- who you are ------------------------------------------------------------------------

    @work(exclusive=True, group="sandbox-change")
    async def action_identity(self) -> None:
        from ind_tui.services.sandbox import identity_outcome, identity_purpose

        if self.context.me is None:
            self.notify(t("sandbox.identity.needs_login"), severity="warning")
            return
        found = await self.portal_app.call(self.control.identities)
        if not isinstance(found, Done):
            return
        lang = language()
        options = [Option(f"{plain(i.name):<22}{plain(identity_outcome(i, lang))}\n"
                          f"   [dim]{plain(identity_purpose(i, lang))}[/dim]", id=i.name)
                   for i in found.value]

        def chosen(identity: str | None) -> None:
            if identity:
                self.dismiss()
                self.portal_app.logout(identity=identity)

        self.app.push_screen(ChoiceDialog(t("sandbox.identity.title"), options), chosen)

    # --- the rest ---------------------------------------------------------------------------

    @on(VimOptionList.OptionSelected, "#sandbox-actions")
    def _chosen(self, event: VimOptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.run_worker(self.run_action(event.option.id))

    def action_close(self) -> None:
        self.dismiss()


def reload_beneath(app: App[Any]) -> None:
    """After a change of the portal time or its faults: the header again, and the screen
    under the panel fetches what it shows (its own refresh key's action)."""
    refresh = getattr(app, "refresh_chrome", None)
    if callable(refresh):
        refresh()
    screens = [s for s in app.screen_stack if not isinstance(s, ModalScreen)]
    if not screens:
        return
    screen = screens[-1]
    for cls in type(screen).__mro__:
        for binding in getattr(cls, "BINDINGS", ()):
            if isinstance(binding, Binding) and binding.description == "key.refresh":
                screen.run_worker(screen.run_action(binding.action))
                return
