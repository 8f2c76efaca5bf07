"""Log in with eHerkenning by device flow: a code and a URL for the browser, and — against a
sandbox — the test identities to approve the code directly, so a demo needs no browser."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.widgets.option_list import Option

from ind_tui.i18n import language, t
from ind_tui.tui.screens.shell.base import OnPortalApp, ScreenWork, set_text
from ind_tui.tui.widgets.chrome import Panel, PortalFooter, PortalHeader
from ind_tui.tui.widgets.lists import FilterList, VimOptionList
from ind_tui.tui.widgets.text import LanguageChanged, Tr, plain

if TYPE_CHECKING:
    from ind_tui.api.auth import DeviceAuthResponse, Me
    from ind_tui.api.errors import PortalError
    from ind_tui.api.sandbox_admin import Identity


class ConnectionReady(Message):
    """The app has connected to the portal (the embedded sandbox may take a moment)."""


class LoginScreen(OnPortalApp, ScreenWork, Screen[bool]):
    HELP_KEY = "login.intro"
    # Focused once painted (PortalApp.first_frame): focusing restyles the body and redraws
    # the footer, which the first frame need not wait for.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("l", "start", "key.login", id="login.start"),
        Binding("o", "open_browser", "key.open_browser", id="login.open_browser"),
        Binding("escape", "cancel", "key.back", show=False, id="login.cancel"),
    ]

    def __init__(self, relogin: bool = False, identity: str | None = None) -> None:
        super().__init__()
        self.relogin = relogin
        # A sandbox test identity to approve as soon as there is a code (the sandbox panel's
        # switch of identity), and the one that was.
        self.identity = identity
        self.switched_to: str | None = None
        self.device: DeviceAuthResponse | None = None
        self.identities: list[Identity] = []
        self.status: tuple[str | None, dict[str, object]] = ("login.starting", {})
        self.failure: PortalError | None = None  # the refusal shown, if any

    def compose(self) -> ComposeResult:
        yield PortalHeader()
        with VerticalScroll(id="login-body"):
            yield Tr("login.title", classes="title")
            if self.relogin:
                yield Tr("login.again", classes="notice")
            yield Tr("login.intro", classes="muted")
            yield Static(t("login.starting"), id="login-status")
            yield Static("", id="login-code")
            yield Static("", id="login-url")
            yield Panel("", id="login-failure", classes="-error")
            yield Tr("login.sandbox_title", id="identities-title", classes="subtitle")
            yield Tr("login.sandbox_hint", id="identities-hint", classes="muted")
            yield FilterList([], id="identities")
        yield PortalFooter()

    def on_mount(self) -> None:
        self.call_after_refresh(self.portal_app.login_painted)
        self.query_one("#login-failure").display = False
        self._show_identities(bool(self.identities))
        if self.context.conn is not None:
            self.begin()

    def on_language_changed(self, _message: LanguageChanged) -> None:
        self.refresh_chrome()
        key, values = self.status
        self._status(key, **values)
        if self.device is not None:
            self._show_code(self.device)
        if self.failure is not None:
            self._show_failure(self.failure)
        self.query_one(VimOptionList).tooltip = t("help.identities")
        if self.identities:
            self.query_one(FilterList).reword(self._identity_options())

    def _show_device(self, device: DeviceAuthResponse) -> None:
        self._show_code(device)
        self._status("login.waiting", minutes=max(1, device.expires_in // 60))

    def _show_code(self, device: DeviceAuthResponse) -> None:
        set_text(self, "#login-code", t("login.code", code=device.user_code))
        set_text(self, "#login-url", t("login.visit", url=device.verification_uri))

    def refresh_chrome(self) -> None:
        self.query_one(PortalHeader).update_from_app()

    def on_connection_ready(self, _: ConnectionReady) -> None:
        self.refresh_chrome()
        self.begin()

    def _show_identities(self, shown: bool) -> None:
        for selector in ("#identities-title", "#identities-hint", "#identities"):
            self.query_one(selector).display = shown

    def _status(self, key: str | None, **values: object) -> None:
        """Say where the login is (a catalogue key and its values; None says nothing)."""
        self.status = (key, values)
        set_text(self, "#login-status", t(key, **values) if key is not None else "")

    @work(exclusive=True, group="login-begin")
    async def begin(self) -> None:
        """Reuse a stored session if it still works; otherwise start a device login."""
        conn = self.context.conn
        assert conn is not None
        client = conn.client
        self._status("login.connecting", url=conn.base_url)
        if not self.relogin and await client.stored_login() is not None:
            from ind_tui.api.errors import PortalError

            try:
                self._success(await client.me())
                return
            except PortalError:
                pass  # the stored session is gone: log in afresh
        admin = conn.sandbox_admin()
        if admin is not None:
            from ind_tui.api.errors import PortalError

            try:
                self.identities = await admin.identities()
            except PortalError:
                self.identities = []
            self._fill_identities()
        self.action_start()

    def _fill_identities(self) -> None:
        options = self._identity_options()
        self.query_one(FilterList).set_options(options)
        self.query_one(VimOptionList).tooltip = t("help.identities")
        self._show_identities(bool(options))
        if options:
            self.query_one(VimOptionList).focus()

    def _identity_options(self) -> list[Option]:
        from ind_tui.services.sandbox import identity_outcome, identity_purpose

        options, lang = [], language()
        for ident in self.identities:
            # Two short lines, so the list reads well at 80 columns; what the login becomes
            # and what the identity is for in words of the interface language.
            prompt = (f"{ident.name:<21}{ident.person_name:<17}{ident.assurance_level:<5}"
                      f"{plain(identity_outcome(ident, lang))}\n   [dim]KvK {ident.kvk} · "
                      f"{plain(identity_purpose(ident, lang))}[/dim]")
            options.append(Option(prompt, id=ident.name))
        return options

    def action_start(self) -> None:
        if self.context.conn is not None:
            self.run_login()

    @work(exclusive=True, group="login")
    async def run_login(self) -> None:
        from ind_tui.api.errors import PortalError

        client = self.context.client
        assert client is not None  # only started once connected (action_start)
        self.query_one("#login-failure").display = False
        self.failure = None
        try:
            self.device = device = await client.start_login()
            self._show_device(device)
            pick, self.portal_app.start_identity = self.portal_app.start_identity, None
            if self.identity is not None:  # the sandbox panel's switch
                self.switched_to, self.identity = self.identity, None
                pick = self.switched_to
            if pick is not None:  # also `support reproduce`: as if picked from the list
                self.approve(pick)
            me = await client.finish_login(device)
        except PortalError as exc:
            self._failed(exc)
            return
        self._success(me)

    def _failed(self, error: object) -> None:
        from ind_tui.api.errors import PortalError

        assert isinstance(error, PortalError)
        self.context.last_error = error
        self.failure = error
        self._show_failure(error)
        self._status(None)
        self.query_one("#login-code", Static).update("")
        self.query_one("#login-url", Static).update("")
        self.device = None

    def _show_failure(self, error: PortalError) -> None:
        g = error.guidance(language())
        ref = t("error.request", rid=error.request_id) if error.request_id else ""
        panel = self.query_one("#login-failure", Panel)
        panel.border_title = t("login.failed")
        panel.update(f"[b]{g.title}[/b]\n{g.explanation}\n{g.action}\n"
                     f"{t('error.code', code=error.code)}  {ref}\n\n{t('login.start')}")
        panel.display = True

    def _success(self, me: Me) -> None:
        app = self.portal_app
        app.logged_in(me)
        if self.switched_to is not None:
            from ind_tui.tui.screens.sandbox.panel import who_now

            app.notify(who_now(me, self.switched_to))
        else:
            app.notify(t("login.success", name=me.person_name))
        if self.relogin:
            self.dismiss(True)
            return
        from ind_tui.tui.screens.shell.home import HomeScreen

        app.switch_screen(HomeScreen())

    @on(VimOptionList.OptionSelected)
    def _identity_chosen(self, event: VimOptionList.OptionSelected) -> None:
        if event.option.id:
            self.approve(event.option.id)

    @work(exclusive=True, group="approve")
    async def approve(self, identity: str) -> None:
        conn = self.context.conn
        admin = conn.sandbox_admin() if conn is not None else None
        if admin is None:
            return
        if self.device is None:  # a refused login ended the last code: get a new one
            self.action_start()
            for _ in range(100):
                if self.device is not None:
                    break
                from asyncio import sleep

                await sleep(0.05)
        if self.device is None:
            return
        from ind_tui.api.errors import PortalError

        try:
            await admin.approve(self.device.user_code, identity)
        except PortalError as exc:
            self._failed(exc)

    def action_open_browser(self) -> None:
        if self.device is None:
            return
        url = self.device.verification_uri_complete
        import webbrowser  # not before the first frame

        try:
            opened = webbrowser.open(url)
        except webbrowser.Error:
            opened = False
        key = "login.browser_opened" if opened else "login.browser_failed"
        self.notify(t(key, url=url), severity="information" if opened else "warning")

    def action_cancel(self) -> None:
        if self.relogin:
            self.dismiss(False)
