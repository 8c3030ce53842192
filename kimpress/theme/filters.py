"""The filters and globals every theme gets: URLs with the base path, local dates and numbers."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, Callable, Mapping

from babel.numbers import format_decimal
from markupsafe import Markup

from kimpress.config.site import SiteConfig
from kimpress.core.dates import format_date, format_month, format_short_date, iso_date
from kimpress.core.urls import absolute_url, site_url
from kimpress.media.qr import qr_svg
from kimpress.plan.edition_text import whatsapp_messages
from kimpress.plan.pages import feed_links
from kimpress.theme.claimreview import claim_review
from kimpress.theme.environment import Theme, load_theme
from kimpress.theme.structured import breadcrumbs, news_article, publisher, to_script_json, website


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
        "css_min": _remembered(minify_css),
        "qr": lambda url, label="": Markup(qr_svg(absolute_url(base_url, url), str(label))),
        "css_string": css_string,
        "scope_ids": scope_ids,
    }


_ID_OR_FRAGMENT = re.compile(r'(\s(?:id|name)="|\shref="#)([^"]*)"')


def scope_ids(html: str, prefix: str) -> Markup:
    """A body's ``id``s and its links to them given ``prefix``: many bodies on one page keep their ids apart.

    Two articles of one edition may both have "## Kesimpulan" (``id="kesimpulan"``) or
    footnote 1; the body is our own sanitized HTML, whose attributes are always quoted.
    """
    return Markup(_ID_OR_FRAGMENT.sub(lambda found: f'{found.group(1)}{prefix}{found.group(2)}"', str(html)))


def css_string(text: object) -> Markup:
    """``text`` as a quoted CSS string for ``content:``, every character but letters, digits and spaces escaped.

    Nothing a writer types can end the string or the ``<style>`` it is in, and no HTML
    entity shows: a ``<style>`` is not HTML-decoded.
    """
    escaped = "".join(char if char.isalnum() or char == " " else f"\\{ord(char):x} " for char in str(text))
    return Markup(f'"{escaped}"')


_CSS_STRING_OR_COMMENT = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|/\*.*?\*/""", re.S)
_CSS_SPACE = re.compile(r"\s+")
_CSS_PUNCTUATION = re.compile(r"\s*([{};,>])\s*")


def minify_css(text: str) -> str:
    """``text`` without comments and needless spaces (strings left whole): inline CSS is paid on every page."""
    parts: list[str] = []
    position = 0
    for match in _CSS_STRING_OR_COMMENT.finditer(text):
        parts.append(_squeeze(text[position:match.start()]))
        parts.append(match.group(1) or " ")
        position = match.end()
    parts.append(_squeeze(text[position:]))
    return "".join(parts).replace(";}", "}").strip()


def _squeeze(css: str) -> str:
    return _CSS_PUNCTUATION.sub(r"\1", _CSS_SPACE.sub(" ", css))


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
    globals_ = {"config": config, "lang": config.language, "site_feeds": site_feeds,
                "structured_data": structured_data_for(config)}
    theme = load_theme(config, filters, globals_, compiled_dir, setup_key)
    theme.environment.globals["asset_url"] = asset_url_for(config, theme.static_dirs())
    theme.environment.globals["whatsapp_messages"] = whatsapp_messages
    return theme


def asset_url_for(config: SiteConfig, static_dirs: list[Path]) -> Callable[[str], str]:
    """The theme's ``asset_url("/cari.js")``: the file's link with a digest of its bytes (``?v=3fa2c1d0``).

    A browser may keep the file as long as it likes: a new version has a new link. The
    digest is of the theme's file (the site's ``static/`` may replace it at the same URL).
    Theme files are part of the theme's key, so pages are made again when one changes.
    """
    known: dict[str, str] = {}

    def asset_url(url: str) -> str:
        if url not in known:
            version = ""
            for folder in reversed(static_dirs):  # highest priority first
                path = folder / url.lstrip("/")
                if path.is_file():
                    version = "?v=" + hashlib.blake2b(path.read_bytes(), digest_size=4).hexdigest()
                    break
            known[url] = site_url(config.base_url, url) + version
        return known[url]

    return asset_url


def structured_data_for(config: SiteConfig) -> Callable[..., str]:
    """The theme's ``structured_data(article, kelurahan, kecamatan, share_url)``: a page's JSON-LD text.

    With no article it is the home page's ``WebSite``.
    """

    def absolute(url: str) -> str:
        return absolute_url(config.base_url, url)

    def structured_data(article: Any = None, kelurahan: Any = None, kecamatan: Any = None,
                        share_url: str | None = None) -> str:
        if article is None:
            return to_script_json(website(config, absolute))
        images = [absolute(share_url)] if share_url else []
        graph = [news_article(article, kelurahan, config, absolute, images),
                 breadcrumbs(article, kelurahan, kecamatan, config, absolute)]
        if getattr(article, "factcheck", None) is not None:
            graph.append(claim_review(article, config, absolute, publisher(config, absolute), kelurahan))
        return to_script_json(graph)

    return structured_data
