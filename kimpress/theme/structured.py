"""Structured data for search engines and link previews: schema.org JSON-LD as plain dicts.

``NewsArticle`` and its ``BreadcrumbList`` (kota -> kecamatan -> kelurahan -> article)
for an article, ``WebSite`` for the home page; a cek-fakta article adds its
``ClaimReview``. ``to_script_json`` makes the text safe inside ``<script>``.
"""

from __future__ import annotations

import json
from typing import Any, Callable

from kimpress.config.site import SiteConfig
from kimpress.core.dates import iso_date

Absolute = Callable[[str], str]
HEADLINE_LIMIT = 110  # Google's limit for a NewsArticle headline
SEARCH_URL = "/cari/"


def to_script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` early, whatever the writer typed."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def publisher(config: SiteConfig, absolute: Absolute) -> dict:
    """The site as the ``Organization`` that publishes every article."""
    found: dict[str, Any] = {"@type": "Organization", "name": config.title, "url": absolute("/")}
    if config.logo:
        found["logo"] = {"@type": "ImageObject", "url": absolute(config.logo)}
    return found


def website(config: SiteConfig, absolute: Absolute) -> dict:
    """The home page's ``WebSite``, with the search page as its ``SearchAction``."""
    return {
        "@context": "https://schema.org", "@type": "WebSite", "name": config.title, "url": absolute("/"),
        "inLanguage": config.language, "description": config.description or None,
        "publisher": publisher(config, absolute),
        "potentialAction": {"@type": "SearchAction", "target": absolute(SEARCH_URL) + "?q={search_term_string}",
                            "query-input": "required name=search_term_string"},
    }


def news_article(article: Any, kelurahan: Any, config: SiteConfig, absolute: Absolute,
                 images: list[str]) -> dict:
    """An article's ``NewsArticle``: headline, dates, author, publisher, images, section and place."""
    check = getattr(article, "factcheck", None)
    title = f"[{check.prefix}] {article.title}" if check is not None else article.title  # a hoax is never bare
    headline = title if len(title) <= HEADLINE_LIMIT else title[:HEADLINE_LIMIT - 1] + "…"
    author: dict[str, Any]
    if article.author is not None:
        author = {"@type": "Person", "name": article.author.name, "url": absolute(article.author.url)}
    elif kelurahan is not None and kelurahan.kim:
        author = {"@type": "Organization", "name": kelurahan.kim, "url": absolute(kelurahan.url)}
    else:
        author = {"@type": "Organization", "name": config.title, "url": absolute("/")}
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": headline, "description": article.description or article.summary or None,
        "url": absolute(article.url), "mainEntityOfPage": absolute(article.url),
        "datePublished": iso_date(article.date), "dateModified": iso_date(article.updated or article.date),
        "author": [author], "publisher": publisher(config, absolute), "image": images,
        "inLanguage": config.language,
    }
    if article.category is not None:
        data["articleSection"] = article.category.name
    if article.tags:
        data["keywords"] = [tag.name for tag in article.tags]
    if kelurahan is not None:
        data["contentLocation"] = {"@type": "Place", "name": f"Kelurahan {kelurahan.name}"}
    return _without_empty(data)


def breadcrumbs(article: Any, kelurahan: Any, kecamatan: Any, config: SiteConfig, absolute: Absolute) -> dict:
    """Kota (the home page) -> kecamatan -> kelurahan -> the article."""
    steps = [(config.city or config.title, "/")]
    if kecamatan is not None:
        steps.append((f"Kecamatan {kecamatan.name}", kecamatan.url))
    if kelurahan is not None:
        steps.append((f"Kelurahan {kelurahan.name}", kelurahan.url))
    steps.append((article.title, article.url))
    return {
        "@context": "https://schema.org", "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": number, "name": name, "item": absolute(url)}
                            for number, (name, url) in enumerate(steps, start=1)],
    }


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
