"""Profiles in config.toml: defaults, round trip, selection, overrides, bad files."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ind_tui.local.settings import (
    EMBEDDED,
    Profile,
    Settings,
    SettingsError,
    config_path,
    load_settings,
    remove_profile,
    resolve_profile,
    save_settings,
    set_language_setting,
    set_profile,
)


def test_nothing_configured_means_the_sandbox_profile() -> None:
    settings = load_settings()
    assert settings.default_profile == "sandbox"
    profile = settings.profile()
    assert profile.name == "sandbox" and profile.portal == EMBEDDED and profile.embedded


def test_config_lives_under_ind_tui_home(tmp_path: Path) -> None:
    assert str(config_path()).startswith(str(tmp_path))


def test_profiles_round_trip_through_toml() -> None:
    set_profile(Profile(name="noordzee-acc", portal="https://acc.portal.example/",
                        token_store="encrypted_file", label='Noordzee "acc"', kvk="12345678"),
                make_default=True)  # fmt: skip
    set_profile(Profile(name="delta", portal="https://portal.example"))
    settings = load_settings()
    assert settings.default_profile == "noordzee-acc"
    acc = settings.profile()
    assert acc.portal == "https://acc.portal.example"  # trailing slash dropped
    assert acc.token_store == "encrypted_file" and acc.label == 'Noordzee "acc"'
    assert settings.profile("delta").token_store == "keyring"
    assert set(settings.profiles) == {"sandbox", "noordzee-acc", "delta"}
    assert remove_profile("noordzee-acc")
    assert load_settings().default_profile == "sandbox"


def test_unknown_keys_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('future_setting = 3\n[profiles.a]\nportal = "https://a.example"\n'
                    'colour = "blue"\n', encoding="utf-8")  # fmt: skip
    save_settings(load_settings(path), path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["future_setting"] == 3 and data["profiles"]["a"]["colour"] == "blue"


def test_profile_flag_env_and_portal_override(monkeypatch: pytest.MonkeyPatch) -> None:
    set_profile(Profile(name="a", portal="https://a.example"))
    set_profile(Profile(name="b", portal="https://b.example"))
    assert resolve_profile("a").portal == "https://a.example"
    monkeypatch.setenv("IND_TUI_PROFILE", "b")
    assert resolve_profile().name == "b"
    assert resolve_profile("a").name == "a"  # the flag wins over the environment
    override = resolve_profile("a", portal="http://127.0.0.1:8765")
    assert override.name == "a" and override.portal == "http://127.0.0.1:8765"


def test_bad_input_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="no profile"):
        resolve_profile("missing")
    with pytest.raises(SettingsError):
        resolve_profile(portal="ftp://nope")
    broken = tmp_path / "broken.toml"
    broken.write_text("profiles = [", encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(broken)
    wrong = tmp_path / "wrong.toml"
    wrong.write_text('[profiles.x]\ntoken_store = "plaintext"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="token_store"):
        load_settings(wrong)
    with pytest.raises(SettingsError):
        set_profile(Profile(name="has space"))


def test_the_writer_escapes(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    label = 'quote " back \\ tab\t nl\n'
    set_profile(Profile(name="x", portal="https://x.example", label=label), path=path)
    assert load_settings(path).profile("x").label == label


def test_changing_the_language_keeps_comments_and_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = (
        "# My settings: Dutch at work.\n"
        'language = "nl"  # the office speaks Dutch\n'
        "future_setting = 3\n"
        "\n"
        "# Our production portal\n"
        "[profiles.prod]\n"
        'portal = "https://portal.example"  # from the IND letter\n'
        'colour = "blue"\n'
    )
    path.write_text(text, encoding="utf-8")
    set_language_setting("en", path)
    after = path.read_text(encoding="utf-8")
    assert after == text.replace('language = "nl"', 'language = "en"')
    assert load_settings(path).language == "en"
    set_language_setting(None, path)
    assert "language" not in tomllib.loads(path.read_text(encoding="utf-8"))
    assert "# the office speaks Dutch" not in path.read_text(encoding="utf-8")
    assert "# Our production portal" in path.read_text(encoding="utf-8")


def test_settings_model_defaults() -> None:
    settings = Settings()
    assert settings.language is None and "sandbox" in settings.profiles
