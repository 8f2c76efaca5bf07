"""Home: the portal's services as the main areas, with the reason for any the account may
not use, and when the portal data was last refreshed."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static
from textual.widgets.option_list import Option

from ind_tui.api.auth import Role
from ind_tui.i18n import t
from ind_tui.i18n.format import local
from ind_tui.tui.screens.shell.areas import home_lines, refusal
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.text import Tr, plain

# (area, key) in the order home lists them
AREAS = tuple((area, str(key)) for key, area in enumerate(
    ("new", "drafts", "cases", "employees", "account", "inbox", "due", "appointments",
     "payments"), start=1))


class HomeScreen(PortalScreen):
    HELP_KEY = "home.hint"
    BINDINGS = [
        *(Binding(key, f"area('{area}')", f"home.area.{area}", show=False,
                  id=f"home.area_{area}") for area, key in AREAS),
        Binding("r", "reload", "key.refresh", id="home.refresh"),
    ]

    def body(self) -> ComposeResult:
        me = self.context.me
        if me is None:
            return
        yield Tr("home.greeting", name=me.person_name, classes="title")
        yield Static(self._company(), id="home-company")
        if me.role is Role.EMPLOYER:
            yield Tr("home.wrong_account", kvk=me.company.kvk, classes="muted")
        areas = VimOptionList(*self._options(), id="areas")
        areas.tooltip = t("help.areas")  # what ? / F1 explains for this list
        yield areas
        today = Static("", id="today")
        today.display = False  # shown once an area has something to say
        yield today
        yield Static("", id="refreshed", classes="muted")
        yield Tr("home.hint", classes="muted")

    def _company(self) -> str:
        me = self.context.me
        assert me is not None
        company = me.acting_for or me.company
        role = t(f"home.role.{me.role.value}")
        return f"{t('home.company', name=plain(company.name), kvk=company.kvk)} · {role}"

    def _options(self) -> list[Option]:
        me = self.context.me
        assert me is not None
        titles = {area: t(f"home.area.{area}") for area, _ in AREAS}
        width = max(len(title) for title in titles.values()) + 2
        options = []
        self._refusals: dict[str, str] = {}
        # One line per area, so all nine fit on an 80x24 terminal with the day's lines.
        for area, key in AREAS:
            title = f"{key}  [b]{titles[area]}[/b]" + " " * (width - len(titles[area]))
            reason = refusal(me, area)
            if reason is not None:
                self._refusals[area] = t("home.not_allowed", reason=reason)
                options.append(Option(title + self._refusals[area], id=area, disabled=True))
            else:
                options.append(Option(f"{title}[dim]{t(f'home.area.{area}.help')}[/dim]",
                                      id=area))
        return options

    def on_mount(self) -> None:
        self.query_one("#areas").focus()
        self.action_reload()

    def relabel(self) -> None:
        if self.context.me is None:
            return
        set_text(self, "#home-company", self._company())
        areas = self.query_one("#areas", VimOptionList)
        highlighted = areas.highlighted
        areas.clear_options()
        areas.add_options(self._options())
        areas.highlighted = highlighted
        areas.tooltip = t("help.areas")
        self.action_reload()  # the day's lines, in the new language

    def on_screen_resume(self) -> None:
        # Back from an area: what it did (a filing, a deregistration) changes the day's lines.
        # Not when home only showed between two screens (a jump from `:` passes through it).
        self.set_timer(0.3, self._reload_if_shown)

    def _reload_if_shown(self) -> None:
        if self.is_attached and self.app.screen is self and self.query("#areas"):
            self.action_reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Home is the bottom of the stack: there is nowhere to go back to.
        return action != "back"

    @work(exclusive=True, group="home")
    async def action_reload(self) -> None:
        client = self.context.client
        if client is None:
            return
        info = (await self.portal_app.call(client.portal_info)).or_none()
        if info is None or not self.is_attached:  # the user may have moved on meanwhile
            return
        # One line: at 80x24 every line counts.
        set_text(self, "#refreshed", t("home.times", when=local(info.last_refresh),
                                       now=local(info.now)))
        lines = (await self.portal_app.call(lambda: home_lines(self.portal_app))).or_none()
        if lines is not None and self.is_attached:
            set_text(self, "#today", "\n".join(lines))
            for today in self.query("#today"):  # gone if the app closed meanwhile
                today.display = bool(lines)

    @on(VimOptionList.OptionSelected, "#areas")
    def _chosen(self, event: VimOptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_area(event.option.id)

    def action_area(self, area: str) -> None:
        option = self.query_one(VimOptionList).get_option(area)
        if option.disabled:
            self.notify(self._refusals.get(area, ""), severity="warning")
            return
        self.portal_app.action_go(area)
