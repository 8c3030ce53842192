"""Where a writer's references lead: content paths to URLs, the resolver, covers, and what could not be found.

A writer names a file relative to the article (``foto.jpg``, ``../loktuan/x.md``)
or from the site's root (``/tentang/``). A name is looked for first in the
article's own folder (its bundle), then beside the article. Paths are compared
in NFC, since a name saved on a Mac (NFD) and one typed on a phone (NFC) are the
same name.
"""

from __future__ import annotations

import posixpath
import unicodedata
from typing import Callable, Iterable, Mapping
from urllib.parse import unquote, urlsplit

from kimpress.config.site import SiteConfig
from kimpress.core.errors import Diagnostic, error, warning
from kimpress.core.urls import iri_to_uri, site_url
from kimpress.markdown.convert import RenderedMarkdown, removal_warnings
from kimpress.model.entries import Entry
from kimpress.model.types import Asset, Kelurahan, Reference
from kimpress.source.discovery import SECTION_INDEX, SourceFile, SourceKind
from kimpress.source.frontmatter import Document
from kimpress.source.metadata import spellings

Resolver = Callable[[str], "str | None"]


def _nfc(path: str) -> str:
    return unicodedata.normalize("NFC", path)


class LinkMap:
    """Content-relative path -> site URL of every linkable document, folder and asset, found in NFC."""

    def __init__(self) -> None:
        self._urls: dict[str, str] = {}
        self.moved: dict[str, str] = {}  # an old path a file had (from git history) -> its path now

    def add(self, path: str, url: str) -> None:
        self._urls[_nfc(path)] = url

    def add_moved(self, old: str, new: str) -> None:
        """Let links to ``old`` lead where ``new`` is, unless something is at ``old`` now."""
        old, new = _nfc(old), _nfc(new)
        if old not in self._urls and new in self._urls:
            self._urls[old] = self._urls[new]
            self.moved[old] = new

    def get(self, path: str) -> str | None:
        """The URL of ``path`` ("satimpo/a.md", "satimpo", "satimpo/"), or None."""
        path = _nfc(path)
        return self._urls.get(path) or self._urls.get(path.rstrip("/"))


def link_map(entries: Iterable[Entry], folders: Mapping[str, str], kelurahan: Iterable[Kelurahan],
             assets: Iterable[Asset], moved: Mapping[str, str] | None = None) -> LinkMap:
    """The map of everything a writer can link to by its path; ``moved`` (old -> new content path) also leads on."""
    links = LinkMap()
    urls = {kel.slug: kel.url for kel in kelurahan}
    for folder, slug in folders.items():
        links.add(folder, urls[slug])
        links.add(f"{folder}/{SECTION_INDEX}", urls[slug])
    for entry in entries:
        links.add(entry.source.content_path, entry.url)
    for asset in assets:
        links.add(asset.source.split("/", 1)[1], asset.url)
    for old, new in (moved or {}).items():
        links.add_moved(old, new)
    return links


def place_assets(sources: Iterable[SourceFile], entries: Iterable[Entry]) -> tuple[Asset, ...]:
    """Give every content asset its URL: beside its article, else mirrored."""
    bundles = {posixpath.splitext(entry.source.rel_path)[0]: entry for entry in entries}
    placed: list[Asset] = []
    for source in sources:
        if source.kind is not SourceKind.ASSET:
            continue
        folder = posixpath.dirname(source.rel_path)
        while folder not in bundles and "/" in folder:
            folder = posixpath.dirname(folder)
        entry = bundles.get(folder)
        if entry is None:
            placed.append(Asset(source.rel_path, "/" + source.content_path))
        elif entry.published:
            placed.append(Asset(source.rel_path, entry.url + source.rel_path[len(folder) + 1:]))
    return tuple(placed)


