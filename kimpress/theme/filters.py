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
    """Filters every theme can use: URLs with the base path, Indonesian dates, numbers."""
    zone, language = config.zone, config.language
    return {
        "url": lambda url: site_url(config.base_url, url),
        "absolute": lambda url: absolute_url(config.base_url, url),
        "date_long": lambda moment, with_time=True: format_date(moment, language, zone, with_time),
        "date_short": lambda moment: format_short_date(moment, language, zone),
        "iso": iso_date,
        "month_name": lambda pair: format_month(pair[0], pair[1], language),
        "number": lambda value: format_decimal(value, locale=language),
    }


def load_site_theme(config: SiteConfig, extra_filters: Mapping[str, Callable[..., Any]] | None = None,
                    compiled_dir: Path | None = None) -> Theme:
    """The theme of the site with kimpress's filters (then plugins') and the site's settings as globals.

    The model is not a global: each render passes its own view of it as ``site``.
    """
    filters = {**template_filters(config), **(extra_filters or {})}
    site_feeds = feed_links(config, "site", "", "/", None)
    return load_theme(config, filters, {"config": config, "lang": config.language, "site_feeds": site_feeds},
                      compiled_dir)
