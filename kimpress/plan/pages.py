"""Plan every output before anything is rendered, and find URL conflicts.

An ``Output`` says what will be published where, from which template and view
data, and which sources it stands for. Two outputs claiming one file are found
here, naming both origins, before a single byte is rendered.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from kimpress.config.site import SiteConfig
from kimpress.core.errors import Diagnostic, error
from kimpress.core.urls import FEED_FILES, PAGE_FOLDER, expand_permalink, output_path_for, paginated_url
from kimpress.model.types import Article, Kelurahan, Site, Term

CONFIG_ORIGIN = "site.yaml"
THEME_ORIGIN = "theme"
MAX_SEGMENT_BYTES = 200  # a file name may hold 255 bytes; leave room for the side files of a write
_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f\\:]")


@dataclass(frozen=True)
class Output:
    """One file of the built site."""

    url: str
    template: str | None  # None for a verbatim copy
    context: Mapping[str, Any] = field(default_factory=dict)
    origin: str = CONFIG_ORIGIN  # the source that claims this URL, for messages
    copy_from: str | None = None  # absolute path of a file copied as is
    feed: Any = None  # a feeds.FeedSpec for a feed output
    origin_line: int | None = None  # the line of the origin that decides the URL (its ``slug:``)

    @property
    def path(self) -> str:
        """The output file: pretty URLs for pages, the URL itself for copies and feeds."""
        return output_path_for(self.url) if self.template else self.url.lstrip("/")


@dataclass(frozen=True)
class Pagination:
    """One page of a paginated list."""

    number: int
    total: int
    items: tuple[Article, ...]
    first_url: str
    total_items: int

    @property
    def url(self) -> str:
        return paginated_url(self.first_url, self.number)

    @property
    def previous_url(self) -> str | None:
        return paginated_url(self.first_url, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return paginated_url(self.first_url, self.number + 1) if self.number < self.total else None


@dataclass(frozen=True)
class FeedLink:
    """One feed of a list page, for ``<link rel="alternate">`` and the subscribe page."""

    kind: str
    slug: str
    format: str
    url: str
    media_type: str
    title: str
    list_url: str


def feed_links(config: SiteConfig, kind: str, slug: str, list_url: str, name: str | None) -> tuple[FeedLink, ...]:
    """The feeds published for one list (none when its kind is switched off)."""
    if kind not in config.feeds.kinds:
        return ()
    title = f"{config.title}: {name}" if name else config.title
    return tuple(
        FeedLink(kind, slug, fmt, list_url + FEED_FILES[fmt][0], FEED_FILES[fmt][1], title, list_url)
        for fmt in config.feeds.formats
    )


def all_feed_lists(site: Site) -> list[tuple[str, str, str, str | None, tuple[Article, ...]]]:
    """(kind, slug, list URL, display name, articles) of every list that can have feeds."""
    lists: list[tuple[str, str, str, str | None, tuple[Article, ...]]] = [("site", "", "/", None, site.articles)]
    lists += [("kecamatan", kec.slug, kec.url, f"Kecamatan {kec.name}", site.by_kecamatan.get(kec.slug, ()))
              for kec in site.kecamatan]
    lists += [("kelurahan", kel.slug, kel.url, f"Kelurahan {kel.name}", site.by_kelurahan.get(kel.slug, ()))
              for kel in site.kelurahan]
    for kind, terms, groups in (("category", site.categories, site.by_category), ("tag", site.tags, site.by_tag),
                                ("author", site.authors, site.by_author)):
        lists += [(kind, term.slug, term.url, term.name, groups[term.slug]) for term in terms]
    return lists


def paginate(items: Sequence[Article], first_url: str, per_page: int) -> list[Pagination]:
    """Split ``items`` into pages; an empty list still has one (empty) page."""
    total = max(1, -(-len(items) // per_page))
    return [
        Pagination(number, total, tuple(items[(number - 1) * per_page:number * per_page]), first_url, len(items))
        for number in range(1, total + 1)
    ]


def _list_outputs(template: str, items: Sequence[Article], first_url: str, per_page: int,
                  origin: str = CONFIG_ORIGIN, **context: Any) -> list[Output]:
    """The pages of one paginated list; ``context`` may carry its ``feeds``."""
    return [
        Output(page.url, template, {**context, "pagination": page}, origin)
        for page in paginate(items, first_url, per_page)
    ]


def plan_pages(site: Site) -> list[Output]:
    """Plan every HTML page, the sitemap, robots.txt and the 404 page."""
    config = site.config
    per_page = config.paginate
    links = config.permalinks
    outputs: list[Output] = []
    outputs += _list_outputs("home.html", site.articles, "/", per_page)
    outputs.append(Output(links["kecamatan_index"], "kecamatan_index.html"))
    for kec in site.kecamatan:
        feeds = feed_links(config, "kecamatan", kec.slug, kec.url, f"Kecamatan {kec.name}")
        outputs += _list_outputs("kecamatan.html", site.by_kecamatan.get(kec.slug, ()), kec.url, per_page,
                                 kecamatan=kec, feeds=feeds)
    for kel in site.kelurahan:
        origin = _kelurahan_origin(site, kel)
        feeds = feed_links(config, "kelurahan", kel.slug, kel.url, f"Kelurahan {kel.name}")
        outputs += _list_outputs("kelurahan.html", site.by_kelurahan.get(kel.slug, ()), kel.url, per_page,
                                 origin, kelurahan=kel, kecamatan=site.kecamatan_named(kel.kecamatan), feeds=feeds)
        outputs += [_article_output(site, article, neighbours, feeds)
                    for article, neighbours in _with_neighbours(site.by_kelurahan.get(kel.slug, ()))]
    for page in site.pages:
        outputs.append(Output(page.url, page.template or "page.html", {"page": page}, page.source,
                              origin_line=page.slug_line))
    for kind, feed_kind, terms, groups in (
        ("tags", "tag", site.tags, site.by_tag),
        ("categories", "category", site.categories, site.by_category),
        ("authors", "author", site.authors, site.by_author),
    ):
        outputs.append(Output(links[kind], "terms.html", {"kind": kind, "terms": terms, "groups": groups}))
        for term in terms:
            feeds = feed_links(config, feed_kind, term.slug, term.url, term.name)
            outputs += _list_outputs("term.html", groups[term.slug], term.url, per_page, kind=kind, term=term,
                                     feeds=feeds)
    subscribe_lists = [feed_links(config, kind, slug, url, name) for kind, slug, url, name, _ in all_feed_lists(site)]
    subscribe_lists = [group for group in subscribe_lists if group]
    if subscribe_lists:
        outputs.append(Output(links["subscribe"], "subscribe.html", {"feed_groups": subscribe_lists}))
        outputs.append(Output(links["subscribe"] + "kelurahan.opml", "kelurahan.opml",
                              {"feed_groups": [g for g in subscribe_lists if g[0].kind == "kelurahan"]}))
    outputs += _plan_archive(site)
    outputs.append(Output("/404.html", "404.html"))
    outputs.append(Output("/robots.txt", "robots.txt"))
    outputs.append(Output("/sitemap.xml", "sitemap.xml", {"entries": sitemap_entries(site, outputs)}))
    return outputs


def _kelurahan_origin(site: Site, kel: Kelurahan) -> str:
    """The kelurahan's ``_index.md``, else its folder as spelled on disk (``content/Loktuan/``)."""
    if kel.source:
        return kel.source
    articles = site.by_kelurahan.get(kel.slug, ())
    return "/".join(articles[0].source.split("/")[:2]) + "/" if articles else f"content/{kel.slug}/"


