"""What the first frame needs to know, read cheaply (tomllib only, no pydantic): the profile's
name, where its portal is, and the language. The full, validated profile is resolved after
the first paint; a broken config file is reported then, on screen."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from ind_tui.local.paths import config_dir

EMBEDDED = "embedded"


@dataclass(frozen=True)
class StartInfo:
    profile_name: str
    portal: str  # a URL, or "embedded"
    language: str

    @property
    def embedded(self) -> bool:
        return self.portal == EMBEDDED


def peek(profile: str | None, portal: str | None, lang: str | None) -> StartInfo:
    from ind_tui.i18n import choose_language

    data: dict[str, Any] = {}
    path = config_dir() / "config.toml"
    if path.exists():  # a first start has none: no TOML parser to import then
        import tomllib

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            data = {}
    name = profile or os.environ.get("IND_TUI_PROFILE") or str(
        data.get("default_profile") or "sandbox")
    profiles = data.get("profiles")
    entry = profiles.get(name, {}) if isinstance(profiles, dict) else {}
    configured = entry.get("portal") if isinstance(entry, dict) else None
    where = portal or (configured if isinstance(configured, str) else None) or EMBEDDED
    language = data.get("language")
    return StartInfo(name, where, choose_language(lang, language if isinstance(
        language, str) else None))
