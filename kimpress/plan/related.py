"""Related articles for an article page: shared tags first, then the same kelurahan, newest first.

Candidates come from the article's own tag and kelurahan lists (each cut to its newest
entries), so the cost per article stays small on a site of ten thousand.
"""

from __future__ import annotations

import heapq

from kimpress.model.types import Article, Site

CANDIDATES_PER_LIST = 24  # the newest of each list: enough to fill four slots, cheap at 10,000 articles
TAG_WEIGHT = 3
SAME_KELURAHAN_WEIGHT = 2
SAME_CATEGORY_WEIGHT = 1


class RelatedArticles:
    """Finds the related articles of any article of one site; made once per plan."""

    def __init__(self, site: Site) -> None:
        self._site = site
        self._position = {article.uid: index for index, article in enumerate(site.articles)}  # newest first

    def of(self, article: Article, limit: int = 4) -> tuple[Article, ...]:
        """Up to ``limit`` other articles most like ``article``; none that share nothing with it."""
        site = self._site
        scores: dict[str, int] = {}
        found: dict[str, Article] = {}

        def consider(items: tuple[Article, ...], weight: int) -> None:
            for other in items[:CANDIDATES_PER_LIST]:
                if other.uid != article.uid:
                    scores[other.uid] = scores.get(other.uid, 0) + weight
                    found[other.uid] = other

        for tag in article.tags:
            consider(site.by_tag.get(tag.slug, ()), TAG_WEIGHT)
        consider(site.by_kelurahan.get(article.kelurahan, ()), SAME_KELURAHAN_WEIGHT)
        if article.category is not None:
            consider(site.by_category.get(article.category.slug, ()), SAME_CATEGORY_WEIGHT)
        position = self._position
        best = heapq.nsmallest(limit, scores, key=lambda uid: (-scores[uid], position.get(uid, 0), uid))
        return tuple(found[uid] for uid in best)
