"""Plan the share images (1200×630 JPEG) that link previews show: one per article, one for the site.

An article with a raster cover shares its cover, cropped; any other gets a card drawn
from its title, kelurahan and rubrik colour. The site's own card is for every other page.
"""

from __future__ import annotations

import posixpath

from kimpress.media.types import ShareCard
from kimpress.model.types import Article, Site
from kimpress.plan.output import Output, file_output

CARD_WIDTH, CARD_HEIGHT = 1200, 630
CARD_FILE = "og.jpg"
SITE_CARD_URL = "/" + CARD_FILE

# Rubrik colours, shared with the default theme's chips (white text on each passes 4.5:1).
RUBRIK_COLOURS = {
    "berita": "#0b5d7a", "pengumuman": "#8a4b00", "agenda": "#2f6b2f", "cek-fakta": "#b3261e",
    "umkm": "#6b3fa0", "galeri": "#3d4f63", "opini": "#7a3b5c",
}
DEFAULT_COLOUR = "#0b5d7a"


def share_image_url(article_url: str) -> str:
    """``/loktuan/banjir/`` -> ``/loktuan/banjir/og.jpg``; ``/a/b.html`` -> ``/a/b-og.jpg``."""
    if article_url.endswith("/"):
        return article_url + CARD_FILE
    return posixpath.splitext(article_url)[0] + "-" + CARD_FILE


def plan_share_cards(site: Site) -> list[Output]:
    """The site's card and every article's."""
    config = site.config
    place = config.city or config.title
    outputs = [file_output(SITE_CARD_URL, "share-card",
                           ShareCard(config.title, place, config.description or config.title, "", DEFAULT_COLOUR))]
    claimed: set[str] = set()
    sources = {asset.url: str(config.site_dir / asset.source) for asset in site.assets}
    for article in site.articles:
        url = share_image_url(article.url)
        if url in claimed:  # two articles at one address: the conflict check names them once, by their pages
            continue
        claimed.add(url)
        outputs.append(file_output(url, "share-card", _card(site, article, sources), article.source,
                                   article.slug_line))
    return outputs


def _card(site: Site, article: Article, sources: dict[str, str]) -> ShareCard:
    kel = site.kelurahan_named(article.kelurahan)
    category = article.category
    colour = RUBRIK_COLOURS.get(category.slug, DEFAULT_COLOUR) if category else DEFAULT_COLOUR
    cover = site.images.get(article.cover_url) if article.cover_url else None
    cover_source = _source_of(site, sources, article.cover_url) if cover is not None and cover.fallbacks else None
    prefix = f"[{article.factcheck.prefix}] " if getattr(article, "factcheck", None) else ""
    return ShareCard(site.config.title, kel.name if kel else "", prefix + article.title,
                     category.name if category else "", colour, cover_source)


def _source_of(site: Site, sources: dict[str, str], url: str) -> str | None:
    """The file on disk of a cover published at ``url`` (an article's file or one of static/)."""
    if url in sources:
        return sources[url]
    static = site.config.static_dir / url.lstrip("/")
    return str(static) if static.is_file() else None
