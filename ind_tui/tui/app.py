"""PortalApp: global keys, the palette, the connection — everything else is in screens/."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.app import App
from textual.binding import Binding

from ind_tui.i18n import set_language, t
from ind_tui.tui.screens.shell.base import PortalScreen
from ind_tui.tui.screens.shell.commands import PortalCommands
from ind_tui.tui.widgets.text import LanguageChanged

if TYPE_CHECKING:
    from ind_tui.api.errors import PortalError
    from ind_tui.api.models import Me
    from ind_tui.local.startup import StartInfo
    from ind_tui.services.connect import Connection

T = TypeVar("T")
Connector = Callable[[], AbstractAsyncContextManager["Connection"]]


class PortalApp(App[int]):
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute: subclasses may live anywhere
    TITLE = "ind-tui"
    COMMANDS = App.COMMANDS | {PortalCommands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", id="app.quit", priority=True),
        Binding("ctrl+c", "quit_hint", show=False, id="app.ctrl_c", priority=True),
        Binding("f1,question_mark", "help", "key.help", id="app.help"),
        Binding("colon", "jump", "key.jump", id="app.jump"),
        Binding("ctrl+r", "report", "key.report", id="app.report"),
        Binding("f2", "go('home')", "key.home", id="app.go_home", show=False),
        Binding("f7", "go('account')", "key.account", id="app.go_account", show=False),
    ]

    def __init__(self, start: StartInfo, connector: Connector,
                 keymap: dict[str, str] | None = None, keymap_problem: str | None = None,
                 open_path: Path | None = None):
        super().__init__()
        self.open_path = open_path  # `ind-tui open FILE.tfa`: the draft to open after login
        self.inbox_unread = 0  # unread messages, for the header (screens/inbox_watch.py)
        self.profile_name = start.profile_name
        self.portal_url = "" if start.embedded else start.portal
        self.is_sandbox = start.embedded
        self.connector = connector
        self.conn: Connection | None = None
        self.me: Me | None = None
        self.last_error: PortalError | None = None
        self._keymap = dict(keymap or {})
        self._keymap_problem = keymap_problem
        self._conn_cm: AbstractAsyncContextManager[Connection] | None = None
        set_language(start.language)

    # --- start and stop -------------------------------------------------------------------

    def on_mount(self) -> None:
        from ind_tui.tui.screens.shell.login import LoginScreen

        self.title = t("app.title")
        if self._keymap:
            self.set_keymap(self._keymap)
        if self._keymap_problem:
            self.notify(self._keymap_problem, severity="warning", timeout=10)
        self.push_screen(LoginScreen())
        # Paint first, then connect: the token-store probe and the embedded sandbox (FastAPI,
        # uvicorn, SQLite) would otherwise hold up the first frame.
        self.call_after_refresh(self.open_connection)

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
            self.conn = await self._conn_cm.__aenter__()
        except Exception as exc:  # a broken config file, or a portal that will not start
            from ind_tui.api.errors import PortalError

            self._conn_cm = None
            self.show_error(PortalError(str(exc), code="connection_failed"))
            return
        self.portal_url = self.conn.base_url
        from ind_tui.i18n import language

        # Say where the login is kept when it is not where the user would expect (no keyring:
        # memory only for this run), with what to install.
        store_note = self.conn.store.status.guidance(language())
        if store_note is not None:
            self.notify(store_note.text(), severity="warning", timeout=10)
        try:
            info = await self.conn.client.portal_info()
            self.is_sandbox = info.sandbox
        except Exception:
            pass
        from ind_tui.tui.screens.shell.login import ConnectionReady

        for screen in self.screen_stack:
            screen.post_message(ConnectionReady())

    def first_frame(self) -> None:
        """Called once the login screen has been painted (the start-up benchmark's mark)."""

    async def on_unmount(self) -> None:
        if self._conn_cm is not None:
            await self._conn_cm.__aexit__(None, None, None)

    # --- portal calls from screens --------------------------------------------------------

    async def call(self, factory: Callable[[], Awaitable[T]]) -> T | None:
        """Run a portal call from a screen's worker. A lapsed session asks to log in again and
        retries; any other error shows the guidance panel. Returns None when it failed; the
        screen keeps everything the user entered."""
        from ind_tui.api.errors import PortalError, SessionExpiredError

        for _attempt in range(2):
            try:
                return await factory()
            except SessionExpiredError:
                from ind_tui.tui.screens.shell.login import LoginScreen

                if not await self.push_screen_wait(LoginScreen(relogin=True)):
                    return None
            except PortalError as exc:
                self.show_error(exc)
                return None
        return None

    def show_error(self, error: PortalError) -> None:
        from ind_tui.tui.screens.shell.guidance import GuidanceScreen

        self.last_error = error
        self.push_screen(GuidanceScreen(error))

    def logged_in(self, me: Me) -> None:
        self.me = me
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
            refresh = getattr(screen, "refresh_chrome", None)
            if refresh is not None:
                refresh()

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

    def action_report(self) -> None:
        from ind_tui.tui.screens.shell.report import ReportScreen

        if not isinstance(self.screen, ReportScreen):
            self.push_screen(ReportScreen(self.export_screen()))

    def export_screen(self) -> tuple[str, str]:
        """The current screen as SVG and as plain text, for a support bundle."""
        from ind_tui.tui.screens.shell.snapshot import export_screen

        return export_screen(self, title=self.portal_url or t("app.title"))

    async def switch_language(self, lang: str) -> None:
        set_language(lang)
        self.title = t("app.title")
        for screen in self.screen_stack:
            if isinstance(screen, PortalScreen) and screen.RELABELS_IN_PLACE:
                for node in screen.walk_children(with_self=True):
                    node.post_message(LanguageChanged())
                continue
            await screen.recompose()
            # Recomposing rebuilds widgets from scratch; screens put their data back.
            restore = getattr(screen, "after_recompose", None)
            if restore is not None:
                restore()
        self.refresh_bindings()
        self.notify(t("lang.switched"))

    @work(exclusive=True, group="logout")
    async def logout(self) -> None:
        if self.conn is not None:
            await self.call(self.conn.client.logout)
        self.me = None
        from ind_tui.tui.screens.shell.login import LoginScreen

        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(LoginScreen())
        self.notify(t("logout.done"))
