"""Every text exists in both languages, and every placeholder matches."""

from __future__ import annotations

import string

from ind_tui.i18n import catalogue, set_language, t

EN_ALL = catalogue("en")
NL_ALL = catalogue("nl")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_same_keys_in_both_languages() -> None:
    assert set(EN_ALL) ^ set(NL_ALL) == set()


def test_same_placeholders_in_both_languages() -> None:
    differ = [k for k in EN_ALL if _fields(EN_ALL[k]) != _fields(NL_ALL[k])]
    assert differ == []


def test_no_empty_texts() -> None:
    assert [k for k, v in {**EN_ALL, **NL_ALL}.items() if not v.strip()] == []


def test_lookup_follows_language() -> None:
    set_language("nl")
    try:
        assert t("key.quit") == NL_ALL["key.quit"] != EN_ALL["key.quit"]
    finally:
        set_language("en")
