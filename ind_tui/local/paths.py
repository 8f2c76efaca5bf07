"""Where ind-tui keeps its files. All from platformdirs; IND_TUI_HOME moves everything
under one folder (tests, support reproductions, several setups side by side). Every folder
is made by `private_dir`: for this user only."""

from __future__ import annotations

import os
from pathlib import Path

from ind_tui.base.atomic import private_dir

APP_NAME = "ind-tui"


def _root() -> Path | None:
    home = os.environ.get("IND_TUI_HOME")
    return Path(home).expanduser() if home else None


def _dir(kind: str) -> Path:
    root = _root()
    if root is not None:
        path = root / kind
    else:
        import platformdirs

        getter = {
            "config": platformdirs.user_config_dir,
            "data": platformdirs.user_data_dir,
            "cache": platformdirs.user_cache_dir,
            "log": platformdirs.user_log_dir,
        }[kind]
        path = Path(getter(APP_NAME, appauthor=False))
    return private_dir(path)


def config_dir() -> Path:
    """Profiles (config.toml) and the keymap."""
    return _dir("config")


def data_dir() -> Path:
    """Drafts, the document store, the local archive, the embedded sandbox's database."""
    return _dir("data")


def cache_dir() -> Path:
    return _dir("cache")


def log_dir() -> Path:
    return _dir("log")


def drafts_dir() -> Path:
    return private_dir(data_dir() / "drafts")


def documents_dir() -> Path:
    """Content-addressed document store (blobs by SHA-256)."""
    return private_dir(data_dir() / "documents")


def sandbox_db() -> Path:
    return data_dir() / "sandbox.db"
