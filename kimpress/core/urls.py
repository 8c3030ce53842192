"""Slugs, permalink patterns and the mapping from URLs to output files."""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from urllib.parse import quote, urljoin, urlsplit

# Placeholders each permalink kind may use.
PERMALINK_FIELDS: dict[str, frozenset[str]] = {
    "article": frozenset({"kelurahan", "kecamatan", "slug", "year", "month", "day", "category"}),
    "page": frozenset({"slug"}),
    "kelurahan": frozenset({"kelurahan", "kecamatan"}),
    "kecamatan": frozenset({"kecamatan"}),
    "tag": frozenset({"tag"}),
    "category": frozenset({"category"}),
    "author": frozenset({"author"}),
    "year": frozenset({"year"}),
    "month": frozenset({"year", "month"}),
    "tags": frozenset(),
    "categories": frozenset(),
    "authors": frozenset(),
    "archive": frozenset(),
    "kecamatan_index": frozenset(),
    "subscribe": frozenset(),
    "factchecks": frozenset(),
    "search": frozenset(),
    "report": frozenset(),
}

DEFAULT_PERMALINKS: dict[str, str] = {
    "article": "/{kelurahan}/{slug}/",
    "page": "/{slug}/",
    "kelurahan": "/{kelurahan}/",
    "kecamatan": "/kecamatan/{kecamatan}/",
    "kecamatan_index": "/kecamatan/",
    "tag": "/tag/{tag}/",
    "tags": "/tag/",
    "category": "/rubrik/{category}/",
    "categories": "/rubrik/",
    "author": "/penulis/{author}/",
    "authors": "/penulis/",
    "year": "/arsip/{year}/",
    "month": "/arsip/{year}/{month}/",
    "archive": "/arsip/",
    "subscribe": "/langganan/",
    "factchecks": "/cek-fakta/",
    "search": "/cari/",
    "report": "/laporan/",
}

# An English site names its built-in lists in English; "districts" stands for kecamatan.
ENGLISH_PERMALINKS: dict[str, str] = {
    **DEFAULT_PERMALINKS,
    "kecamatan": "/districts/{kecamatan}/",
    "kecamatan_index": "/districts/",
    "tag": "/tags/{tag}/",
    "tags": "/tags/",
    "category": "/categories/{category}/",
    "categories": "/categories/",
    "author": "/authors/{author}/",
    "authors": "/authors/",
    "year": "/archive/{year}/",
    "month": "/archive/{year}/{month}/",
    "archive": "/archive/",
    "subscribe": "/subscribe/",
    "factchecks": "/fact-checks/",
    "search": "/search/",
    "report": "/report/",
}


def default_permalinks(language: str) -> dict[str, str]:
    """The built-in URL patterns of a site in ``language`` (``permalinks:`` in site.yaml overrides any)."""
    return dict(ENGLISH_PERMALINKS if language == "en" else DEFAULT_PERMALINKS)


# Feed file names beside each list page, and their media types.
FEED_FILES: dict[str, tuple[str, str]] = {
    "rss": ("feed.xml", "application/rss+xml"),
    "atom": ("atom.xml", "application/atom+xml"),
    "json": ("feed.json", "application/feed+json"),
}

PAGE_FOLDER = "page"  # pages 2, 3... of a list: /page/2/, /tag/kim/page/2/

_HYPHENS = re.compile(r"-{2,}")
# Latin letters NFKD does not take apart: folded by hand, as a reader would spell them in ASCII.
_LATIN_FOLDS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i",
                "ħ": "h", "ŧ": "t", "ŀ": "l", "ĸ": "k", "ŋ": "n"}


def slugify(text: str) -> str:
    """Make a lower-case, hyphenated slug that keeps every script: "Lok Tuan" -> "lok-tuan".

    Latin letters fold to ASCII ("Café" -> "cafe"); letters and digits of other
    scripts stay, with their vowel signs ("ꦧꦼꦫꦶꦠ", "بيريتا"), in NFC; emoji,
    punctuation and spaces become single hyphens. Idempotent, and never contains
    "/", ".", "%" or any other character that could leave a URL segment.
    """
    text = unicodedata.normalize("NFC", str(text)).lower()
    parts = [_slug_cluster(base, marks) for base, marks in _clusters(text)]
    slug = _HYPHENS.sub("-", "".join(parts)).strip("-")
    return unicodedata.normalize("NFC", slug)


def term_slug(name: str) -> str:
    """The slug of a tag, author or free rubrik.

    A name of emoji or other symbols alone ("🌊") gets a short digest, so it never
    vanishes; one of punctuation alone ("!!!", "/") names nothing and gets "".
    """
    text = " ".join(str(name).split())
    slug = slugify(text)
    if slug or not any(unicodedata.category(char).startswith("S") for char in text):
        return slug
    return short_digest(text)


