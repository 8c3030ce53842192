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
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser
from typing import Any, Callable, Sequence
from urllib.parse import urlsplit

import markdown
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import STX

from kimpress.core.errors import Diagnostic, warning
from kimpress.core.urls import has_template_syntax, iri_to_uri, slugify
from kimpress.markdown.embeds import EmbedExtension, responsive_frames
from kimpress.markdown.sanitize import Removal, clean_html, locate_removed, removed_markup
from kimpress.markdown.summary import says_something
from kimpress.markdown.triggers import install as install_inline_triggers

# Returns the new href, or None when the target does not exist.
LinkResolver = Callable[[str], "str | None"]

EXTENSIONS = ["tables", "fenced_code", "footnotes", "attr_list", "toc", "sane_lists", "def_list", "abbr"]
_WORD = re.compile(r"\w+")
WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class RenderedMarkdown:
    """The HTML of a body, its first paragraph as text, and what its links and markup need reported.

    Lines are lines of the body. ``root_links`` are the site paths written as
    ``/...`` (checked once the whole site is planned); ``template_links`` are
    links holding another generator's template syntax (``{{ site.url }}``).
    """

    html: str
    first_paragraph: str
    broken_links: tuple[tuple[str, int], ...]  # (href as written, line in the body)
    word_count: int
    removed: tuple[Removal, ...] = ()
    root_links: tuple[tuple[str, int], ...] = ()
    template_links: tuple[tuple[str, int], ...] = ()
    broken_raw_links: tuple[tuple[str, int], ...] = ()  # in raw HTML: warned about, not fatal
    images_without_alt: tuple[tuple[str, int], ...] = ()  # (src as written, line): readers who cannot see get nothing


