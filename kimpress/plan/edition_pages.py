"""The files of every edition (``kimpress.plan.editions``): its page, e-mail, plain text and WhatsApp forms.

    /<kelurahan>/edisi/2026-11/              the page, printable on A4
    /<kelurahan>/edisi/2026-11/surel.html    e-mail-safe HTML: inline styles, a table, absolute links
    /<kelurahan>/edisi/2026-11/buletin.txt   plain text for any mailing tool
    /<kelurahan>/edisi/2026-11/whatsapp.txt  WhatsApp messages, each under the limit
    /<kelurahan>/edisi/2026-11/whatsapp/     the same messages with a copy button each
    /<kelurahan>/edisi/                      the back issues

Editions repeat their articles, so their pages carry ``noindex`` and stay out of the
sitemap: search engines send readers to the articles themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from kimpress.model.types import Site
from kimpress.plan.editions import Edition, areas, editions_of
from kimpress.plan.output import Output, file_output, page_output

EDITION_TEMPLATE = "edition.html"
INDEX_TEMPLATE = "edition_index.html"
EMAIL_TEMPLATE = "edition_email.html"
WHATSAPP_TEMPLATE = "edition_whatsapp.html"
@dataclass(frozen=True)
class EditionForm:
    """The payload of an "edition-text" output: which edition, and "text" or "whatsapp"."""

    edition: Edition
    form: str




def plan_editions(site: Site) -> list[Output]:
    """The edition pages and the back-issue index of every area that has articles."""
    outputs: list[Output] = []
    if not site.config.editions.enabled:
        return outputs
    for area, articles in areas(site):
        editions = editions_of(site, area, articles)
        index_url = editions[0].url.rsplit("/", 2)[0] + "/"
        for edition in editions:
            outputs += edition_outputs(site, edition, index_url, area.origin)
        outputs.append(page_output(index_url, INDEX_TEMPLATE, {"area": area, "editions": tuple(reversed(editions)),
                                                               "noindex": True}, area.origin))
    return outputs


def edition_outputs(site: Site, edition, index_url: str, origin: str) -> list[Output]:
    """The page of one edition and its forms to share ("edition-text" files are made when rendered)."""
    context = {"edition": edition, "edition_index_url": index_url, "noindex": True,
               "full_minutes": site.config.editions.whole_minutes}  # longer: its summary and a QR code
    return [
        page_output(edition.url, EDITION_TEMPLATE, context, origin),
        page_output(edition.url + "surel.html", EMAIL_TEMPLATE, {"edition": edition, "noindex": True}, origin),
        file_output(edition.url + "buletin.txt", "edition-text", EditionForm(edition, "text"), origin),
        file_output(edition.url + "whatsapp.txt", "edition-text", EditionForm(edition, "whatsapp"), origin),
        page_output(edition.url + "whatsapp/", WHATSAPP_TEMPLATE, {"edition": edition, "noindex": True}, origin),
    ]
