"""Every text a person reads, in Dutch and English: `t(key, **values)` in the UI, and
`text(key, lang, **values)` where code outside the UI names the language itself (the CLI,
error guidance of stored drafts, employee import reports).

One text system, kept as Python dicts per area (`<part>_nl.py` / `<part>_en.py`) rather than
gettext catalogues: keys are plain strings a test can check for both languages and every
placeholder, each area keeps its texts in one place beside its screens, and there is no
compile step between editing a text and seeing it. Money, numbers, dates and plurals are
written by `ind_tui.i18n.format` (Babel), never by hand.

A key that is missing is a fault: with IND_TUI_STRICT_TEXTS=1 (set for the tests) it raises
`MissingText`; otherwise it is logged once and the key itself is shown, so the fault is
visible without stopping the user.

The language is chosen by `--lang`, then the config file, then IND_TUI_LANG, then the
locale (LANG/LC_ALL starting with "nl"), else English; it can be switched at run time.
"""

from __future__ import annotations

import importlib
import logging
import os

LANGUAGES = ("nl", "en")
# Each area of the app keeps its texts in its own pair of modules, `<part>_en.py` (dict EN)
# and `<part>_nl.py` (dict NL), merged with the shared `en.py` / `nl.py`; a key may live in
# one part only. A language's catalogue is merged when first used, so a start in English
# does not load the Dutch texts (and the other way round).
PARTS = ("", "wizard", "drafts", "cases", "employees", "inbox", "appointments", "guidance",
         "drafterrors", "cli", "clihelp", "textual", "prefill", "support", "bulk", "exports",
         "sandbox")
STRICT_ENV = "IND_TUI_STRICT_TEXTS"

log = logging.getLogger(__name__)

_catalogues: dict[str, dict[str, str]] = {}
_current = "en"
_reported: set[str] = set()


class MissingText(KeyError):
    """A text key that one of the catalogues does not hold."""


def catalogue(lang: str) -> dict[str, str]:
    """Every text of `lang` ("nl" or "en"; another falls back to English), by key."""
    lang = lang if lang in LANGUAGES else "en"
    found = _catalogues.get(lang)
    if found is None:
        found = _catalogues[lang] = _merged(lang)
    return found


def _merged(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in PARTS:
        module = importlib.import_module(f"ind_tui.i18n.{part}_{lang}" if part
                                         else f"ind_tui.i18n.{lang}")
        texts: dict[str, str] = getattr(module, lang.upper())
        clash = merged.keys() & texts.keys()
        if clash:
            raise RuntimeError(f"i18n keys defined twice: {sorted(clash)}")
        merged.update(texts)
    return merged


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


def known(key: str) -> bool:
    """Whether `key` is a text; for keys built from data (a type id, a portal code) that
    may name something this version has no words for."""
    return key in catalogue(_current)


def text(key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` ("nl" or "en"), with `{name}` fields filled in."""
    found = catalogue(lang).get(key)
    if found is None:
        if os.environ.get(STRICT_ENV) == "1":
            raise MissingText(f"no {lang} text for {key!r}")
        if key not in _reported:
            _reported.add(key)
            log.error("no %s text for %r", lang, key)
        return key
    return found.format(**values) if values else found


def t(key: str, **values: object) -> str:
    """The text for `key` in the current language, with `{name}` fields filled in."""
    return text(key, _current, **values)
