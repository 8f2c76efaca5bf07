"""Settings and profiles, in `config.toml` under the config dir.

A payroll agency works for several sponsors and may use several portals, so the portal,
token store and language hang off a named profile:

    default_profile = "noordzee-prod"
    language = "nl"
    bell = true                      # a terminal bell with news from the IND (default off)

    [profiles.sandbox]
    portal = "embedded"

    [profiles.noordzee-prod]
    portal = "https://portal.example"
    token_store = "keyring"          # keyring | encrypted_file | memory
    label = "Noordzee Technology (production)"

With no file, one profile exists: `sandbox`, on the embedded sandbox.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any, Literal

import tomlkit
import tomlkit.exceptions
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ind_tui.base.atomic import atomic_write_text, private_dir
from ind_tui.local.paths import config_dir

CONFIG_FILE = "config.toml"
EMBEDDED = "embedded"  # portal value: start the sandbox in-process on a free port
SANDBOX_PROFILE = "sandbox"
ENV_PROFILE = "IND_TUI_PROFILE"
_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")

TokenStoreChoice = Literal["keyring", "encrypted_file", "memory"]


class SettingsError(Exception):
    """The config file cannot be read, or names a profile that does not exist. `key` and
    `values` name the catalogue text that says so in the user's language (`str()` is the
    English one, for logs)."""

    def __init__(self, message: str, key: str = "settings.unreadable", **values: str) -> None:
        super().__init__(message)
        self.key = key
        self.values = values or {"detail": message}


class Profile(BaseModel):
    model_config = ConfigDict(extra="allow")  # keys added by a newer version survive a save

    name: str = Field(exclude=True, default=SANDBOX_PROFILE)
    portal: str = EMBEDDED
    token_store: TokenStoreChoice = "keyring"
    label: str | None = None
    kvk: str | None = Field(default=None, pattern=r"^\d{8}$",
                            description="the company this profile is expected to act for")
    timeout_seconds: float = Field(default=30.0, gt=0, le=600)

    @field_validator("portal")
    @classmethod
    def _portal(cls, value: str) -> str:
        value = value.strip()
        if value != EMBEDDED and not value.startswith(("http://", "https://")):
            raise ValueError('portal must be "embedded" or an http(s) URL')
        return value.rstrip("/")

    @property
    def embedded(self) -> bool:
        return self.portal == EMBEDDED

    @property
    def is_sandbox_like(self) -> bool:
        return self.embedded


class Settings(BaseModel):
    model_config = ConfigDict(extra="allow")

    default_profile: str = SANDBOX_PROFILE
    language: Literal["nl", "en"] | None = None
    bell: bool = False  # ring the terminal bell when news from the IND is announced
    profiles: dict[str, Profile] = Field(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        for name, profile in self.profiles.items():
            profile.name = name
        if SANDBOX_PROFILE not in self.profiles:
            self.profiles[SANDBOX_PROFILE] = Profile(name=SANDBOX_PROFILE)

    def profile(self, name: str | None = None) -> Profile:
        """The named profile, else $IND_TUI_PROFILE, else the default one."""
        wanted = name or os.environ.get(ENV_PROFILE) or self.default_profile
        try:
            return self.profiles[wanted]
        except KeyError:
            known = ", ".join(sorted(self.profiles))
            raise SettingsError(f"no profile {wanted!r} (known: {known})", "settings.no_profile",
                                name=wanted, known=known) from None


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}", path=str(path), detail=str(exc)) from exc
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SettingsError(f"{path}: {where}: {first['msg']}", path=str(path),
                            detail=f"{where}: {first['msg']}") from exc


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (a crash never leaves half a config), editing the file in place:
    the user's comments, layout and keys this version does not know stay as they were."""
    path = path or config_path()
    private_dir(path.parent)
    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError) as exc:
        raise SettingsError(f"{path}: {exc}", path=str(path), detail=str(exc)) from exc
    _merge(document, _as_toml_data(settings))
    atomic_write_text(path, tomlkit.dumps(document))
    return path


def set_language_setting(lang: Literal["nl", "en"] | None, path: Path | None = None) -> None:
    """Remember the interface language (None: follow the system again)."""
    settings = load_settings(path)
    settings.language = lang
    save_settings(settings, path)


def resolve_profile(
    name: str | None = None, portal: str | None = None, path: Path | None = None
) -> Profile:
    """The profile a command runs with: `--profile` and `--portal` applied to the file."""
    profile = load_settings(path).profile(name)
    if portal:
        try:
            profile = Profile.model_validate(
                {**profile.model_dump(), "portal": portal, "name": profile.name}
            )
        except ValidationError as exc:
            msg = exc.errors()[0]["msg"]
            raise SettingsError(f"--portal: {msg}", "settings.bad_portal", detail=msg) from exc
        profile.name = name or profile.name
    return profile


def set_profile(profile: Profile, *, make_default: bool = False, path: Path | None = None) -> None:
    if not _NAME.match(profile.name):
        raise SettingsError("a profile name uses letters, digits, '.', '_' and '-' only",
                            "settings.profile_name", name=profile.name)
    settings = load_settings(path)
    settings.profiles[profile.name] = profile
    if make_default:
        settings.default_profile = profile.name
    save_settings(settings, path)


def remove_profile(name: str, path: Path | None = None) -> bool:
    settings = load_settings(path)
    if settings.profiles.pop(name, None) is None:
        return False
    if settings.default_profile == name:
        settings.default_profile = SANDBOX_PROFILE
    save_settings(settings, path)
    return True


# --- writing into the user's file -----------------------------------------------------------


def _as_toml_data(settings: Settings) -> dict[str, Any]:
    """What the user (or a command) set, not every default: the file stays theirs."""
    data = settings.model_dump(mode="json", exclude_none=True, exclude_unset=True,
                               exclude={"profiles"})  # fmt: skip
    profiles = {
        name: profile.model_dump(mode="json", exclude_none=True, exclude_unset=True)
        for name, profile in settings.profiles.items()
    }
    # The built-in sandbox profile needs no table unless something in it was changed.
    if not profiles.get(SANDBOX_PROFILE):
        profiles.pop(SANDBOX_PROFILE, None)
    if profiles:
        data["profiles"] = profiles
    return data


def _merge(table: MutableMapping[str, Any], data: dict[str, Any]) -> None:
    """Make `table` hold `data`, touching only what differs: an unchanged key keeps its
    comment and place, a dropped key goes, a new one is added at the end of its table."""
    for key in [k for k in table if k not in data]:
        del table[key]
    for key, value in data.items():
        current = table.get(key)
        if isinstance(value, dict) and isinstance(current, MutableMapping):
            _merge(current, value)
        elif key not in table or _plain(current) != value:
            table[key] = value


def _plain(value: Any) -> Any:
    # tomlkit's items compare by value only after unwrapping (a String is not always == str).
    return value.unwrap() if hasattr(value, "unwrap") else value
