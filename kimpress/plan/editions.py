"""Monthly editions: the buletin of a kelurahan (and of a kecamatan, and the city) for one month.

A KIM's newsletter also lives off the web: printed for the notice board, forwarded
to WhatsApp groups, e-mailed. Each month with published articles is an edition:

    /<kelurahan>/edisi/2026-11/    Buletin KIM Satimpo, Edisi November 2026, No. 13
    /<kelurahan>/edisi/            the back issues
    /kecamatan/<slug>/edisi/2026-11/, /edisi/2026-11/   the same for a kecamatan and the city

Editions repeat their articles, so they carry ``noindex`` and stay out of the
sitemap: search engines send readers to the articles themselves.

An edition is numbered by calendar months from the first month its area has an
article (No. 1), so a number never changes when a later month is quiet. Its
articles are the month's, fact checks first, then oldest first as in print.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from kimpress.model.types import Article, Site
from kimpress.plan.output import CONFIG_ORIGIN, Output, page_output

EDITION_TEMPLATE = "edition.html"
INDEX_TEMPLATE = "edition_index.html"
FOLDER = {"id": "edisi", "en": "edition"}  # the edition folder's name under an area's address
FULL_MINUTES = 2  # an article longer to read is printed as its summary and a QR code to its page


@dataclass(frozen=True)
class Area:
    """Whose newsletter: a kelurahan, a kecamatan or the whole city (kind "city", slug "")."""

    kind: str
    slug: str
    name: str
    url: str  # the area's own page
    kim: str = ""  # the KIM's name, for a kelurahan
    origin: str = CONFIG_ORIGIN  # who claims its editions' addresses: a kelurahan's own folder or profile


@dataclass(frozen=True)
class Edition:
    """One month's newsletter of an area."""

    area: Area
    year: int
    month: int
    number: int
    articles: tuple[Article, ...]
    url: str
    previous_url: str | None = None
    next_url: str | None = None

    @property
    def key(self) -> str:
        """"2026-11"."""
        return f"{self.year:04d}-{self.month:02d}"


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def editions_of(site: Site, area: Area, articles: Iterable[Article]) -> tuple[Edition, ...]:
    """The editions of ``area`` from its ``articles``, oldest first, linked to each other."""
    zone = site.config.zone
    by_month: dict[tuple[int, int], list[Article]] = {}
    for article in articles:
        local = article.date.astimezone(zone)
        by_month.setdefault((local.year, local.month), []).append(article)
    if not by_month:
        return ()
    months = sorted(by_month)
    first = month_index(*months[0])
    folder = area.url + FOLDER.get(site.config.language, FOLDER["en"]) + "/"
    urls = [f"{folder}{year:04d}-{month:02d}/" for year, month in months]
    editions = []
    for index, (year, month) in enumerate(months):
        editions.append(Edition(area, year, month, month_index(year, month) - first + 1,
                                tuple(sorted(by_month[(year, month)], key=_print_order)), urls[index],
                                urls[index - 1] if index else None, urls[index + 1] if index + 1 < len(urls) else None))
    return tuple(editions)


def _print_order(article: Article) -> tuple:
    """Fact checks first (readers must see them), then the month's articles oldest first."""
    return (article.factcheck is None, article.date.timestamp(), article.uid)


def areas(site: Site) -> list[tuple[Area, tuple[Article, ...]]]:
    """Every area with its published articles: each kelurahan, each kecamatan, then the city."""
    found: list[tuple[Area, tuple[Article, ...]]] = []
    for kel in site.kelurahan:
        articles = site.by_kelurahan.get(kel.slug, ())
        if articles:
            origin = kel.source or "/".join(articles[0].source.split("/")[:2]) + "/"
            found.append((Area("kelurahan", kel.slug, kel.name, kel.url, kel.kim or "", origin), articles))
    for kec in site.kecamatan:
        articles = site.by_kecamatan.get(kec.slug, ())
        if articles:
            found.append((Area("kecamatan", kec.slug, kec.name, kec.url), articles))
    if site.articles:
        found.append((Area("city", "", site.config.city or site.config.title, "/"), site.articles))
    return found


def plan_editions(site: Site) -> list[Output]:
    """The edition pages and the back-issue index of every area that has articles."""
    outputs: list[Output] = []
    for area, articles in areas(site):
        editions = editions_of(site, area, articles)
        index_url = editions[0].url.rsplit("/", 2)[0] + "/"
        for edition in editions:
            outputs.append(page_output(edition.url, EDITION_TEMPLATE, {
                "edition": edition, "edition_index_url": index_url, "full_minutes": FULL_MINUTES, "noindex": True},
                area.origin))
        outputs.append(page_output(index_url, INDEX_TEMPLATE, {"area": area, "editions": tuple(reversed(editions)),
                                                               "noindex": True}, area.origin))
    return outputs
