"""The payments screen driven by keys (Textual Pilot) against the real sandbox: the list with
its totals, per case through the filter, refunds, and the CSV export for the bookkeeping."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import httpx
from textual.pilot import Pilot

from ind_tui.api.payments import PaymentStatus
from ind_tui.client.payments import CSV_COLUMNS
from ind_tui.i18n.format import CsvStyle
from ind_tui.tui.screens.payments.screen import ExportDialog, PaymentsScreen
from tests.conftest import ADMIN, API
from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, wait_for

SIZE = (100, 30)


async def _open(pilot: Pilot[Any], identity: str = "sponsor-eh3") -> PaymentsScreen:
    from ind_tui.tui.screens.shell.home import HomeScreen

    await login_as(pilot, identity)
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))
    await home_settled(pilot)
    pilot.app.action_go("payments")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, PaymentsScreen)
                   and pilot.app.screen.loaded)
    screen = pilot.app.screen
    assert isinstance(screen, PaymentsScreen)
    return screen


def _totals(screen: PaymentsScreen) -> str:
    return str(screen.query_one("#payments-totals").render())


async def test_list_totals_and_one_case_through_the_filter(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        everything = list(screen.payments)
        assert screen.table.row_count == len(everything) > 50
        charged = sum(p.amount_eur for p in everything)
        assert f"{len(everything)} · charged €{charged:,.2f}" in _totals(screen)
        zaak = next(p.zaaknummer for p in everything if p.zaaknummer)
        await pilot.press("slash", *f"case:{zaak}", "enter")
        await wait_for(pilot, lambda: screen.table.row_count < len(everything))
        shown = screen.shown
        assert shown and {p.zaaknummer for p in shown} == {zaak}
        assert _totals(screen).startswith(f"{len(shown)} · charged")
        assert f"(filtered, of {len(everything)})" in _totals(screen)
        assert zaak in str(screen.query_one("#payments-detail").render())


async def test_refunds_are_visible_and_follow_the_portal(tmp_path: Path) -> None:
    sandbox = sandbox_app(tmp_path)
    app = make_app(sandbox)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        refunded = [p for p in screen.payments if p.status is PaymentStatus.REFUNDED]
        assert len(refunded) == 1 and refunded[0].zaaknummer is None
        await pilot.press("slash", *"status:refunded", "enter")
        await wait_for(pilot, lambda: screen.table.row_count == 1)
        detail = str(screen.query_one("#payments-detail").render())
        assert "not received" in detail and refunded[0].refund is not None
        assert refunded[0].refund.reference in detail
        # Support refunds another payment; r shows it.
        victim = next(p for p in screen.payments if p.status is PaymentStatus.PAID
                      and p.zaaknummer)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=sandbox),
                                     base_url="http://sandbox") as http:
            r = await http.post(f"{API}/sandbox/refunds", headers=ADMIN,
                                json={"reference": victim.reference, "reason": "other"})
            assert r.status_code == 201, r.text
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.table.row_count == 2)
        # (the victim's fee depends on its type: a 2026 family case pays the family fee)
        refunds = refunded[0].amount_eur + victim.amount_eur
        assert f"refunded €{refunds:,.2f}" in _totals(screen)


async def test_export_what_is_shown_as_csv(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("slash", *"case:31", "enter")  # only payments with a case
        await wait_for(pilot, lambda: 0 < screen.table.row_count < len(screen.payments))
        wanted = [p.reference for p in screen.shown]
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportDialog))
        # A folder that does not exist: said in the dialog, the path kept for fixing.
        bad = tmp_path / "no-such-folder" / "fees.csv"
        await pilot.press("ctrl+u", *str(bad), "enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportDialog)
                       and pilot.app.screen.error != "")
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog) and dialog.path == str(bad)
        assert "Could not write the file" in str(dialog.query_one(
            "#payments-export-error").render())
        good = tmp_path / "fees.csv"
        await pilot.press("ctrl+u", *str(good), "enter")
        await wait_for(pilot, lambda: good.exists()
                       and isinstance(pilot.app.screen, PaymentsScreen))
        # For a spreadsheet in the interface language (English here): the header in words.
        with good.open(encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            assert next(reader) == CsvStyle("en").header(CSV_COLUMNS)
            rows = [dict(zip(CSV_COLUMNS, line, strict=True)) for line in reader]
        assert [r["reference"] for r in rows] == wanted
        assert all(r["zaaknummer"].startswith("31") for r in rows)


async def test_the_agency_sees_only_what_it_paid(tmp_path: Path) -> None:
    app = make_app(sandbox_app(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot, "agent-noordzee")
        assert screen.payments and {p.paid_by_kvk for p in screen.payments} == {"45678901"}
