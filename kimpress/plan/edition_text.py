"""An edition as text to paste: plain text for any mailing tool, and WhatsApp messages.

WhatsApp's own markup is ``*tebal*`` and ``_miring_``; a bold title or italic byline
keeps its words but loses the marks (``*_~```) that would end it early. WhatsApp takes up to 65,536 characters, but a
long message is folded behind "Baca selengkapnya" and slow to open on a cheap phone,
so an edition is split into messages of at most ``WHATSAPP_LIMIT`` characters, each
article whole in one of them, and each message says which part it is.
"""

from __future__ import annotations

import re

from kimpress.core.dates import format_date, format_month
from kimpress.core.urls import absolute_url
from kimpress.model.types import Article, Site
from kimpress.plan.editions import Edition

WHATSAPP_LIMIT = 4000  # characters per message (WhatsApp's own limit is 65,536)
MESSAGE_SEPARATOR = "\n\n-----\n\n"  # between the messages of a whatsapp.txt file
_MARKS = re.compile(r"[*_~`]")

_WORDS = {
    "id": {"newsletter": "Buletin", "edition": "Edisi", "contents": "Daftar isi", "read": "Baca selengkapnya",
           "part": "bagian", "of": "dari", "online": "Edisi ini di web"},
    "en": {"newsletter": "Newsletter", "edition": "Edition", "contents": "Contents", "read": "Read more",
           "part": "part", "of": "of", "online": "This edition on the web"},
}


def _words(site: Site) -> dict[str, str]:
    return _WORDS.get(site.config.language, _WORDS["en"])


def edition_heading(site: Site, edition: Edition) -> str:
    """"Buletin KIM Info Sigap, Edisi November 2026, No. 13"."""
    words = _words(site)
    kim = edition.area.kim or f"KIM {edition.area.name}"
    month = format_month(edition.year, edition.month, site.config.language)
    if site.config.language == "id":
        return f"{words['newsletter']} {kim}, {words['edition']} {month}, No. {edition.number}"
    return f"{kim} {words['newsletter'].lower()}, {month} {words['edition'].lower()}, No. {edition.number}"


def title_of(article: Article) -> str:
    """The title as readers see it: with the fact check's prefix."""
    prefix = f"[{article.factcheck.prefix}] " if article.factcheck else ""
    return prefix + article.title


def _byline(site: Site, article: Article) -> str:
    kel = site.kelurahan_named(article.kelurahan)
    date = format_date(article.date, site.config.language, site.config.zone, article.has_time)
    return " · ".join(part for part in ((kel.name if kel else ""), date, article.author.name if article.author else "")
                      if part)


def edition_text(site: Site, edition: Edition) -> str:
    """The whole edition as plain text: heading, contents, then each article's summary and address."""
    words = _words(site)
    base = site.config.base_url
    heading = edition_heading(site, edition)
    lines = [heading, "=" * len(heading), "", words["contents"] + ":"]
    lines += [f"{index}. {title_of(article)}" for index, article in enumerate(edition.articles, 1)]
    for index, article in enumerate(edition.articles, 1):
        title = f"{index}. {title_of(article)}"
        lines += ["", title, "-" * len(title), _byline(site, article), "", article.summary,
                  f"{words['read']}: {absolute_url(base, article.url)}"]
    lines += ["", f"{words['online']}: {absolute_url(base, edition.url)}", ""]
    return "\n".join(lines)


def whatsapp_messages(site: Site, edition: Edition, limit: int = WHATSAPP_LIMIT) -> list[str]:
    """The edition as WhatsApp messages, each at most ``limit`` characters, articles never split."""
    words = _words(site)
    base = site.config.base_url
    heading = _MARKS.sub("", edition_heading(site, edition))
    head = f"*{heading} ({words['part']} 99 {words['of']} 99)*"  # its longest form, to measure by
    blocks = []
    room = limit - len(head) - 200  # what one article may take beside the heading, its part and the footer
    for article in edition.articles:
        top = f"*{_MARKS.sub('', title_of(article))}*\n_{_MARKS.sub('', _byline(site, article))}_\n"
        address = "\n" + absolute_url(base, article.url)
        summary = article.summary
        if len(top) + len(summary) + len(address) > room:  # the address is never cut
            summary = summary[:max(0, room - len(top) - len(address) - 1)].rstrip() + "…"
        blocks.append(top + summary + address)
    footer = f"{words['online']}: {absolute_url(base, edition.url)}"
    messages: list[list[str]] = [[]]
    for block in blocks:
        if messages[-1] and len("\n\n".join(messages[-1] + [block])) + len(head) + len(footer) + 40 > limit:
            messages.append([])
        messages[-1].append(block)
    total = len(messages)
    out = []
    for number, group in enumerate(messages, 1):
        part = f" ({words['part']} {number} {words['of']} {total})" if total > 1 else ""
        out.append("\n\n".join([f"*{heading}{part}*", *group, footer]))
    return out
