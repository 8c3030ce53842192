"""The schema.org ``ClaimReview`` of a cek-fakta article, as a plain dict for the page's JSON-LD.

One per page (what fact-check tools read): the claim, the verdict as a ``Rating``
(scale in ``model.factcheck``; ``alternateName`` is the label in the site language,
"Hoaks"), where and when the claim circulated, who checked it and when.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from kimpress.config.site import SiteConfig
from kimpress.core.dates import iso_date

BEST_RATING = 5
WORST_RATING = 1


def claim_review(article: Any, config: SiteConfig, absolute: Callable[[str], str], publisher: dict,
                 kelurahan: Any = None) -> dict:
    """The ``ClaimReview`` of ``article`` (empty for an article without a fact check).

    ``absolute`` makes a site URL absolute; ``publisher`` is the site's ``Organization``.
    The author is the kelurahan's KIM when ``kelurahan`` names one, else the publisher.
    """
    check = getattr(article, "factcheck", None)
    if check is None:
        return {}
    url = absolute(article.url)
    claim: dict[str, Any] = {"@type": "Claim"}
    appearances = [_creative_work(name, link) for name, link in check.appearances]
    if appearances:
        claim["appearance"] = appearances
        claim["firstAppearance"] = appearances[0]
    if check.first_seen is not None:
        claim["datePublished"] = _date(check.first_seen, check.first_seen_has_time, config)
    if kelurahan is not None and getattr(kelurahan, "kim", None):
        author = {"@type": "Organization", "name": kelurahan.kim, "url": absolute(kelurahan.url)}
    else:
        author = dict(publisher)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": check.claim or article.title,
        "reviewRating": {"@type": "Rating", "ratingValue": check.rating, "bestRating": BEST_RATING,
                         "worstRating": WORST_RATING, "alternateName": check.label},
        "itemReviewed": claim,
        "author": author,
        "publisher": publisher,
        "datePublished": _date(article.date, article.has_time, config),
        "inLanguage": config.language,
    }


def _creative_work(name: str, url: str | None) -> dict:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": name}
    if url:
        work["url"] = url
    return work


def _date(moment: datetime, has_time: bool, config: SiteConfig) -> str:
    """The full RFC 3339 moment when the time is known, else the day in the site's zone: "2018-12-27"."""
    return iso_date(moment) if has_time else moment.astimezone(config.zone).date().isoformat()
