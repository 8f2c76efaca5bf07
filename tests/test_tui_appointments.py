"""The appointments screen driven by keys (Textual Pilot) against the real sandbox: the
bookings list, booking the first free slot across chosen places, a slot taken by someone else
in the meantime, moving and cancelling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from textual.pilot import Pilot

from ind_tui.api.appointments import AppointmentStatus, VisitPurpose
from ind_tui.i18n import t
from ind_tui.tui.screens.appointments.book import (
    CasePicker,
    LocationPicker,
    PurposePicker,
    SlotPicker,
    remembered_locations,
)
from ind_tui.tui.screens.appointments.screen import AppointmentsScreen
from ind_tui.tui.widgets.confirm import ConfirmDialog
from tests.conftest import API, bearer
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for

SIZE = (100, 30)


async def _open(pilot: Pilot[Any]) -> AppointmentsScreen:
    from ind_tui.tui.screens.shell.home import HomeScreen

    await login_as(pilot, "sponsor-eh3")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    await home_settled(pilot)
    pilot.app.action_go("appointments")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, AppointmentsScreen)
                   and pilot.app.screen.loaded)
    screen = pilot.app.screen
    assert isinstance(screen, AppointmentsScreen)
    return screen


async def _free_case(sandbox: FastAPI, status: str = "in_progress") -> str:
    """A case of the demo sponsor in `status` without a live booking."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=sandbox),
                                 base_url="http://sandbox") as http:
        auth = await bearer(http, "sponsor-eh4")
        cases = (await http.get(f"{API}/cases", headers=auth,
                                params={"limit": 1000})).json()["items"]
        booked = {a["zaaknummer"] for a in (await http.get(f"{API}/appointments",
                                                           headers=auth)).json()
                  if a["status"] == "booked"}
    return str(next(c["zaaknummer"] for c in cases
                    if c["status"] == status and c["zaaknummer"] not in booked))


def _booked(screen: AppointmentsScreen, zaak: str) -> list[Any]:
    return [a for a in screen.bookings
            if a.zaaknummer == zaak and a.status is AppointmentStatus.BOOKED]


async def _pick_case(pilot: Pilot[Any], zaak: str) -> None:
    await pilot.press("b")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CasePicker))
    await pilot.press("slash", *zaak, "enter", "enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PurposePicker))


async def _mark_places(pilot: Pilot[Any], *names: str) -> None:
    """In the places list, move to each named place and mark it; then search."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, LocationPicker))
    picker = pilot.app.screen
    assert isinstance(picker, LocationPicker)
    ids = [loc.id for loc in picker.locations]
    at = 0
    for name in names:
        target = ids.index(name)
        await pilot.press(*(["j"] * (target - at)), "space")
        at = target
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, SlotPicker)
                   and pilot.app.screen.found is not None)


async def test_the_list_shows_this_accounts_bookings(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert [a.starts_at for a in screen.bookings] == sorted(a.starts_at
                                                                for a in screen.bookings)
        assert screen.table.row_count == len(screen.bookings) == 5
        upcoming = sum(a.status is AppointmentStatus.BOOKED for a in screen.bookings)
        assert f"({upcoming} coming up)" in str(screen.query_one("#appointments-title").render())
        detail = str(screen.query_one("#appointments-detail").render())
        assert screen.bookings[0].employee_name in str(
            screen.query_one("#appointments-detail").border_title)
        assert "booked on" in detail


async def test_book_the_first_free_slot_across_chosen_places(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    zaak = await _free_case(sandbox)
    app = make_app(sandbox)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await _pick_case(pilot, zaak)
        purposes = pilot.app.screen.query_one("#pick-purpose-list")
        assert purposes.get_option("collect_document").disabled  # not ready yet: greyed
        await pilot.press("enter")  # biometrics, the first possible visit
        await _mark_places(pilot, "ind-amsterdam", "ind-zwolle")
        picker = pilot.app.screen
        assert isinstance(picker, SlotPicker) and picker.found is not None
        starts = [s.starts_at for s in picker.found.slots]
        assert starts == sorted(starts) and picker.found.slots[0].location_id == "ind-zwolle"
        first = picker.found.slots[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, AppointmentsScreen)
                       and _booked(screen, zaak))
        made = _booked(screen, zaak)[0]
        assert made.slot_id == first.id and made.purpose is VisitPurpose.BIOMETRICS
        assert screen.current is not None and screen.current.id == made.id  # cursor on it
        assert remembered_locations() == ["ind-amsterdam", "ind-zwolle"]


async def test_a_slot_taken_meanwhile_is_said_and_the_list_renewed(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    zaak = await _free_case(sandbox)
    app = make_app(sandbox)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await _pick_case(pilot, zaak)
        await pilot.press("enter")
        await _mark_places(pilot, "ind-den-haag")
        picker = pilot.app.screen
        assert isinstance(picker, SlotPicker) and picker.found is not None
        wanted = picker.found.slots[0]
        # A colleague books that very slot for another case before Enter is pressed.
        other = await _free_case(sandbox, "info_requested")
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=sandbox),
                                     base_url="http://sandbox") as http:
            auth = await bearer(http, "sponsor-eh4")
            r = await http.post(f"{API}/appointments", json={"zaaknummer": other,
                                                            "slot_id": wanted.id},
                                headers={**auth, "Idempotency-Key": "colleague-0001"})
            assert r.status_code == 201, r.text
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SlotPicker)
                       and pilot.app.screen is not picker
                       and pilot.app.screen.found is not None)
        again = pilot.app.screen
        assert isinstance(again, SlotPicker) and again.found is not None
        assert "Someone else just took that slot" in str(
            again.query_one("#pick-slot-note").render())
        assert wanted.id not in {s.id for s in again.found.slots}
        assert not _booked(screen, zaak)  # nothing was booked
        await pilot.press("enter")
        await wait_for(pilot, lambda: _booked(screen, zaak))


async def test_move_and_cancel(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        first = screen.bookings[0]
        assert screen.current == first and first.status is AppointmentStatus.BOOKED
        await pilot.press("m")
        await _mark_places(pilot, "ind-den-bosch")
        picker = pilot.app.screen
        assert isinstance(picker, SlotPicker) and picker.found is not None
        assert {s.purpose for s in picker.found.slots} == {first.purpose}
        target = picker.found.slots[1]
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, AppointmentsScreen)
                       and any(a.id == first.id and a.slot_id == target.id
                               for a in screen.bookings))
        assert screen.current is not None and screen.current.id == first.id
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
        await pilot.press("n")  # keep it
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, AppointmentsScreen))
        assert next(a for a in screen.bookings if a.id == first.id).status is \
            AppointmentStatus.BOOKED
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: next(a for a in screen.bookings if a.id == first.id)
                       .status is AppointmentStatus.CANCELLED)
        pilot.app.clear_notifications()
        await pilot.press("x")  # a cancelled visit cannot be cancelled again: said, no dialog
        await wait_for(pilot, lambda: any(t("appointments.closed") in str(n.message)
                                          for n in pilot.app._notifications))
        assert isinstance(pilot.app.screen, AppointmentsScreen)
