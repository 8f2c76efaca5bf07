"""Textual's own texts (its widgets' key descriptions, the command palette, its system
commands, the footer) appear in the interface language; a missing text key fails loudly."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest
import textual.widgets
from textual.binding import Binding
from textual.command import CommandInput, CommandPalette
from textual.dom import DOMNode
from textual.widgets._footer import FooterKey

from ind_tui.i18n import STRICT_ENV, MissingText, known, t, text
from ind_tui.tui.screens.shell.snapshot import export_screen
from tests.tui_helpers import make_app, sandbox_app, wait_for

# What Textual shows in English when nobody translates it (system commands, palette, the
# descriptions of the keys of its lists, inputs and scroll views). Not "Filter": Dutch
# writes "Filter sluiten" too.
TEXTUAL_ENGLISH = [
    "Search for commands", "No matches found", "Keys", "Quit", "Screenshot", "Theme",
    "Maximize", "Minimize", "palette", "Down", "Up", "First", "Last", "Page Down", "Page Up",
    "Page Left", "Page Right", "Scroll", "Select", "Delete character", "Move cursor",
    "Go to start", "Go to end", "Paste", "Copy", "Cut", "Submit", "Focus Next", "Sort",
]


def _english_on(shown: str) -> list[str]:
    return [w for w in TEXTUAL_ENGLISH if re.search(rf"\b{re.escape(w)}\b", shown)]


def _textual_descriptions() -> set[str]:
    """The description of every key binding the widgets, containers and screens of the
    installed Textual declare."""
    classes: list[type] = [getattr(textual.widgets, name) for name in textual.widgets.__all__]
    for module in ("textual.containers", "textual.screen", "textual.command",
                   "textual.widgets.text_area", "textual.widgets.option_list"):
        classes += [c for _, c in inspect.getmembers(importlib.import_module(module),
                                                     inspect.isclass)]
    found = set()
    for cls in classes:
        if not (isinstance(cls, type) and issubclass(cls, DOMNode)):
            continue
        for base in cls.__mro__:
            for binding in base.__dict__.get("BINDINGS", ()):
                description = (binding.description if isinstance(binding, Binding)
                               else binding[2] if len(binding) > 2 else "")
                if description:
                    found.add(description)
    return found


def test_every_textual_key_description_has_words_in_both_languages() -> None:
    descriptions = _textual_descriptions()
    assert len(descriptions) > 50  # the walk found Textual's bindings at all
    assert sorted(d for d in descriptions if not known(f"textual.{d}")) == []
    assert known("textual.palette")  # the footer's ctrl+p key, added by App itself


def test_a_missing_key_raises_in_tests_and_shows_the_key_otherwise(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(MissingText):
        t("no.such.key")
    with pytest.raises(MissingText):
        text("no.such.key", "nl")
    monkeypatch.delenv(STRICT_ENV)
    assert text("no.such.key.either", "nl") == "no.such.key.either"
    assert "no.such.key.either" in caplog.text


async def test_palette_help_and_footer_speak_dutch(tmp_path: Path) -> None:
    from ind_tui.tui.screens.shell.help import HelpScreen
    from ind_tui.tui.screens.shell.login import LoginScreen
    from ind_tui.tui.widgets.lists import VimOptionList

    app = make_app(sandbox_app(tmp_path), lang="nl")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen)
                       and app.screen.query_one(VimOptionList).option_count > 0)

        def footer() -> list[str]:
            return [str(k.description) for k in app.screen.query(FooterKey)]

        await wait_for(pilot, lambda: "palet" in footer())
        assert _english_on(" ".join(footer())) == []

        # The help lists the keys of the focused list (Textual's OptionList) and, with the
        # filter open, those of Textual's Input.
        # (Down in the filter goes to the list: "Naar de lijst".)
        for keys, down in ((["f1"], "Omlaag"), (["escape", "slash", "f1"], "Naar de lijst")):
            await pilot.press(*keys)
            await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
            shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
            assert down in shown and _english_on(shown) == []
        assert "Teken links wissen" in shown  # Input's "Delete character left"

        await pilot.press("escape", "escape", "ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        palette = app.screen
        assert str(palette.query_one(CommandInput).placeholder) == "Zoek een opdracht…"
        await wait_for(pilot, lambda: "app: schermafdruk" in export_screen(app, "")[1])
        assert _english_on(export_screen(app, "")[1]) == []
        await pilot.press(*"qxqxqx")
        await wait_for(pilot, lambda: "Niets gevonden" in export_screen(app, "")[1])
        assert _english_on(export_screen(app, "")[1]) == []
