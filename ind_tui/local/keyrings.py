"""Choosing a keyring backend for tokens, with keyring's own configuration mechanism.

Without configuration, keyring picks the highest-priority backend, and a file-based one
(keyrings.cryptfile, keyrings.alt) would win on a machine without an OS keyring — then
prompt for a password on stdin or, worse, write plaintext. So unless the user configured a
backend (PYTHON_KEYRING_BACKEND or keyringrc.cfg), only OS keyrings are considered; the
encrypted file is an explicit choice (token_store = "encrypted_file"). Plaintext backends
are refused whoever chose them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ind_tui.api.errors import ClientCode
from ind_tui.base.atomic import private_dir

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

TOKEN_FILE = "tokens.cfg"
# Module prefixes of backends that keep secrets in a file rather than an OS service.
_FILE_BACKEND_MODULES = ("keyrings.cryptfile", "keyrings.alt")


def is_plaintext(backend: KeyringBackend) -> bool:
    cls = type(backend)
    return "plaintext" in cls.__name__.lower() or "plaintext" in cls.__module__.lower()


def is_encrypted_file(backend: KeyringBackend) -> bool:
    """A keyrings.cryptfile backend: needs a passphrase before use."""
    try:
        from keyrings.cryptfile.file import EncryptedKeyring  # type: ignore[import-untyped]
    except ImportError:
        return False
    return isinstance(backend, EncryptedKeyring)


def _is_usable(backend: KeyringBackend) -> bool:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring | chainer.ChainerBackend):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend's priority check raises when it does not apply here
        return False


def os_keyring() -> tuple[KeyringBackend | None, str | None]:
    """The backend to use in "keyring" mode, or None with a ClientCode saying why.

    Blocking (backend discovery may talk to D-Bus): run it through run_bounded."""
    import keyring.backend
    import keyring.core

    configured = keyring.core.load_env() or keyring.core.load_config()
    if configured is not None:
        from keyring.backends import chainer

        if isinstance(configured, chainer.ChainerBackend):
            candidates = [b for b in configured.backends if not is_plaintext(b)]
            configured = candidates[0] if candidates else None
        if configured is None or (
            not _is_usable(configured) and not is_encrypted_file(configured)
        ):
            return None, ClientCode.KEYRING_MISSING
        if is_plaintext(configured):
            return None, ClientCode.KEYRING_PLAINTEXT
        return configured, None
    viable = [
        b
        for b in keyring.backend.get_all_keyring()
        if _is_usable(b) and not type(b).__module__.startswith(_FILE_BACKEND_MODULES)
    ]
    if not viable:
        return None, ClientCode.KEYRING_MISSING
    return max(viable, key=lambda b: float(b.priority)), None


def default_token_file() -> Path:
    from ind_tui.local.paths import data_dir

    return data_dir() / TOKEN_FILE


def encrypted_file_backend(
    path: Path | None = None, *, time_cost: int | None = None, memory_cost: int | None = None
) -> KeyringBackend:
    """A keyrings.cryptfile backend writing to `path` (default: tokens.cfg in the data dir).

    `time_cost`/`memory_cost` tune Argon2 (tests make it cheap); a file must always be read
    with the costs it was written with. Raises ImportError when keyrings.cryptfile is absent."""
    from keyrings.cryptfile.cryptfile import CryptFileKeyring  # type: ignore[import-untyped]

    backend: KeyringBackend = CryptFileKeyring()
    backend.file_path = str(path or default_token_file())  # type: ignore[attr-defined]
    if time_cost is not None:
        backend.time_cost = time_cost  # type: ignore[attr-defined]
    if memory_cost is not None:
        backend.memory_cost = memory_cost  # type: ignore[attr-defined]
    return backend


def unlock(backend: KeyringBackend, passphrase: str) -> None:
    """Set the file's passphrase: creates the file, or checks the passphrase against it.

    Raises ValueError for a wrong passphrase."""
    path = Path(str(getattr(backend, "file_path", "")))
    if path.parent != Path():
        private_dir(path.parent)
    try:
        backend.keyring_key = passphrase  # type: ignore[attr-defined]
    except AssertionError as exc:  # older file format signals a mismatch this way
        raise ValueError("wrong passphrase") from exc
    if path.exists():
        os.chmod(path, 0o600)


def describe(backend: KeyringBackend) -> str:
    path = getattr(backend, "file_path", None)
    if is_encrypted_file(backend) and path:
        return str(path)
    name = getattr(backend, "name", None) or type(backend).__name__
    return str(name)
