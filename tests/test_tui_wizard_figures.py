"""The wizard shows the portal's figures as the portal publishes them (issue 16, item 16): a
provisional fee reads as provisional on the review page, in both languages; and the rules the
portal enforces (ICT salary, Blue Card contract length) are reasons the wizard gives as they
are typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from ind_tui.tui.screens.wizard.issues import REVIEW
from tests.test_tui_wizard import go_to, new_draft, reason, wizard
from tests.tui_helpers import wait_for


@pytest.mark.parametrize(("lang", "shown"), [("nl", "€ 243 (voorlopig)"),
                                             ("en", "€243 (provisional)")])
async def test_a_provisional_fee_from_the_portal_reads_as_provisional(
        tmp_path: Path, lang: str, shown: str) -> None:
    async with wizard(tmp_path, new_draft(tmp_path, "family_first"), lang) as (pilot, screen):
        await wait_for(pilot, lambda: screen.fee is not None)
        assert screen.fee is not None and screen.fee.provisional  # as /application-types said
        screen.show_page(REVIEW)
        await wait_for(pilot, lambda: bool(screen.query("#review-fee")))
        await wait_for(pilot, lambda: shown in str(
            screen.query_one("#review-fee", Static).render()))


async def test_the_wizard_checks_an_ict_salary(tmp_path: Path) -> None:
    async with wizard(tmp_path, new_draft(tmp_path, "ict", date_of_birth="1980-01-01")) as (
            pilot, screen):
        await go_to(pilot, screen, "gross_monthly_salary")
        await pilot.press(*"1000")
        await wait_for(pilot, lambda: "below the 2026 threshold" in reason(
            screen, "gross_monthly_salary"))


async def test_the_wizard_compares_contract_length_and_end(tmp_path: Path) -> None:
    path = new_draft(tmp_path, "eu_blue_card", contract_start="2026-12-01",
                     contract_type="fixed_term", contract_months=6)
    async with wizard(tmp_path, path) as (pilot, screen):
        await go_to(pilot, screen, "contract_end")
        await pilot.press(*"2028-11-30")
        await wait_for(pilot, lambda: "6 months" in reason(screen, "contract_end")
                       and "2028-11-30" in reason(screen, "contract_end"))
