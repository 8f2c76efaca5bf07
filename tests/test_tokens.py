"""TokenStore: keyring when it works; memory (with the reason) when it is missing, raises or
hangs; the opt-in encrypted file; a token from the environment. Never plaintext on disk."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from keyring.backends import fail

from ind_tui.api.errors import ClientCode
from ind_tui.local.keyrings import encrypted_file_backend
from ind_tui.local.tokens import ENV_TOKEN, StoredTokens, StoreKind, open_token_store
from tests.client_fixtures import HangingKeyring, MemoryKeyring, RaisingKeyring

SECRET = "access-SECRET-abcdefghijklmnopqrstuvwxyz"
REFRESH = "refresh-SECRET-abcdefghijklmnopqrstuvwxyz"


def tokens() -> StoredTokens:
    return StoredTokens(portal="embedded", access_token=SECRET, refresh_token=REFRESH,
                        access_expires_at=datetime(2030, 1, 1, tzinfo=UTC))  # fmt: skip


def cheap_file(path: Path):  # type: ignore[no-untyped-def]
    # Argon2 costs made small so the test stays fast; a file is read with its own costs.
    return encrypted_file_backend(path, time_cost=1, memory_cost=1024)


async def test_working_keyring_keeps_tokens() -> None:
    keyring = MemoryKeyring()
    store = await open_token_store(backend=keyring, environ={})
    assert store.status.kind is StoreKind.KEYRING and store.persistent
    await store.save("p", tokens())
    assert (await store.load("p")) == tokens().model_copy(
        update={"saved_at": (await store.load("p")).saved_at}  # type: ignore[union-attr]
    )
    assert await store.delete("p") is True
    assert await store.load("p") is None
    assert keyring.items == {}


async def test_missing_keyring_falls_back_to_memory_and_says_why() -> None:
    store = await open_token_store(backend=fail.Keyring(), environ={})  # type: ignore[no-untyped-call]
    assert store.status.kind is StoreKind.MEMORY
    assert not store.persistent
    assert store.status.reason in (ClientCode.KEYRING_MISSING, ClientCode.KEYRING_ERROR)
    await store.save("p", tokens())
    assert (await store.load("p")) is not None  # this run still works
    g = store.status.guidance("en")
    assert g is not None and "encrypted_file" in g.action and "pip install" not in g.action


async def test_locked_keyring_falls_back_to_memory() -> None:
    store = await open_token_store(backend=RaisingKeyring(), environ={})
    assert store.status.kind is StoreKind.MEMORY
    assert store.status.reason == ClientCode.KEYRING_LOCKED


async def test_hanging_keyring_is_abandoned_after_the_timeout() -> None:
    keyring = HangingKeyring()
    try:
        store = await open_token_store(backend=keyring, environ={}, timeout=0.05)
        assert store.status.kind is StoreKind.MEMORY
        assert store.status.reason == ClientCode.KEYRING_TIMEOUT
    finally:
        keyring.release.set()


async def test_keyring_that_hangs_later_keeps_this_run_going() -> None:
    keyring = HangingKeyring(hang_from_start=False)
    try:
        # Long enough for a busy machine to answer the probe in time; the hanging save below
        # costs the test this long once.
        store = await open_token_store(backend=keyring, environ={}, timeout=2.0)
        assert store.status.kind is StoreKind.KEYRING
        keyring.hang.set()
        await store.save("p", tokens())  # times out, falls back, does not raise
        assert store.status.kind is StoreKind.MEMORY and not store.persistent
        assert store.status.reason == ClientCode.KEYRING_TIMEOUT
        assert store.warnings == [ClientCode.KEYRING_TIMEOUT]
        assert keyring.items == {}  # the save never got through: memory holds the tokens
        loaded = await store.load("p")  # from memory, without waiting on the keyring again
        assert loaded is not None and loaded.access_token == SECRET
    finally:
        keyring.release.set()


async def test_keyring_that_raises_on_save_keeps_this_run_going() -> None:
    class SaveFails(MemoryKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise RuntimeError("dbus went away")

    store = await open_token_store(backend=SaveFails(), environ={})
    await store.save("p", tokens())
    assert store.status.reason == ClientCode.KEYRING_ERROR
    assert (await store.load("p")) is not None


async def test_plaintext_backends_are_refused() -> None:
    from keyrings.cryptfile.file import PlaintextKeyring  # type: ignore[import-untyped]

    from ind_tui.local.keyrings import is_plaintext

    assert is_plaintext(PlaintextKeyring())


async def test_unconfigured_keyring_never_picks_a_file_backend(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """keyrings.cryptfile is installed here; without an explicit choice it must not be used."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # no keyringrc.cfg
    from ind_tui.local.keyrings import os_keyring

    backend, _reason = os_keyring()
    assert backend is None or not type(backend).__module__.startswith("keyrings.")


async def test_encrypted_file_works_across_processes(tmp_path: Path) -> None:
    path = tmp_path / "tokens.cfg"
    first = await open_token_store("encrypted_file", backend=cheap_file(path), environ={},
                                   passphrase="correct horse")  # fmt: skip
    assert first.status.kind is StoreKind.ENCRYPTED_FILE and first.persistent
    await first.save("p", tokens())
    raw = path.read_bytes()
    assert SECRET.encode() not in raw and REFRESH.encode() not in raw
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    # "the next process": a new backend on the same file, passphrase from the environment
    second = await open_token_store("encrypted_file", backend=cheap_file(path),
                                    environ={"IND_TUI_PASSPHRASE": "correct horse"})
    loaded = await second.load("p")
    assert loaded is not None and loaded.refresh_token == REFRESH


async def test_encrypted_file_wrong_or_missing_passphrase(tmp_path: Path) -> None:
    path = tmp_path / "tokens.cfg"
    store = await open_token_store("encrypted_file", backend=cheap_file(path), environ={},
                                   passphrase="right")  # fmt: skip
    await store.save("p", tokens())
    wrong = await open_token_store("encrypted_file", backend=cheap_file(path), environ={},
                                   passphrase="wrong")  # fmt: skip
    assert wrong.status.reason == ClientCode.PASSPHRASE_WRONG and not wrong.persistent
    missing = await open_token_store("encrypted_file", backend=cheap_file(path), environ={},
                                     passphrase=lambda: None)  # fmt: skip
    assert missing.status.reason == ClientCode.PASSPHRASE_MISSING


async def test_encrypted_file_in_the_default_place(tmp_path: Path) -> None:
    store = await open_token_store("encrypted_file", environ={"IND_TUI_PASSPHRASE": "pw"})
    assert store.status.kind is StoreKind.ENCRYPTED_FILE
    assert store.status.backend.endswith("tokens.cfg")
    assert str(tmp_path) in store.status.backend  # under IND_TUI_HOME, not the real home


async def test_environment_token_for_unattended_jobs() -> None:
    store = await open_token_store(backend=MemoryKeyring(), environ={ENV_TOKEN: "job-token"})
    assert store.status.kind is StoreKind.ENVIRONMENT
    loaded = await store.load("any-profile")
    assert loaded is not None and loaded.access_token == "job-token"
    assert loaded.refresh_token is None


async def test_memory_by_choice() -> None:
    store = await open_token_store("memory", environ={})
    assert store.status.reason == ClientCode.MEMORY_CHOSEN and not store.persistent


async def test_unreadable_entry_is_no_login() -> None:
    keyring = MemoryKeyring()
    keyring.set_password("ind-tui", "profile:p", "{not json")
    store = await open_token_store(backend=keyring, environ={})
    assert await store.load("p") is None
