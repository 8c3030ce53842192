"""Plan the feeds of every list (site, kecamatan, kelurahan, rubrik, tag, author) in each format."""

from __future__ import annotations

from dataclasses import dataclass

from kimpress.model.types import Article, Site
from kimpress.plan.output import Output, file_output
from kimpress.plan.pages import FeedLink, all_feed_lists, feed_links


@dataclass(frozen=True)
class FeedSpec:
    """Everything one feed file shows."""

    link: FeedLink
    articles: tuple[Article, ...]
    description: str


def plan_feeds(site: Site) -> list[Output]:
    """One output per feed format of every list whose kind is switched on."""
    config = site.config
    outputs = []
    for kind, slug, list_url, name, articles in all_feed_lists(site):
        for link in feed_links(config, kind, slug, list_url, name):
            spec = FeedSpec(link, articles[:config.feeds.limit], config.description or config.title)
            outputs.append(file_output(link.url, "feed", spec))
    return outputs
