"""PortalClient: everything the screens (and scripts) need from the portal, as plain asyncio.

    async with PortalClient("http://127.0.0.1:8000", store=store, profile="sandbox") as pc:
        device = await pc.start_login()          # show device.user_code / verification_uri
        me = await pc.finish_login(device)       # polls until the browser step is done
        page = await pc.cases_page(limit=50)

Each part of the API is a mixin of its own module; all of them send through calls.py, and
every write that must happen once goes through once.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from types import TracebackType

import httpx

from ind_tui.api.account import Account, NotificationReceipt, NotificationRequest
from ind_tui.api.applications import (
    ApplicationType,
)
from ind_tui.api.auth import DeviceAuthResponse, Me, PortalInfo
from ind_tui.client.applications import ApplicationsMixin
from ind_tui.client.appointments import AppointmentsMixin
from ind_tui.client.auth import CLIENT_ID, Session, poll_device_login, start_device_login
from ind_tui.client.inbox import InboxMixin
from ind_tui.client.payments import PaymentsMixin
from ind_tui.client.records import RecordsMixin
from ind_tui.client.reqlog import RequestLog
from ind_tui.client.retry import RetryPolicy
from ind_tui.client.staff import EmployeesMixin
from ind_tui.client.transport import PortalHttp, Timeouts
from ind_tui.domain.clock import PortalClock
from ind_tui.local.scope import portal_identity, scope_for
from ind_tui.local.tokens import StoredTokens, StoreKind, StoreStatus, TokenStore

ShowDevice = Callable[[DeviceAuthResponse], Awaitable[None] | None]


class PortalClient(RecordsMixin, EmployeesMixin, InboxMixin, AppointmentsMixin, PaymentsMixin,
                   ApplicationsMixin):
    """One profile's connection to one portal, on one shared httpx.AsyncClient."""

    def __init__(
        self,
        base_url: str,
        *,
        store: TokenStore | None = None,
        profile: str = "sandbox",
        portal: str | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        reqlog: RequestLog | None = None,
        clock: PortalClock | None = None,
        client_id: str = CLIENT_ID,
        portal_id: str | None = None,
    ) -> None:
        """`portal` names the portal the tokens belong to (default: base_url); the
        embedded sandbox passes "embedded", since its port changes every run. `portal_id`
        names it for what this computer keeps (`local.scope.portal_identity`)."""
        self.http = PortalHttp(
            base_url, transport=transport, timeouts=timeouts, retry=retry, reqlog=reqlog,
            clock=clock,
        )  # fmt: skip
        store = store or TokenStore(StoreStatus(StoreKind.MEMORY, "memory", False))
        self.session = Session(self.http, store, profile, portal or base_url)
        self.client_id = client_id
        self.profile = profile
        self.portal_id = portal_id or portal_identity(portal or base_url)

    def scope(self, me: Me) -> str:
        """Where this login's data lives in the local stores."""
        return scope_for(self.portal_id, self.profile, me)

    async def __aenter__(self) -> PortalClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:  # fmt: skip
        await self.aclose()

    async def aclose(self) -> None:
        await self.http.aclose()

    @property
    def base_url(self) -> str:
        return self.http.base_url

    @property
    def clock(self) -> PortalClock:
        return self.http.clock

    @property
    def reqlog(self) -> RequestLog:
        return self.http.reqlog

    @property
    def store(self) -> TokenStore:
        return self.session.store

    # --- portal and login ------------------------------------------------------------------

    async def portal_info(self) -> PortalInfo:
        info = self.http.parse(await self.http.request("GET", "/portal", auth=False), PortalInfo)
        self.clock.observe(info.now)
        return info

    async def start_login(self) -> DeviceAuthResponse:
        """Step 1 of device login: the caller shows user_code and verification_uri."""
        return await start_device_login(self.http, client_id=self.client_id)

    async def finish_login(
        self, device: DeviceAuthResponse, *, sleep: Callable[[float], Awaitable[None]] | None = None
    ) -> Me:
        """Step 2: poll until approved, store the tokens, and say who logged in."""
        fresh = await poll_device_login(
            self.http, device, client_id=self.client_id, sleep=sleep or asyncio.sleep
        )
        await self.session.adopt(fresh)
        me = await self.me()
        await self.session.remember(me)
        return me

    async def login(self, show: ShowDevice) -> Me:
        device = await self.start_login()
        shown = show(device)
        if shown is not None:
            await shown
        return await self.finish_login(device)

    async def logout(self) -> bool:
        return await self.session.logout()

    async def stored_login(self) -> StoredTokens | None:
        """The login kept for this profile, without asking the portal."""
        return await self.session.load()

    async def me(self) -> Me:
        me = await self._read("/me", Me)
        self.clock.observe(me.now)
        return me

    # --- account -----------------------------------------------------------------------------

    async def account(self) -> Account:
        return await self._read("/account", Account)

    async def notify(
        self, request: NotificationRequest, idempotency_key: str | None = None
    ) -> NotificationReceipt:
        """With a key (kept by the caller until a receipt arrives) it is done once. The
        portal lists no notifications to look one up in: after a lost answer the same
        request goes again under the same key, which the portal answers with the first
        receipt."""
        path = "/account/notifications"
        if idempotency_key is None:
            return await self._post(path, NotificationReceipt, request)
        return await self._write_once(path, NotificationReceipt, request, idempotency_key,
                                      what="notification")  # fmt: skip

    async def application_types(self) -> list[ApplicationType]:
        return await self._read_list("/application-types", ApplicationType)
