"""Appointments at IND desks and expat centres: this account's bookings, and booking the first
free slot across chosen places for a case's foreign national; moving and cancelling."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, Final, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.widgets import Static

from ind_tui.api.appointments import AppointmentStatus, LocationKind, purposes_for
from ind_tui.i18n import t
from ind_tui.i18n.format import AMSTERDAM, day
from ind_tui.tui.context import Failed, Result, offline_errors
from ind_tui.tui.screens.appointments.book import (
    CasePicker,
    LocationPicker,
    PurposePicker,
    SlotPicker,
    place_name,
    purpose_text,
    remember_locations,
    remembered_locations,
    when,
    when_short,
)
from ind_tui.tui.screens.shell.base import PortalScreen, set_text
from ind_tui.tui.widgets.chrome import Panel
from ind_tui.tui.widgets.confirm import ConfirmDialog
from ind_tui.tui.widgets.facts import facts
from ind_tui.tui.widgets.filter_table import FilterTable
from ind_tui.tui.widgets.load_state import LoadLine
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.table_model import Column
from ind_tui.tui.widgets.text import Tr, plain

if TYPE_CHECKING:
    from ind_tui.api.appointments import Appointment, Location, Slot, VisitPurpose

TAKEN: Final = "taken"  # someone else got the slot first


def _columns() -> list[Column]:
    # At 80 columns date and time, case, name, place and status stay whole; the purpose gives
    # way (the detail under the list names it).
    return [
        Column("when", t("appointments.col.when"), min_width=14, formatter=when_short),
        Column("zaak", t("appointments.col.zaak"), width=10, min_width=10),
        Column("employee", t("appointments.col.employee"), min_width=10),
        Column("purpose", t("appointments.col.purpose"), min_width=7, keep_from=96),
        Column("place", t("appointments.col.place"), min_width=14),
        Column("status", t("appointments.col.status"), min_width=9),
    ]


class AppointmentsScreen(PortalScreen):
    HELP_KEY = "appointments.help"
    BINDINGS = [
        Binding("b", "book", "appointments.key.book", id="appointments.book"),
        Binding("m", "reschedule", "appointments.key.reschedule", id="appointments.reschedule"),
        Binding("x", "cancel_booking", "appointments.key.cancel", id="appointments.cancel"),
        Binding("r", "reload", "key.refresh", id="appointments.refresh"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.bookings: list[Appointment] = []
        self.locations: list[Location] = []
        self.loaded = False
        self._query = query  # e.g. "zaak:3100000007", to open on one case's bookings
        self._select: str | None = None  # the booking to put the cursor on after a reload
        self._keys: dict[tuple[str, str], str] = {}  # (zaak, slot) -> its idempotency key

    # --- layout and loading -----------------------------------------------------------------

    def body(self) -> ComposeResult:
        yield Static(t("appointments.title"), classes="title", id="appointments-title")
        table = VirtualTable(_columns(), empty_text=t("appointments.loading"),
                             id="appointments-table")
        yield LoadLine(table, loading="appointments.loading", empty="appointments.none",
                       id="appointments-load")
        yield FilterTable(table, id="appointments-list")
        yield Panel("", id="appointments-detail")
        yield Tr("appointments.hint", classes="muted", id="appointments-hint")

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#appointments-table", VirtualTable)

    def on_mount(self) -> None:
        self.table.sort(0)
        self.table.focus()
        if self._query:
            self.query_one("#appointments-list", FilterTable).show_filter(self._query)
        self.action_reload()

    def relabel(self) -> None:
        self.table.retitle(_columns())
        if not self.loaded:
            set_text(self, "#appointments-title", t("appointments.title"))
        self._show_rows()

    @work(exclusive=True, group="appointments-load")
    async def action_reload(self) -> None:
        client = self.context.client
        if client is None:
            return
        line = self.query_one("#appointments-load", LoadLine)
        line.started()
        if not self.locations:
            # Unreachable or busy: the line says so, no panel; other refusals show theirs too.
            places = await self.portal_app.call(client.locations, handle=offline_errors())
            if not self.is_attached:
                return
            if isinstance(places, Failed):
                line.failed(places)
                return
            self.locations = places.value
        found = await self.portal_app.call(client.appointments, handle=offline_errors())
        if not self.is_attached:
            return
        if isinstance(found, Failed):
            line.failed(found)
            return
        self.bookings = found.value
        self.loaded = True
        self._show_rows()
        line.done(len(self.bookings))

    def _place(self, appointment: Appointment) -> str:
        return place_name(appointment.location_id, appointment.location_name,
                          appointment.location_name_nl)

    def _short_place(self, appointment: Appointment) -> str:
        """City and kind, e.g. "Zwolle (IND)", for the narrow list column."""
        loc = next((x for x in self.locations if x.id == appointment.location_id), None)
        if loc is None:
            return self._place(appointment)
        return t(f"appointments.short_place.{loc.kind.value}", city=loc.city)

    def _show_rows(self) -> None:
        table = self.table
        keep = self._select or (self.current.id if self.current is not None else None)
        self._select = None
        table.set_rows([
            (a.starts_at, a.zaaknummer, a.employee_name,
             t(f"appointments.purpose_short.{a.purpose.value}"), self._short_place(a),
             t(f"appointments.status.{a.status.value}"))
            for a in self.bookings])
        if keep is not None:
            for pos, index in enumerate(table.model.view):
                if self.bookings[index].id == keep:
                    table.jump_to(pos)
                    break
        upcoming = sum(a.status is AppointmentStatus.BOOKED for a in self.bookings)
        set_text(self, "#appointments-title", t("appointments.title_count", count=upcoming))
        self._show_detail()

    @property
    def current(self) -> Appointment | None:
        try:
            index = self.table.cursor_row_index
        except NoMatches:  # being recomposed
            return None
        if index is None or index >= len(self.bookings):
            return None
        return self.bookings[index]

    @on(VirtualTable.CursorMoved, "#appointments-table")
    def _moved(self, _: VirtualTable.CursorMoved) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        panel = self.query_one("#appointments-detail", Panel)
        a = self.current
        panel.display = a is not None
        if a is None:
            return
        kind = next((loc.kind for loc in self.locations if loc.id == a.location_id), None)
        kind_text = t("appointments.kind.expat_centre") if kind is LocationKind.EXPAT_CENTRE \
            else t("appointments.kind.ind_desk")
        ends = a.ends_at.astimezone(AMSTERDAM)
        panel.border_title = f"{plain(a.employee_name)} · {a.zaaknummer}"
        panel.update(facts([
            (t("appointments.col.purpose"),
             f"[b]{purpose_text(a.purpose)}[/b] · {when(a.starts_at)}–{ends:%H:%M}"),
            (t("appointments.col.place"), f"{self._place(a)} ({kind_text})"),
            (t("appointments.col.status"), t(
                "appointments.detail_status", status=t(f"appointments.status.{a.status.value}"),
                booked=day(a.booked_at.astimezone(AMSTERDAM).date()))),
        ], f"[dim]{t(f'appointments.help.{a.purpose.value}')}[/dim]"))

    def _names(self) -> dict[str, str]:
        return {loc.id: place_name(loc.id, loc.name_en, loc.name_nl) for loc in self.locations}

    # --- book -------------------------------------------------------------------------------

    @work(exclusive=True, group="appointments-flow")
    async def action_book(self) -> None:
        client = self.context.client
        if client is None or not self.locations:
            return
        cases = (await self.portal_app.call(client.cases)).or_none()
        if cases is None or not self.is_attached:
            return
        open_cases = [c for c in cases if purposes_for(c.status, c.decision, c.type_id)]
        case = await self.app.push_screen_wait(CasePicker(open_cases))
        if case is None:
            return
        purpose = await self.app.push_screen_wait(PurposePicker(case))
        if purpose is None:
            return
        places = await self.app.push_screen_wait(
            LocationPicker(self.locations, case.type_id, remembered_locations()))
        if places is None:
            return
        remember_locations(places)
        await self._book_slot(case.zaaknummer, purpose, places)

    async def _book_slot(self, zaak: str, purpose: VisitPurpose, places: list[str]) -> None:
        from ind_tui.client.retry import new_idempotency_key

        client = self.context.client
        assert client is not None
        note = ""
        while True:
            slot: Slot | None = await self.app.push_screen_wait(
                SlotPicker(purpose, places, zaak, self._names(), note))
            if slot is None:
                return
            # One key per booking meant: sending it again after a lost answer books once.
            key = self._keys.setdefault((zaak, slot.id), new_idempotency_key())
            outcome = await self._unless_taken(partial(client.book, zaak, slot.id, key))
            if outcome == TAKEN:
                note = t("appointments.taken")
                continue
            if isinstance(outcome, Failed):
                return  # the guidance panel said why
            self._keys.pop((zaak, slot.id), None)
            self._done(outcome.value, "appointments.booked")
            return

    def _done(self, appointment: Appointment, key: str) -> None:
        self.notify(t(key, when=when(appointment.starts_at), place=self._place(appointment)))
        self._select = appointment.id
        self.action_reload()

    # --- move and cancel --------------------------------------------------------------------

    def _open_booking(self) -> Appointment | None:
        a = self.current
        if a is None:
            return None
        if a.status is not AppointmentStatus.BOOKED:
            self.notify(t("appointments.closed"), severity="warning")
            return None
        return a

    @work(exclusive=True, group="appointments-flow")
    async def action_reschedule(self) -> None:
        a = self._open_booking()
        client = self.context.client
        if a is None or client is None:
            return
        chosen = remembered_locations() or [a.location_id]
        places = await self.app.push_screen_wait(LocationPicker(self.locations, None, chosen))
        if places is None:
            return
        remember_locations(places)
        note = ""
        while True:
            slot: Slot | None = await self.app.push_screen_wait(
                SlotPicker(a.purpose, places, a.zaaknummer, self._names(), note))
            if slot is None:
                return
            outcome = await self._unless_taken(partial(client.reschedule, a.id, slot.id))
            if outcome == TAKEN:
                note = t("appointments.taken")
                continue
            if isinstance(outcome, Failed):
                return
            self._done(outcome.value, "appointments.moved")
            return

    @work(exclusive=True, group="appointments-flow")
    async def action_cancel_booking(self) -> None:
        a = self._open_booking()
        client = self.context.client
        if a is None or client is None:
            return
        sure = await self.app.push_screen_wait(ConfirmDialog(
            t("appointments.cancel_text", employee=plain(a.employee_name),
              purpose=purpose_text(a.purpose), when=when(a.starts_at), place=self._place(a)),
            title=t("appointments.cancel_title"), yes=t("appointments.cancel_yes"),
            no=t("appointments.cancel_no"), danger=True))
        if not sure:
            return
        done = (await self.portal_app.call(lambda: client.cancel_appointment(a.id))).or_none()
        if done is not None and self.is_attached:
            self._done(done, "appointments.cancelled")


    async def _unless_taken(self, booking: Callable[[], Awaitable[Appointment]]
                            ) -> Result[Appointment] | Literal["taken"]:  # fmt: skip
        """The booking, or TAKEN when someone else got the slot first (the user picks again);
        any other failure goes to the guidance panel."""
        from ind_tui.api.errors import ConflictError
        from ind_tui.api.wire import ErrorCode

        app = self.portal_app
        outcome = await app.call(booking, handle=(ConflictError,))
        if isinstance(outcome, Failed) and isinstance(outcome.error, ConflictError):
            if outcome.error.code == ErrorCode.SLOT_TAKEN:
                return TAKEN
            app.show_error(outcome.error)
        return outcome
