"""Where login tokens live: the OS keyring, an opt-in encrypted file, the environment, or
memory for this run only. Never a plaintext token in a file.

Keyring backends can hang (a locked desktop keyring waiting for a prompt nobody sees) or
raise, so every keyring call runs in a daemon thread with a timeout; a backend that fails
is dropped for the rest of the run and the tokens stay in memory, with `status` telling why.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from ind_tui.api.errors import ClientCode
from ind_tui.i18n import text
from ind_tui.i18n.guidance import Guidance

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

T = TypeVar("T")

SERVICE = "ind-tui"
ENV_TOKEN = "IND_TUI_TOKEN"  # an access token for unattended jobs
ENV_PASSPHRASE = "IND_TUI_PASSPHRASE"  # unlocks the encrypted token file
ENV_STORE = "IND_TUI_TOKEN_STORE"  # overrides the profile's token_store
PROBE_TIMEOUT = 3.0
FILE_TIMEOUT = 20.0  # the encrypted file derives a key with Argon2 on every call


class StoreKind(StrEnum):
    KEYRING = "keyring"
    ENCRYPTED_FILE = "encrypted_file"
    MEMORY = "memory"
    ENVIRONMENT = "environment"


STORE_CHOICES = ("keyring", "encrypted_file", "memory")


class StoredTokens(BaseModel):
    """One profile's login, stored as a single JSON secret."""

    portal: str  # the profile's portal setting ("embedded" or a URL) the tokens belong to
    access_token: str
    refresh_token: str | None
    access_expires_at: datetime  # on the portal's clock
    refresh_expires_at: datetime | None = None
    person_name: str | None = None
    company: str | None = None
    acting_for: str | None = None
    role: str | None = None
    saved_at: datetime | None = None


@dataclass(frozen=True)
class StoreStatus:
    kind: StoreKind
    backend: str  # human-readable: which keyring, which file
    persistent: bool  # survives this process
    reason: str | None = None  # ClientCode: why we are not where the user expected

    def guidance(self, lang: str = "en") -> Guidance | None:
        if self.reason is None:
            return None
        from ind_tui.i18n.guidance import guidance

        return guidance(self.reason, lang)

    def describe(self, lang: str = "en") -> str:
        where = text(f"tokens.where.{self.kind.value}", lang)
        return f"{where} ({self.backend})"


class KeyringTimeout(Exception):
    pass


def run_bounded(fn: Callable[[], T], timeout: float) -> T:
    """Run `fn` in a daemon thread; raise KeyringTimeout if it does not finish in time.

    A daemon thread, not an executor: a hung backend must not block interpreter exit."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:
            box["error"] = exc

    thread = threading.Thread(target=target, name="ind-tui-keyring", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise KeyringTimeout(f"keyring did not answer within {timeout:g} s")
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


async def arun_bounded(fn: Callable[[], T], timeout: float) -> T:
    return await asyncio.to_thread(run_bounded, fn, timeout)


def _username(profile: str) -> str:
    return f"profile:{profile}"


def _classify_error(exc: BaseException) -> str:
    if isinstance(exc, KeyringTimeout):
        return ClientCode.KEYRING_TIMEOUT
    from keyring.errors import InitError, KeyringLocked, NoKeyringError

    if isinstance(exc, KeyringLocked | InitError):
        return ClientCode.KEYRING_LOCKED
    if isinstance(exc, NoKeyringError):
        return ClientCode.KEYRING_MISSING
    return ClientCode.KEYRING_ERROR


class TokenStore:
    """Tokens per profile. Use `await open_token_store(...)` to make one."""

    def __init__(
        self,
        status: StoreStatus,
        backend: KeyringBackend | None = None,
        *,
        env_token: str | None = None,
        timeout: float = PROBE_TIMEOUT,
    ) -> None:
        self.status = status
        self._backend = backend
        self._env_token = env_token
        self._timeout = timeout
        self._memory: dict[str, str] = {}
        self.warnings: list[str] = []  # ClientCodes of failures met after opening

    @property
    def persistent(self) -> bool:
        return self.status.persistent

    def _drop_backend(self, exc: BaseException) -> None:
        reason = _classify_error(exc)
        self.warnings.append(reason)
        self.status = StoreStatus(StoreKind.MEMORY, "memory", False, reason)
        self._backend = None

    async def load(self, profile: str) -> StoredTokens | None:
        if self._env_token is not None:
            return StoredTokens(
                portal="*",
                access_token=self._env_token,
                refresh_token=None,
                access_expires_at=datetime.max.replace(tzinfo=UTC),
            )
        raw: str | None = None
        backend = self._backend
        if backend is not None:
            try:
                raw = await arun_bounded(
                    lambda: backend.get_password(SERVICE, _username(profile)), self._timeout
                )
            except Exception as exc:
                self._drop_backend(exc)
        if raw is None:
            raw = self._memory.get(profile)
        if raw is None:
            return None
        try:
            return StoredTokens.model_validate_json(raw)
        except ValueError:
            return None  # an unreadable entry is treated as no login, never as a crash

    async def save(self, profile: str, tokens: StoredTokens) -> None:
        """Store `tokens`. Memory always holds a copy, so a backend failing here costs the
        next run its login, never this run's."""
        tokens = tokens.model_copy(update={"saved_at": datetime.now(UTC)})
        raw = tokens.model_dump_json()
        self._memory[profile] = raw
        backend = self._backend
        if backend is None:
            return
        try:
            await arun_bounded(
                lambda: backend.set_password(SERVICE, _username(profile), raw), self._timeout
            )
        except Exception as exc:
            self._drop_backend(exc)

    async def delete(self, profile: str) -> bool:
        """Forget the profile's tokens. True if something was removed."""
        removed = self._memory.pop(profile, None) is not None
        backend = self._backend
        if backend is None:
            return removed
        from keyring.errors import PasswordDeleteError

        def _delete() -> bool:
            try:
                backend.delete_password(SERVICE, _username(profile))
            except PasswordDeleteError:
                return False
            return True

        try:
            return await arun_bounded(_delete, self._timeout) or removed
        except Exception as exc:
            self._drop_backend(exc)
            return removed


