"""The steps of booking (or moving) a desk appointment, each a small dialog that returns its
choice: which case, which visit, which places (remembered for next time), which slot.
AppointmentsScreen chains them."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.widgets import SelectionList, Static
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from ind_tui.api.appointments import LocationKind, VisitPurpose, purposes_for
from ind_tui.base.atomic import atomic_write_text
from ind_tui.i18n import language, t
from ind_tui.i18n.format import AMSTERDAM, day, local
from ind_tui.tui.screens.cases.columns import type_label
from ind_tui.tui.screens.shell.base import OnPortalApp, ScreenWork, set_text
from ind_tui.tui.widgets.chrome import PortalFooter
from ind_tui.tui.widgets.filter_table import FilterTable
from ind_tui.tui.widgets.lists import VimOptionList
from ind_tui.tui.widgets.table import VirtualTable
from ind_tui.tui.widgets.table_model import Column
from ind_tui.tui.widgets.text import LanguageChanged, Tr, plain

if TYPE_CHECKING:
    from datetime import datetime

    from ind_tui.api.appointments import Location, SlotSearch
    from ind_tui.api.cases import CaseSummary

REMEMBERED = "appointments.json"
PER_LOCATION = 3  # free slots offered per location


# --- small shared pieces ------------------------------------------------------------------------


def when(moment: datetime) -> str:
    """A slot's time as people read it: weekday, date, time (Amsterdam)."""
    weekday = moment.astimezone(AMSTERDAM).weekday()
    return f"{t(f'appointments.weekday.{weekday}')} {local(moment)}"


def when_short(moment: datetime) -> str:
    """The same without the year, for a narrow list column."""
    local = moment.astimezone(AMSTERDAM)
    return f"{t(f'appointments.weekday.{local.weekday()}')} {local:%d-%m %H:%M}"


def place_name(location_id: str, name_en: str, name_nl: str) -> str:
    return name_nl if language() == "nl" and name_nl else name_en or location_id


def case_status(status: str) -> str:
    """A case status in words (the cases area's texts; the plain value if it has none)."""
    key = f"cases.status.{status}"
    text = t(key)
    return status.replace("_", " ") if text == key else text


def purpose_text(purpose: VisitPurpose) -> str:
    return t(f"appointments.purpose.{purpose.value}")


def remembered_locations() -> list[str]:
    """The places chosen last time (none when never chosen or unreadable)."""
    from ind_tui.local.paths import config_dir

    try:
        data = json.loads((config_dir() / REMEMBERED).read_text(encoding="utf-8"))
        return [x for x in data.get("locations", []) if isinstance(x, str)]
    except (OSError, ValueError, AttributeError):
        return []


def remember_locations(ids: Sequence[str]) -> None:
    from ind_tui.local.paths import config_dir

    with contextlib.suppress(OSError):  # a preference only: the booking goes ahead without it
        atomic_write_text(config_dir() / REMEMBERED, json.dumps({"locations": list(ids)}))


