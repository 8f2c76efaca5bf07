"""The scenarios shipped in docs/scenarios/ (issue 17, item 2): each is loaded as
`sandbox serve --scenario FILE` loads it, and does what its comment promises."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ind_tui.api.applications import ApplicationStatus
from ind_tui.api.auth import Role
from ind_tui.api.errors import OutcomeUnknownError, PortalError
from ind_tui.api.inbox import MessageKind
from ind_tui.api.payments import PaymentMethod, PaymentRequest
from ind_tui.api.sandbox_admin import ClockChange
from ind_tui.cli.sandbox_scenario import load_into_database
from ind_tui.client.client import PortalClient
from tests.client_fixtures import admin_of, hsm_request, login, make_app, make_client

SCENARIOS = Path(__file__).resolve().parent.parent / "docs" / "scenarios"


def _client(tmp_path: Path, name: str) -> PortalClient:
    """A sandbox started from a shipped scenario, and a client on it."""
    db = tmp_path / "sandbox.db"
    load_into_database(SCENARIOS / name, db, "en")
    return make_client(make_app(tmp_path, db_path=db))


def test_every_shipped_scenario_is_tested() -> None:
    tested = {"payroll-agency-three-clients.toml", "sponsor-new-year-eve.toml",
              "request-for-information-due-tomorrow.toml", "paid-answer-lost.toml"}
    assert {p.name for p in SCENARIOS.glob("*.toml")} == tested


async def test_a_payroll_agency_with_three_clients_one_not_registered(tmp_path: Path) -> None:
    seen = {}
    for identity in ("agent-noordzee", "agent-delta"):
        async with _client(tmp_path / identity, "payroll-agency-three-clients.toml") as client:
            me = await login(client, identity)
            assert me.role is Role.REPRESENTATIVE and me.company.kvk == "45678901"
            assert me.acting_for is not None
            seen[me.acting_for.kvk] = [c.zaaknummer for c in await client.cases()]
    assert seen == {"12345678": ["3100000001"], "56789012": ["3100000002"]}
    async with _client(tmp_path / "unregistered", "payroll-agency-three-clients.toml") as client:
        with pytest.raises(PortalError) as refused:
            await login(client, "agent-unregistered")
    assert refused.value.code == "representation_not_registered"


async def test_a_sponsor_files_as_the_year_turns(tmp_path: Path) -> None:
    async with _client(tmp_path, "sponsor-new-year-eve.toml") as client:
        await login(client, "sponsor-eh3")
        amsterdam = client.clock.now().astimezone(ZoneInfo("Europe/Amsterdam"))
        assert amsterdam.strftime("%Y-%m-%d %H:%M")[:15] == "2026-12-31 23:5"
        before = {t.id: t for t in await client.application_types()}
        assert before["hsm_first_vvr"].fee_year == 2026
        assert before["hsm_first_vvr"].fee_eur == 423
        await admin_of(client).advance(seconds=10 * 60)
        after = {t.id: t for t in await client.application_types()}
    fee = after["hsm_first_vvr"]
    assert (fee.fee_year, fee.fee_eur, fee.fee_provisional) == (2027, 441, False)
    assert {t.year for t in fee.thresholds} >= {2027}


async def test_a_request_for_information_due_tomorrow(tmp_path: Path) -> None:
    async with _client(tmp_path, "request-for-information-due-tomorrow.toml") as client:
        await login(client, "sponsor-eh3")
        messages, _ = await client.messages(kind=MessageKind.INFO_REQUEST)
        today = client.clock.today()
    assert len(messages) == 1
    request = messages[0]
    assert request.zaaknummer == "3100000001" and request.answered_at is None
    assert request.deadline == today + timedelta(days=1)


async def test_a_payment_whose_answer_was_lost_is_pending_then_found_paid(tmp_path: Path
                                                                          ) -> None:
    async with _client(tmp_path, "paid-answer-lost.toml") as client:
        await login(client, "sponsor-eh3")
        app = await client.submit_application(hsm_request(), "scenario-submit-01")
        pay = PaymentRequest(method=PaymentMethod.DIRECT_DEBIT, amount_eur=app.fee_eur)
        with pytest.raises(OutcomeUnknownError):
            await client.pay(app.id, pay, "scenario-pay-0001")
        await admin_of(client).clear_faults()
        result = await client.pay(app.id, pay, "scenario-pay-0001")
        assert (await client.application(app.id)).status is ApplicationStatus.SUBMITTED
        await admin_of(client).set_clock(ClockChange(advance_seconds=60))
    assert result.payment.reference
