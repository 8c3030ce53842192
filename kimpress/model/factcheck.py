"""Cek fakta: the verdict a KIM gives a claim that circulates, read from front matter.

An article is a fact check when it has a ``verdict`` (or, in the cek-fakta rubrik,
a title typed the Kominfo way, "[HOAKS] ..."). The theme adds the prefix to the
title, shows the verdict as a badge and the claim, where and when it circulated,
and the sources; ``theme.claimreview`` makes its schema.org ``ClaimReview``.

The rating scale of ``reviewRating`` (worst 1, best 5), by how true the claim is:

* 1 false: hoaks, disinformasi, misinformasi, fitnah, penipuan, konten palsu, konten tiruan
* 2 misleading: manipulasi, konten menyesatkan, konteks keliru, koneksi keliru, satire
* 3 partly true: sebagian benar
* 4 is not used
* 5 true: benar

Misinformasi and disinformasi are both false claims (spread unknowingly or on purpose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from types import MappingProxyType
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from kimpress.config.options import suggest
from kimpress.core.dates import DateProblem, parse_when
from kimpress.core.errors import Diagnostic, error, warning
from kimpress.core.urls import slugify
from kimpress.source.frontmatter import Document
from kimpress.source.metadata import Meta, spellings

FACTCHECK_RUBRIK = frozenset({"cek-fakta", "cekfakta", "klarifikasi-hoaks"})  # category slugs of the rubrik
FACTCHECK_KEYS = ("verdict", "claim", "claim_seen_on", "claim_date", "sources")


@dataclass(frozen=True)
class Verdict:
    """One verdict: its labels and title prefixes in Indonesian and English, its rating 1-5."""

    slug: str
    label_id: str
    label_en: str
    rating: int

    def label(self, language: str) -> str:
        return self.label_id if language == "id" else self.label_en

    def prefix(self, language: str) -> str:
        """The title prefix readers know, without brackets: "HOAKS", "SEBAGIAN BENAR"."""
        return self.label(language).upper()


def _table(*rows: tuple[str, str, str, int]) -> Mapping[str, Verdict]:
    return MappingProxyType({row[0]: Verdict(*row) for row in rows})


VERDICTS: Mapping[str, Verdict] = _table(
    ("hoaks", "Hoaks", "Hoax", 1),
    ("disinformasi", "Disinformasi", "Disinformation", 1),
    ("misinformasi", "Misinformasi", "Misinformation", 1),
    ("fitnah", "Fitnah", "Slander", 1),
    ("penipuan", "Penipuan", "Scam", 1),
    ("konten-palsu", "Konten Palsu", "Fabricated Content", 1),
    ("konten-tiruan", "Konten Tiruan", "Impostor Content", 1),
    ("manipulasi", "Manipulasi", "Manipulated Content", 2),
    ("konten-menyesatkan", "Konten Menyesatkan", "Misleading Content", 2),
    ("konteks-keliru", "Konteks Keliru", "False Context", 2),
    ("koneksi-keliru", "Koneksi Keliru", "False Connection", 2),
    ("satire", "Satire", "Satire", 2),
    ("sebagian-benar", "Sebagian Benar", "Partly True", 3),
    ("benar", "Benar", "True", 5),
)

# What writers type for each verdict (compared as slugs: "HOAKS", "Sebagian benar" and "[hoax]" all match).
VERDICT_ALIASES: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(("hoax", "hoaxs", "salah", "keliru", "bohong", "berita-bohong", "false", "fake"), "hoaks"),
    **dict.fromkeys(("disinformation", "disinfo"), "disinformasi"),
    **dict.fromkeys(("misinformation", "misinfo"), "misinformasi"),
    **dict.fromkeys(("slander", "defamation"), "fitnah"),
    **dict.fromkeys(("scam", "tipuan", "phishing"), "penipuan"),
    **dict.fromkeys(("palsu", "fabricated", "fabricated-content"), "konten-palsu"),
    **dict.fromkeys(("tiruan", "impostor", "imposter", "impostor-content", "pencatutan"), "konten-tiruan"),
    **dict.fromkeys(("dimanipulasi", "konten-yang-dimanipulasi", "konten-manipulasi", "manipulated",
                     "manipulated-content"), "manipulasi"),
    **dict.fromkeys(("menyesatkan", "misleading", "misleading-content"), "konten-menyesatkan"),
    **dict.fromkeys(("konteks-yang-salah", "konteks-salah", "salah-konteks", "konteks-yang-keliru",
                     "false-context"), "konteks-keliru"),
    **dict.fromkeys(("koneksi-yang-salah", "koneksi-salah", "false-connection"), "koneksi-keliru"),
    **dict.fromkeys(("satir", "parodi", "parody", "satire-parodi"), "satire"),
    **dict.fromkeys(("setengah-benar", "benar-sebagian", "partly-true", "half-true", "mixture"), "sebagian-benar"),
    **dict.fromkeys(("fakta", "true", "fact", "tepat"), "benar"),
})

_TYPED_PREFIX = re.compile(r"^\s*\[([^\[\]]{1,40})\]\s*[:\-–—]?\s*")
_MARKDOWN_LINK = re.compile(r"^\[(?P<title>[^\]]*)\]\((?P<url>[^)\s]+)\)$")
_TRAILING_URL = re.compile(r"^(?P<title>.*?)[\s|:–—-]*(?P<url>(?:https?://|www\.)\S+)$")


@dataclass(frozen=True)
class FactCheck:
    """The fact check of an article: verdict (in the site language), claim, where and when, sources."""

    verdict: str  # a slug of VERDICTS
    label: str  # "Hoaks"
    prefix: str  # "HOAKS": the theme writes "[HOAKS] " before the title
    rating: int  # 1 (false) to 5 (true), see the module's scale
    claim: str = ""
    appearances: tuple[tuple[str, str | None], ...] = ()  # (name, URL or None): ("WhatsApp", None)
    first_seen: datetime | None = None
    first_seen_has_time: bool = False
    sources: tuple[tuple[str, str], ...] = ()  # (title, URL)


def match_verdict(text: Any) -> str | None:
    """The verdict slug ``text`` stands for ("HOAKS", "[hoax]", "Sebagian benar"), or None."""
    slug = slugify(str(text))
    return slug if slug in VERDICTS else VERDICT_ALIASES.get(slug)


def split_title_prefix(title: str) -> tuple[str, str | None, str]:
    """(title without a typed verdict prefix, its verdict slug, the prefix as typed) for "[HOAKS] Judul".

    A bracket that names no verdict ("[FOTO] ...") is left in the title.
    """
    match = _TYPED_PREFIX.match(title)
    if match is None or not title[match.end():].strip():
        return title, None, ""
    verdict = match_verdict(match.group(1))
    if verdict is None:
        return title, None, ""
    return title[match.end():].strip(), verdict, match.group(1).strip()


def prefixed_title(article: Any) -> str:
    """The title readers see in lists and feeds: "[HOAKS] Judul" for a fact check, else the title."""
    check = getattr(article, "factcheck", None)
    return f"[{check.prefix}] {article.title}" if check else article.title


def read_factcheck(meta: Meta, document: Document, category: str | None, language: str, zone: tzinfo
                   ) -> tuple[Meta, FactCheck | None, list[Diagnostic]]:
    """The fact check of an article and its meta (title without a typed prefix), with every mistake located.

    ``category`` is the article's rubrik slug. An article that is no fact check keeps the
    fact-check keys it may have for other uses (``sumber: Humas``) in ``extra``, unchecked.
    """
    path = document.rel_path
    in_rubrik = category in FACTCHECK_RUBRIK
    title, typed, typed_text = split_title_prefix(meta.get("title") or "")
    written = meta.get("verdict")
    if written is None and not (in_rubrik and typed):
        if in_rubrik:
            return meta, None, [warning("factcheck-no-verdict", path, _line(document, "category"),
                                        choices=", ".join(VERDICTS))]
        return _kept_aside(meta, document), None, []
    diagnostics: list[Diagnostic] = []
    slug = typed if written is None else match_verdict(written)
    if slug is None:
        return meta, None, [error("unknown-verdict", path, _line(document, "verdict"), value=written,
                                  choices=", ".join(VERDICTS), suggestion=_suggestion(written))]
    verdict = VERDICTS[slug]
    if typed and typed != slug:
        diagnostics.append(warning("factcheck-title-prefix-differs", path, _line(document, "title"), typed=typed_text,
                                   label=verdict.label(language), prefix=verdict.prefix(language)))
    if not in_rubrik:
        diagnostics.append(warning("factcheck-outside-rubrik", path, _line(document, "verdict"),
                                   label=verdict.label(language), category=category or ""))
    line_of = lambda key, index=None: _line(document, key, index)  # noqa: E731
    appearances = _appearances(meta.get("claim_seen_on"), path, line_of, diagnostics)
    sources = _sources(meta.get("sources"), path, line_of, diagnostics)
    date_key = next((name for name in spellings("claim_date") if name in document.meta.lines), "claim_date")
    first_seen = _claim_date(meta.get("claim_date"), path, line_of, zone, diagnostics, date_key)
    check = FactCheck(slug, verdict.label(language), verdict.prefix(language), verdict.rating,
                      str(meta.get("claim") or ""), appearances,
                      first_seen.moment if first_seen else None, bool(first_seen and first_seen.has_time), sources)
    if typed:
        meta = replace(meta, values={**meta.values, "title": title})
    return meta, check, diagnostics


def _suggestion(written: Any) -> str:
    """The nearest verdict to a misspelt one ("hoks" -> "hoaks")."""
    near = suggest(slugify(str(written)), list(VERDICTS) + list(VERDICT_ALIASES))
    return VERDICT_ALIASES.get(near, near)


def _kept_aside(meta: Meta, document: Document) -> Meta:
    """``meta`` with the fact-check keys of an article that is no fact check back in ``extra``, as written."""
    own = document.meta.data or {}
    found = {key: name for key in FACTCHECK_KEYS for name in spellings(key) if name in own}
    if not found and not any(key in meta.values for key in FACTCHECK_KEYS):
        return meta
    values = {key: value for key, value in meta.values.items() if key not in FACTCHECK_KEYS}
    extra = {**meta.extra, **{name: own[name] for name in found.values()}}
    return replace(meta, values=values, extra=extra)


def _line(document: Document, key: str, index: int | None = None) -> int:
    """The line of ``key`` (under any spelling), or of its item ``index``; else the key's, else the first line."""
    lines = document.meta.lines
    for name in spellings(key):
        if name in lines or f"{name}.{index}" in lines:
            return lines.get(f"{name}.{index}") or lines[name]
    return document.front_matter_line or 1