class _Step(OnPortalApp, ScreenWork, ModalScreen[Any]):
    BINDINGS = [Binding("escape", "cancel", "key.back", id="appointments.step_cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)


# --- 1: the case ------------------------------------------------------------------------------


class CasePicker(_Step):
    """The cases whose foreign national can come to a desk now."""

    def __init__(self, cases: Sequence[CaseSummary]) -> None:
        super().__init__()
        self.cases = list(cases)

    def compose(self) -> ComposeResult:
        table = VirtualTable(self._columns(), self._rows(),
                             empty_text=t("appointments.no_cases"), id="pick-case-table")
        with Vertical(id="pick-case", classes="dialog appointments-step"):
            yield Tr("appointments.step.case", classes="title")
            yield Tr("appointments.step.case_hint", classes="muted")
            yield FilterTable(table, id="pick-case-list")
        yield PortalFooter()

    @staticmethod
    def _columns() -> list[Column]:
        return [
            Column("zaak", t("appointments.col.zaak"), width=10),
            Column("employee", t("appointments.col.employee"), min_width=10),
            Column("type", t("appointments.col.type"), min_width=8),
            Column("status", t("appointments.col.status"), min_width=8),
        ]

    def _rows(self) -> list[tuple[str, ...]]:
        return [(c.zaaknummer, c.employee_name, type_label(c.type_id),
                 case_status(c.status.value)) for c in self.cases]

    def on_language_changed(self, _message: LanguageChanged) -> None:
        table = self.query_one("#pick-case-table", VirtualTable)
        table.retitle(self._columns())
        table.set_rows(self._rows())
        table.empty_text = t("appointments.no_cases")

    def on_mount(self) -> None:
        self.query_one("#pick-case-table").focus()

    @on(VirtualTable.RowSelected, "#pick-case-table")
    def _chosen(self, event: VirtualTable.RowSelected) -> None:
        self.dismiss(self.cases[event.row_index])


# --- 2: the visit -----------------------------------------------------------------------------


class PurposePicker(_Step):
    """Why the person comes; visits the case does not allow now are shown, greyed, with why."""

    def __init__(self, case: CaseSummary) -> None:
        super().__init__()
        self.case = case
        self.allowed = purposes_for(case.status, case.decision, case.type_id)

    def compose(self) -> ComposeResult:
        options = [Option(self._label(purpose), id=purpose.value,
                          disabled=purpose not in self.allowed) for purpose in VisitPurpose]
        with Vertical(id="pick-purpose", classes="dialog appointments-step"):
            yield Tr("appointments.step.purpose", classes="title")
            yield Tr("appointments.for_case", classes="muted",
                     employee=plain(self.case.employee_name), zaak=self.case.zaaknummer)
            yield VimOptionList(*options, id="pick-purpose-list")
        yield PortalFooter()

    def _label(self, purpose: VisitPurpose) -> str:
        if purpose not in self.allowed:
            return f"{purpose_text(purpose)}\n   " + t(f"appointments.not_now.{purpose.value}")
        explained = t(f"appointments.help.{purpose.value}")
        return f"[b]{purpose_text(purpose)}[/b]\n   [dim]{explained}[/dim]"

    def on_language_changed(self, _message: LanguageChanged) -> None:
        options = self.query_one("#pick-purpose-list", VimOptionList)
        for purpose in VisitPurpose:
            options.replace_option_prompt(purpose.value, self._label(purpose))

    def on_mount(self) -> None:
        options = self.query_one("#pick-purpose-list", VimOptionList)
        options.focus()
        first = next((i for i, p in enumerate(VisitPurpose) if p in self.allowed), None)
        if first is not None:
            options.highlighted = first

    @on(VimOptionList.OptionSelected, "#pick-purpose-list")
    def _chosen(self, event: VimOptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(VisitPurpose(event.option.id))


# --- 3: the places ----------------------------------------------------------------------------


class LocationList(SelectionList[str]):
    """Space toggles a place; Enter takes the choice."""

    BINDINGS = [
        Binding("j", "cursor_down", show=False, id="appointments.places_down"),
        Binding("k", "cursor_up", show=False, id="appointments.places_up"),
        Binding("enter", "confirm", "appointments.key.search", id="appointments.places_ok"),
    ]

    class Confirmed(Message):
        pass

    def render_line(self, y: int) -> Strip:
        # Textual draws chosen and unchosen alike (▐X▌), told apart by colour only: the
        # unchosen box is drawn empty, so the choice shows without colour too.
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if (len(segments) > 1 and segments[1].text == ToggleButton.BUTTON_INNER
                and index < self.option_count
                and self.get_option_at_index(index).value not in self._selected):
            segments[1] = Segment(" ", segments[1].style, segments[1].control)
            return Strip(segments, strip.cell_length)
        return strip

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed())


class LocationPicker(_Step):
    def __init__(self, locations: Sequence[Location], type_id: str | None,
                 chosen: Sequence[str]) -> None:
        super().__init__()
        self.locations = [loc for loc in locations if type_id is None or loc.serves(type_id)]
        known = {loc.id for loc in self.locations}
        self.chosen = [x for x in chosen if x in known]

    def compose(self) -> ComposeResult:
        items = [Selection(self._label(loc), loc.id, loc.id in self.chosen)
                 for loc in self.locations]
        with Vertical(id="pick-places", classes="dialog appointments-step"):
            yield Tr("appointments.step.places", classes="title")
            yield Tr("appointments.step.places_hint", classes="muted")
            yield LocationList(*items, id="pick-places-list")
            yield Tr("appointments.pick_one", id="pick-places-error", classes="error-text")
        yield PortalFooter()

    @staticmethod
    def _label(loc: Location) -> str:
        name = place_name(loc.id, loc.name_en, loc.name_nl)
        kind = t("appointments.kind.expat_centre") if loc.kind is LocationKind.EXPAT_CENTRE \
            else t("appointments.kind.ind_desk")
        return f"{name}  [dim]{kind}[/dim]"

    def on_language_changed(self, _message: LanguageChanged) -> None:
        places = self.query_one("#pick-places-list", LocationList)
        for index, loc in enumerate(self.locations):
            places.replace_option_prompt_at_index(index, self._label(loc))

    def on_mount(self) -> None:
        self.query_one("#pick-places-list").focus()
        self.query_one("#pick-places-error").display = False

    @on(LocationList.Confirmed)
    def _confirmed(self) -> None:
        chosen = self.query_one("#pick-places-list", LocationList).selected
        if not chosen:
            self.query_one("#pick-places-error").display = True
            return
        # Keep the list's order, so the remembered choice reads the same next time.
        order = [loc.id for loc in self.locations]
        self.dismiss(sorted(chosen, key=order.index))


# --- 4: the slot ------------------------------------------------------------------------------


class SlotPicker(_Step):
    """The first free slots across the chosen places, earliest first; `r` looks again."""

    BINDINGS = [Binding("r", "reload", "key.refresh", id="appointments.slots_refresh")]

    def __init__(self, purpose: VisitPurpose, locations: Sequence[str], zaaknummer: str,
                 names: dict[str, str], note: str = "") -> None:
        super().__init__()
        self.purpose, self.locations, self.zaaknummer = purpose, list(locations), zaaknummer
        self.names = names  # location id -> its name in the interface language
        self.note = note
        self.found: SlotSearch | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-slot", classes="dialog appointments-step"):
            yield Static(self._title(), classes="title", id="pick-slot-title")
            yield Static(self.note, id="pick-slot-note", classes="notice")
            yield Static(t("appointments.searching"), id="pick-slot-status", classes="muted")
            yield VimOptionList(id="pick-slot-list")
        yield PortalFooter()

    def on_mount(self) -> None:
        self.query_one("#pick-slot-note").display = bool(self.note)
        self.query_one("#pick-slot-list").focus()
        self.action_reload()

    def _title(self) -> str:
        return t("appointments.step.slot", purpose=purpose_text(self.purpose))

    def on_language_changed(self, _message: LanguageChanged) -> None:
        set_text(self, "#pick-slot-title", self._title())
        if self.found is None:
            set_text(self, "#pick-slot-status", t("appointments.searching"))
        else:
            self._show(self.found)

    @work(exclusive=True, group="appointments-slots")
    async def action_reload(self) -> None:
        client = self.context.client
        if client is None:
            return
        found = (await self.portal_app.call(lambda: client.first_free(
            self.purpose, self.locations, zaaknummer=self.zaaknummer,
            per_location=PER_LOCATION))).or_none()
        if found is None or not self.is_attached:
            return
        self.found = found
        self._show(found)

    def _show(self, found: SlotSearch) -> None:
        options = [Option(f"{when(s.starts_at)}  ·  {self._place_of(s.location_id)}", id=s.id)
                   for s in found.slots]
        listing = self.query_one("#pick-slot-list", VimOptionList)
        kept = listing.highlighted  # a language switch shows the same slots again
        listing.clear_options()
        listing.add_options(options)
        if options:
            listing.highlighted = min(kept or 0, len(options) - 1)
        lines = [t("appointments.found", count=len(found.slots)) if found.slots
                 else t("appointments.none_free", until=day(found.searched_until))]
        if found.without_free:
            lines.append(t("appointments.full_until", until=day(found.searched_until),
                           places=", ".join(self._place_of(x) for x in found.without_free)))
        if found.not_serving:
            lines.append(t("appointments.not_serving",
                           places=", ".join(self._place_of(x) for x in found.not_serving)))
        set_text(self, "#pick-slot-status", "\n".join(lines))

    def _place_of(self, location_id: str) -> str:
        return self.names.get(location_id, location_id)

    @on(VimOptionList.OptionSelected, "#pick-slot-list")
    def _chosen(self, event: VimOptionList.OptionSelected) -> None:
        if self.found is None:
            return
        slot = next((s for s in self.found.slots if s.id == event.option.id), None)
        if slot is not None:
            self.dismiss(slot)

