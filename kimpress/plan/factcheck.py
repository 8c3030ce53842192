"""Plan the cek-fakta list (``/cek-fakta/``, paginated) and its feeds, once the site has a fact check.

The list holds every article with a verdict, newest first, whatever its rubrik or
kelurahan. Its address is the ``factchecks`` permalink; a kelurahan or page that
claims it too is reported by the conflict check like any other clash.
"""

from __future__ import annotations

from kimpress.model.factcheck import FACTCHECK_RUBRIK
from kimpress.model.types import Site
from kimpress.plan.feeds import FeedSpec
from kimpress.plan.output import Output, file_output, page_output
from kimpress.plan.pages import feed_links, paginate

FEED_KIND = "factcheck"
TEMPLATE = "factcheck_list.html"
LIST_NAMES = {"id": "Cek Fakta", "en": "Fact checks"}


def factcheck_list_name(site: Site) -> str:
    """The list's name: the label site.yaml gives the cek-fakta rubrik, else "Cek Fakta" ("Fact checks")."""
    labels = {slug: label for slug, label in site.config.categories}
    named = next((labels[slug] for slug in sorted(FACTCHECK_RUBRIK) if slug in labels), None)
    return named or LIST_NAMES.get(site.config.language, LIST_NAMES["en"])


def plan_factchecks(site: Site) -> list[Output]:
    """The pages of the cek-fakta list and one feed per format; nothing when the site has no fact check."""
    if not site.factchecks:
        return []
    config = site.config
    url = config.permalinks["factchecks"]
    name = factcheck_list_name(site)
    feeds = feed_links(config, FEED_KIND, "", url, name)
    outputs = [page_output(page.url, TEMPLATE, {"pagination": page, "feeds": feeds, "list_name": name})
               for page in paginate(site.factchecks, url, config.paginate)]
    description = config.description or config.title
    outputs += [file_output(link.url, "feed", FeedSpec(link, site.factchecks[:config.feeds.limit], description))
                for link in feeds]
    return outputs
