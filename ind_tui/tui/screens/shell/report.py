"""Report a problem the way the IND asks: a support bundle and a ready e-mail."""

from __future__ import annotations

from datetime import UTC, datetime

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ind_tui.i18n import t
from ind_tui.i18n.format import local
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.text import Tr


class ReportScreen(PortalScreen):
    HELP_KEY = "report.intro"
    BINDINGS = [Binding("ctrl+s", "make", "report.make", id="report.make")]

    def __init__(self, screen: tuple[str, str]) -> None:
        super().__init__()
        self.svg, self.text = screen  # taken before this screen covered the user's screen

    def body(self) -> ComposeResult:
        with VerticalScroll(id="report-body"):
            yield Tr("report.title", classes="title")
            yield Tr("report.intro", classes="muted")
            yield Tr("report.describe")
            yield TextArea(id="report-text", tooltip=t("help.report"))
            yield Static(self._keys(), classes="muted", id="report-keys")
            yield Panel("", id="report-result")

    def on_mount(self) -> None:
        self.query_one("#report-result").display = False
        self.query_one(TextArea).focus()

    @staticmethod
    def _keys() -> str:
        return t("key.submit") + ": ctrl+s"

    def relabel(self) -> None:
        self.query_one(TextArea).tooltip = t("help.report")
        set_text(self, "#report-keys", self._keys())

    def action_make(self) -> None:
        self.make_bundle()

    @work(exclusive=True, group="report")
    async def make_bundle(self) -> None:
        import asyncio

        from ind_tui.services.support import BundleInput, account_of, build_bundle, error_of

        context = self.context
        me = context.me
        description = self.query_one(TextArea).text.strip() or t("report.no_description")
        error = context.last_error
        company = (me.acting_for or me.company) if me else None
        kvk = company.kvk if company else "-"
        # Amsterdam time, as every time the app shows (this computer may keep UTC); the
        # bundle's report.json keeps the machine-readable moments.
        when = f"{local(datetime.now(UTC), seconds=True)} (Amsterdam)"
        mail = (t("report.subject", kvk=kvk) + "\n\n" + t(
            "report.body", kvk=kvk, when=when, portal=context.portal_url or "-",
            rid=(error.request_id if error else None) or "-", text=description,
            name=me.person_name if me else "-"))
        requests = context.client.reqlog.as_dicts() if context.client else []
        # The screen the user was on: under this one, and under any dialog or error panel.
        below = [s for s in self.app.screen_stack if s is not self
                 and not isinstance(s, ModalScreen)]
        data = BundleInput(
            screenshot_svg=self.svg, screen_text=self.text, description=description,
            portal_url=context.portal_url, profile=context.profile_name, kvk=kvk,
            own_kvk=me.company.kvk if me else None,
            person=me.person_name if me else None, requests=requests, mail_text=mail,
            last_error=error_of(error), account=account_of(me),
            screen=type(below[-1]).__name__ if below else None, portal_time=context.now(),
        )
        try:
            path = await asyncio.to_thread(build_bundle, data)
        except OSError as exc:  # a full or read-only data dir: say so, keep the text
            self.notify(t("report.failed", reason=exc.strerror or str(exc)), severity="error",
                        timeout=15)
            return
        panel = self.query_one("#report-result", Panel)
        panel.border_title = t("report.mail_title")
        panel.update(f"{t('report.done', path=path)}\n{t('report.mail_hint')}\n\n{mail}")
        panel.display = True
        panel.scroll_visible()
        self.notify(t("report.done", path=path))
