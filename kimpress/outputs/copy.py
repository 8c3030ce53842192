"""The "copy" kind: a file published as is (static files, the theme's, an article's photos)."""

from __future__ import annotations

from kimpress.core.stamps import stamp_all
from kimpress.outputs.registry import RenderContext, Rendered, SiteView, StampContext
from kimpress.plan.output import Copy, Output


class CopyKind:
    """Nothing to render: the writer copies the source file, stamped by its digest."""

    name = "copy"

    def stamp(self, output: Output, context: StampContext) -> bytes:
        copy: Copy = output.payload
        return stamp_all(output.url, copy.source, context.file_digest(copy.source))

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        return Rendered(output, None, source=output.payload.source)
