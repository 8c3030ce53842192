"""RSS 2.0, Atom 1.0 (feedgen) and JSON Feed 1.1 outputs, planned from the model.

Rules every feed keeps: absolute URLs everywhere (links and images in the
content too), dates in RFC 822 (RSS) or RFC 3339 (Atom, JSON) with the numeric
offset, item ids derived from the article's permanent ``uid`` only, and a build
date taken from the newest item, never from the clock, so a rebuild of the same
content gives the same bytes.
"""

from __future__ import annotations

import html
import json
import mimetypes
import re
import uuid
from datetime import datetime, timezone
from typing import Mapping
from urllib.parse import urljoin, urlsplit

from feedgen.feed import FeedGenerator
from lxml import etree

from kimpress import __version__
from kimpress.config.site import SiteConfig
from kimpress.core.urls import absolute_url, has_template_syntax, site_url
from kimpress.model.factcheck import prefixed_title
from kimpress.model.types import Article, Site
from kimpress.plan.feeds import FeedSpec

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_URL_ATTRIBUTE = re.compile(r'\s(href|src)="([^"]*)"')
ATOM_NS = "http://www.w3.org/2005/Atom"
# Used when a list has no article yet: a fixed date keeps empty feeds byte-stable.
EMPTY_FEED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)


class FeedCache:
    """What the feeds of one build share: article bodies in feed form, absolute URLs."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.bodies: dict[tuple[str, str], str] = {}
        self._absolute: dict[str, str] = {}

    def absolute(self, url: str) -> str:
        if url not in self._absolute:
            self._absolute[url] = absolute_url(self.base_url, url)
        return self._absolute[url]


def item_id(config: SiteConfig, article: Article) -> str:
    """The permanent id of an article in every feed: a name-based UUID of its uid.

    It depends on the uid and ``feeds.id_domain`` (default: the base URL's host)
    only, so a new title, date, slug or http->https move keeps it.
    """
    domain = config.feeds.id_domain or urlsplit(config.base_url).hostname or ""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'kimpress:{domain}:{article.uid}')}"


def clean_text(text: str) -> str:
    """Drop the control characters XML forbids."""
    return _CONTROL.sub("", text)


def as_html(text: str) -> str:
    """Plain text made safe for a field readers show as HTML: ``<b>`` stays the four characters."""
    return html.escape(clean_text(text), quote=False)


def absolutize_html(fragment: str, page_url: str) -> str:
    """Make every href and src in ``fragment`` absolute against the page's URL."""

    def replace_attribute(match: re.Match) -> str:
        written = html.unescape(match.group(2))
        if has_template_syntax(written):  # left as the page has it
            return match.group(0)
        value = urljoin(page_url, written)
        return f' {match.group(1)}="{html.escape(value, quote=True)}"'

    def replace_tag(match: re.Match) -> str:
        # Only inside real tags: text that merely looks like href="..." (in code) stays as written.
        return _URL_ATTRIBUTE.sub(replace_attribute, match.group(0))

    return _TAG.sub(replace_tag, fragment)


def _content_html(config: SiteConfig, article: Article, cache: FeedCache) -> str:
    page_url = cache.absolute(article.url)
    body = article.body_html if config.feeds.content == "full" else f"<p>{html.escape(article.summary)}</p>"
    if article.cover_url:
        image = site_url(config.base_url, article.cover_url)
        body = f'<p><img src="{html.escape(image)}" alt="{html.escape(article.cover_alt)}"></p>\n' + body
    key = (body, page_url)
    if key not in cache.bodies:  # one article sits in many feeds: made once per build
        cache.bodies[key] = clean_text(absolutize_html(body, page_url))
    return cache.bodies[key]


def _newest(articles: tuple[Article, ...]) -> datetime:
    return max((a.updated or a.date for a in articles), default=EMPTY_FEED_DATE)


def _author_name(site: Site, article: Article) -> str:
    if article.author:
        return article.author.name
    kel = site.kelurahan_named(article.kelurahan)
    return (kel.kim if kel and kel.kim else None) or site.config.title


def render_feed(site: Site, spec: FeedSpec, sizes: Mapping[str, int],
                cache: FeedCache | None = None) -> bytes:
    """Render one feed; ``sizes`` maps a site URL to its file size (for enclosures).

    ``cache`` keeps article bodies in feed form and absolute URLs between the feeds of one build.
    """
    cache = cache or FeedCache(site.config.base_url)
    if spec.link.format == "json":
        return _json_feed(site, spec, cache)
    config = site.config
    is_rss = spec.link.format == "rss"
    feed = FeedGenerator()
    if is_rss:
        feed.load_extension("dc", atom=False, rss=True)
    page = cache.absolute(spec.link.list_url)
    newest = _newest(spec.articles)
    feed.id(page)
    feed.title(clean_text(spec.link.title))
    # RSS readers take <description> as HTML, Atom's <subtitle> is text: plain text is escaped for RSS only.
    feed.description(as_html(spec.description) if is_rss else clean_text(spec.description))
    # feedgen takes the RSS <link> from the last link given: self first, then the page.
    feed.link(href=cache.absolute(spec.link.url), rel="self", type=spec.link.media_type)
    feed.link(href=page, rel="alternate", type="text/html")
    feed.language(config.language)
    feed.author({"name": clean_text(config.title)})
    feed.generator("kimpress", __version__)
    feed.updated(newest)
    if is_rss:
        feed.lastBuildDate(newest)
    for article in spec.articles:
        entry = feed.add_entry(order="append")
        entry_id = item_id(config, article)
        entry.id(entry_id)
        entry.guid(entry_id, permalink=False)
        entry.title(clean_text(prefixed_title(article)))  # "[HOAKS] ..." for a fact check
        entry.link(href=cache.absolute(article.url), rel="alternate")
        entry.published(article.date)
        entry.updated(article.updated or article.date)
        summary = clean_text(article.summary) or clean_text(article.title)
        if is_rss:
            entry.description(as_html(summary))  # an HTML field: the summary is text, so escaped
        else:
            entry.summary(summary)  # type text
        entry.content(_content_html(config, article, cache), type=None if is_rss else "html")
        if is_rss:
            entry.dc.dc_creator(clean_text(_author_name(site, article)))
        else:
            entry.author({"name": clean_text(_author_name(site, article))})
        terms = ([article.category] if article.category else []) + list(article.tags)
        if terms:
            entry.category([{"term": term.slug, "label": clean_text(term.name),
                             "scheme": cache.absolute(term.url)} for term in terms])
        enclosure = _enclosure(config, article, sizes, cache)
        if enclosure and is_rss:
            entry.enclosure(*enclosure)
    if is_rss:
        return feed.rss_str(pretty=True)
    return _with_atom_enclosures(feed.atom_str(pretty=True), [_enclosure(config, a, sizes, cache) for a in spec.articles])


def _enclosure(config: SiteConfig, article: Article, sizes: Mapping[str, int],
               cache: FeedCache) -> tuple[str, str, str] | None:
    """(absolute URL, length, media type) of the cover, when it is a file of the site."""
    if not article.cover_url or article.cover_url not in sizes:
        return None
    media_type = mimetypes.guess_type(article.cover_url)[0] or "application/octet-stream"
    return cache.absolute(article.cover_url), str(sizes[article.cover_url]), media_type


def _with_atom_enclosures(document: bytes, enclosures: list[tuple[str, str, str] | None]) -> bytes:
    """Add ``<link rel="enclosure">`` to Atom entries and mark their page link as alternate.

    feedgen 1.0 drops ``rel``, ``type`` and ``length`` from entry links, so an
    enclosure given to it would become a second alternate link.
    """
    root = etree.fromstring(document)
    for entry, enclosure in zip(root.iter(f"{{{ATOM_NS}}}entry"), enclosures):
        for link in entry.findall(f"{{{ATOM_NS}}}link"):
            link.set("rel", "alternate")
            link.set("type", "text/html")
        if enclosure:
            last_link = entry.findall(f"{{{ATOM_NS}}}link")[-1]
            url, length, media_type = enclosure
            new = etree.Element(f"{{{ATOM_NS}}}link", rel="enclosure", href=url, length=length, type=media_type)
            new.tail = last_link.tail
            last_link.addnext(new)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _json_feed(site: Site, spec: FeedSpec, cache: FeedCache) -> bytes:
    config = site.config
    items = []
    for article in spec.articles:
        item = {
            "id": item_id(config, article),
            "url": cache.absolute(article.url),
            "title": clean_text(prefixed_title(article)),
            "content_html": _content_html(config, article, cache),
            "summary": clean_text(article.summary),
            "date_published": article.date.isoformat(timespec="seconds"),
            "date_modified": (article.updated or article.date).isoformat(timespec="seconds"),
            "authors": [{"name": clean_text(_author_name(site, article))}],
            "tags": [clean_text(term.name) for term in
                     ([article.category] if article.category else []) + list(article.tags)],
        }
        if article.cover_url:
            item["image"] = cache.absolute(article.cover_url)
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": clean_text(spec.link.title),
        "home_page_url": cache.absolute(spec.link.list_url),
        "feed_url": cache.absolute(spec.link.url),
        "description": clean_text(spec.description),
        "language": config.language,
        "authors": [{"name": clean_text(config.title)}],
        "items": items,
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