class _TreeNotes(Treeprocessor):
    """Note what the Markdown itself made: the first top-level paragraph that says something (not a label,
    not a picture), and every link and image address (the others come from raw HTML)."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.first_paragraph = ""
        self.addresses: set[str] = set()

    def run(self, root: etree.Element) -> None:
        self.first_paragraph = ""
        self.addresses = {value for element in root.iter() for name in ("href", "src")
                          if (value := element.get(name)) is not None}
        for child in root:
            if child.tag == "p":
                text = "".join(child.itertext()).strip()
                if says_something(text):
                    self.first_paragraph = text
                    break


class _TemplateSafeAttrList(AttrListTreeprocessor):
    """attr_list that leaves ``{% ... %}`` and ``{{ ... }}`` alone: they are template tags, not attributes."""

    BASE_RE = r"\{\:?[ ]*([^\}\n %{][^\n]*)\}"
    HEADER_RE = re.compile(r"[ ]+{}[ ]*$".format(BASE_RE))
    BLOCK_RE = re.compile(r"\n[ ]*{}[ ]*$".format(BASE_RE))
    INLINE_RE = re.compile(r"^{}".format(BASE_RE))


def _heading_id(value: str, separator: str) -> str:
    return slugify(value) or "bagian"


class MarkdownRenderer:
    """One reusable Python-Markdown instance (not thread-safe; one per worker).

    ``sanitize=False`` keeps raw HTML as written (``markdown: {raw_html: allow}``);
    ``extensions`` are Python-Markdown extensions added by plugins.
    """

    def __init__(self, language: str = "id", sanitize: bool = True, extensions: Sequence[Any] = ()) -> None:
        self._sanitize = sanitize
        self._language = language
        backlink = "Kembali ke teks" if language == "id" else "Back to the text"
        self._md = markdown.Markdown(
            extensions=EXTENSIONS + [EmbedExtension(language), *extensions],
            extension_configs={"toc": {"slugify": _heading_id}, "footnotes": {"BACKLINK_TITLE": backlink}},
            output_format="html",
        )
        self._md.treeprocessors.register(_TemplateSafeAttrList(self._md), "attr_list", 8)
        self._notes = _TreeNotes(self._md)
        # After the inline processor (20) has made the <a> and <img> elements.
        self._md.treeprocessors.register(self._notes, "kimpress_notes", 15)
        install_inline_triggers(self._md)

    def warm(self, texts: Sequence[tuple[str, LinkResolver | None]]) -> None:
        """Nothing to prepare: without a cache each text is converted when asked for."""

    def render(self, text: str, resolve: LinkResolver | None = None) -> RenderedMarkdown:
        """Convert ``text``; every relative or root-relative reference goes through ``resolve``."""
        self._md.reset()
        html = self._md.convert(text)
        removed: tuple[Removal, ...] = ()
        if self._sanitize:
            # On the whole output: raw HTML only returns from the stash at the end.
            clean = clean_html(html)
            removed = locate_removed(text, removed_markup(html, clean))
            html = clean
        html = responsive_frames(html, drop_empty=self._sanitize, language=self._language)
        links = rewrite_links(html, resolve)
        first = self._notes.first_paragraph
        if STX in first:  # raw HTML inside: the tree only holds placeholders, so read what readers see
            first = _first_paragraph(links.html)
        # A broken address Markdown wrote stops the build; one in pasted raw HTML is only a warning.
        broken = [href for href in links.broken if href in self._notes.addresses]
        broken_raw = [href for href in links.broken if href not in self._notes.addresses]
        return RenderedMarkdown(links.html, first, _locate(text, broken), len(_WORD.findall(text)), removed,
                                _locate(text, links.rooted), _locate(text, links.templated), _locate(text, broken_raw),
                                _locate(text, links.unlabelled))


@dataclass(frozen=True)
class RewrittenLinks:
    """HTML whose references were resolved, and the references by kind (as written)."""

    html: str
    broken: list[str]
    rooted: list[str]
    templated: list[str]
    unlabelled: list[str] = field(default_factory=list)  # src of each <img> with no alt text


_MARKUP = re.compile(r"<!--.*?-->|<(?P<script>script|style)\b.*?</(?P=script)\s*>|<[a-zA-Z][^<>]*>", re.S | re.I)
_LINK_ATTRIBUTE = re.compile(r"""(\s(?:href|src)\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
_SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def rewrite_links(html: str, resolve: LinkResolver | None) -> RewrittenLinks:
    """Resolve every ``href``/``src`` of ``html`` that points inside the site.

    Markdown links and raw HTML alike, but never text that only looks like a tag
    (code samples are escaped) nor comments or scripts. Addresses of other sites
    are only made valid URIs. A value is written back only when it changed.
    """
    broken: list[str] = []
    rooted: list[str] = []
    templated: list[str] = []

    def new_value(value: str) -> str | None:
        if not value.strip():
            return None
        if has_template_syntax(value):
            templated.append(value)
            return None
        if _SCHEME.match(value) or value.startswith(("#", "?")):  # another site, or this page: only encoded
            return iri_to_uri(value)
        if resolve is None:
            return None
        if value.startswith("/"):
            rooted.append(value)
        resolved = resolve(value)
        if resolved is None:
            broken.append(value)
        return resolved

    def attribute(match: re.Match) -> str:
        written = next(group for group in match.groups()[1:] if group is not None)
        value = unescape(written)
        changed = new_value(value)
        if changed is None or changed == value:
            return match.group(0)
        return f'{match.group(1)}"{escape(changed, quote=True)}"'

    unlabelled: list[str] = []

    def tag(match: re.Match) -> str:
        if match.group(0).startswith("<!--") or match.group("script"):
            return match.group(0)
        if match.group(0)[:4].lower() == "<img":
            alt = _ALT.search(match.group(0))
            if alt is None or not next(value for value in alt.groups() if value is not None).strip():
                source = _SRC.search(match.group(0))
                unlabelled.append(unescape(next(v for v in source.groups() if v is not None)) if source else "")
        return _LINK_ATTRIBUTE.sub(attribute, match.group(0))

    return RewrittenLinks(_MARKUP.sub(tag, html), broken, rooted, templated, unlabelled)


class _FirstParagraph(HTMLParser):
    """The text of the first top-level ``<p>`` that says something, without script or style content."""

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
            text = "".join(self.parts).strip()
            self.text = text if says_something(text) else ""
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


def removal_warnings(path: str, body_line: int, removed: tuple[Removal, ...]) -> list[Diagnostic]:
    """One warning per kind of markup the sanitiser removed, saying exactly what went, at its first line."""
    found = []
    for item in removed:
        line = body_line + item.line - 1 if item.line else None
        tag = f"<{item.tag}>"
        scheme = _SCHEME.match(item.value.strip())
        if item.attribute is None:
            code = "html-tag-and-content-removed" if item.tag in ("script", "style") else "html-tag-removed"
            found.append(warning(code, path, line, tag=tag))
        elif item.tag == "iframe" and item.attribute == "src":
            host = urlsplit(item.value.strip()).hostname or item.value.strip()
            found.append(warning("html-frame-removed", path, line, host=host))
        elif item.tag == "iframe" and item.attribute == "srcdoc":
            found.append(warning("html-frame-without-address-removed", path, line))
        elif item.attribute in ("href", "src") and scheme:
            found.append(warning("html-address-removed", path, line, attribute=item.attribute, tag=tag,
                                 scheme=scheme.group(0).rstrip("/")))
        else:
            found.append(warning("html-attribute-removed", path, line, attribute=item.attribute, tag=tag))
    return found


def reading_minutes(word_count: int) -> int:
    """Minutes an average reader needs, at least one."""
    return max(1, round(word_count / WORDS_PER_MINUTE))
