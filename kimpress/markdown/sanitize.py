"""Allow-list sanitising of the HTML a Markdown body becomes, and what it removed.

Raw HTML in Markdown is the writer's; a KIM site has many writers, so by default
only what the Markdown extensions of ``markup.EXTENSIONS`` produce, plus common
harmless formatting, survives: no scripts, no event handlers, no ``style`` (but
the table alignment Markdown writes), no ``javascript:``/``data:`` URLs, no frames
but YouTube, Google Maps and OpenStreetMap embeds (``kimpress.embeds``).
``removed_markup`` tells which tags and attributes went, so the writer can be
told exactly what was removed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from html.parser import HTMLParser

import nh3

from kimpress.markdown.embeds import allowed_frame

# What Python-Markdown and our extensions emit (core, tables, fenced_code,
# footnotes, toc, def_list, abbr, attr_list), then harmless formatting writers use.
_MARKDOWN_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "a", "img", "code", "pre", "blockquote",
    "ul", "ol", "li", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "sup", "div", "dl", "dt", "dd",
    "abbr",
}
_FORMATTING_TAGS = {
    "span", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "kbd", "samp", "var", "q", "cite",
    "dfn", "time", "figure", "figcaption", "details", "summary", "caption", "tfoot", "colgroup", "col", "wbr",
    "ruby", "rt", "rp", "bdi", "bdo", "address",
}
TAGS = _MARKDOWN_TAGS | _FORMATTING_TAGS | {"iframe"}

# ``id`` carries heading anchors and footnotes, ``class`` the footnote, toc and
# ``language-*`` classes, ``title`` links, images and abbreviations; attr_list may
# put any of them on any element.
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "target"},  # target="_blank" implies rel=noopener in current browsers
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "headers"},
    "td": {"colspan", "rowspan", "headers"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "details": {"open"},
    "iframe": {"src", "width", "height", "allow", "allowfullscreen", "loading", "referrerpolicy", "frameborder"},
}

# The tables extension aligns columns with ``style``; nothing else may carry one.
_ALIGN = {f"text-align: {side};" for side in ("left", "center", "right")}
# The embed code YouTube and Google Maps give sets a frame's border off; it is harmless, so no warning.
_NO_BORDER = {"border:0;", "border: 0;", "border:0", "border: 0", "border:none;", "border: none;"}
ATTRIBUTE_VALUES = {"th": {"style": _ALIGN}, "td": {"style": _ALIGN}, "iframe": {"style": _NO_BORDER}}

URL_SCHEMES = {"http", "https", "mailto", "tel"}


def _only_allowed_frames(tag: str, attribute: str, value: str) -> str | None:
    """Keep an iframe's address only when it is a YouTube, Google Maps or OpenStreetMap embed."""
    if tag == "iframe" and attribute == "src" and allowed_frame(value) is None:
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags={"script", "style"},
    attributes=ATTRIBUTES,
    tag_attribute_values=ATTRIBUTE_VALUES,
    attribute_filter=_only_allowed_frames,
    url_schemes=URL_SCHEMES,
    link_rel=None,  # keep Markdown's own links (footnotes, toc) exactly as written
    strip_comments=True,
)


def clean_html(html: str) -> str:
    """Keep only allow-listed tags, attributes and URL schemes of ``html``."""
    return _CLEANER.clean(html)


@dataclass(frozen=True)
class Removal:
    """One kind of markup the sanitiser removed: a whole tag, or one attribute of a tag.

    ``value`` is the attribute's first removed value (an address tells why it went);
    ``line`` is the line of the Markdown where it first appears, when found.
    """

    tag: str
    attribute: str | None = None
    value: str = ""
    line: int | None = None


class _Markup(HTMLParser):
    """Count each start tag as ``<tag>`` and each attribute as ``<tag attribute>``, with its values."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[str] = Counter()
        self.values: dict[str, Counter[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found[f"<{tag}>"] += 1
        for name, value in dict(reversed(attrs)).items():  # a repeated attribute counts once, as in HTML
            key = f"<{tag} {name}>"
            self.found[key] += 1
            self.values.setdefault(key, Counter())[value or ""] += 1


    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![...[`` sections, where Python 3.11 raises on a keyword it does not know (``<![foo[``).

        Such a section is read up to its next ``>``, as browsers read a bogus comment.
        """
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1


