"""Parse the dates writers type and format them the Indonesian way.

Writers type ``2018-11-12``, ``2018-11-12 09:30``, ``12/11/2018 09.30``,
``12 Nopember 2018`` or a full ISO 8601 value with an offset. A value without an
offset is wall-clock time in the site's time zone, so an article dated today in
WITA is never "in the future" on a build machine running in UTC.
Dates are formatted from CLDR data (Babel), never from the system locale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_datetime

MIN_YEAR = 1900
MAX_YEAR = 2200
MAX_OFFSET_HOURS = 14  # UTC-12 to UTC+14 are the offsets in use

_MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
_TIME = r"(?:[ T]+(?:pukul\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2})(?:\.\d+)?)?)?"
_ZONE = r"\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT)?"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})" + _TIME + _ZONE + r"$", re.I)
_DMY = re.compile(r"(?P<day>\d{1,2})[/-](?P<month>\d{1,2})[/-](?P<year>\d{4})" + _TIME + _ZONE + r"$", re.I)
_WORDS = re.compile(
    r"(?:[A-Za-z']+,\s*)?(?P<day>\d{1,2})\s+(?P<monthname>[A-Za-z]+)\.?\s+(?P<year>\d{4})" + _TIME + _ZONE + r"$",
    re.I,
)
_INDONESIAN_ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}


class DateProblem(ValueError):
    """A date that cannot be understood; ``code`` names the message."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class WhenValue:
    """A parsed date: an aware datetime and whether the writer gave a time of day."""

    moment: datetime
    has_time: bool


@lru_cache(maxsize=64)
def get_zone(name: str) -> tzinfo:
    """Return the IANA time zone ``name``; raise ``ZoneInfoNotFoundError`` if unknown."""
    return ZoneInfo(name)


def is_valid_zone(name: str) -> bool:
    """Tell whether ``name`` is a known IANA time zone."""
    try:
        get_zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def parse_when(value: object, zone: tzinfo) -> WhenValue:
    """Turn a front matter date into an aware datetime in the site zone's terms."""
    if isinstance(value, datetime):
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise DateProblem("date-year-range", value=str(value), minimum=MIN_YEAR, maximum=MAX_YEAR)
        moment = value if value.tzinfo else value.replace(tzinfo=zone)
        return WhenValue(moment, True)
    text = str(value).strip()
    if not text:
        raise DateProblem("date-empty")
    match = _ISO.match(text) or _DMY.match(text) or _WORDS.match(text)
    if match is None:
        raise DateProblem("date-unreadable", value=text)
    parts = match.groupdict()
    if parts.get("monthname"):
        month = _MONTHS.get(parts["monthname"].lower())
        if month is None:
            raise DateProblem("date-unreadable", value=text)
    else:
        month = int(parts["month"])
    year, day = int(parts["year"]), int(parts["day"])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateProblem("date-year-range", value=text, minimum=MIN_YEAR, maximum=MAX_YEAR)
    hour = int(parts["hour"] or 0)
    minute = int(parts["minute"] or 0)
    second = int(parts["second"] or 0)
    try:
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        raise DateProblem("date-impossible", value=text) from None
    offset = _zone_from_text(parts.get("zone"), zone)
    if offset is None:
        raise DateProblem("date-impossible", value=text)
    moment = naive.replace(tzinfo=offset)
    return WhenValue(moment, parts["hour"] is not None)


def _zone_from_text(text: str | None, default: tzinfo) -> tzinfo | None:
    """The zone written after the time; None for an offset no place on Earth uses (+25:00, +07:75)."""
    if not text:
        return default
    upper = text.upper()
    if upper == "Z":
        return timezone.utc
    if upper in _INDONESIAN_ZONES:
        return timezone(timedelta(hours=_INDONESIAN_ZONES[upper]))
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > MAX_OFFSET_HOURS or minutes >= 60:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def zone_abbreviation(moment: datetime, language: str) -> str:
    """Name the zone of ``moment``: WIB/WITA/WIT for Indonesia's offsets, else Babel's."""
    offset = moment.utcoffset()
    hours = offset.total_seconds() / 3600 if offset is not None else None
    for name, zone_hours in _INDONESIAN_ZONES.items():
        if hours == zone_hours:
            return name
    return format_datetime(moment, "z", tzinfo=moment.tzinfo, locale=language)


def format_date(moment: datetime, language: str, zone: tzinfo, with_time: bool = True) -> str:
    """Format like "Senin, 12 November 2018, 09.30 WITA" (time only when known)."""
    local = moment.astimezone(zone)
    text = format_datetime(local, "EEEE, d MMMM y", tzinfo=zone, locale=language)
    if with_time:
        separator = "." if language == "id" else ":"  # PUEBI writes 09.30
        text += f", {local:%H}{separator}{local:%M} {zone_abbreviation(local, language)}"
    return text


def format_short_date(moment: datetime, language: str, zone: tzinfo) -> str:
    """Format like "12 November 2018"."""
    return format_datetime(moment.astimezone(zone), "d MMMM y", tzinfo=zone, locale=language)


def format_month(year: int, month: int, language: str) -> str:
    """Format a month heading like "November 2018"."""
    return format_datetime(datetime(year, month, 1), "LLLL y", locale=language)


def iso_date(moment: datetime) -> str:
    """Return the RFC 3339 form with offset, as used in ``<time datetime>`` and sitemaps."""
    return moment.isoformat(timespec="seconds")
