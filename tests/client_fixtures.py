"""Helpers for the portal client tests: a real sandbox app per test, clients on it, and
tiny keyring backends (one that works in memory, one that raises, one that hangs)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError

from ind_tui.api.applications import ApplicationRequest, Person
from ind_tui.api.auth import Me
from ind_tui.client.client import PortalClient
from ind_tui.client.retry import RetryPolicy
from ind_tui.client.sandbox_admin import SandboxAdmin
from ind_tui.client.transport import Timeouts
from ind_tui.local.tokens import StoreKind, StoreStatus, TokenStore
from ind_tui.sandbox.app import SandboxConfig, create_app

ADMIN = "client-tests-admin"
# No real waiting between attempts; Retry-After up to 1 s would be honoured (tests set 0).
TEST_RETRY = RetryPolicy(attempts=4, total_seconds=20.0, wait_initial=0.0, wait_max=0.0,
                         wait_jitter=0.0, max_retry_after=1.0, in_progress_wait=0.0)


def make_app(tmp_path: Path, **config: Any) -> FastAPI:
    options: dict[str, Any] = {"db_path": tmp_path / "sandbox.db", "admin_token": ADMIN,
                               "device_interval": 0}
    options.update(config)
    return create_app(SandboxConfig(**options))


def make_client(
    app: FastAPI,
    *,
    store: TokenStore | None = None,
    retry: RetryPolicy = TEST_RETRY,
    timeouts: Timeouts | None = None,
    profile: str = "sandbox",
) -> PortalClient:
    return PortalClient(
        "http://sandbox", transport=httpx.ASGITransport(app=app), store=store, retry=retry,
        timeouts=timeouts, profile=profile, portal="embedded",
    )


def admin_of(client: PortalClient) -> SandboxAdmin:
    return SandboxAdmin(client.http, ADMIN)


async def login(client: PortalClient, identity: str = "sponsor-eh3") -> Me:
    device = await client.start_login()
    await admin_of(client).approve(device.user_code, identity)
    return await client.finish_login(device)


def memory_store(backend: KeyringBackend | None = None) -> TokenStore:
    if backend is None:
        return TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False))
    return TokenStore(StoreStatus(StoreKind.KEYRING, "test", True), backend)


def hsm_request(name: str = "Test Person", **answers: Any) -> ApplicationRequest:
    from datetime import date

    from ind_tui.domain.forms import example_answers

    return ApplicationRequest(
        type_id="hsm_first_vvr", form_version=1,
        employee=Person(name=name, date_of_birth=date(1990, 5, 17), nationality="IND"),
        answers={**example_answers("hsm_first_vvr"), **answers},
    )


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class RaisingKeyring(MemoryKeyring):
    """Locked: every call fails."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the keyring is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the keyring is locked")


class HangingKeyring(MemoryKeyring):
    """Answers until `hang` is set, then never returns (until `release`)."""

    def __init__(self, hang_from_start: bool = True) -> None:
        super().__init__()
        self.hang = threading.Event()
        self.release = threading.Event()
        if hang_from_start:
            self.hang.set()

    def _maybe_hang(self) -> None:
        if self.hang.is_set():
            self.release.wait(30)

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_hang()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._maybe_hang()
        super().set_password(service, username, password)