def _markup(html: str) -> _Markup:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser


# Plain markup, which every version of ``html.parser`` tokenises alike: start tags with ASCII
# names, separators and attribute names, values quoted or plainly unquoted; end tags that are a
# bare name. Any other ``<`` before a letter, ``/``, ``!`` or ``?`` (comments, declarations, odd
# tags) fills the last group. A start tag takes an end tag right after it along, which shows an
# element whose content is raw text (read differently by each version) to be empty.
_SPACE = r"[ \t\n\r\f]"
_NAME = r"[a-zA-Z][a-zA-Z0-9-]*"
_ATTRIBUTE = r"[a-zA-Z_:][-a-zA-Z0-9_:.]*"
_VALUE = rf"""(?:{_SPACE}*={_SPACE}*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_ATTRIBUTE_NAME = re.compile(rf"{_SPACE}+({_ATTRIBUTE}){_VALUE}")
_TOKEN = re.compile(rf"<(?:({_NAME})((?:{_SPACE}+{_ATTRIBUTE}{_VALUE})*){_SPACE}*/?>(?:</({_NAME}){_SPACE}*>)?"
                    rf"|/{_NAME}{_SPACE}*>|([a-zA-Z/!?])|)")
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
                       "plaintext"})


def _plain_markup(html: str) -> Counter[str | tuple[str, str]] | None:
    """What ``_Markup`` would count in ``html``, by tag and by (tag, attribute); None unless it is plain markup."""
    keys: list[str | tuple[str, str]] = []
    for name, attributes, closed, bad in _TOKEN.findall(html):
        if bad:
            return None
        if name:
            tag = name.lower()
            if tag in _RAW_TEXT and (tag == "plaintext" or closed.lower() != tag):
                return None
            keys.append(tag)
            if attributes:
                keys += [(tag, attribute) for attribute in {a.lower() for a in _ATTRIBUTE_NAME.findall(attributes)}]
    return Counter(keys)


def _nothing_gone(before: str, after: str) -> bool:
    """True if ``_Markup`` surely counts nothing in ``before`` that ``after`` lacks, told without parsing."""
    if before == after:
        return "<![" not in before  # html.parser 3.11 raises on some ``<![`` sections: leave those to it
    was = _plain_markup(before)
    now = _plain_markup(after) if was is not None else None
    return was is not None and now is not None and all(now[key] >= count for key, count in was.items())


def removed_markup(before: str, after: str) -> list[Removal]:
    """Tags and attributes of ``before`` that ``after`` lacks, in document order.

    The attributes of a tag that went entirely are not listed apart. Both are parsed
    only when something may have gone: not when nh3 returned ``before`` unchanged
    (most Markdown), nor when both are plain markup and ``after`` still has every tag
    and attribute of ``before``.
    """
    if _nothing_gone(before, after):
        return []
    was, now = _markup(before), _markup(after)
    gone = [key for key in was.found if was.found[key] > now.found[key]]
    removed = []
    for key in gone:
        tag, _, attribute = key[1:-1].partition(" ")
        if not attribute:
            removed.append(Removal(tag))
        elif f"<{tag}>" not in gone or now.found[f"<{tag}>"]:
            kept = now.values.get(key, Counter())
            value = next((value for value, count in was.values[key].items() if count > kept[value]), "")
            removed.append(Removal(tag, attribute, value))
    return removed


def locate_removed(text: str, removed: list[Removal]) -> tuple[Removal, ...]:
    """Each removal with the line of ``text`` (the Markdown) it first appears on, if found."""
    located = []
    for item in removed:
        tag, name = re.escape(item.tag), item.attribute  # a "tag" html.parser read may hold [ * ( ...
        if name:
            # The removed value itself (it tells one tag from its twins), then raw HTML, then an attr_list.
            patterns = [re.escape(item.value)] if item.value.strip() else []
            patterns += [rf"<{tag}\b[^>]*?\s{re.escape(name)}\b", rf"(?<![\w-]){re.escape(name)}\s*="]
        else:
            patterns = [rf"<{tag}(?=[\s/>])"]
        line = None
        for pattern in patterns:
            match = re.search(pattern, text, re.IGNORECASE)
            if match:
                line = text.count("\n", 0, match.start()) + 1
                break
        located.append(replace(item, line=line))
    return tuple(located)
