"""Plan the activity report page (``/laporan/``, the ``report`` permalink) and its CSV files beside it.

The page shows, for the whole span of the site's articles: a table of kelurahan by month
(by year when the span is longer than a year), the totals per kecamatan and per rubrik,
what was left out (drafts, scheduled articles) and links to the CSV files of
``kimpress.plan.report_csv``, published as "text-file" outputs in the same folder. A small
bar chart of articles per month is drawn here as inline SVG: no script, coloured by the
theme's CSS (``.report-chart .bar``), named for screen readers (``role="img"``, ``<title>``,
``<desc>``).

By default the page is linked from nowhere, ``noindex`` and out of the sitemap;
``report: {public: true}`` links it from the footer and lets search engines in.
``report: {page: false}`` plans nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from kimpress.model.types import Site
from kimpress.plan.admin import Generated
from kimpress.plan.output import Output, file_output, page_output
from kimpress.plan.report import ActivityReport, activity_report
from kimpress.plan.report_csv import report_files

TEMPLATE = "report.html"
MONTHS = {"id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
          "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}
_CHART_WORDS = {"id": ("Artikel terbit per bulan", "{first} s.d. {last}: {total} artikel; terbanyak {top} pada {when}.",
                       "{month}: {count} artikel"),
                "en": ("Articles published per month", "{first} to {last}: {total} articles; most, {top}, in {when}.",
                       "{month}: {count} articles")}
BAR, GAP, HEIGHT, LABELS = 18, 6, 90, 30


@dataclass(frozen=True)
class TableRow:
    """A kelurahan of the page's table: its count in each column and in all."""

    kecamatan: str
    kelurahan: str
    counts: tuple[int, ...]
    total: int
    registered: bool


@dataclass(frozen=True)
class CsvLink:
    name: str
    url: str
    size: int  # bytes


def plan_report(site: Site) -> list[Output]:
    """The report page and its CSV files, unless site.yaml says ``report: {page: false}``."""
    settings = site.config.report
    if not settings.page:
        return []
    url = site.config.permalinks["report"]
    report = activity_report(site)
    files = report_files(report)
    links = tuple(CsvLink(name, url + name, len(data)) for name, data in files.items())
    columns, rows, column_totals = page_table(report, site.config.language)
    context = {"report": report, "csv_links": links, "table_columns": columns, "table_rows": rows,
               "column_totals": column_totals, "kecamatan_totals": kecamatan_totals(report),
               "rubrik_totals": tuple(zip((item.label for item in report.rubrik), report.by_rubrik)),
               "chart": bar_chart(report, site.config.language), "noindex": not settings.public}
    return [page_output(url, TEMPLATE, context)] + [file_output(link.url, "text-file", Generated(files[link.name]))
                                                     for link in links]


def month_label(month: str, language: str) -> str:
    """"2026-11" -> "Nov 2026"."""
    return f"{MONTHS.get(language, MONTHS['en'])[int(month[5:]) - 1]} {month[:4]}"


def page_table(report: ActivityReport, language: str
               ) -> tuple[tuple[str, ...], tuple[TableRow, ...], tuple[int, ...]]:
    """Column labels, one row per kelurahan and the column totals: months, or years past twelve months."""
    if len(report.months) <= 12:
        labels = tuple(month_label(month, language) for month in report.months)
        groups = [[index] for index in range(len(report.months))]
    else:
        years = list(dict.fromkeys(month[:4] for month in report.months))
        labels = tuple(years)
        groups = [[index for index, month in enumerate(report.months) if month[:4] == year] for year in years]
    rows = tuple(TableRow(item.kecamatan, item.kelurahan, tuple(sum(item.by_month[i] for i in group) for group in groups),
                          item.articles, item.registered) for item in report.kelurahan_totals)
    totals = tuple(sum(report.by_month[i] for i in group) for group in groups)
    return labels, rows, totals


def kecamatan_totals(report: ActivityReport) -> tuple[tuple[str, int, int, int], ...]:
    """(kecamatan, kelurahan, kelurahan with an article, articles) per kecamatan, in registry order."""
    found: dict[str, list[int]] = {}
    for item in report.kelurahan_totals:
        tally = found.setdefault(item.kecamatan, [0, 0, 0])
        tally[0] += 1
        tally[1] += item.articles > 0
        tally[2] += item.articles
    return tuple((name, *tally) for name, tally in found.items())


def bar_chart(report: ActivityReport, language: str) -> str:
    """An inline SVG of articles per month (one ``<rect class="bar">`` each); "" without a period."""
    if not report.months:
        return ""
    title, summary, bar_words = _CHART_WORDS.get(language, _CHART_WORDS["en"])
    top = max(report.by_month)
    when = report.months[report.by_month.index(top)]
    width = len(report.months) * (BAR + GAP) + GAP
    desc = summary.format(first=month_label(report.first, language), last=month_label(report.last, language),
                          total=report.total, top=top, when=month_label(when, language))
    parts = [f'<svg class="report-chart" role="img" aria-labelledby="chart-title chart-desc" '
             f'viewBox="0 0 {width} {HEIGHT + LABELS}" width="{width}" height="{HEIGHT + LABELS}">',
             f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(desc)}</desc>',
             f'<line class="axis" x1="0" y1="{HEIGHT}" x2="{width}" y2="{HEIGHT}"/>']
    every = 1 if len(report.months) <= 12 else 0  # past a year, only January and the first month are named
    for index, (month, count) in enumerate(zip(report.months, report.by_month)):
        x = GAP + index * (BAR + GAP)
        high = round(count / top * (HEIGHT - 14)) if top else 0
        label = escape(bar_words.format(month=month_label(month, language), count=count))
        parts.append(f'<rect class="bar" x="{x}" y="{HEIGHT - high}" width="{BAR}" height="{high}">'
                     f'<title>{label}</title></rect>')
        if count:
            parts.append(f'<text x="{x + BAR / 2:g}" y="{HEIGHT - high - 3}">{count}</text>')
        if every or month.endswith("-01") or index == 0:
            name = MONTHS.get(language, MONTHS["en"])[int(month[5:]) - 1]
            parts.append(f'<text class="month" x="{x + BAR / 2:g}" y="{HEIGHT + 13}">{name}</text>')
            if index == 0 or month.endswith("-01"):
                parts.append(f'<text class="month" x="{x + BAR / 2:g}" y="{HEIGHT + 26}">{month[:4]}</text>')
    parts.append("</svg>")
    return "".join(parts)
