"""All user-facing text of the TUI, in Dutch and English, through `t(key, **values)`.

The language is chosen by `--lang`, then the config file, then IND_TUI_LANG, then the
locale (LANG/LC_ALL starting with "nl"), else English; it can be switched at run time.
"""

from __future__ import annotations

import os

from ind_tui.i18n.en import EN
from ind_tui.i18n.nl import NL

LANGUAGES = ("nl", "en")
CATALOGUES: dict[str, dict[str, str]] = {"nl": NL, "en": EN}
_current = "en"


def choose_language(cli: str | None = None, config: str | None = None) -> str:
    for candidate in (cli, config, os.environ.get("IND_TUI_LANG")):
        if candidate in LANGUAGES:
            return candidate
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "nl" if locale.lower().startswith("nl") else "en"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def language() -> str:
    return _current


def t(key: str, **values: object) -> str:
    """The text for `key` in the current language, with `{name}` fields filled in."""
    text = CATALOGUES[_current].get(key) or EN.get(key) or key
    return text.format(**values) if values else text
