"""The "share-card" kind: the 1200×630 JPEG a link preview shows, kept in the cache like photos."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kimpress.core.stamps import stamp_all
from kimpress.media.card import cover_card, text_card
from kimpress.media.types import ShareCard
from kimpress.outputs.photo import cached_render
from kimpress.outputs.registry import RenderContext, Rendered, SiteView, StampContext
from kimpress.plan.output import Output

RECIPE = 1
MAX_BYTES = 300 * 1024  # WhatsApp shows no preview for a bigger image


class ShareCardKind:
    """Crops the cover, or draws a card from the words."""

    name = "share-card"
    heavy = True

    def stamp(self, output: Output, context: StampContext) -> bytes:
        card: ShareCard = output.payload
        cover = context.file_digest(card.cover) if card.cover else None
        return stamp_all(output.url, RECIPE, dataclasses.astuple(card), cover)

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        card: ShareCard = output.payload
        if card.cover:
            return cached_render(output, context.cache_dir, (RECIPE, "cover", MAX_BYTES), card.cover,
                                 lambda: cover_card(Path(card.cover), MAX_BYTES))
        words = (card.site_name, card.place, card.title, card.label, card.colour)
        return cached_render(output, context.cache_dir, (RECIPE, "text", MAX_BYTES, words), None,
                             lambda: text_card(*words, max_bytes=MAX_BYTES))
