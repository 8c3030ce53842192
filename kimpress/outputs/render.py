"""Render planned outputs through the theme into bytes."""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

import jinja2
from babel.numbers import format_decimal

from kimpress.config.site import SiteConfig
from kimpress.core.dates import format_date, format_month, format_short_date, iso_date
from kimpress.core.errors import Diagnostic, error
from kimpress.core.urls import absolute_url, site_url
from kimpress.model.types import Site
from kimpress.plan.feeds import render_feed
from kimpress.plan.pages import Output, feed_links
from kimpress.theme.environment import Theme, load_theme


@dataclass(frozen=True)
class Rendered:
    """An output's final bytes (None for a verbatim copy) and the site fields it read."""

    output: Output
    data: bytes | None
    site_fields: tuple[str, ...] = ()


class SiteView:
    """The ``site`` global of templates and feeds: the model, noting which fields are read.

    A page reading only ``site.pages`` need not be rendered again when an
    article changes; ``reads`` says what the render in progress looked at.
    """

    __slots__ = ("model", "reads")

    def __init__(self, model: Site) -> None:
        self.model = model
        self.reads: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.reads.add(name)
        return getattr(self.model, name)


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


def load_site_theme(site: Site) -> Theme:
    """The theme of ``site`` with kimpress's filters and the site as a global."""
    config = site.config
    site_feeds = feed_links(config, "site", "", "/", None)
    return load_theme(config, template_filters(config), {
        "site": SiteView(site), "config": config, "lang": config.language, "site_feeds": site_feeds})


def show_site(theme: Theme, site: Site) -> SiteView:
    """Point ``theme`` at a newly built ``site`` (the theme is reused between builds)."""
    view = SiteView(site)
    theme.environment.globals["site"] = view
    return view


def render_output(theme: Theme, output: Output, sizes: Mapping[str, int]) -> tuple[Rendered | None, Diagnostic | None]:
    """Render one output; a template problem comes back as a located diagnostic.

    ``sizes`` maps the site URL of each copied file to its size, for feed enclosures.
    """
    view: SiteView = theme.environment.globals["site"]
    view.reads = set()
    if output.feed is not None:
        data = render_feed(view, output.feed, sizes)  # type: ignore[arg-type]
        return Rendered(output, data, tuple(sorted(view.reads))), None
    if output.template is None:
        return Rendered(output, None), None
    try:
        template = theme.environment.get_template(output.template)
        text = template.render(output.context, page_url=output.url)
    except jinja2.TemplateSyntaxError as exc:
        return None, error("template-syntax", _display_path(theme, exc.filename), exc.lineno, detail=exc.message)
    except jinja2.TemplateNotFound as exc:
        return None, error("template-missing", output.origin, None, template=exc.name, url=output.url)
    except Exception as exc:  # a theme bug: locate it in the template, not in Python
        filename, line = _template_location(exc)
        return None, error("template-render", _display_path(theme, filename) or output.template, line,
                           detail=f"{type(exc).__name__}: {exc}", url=output.url)
    return Rendered(output, text.encode("utf-8"), tuple(sorted(view.reads))), None


def _template_location(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame of a rendering error."""
    found: tuple[str | None, int | None] = (None, None)
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".html", ".xml", ".txt", ".css")):
            found = (frame.filename, frame.lineno)
    return found


def _display_path(theme: Theme, filename: str | None) -> str | None:
    if not filename:
        return None
    path = Path(filename)
    try:
        return path.resolve().relative_to(theme.config.site_dir).as_posix()
    except ValueError:
        parts = path.parts
        return "kimpress:" + "/".join(parts[parts.index("themes"):]) if "themes" in parts else filename
