"""Money, numbers, dates, times and plurals as each language writes them, through Babel.

The one place for these: screens, the CLI and receipts call this module and never format a
euro amount, a date or a "(s)" plural by hand. Dates read day first (dd-mm-yyyy) in both
languages, as the IND writes them and as users have always seen them here; times are
Amsterdam time. `lang` defaults to the interface language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from functools import cache, lru_cache
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


# --- CSV exports ----------------------------------------------------------------------------

CSV_DIALECTS = ("language", "neutral")


@dataclass(frozen=True)
class CsvStyle:
    """How an export writes its CSV. Per language (the default), so a spreadsheet of that
    language opens it in columns: Dutch `;` and a decimal comma, English `,` and a decimal
    point, the header row in that language. `neutral` (`--csv-dialect neutral`) is for
    scripts: `,`, a decimal point and the column codes as header, whatever the language.
    Amounts have no grouping (a spreadsheet reads them as numbers); dates are ISO
    (yyyy-mm-dd, which every spreadsheet reads); moments are Amsterdam time, as the portal
    keeps it: `2026-11-01 06:00` per language, ISO 8601 with the offset in neutral."""

    lang: str
    neutral: bool = False

    @property
    def delimiter(self) -> str:
        return ";" if self.lang == "nl" and not self.neutral else ","

    @property
    def file_start(self) -> str:
        """What a file starts with: for a spreadsheet the UTF-8 byte-order mark (without it,
        Excel reads the file in its local code page and garbles accents); none for scripts."""
        return "" if self.neutral else "\ufeff"

    def header(self, columns: Iterable[str]) -> list[str]:
        """The header row: each column's name in the language (`csv.<column>`), or its code."""
        return [c if self.neutral else text(f"csv.{c}", self.lang) for c in columns]

    def amount(self, value: Decimal | int | float | str) -> str:
        written = f"{Decimal(str(value)):.2f}"
        return written.replace(".", ",") if self.delimiter == ";" else written

    def moment(self, value: datetime | str | None) -> str:
        """A moment in Amsterdam time; a text is read as ISO 8601, one without offset as UTC."""
        if value is None or value == "":
            return ""
        if value.__class__ is str and value[19:] in _UTC_ENDS and len(value) in (20, 25):
            # The wire's and the cache's own spelling (UTC, to the second): Amsterdam is a
            # whole number of hours off UTC, so the hour is converted once (an export of
            # 100,000 cases writes 200,000 moments, in a few thousand distinct hours).
            hour, offset = _amsterdam_hour(value[:13], self.neutral)
            return hour + value[13:19] + offset if self.neutral else hour + value[13:16]
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(AMSTERDAM)
        if self.neutral:
            return moment.isoformat(timespec="seconds")
        return moment.strftime("%Y-%m-%d %H:%M")


_UTC_ENDS = ("Z", "+00:00")


@lru_cache(maxsize=1 << 16)
def _amsterdam_hour(utc_hour: str, neutral: bool) -> tuple[str, str]:
    """A UTC hour (`yyyy-mm-ddTHH`) in Amsterdam time, as `CsvStyle.moment` writes it up
    to the minutes, and the offset that follows the seconds (neutral only)."""
    moment = datetime.fromisoformat(utc_hour + ":00:00+00:00").astimezone(AMSTERDAM)
    if neutral:
        written = moment.isoformat(timespec="seconds")
        return written[:13], written[19:]
    return moment.strftime("%Y-%m-%d %H"), ""


def csv_style(dialect: str = "language", lang: str | None = None) -> CsvStyle:
    """The CSV style for a dialect name (`CSV_DIALECTS`) in `lang` (default: the interface's)."""
    if dialect not in CSV_DIALECTS:
        raise ValueError(f"unknown CSV dialect {dialect!r}")
    return CsvStyle(lang or language(), neutral=dialect == "neutral")
