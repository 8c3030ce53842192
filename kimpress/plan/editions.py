"""Monthly editions: the buletin of a kelurahan (and of a kecamatan, and the city) for one month.

A KIM's newsletter also lives off the web: printed for the notice board, forwarded
to WhatsApp groups, e-mailed. Each month with published articles is an edition:

    /<kelurahan>/edisi/2026-11/    Buletin KIM Satimpo, Edisi November 2026, No. 13
    /<kelurahan>/edisi/            the back issues
    /kecamatan/<slug>/edisi/2026-11/, /edisi/2026-11/   the same for a kecamatan and the city

An edition is numbered by calendar months from the first month its area has an
article (No. 1), so a number never changes when a later month is quiet. Its
articles are the month's, fact checks first, then oldest first as in print.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from kimpress.model.types import Article, Site
from kimpress.plan.output import CONFIG_ORIGIN

FOLDER = {"id": "edisi", "en": "edition"}  # the edition folder's name under an area's address


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
            kim = f"KIM Kecamatan {kec.name}" if site.config.language == "id" else f"KIM of {kec.name}"
            found.append((Area("kecamatan", kec.slug, kec.name, kec.url, kim), articles))
    if site.articles:
        name = site.config.city or site.config.title
        found.append((Area("city", "", name, "/", f"KIM {name}" if site.config.city else name), site.articles))
    return found