def short_digest(text: str) -> str:
    """Six hex digits that stand for ``text`` for good: the slug of a name without letters."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=3).hexdigest()


def has_template_syntax(href: str) -> bool:
    """Tell whether an address holds another generator's template tags (``{{ site.url }}``, ``{% link %}``)."""
    return "{{" in href or "{%" in href


def _clusters(text: str) -> list[tuple[str, str]]:
    """Split into (base character, the combining marks after it); leading marks have no base."""
    clusters: list[tuple[str, str]] = []
    for char in text:
        if unicodedata.category(char)[0] == "M" and clusters:
            base, marks = clusters[-1]
            clusters[-1] = (base, marks + char)
        elif unicodedata.category(char)[0] != "M":
            clusters.append((char, ""))
    return clusters


def _slug_cluster(base: str, marks: str) -> str:
    """The slug text of one base character and its marks."""
    if base.isascii():
        return base if base.isalnum() else "-"  # a Latin letter's extra accents are dropped
    decomposed = "".join(char for char in unicodedata.normalize("NFKD", base + marks)
                         if not unicodedata.combining(char))
    if decomposed and decomposed.isascii():  # é, ﬁ, ², full-width Ａ: spelled in ASCII
        return "".join(char if char.isalnum() else "-" for char in decomposed.lower())
    if base in _LATIN_FOLDS:
        return _LATIN_FOLDS[base]
    category = unicodedata.category(base)
    if category == "Cf":  # zero-width joiners and direction marks shape text, they are not part of words
        return ""
    if category[0] in "LN":
        kept = "".join(mark for mark in marks if unicodedata.category(mark) != "Me" and not _is_selector(mark))
        return base + kept
    return "-"


def _is_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


# Characters a URL may hold as they are (RFC 3986 unreserved and sub-delims, ":" and "@").
_PATH_SAFE = "/-._~!$&'()*+,;=:@"
_URI_SAFE = _PATH_SAFE + "?#[]%"


def encode_path(path: str) -> str:
    """Percent-encode a site path for writing in a URL: "/kabar/ꦧ/" -> "/kabar/%EA%A6%A7/".

    Site paths in the model are never encoded, so "%" is encoded too.
    """
    return quote(path, safe=_PATH_SAFE)


def iri_to_uri(url: str) -> str:
    """Percent-encode what a URI may not hold (spaces, non-ASCII), keeping escapes already there."""
    return quote(url, safe=_URI_SAFE)


def pattern_fields(pattern: str) -> set[str]:
    """Return the placeholder names used in a permalink pattern."""
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name}


def expand_permalink(pattern: str, **values: str) -> str:
    """Fill a permalink pattern; every value is slug-safe already."""
    url = pattern.format(**values)
    url = re.sub(r"/{2,}", "/", url)
    return url if url.startswith("/") else "/" + url


def paginated_url(url: str, page: int) -> str:
    """Return the URL of page ``page`` of a list whose first page is ``url``."""
    return url if page == 1 else f"{url.rstrip('/')}/{PAGE_FOLDER}/{page}/"


def output_path_for(url: str) -> str:
    """Map a site URL to a relative output file: "/a/b/" -> "a/b/index.html"."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    last = path.rsplit("/", 1)[-1]
    return path if "." in last else path + "/index.html"


def base_path(base_url: str) -> str:
    """The path part of the base URL, always ending in "/": "https://x/kim/" -> "/kim/"."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def _has_scheme(url: str) -> bool:
    return ":" in url and bool(urlsplit(url).scheme)


def site_url(base_url: str, url: str) -> str:
    """Root-relative, percent-encoded URL including the base path: "/a/" -> "/kim/a/".

    Absolute URLs pass through, made valid URIs.
    """
    if _has_scheme(url):
        return iri_to_uri(url)
    return base_path(base_url) + encode_path(url.lstrip("/"))


def absolute_url(base_url: str, url: str) -> str:
    """Absolute, percent-encoded URL of a site URL ("/a/" -> "https://x/kim/a/"); absolute URLs pass through."""
    if _has_scheme(url):
        return iri_to_uri(url)
    relative = encode_path(url.lstrip("/"))
    if base_url.endswith("/") and not any(part in (".", "..") for part in relative.split("/")):
        return base_url + relative  # nothing for urljoin to resolve: the same string, faster
    return urljoin(base_url, "./" + relative)  # "./": a first segment with ":" is a path, not a scheme