def _with_neighbours(articles: Sequence[Article]) -> Iterable[tuple[Article, tuple[Article | None, Article | None]]]:
    """Each article with its older and newer neighbour (the list is newest first)."""
    for index, article in enumerate(articles):
        newer = articles[index - 1] if index > 0 else None
        older = articles[index + 1] if index + 1 < len(articles) else None
        yield article, (older, newer)


def _article_output(site: Site, article: Article, neighbours: tuple[Article | None, Article | None],
                    feeds: tuple[FeedLink, ...]) -> Output:
    kel = site.kelurahan_named(article.kelurahan)
    return Output(article.url, article.template or "article.html", {
        "article": article,
        "kelurahan": kel,
        "kecamatan": site.kecamatan_named(article.kecamatan),
        "previous": neighbours[0],
        "next": neighbours[1],
        "feeds": feeds,
    }, article.source, origin_line=article.slug_line)


@dataclass(frozen=True)
class ArchiveMonth:
    """The articles of one month, for the archive pages."""

    year: int
    month: int
    url: str
    articles: tuple[Article, ...]


def archive_months(site: Site) -> list[ArchiveMonth]:
    """Months that have articles, newest first, in the site's time zone."""
    groups: dict[tuple[int, int], list[Article]] = {}
    for article in site.articles:
        local = article.date.astimezone(site.config.zone)
        groups.setdefault((local.year, local.month), []).append(article)
    pattern = site.config.permalinks["month"]
    return [
        ArchiveMonth(year, month, expand_permalink(pattern, year=f"{year:04d}", month=f"{month:02d}"), tuple(items))
        for (year, month), items in sorted(groups.items(), reverse=True)
    ]


