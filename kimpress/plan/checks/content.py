"""Summaries a link preview cannot use, and dates that look like typos.

A link shared on WhatsApp or Facebook shows the article's description: the
``description:`` written, else its summary, else its first paragraph. A date far
ahead keeps an article unpublished for months; a date before the site began is
usually a mistyped year.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Mapping

from kimpress.core.dates import format_short_date
from kimpress.core.errors import Diagnostic, warning
from kimpress.model.types import Site
from kimpress.source.frontmatter import Document
from kimpress.source.metadata import spellings

MIN_PREVIEW = 40  # a derived description shorter than this says too little to share
SHOWN = 90  # how much of a derived description the message quotes


def key_line(document: Document | None, key: str) -> int | None:
    """The line of front matter ``key`` under any of its spellings, else None."""
    if document is None:
        return None
    return next((document.meta.lines[name] for name in spellings(key) if name in document.meta.lines), None)


def check_summaries(site: Site, documents: Mapping[str, Document]) -> list[Diagnostic]:
    """A warning per article with no summary written, an unusable one, or one too long for a preview."""
    limit = site.config.check.summary_max
    found: list[Diagnostic] = []
    for article in site.articles:
        document = documents.get(article.source)
        written = [key for key in ("description", "summary") if key_line(document, key)]
        if written:
            line = key_line(document, written[0])
            text = " ".join(str((article.description if written[0] == "description" else article.summary)).split())
            if len(text) > limit:
                found.append(warning("summary-too-long", article.source, line, length=len(text), limit=limit))
            continue
        first = document.front_matter_line or 1 if document else 1
        shown = " ".join(article.description.split())
        if len(shown) < MIN_PREVIEW:
            found.append(warning("summary-empty", article.source, first))
        else:
            found.append(warning("summary-missing", article.source, first,
                                 shown=shown if len(shown) <= SHOWN else shown[:SHOWN].rsplit(" ", 1)[0] + " …"))
    return found


def check_dates(site: Site, documents: Mapping[str, Document], now: datetime) -> list[Diagnostic]:
    """A warning per article dated far ahead (published or waiting) or before ``check.since``."""
    settings = site.config.check
    zone = site.config.zone
    horizon = now + timedelta(days=settings.future_days)
    language = site.config.language
    dated = [(article.source, article.date) for article in site.articles]
    dated += [(item.source, item.date) for item in site.unpublished if item.date is not None]
    found: list[Diagnostic] = []
    for source, moment in dated:
        line = key_line(documents.get(source), "date") or 1
        if moment > horizon:
            found.append(warning("date-far-future", source, line, days=settings.future_days,
                                 date=format_short_date(moment, language, zone)))
        elif moment.astimezone(zone).date() < settings.since:
            found.append(warning("date-before-site", source, line, date=format_short_date(moment, language, zone),
                                 since=settings.since.isoformat()))
    return found
