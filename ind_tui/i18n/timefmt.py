"""Times as a Dutch user reads them: Amsterdam time, day first."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local(moment: datetime) -> str:
    return moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")


def day(d: date) -> str:
    return d.strftime("%d-%m-%Y")
