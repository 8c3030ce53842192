"""The filters and globals every theme gets: URLs with the base path, local dates and numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

from babel.numbers import format_decimal

from kimpress.config.site import SiteConfig
from kimpress.core.dates import format_date, format_month, format_short_date, iso_date
from kimpress.core.urls import absolute_url, site_url
from kimpress.plan.pages import feed_links
from kimpress.theme.environment import Theme, load_theme


def template_filters(config: SiteConfig) -> dict[str, Callable[..., Any]]:
    """Filters every theme can use: URLs with the base path, Indonesian dates, numbers.

    Each is a pure function of its arguments, and a list page shows the same
    dates and links as many others, so results are kept for the theme's life.
    """
    zone, language, base_url = config.zone, config.language, config.base_url
    return {
        "url": _remembered(lambda url: site_url(base_url, url)),
        "absolute": _remembered(lambda url: absolute_url(base_url, url)),
        "date_long": _remembered(lambda moment, with_time=True: format_date(moment, language, zone, with_time)),
        "date_short": _remembered(lambda moment: format_short_date(moment, language, zone)),
        "iso": iso_date,
        "month_name": lambda pair: format_month(pair[0], pair[1], language),
        "number": lambda value: format_decimal(value, locale=language),
    }


def _remembered(function: Callable[..., str]) -> Callable[..., str]:
    """``function``, answering again from memory for arguments it has seen (they must be hashable)."""
    known: dict[tuple, str] = {}

    def remembered(*args: Any) -> str:
        try:
            return known[args]
        except KeyError:
            known[args] = value = function(*args)
            return value
        except TypeError:  # unhashable: a theme passed something odd; answer without memory
            return function(*args)

    return remembered


def load_site_theme(config: SiteConfig, extra_filters: Mapping[str, Callable[..., Any]] | None = None,
                    compiled_dir: Path | None = None, setup_key: str | None = None) -> Theme:
    """The theme of the site with kimpress's filters (then plugins') and the site's settings as globals.

    The model is not a global: each render passes its own view of it as ``site``.
    ``setup_key`` must change whenever the filters may (see ``load_theme``).
    """
    filters = {**template_filters(config), **(extra_filters or {})}
    site_feeds = feed_links(config, "site", "", "/", None)
    return load_theme(config, filters, {"config": config, "lang": config.language, "site_feeds": site_feeds},
                      compiled_dir, setup_key)