Passphrase = str | Callable[[], str | None] | None


async def open_token_store(
    mode: str = "keyring",
    *,
    backend: KeyringBackend | None = None,
    passphrase: Passphrase = None,
    environ: Mapping[str, str] | None = None,
    file_path: Path | None = None,
    timeout: float = PROBE_TIMEOUT,
) -> TokenStore:
    """Pick and probe the token store. Never raises; a fallback is reported in `.status`.

    `mode`: "keyring" (the OS keyring, or the backend keyring itself is configured to use),
    "encrypted_file" (keyrings.cryptfile, passphrase from IND_TUI_PASSPHRASE or `passphrase`),
    "memory". IND_TUI_TOKEN in the environment wins over all: an access token for jobs.
    `backend` replaces keyring's own choice (tests, or a caller with a ready backend)."""
    env = os.environ if environ is None else environ
    if env.get(ENV_TOKEN):
        status = StoreStatus(StoreKind.ENVIRONMENT, ENV_TOKEN, False)
        return TokenStore(status, env_token=env[ENV_TOKEN])
    mode = env.get(ENV_STORE) or mode
    if mode == "memory":
        return TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False, ClientCode.MEMORY_CHOSEN))
    if mode == "encrypted_file" and backend is None:
        try:
            from ind_tui.local.keyrings import encrypted_file_backend

            backend = encrypted_file_backend(file_path)
        except ImportError:
            return _memory(ClientCode.CRYPTFILE_MISSING)
    if backend is None:
        try:
            from ind_tui.local.keyrings import os_keyring

            backend, reason = await arun_bounded(os_keyring, timeout)
        except Exception as exc:
            return _memory(_classify_error(exc))
        if backend is None:
            return _memory(reason or ClientCode.KEYRING_MISSING)
    from ind_tui.local.keyrings import describe, is_encrypted_file, unlock

    if is_encrypted_file(backend):
        secret = env.get(ENV_PASSPHRASE) or (passphrase() if callable(passphrase) else passphrase)
        if not secret:
            return _memory(ClientCode.PASSPHRASE_MISSING)
        timeout = max(timeout, FILE_TIMEOUT)
        try:
            await arun_bounded(lambda: unlock(backend, secret), timeout)
        except ValueError:
            return _memory(ClientCode.PASSPHRASE_WRONG)
        except Exception as exc:
            return _memory(_classify_error(exc))
        status = StoreStatus(StoreKind.ENCRYPTED_FILE, describe(backend), True)
        return TokenStore(status, backend, timeout=timeout)
    try:
        # A harmless read shows whether the backend answers, is locked, or hangs.
        await arun_bounded(lambda: backend.get_password(SERVICE, "probe"), timeout)
    except Exception as exc:
        return _memory(_classify_error(exc))
    status = StoreStatus(StoreKind.KEYRING, describe(backend), True)
    return TokenStore(status, backend, timeout=timeout)


def _memory(reason: str) -> TokenStore:
    return TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False, reason))
