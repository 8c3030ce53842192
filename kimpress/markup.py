"""Markdown to HTML with Python-Markdown, and relative links resolved to site URLs.

A writer links another article by its file (``[teks](../loktuan/banjir.md)``) and
an image by its path beside the article; ``MarkdownRenderer.render`` hands every
such relative reference to a resolver and reports the ones it cannot resolve
with the line they are on. Unless the site trusts every writer, the finished HTML
is then sanitised (``kimpress.sanitize``) and what was removed is reported too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import STX

from kimpress.errors import Diagnostic, warning
from kimpress.sanitize import clean_html, locate_removed, removed_markup
from kimpress.urls import slugify

# Returns the new href, or None when the target does not exist.
LinkResolver = Callable[[str], "str | None"]

EXTENSIONS = ["tables", "fenced_code", "footnotes", "attr_list", "toc", "sane_lists", "def_list", "abbr"]
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/|#|\?)")
_WORD = re.compile(r"\w+")
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class RenderedMarkdown:
    """The HTML of a body, its first paragraph as text, unresolved references and removed markup."""

    html: str
    first_paragraph: str
    broken_links: tuple[tuple[str, int], ...]  # (href as written, line in the body)
    word_count: int
    removed: tuple[tuple[str, int | None], ...] = ()  # ("<tag>" or "<tag attribute>", line in the body)


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
            # A value starting with a stash placeholder is Markdown's own (an obfuscated ``<a@b.id>`` mailto).
            if not value or _EXTERNAL.match(value) or value.startswith(STX) or self.resolve is None:
                continue
            resolved = self.resolve(value)
            if resolved is None:
                self.broken.append(value)
            else:
                element.set(attribute, resolved)


def _heading_id(value: str, separator: str) -> str:
    return slugify(value) or "bagian"


class MarkdownRenderer:
    """One reusable Python-Markdown instance (not thread-safe; one per worker).

    ``sanitize=False`` keeps raw HTML as written (``markdown: {raw_html: allow}``).
    """

    def __init__(self, language: str = "id", sanitize: bool = True) -> None:
        self._sanitize = sanitize
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
        removed: tuple[tuple[str, int | None], ...] = ()
        if self._sanitize:
            # After link rewriting, and on the whole output: raw HTML only returns from the stash at the end.
            clean = clean_html(html)
            removed = locate_removed(text, removed_markup(html, clean))
            html = clean
        first = self._links.first_paragraph
        if STX in first:  # raw HTML inside: the tree only holds placeholders, so read what readers see
            first = _first_paragraph(html)
        return RenderedMarkdown(html, first, broken, len(_WORD.findall(text)), removed)


class _FirstParagraph(HTMLParser):
    """The text of the first non-empty top-level ``<p>``, without script or style content."""

    _VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.parts: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self._VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag):]
        if tag == "p" and not self.open and not self.text:
            self.text = "".join(self.parts).strip()
            self.parts = []

    def handle_data(self, data: str) -> None:
        if self.open and self.open[0] == "p" and not {"script", "style"} & set(self.open):
            self.parts.append(data)


def _first_paragraph(html: str) -> str:
    parser = _FirstParagraph()
    parser.feed(html)
    parser.close()
    return parser.text


def _locate(text: str, hrefs: list[str]) -> tuple[tuple[str, int], ...]:
    """Pair each href (in document order) with the line of its own occurrence."""
    located = []
    searched_from: dict[str, int] = {}
    for href in hrefs:
        index = text.find(href, searched_from.get(href, 0))
        searched_from[href] = index + len(href) if index >= 0 else 0
        located.append((href, text.count("\n", 0, index) + 1 if index >= 0 else 1))
    return tuple(located)


def removal_warnings(path: str, body_line: int, removed: tuple[tuple[str, int | None], ...]) -> list[Diagnostic]:
    """One ``html-removed`` warning per kind of markup the sanitiser removed, at its first line in the file."""
    return [warning("html-removed", path, body_line + line - 1 if line else None, what=what) for what, line in removed]


def reading_minutes(word_count: int) -> int:
    """Minutes an average reader needs, at least one."""
    return max(1, round(word_count / WORDS_PER_MINUTE))
