"""Every area the home screen, `:` and the palette can open exists, and offers its screen."""

from __future__ import annotations

import pytest
from textual.screen import Screen

from ind_tui.tui.screens.shell.areas import AREA_SCREENS
from ind_tui.tui.screens.shell.navigation import ALIASES


@pytest.mark.parametrize("area", sorted(AREA_SCREENS))
def test_area_screen_exists(area: str) -> None:
    assert isinstance(AREA_SCREENS[area](), Screen)


def test_every_alias_leads_somewhere() -> None:
    known = set(AREA_SCREENS) | {"home", "account", "address", "help", "report"}
    assert set(ALIASES.values()) <= known
