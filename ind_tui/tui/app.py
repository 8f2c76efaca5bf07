"""PortalApp: global keys, the palette, the connection — everything else is in screens/."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from platformdirs import user_downloads_dir
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.theme import ThemeProvider

from ind_tui.i18n import set_language, t
from ind_tui.tui.context import (
    AppContext,
    Done,
    Failed,
    Result,
    ShowsChrome,
    offline_errors,
)
from ind_tui.tui.keys import KeyGate
from ind_tui.tui.screens.shell.commands import PortalCommands, PortalPalette, system_commands
from ind_tui.tui.widgets.text import LanguageChanged

if TYPE_CHECKING:
    from ind_tui.api.auth import Me
    from ind_tui.api.errors import PortalError
    from ind_tui.local.startup import StartInfo
    from ind_tui.services.connect import Connection

T = TypeVar("T")
# The styles of every screen after the login screen: Textual's CSS parser is slow enough that
# parsing them before the first paint would delay it (see `_screen_changed`).
SCREENS_CSS = Path(__file__).parent / "screens.tcss"
Connector = Callable[[], AbstractAsyncContextManager["Connection"]]


class PortalApp(App[int]):
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses may live anywhere
    TITLE = "ind-tui"
    COMMANDS = {PortalCommands}  # Textual's system commands included, after the portal's
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", id="app.quit", priority=True),
        Binding("ctrl+c", "quit_hint", show=False, id="app.ctrl_c", priority=True),
        Binding("f1,question_mark", "help", "key.help", id="app.help"),
        Binding("colon", "jump", "key.jump", id="app.jump"),
        Binding("ctrl+r", "report", "key.report", id="app.report"),
        Binding("f2", "go('home')", "key.home", id="app.go_home", show=False),
        Binding("f7", "go('account')", "key.account", id="app.go_account", show=False),
        Binding("ctrl+t", "sandbox", "key.sandbox", id="app.sandbox", show=False),
    ]

    def __init__(self, start: StartInfo, connector: Connector,
                 keymap: dict[str, str] | None = None, keymap_problem: str | None = None,
                 open_path: Path | None = None):
        super().__init__()
        self.open_path = open_path  # `ind-tui open FILE.tfa`: the draft to open after login
        # `ind-tui support reproduce`: the sandbox identity the login screen picks by itself.
        self.start_identity: str | None = None
        self.context = AppContext(start.profile_name, "" if start.embedded else start.portal,
                                  start.embedded)
        self.context.profile_portal = start.portal
        self.connector = connector
        self._keymap = dict(keymap or {})
        self._keymap_problem = keymap_problem
        self._conn_cm: AbstractAsyncContextManager[Connection] | None = None
        self._connecting = False
        self._relogin: asyncio.Future[bool] | None = None  # the one login-again under way
        self._keys = KeyGate(self)
        self._started = False  # Textual's start is over (`on_ready`)
        set_language(start.language)

    async def on_event(self, event: events.Event) -> None:
        # Typed keys go one at a time: each lands where the one before left the focus.
        if not isinstance(event, events.Key | events.Paste) or event.is_forwarded:
            await super().on_event(event)
            return
        if self._keys.admit(event):
            await super().on_event(event)
            self._keys.sent(event)

    # --- start and stop -------------------------------------------------------------------

    def on_mount(self) -> None:
        from ind_tui.tui.screens.shell.login import LoginScreen

        self.title = t("app.title")
        self._keys.start()
        if self._keymap:
            self.set_keymap(self._keymap)
        if self._keymap_problem:
            self.notify(self._keymap_problem, severity="warning", timeout=10)
        self.screen_change_signal.subscribe(self, self._screen_changed, immediate=True)
        self.push_screen(LoginScreen())  # its first paint starts the connection (first_frame)

    def _screen_changed(self, screen: Screen[object]) -> None:
        """Add the other screens' styles when the first of them opens (before it composes:
        its widgets are styled with them from the start). The signal comes as Textual makes
        a screen current, after its own CSS and before its children mount."""
        from ind_tui.tui.screens.shell.login import LoginScreen

        where = str(SCREENS_CSS)
        if isinstance(screen, LoginScreen) or self.stylesheet.has_source(where):
            return
        # Parsed when next needed, together with nothing else: the rules already parsed are
        # kept by Textual's parse cache.
        self.stylesheet.add_source(SCREENS_CSS.read_text(encoding="utf-8"), read_from=(where, ""))

    @work(exclusive=True, group="connection")
    async def open_connection(self) -> None:
        """Connect (the embedded sandbox starts in a child process) while the UI is already up."""
        import asyncio
        import importlib

        try:
            # Import the client and settings in a thread, so keys still work meanwhile.
            for module in ("ind_tui.local.settings", "ind_tui.services.connect"):
                await asyncio.to_thread(importlib.import_module, module)
            self._conn_cm = self.connector()
            conn = self.context.conn = await self._conn_cm.__aenter__()
        except Exception as exc:  # a broken config file, or a portal that will not start
            from ind_tui.api.errors import PortalError

            self._conn_cm = None
            self.show_error(PortalError(str(exc), code="connection_failed"))
            return
        self.context.portal_url = conn.base_url
        from ind_tui.i18n import language

        # Say where the login is kept when it is not where the user would expect (no keyring:
        # memory only for this run), with what to install.
        store_note = conn.store.status.guidance(language())
        if store_note is not None:
            self.notify(store_note.text(), severity="warning", timeout=10)
        try:
            info = await conn.client.portal_info()
            self.context.is_sandbox = info.sandbox
        except Exception:
            pass
        from ind_tui.tui.screens.shell.login import ConnectionReady

        for screen in self.screen_stack:
            screen.post_message(ConnectionReady())

    def on_ready(self) -> None:
        """Textual's start is over. It mounts the first screen in a batch and draws nothing
        until the batch ends, so a login screen's refresh callback may come before anything
        is on the terminal: `login_painted` waits for this."""
        self._started = True
        self.screen.call_after_refresh(self.first_frame)

    def login_painted(self) -> None:
        """A login screen has had a refresh (see `on_ready`)."""
        if self._started:
            self.first_frame()

    def first_frame(self) -> None:
        """A login screen is on the terminal (the start-up benchmark's mark). Then give it its
        focus (LoginScreen.AUTO_FOCUS) and, the first time, connect: focusing restyles the
        screen, and the client's imports (in a thread, holding the interpreter lock) and the
        embedded sandbox's start would compete with that first paint."""
        if self.focused is None:
            self.screen.focus_next()  # the first focusable, as Textual's auto focus would
        if not self._connecting:
            self._connecting = True
            self.open_connection()

    async def on_unmount(self) -> None:
        if self._conn_cm is not None:
            await self._conn_cm.__aexit__(None, None, None)

    # --- portal calls from screens --------------------------------------------------------

    async def call(self, factory: Callable[[], Awaitable[T]], *,
                   handle: tuple[type[Exception], ...] = ()) -> Result[T]:
        """Run a portal call from a screen's worker: the one way screens learn how it went.
        A lapsed session asks to log in again and retries. Errors of the types in `handle` are
        the caller's to explain (`Failed` with the error); any other refusal shows the guidance
        panel (`Failed(shown=True)`). The screen keeps everything the user entered."""
        from ind_tui.api.errors import PortalError, SessionExpiredError

        if self.context.conn is None:
            return Failed(offline=True)
        for _attempt in range(2):
            try:
                return Done(await factory())
            except SessionExpiredError:
                if not await asyncio.shield(self._log_in_again()):
                    return Failed()
            except handle as exc:
                offline = isinstance(exc, offline_errors())
                return Failed(exc, offline=offline)
            except PortalError as exc:
                self.show_error(exc)
                return Failed(exc, shown=True)
        return Failed()

    def _log_in_again(self) -> asyncio.Future[bool]:
        """One login screen for every call that found the session lapsed: calls that fail
        together (a screen loading two things, the inbox watcher) wait for the same login,
        instead of stacking login screens the user would have to go through one by one."""
        from ind_tui.tui.screens.shell.login import LoginScreen

        if self._relogin is None or self._relogin.done():
            done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

            def dismissed(ok: bool | None) -> None:
                if not done.done():
                    done.set_result(bool(ok))

            self.push_screen(LoginScreen(relogin=True), callback=dismissed)
            self._relogin = done
        return self._relogin

    def show_error(self, error: PortalError) -> None:
        from ind_tui.tui.screens.shell.guidance import GuidanceScreen

        self.context.last_error = error
        self.push_screen(GuidanceScreen(error))

    def logged_in(self, me: Me) -> None:
        self.context.me = me
        self.refresh_chrome()
        from ind_tui.tui.screens.inbox.watch import start_watch

        start_watch(self)  # news from the IND: a look every few minutes, announced once
        if self.open_path is not None:
            path, self.open_path = self.open_path, None
            # Later, so the login screen first makes way for home: Esc leads there.
            self.call_later(self._open_draft, path)

    def _open_draft(self, path: Path) -> None:
        from ind_tui.tui.screens.drafts.dialogs import open_wizard

        open_wizard(self, path)

    def refresh_chrome(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, ShowsChrome):
                screen.refresh_chrome()

    # --- Textual's own commands, in the interface language --------------------------------

    def action_command_palette(self) -> None:
        if self.use_command_palette and not any(
                isinstance(s, CommandPalette) for s in self.screen_stack):
            self.push_screen(PortalPalette(id="--command-palette"))

    def search_themes(self) -> None:
        self.push_screen(PortalPalette("textual.theme.placeholder", providers=[ThemeProvider]))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        return system_commands(self, screen)

    def save_screenshot_here(self) -> None:
        """The palette's screenshot command: saved into the downloads folder, as Textual's own
        command does, and told in the interface language."""
        try:
            path = self.save_screenshot(path=user_downloads_dir())
        except OSError as exc:
            self.notify(t("textual.screenshot.failed", reason=exc.strerror or exc),
                        severity="error")
            return
        self.notify(t("textual.screenshot.saved", path=path))

    # --- global actions -------------------------------------------------------------------

    def action_quit_hint(self) -> None:
        self.notify(t("quit.hint"))

    def action_help(self) -> None:
        from ind_tui.tui.screens.shell.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_jump(self) -> None:
        from ind_tui.tui.screens.shell.jump import JumpScreen

        def chosen(target: str | None) -> None:
            if target:
                self.action_go(target)

        self.push_screen(JumpScreen(), chosen)

    def action_go(self, target: str) -> None:
        from ind_tui.tui.screens.shell.navigation import go

        go(self, target)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The sandbox panel's key exists only where there is a sandbox to drive.
        return self.context.drives_sandbox if action == "sandbox" else True

    def action_sandbox(self, then: str | None = None) -> None:
        from ind_tui.tui.screens.sandbox.panel import open_panel

        open_panel(self, then)

    def action_report(self) -> None:
        from ind_tui.tui.screens.shell.report import ReportScreen

        if not isinstance(self.screen, ReportScreen):
            self.push_screen(ReportScreen(self.export_screen()))

    def export_screen(self) -> tuple[str, str]:
        """The current screen as SVG and as plain text, for a support bundle."""
        from ind_tui.tui.screens.shell.snapshot import export_screen

        return export_screen(self, title=self.context.portal_url or t("app.title"))

    async def switch_language(self, lang: str) -> None:
        set_language(lang)
        self.title = t("app.title")
        for screen in self.screen_stack:
            # Every screen says its texts again where they stand; nothing is rebuilt, so what
            # is typed, focused, highlighted or scrolled stays as it was.
            for node in screen.walk_children(with_self=True):
                node.post_message(LanguageChanged())
        self.refresh_bindings()
        self.notify(t("lang.switched"))

    @work(exclusive=True, group="logout")
    async def logout(self, identity: str | None = None) -> None:
        """Log out; with a sandbox test `identity`, log in again as that one (the panel's
        switch of identity goes through the same login screen as everyone)."""
        client = self.context.client
        if client is not None:
            await self.call(client.logout)
        self.context.last_error = None  # the next person's support bundle starts clean
        self.context.me = None
        from ind_tui.tui.screens.shell.login import LoginScreen

        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(LoginScreen(identity=identity))
        self.notify(t("logout.done"))
