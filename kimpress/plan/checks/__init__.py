"""What ``kimpress check`` finds beyond what a build refuses or warns about.

Each module looks at the finished model (and, for anchors, the pages rendered in
memory) and returns located warnings; none of them changes what a build makes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Mapping

from kimpress.core.errors import Diagnostic
from kimpress.model.types import Site
from kimpress.plan.checks.anchors import check_anchors
from kimpress.plan.checks.content import check_dates, check_summaries
from kimpress.plan.checks.duplicates import check_duplicates
from kimpress.plan.checks.names import check_kelurahan_folders, check_near_names
from kimpress.source.frontmatter import Document


def audit(site: Site, documents: Mapping[str, Document], pages: Mapping[str, bytes], now: datetime
          ) -> list[Diagnostic]:
    """Every finding of the checks, for a site, its parsed sources and its pages by site URL."""
    return (check_anchors(site, documents, pages) + check_summaries(site, documents)
            + check_dates(site, documents, now) + check_duplicates(site, documents)
            + check_near_names(site, documents) + check_kelurahan_folders(site))
