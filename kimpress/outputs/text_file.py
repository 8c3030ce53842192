"""The "text-file" kind: a file whose bytes were made when the site was planned (``/admin/config.yml``).

Its payload is any frozen value with a ``data`` attribute holding the bytes (see
``kimpress.plan.admin.Generated``). The bytes are its whole input, so they are its stamp:
the file is written again exactly when they change. It reads nothing of the site and
is no page, so the sitemap leaves it out.
"""

from __future__ import annotations

from kimpress.core.stamps import stamp_all
from kimpress.outputs.registry import RenderContext, Rendered, SiteView, StampContext
from kimpress.plan.output import Output


class TextFileKind:
    """Writes the bytes a planner made."""

    name = "text-file"

    def stamp(self, output: Output, context: StampContext) -> bytes:
        return stamp_all(output.url, output.payload.data)

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        return Rendered(output, output.payload.data)
