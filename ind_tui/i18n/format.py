"""Money, numbers, dates, times and plurals as each language writes them, through Babel.

The one place for these: screens, the CLI and receipts call this module and never format a
euro amount, a date or a "(s)" plural by hand. Dates read day first (dd-mm-yyyy) in both
languages, as the IND writes them and as users have always seen them here; times are
Amsterdam time. `lang` defaults to the interface language.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

from ind_tui.i18n import language, text

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_LOCALES = {"nl": "nl_NL", "en": "en_GB"}  # en_GB: euro amounts and day-first dates
DAY = "dd-MM-yyyy"


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(_LOCALES.get(lang, "en_GB"))


def money(amount: Decimal | int | float, lang: str | None = None, *, cents: bool = True) -> str:
    """An amount in euros: € 1.234,50 (nl) or €1,234.50 (en). With `cents=False` a whole
    amount drops its ",00" (fees are whole euros); an amount with cents keeps them."""
    loc = _locale(lang or language())
    value = Decimal(str(amount)) if isinstance(amount, float) else Decimal(amount)
    pattern = loc.currency_formats["standard"].pattern
    if not cents and value == value.to_integral_value():
        pattern = pattern.replace(".00", "")
    written = format_currency(value, "EUR", format=pattern, locale=loc, currency_digits=False)
    # A plain space rather than Babel's no-break space: what terminals, CSV readers and
    # copy-paste into other programs expect.
    return written.replace("\xa0", " ")


def number(n: Decimal | int | float, lang: str | None = None, *, decimals: int | None = None
           ) -> str:
    """A number with the language's grouping: 12.345 (nl) or 12,345 (en); `decimals` fixes
    the digits after the separator."""
    loc = _locale(lang or language())
    if decimals is None:
        return format_decimal(n, locale=loc).replace("\xa0", " ")
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(n, format=pattern, locale=loc, decimal_quantization=True)


def day(d: date, lang: str | None = None) -> str:
    """A date as dd-mm-yyyy; a moment gives its day in Amsterdam."""
    if isinstance(d, datetime):
        d = d.astimezone(AMSTERDAM).date()
    return format_date(d, DAY, locale=_locale(lang or language()))


def long_day(d: date, lang: str | None = None) -> str:
    """A date with the month in words: 7 december 2026 (nl), 7 December 2026 (en)."""
    return format_date(d, "d MMMM y", locale=_locale(lang or language()))


def local(moment: datetime, lang: str | None = None, *, seconds: bool = False,
          zone: tzinfo = AMSTERDAM) -> str:
    """A moment as dd-mm-yyyy HH:MM, in Amsterdam time unless `zone` names another."""
    pattern = DAY + (" HH:mm:ss" if seconds else " HH:mm")
    return format_datetime(moment, pattern, tzinfo=zone, locale=_locale(lang or language()))


def clock(moment: datetime, lang: str | None = None) -> str:
    """The time of day, HH:MM:SS, in Amsterdam time (as every time the app shows)."""
    return format_datetime(moment, "HH:mm:ss", tzinfo=AMSTERDAM, locale=_locale(lang or language()))


def plural(key: str, n: int, lang: str | None = None, **values: object) -> str:
    """The text `key.one` or `key.other` (as the language's plural rule picks for `n`), with
    `{n}` written as `number(n)`."""
    lang = lang or language()
    form = "one" if _locale(lang).plural_form(n) == "one" else "other"
    return text(f"{key}.{form}", lang, n=number(n, lang), **values)
