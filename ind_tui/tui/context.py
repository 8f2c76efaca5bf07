"""What the UI knows, in one typed object handed to every screen: the connection and its client,
the person logged in, the portal's clock, the local cases cache and where this account's data
lives in it. Screens read it as `self.context`; the app owns it.

Also the one result of a portal call made from a screen (`Done` or `Failed`, from
`PortalApp.call`), and the protocols through which the app and widgets reach screens and the
app without naming attributes by string.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, runtime_checkable

if TYPE_CHECKING:
    from ind_tui.api.auth import Me
    from ind_tui.api.errors import PortalError
    from ind_tui.client.client import PortalClient
    from ind_tui.local.cache import LocalCache
    from ind_tui.services.connect import Connection
    from ind_tui.services.pending import Login

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


@dataclass
class AppContext:
    profile_name: str
    portal_url: str  # "" until the embedded sandbox has told its address
    is_sandbox: bool
    conn: Connection | None = None
    me: Me | None = None
    inbox_unread: int = 0  # for the header (screens/inbox/watch.py)
    profile_portal: str = ""  # the profile's portal as drafts record it: "embedded" or a URL
    # The drafts list's choices (`a` every company, `f` filed ones too), kept for the session.
    drafts_all_companies: bool = False
    drafts_filed: bool = False
    # What the guidance panel last showed, per login: a support bundle made by one person
    # never carries another's error (its code, role and request id).
    _errors: dict[str | None, PortalError] = field(default_factory=dict, repr=False)
    _cache: LocalCache | None = field(default=None, repr=False)
    _cache_lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False)

    @property
    def client(self) -> PortalClient | None:
        """The portal client, once connected."""
        return self.conn.client if self.conn is not None else None

    @property
    def drives_sandbox(self) -> bool:
        """Connected to a sandbox whose admin token is known: the sandbox panel works (against
        a real portal nothing of it is offered)."""
        conn = self.conn
        return self.is_sandbox and conn is not None and conn.admin_token is not None

    @property
    def scope(self) -> str | None:
        """Where the logged-in account's data lives in the local stores (None before a login)."""
        if self.me is None:
            return None
        if self.conn is not None:
            return self.conn.client.scope(self.me)
        from ind_tui.local.scope import portal_identity, scope_for

        portal = self.profile_portal or self.portal_url
        return scope_for(portal_identity(portal), self.profile_name, self.me) if portal else None

    @property
    def login(self) -> Login | None:
        """Whose filed drafts show as pending cases: this portal and company only."""
        if self.me is None:
            return None
        from ind_tui.services.pending import Login

        company = self.me.acting_for or self.me.company
        return Login(self.profile_portal or self.portal_url, company.kvk)

    @property
    def last_error(self) -> PortalError | None:
        """The error the guidance panel last showed to whoever is logged in now."""
        return self._errors.get(self.scope)

    @last_error.setter
    def last_error(self, error: PortalError | None) -> None:
        if error is None:
            self._errors.pop(self.scope, None)
        else:
            self._errors = {self.scope: error}  # one login's error at a time

    def now(self) -> datetime:
        """The portal's clock when it was heard from, else this computer's."""
        if self.conn is not None:
            return self.conn.client.clock.now()
        return datetime.now(UTC)

    def today(self) -> date:
        """The portal's date in the Netherlands when it was heard from, else this computer's."""
        if self.conn is not None:
            return self.conn.client.clock.today()
        return date.today()

    async def cache(self) -> LocalCache:
        """One cases cache per run, opened (its integrity check included) in a thread."""
        async with self._cache_lock:
            if self._cache is None:
                from ind_tui.local.cache import LocalCache

                self._cache = await asyncio.to_thread(LocalCache)
        return self._cache


# --- the result of a portal call from a screen ---------------------------------------------------


@dataclass(frozen=True)
class Done(Generic[T_co]):
    value: T_co

    def or_none(self) -> T_co:
        return self.value


@dataclass(frozen=True)
class Failed:
    """A call that did not give an answer. `shown`: the guidance panel already told the user
    why; `offline`: the portal could not be reached (or is down), so a cache may stand in;
    `error` is None when there was no connection or the user left the new login."""

    error: Exception | None = None
    shown: bool = False
    offline: bool = False

    def or_none(self) -> None:
        return None


Result = Done[T] | Failed


def offline_errors() -> tuple[type[Exception], ...]:
    """The failures that mean the portal could not be reached (or is down): a cache may stand
    in. A function, so that importing this module does not load the wire models."""
    from ind_tui.api.errors import ServiceUnavailableError, TransportError

    return (TransportError, ServiceUnavailableError)


# --- how the app and widgets reach screens and the app -------------------------------------------


@runtime_checkable
class PortalHost(Protocol):
    """The app as screens and widgets reach it: what the UI knows, and the one way to make a
    portal call (panes mounted in a plain App, as in tests, have none)."""

    context: AppContext

    async def call(self, factory: Callable[[], Awaitable[T]], *,
                   handle: tuple[type[Exception], ...] = ()) -> Result[T]: ...


@runtime_checkable
class ShowsChrome(Protocol):
    """A screen whose header shows who is logged in (the app refreshes it after a change)."""

    def refresh_chrome(self) -> None: ...


