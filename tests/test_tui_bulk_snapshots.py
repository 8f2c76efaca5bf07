"""How the batch of extensions looks at 80x24, in Dutch and English (pytest-textual-snapshot):
Due soon as the payroll agency acting for Noordzee, every permit in its window marked with `m`,
then `b`: one draft per employee, each with what still blocks it.

Update after an intended change with
`pytest tests/test_tui_bulk_snapshots.py --snapshot-update` and look at the report first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.tui_helpers import home_settled, login_as, make_app, sandbox_app, settle, wait_for

SIZE = (80, 24)


async def batch(pilot: Pilot[Any]) -> None:
    from ind_tui.tui.screens.bulk.screen import BulkScreen
    from ind_tui.tui.screens.due.screen import DueScreen

    app = pilot.app
    await login_as(pilot, "agent-noordzee")
    await home_settled(pilot)
    await pilot.press("7")
    await wait_for(pilot, lambda: isinstance(app.screen, DueScreen)
                   and app.screen.due is not None)
    await pilot.press("m", "b")
    await wait_for(pilot, lambda: isinstance(app.screen, BulkScreen)
                   and len(app.screen.results) == 3 and not app.screen.running)
    await settle(pilot)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_batch_view(snap_compare: Any, tmp_path: Path, lang: str) -> None:
    app = make_app(sandbox_app(tmp_path), lang=lang)
    assert snap_compare(app, terminal_size=SIZE, run_before=batch)


async def test_the_footer_offers_f_and_r_first_once_the_drafts_are_made(tmp_path: Path) -> None:
    from textual.widgets._footer import FooterKey

    from ind_tui.i18n import set_language

    set_language("en")
    app = make_app(sandbox_app(tmp_path), lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await batch(pilot)
        await wait_for(pilot, lambda: [k.key for k in app.screen.query(FooterKey)][:2]
                       == ["f", "r"])
