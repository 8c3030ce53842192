"""Entries: each article and page with valid metadata, its date, slug, rubrik and URL.

Pure: from a parsed ``Document`` and the site's settings, one function decides
what the writer meant, in the cascade's order (site ``defaults``, the kelurahan's
``defaults``, the front matter), and reports every mistake at its line. What
other generators write (Jekyll's ``categories`` list, ``published: false``, a
date in the file name) means the same here.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Mapping

from kimpress.config.options import suggest
from kimpress.config.site import bare_region_name
from kimpress.core.dates import DateProblem, parse_when
from kimpress.core.errors import Diagnostic, error, has_errors, warning
from kimpress.core.memo import NO_MEMO, Memo
from kimpress.core.urls import expand_permalink, short_digest, slugify, term_slug
from kimpress.model.factcheck import FactCheck, read_factcheck
from kimpress.model.types import Kelurahan, Term
from kimpress.source.discovery import SourceFile, SourceKind
from kimpress.source.frontmatter import Document
from kimpress.source.metadata import ARTICLE_SCHEMA, PAGE_SCHEMA, Meta, cascade, read_meta

_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[-_]|$)")
NO_KECAMATAN = "lainnya"  # the {kecamatan} of an article whose kelurahan has none


@dataclass(frozen=True)
class Selection:
    """Which articles a build publishes: drafts and future ones only when asked."""

    now: datetime
    drafts: bool = False
    future: bool = False


@dataclass(frozen=True)
class Entry:
    """An article or page whose metadata is valid, before its body is rendered."""

    source: SourceFile
    document: Document
    meta: Meta
    slug: str
    url: str
    published: bool
    kelurahan: str | None = None
    category: Term | None = None
    factcheck: FactCheck | None = None


def build_entries(config, sources, documents, folders, section_meta, kelurahan_by_slug, selection,
                   diagnostics, memo: Memo = NO_MEMO) -> list[Entry]:
    """Validate the metadata of every article and page and give each its URL."""
    entries: list[Entry] = []
    for source in sources:
        if source.kind not in (SourceKind.ARTICLE, SourceKind.PAGE) or source.rel_path not in documents:
            continue
        document = documents[source.rel_path]
        kel_slug = None if source.kind is SourceKind.PAGE else folders.get(source.kelurahan_folder or "")
        if source.kind is SourceKind.ARTICLE and kel_slug is None:
            continue
        kel = kelurahan_by_slug.get(kel_slug) if kel_slug else None
        section = section_meta.get(kel_slug or "")
        inputs = (config, document, source.kind, kel_slug, kel and (kel.name, kel.kecamatan), section)
        entry, found = memo.derive("entry", source.rel_path, inputs,
                                   lambda: _make_entry(config, source, document, kel, section))
        diagnostics.extend(found)
        if entry is None:
            continue
        meta = entry.meta
        published = (selection.drafts or not meta.get("draft")) and (
            selection.future or meta.when is None or meta.when.moment <= selection.now)
        entries.append(entry if published else replace(entry, published=False))
    return entries


def _make_entry(config, source: SourceFile, document: Document, kel: Kelurahan | None,
                section: Meta | None) -> tuple[Entry | None, list[Diagnostic]]:
    """The entry of one article (``kel`` given) or page, published; None if its metadata is wrong."""
    diagnostics: list[Diagnostic] = []
    is_page = kel is None
    defaults = {} if is_page else cascade(ARTICLE_SCHEMA, config.defaults,
                                          section.get("defaults", {}) if section else {})
    meta, found = read_meta(document, PAGE_SCHEMA if is_page else ARTICLE_SCHEMA, config.zone, defaults)
    diagnostics.extend(found)
    stem = posixpath.splitext(posixpath.basename(source.rel_path))[0]
    name_date, name_slug = split_file_name(stem)
    if not is_page and not any(d.code.startswith("date") and d.is_error for d in found):
        meta = _dated(config, source, document, meta, name_date, diagnostics)  # reported with the other problems
    if meta is None or has_errors(diagnostics):
        return None, diagnostics
    if not is_page:
        meta = _jekyll_keys_folded(meta)
    slug = _slug(config, source, document, meta, name_slug, diagnostics)
    if is_page:
        url = expand_permalink(config.permalinks["page"], slug=slug)
        return Entry(source, document, meta, slug, url, True), diagnostics
    if not _agrees(config, source, document, meta, kel, diagnostics):
        return None, diagnostics
    category = _category_term(config, source, document, meta, diagnostics)
    if category is False:
        return None, diagnostics
    meta, factcheck, found = read_factcheck(meta, document, category.slug if category else None, config.language,
                                            config.zone)
    diagnostics.extend(found)
    if has_errors(found):
        return None, diagnostics
    url = article_url(config, kel.slug, kel.kecamatan, slug, meta.when.moment.astimezone(config.zone),
                      category.slug if category else "umum")
    return Entry(source, document, meta, slug, url, True, kel.slug, category or None, factcheck), diagnostics


def article_url(config, kelurahan: str, kecamatan: str | None, slug: str, local: datetime, category: str) -> str:
    """The site URL of an article by the ``article`` permalink pattern; ``local`` is its date in the site zone."""
    return expand_permalink(config.permalinks["article"], kelurahan=kelurahan, kecamatan=kecamatan or NO_KECAMATAN,
                            slug=slug, year=f"{local.year:04d}", month=f"{local.month:02d}", day=f"{local.day:02d}",
                            category=category)


def split_file_name(stem: str) -> tuple[str | None, str]:
    """("2024-05-01", "kerja-bakti") for "2024-05-01-kerja-bakti"; (None, stem) without a date prefix."""
    match = _DATE_PREFIX.match(stem)
    if match is None:
        return None, stem
    return match.group(1), stem[match.end():]


def _dated(config, source: SourceFile, document: Document, meta: Meta, name_date: str | None,
           diagnostics: list[Diagnostic]) -> Meta | None:
    """``meta`` with its date: the front matter's, else the file name's (midnight, site time)."""
    if name_date is None:
        if meta.when is None:
            diagnostics.append(error("date-missing", source.rel_path, document.front_matter_line or 1,
                                     example=_example_file_name(source)))
            return None
        return meta
    try:
        from_name = parse_when(name_date, config.zone)
    except DateProblem:
        if meta.when is None:
            diagnostics.append(error("file-name-date-impossible", source.rel_path, 1, value=name_date))
            return None
        diagnostics.append(warning("file-name-date-impossible", source.rel_path, 1, value=name_date))
        return meta
    return meta if meta.when is not None else replace(meta, when=from_name)


def _example_file_name(source: SourceFile) -> str:
    stem, suffix = posixpath.splitext(posixpath.basename(source.rel_path))
    return f"2024-05-01-{slugify(stem) or 'kerja-bakti'}{suffix}"


def _jekyll_keys_folded(meta: Meta) -> Meta:
    """Jekyll's keys in ours: ``published: false`` is a draft; of ``categories: [a, b]`` the first is
    the rubrik (unless one is given) and the rest are tags."""
    listed = [name for name in meta.get("categories", ()) if name]
    if not listed and meta.get("published") is not False:
        return meta
    values = dict(meta.values)
    if values.get("published") is False:
        values["draft"] = True
    if not listed:
        return replace(meta, values=values)
    if not values.get("category"):
        values["category"] = listed[0]
    known = {slugify(values["category"])} | {slugify(tag) for tag in values.get("tags", ())}
    values["tags"] = tuple(values.get("tags", ())) + tuple(name for name in listed if slugify(name) not in known)
    return replace(meta, values=values)


def _slug(config, source: SourceFile, document: Document, meta: Meta, name_slug: str,
          diagnostics: list[Diagnostic]) -> str:
    """The front matter's slug, else the file name's, else the date and a short digest of the file's path.

    A slug in any script is kept ("ꦧꦼꦫꦶꦠ"); only a name with no letter or digit at all
    (emoji alone) falls back, so a writer never meets an error ``kimpress new`` cannot fix.
    """
    written = meta.get("slug")
    if written:
        slug = slugify(written)
        if slug:
            return slug
        diagnostics.append(warning("slug-without-letters", source.rel_path, document.meta.line_of("slug", 1),
                                   value=written))
    slug = slugify(name_slug)
    if slug:
        return slug
    digest = short_digest(source.content_path)
    if meta.when is None:
        return digest
    return f"{meta.when.moment.astimezone(config.zone):%Y-%m-%d}-{digest}"


def _agrees(config, source, document, meta, kel: Kelurahan, diagnostics) -> bool:
    """A ``kelurahan``/``kecamatan`` written in front matter must match the folder."""
    names = {kel.slug, slugify(kel.name)}
    kecamatan = kel.kecamatan
    ok = True
    if meta.get("kelurahan") and slugify(bare_region_name(meta.get("kelurahan"), "kelurahan")) not in names:
        diagnostics.append(error("article-kelurahan-mismatch", source.rel_path, document.meta.line_of("kelurahan"),
                                 value=meta.get("kelurahan"), folder=source.kelurahan_folder))
        ok = False
    registry = {kec.slug: kec for kec in config.wilayah}
    if meta.get("kecamatan") and kecamatan in registry:
        if match_kecamatan(meta.get("kecamatan"), registry) != kecamatan:
            diagnostics.append(error("article-kecamatan-mismatch", source.rel_path, document.meta.line_of("kecamatan"),
                                     value=meta.get("kecamatan"), expected=registry[kecamatan].name))
            ok = False
    return ok


def match_kecamatan(value: str, registry: Mapping[str, Any]) -> str | None:
    """The registry slug a written kecamatan stands for: by slug, by name (with or without the word), by code."""
    wanted = slugify(bare_region_name(value, "kecamatan"))
    for slug, kec in registry.items():
        if wanted in (slug, slugify(kec.name)) or (kec.code and value.strip() == kec.code):
            return slug
    return None


def _category_term(config, source, document, meta, diagnostics) -> Term | None | bool:
    """The rubrik Term, None when absent, False when invalid (reported)."""
    value = meta.get("category")
    if not value:
        return None
    slug = term_slug(value)
    if config.categories:
        known = {cat_slug: label for cat_slug, label in config.categories}
        by_label = {slugify(label): cat_slug for cat_slug, label in config.categories}
        slug = slug if slug in known else by_label.get(slug, "")
        if not slug:
            line = next((document.meta.lines[k] for k in ("category", "rubrik", "kategori") if k in document.meta.lines), 1)
            diagnostics.append(error("unknown-category", source.rel_path, line, value=value,
                                     choices=", ".join(known), suggestion=suggest(value, list(known))))
            return False
        return Term(slug, known[slug], expand_permalink(config.permalinks["category"], category=slug))
    if not slug:
        return None
    return Term(slug, value, expand_permalink(config.permalinks["category"], category=slug))
