"""Redirect pages at old addresses, so links already shared on WhatsApp keep working after a move.

Two sources of old addresses, for articles and standalone pages alike:

- ``aliases:`` in front matter, written by hand (all a site outside git has);
- the content's git history (``kimpress.source.history``): the address each earlier
  place of the file had, under today's permalink pattern and the article's date.

A redirect never replaces a real page: an alias on one is an error naming both,
an old address now used by another page is a warning (that page wins). An alias
beats an address from history; between two histories the newer article wins.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import unquote, urlsplit

from kimpress.core.errors import Diagnostic, error, warning
from kimpress.core.urls import base_path, expand_permalink, output_path_for, slugify
from kimpress.model.entries import article_url, split_file_name
from kimpress.model.types import Article, Page, Reference, Site
from kimpress.plan.output import Output
from kimpress.source.history import NO_HISTORY, ContentHistory, Place

_FILE_SUFFIXES = (".html", ".htm", ".php", ".asp", ".aspx")


@dataclass(frozen=True)
class Redirect:
    """The payload of a redirect page: the site URL it leads to and that page's title."""

    target: str
    title: str


def plan_redirects(site: Site, outputs: Iterable[Output], history: ContentHistory = NO_HISTORY
                   ) -> tuple[list[Output], list[Diagnostic]]:
    """The redirect outputs of every alias and every earlier place in ``history``, and their problems."""
    claimed = {output.path: output for output in outputs}
    planned: dict[str, Output] = {}
    diagnostics: list[Diagnostic] = []
    if history.shallow:
        diagnostics.append(warning("history-shallow"))
    entries: list[Article | Page] = [*site.articles, *site.pages]
    for entry in entries:
        for alias in entry.aliases:
            url = alias_url(alias.href, site.config.base_url)
            if url is None:
                diagnostics.append(error("alias-not-site", alias.source, alias.line, value=alias.href))
                continue
            _claim(redirect_output(url, entry, alias), claimed, planned, diagnostics, alias)
    for entry in entries:
        for place in history.earlier(entry.source):
            url = place_url(site, entry, place)
            if url and url != entry.url:
                _claim(redirect_output(url, entry, None), claimed, planned, diagnostics, None)
    return list(planned.values()), diagnostics


def _claim(output: Output, claimed: dict[str, Output], planned: dict[str, Output], diagnostics: list[Diagnostic],
           alias: Reference | None) -> None:
    page = claimed.get(output.path)
    if page is not None:
        if page.origin == output.origin:
            return  # the entry's own address, or another of its files
        if alias is not None:
            diagnostics.append(error("alias-is-a-page", alias.source, alias.line, url=output.url, other=page.origin))
        else:
            diagnostics.append(warning("redirect-shadowed", output.origin, None, url=output.url, other=page.origin))
        return
    earlier = planned.get(output.path)
    if earlier is None:
        planned[output.path] = output
    elif alias is not None and earlier.origin != output.origin and earlier.origin_line is not None:
        diagnostics.append(error("alias-claimed-twice", alias.source, alias.line, url=output.url,
                                 other=earlier.origin))


def redirect_output(url: str, entry: Article | Page, alias: Reference | None) -> Output:
    """The redirect page at site URL ``url`` leading to ``entry``."""
    path = url.lstrip("/") if url.endswith(_FILE_SUFFIXES) else output_path_for(url)
    return Output(url, "redirect", Redirect(entry.url, entry.title), path, entry.source,
                  alias.line if alias else None)


def alias_url(href: str, base_url: str) -> str | None:
    """The site URL an alias names ("/satimpo/lama/"), or None when it is not an address of this site."""
    parts = urlsplit(href.strip())
    prefix = base_path(base_url)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc:
        if parts.netloc != urlsplit(base_url).netloc or not path.startswith(prefix):
            return None
        path = "/" + path[len(prefix):]
    if not path.startswith("/"):
        path = "/" + path
    pieces = [piece for piece in path.split("/") if piece]
    if not pieces or any(piece in (".", "..") or "\\" in piece or not piece.isprintable() for piece in pieces):
        return None
    clean = "/" + "/".join(pieces)
    return clean if clean.endswith(_FILE_SUFFIXES) else clean + "/"


def place_url(site: Site, entry: Article | Page, place: Place) -> str | None:
    """The address ``entry`` had at an earlier ``place``, by today's permalink patterns."""
    parts = place.path.split("/")
    stem = posixpath.splitext(parts[-1])[0]
    if parts[0] != "content" or stem.startswith("_"):
        return None
    slug = slugify(place.slug or "") or slugify(split_file_name(stem)[1])
    if not slug:
        return None
    config = site.config
    if len(parts) == 2:
        return expand_permalink(config.permalinks["page"], slug=slug)
    if not isinstance(entry, Article):
        return None
    kelurahan = slugify(parts[1])
    known = site.kelurahan_named(kelurahan)
    registry = {kel.slug: kec.slug for kec in config.wilayah for kel in kec.kelurahan}
    kecamatan = known.kecamatan if known else registry.get(kelurahan)
    return article_url(config, kelurahan, kecamatan, slug, entry.date.astimezone(config.zone),
                       entry.category.slug if entry.category else "umum")
