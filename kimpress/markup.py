"""Markdown to HTML with Python-Markdown, and relative links resolved to site URLs.

A writer links another article by its file (``[teks](../loktuan/banjir.md)``) and
an image by its path beside the article; ``MarkdownRenderer.render`` hands every
such relative reference to a resolver and reports the ones it cannot resolve
with the line they are on.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import Callable

import markdown
from markdown.treeprocessors import Treeprocessor

from kimpress.urls import slugify

# Returns the new href, or None when the target does not exist.
LinkResolver = Callable[[str], "str | None"]

EXTENSIONS = ["tables", "fenced_code", "footnotes", "attr_list", "toc", "sane_lists", "def_list", "abbr"]
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#|\?)")
_WORD = re.compile(r"\w+")
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class RenderedMarkdown:
    """The HTML of a body, its first paragraph as text, and unresolved references."""

    html: str
    first_paragraph: str
    broken_links: tuple[tuple[str, int], ...]  # (href as written, line in the body)
    word_count: int


class _LinkTreeprocessor(Treeprocessor):
    """Rewrite relative ``href``/``src`` through the current resolver."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.resolve: LinkResolver | None = None
        self.broken: list[str] = []
        self.first_paragraph = ""

    def run(self, root: etree.Element) -> None:
        self.broken = []
        self.first_paragraph = ""
        for child in root:
            if child.tag == "p":
                self.first_paragraph = "".join(child.itertext()).strip()
                if self.first_paragraph:
                    break
        for element in root.iter():
            attribute = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            if attribute is None:
                continue
            value = element.get(attribute)
            if not value or _EXTERNAL.match(value) or self.resolve is None:
                continue
            resolved = self.resolve(value)
            if resolved is None:
                self.broken.append(value)
            else:
                element.set(attribute, resolved)


def _heading_id(value: str, separator: str) -> str:
    return slugify(value) or "bagian"


class MarkdownRenderer:
    """One reusable Python-Markdown instance (not thread-safe; one per worker)."""

    def __init__(self, language: str = "id") -> None:
        backlink = "Kembali ke teks" if language == "id" else "Back to the text"
        self._md = markdown.Markdown(
            extensions=EXTENSIONS,
            extension_configs={"toc": {"slugify": _heading_id}, "footnotes": {"BACKLINK_TITLE": backlink}},
            output_format="html",
        )
        self._links = _LinkTreeprocessor(self._md)
        # After the inline processor (20) has created the <a> and <img> elements.
        self._md.treeprocessors.register(self._links, "kimpress_links", 15)

    def render(self, text: str, resolve: LinkResolver | None = None) -> RenderedMarkdown:
        """Convert ``text``; every relative reference goes through ``resolve``."""
        self._md.reset()
        self._links.resolve = resolve
        html = self._md.convert(text)
        broken = _locate(text, self._links.broken)
        return RenderedMarkdown(html, self._links.first_paragraph, broken, len(_WORD.findall(text)))


def _locate(text: str, hrefs: list[str]) -> tuple[tuple[str, int], ...]:
    """Pair each href (in document order) with the line of its own occurrence."""
    located = []
    searched_from: dict[str, int] = {}
    for href in hrefs:
        index = text.find(href, searched_from.get(href, 0))
        searched_from[href] = index + len(href) if index >= 0 else 0
        located.append((href, text.count("\n", 0, index) + 1 if index >= 0 else 1))
    return tuple(located)


def reading_minutes(word_count: int) -> int:
    """Minutes an average reader needs, at least one."""
    return max(1, round(word_count / WORDS_PER_MINUTE))
