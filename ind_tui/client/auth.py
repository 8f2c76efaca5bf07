"""Login by device flow (RFC 8628) and keeping the session alive.

`Session` is the Authenticator of a profile's PortalHttp: it hands out the access token,
refreshes it shortly before it expires (one refresh in flight, however many calls wait),
stores the rotated refresh token *before* the new access token is used, and turns a session
that cannot continue into one SessionExpiredError.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Final

from ind_tui.api.auth import (
    DeviceAuthRequest,
    DeviceAuthResponse,
    LogoutRequest,
    Me,
    PortalInfo,
    RefreshRequest,
    TokenRequest,
    TokenResponse,
)
from ind_tui.api.errors import (
    ClientCode,
    LoginExpiredError,
    LoginRefusedError,
    NotLoggedInError,
    PortalError,
    RateLimitedError,
    ServiceUnavailableError,
    SessionExpiredError,
    TransportError,
)
from ind_tui.api.wire import ErrorCode
from ind_tui.client.retry import Retry
from ind_tui.client.transport import PortalHttp
from ind_tui.local.locks import process_lock
from ind_tui.local.tokens import StoredTokens, TokenStore

CLIENT_ID = "ind-tui"
DEVICE_GRANT: Final = "urn:ietf:params:oauth:grant-type:device_code"
SLOW_DOWN_STEP = 5  # RFC 8628 §3.5: add 5 seconds on slow_down
REFRESH_MARGIN = 60.0  # refresh this long before the access token expires

Sleep = Callable[[float], Awaitable[None]]


async def start_device_login(
    http: PortalHttp, *, client_id: str = CLIENT_ID, scope: str | None = None
) -> DeviceAuthResponse:
    response = await http.request(
        "POST", "/auth/device", json=DeviceAuthRequest(client_id=client_id, scope=scope),
        auth=False, mode=Retry.UNSENT,
    )  # fmt: skip
    return http.parse(response, DeviceAuthResponse)


async def poll_device_login(
    http: PortalHttp,
    device: DeviceAuthResponse,
    *,
    client_id: str = CLIENT_ID,
    sleep: Sleep = asyncio.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> TokenResponse:
    """Poll until the login completes in the browser, honouring `interval` and `slow_down`.

    Raises LoginExpiredError (code expired, or used elsewhere) or LoginRefusedError."""
    interval = float(max(device.interval, 0))
    deadline = monotonic() + device.expires_in
    body = TokenRequest(grant_type=DEVICE_GRANT, device_code=device.device_code,
                        client_id=client_id)  # fmt: skip
    while True:
        try:
            response = await http.request(
                "POST", "/auth/token", json=body, auth=False, mode=Retry.UNSENT
            )
            return http.parse(response, TokenResponse)
        except (LoginRefusedError, LoginExpiredError):
            raise
        except PortalError as exc:
            if exc.code == ErrorCode.SLOW_DOWN:
                told = exc.details.get("interval")
                interval = float(told) if isinstance(told, int | float) else interval
                interval = max(interval, float(device.interval) + SLOW_DOWN_STEP)
            elif exc.code == ErrorCode.INVALID_GRANT:
                # The code was used or forgotten (e.g. the answer with tokens was lost).
                raise LoginExpiredError(
                    exc.message, code=ErrorCode.EXPIRED_TOKEN, request_id=exc.request_id
                ) from exc
            elif exc.code != ErrorCode.AUTHORIZATION_PENDING and not isinstance(
                exc, TransportError | ServiceUnavailableError | RateLimitedError
            ):
                raise
        if monotonic() + interval >= deadline:
            raise LoginExpiredError("the login code expired before the login was completed")
        await sleep(interval)


def _expiry(now: datetime, seconds: int) -> datetime:
    return now + timedelta(seconds=seconds)


class Session:
    """The login of one profile. Set as `http.auth` on construction."""

    def __init__(
        self,
        http: PortalHttp,
        store: TokenStore,
        profile: str,
        portal: str,
        *,
        refresh_margin: float = REFRESH_MARGIN,
    ) -> None:
        self.http = http
        self.store = store
        self.profile = profile
        self.portal = portal
        self.refresh_margin = refresh_margin
        self._tokens: StoredTokens | None = None
        self._loaded = False
        self._lock = asyncio.Lock()
        self.refreshes = 0
        self._calibration_failed = False  # the portal clock could not be asked this run
        http.auth = self

    @property
    def tokens(self) -> StoredTokens | None:
        return self._tokens

    @property
    def from_environment(self) -> bool:
        return self._tokens is not None and self._tokens.portal == "*"

    async def load(self) -> StoredTokens | None:
        """Read the stored login (once). Tokens stored for another portal are ignored."""
        stored = await self.store.load(self.profile)
        if stored is not None and stored.portal not in ("*", self.portal):
            stored = None
        self._tokens = stored
        self._loaded = True
        return stored

    async def _current(self) -> StoredTokens:
        if not self._loaded:
            await self.load()
        if self._tokens is None:
            raise NotLoggedInError("no login stored for this profile")
        return self._tokens

    # --- Authenticator ---------------------------------------------------------------------

    async def bearer(self) -> str:
        tokens = await self._current()
        if tokens.refresh_token and not self.http.clock.precise:
            await self._calibrate()  # a new process: judge expiry on the portal's clock
        if tokens.refresh_token and self._expiring(tokens):
            return await self._refresh(tokens.access_token)
        return tokens.access_token

    async def on_unauthorized(self, used: str, error: PortalError) -> str:
        if self.from_environment:
            raise SessionExpiredError(
                "the token from the environment was refused",
                code=ClientCode.ENV_TOKEN_REJECTED, status=error.status,
                request_id=error.request_id,
            )  # fmt: skip
        return await self._refresh(used, error)

    def _expiring(self, tokens: StoredTokens) -> bool:
        return self.http.clock.seconds_until(tokens.access_expires_at) <= self.refresh_margin

    async def _refresh(self, stale_access: str, cause: PortalError | None = None) -> str:
        async with self._lock:
            current = await self._current()
            if current.access_token != stale_access and not self._expiring(current):
                return current.access_token  # refreshed while we waited for the lock
            if not self.store.persistent:
                return await self._rotate(current, stale_access, cause)
            async with process_lock(f"refresh-{self.profile}"):
                return await self._rotate(current, stale_access, cause)

    async def _rotate(
        self, current: StoredTokens, stale_access: str, cause: PortalError | None
    ) -> str:
        # Another process (the TUI beside a script) may have rotated the refresh token
        # already; using our old copy would look like reuse and end the session.
        stored = await self.store.load(self.profile)
        if (
            stored is not None
            and stored.portal == self.portal
            and stored.refresh_token != current.refresh_token
        ):
            self._tokens = current = stored
            if current.access_token != stale_access and not self._expiring(current):
                return current.access_token
        if not current.refresh_token:
            raise SessionExpiredError("the session has ended", code=(
                cause.code if cause else ErrorCode.SESSION_EXPIRED))  # fmt: skip
        try:
            response = await self.http.request(
                "POST", "/auth/refresh",
                json=RefreshRequest(refresh_token=current.refresh_token),
                auth=False, mode=Retry.UNSENT,
            )  # fmt: skip
        except SessionExpiredError as exc:  # invalid_grant: expired, revoked or reused
            await self.store.delete(self.profile)
            self._tokens = None
            raise SessionExpiredError(
                exc.message, code=ErrorCode.SESSION_EXPIRED, status=exc.status,
                request_id=exc.request_id,
            ) from exc  # fmt: skip
        fresh = self.http.parse(response, TokenResponse)
        self.refreshes += 1
        return (await self._adopt(fresh, keep=current)).access_token

    async def _calibrate(self) -> None:
        """Expiry is kept on the portal's clock, so learn that clock before computing one."""
        if self.http.clock.precise or self._calibration_failed:
            return
        try:
            # One try, no retries: the call this precedes has its own retries, and offline
            # every call would otherwise wait through the whole retry budget twice.
            response = await self.http.request("GET", "/portal", auth=False, mode=Retry.NEVER)
            self.http.clock.observe(self.http.parse(response, PortalInfo).now)
        except PortalError:
            # The local clock is then the best guess (a 401 still triggers a refresh); any
            # later answer's Date header corrects it, so do not ask again every call.
            self._calibration_failed = True

    async def _adopt(self, fresh: TokenResponse, keep: StoredTokens | None) -> StoredTokens:
        await self._calibrate()
        now = self.http.clock.now()
        tokens = StoredTokens(
            portal=self.portal,
            access_token=fresh.access_token,
            refresh_token=fresh.refresh_token,
            access_expires_at=_expiry(now, fresh.expires_in),
            refresh_expires_at=_expiry(now, fresh.refresh_expires_in),
            person_name=keep.person_name if keep else None,
            company=keep.company if keep else None,
            acting_for=keep.acting_for if keep else None,
            role=keep.role if keep else None,
        )
        # Stored first: if we crash after using the new access token, the next run must
        # hold the rotated refresh token, not the one the portal now treats as spent.
        await self.store.save(self.profile, tokens)
        self._tokens = tokens
        self._loaded = True
        return tokens

    # --- login and logout ------------------------------------------------------------------

    async def adopt(self, fresh: TokenResponse) -> StoredTokens:
        """Take the tokens of a completed device login."""
        async with self._lock:
            return await self._adopt(fresh, keep=None)

    async def remember(self, me: Me) -> None:
        """Keep who is logged in beside the tokens, for `ind-tui status` without a call."""
        tokens = self._tokens
        if tokens is None:
            return
        acting = me.acting_for
        tokens = tokens.model_copy(update={
            "person_name": me.person_name,
            "company": f"{me.company.name} ({me.company.kvk})",
            "acting_for": f"{acting.name} ({acting.kvk})" if acting else None,
            "role": me.role.value,
        })  # fmt: skip
        if not self.from_environment:
            await self.store.save(self.profile, tokens)
        self._tokens = tokens

    async def logout(self) -> bool:
        """End the session on the portal (best effort) and forget the tokens.

        True if a login was stored. Works offline: the local tokens go regardless."""
        tokens = self._tokens if self._loaded else await self.load()
        if tokens is None or self.from_environment:
            return False
        # An expired or unreachable session still ends here: the local tokens go regardless.
        with contextlib.suppress(PortalError):
            await self.http.request(
                "POST", "/auth/logout",
                json=LogoutRequest(refresh_token=tokens.refresh_token),
                headers={"Authorization": f"Bearer {tokens.access_token}"},
                auth=False, mode=Retry.UNSENT,
            )  # fmt: skip
        await self.store.delete(self.profile)
        self._tokens = None
        return True

