"""Device login, identities, token refresh and logout, against the real sandbox in-process."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from ind_tui.api.auth import Role
from ind_tui.api.errors import (
    ClientCode,
    LoginExpiredError,
    LoginRefusedError,
    NotLoggedInError,
    SessionExpiredError,
)
from ind_tui.api.wire import ErrorCode
from ind_tui.client.auth import poll_device_login
from tests.client_fixtures import (
    MemoryKeyring,
    admin_of,
    login,
    make_app,
    make_client,
    memory_store,
)


async def test_device_login_lists_cases_and_logs_out(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        info = await client.portal_info()
        assert info.sandbox
        me = await login(client, "sponsor-eh3")
        assert me.role is Role.SPONSOR and me.company.kvk == "12345678"
        cases = await client.cases()
        assert cases and all(c.zaaknummer.isdigit() for c in cases)
        assert client.session.tokens is not None
        assert client.session.tokens.person_name == me.person_name
        assert await client.logout() is True
        with pytest.raises(NotLoggedInError) as caught:
            await client.me()
        assert caught.value.code == ClientCode.NOT_LOGGED_IN


async def test_logout_revokes_the_session_on_the_portal(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    keyring = MemoryKeyring()
    async with make_client(app, store=memory_store(keyring)) as client:
        await login(client)
        stolen = client.session.tokens
        assert stolen is not None
        await client.logout()
        assert keyring.items == {}
    async with make_client(app, store=memory_store()) as other:
        await other.store.save("sandbox", stolen)
        with pytest.raises(SessionExpiredError):
            await other.me()


@pytest.mark.parametrize(
    ("identity", "code"),
    [
        ("sponsor-eh2plus", ErrorCode.EH_LEVEL_INSUFFICIENT),
        ("sponsor-no-service", ErrorCode.EH_SERVICE_MISSING),
        ("broken-eh3", ErrorCode.NOT_AVAILABLE_FOR_YOU),
        ("agent-unregistered", ErrorCode.REPRESENTATION_NOT_REGISTERED),
        ("agent-non-recognised", ErrorCode.REPRESENTATION_NOT_RECOGNISED),
    ],
)
async def test_refused_logins_are_typed_with_guidance(
    tmp_path: Path, identity: str, code: ErrorCode
) -> None:
    async with make_client(make_app(tmp_path)) as client:
        with pytest.raises(LoginRefusedError) as caught:
            await login(client, identity)
        assert caught.value.code == code
        for lang in ("nl", "en"):
            assert caught.value.guidance(lang).action
        assert client.session.tokens is None


async def test_wrong_kvk_lands_in_another_account(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        me = await login(client, "wrong-kvk")
        assert me.company.kvk != "12345678"


async def test_representative_acts_for_the_sponsor(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        me = await login(client, "agent-noordzee")
        assert me.role is Role.REPRESENTATIVE
        assert me.acting_for is not None and me.acting_for.kvk == "12345678"


async def test_pending_until_approved(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        device = await client.start_login()
        polls = 0

        async def sleep(seconds: float) -> None:
            nonlocal polls
            polls += 1
            if polls == 3:  # the person finishes eHerkenning while we wait
                await admin_of(client).approve(device.user_code, "sponsor-eh4")

        me = await client.finish_login(device, sleep=sleep)
        assert polls == 3 and me.person_name


async def test_expired_device_code_stops_polling(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        device = await client.start_login()
        await admin_of(client).advance(seconds=device.expires_in + 1)
        with pytest.raises(LoginExpiredError):
            await client.finish_login(device, sleep=lambda s: asyncio.sleep(0))


async def test_slow_down_increases_the_interval(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path, device_interval=5)) as client:
        device = await client.start_login()
        waits: list[float] = []
        clock = [0.0]

        async def sleep(seconds: float) -> None:
            waits.append(seconds)
            clock[0] += seconds
            if len(waits) == 3:
                raise asyncio.CancelledError  # enough seen; stop like a user pressing esc

        with pytest.raises(asyncio.CancelledError):
            await poll_device_login(client.http, device, sleep=sleep, monotonic=lambda: clock[0])
        # first wait is the server's interval; each slow_down adds 5 seconds
        assert waits == [5.0, 10.0, 15.0]


async def test_device_poll_gives_up_at_expiry_without_real_waiting(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path, device_interval=5, device_code_ttl=30)) as client:
        device = await client.start_login()
        clock = [0.0]

        async def sleep(seconds: float) -> None:
            clock[0] += seconds

        with pytest.raises(LoginExpiredError):
            await poll_device_login(client.http, device, sleep=sleep, monotonic=lambda: clock[0])


async def test_access_token_expiry_mid_work_refreshes_once(tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    async with make_client(make_app(tmp_path), store=memory_store(keyring)) as client:
        await login(client)
        first = client.session.tokens
        assert first is not None
        await admin_of(client).advance(seconds=901)  # the portal's clock moves past expiry
        # five screens ask at once: one refresh serves them all
        results = await asyncio.gather(*(client.me() for _ in range(5)))
        assert {r.person_name for r in results} == {results[0].person_name}
        assert client.session.refreshes == 1
        stored = await client.store.load("sandbox")
        assert stored is not None and stored.refresh_token != first.refresh_token
        assert stored.refresh_token == client.session.tokens.refresh_token  # type: ignore[union-attr]


async def test_proactive_refresh_before_expiry(tmp_path: Path) -> None:
    async with make_client(make_app(tmp_path)) as client:
        await login(client)
        # our view of the portal clock says the token is about to expire
        await admin_of(client).advance(seconds=880)
        await client.me()
        assert client.session.refreshes == 1


async def test_refresh_token_expired_means_log_in_again(tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    async with make_client(make_app(tmp_path), store=memory_store(keyring)) as client:
        await login(client)
        await admin_of(client).advance(days=91)
        with pytest.raises(SessionExpiredError) as caught:
            await client.me()
        assert caught.value.code == ErrorCode.SESSION_EXPIRED
        assert keyring.items == {}  # a dead login is not kept
        await login(client)  # "log in again", on the same client the screens hold
        assert (await client.me()).person_name


async def test_refresh_token_reuse_ends_the_session_for_everyone(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with make_client(app) as a, make_client(app) as b:
        await login(a)
        assert a.session.tokens is not None
        await b.store.save("sandbox", a.session.tokens)  # a copy that will go stale
        await admin_of(a).advance(seconds=901)
        await a.me()  # a rotates the refresh token
        with pytest.raises(SessionExpiredError):
            await b.me()  # b presents the spent one: reuse, the family is revoked
        with pytest.raises(SessionExpiredError):
            await a.me()


async def test_two_processes_sharing_a_store_do_not_trip_reuse(tmp_path: Path) -> None:
    """The TUI and a script on one keyring: the second adopts the first's rotation."""
    app = make_app(tmp_path)
    keyring = MemoryKeyring()
    async with make_client(app, store=memory_store(keyring)) as tui:
        await login(tui)
        async with make_client(app, store=memory_store(keyring)) as script:
            await script.me()
            await admin_of(tui).advance(seconds=901)
            await tui.me()  # rotates and stores first
            me = await script.me()  # 401, reloads the store, uses the rotated token
            assert me.person_name
            assert script.session.refreshes == 0
            await tui.me()


async def test_tokens_for_another_portal_are_ignored(tmp_path: Path) -> None:
    keyring = MemoryKeyring()
    async with make_client(make_app(tmp_path), store=memory_store(keyring)) as client:
        await login(client)
    async with make_client(make_app(tmp_path / "other"), store=memory_store(keyring)) as other:
        other.session.portal = "https://elsewhere.example"
        assert await other.stored_login() is None


async def test_two_sessions_refreshing_at_once_are_serialised(tmp_path: Path) -> None:
    """Both see the token expire at the same moment; the process lock lets one rotate."""
    app = make_app(tmp_path)
    keyring = MemoryKeyring()
    async with make_client(app, store=memory_store(keyring)) as a:
        await login(a)
        async with make_client(app, store=memory_store(keyring)) as b:
            await b.me()
            state = await admin_of(a).advance(seconds=901)
            b.clock.observe(state.now)  # both know the token has expired
            results = await asyncio.gather(a.me(), b.me(), a.me(), b.me())
            assert all(r.person_name for r in results)
            assert a.session.refreshes + b.session.refreshes == 1
            await a.me()
            await b.me()
