"""The activity report for the city's Diskominfo: published articles counted per kelurahan, month, rubrik, author.

A pure function of the model: ``activity_report(site)`` -> ``ActivityReport``. Every kelurahan of
the ``wilayah`` registry appears for every month of the period, with 0 when it published
nothing (what a coach needs to see), then the kelurahan folders outside the registry. An
article counts in the month of its date in the site's time zone. Drafts and articles dated
later than the build are not in ``site.articles``: they are counted apart (``drafts``,
``future``) so the report can say what it left out. Each count row adds up: the sum of the
rubrik columns is the row's ``articles``, and the rows add up to ``total``.

Rubrik columns: every rubrik of ``categories`` in its order, then any other rubrik an article
has, then ``tanpa-rubrik`` when some article has none. Months are written ``2026-11``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kimpress.model.types import Article, Site

NO_RUBRIK = "tanpa-rubrik"


@dataclass(frozen=True)
class Rubrik:
    """A rubrik column: its slug (the CSV header) and its label (the page's header)."""

    slug: str
    label: str


@dataclass(frozen=True)
class CountRow:
    """One row of counts: who (kecamatan, kelurahan, author), when, and how many per rubrik column."""

    kecamatan: str
    kelurahan: str
    month: str  # "2026-11"; "" for a row over the whole period
    articles: int
    by_rubrik: tuple[int, ...]  # in the order of ``ActivityReport.rubrik``
    code: str = ""  # the kelurahan's code in the registry
    author: str = ""


@dataclass(frozen=True)
class KelurahanTotal:
    """A kelurahan over the whole period: its count in each month (for the page's table) and in all."""

    kecamatan: str
    kelurahan: str
    by_month: tuple[int, ...]
    articles: int
    registered: bool = True


@dataclass(frozen=True)
class ActivityReport:
    """Everything the CSV files and the page show."""

    months: tuple[str, ...]  # every month of the period, oldest first; () when there is none
    rubrik: tuple[Rubrik, ...]
    kelurahan_rows: tuple[CountRow, ...]  # one per kelurahan and month
    author_rows: tuple[CountRow, ...]  # one per author over the period, most articles first
    kecamatan_rows: tuple[CountRow, ...]  # one per kecamatan and month
    kelurahan_totals: tuple[KelurahanTotal, ...]
    by_month: tuple[int, ...]  # articles in each month of ``months``
    by_rubrik: tuple[int, ...]
    total: int
    active_kelurahan: int  # kelurahan with at least one article in the period
    drafts: int  # left out: drafts (unless the build publishes them)
    future: int  # left out: dated later than the build
    outside: int  # published articles dated outside the period

    @property
    def first(self) -> str:
        return self.months[0] if self.months else ""

    @property
    def last(self) -> str:
        return self.months[-1] if self.months else ""


def month_range(first: str, last: str) -> tuple[str, ...]:
    """Every month from ``first`` to ``last``, both included ("2026-11", "2026-12", "2027-01")."""
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def activity_report(site: Site, first: str | None = None, last: str | None = None,
                    now: datetime | None = None) -> ActivityReport:
    """The report of ``site`` from month ``first`` to ``last`` (both "YYYY-MM", both optional).

    Without a bound, the period starts at the oldest article's month and ends at the newest's;
    a site without articles and without bounds reports the month of ``now`` (none if ``now`` is None).
    ``first`` after ``last`` gives an empty period: the caller says so.
    """
    zone = site.config.zone
    month_of = {article.uid: article.date.astimezone(zone).strftime("%Y-%m") for article in site.articles}
    seen = sorted(set(month_of.values()))
    if not seen and first is None and last is None and now is not None:
        seen = [now.astimezone(zone).strftime("%Y-%m")]
    start = first or (seen[0] if seen else last)
    end = last or (max(seen[-1], start) if seen and start else start)
    months = month_range(start, end) if start and end else ()
    period = set(months)
    articles = [article for article in site.articles if month_of[article.uid] in period]
    rubrik = _rubrik_columns(site, articles)
    column = {item.slug: index for index, item in enumerate(rubrik)}
    counts: dict[tuple[str, str], list[int]] = {}  # (kelurahan slug, month) -> count per rubrik
    authors: dict[str, tuple[list[int], dict[str, None]]] = {}
    for article in articles:
        index = column[_rubrik_slug(article)]
        counts.setdefault((article.kelurahan, month_of[article.uid]), [0] * len(rubrik))[index] += 1
        name = article.author.name if article.author else ""
        tally, places = authors.setdefault(name, ([0] * len(rubrik), {}))
        tally[index] += 1
        places[article.kelurahan] = None
    rows: list[CountRow] = []
    totals: list[KelurahanTotal] = []
    names: dict[str, str] = {}
    for slug, kecamatan, name, code, registered in _kelurahan_list(site, articles):
        names[slug] = name
        monthly = [counts.get((slug, month), [0] * len(rubrik)) for month in months]
        rows += [CountRow(kecamatan, name, month, sum(tally), tuple(tally), code)
                 for month, tally in zip(months, monthly)]
        totals.append(KelurahanTotal(kecamatan, name, tuple(sum(tally) for tally in monthly),
                                     sum(map(sum, monthly)), registered))
    author_rows = sorted((CountRow("", "; ".join(names.get(slug, slug) for slug in places), "", sum(tally),
                                   tuple(tally), author=name) for name, (tally, places) in authors.items()),
                         key=lambda row: (row.author == "", -row.articles, row.author.casefold()))
    by_rubrik = tuple(sum(row.by_rubrik[index] for row in rows) for index in range(len(rubrik)))
    return ActivityReport(
        months, rubrik, tuple(rows), tuple(author_rows), _kecamatan_rows(rows, months, len(rubrik)), tuple(totals),
        tuple(sum(row.articles for row in rows if row.month == month) for month in months), by_rubrik,
        sum(by_rubrik), sum(1 for total in totals if total.articles), site.skipped_drafts, site.skipped_future,
        len(site.articles) - len(articles))


def _rubrik_slug(article: Article) -> str:
    return article.category.slug if article.category else NO_RUBRIK


def _rubrik_columns(site: Site, articles: list[Article]) -> tuple[Rubrik, ...]:
    columns = {slug: Rubrik(slug, label) for slug, label in site.config.categories}
    for article in sorted(articles, key=lambda item: item.category.name.casefold() if item.category else ""):
        if article.category and article.category.slug not in columns:
            columns[article.category.slug] = Rubrik(article.category.slug, article.category.name)
    if any(article.category is None for article in articles):
        columns[NO_RUBRIK] = Rubrik(NO_RUBRIK, NO_RUBRIK.replace("-", " ").capitalize())
    return tuple(columns.values())


def _kelurahan_list(site: Site, articles: list[Article]) -> list[tuple[str, str, str, str, bool]]:
    """(slug, kecamatan name, kelurahan name, code, registered): the registry's in its order, then the others."""
    found: list[tuple[str, str, str, str, bool]] = []
    for kec in site.config.wilayah:
        found += [(kel.slug, kec.name, kel.name, kel.code or "", True) for kel in kec.kelurahan]
    listed = {slug for slug, *_ in found}
    others = [kel.slug for kel in site.kelurahan if kel.slug not in listed]
    others += sorted({article.kelurahan for article in articles} - listed - set(others))
    for slug in others:
        kel = site.kelurahan_named(slug)
        kec = site.kecamatan_named(kel.kecamatan if kel else None)
        found.append((slug, kec.name if kec else "", kel.name if kel else slug, (kel.code or "") if kel else "",
                      False))
    return found


def _kecamatan_rows(rows: list[CountRow], months: tuple[str, ...], width: int) -> tuple[CountRow, ...]:
    """The kelurahan rows added up per kecamatan (in order of first appearance) and month."""
    sums: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        tally = sums.setdefault((row.kecamatan, row.month), [0] * width)
        for index, count in enumerate(row.by_rubrik):
            tally[index] += count
    order = list(dict.fromkeys(row.kecamatan for row in rows))
    return tuple(CountRow(kecamatan, "", month, sum(sums[(kecamatan, month)]), tuple(sums[(kecamatan, month)]))
                 for kecamatan in order for month in months)
