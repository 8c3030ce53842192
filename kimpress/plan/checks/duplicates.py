"""Likely duplicates: the same title twice in one kelurahan, or the same text anywhere.

A volunteer who sends an article twice (from the web editor and by hand, or once
per WhatsApp group) gets two pages and two feed entries; the check names both.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Iterable, Mapping

from kimpress.core.errors import Diagnostic, warning
from kimpress.model.types import Article, Site
from kimpress.plan.checks.content import key_line
from kimpress.source.frontmatter import Document

MIN_BODY = 120  # shorter bodies ("Segera hadir.") may well repeat
_NOT_WORD = re.compile(r"[\W_]+")


def normalized(text: str) -> str:
    """Text compared for sameness: case, accents, punctuation and spacing left out."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return _NOT_WORD.sub(" ", "".join(char for char in folded if not unicodedata.combining(char))).strip()


def check_duplicates(site: Site, documents: Mapping[str, Document]) -> list[Diagnostic]:
    """A warning on each article of a group that shares its title (per kelurahan) or its whole text."""
    by_title: dict[tuple[str, str], list[Article]] = {}
    by_body: dict[bytes, list[Article]] = {}
    for article in site.articles:
        document = documents.get(article.source)
        title = normalized(str(document.meta.data.get("title") or document.meta.data.get("judul") or article.title)
                           if document and isinstance(document.meta.data, dict) else article.title)
        if title:
            by_title.setdefault((article.kelurahan, title), []).append(article)
        body = normalized(document.body) if document else ""
        if len(body) >= MIN_BODY:
            by_body.setdefault(hashlib.blake2b(body.encode(), digest_size=16).digest(), []).append(article)
    found: list[Diagnostic] = []
    for group in _groups(by_title.values()):
        for article in group:
            found.append(warning("duplicate-title", article.source, key_line(documents.get(article.source), "title"),
                                 title=article.title, other=_others(article, group)))
    for group in _groups(by_body.values()):
        for article in group:
            document = documents.get(article.source)
            found.append(warning("duplicate-body", article.source, document.body_line if document else None,
                                 other=_others(article, group)))
    return found


def _groups(groups: Iterable[list[Article]]) -> list[list[Article]]:
    return [sorted(group, key=lambda article: article.source) for group in groups if len(group) > 1]


def _others(article: Article, group: list[Article]) -> str:
    return ", ".join(other.source for other in group if other is not article)
