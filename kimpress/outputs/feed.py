"""The "feed" kind: RSS, Atom and JSON Feed files of one list (see ``feed_formats``)."""

from __future__ import annotations

from kimpress.core.stamps import stamp, stamp_all
from kimpress.outputs.feed_formats import render_feed
from kimpress.outputs.registry import RenderContext, Rendered, SiteView, StampContext
from kimpress.plan.feeds import FeedSpec
from kimpress.plan.output import Output


class FeedKind:
    """Renders ``FeedSpec`` payloads; article bodies in feed form are made once per build."""

    name = "feed"

    def __init__(self) -> None:
        self._bodies: dict[tuple[str, str], str] = {}

    def stamp(self, output: Output, context: StampContext) -> bytes:
        return stamp_all(output.url, stamp(output.payload), context.sizes_key)

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        spec: FeedSpec = output.payload
        return Rendered(output, render_feed(site, spec, context.sizes, self._bodies))  # type: ignore[arg-type]
