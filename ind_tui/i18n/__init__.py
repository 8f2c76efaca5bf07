"""All user-facing text of the TUI, in Dutch and English, through `t(key, **values)`.

The language is chosen by `--lang`, then the config file, then IND_TUI_LANG, then the
locale (LANG/LC_ALL starting with "nl"), else English; it can be switched at run time.
"""

from __future__ import annotations

import importlib
import os

from ind_tui.i18n.en import EN
from ind_tui.i18n.nl import NL

LANGUAGES = ("nl", "en")
# Each area of the app keeps its texts in its own pair of modules, `<part>_en.py` (dict EN)
# and `<part>_nl.py` (dict NL), merged here; a key may live in one part only.
PARTS = ("wizard", "drafts", "cases", "employees", "inbox", "appointments")


def _merged(lang: str, base: dict[str, str]) -> dict[str, str]:
    merged = dict(base)
    for part in PARTS:
        texts: dict[str, str] = getattr(
            importlib.import_module(f"ind_tui.i18n.{part}_{lang}"), lang.upper()
        )
        clash = merged.keys() & texts.keys()
        if clash:
            raise RuntimeError(f"i18n keys defined twice: {sorted(clash)}")
        merged.update(texts)
    return merged


EN_ALL = _merged("en", EN)
NL_ALL = _merged("nl", NL)
CATALOGUES: dict[str, dict[str, str]] = {"nl": NL_ALL, "en": EN_ALL}
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
    text = CATALOGUES[_current].get(key) or EN_ALL.get(key) or key
    return text.format(**values) if values else text
