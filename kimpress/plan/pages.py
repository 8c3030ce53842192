"""Plan the pages of the site from the model: lists, articles, terms, archives, sitemap.

Each is an ``Output`` of the "page" kind: a template and the view data it shows,
and the source that claims its address (for the conflict check).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from kimpress.config.site import SiteConfig
from kimpress.core.urls import FEED_FILES, base_path, expand_permalink, paginated_url, site_url
from kimpress.media.rewrite import responsive_body
from kimpress.model.types import Article, Kelurahan, Site, Term
from kimpress.plan.output import CONFIG_ORIGIN, Output, page_output
from kimpress.plan.related import RelatedArticles
from kimpress.plan.share import share_image_url


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
        page_output(page.url, template, {**context, "pagination": page}, origin)
        for page in paginate(items, first_url, per_page)
    ]


def plan_pages(site: Site) -> list[Output]:
    """Plan every HTML page, robots.txt and the 404 page (the sitemap comes last: ``sitemap_output``)."""
    config = site.config
    per_page = config.paginate
    links = config.permalinks
    outputs: list[Output] = []
    outputs += _list_outputs("home.html", site.articles, "/", per_page)
    related = RelatedArticles(site)
    outputs.append(page_output(links["kecamatan_index"], "kecamatan_index.html"))
    for kec in site.kecamatan:
        feeds = feed_links(config, "kecamatan", kec.slug, kec.url, f"Kecamatan {kec.name}")
        outputs += _list_outputs("kecamatan.html", site.by_kecamatan.get(kec.slug, ()), kec.url, per_page,
                                 kecamatan=kec, feeds=feeds)
    for kel in site.kelurahan:
        origin = _kelurahan_origin(site, kel)
        feeds = feed_links(config, "kelurahan", kel.slug, kel.url, f"Kelurahan {kel.name}")
        outputs += _list_outputs("kelurahan.html", site.by_kelurahan.get(kel.slug, ()), kel.url, per_page,
                                 origin, kelurahan=kel, kecamatan=site.kecamatan_named(kel.kecamatan), feeds=feeds)
        outputs += [_article_output(site, article, neighbours, feeds, related)
                    for article, neighbours in _with_neighbours(site.by_kelurahan.get(kel.slug, ()))]
    for page in site.pages:
        outputs.append(page_output(page.url, page.template or "page.html",
                                   {"page": page, "body_html": _responsive(site, page.body_html, True)},
                                   page.source, origin_line=page.slug_line))
    for kind, feed_kind, terms, groups in (
        ("tags", "tag", site.tags, site.by_tag),
        ("categories", "category", site.categories, site.by_category),
        ("authors", "author", site.authors, site.by_author),
    ):
        outputs.append(page_output(links[kind], "terms.html", {"kind": kind, "terms": terms, "groups": groups}))
        for term in terms:
            feeds = feed_links(config, feed_kind, term.slug, term.url, term.name)
            outputs += _list_outputs("term.html", groups[term.slug], term.url, per_page, kind=kind, term=term,
                                     feeds=feeds)
    subscribe_lists = [feed_links(config, kind, slug, url, name) for kind, slug, url, name, _ in all_feed_lists(site)]
    subscribe_lists = [group for group in subscribe_lists if group]
    if subscribe_lists:
        outputs.append(page_output(links["subscribe"], "subscribe.html", {"feed_groups": subscribe_lists}))
        outputs.append(page_output(links["subscribe"] + "kelurahan.opml", "kelurahan.opml",
                              {"feed_groups": [g for g in subscribe_lists if g[0].kind == "kelurahan"]}))
    outputs += _plan_archive(site)
    outputs.append(page_output("/404.html", "404.html"))
    outputs.append(page_output("/robots.txt", "robots.txt"))
    return outputs


def sitemap_output(site: Site, outputs: Iterable[Output]) -> Output:
    """The sitemap of every HTML page among ``outputs`` (planned last: it lists everything else)."""
    return page_output("/sitemap.xml", "sitemap.xml", {"entries": sitemap_entries(site, outputs)})


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


def _responsive(site: Site, html: str, eager_first: bool) -> str:
    """``html`` with its photos as ``<picture>`` with their variants (see ``kimpress.media.rewrite``)."""
    base_url = site.config.base_url
    return responsive_body(html, site.images, base_path(base_url), lambda url: site_url(base_url, url), eager_first)


def _article_output(site: Site, article: Article, neighbours: tuple[Article | None, Article | None],
                    feeds: tuple[FeedLink, ...], related: RelatedArticles) -> Output:
    kel = site.kelurahan_named(article.kelurahan)
    body = _responsive(site, article.body_html, eager_first=not article.cover_url)
    return page_output(article.url, article.template or "article.html", {
        "article": article,
        "body_html": body,
        "share_image": share_image_url(article.url),
        "kelurahan": kel,
        "kecamatan": site.kecamatan_named(article.kecamatan),
        "previous": neighbours[0],
        "next": neighbours[1],
        "related": related.of(article),
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
    outputs = [page_output(config.permalinks["archive"], "archive.html",
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
        if output.kind == "page" and output.path.endswith(".html") and output.url != "/404.html"
        and not output.context.get("noindex")  # the report page, until site.yaml makes it public
    )
