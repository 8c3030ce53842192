"""Slugs, permalink patterns and the mapping from URLs to output files."""

from __future__ import annotations

import re
import string
import unicodedata
from urllib.parse import urljoin, urlsplit

# Placeholders each permalink kind may use.
PERMALINK_FIELDS: dict[str, frozenset[str]] = {
    "article": frozenset({"kelurahan", "kecamatan", "slug", "year", "month", "day", "category"}),
    "page": frozenset({"slug"}),
    "kelurahan": frozenset({"kelurahan", "kecamatan"}),
    "kecamatan": frozenset({"kecamatan"}),
    "tag": frozenset({"tag"}),
    "category": frozenset({"category"}),
    "author": frozenset({"author"}),
    "year": frozenset({"year"}),
    "month": frozenset({"year", "month"}),
    "tags": frozenset(),
    "categories": frozenset(),
    "authors": frozenset(),
    "archive": frozenset(),
    "kecamatan_index": frozenset(),
    "subscribe": frozenset(),
}

DEFAULT_PERMALINKS: dict[str, str] = {
    "article": "/{kelurahan}/{slug}/",
    "page": "/{slug}/",
    "kelurahan": "/{kelurahan}/",
    "kecamatan": "/kecamatan/{kecamatan}/",
    "kecamatan_index": "/kecamatan/",
    "tag": "/tag/{tag}/",
    "tags": "/tag/",
    "category": "/rubrik/{category}/",
    "categories": "/rubrik/",
    "author": "/penulis/{author}/",
    "authors": "/penulis/",
    "year": "/arsip/{year}/",
    "month": "/arsip/{year}/{month}/",
    "archive": "/arsip/",
    "subscribe": "/langganan/",
}

# Feed file names beside each list page, and their media types.
FEED_FILES: dict[str, tuple[str, str]] = {
    "rss": ("feed.xml", "application/rss+xml"),
    "atom": ("atom.xml", "application/atom+xml"),
    "json": ("feed.json", "application/feed+json"),
}

PAGE_FOLDER = "page"  # pages 2, 3... of a list: /page/2/, /tag/kim/page/2/

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Make an ASCII, lower-case, hyphenated slug: "Lok Tuan" -> "lok-tuan".

    Idempotent, and never contains "/", "." or other characters that could
    leave a URL segment.
    """
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-")


def pattern_fields(pattern: str) -> set[str]:
    """Return the placeholder names used in a permalink pattern."""
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name}


def expand_permalink(pattern: str, **values: str) -> str:
    """Fill a permalink pattern; every value is slug-safe already."""
    url = pattern.format(**values)
    url = re.sub(r"/{2,}", "/", url)
    return url if url.startswith("/") else "/" + url


def paginated_url(url: str, page: int) -> str:
    """Return the URL of page ``page`` of a list whose first page is ``url``."""
    return url if page == 1 else f"{url.rstrip('/')}/{PAGE_FOLDER}/{page}/"


def output_path_for(url: str) -> str:
    """Map a site URL to a relative output file: "/a/b/" -> "a/b/index.html"."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    last = path.rsplit("/", 1)[-1]
    return path if "." in last else path + "/index.html"


def base_path(base_url: str) -> str:
    """The path part of the base URL, always ending in "/": "https://x/kim/" -> "/kim/"."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def site_url(base_url: str, url: str) -> str:
    """Root-relative URL including the base path: "/a/" -> "/kim/a/"; absolute URLs pass through."""
    if urlsplit(url).scheme:
        return url
    return base_path(base_url) + url.lstrip("/")


def absolute_url(base_url: str, url: str) -> str:
    """Absolute URL of a site URL ("/a/" -> "https://x/kim/a/"); absolute URLs pass through."""
    if urlsplit(url).scheme:
        return url
    return urljoin(base_url, url.lstrip("/"))
