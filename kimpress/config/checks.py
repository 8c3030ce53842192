"""site.yaml settings for ``kimpress check``: what counts as a suspicious date or a summary too long.

    check: {since: 2015-01-01, future_days: 90, summary_max: 200}
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime

from kimpress.config.options import Integer, Invalid, refuse_unknown

# KIM were set up under Kominfo's programme from the late 2000s: a date before this is a typo.
EARLIEST_KIM = date(2008, 1, 1)


@dataclass(frozen=True)
class CheckSettings:
    """``since``: the day the site began; ``future_days``: how far ahead an article may be scheduled
    before ``check`` asks; ``summary_max``: the longest summary a link preview shows whole."""

    since: date = EARLIEST_KIM
    future_days: int = 90
    summary_max: int = 200


def check_checks(value: dict) -> CheckSettings:
    refuse_unknown(value, {item.name for item in fields(CheckSettings)}, "unknown-check-setting")
    settings: dict = {}
    if "since" in value:
        settings["since"] = _day(value["since"])
    if "future_days" in value:
        settings["future_days"] = Integer(minimum=1, maximum=36_500).clean(value["future_days"])
    if "summary_max" in value:
        settings["summary_max"] = Integer(minimum=40, maximum=10_000).clean(value["summary_max"])
    return CheckSettings(**settings)


def _day(value: object) -> date:
    """A day written as 2015-01-01, or a year alone (2015)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date(int(text), 1, 1) if text.isdigit() and len(text) == 4 else date.fromisoformat(text)
    except ValueError:
        raise Invalid("date-unreadable", value=text) from None
