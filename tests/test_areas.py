"""Every area the home screen, `:` and the palette can open exists, and offers its screen."""

from __future__ import annotations

import importlib

import pytest
from textual.screen import Screen

from ind_tui.tui.screens.shell.areas import AREA_SCREENS, HOME_PROVIDERS, _load
from ind_tui.tui.screens.shell.navigation import ALIASES


@pytest.mark.parametrize("area", sorted(AREA_SCREENS))
def test_area_screen_exists(area: str) -> None:
    assert issubclass(_load(AREA_SCREENS[area]), Screen)


@pytest.mark.parametrize("module", HOME_PROVIDERS)
def test_home_provider_exists(module: str) -> None:
    assert callable(importlib.import_module(module).home_lines)


def test_every_alias_leads_somewhere() -> None:
    known = set(AREA_SCREENS) | {"home", "account", "address", "help", "report"}
    assert set(ALIASES.values()) <= known