def _plan_archive(site: Site) -> list[Output]:
    config = site.config
    months = archive_months(site)
    years: dict[int, list[ArchiveMonth]] = {}
    for month in months:
        years.setdefault(month.year, []).append(month)
    year_urls = {year: expand_permalink(config.permalinks["year"], year=f"{year:04d}") for year in years}
    outputs = [Output(config.permalinks["archive"], "archive.html",
                      {"years": [(year, year_urls[year], items) for year, items in years.items()]})]
    for year, items in years.items():
        articles = tuple(article for month in items for article in month.articles)
        outputs += _list_outputs("term.html", articles, year_urls[year], config.paginate,
                                 kind="year", term=Term(str(year), str(year), year_urls[year]))
    for month in months:
        term = Term(f"{month.year:04d}-{month.month:02d}", "", month.url)
        outputs += _list_outputs("term.html", month.articles, month.url, config.paginate,
                                 kind="month", term=term, year=month.year, month=month.month)
    return outputs


def sitemap_entries(site: Site, outputs: Iterable[Output]) -> list[tuple[str, str | None]]:
    """(url, lastmod) for every HTML page but the 404 page, sorted by URL."""
    lastmod: dict[str, str] = {}
    for article in site.articles:
        lastmod[article.url] = (article.updated or article.date).isoformat(timespec="seconds")
    return sorted(
        (output.url, lastmod.get(output.url))
        for output in outputs
        if output.template and output.path.endswith(".html") and output.url != "/404.html"
    )


def plan_copies(copies: Iterable[tuple[str, str, str]]) -> list[Output]:
    """Outputs for verbatim files: (site URL, absolute source path, origin)."""
    return [Output(url, None, {}, origin, copy_from) for url, copy_from, origin in copies]


def check_conflicts(outputs: Iterable[Output]) -> list[Diagnostic]:
    """Report every output file claimed twice, naming both origins, and every unsafe path.

    Paths are compared after Unicode normalisation and case folding, since
    ``Banjir.jpg`` and ``banjir.jpg``, or "café" typed on a Mac and on Windows,
    overwrite each other on the disks of most writers' computers. A file and a
    folder of the same name collide too (``/tag`` and ``/tag/``). A kelurahan
    folder may not take a name kimpress uses for its own pages (``page``, ``tag``...).
    """
    outputs = list(outputs)
    diagnostics = _unsafe_paths(outputs)
    if diagnostics:
        return diagnostics  # a path that cannot be written makes every other check moot
    claims: dict[str, list[Output]] = {}
    folders: dict[str, Output] = {}
    for output in outputs:
        key = _disk_key(output.path)
        claims.setdefault(key, []).append(output)
        parts = key.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folders.setdefault("/".join(parts[:depth]), output)
    for key, claimants in claims.items():
        if key in folders:
            claimants = claimants + [folders[key]]
        if len(claimants) > 1:
            diagnostics += _conflicts(claimants)
    return diagnostics + _reserved_folders(outputs, {d.param_dict["url"] for d in diagnostics})


