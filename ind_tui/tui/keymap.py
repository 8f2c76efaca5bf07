"""Remapping keys: `keymap.toml` in the config dir maps binding ids to keys.

    [keys]
    "app.report" = "f12"
    "app.jump" = "ctrl+g"
"""

from __future__ import annotations

from pathlib import Path

from ind_tui.local.paths import config_dir


def keymap_path() -> Path:
    return config_dir() / "keymap.toml"


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The user's keymap and, if the file could not be used, why (the defaults then apply)."""
    path = path or keymap_path()
    if not path.exists():
        return {}, None
    import tomllib  # only with a keymap file: the first frame waits for this import

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: {exc}"
    keys = data.get("keys", {})
    if not isinstance(keys, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in keys.items()
    ):
        return {}, f"{path}: [keys] must map binding ids to key names"
    return {k: v.strip() for k, v in keys.items()}, None
