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
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ind_tui.local.paths import config_dir

CONFIG_FILE = "config.toml"
EMBEDDED = "embedded"  # portal value: start the sandbox in-process on a free port
SANDBOX_PROFILE = "sandbox"
ENV_PROFILE = "IND_TUI_PROFILE"
_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")

TokenStoreChoice = Literal["keyring", "encrypted_file", "memory"]


class SettingsError(Exception):
    """The config file cannot be read, or names a profile that does not exist."""


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
            raise SettingsError(f"no profile {wanted!r} (known: {known})") from None


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def load_settings(path: Path | None = None) -> Settings:
    path = path or config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SettingsError(f"{path}: {where}: {first['msg']}") from exc


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (a crash never leaves half a config)."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(dumps_toml(_as_toml_data(settings)), encoding="utf-8")
    os.replace(tmp, path)
    return path


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
            raise SettingsError(f"--portal: {exc.errors()[0]['msg']}") from exc
        profile.name = name or profile.name
    return profile


def set_profile(profile: Profile, *, make_default: bool = False, path: Path | None = None) -> None:
    if not _NAME.match(profile.name):
        raise SettingsError("a profile name uses letters, digits, '.', '_' and '-' only")
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


# --- a small TOML writer: tables of scalars, lists and nested tables -----------------------


def _as_toml_data(settings: Settings) -> dict[str, Any]:
    data = settings.model_dump(mode="json", exclude_none=True)
    profiles = data.pop("profiles", {})
    data["profiles"] = profiles
    return data


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _string(key)


def _string(value: str) -> str:
    escaped = (
        value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    )
    escaped = "".join(c if ord(c) >= 0x20 else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def dumps_toml(data: dict[str, Any], _prefix: str = "") -> str:
    """TOML text for `data`: scalars first, then each dict as a [table] (nested: [a.b])."""
    scalars = [(k, v) for k, v in data.items() if v is not None and not isinstance(v, dict)]
    tables = [(k, v) for k, v in data.items() if isinstance(v, dict)]
    out = "".join(f"{_key(k)} = {_value(v)}\n" for k, v in scalars)
    for key, table in tables:
        name = f"{_prefix}.{_key(key)}" if _prefix else _key(key)
        if not table or any(v is not None and not isinstance(v, dict) for v in table.values()):
            out += f"\n[{name}]\n"
        out += dumps_toml(table, name)
    return out
