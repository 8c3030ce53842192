"""Names close to another one: a tag or rubrik that is likely a typo, a kelurahan folder not in the registry.

``kesehatn`` beside ``kesehatan`` splits one topic's list and feed in two; the
rarer spelling is the one flagged. Names that differ only in their digits
(``banjir-2023``, ``banjir-2024``) are different on purpose.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from typing import Mapping

from kimpress.config.options import suggest
from kimpress.core.errors import Diagnostic, warning
from kimpress.model.types import Article, Site, Term
from kimpress.source.frontmatter import Document
from kimpress.source.metadata import spellings

CLOSE = 0.85  # difflib's ratio from which two names are "close"
MIN_LENGTH = 4
_DIGITS = re.compile(r"\d+")


def close_names(counts: Mapping[str, int]) -> dict[str, str]:
    """For each name likely a typo of a more used one (or an equally used one), that other name.

    Only names of about the same length that start with the same letter are
    compared, which keeps the work near linear for thousands of tags.
    """
    buckets: dict[str, list[str]] = {}
    for name in counts:
        if len(name) >= MIN_LENGTH:
            buckets.setdefault(name[0], []).append(name)
    found: dict[str, str] = {}
    for names in buckets.values():
        for name in names:
            rivals = [other for other in names if other != name and abs(len(other) - len(name)) <= 2
                      and counts[other] >= counts[name] and _DIGITS.sub("", other) != _DIGITS.sub("", name)]
            best = difflib.get_close_matches(name, rivals, n=1, cutoff=CLOSE)
            if best:
                found[name] = best[0]
    return found


def check_near_names(site: Site, documents: Mapping[str, Document]) -> list[Diagnostic]:
    """A warning at each use of a tag (or, without a rubrik list in site.yaml, a rubrik) close to another."""
    found = _near(site, documents, site.by_tag, site.tags, "tags", "tag-close-to-other")
    if not site.config.categories:
        found += _near(site, documents, site.by_category, site.categories, "category", "category-close-to-other")
    return found


def _near(site: Site, documents: Mapping[str, Document], by_slug: Mapping[str, tuple[Article, ...]],
          terms: tuple[Term, ...], key: str, code: str) -> list[Diagnostic]:
    counts = {slug: len(articles) for slug, articles in by_slug.items()}
    names = {term.slug: term.name for term in terms}
    found: list[Diagnostic] = []
    for slug, other in sorted(close_names(counts).items()):
        for article in by_slug[slug]:
            found.append(warning(code, article.source, _term_line(documents.get(article.source), key, names[slug]),
                                 value=names.get(slug, slug), other=names.get(other, other), count=counts[other],
                                 suggestion=names.get(other, other)))
    return found


def _term_line(document: Document | None, key: str, name: str) -> int | None:
    """The line where ``name`` is written under ``key`` (a list item or the key itself)."""
    if document is None:
        return None
    lines = document.meta.lines
    for spelling in spellings(key):
        items = [path for path in lines if path.startswith(spelling + ".")]
        for path in items:
            if str(document.meta.raw.get(path, "")).strip(" '\"") == name:
                return lines[path]
        if spelling in lines:
            return lines[spelling]
    return document.front_matter_line or None


def check_kelurahan_folders(site: Site) -> list[Diagnostic]:
    """A warning per kelurahan folder of ``content/`` that the ``wilayah`` registry does not list."""
    registry = site.config.region_kelurahan()
    if not registry:
        return []
    found: list[Diagnostic] = []
    for kel in site.kelurahan:
        if kel.slug in registry:
            continue
        articles = site.by_kelurahan.get(kel.slug, ())
        source = articles[0].source if articles else kel.source
        folder = posixpath.dirname(source) if source else f"content/{kel.slug}"
        found.append(warning("kelurahan-not-registered", folder, None, value=posixpath.basename(folder),
                             suggestion=suggest(kel.slug, list(registry))))
    return found
