"""The weight budget: a page or photo heavier than site.yaml's ``budget`` gets a warning naming it.

Readers pay for every kilobyte on mobile data. A page counts its HTML and the
stylesheet it loads (a monthly edition, made to be printed or mailed whole, is not
counted); a photo counts the file pages put in ``src`` (wider variants are
only fetched by wide screens) and any photo published as it is.
"""

from __future__ import annotations

import math
from typing import Iterable

from kimpress.config.site import SiteConfig
from kimpress.core.errors import Diagnostic, warning
from kimpress.media.catalog import is_photo
from kimpress.plan.output import Output

KIB = 1024


def over_budget(config: SiteConfig, published: Iterable[tuple[Output, int]], src_urls: set[str],
                stylesheet_bytes: int = 0) -> list[Diagnostic]:
    """One warning per page over ``budget.html_kb`` and per shown photo over ``budget.image_kb``."""
    html_limit = config.budget.html_kb * KIB
    image_limit = config.budget.image_kb * KIB
    found: list[Diagnostic] = []
    for output, size in published:
        if output.kind == "page" and output.path.endswith(".html") and not output.context.get("edition"):
            total = size + stylesheet_bytes
            if total > html_limit:
                found.append(warning("page-over-budget", output.origin, output.origin_line, url=output.url,
                                     size=_kb(total), budget=config.budget.html_kb))
        elif (output.url in src_urls or output.kind == "copy") and is_photo(output.url) and size > image_limit:
            found.append(warning("image-over-budget", output.origin, None, url=output.url, size=_kb(size),
                                 budget=config.budget.image_kb))
    return found


def _kb(size: int) -> str:
    return str(math.ceil(size / KIB))
