"""Links to a part of a page (``#bagian``, ``/tentang/#kontak``, ``lain.md#cara``) whose part does not exist.

The ids a page has are read from the page as rendered (headings, footnotes, the
theme's own landmarks); the links are those the writer put in a body.
"""

from __future__ import annotations

import html
import re
from typing import Iterable, Mapping
from urllib.parse import quote, unquote, urljoin, urlsplit

from kimpress.core.errors import Diagnostic, warning
from kimpress.core.urls import base_path
from kimpress.model.types import Site
from kimpress.source.frontmatter import Document

_HREF = re.compile(r"<a\b[^>]*?\bhref=\"([^\"]*)\"", re.IGNORECASE)
_ID = re.compile(r"<[a-z][^>]*?\b(?:id|name)=\"([^\"]*)\"", re.IGNORECASE)


def check_anchors(site: Site, documents: Mapping[str, Document], pages: Mapping[str, bytes]) -> list[Diagnostic]:
    """One warning per body link to a ``#part`` that its target page does not have."""
    prefix = base_path(site.config.base_url)
    host = urlsplit(site.config.base_url).netloc
    ids: dict[str, frozenset[str]] = {}
    found: list[Diagnostic] = []
    for entry in (*site.articles, *site.pages):
        for href in _HREF.findall(entry.body_html):
            href = html.unescape(href)
            target, anchor = _internal_target(entry.url, href, prefix, host)
            if target is None or not anchor or target not in pages:
                continue
            if target not in ids:
                ids[target] = page_ids(pages[target])
            if anchor not in ids[target]:
                found.append(warning("anchor-missing", entry.source, _line_of(documents.get(entry.source), anchor),
                                     href=href, anchor=anchor, target=target))
    return found


def page_ids(data: bytes) -> frozenset[str]:
    """Every ``id`` (and ``<a name>``) of a rendered page."""
    return frozenset(html.unescape(value) for value in _ID.findall(data.decode("utf-8", "replace")))


def _internal_target(page_url: str, href: str, prefix: str, host: str) -> tuple[str | None, str]:
    """(site URL, anchor) of a link within the site, or (None, "") for one that leaves it."""
    parts = urlsplit(href)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None, ""
    if parts.netloc and parts.netloc != host:
        return None, ""
    anchor = unquote(parts.fragment)
    if not parts.path:
        return page_url, anchor
    path = unquote(urljoin(prefix + page_url.lstrip("/"), parts.path))
    if not path.startswith(prefix):
        return None, ""
    return "/" + path[len(prefix):], anchor


def _line_of(document: Document | None, anchor: str) -> int | None:
    """The line of the body that holds ``#anchor``, else the body's first line."""
    if document is None:
        return None
    for spelling in _spellings(anchor):
        index = document.body.find("#" + spelling)
        if index >= 0:
            return document.body_line + document.body.count("\n", 0, index)
    return document.body_line


def _spellings(anchor: str) -> Iterable[str]:
    yield anchor
    yield quote(anchor)
