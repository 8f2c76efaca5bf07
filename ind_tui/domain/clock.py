"""The portal's clock, as seen from here.

Deadlines, ages and "days left" follow the portal's notion of today, not the local clock
(which may be wrong, or, in the sandbox, deliberately far from the portal's). The client
feeds every `now` the portal states (PortalInfo, Me, CasePage.as_of) and the HTTP `Date`
header into one PortalClock; until it has heard anything it falls back to the local clock.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime


def _amsterdam() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Amsterdam")
    except Exception:  # no tz database (some minimal systems): a fixed CET is close enough
        from datetime import timezone

        return timezone(timedelta(hours=1), "CET")


AMSTERDAM = _amsterdam()


class PortalClock:
    """Offset between the portal's clock and this machine's, learnt from the portal."""

    def __init__(self, local: Callable[[], float] = time.time) -> None:
        self._local = local
        self._offset: float | None = None
        self._precise = False  # learnt from a JSON `now`, not the 1-second Date header
        self._lock = threading.Lock()

    @property
    def known(self) -> bool:
        return self._offset is not None

    @property
    def precise(self) -> bool:
        """Learnt from a `now` in a body (the Date header alone may come from another clock)."""
        return self._precise

    def observe(self, portal_now: datetime) -> None:
        """Record a `now` stated by the portal in a response body."""
        if portal_now.tzinfo is None:
            portal_now = portal_now.replace(tzinfo=UTC)
        with self._lock:
            self._offset = portal_now.timestamp() - self._local()
            self._precise = True

    def observe_date_header(self, value: str | None) -> None:
        """Use the HTTP Date header, but only until a body has told a precise `now`:
        a proxy or a sandbox may stamp Date from another clock than the one in the body."""
        if not value or self._precise:
            return
        try:
            stamp = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        with self._lock:
            if not self._precise:
                self._offset = stamp.timestamp() - self._local()

    def now(self) -> datetime:
        offset = self._offset or 0.0
        return datetime.fromtimestamp(self._local() + offset, tz=UTC)

    def today(self) -> date:
        """The portal's date in the Netherlands."""
        return self.now().astimezone(AMSTERDAM).date()

    def days_left(self, deadline: date) -> int:
        """Days from the portal's today until `deadline` (negative when past)."""
        return (deadline - self.today()).days

    def age(self, date_of_birth: date, on: date | None = None) -> int:
        """Age in whole years on `on` (default: the portal's today)."""
        return age_on(date_of_birth, on or self.today())

    def seconds_until(self, moment: datetime) -> float:
        return (moment - self.now()).total_seconds()


def age_on(date_of_birth: date, on: date) -> int:
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - (1 if before_birthday else 0)