def _items(value: Any) -> list[Any]:
    """A list as written, or one value as a list of one; nothing for an empty value."""
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _link(item: Any, title_keys: tuple[str, ...]) -> tuple[str, str]:
    """(title, URL text) of an item: "https://...", "[Judul](https://...)", "Judul | https://..." or a mapping."""
    if isinstance(item, dict):
        pick = lambda keys: next((str(item[key]).strip() for key in keys if item.get(key)), "")  # noqa: E731
        return pick(title_keys), pick(("url", "tautan", "link", "alamat"))
    text = " ".join(str(item).split())
    match = _MARKDOWN_LINK.match(text)
    if match:
        return match.group("title").strip(), match.group("url")
    if "|" in text:
        title, _, url = text.rpartition("|")
        return title.strip(), url.strip()
    match = _TRAILING_URL.match(text)
    if match:
        return match.group("title").strip(), match.group("url")
    return "", text


def web_url(text: str) -> str | None:
    """``text`` as an absolute http(s) URL ("www.x.id/a" gains https://), or None if it is none."""
    text = text.strip()
    if text.lower().startswith("www."):
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or " " in text:
        return None
    return text


def short_url(url: str) -> str:
    """A link text for a bare URL: its host and path, without the scheme, "www." or a final slash."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return (host + parts.path).rstrip("/") or url


def _sources(value: Any, path: str, line_of: Callable, diagnostics: list[Diagnostic]) -> tuple[tuple[str, str], ...]:
    found = []
    for index, item in enumerate(_items(value)):
        title, text = _link(item, ("title", "judul", "nama", "name"))
        url = web_url(text) if not isinstance(item, list) else None
        if url is None:
            shown = text or str(item)
            diagnostics.append(error("factcheck-source-not-url", path, line_of("sources", index), value=shown[:80]))
            continue
        found.append((title or short_url(url), url))
    return tuple(found)


def _appearances(value: Any, path: str, line_of: Callable, diagnostics: list[Diagnostic]
                 ) -> tuple[tuple[str, str | None], ...]:
    """Where the claim circulated: names ("WhatsApp"), URLs, or both; "WhatsApp, Facebook" is two."""
    if isinstance(value, str) and "://" not in value:
        value = [part for part in value.split(",") if part.strip()]
    found: list[tuple[str, str | None]] = []
    for index, item in enumerate(_items(value)):
        if isinstance(item, list):
            diagnostics.append(error("factcheck-appearance-invalid", path, line_of("claim_seen_on", index)))
            continue
        name, text = _link(item, ("name", "nama", "platform", "title", "judul"))
        url = web_url(text) if text else None
        if text and url is None:
            if name or isinstance(item, dict):  # a link was meant
                diagnostics.append(error("factcheck-source-not-url", path, line_of("claim_seen_on", index),
                                         value=text[:80]))
                continue
            name = text  # plain words: a place such as "grup WhatsApp warga"
        if name or url:
            found.append((name or short_url(url or ""), url))
    return tuple(found)


def _claim_date(value: Any, path: str, line_of: Callable, zone: tzinfo, diagnostics: list[Diagnostic],
                key: str = "claim_date"):
    """When the claim was first seen; a date that cannot be read is reported under the key as written."""
    if value is None:
        return None
    try:
        return parse_when(value, zone)
    except DateProblem as problem:
        diagnostics.append(error(problem.code, path, line_of("claim_date"), key=key, **problem.params))
        return None