def candidate_paths(content_path: str, written: str) -> list[str]:
    """Where a relative path written in ``content_path`` may point: the bundle first, then beside the file.

    The bundle (``2024-05-01-x/`` for ``2024-05-01-x.md``) is tried only for a
    path that stays inside it: ``../peta.png`` always means the parent folder.
    """
    here = posixpath.dirname(content_path)
    bundle = posixpath.splitext(content_path)[0]
    beside = posixpath.normpath(posixpath.join(here, written))
    inside = posixpath.normpath(posixpath.join(bundle, written))
    return [inside, beside] if inside.startswith(bundle + "/") else [beside]


def resolver(config: SiteConfig, source: SourceFile, links: LinkMap, unpublished: set[str],
             diagnostics: list[Diagnostic]) -> Resolver:
    """Resolve hrefs written in ``source`` into base-prefixed, percent-encoded site URLs (None: not found).

    A root-relative href (``/tentang/``) gets the base path; whether the site
    publishes it is checked once every output is planned. A link to a draft or
    future article resolves (it will exist once published) but warns, since
    today it leads nowhere.
    """

    def resolve(href: str) -> str | None:
        parts = urlsplit(href)
        suffix = iri_to_uri((f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else ""))
        path = _nfc(unquote(parts.path))
        if href.startswith("/"):
            return site_url(config.base_url, path or "/") + suffix
        candidates = candidate_paths(source.content_path, path) if path else [source.content_path]
        target = next((candidate for candidate in candidates if links.get(candidate)), None)
        if target is None:
            return None
        if target in unpublished:
            diagnostics.append(warning("link-to-unpublished", source.rel_path, None, href=href))
        if target in links.moved:
            diagnostics.append(warning("link-to-moved", source.rel_path, None, href=href, new=links.moved[target]))
        return site_url(config.base_url, links.get(target) or "/") + suffix

    return resolve


def cover_url(entry: Entry, links: LinkMap, diagnostics: list[Diagnostic]) -> str | None:
    """The site URL of the cover: in the article's folder or beside it, from the root, or an address as written."""
    cover = entry.meta.get("cover")
    if not cover:
        return None
    if not str(entry.meta.get("cover_alt") or "").strip():
        diagnostics.append(warning("cover-alt-missing", entry.source.rel_path, cover_line(entry.document), value=cover))
    if urlsplit(cover).scheme:
        return cover
    if cover.startswith("/"):
        return _nfc(unquote(urlsplit(cover).path))
    for candidate in candidate_paths(entry.source.content_path, _nfc(unquote(cover))):
        url = links.get(candidate)
        if url:
            return url
    diagnostics.append(error("cover-missing", entry.source.rel_path, cover_line(entry.document), value=cover))
    return None


def cover_line(document: Document) -> int:
    """The line of the ``cover:`` key (or its Indonesian aliases), else 1."""
    return next((document.meta.lines[k] for k in spellings("cover") if k in document.meta.lines), 1)


def report_links(document: Document, rendered: RenderedMarkdown, diagnostics: list[Diagnostic]) -> list[Reference]:
    """Report a body's broken links, removed markup and template syntax; return its root-relative references."""
    first = document.body_line - 1
    for href, line in rendered.broken_links:
        code = "broken-link-md" if href.split("#")[0].endswith(".md") else "broken-link"
        diagnostics.append(error(code, document.rel_path, first + line, href=href))
    diagnostics += removal_warnings(document.rel_path, document.body_line, rendered.removed)
    for href, line in rendered.broken_raw_links:
        diagnostics.append(warning("broken-link-html", document.rel_path, first + line, href=href))
    for href, line in rendered.template_links:
        diagnostics.append(warning("link-template-syntax", document.rel_path, first + line, href=_shown(href)))
    for src, line in rendered.images_without_alt:
        diagnostics.append(warning("image-alt-missing", document.rel_path, first + line, src=_shown(src)))
    return [Reference(document.rel_path, first + line, href) for href, line in rendered.root_links]


def _shown(href: str) -> str:
    """An href fit for one line of a message."""
    href = " ".join(href.split())
    return href if len(href) <= 80 else href[:77] + "…"