def _conflicts(claimants: list[Output]) -> list[Diagnostic]:
    """One message for each writer's file claiming one address, naming the others.

    A clash with a page kimpress makes itself is located in the writer's file only,
    never in a built-in page.
    """
    writers = [output for output in claimants if output.origin not in (CONFIG_ORIGIN, THEME_ORIGIN)]
    located = writers or claimants[:1]
    found = []
    for output in located:
        others = sorted({other.origin for other in claimants if other.origin != output.origin}) or [output.origin]
        found.append(error("url-conflict", output.origin, output.origin_line, url=output.url,
                           other=", ".join(others), example=_example_slug(output.url)))
    return found


def _example_slug(url: str) -> str:
    """A slug the writer could take instead: the last part of the address with "-2"."""
    last = url.rstrip("/").rsplit("/", 1)[-1]
    stem = last.rsplit(".", 1)[0] if "." in last else last
    return f"{stem or 'tulisan'}-2"


def _disk_key(path: str) -> str:
    """``path`` as a case-insensitive, normalising disk sees it."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", path).casefold())


def _unsafe_paths(outputs: list[Output]) -> list[Diagnostic]:
    """Paths that would leave the output folder, or that no writer's disk can hold.

    Slugs are always safe; file names of assets and static files and the fixed
    parts of permalinks in site.yaml are not. One diagnostic per bad folder or file.
    """
    found: dict[str, Diagnostic] = {}
    for output in outputs:
        parts = output.path.split("/")
        for depth, part in enumerate(parts, 1):
            code = _segment_problem(part)
            if code is None:
                continue
            url = "/" + "/".join(parts[:depth]) + ("/" if depth < len(parts) else "")
            origin = _writer_origin(output)
            if url not in found or (found[url].path == CONFIG_ORIGIN and origin != CONFIG_ORIGIN):
                params = {"limit": MAX_SEGMENT_BYTES} if code == "url-too-long" else {}
                found[url] = error(code, _printable(origin), None, url=_shown(url), **params)
            break
    return list(found.values())


def _segment_problem(part: str) -> str | None:
    try:
        size = len(part.encode("utf-8"))
    except UnicodeEncodeError:
        return "url-unsafe"
    if not part.strip(".") or _UNSAFE_CHARS.search(part):
        return "url-unsafe"
    return "url-too-long" if size > MAX_SEGMENT_BYTES else None


def _shown(url: str) -> str:
    """``url`` fit for a message: printable, and an endless name cut down."""
    text = _printable(url)
    return text if len(text) <= 80 else text[:60] + "…" + text[-15:]


def _printable(text: str) -> str:
    """``text`` with control characters and undecodable bytes (surrogates) shown as �."""
    return "".join("\ufffd" if unicodedata.category(char) in ("Cc", "Cs") else char for char in text)


def _writer_origin(output: Output) -> str:
    """The writer's file behind an output: a tag or author page is the doing of its articles."""
    pagination = output.context.get("pagination")
    if output.origin == CONFIG_ORIGIN and "term" in output.context and pagination and pagination.items:
        return pagination.items[-1].source
    return output.origin


def _reserved_folders(outputs: list[Output], conflicting: set[str]) -> list[Diagnostic]:
    """A kelurahan whose list page sits in a folder kimpress fills itself (``page``, ``tag``, ...).

    Reported only when the kelurahan does not already claim a built-in URL outright.
    """
    reserved = {PAGE_FOLDER} | {
        output.path.split("/", 1)[0] for output in outputs
        if output.origin in (CONFIG_ORIGIN, THEME_ORIGIN) and output.feed is None and "/" in output.path}
    diagnostics = []
    for output in outputs:
        kel = output.context.get("kelurahan")
        pagination = output.context.get("pagination")
        if kel is None or pagination is None or pagination.number != 1 or output.url in conflicting:
            continue
        folder = output.path.split("/", 1)[0]
        if folder == kel.slug and folder in reserved:
            diagnostics.append(error("kelurahan-reserved", output.origin, None, url=output.url, folder=folder))
    return diagnostics
