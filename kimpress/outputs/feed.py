"""The "feed" kind: RSS, Atom and JSON Feed files of one list (see ``feed_formats``)."""

from __future__ import annotations

from kimpress.core.stamps import stamp, stamp_all
from kimpress.outputs.feed_formats import FeedCache, render_feed
from kimpress.outputs.registry import RenderContext, Rendered, SiteView, StampContext
from kimpress.plan.feeds import FeedSpec
from kimpress.plan.output import Output


class FeedKind:
    """Renders ``FeedSpec`` payloads; bodies in feed form and absolute URLs are made once per build."""

    name = "feed"

    def __init__(self) -> None:
        self._caches: dict[str, FeedCache] = {}

    def stamp(self, output: Output, context: StampContext) -> bytes:
        return stamp_all(output.url, stamp(output.payload), context.sizes_key)

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        spec: FeedSpec = output.payload
        base_url = context.site.config.base_url
        cache = self._caches.setdefault(base_url, FeedCache(base_url))
        return Rendered(output, render_feed(site, spec, context.sizes, cache))  # type: ignore[arg-type]
