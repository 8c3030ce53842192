"""Turn parsed documents into the ``Site`` model: cascade, identity, URLs, links.

Pure: it reads no file. ``build.py`` hands it the parsed documents and the list
of asset sources; it returns the model and every diagnostic it found.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Callable, Iterable, Mapping, Protocol, TypeVar
from urllib.parse import unquote, urlsplit

from kimpress.config import RegionKelurahan, SiteConfig
from kimpress.errors import Diagnostic, error, has_errors, warning
from kimpress.frontmatter import Document
from kimpress.limits import check_body
from kimpress.markup import MarkdownRenderer, reading_minutes, removal_warnings
from kimpress.metadata import ARTICLE_SCHEMA, PAGE_SCHEMA, SECTION_SCHEMA, Meta, cascade, read_meta
from kimpress.model import Article, Asset, Kecamatan, Kelurahan, Page, Site, Term
from kimpress.options import suggest
from kimpress.sources import SECTION_INDEX, SourceFile, SourceKind
from kimpress.taxonomy import group_site
from kimpress.urls import expand_permalink, site_url, slugify

SUMMARY_LIMIT = 300
_DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}[-_]")
NO_KECAMATAN = "lainnya"

T = TypeVar("T")


@dataclass(frozen=True)
class Selection:
    """Which articles a build publishes: drafts and future ones only when asked."""

    now: datetime
    drafts: bool = False
    future: bool = False


class Memo(Protocol):
    """Lets a caller reuse results of earlier builds (``cache.ModelMemo``); ``NO_MEMO`` reuses nothing."""

    def derive(self, kind: str, key: str, inputs: tuple, make: Callable[[], T]) -> T: ...

    def canonical(self, value: T) -> T: ...


class _NoMemo:
    def derive(self, kind: str, key: str, inputs: tuple, make: Callable[[], T]) -> T:
        return make()

    def canonical(self, value: T) -> T:
        return value


NO_MEMO: Memo = _NoMemo()


@dataclass(frozen=True)
class _Entry:
    """An article or page whose metadata is valid, before its body is rendered."""

    source: SourceFile
    document: Document
    meta: Meta
    slug: str
    url: str
    published: bool
    kelurahan: str | None = None
    category: Term | None = None


def build_site(
    config: SiteConfig,
    sources: Iterable[SourceFile],
    documents: Mapping[str, Document],
    selection: Selection,
    renderer: MarkdownRenderer | None = None,
    memo: Memo = NO_MEMO,
) -> tuple[Site, list[Diagnostic]]:
    """Build the model from sources and their parsed documents.

    The data cascade, lowest priority first: ``defaults`` in site.yaml, then
    ``defaults`` in the kelurahan's ``_index.md``, then the article's own front
    matter. ``renderer`` may be any object with ``MarkdownRenderer.render``,
    such as a cache in front of it. ``memo`` may hand back results of an earlier
    build whose inputs are the same, and equal model objects from it.
    """
    sources = list(sources)
    diagnostics: list[Diagnostic] = []
    folders = _kelurahan_folders(sources, diagnostics)
    kelurahan, kecamatan, section_meta = _build_sections(config, folders, sources, documents, diagnostics, memo)
    kelurahan_by_slug = {kel.slug: kel for kel in kelurahan}
    entries = _build_entries(config, sources, documents, folders, section_meta, kelurahan_by_slug, selection,
                             diagnostics, memo)
    link_map = _link_map(entries, folders, kelurahan)
    assets = _place_assets(sources, entries)
    link_map.update({asset.source.split("/", 1)[1]: asset.url for asset in assets})
    renderer = renderer or MarkdownRenderer(config.language, config.markdown.sanitize)
    unpublished = {entry.source.content_path for entry in entries if not entry.published}
    articles, pages = [], []
    for entry in entries:
        if not entry.published or _over_limits(entry.document, diagnostics, memo):
            continue
        rendered = renderer.render(entry.document.body, _resolver(config, entry.source, link_map, unpublished, diagnostics))
        _report_broken(entry.document, rendered.broken_links, diagnostics)
        diagnostics += removal_warnings(entry.document.rel_path, entry.document.body_line, rendered.removed)
        summary = entry.meta.get("summary") or _shorten(rendered.first_paragraph)
        if entry.source.kind is SourceKind.PAGE:
            pages.append(memo.canonical(_make_page(entry, rendered.html, summary)))
        else:
            cover = _cover_url(entry, link_map, diagnostics)
            kel = kelurahan_by_slug[entry.kelurahan]
            articles.append(memo.derive(
                "article", entry.source.rel_path, (config, entry, kel.slug, kel.kecamatan, rendered, summary, cover),
                lambda: memo.canonical(_make_article(config, entry, kelurahan_by_slug, rendered, summary, cover))))
    kelurahan = tuple(memo.canonical(_with_profile(config, kel, documents, renderer, link_map, unpublished, diagnostics))
                      for kel in kelurahan)
    _check_unique_ids(articles, diagnostics)
    skipped = [entry for entry in entries if not entry.published]
    site = group_site(
        config, articles, pages, kelurahan, kecamatan, assets,
        skipped_drafts=sum(1 for e in skipped if e.meta.get("draft")),
        skipped_future=sum(1 for e in skipped if not e.meta.get("draft")),
    )
    return site, diagnostics


def _kelurahan_folders(sources: list[SourceFile], diagnostics: list[Diagnostic]) -> dict[str, str]:
    """Map each kelurahan folder name to its slug; two folders with one slug clash."""
    folders: dict[str, str] = {}
    owner: dict[str, str] = {}
    clashing: set[str] = set()
    for source in sources:
        folder = source.kelurahan_folder
        if source.kind is SourceKind.STATIC or folder is None or folder in folders:
            continue
        slug = slugify(folder)
        if not slug:
            diagnostics.append(error("folder-empty-slug", f"content/{folder}"))
            continue
        if slug in owner:
            if folder not in clashing:  # once per folder, not once per file in it
                clashing.add(folder)
                diagnostics.append(error("folder-same-slug", f"content/{folder}", other=f"content/{owner[slug]}",
                                         slug=slug))
            continue
        folders[folder] = slug
        owner[slug] = folder
    return folders


def _build_sections(config, folders, sources, documents, diagnostics, memo: Memo = NO_MEMO):
    """Kelurahan from the registry and from content folders, with their kecamatan."""
    region = config.region_kelurahan()
    kecamatan_names = {kec.slug: kec for kec in config.wilayah}
    section_meta: dict[str, Meta] = {}
    for source in sources:
        if source.kind is SourceKind.SECTION and source.rel_path in documents:
            document = documents[source.rel_path]
            meta, found = memo.derive("section", source.rel_path, (config, document),
                                      lambda: read_meta(document, SECTION_SCHEMA, config.zone))
            diagnostics.extend(found)
            section_meta[folders.get(source.kelurahan_folder or "", "")] = meta
    extra_kecamatan: dict[str, str] = {}
    kelurahan: list[Kelurahan] = []
    slugs = [kel.slug for kec in config.wilayah for kel in kec.kelurahan]
    slugs += sorted(set(folders.values()) - set(slugs))
    for slug in slugs:
        meta = section_meta.get(slug)
        registered: RegionKelurahan | None = region.get(slug)
        kecamatan = registered.kecamatan if registered else None
        source = _section_source(slug, folders)
        if meta is not None and meta.get("kecamatan"):
            wanted = meta.get("kecamatan")
            found = _match_kecamatan(wanted, kecamatan_names)
            line = documents[source].meta.line_of("kecamatan") if source in documents else None
            if registered and found != registered.kecamatan:
                diagnostics.append(error("section-kecamatan-mismatch", source, line, value=wanted,
                                         expected=kecamatan_names[registered.kecamatan].name))
            elif not registered:
                kecamatan = found or slugify(wanted)
                if found is None and kecamatan:
                    extra_kecamatan.setdefault(kecamatan, wanted)
        get = meta.get if meta else (lambda key, default=None: default)
        kelurahan.append(Kelurahan(
            slug=slug,
            name=get("name") or (registered.name if registered else slug.replace("-", " ").title()),
            url=expand_permalink(config.permalinks["kelurahan"], kelurahan=slug, kecamatan=kecamatan or NO_KECAMATAN),
            code=get("code") or (registered.code if registered else None),
            kecamatan=kecamatan,
            kim=get("kim"),
            description=get("description", ""),
            contact={str(k): str(v) for k, v in (get("contact") or {}).items()},
            source=source if meta is not None else None,
            extra=dict(meta.extra) if meta else {},
        ))
    kecamatan = [
        Kecamatan(kec.slug, kec.name, expand_permalink(config.permalinks["kecamatan"], kecamatan=kec.slug),
                  kec.code, tuple(kel.slug for kel in kelurahan if kel.kecamatan == kec.slug))
        for kec in config.wilayah
    ]
    for slug, name in sorted(extra_kecamatan.items()):
        kecamatan.append(Kecamatan(slug, name, expand_permalink(config.permalinks["kecamatan"], kecamatan=slug),
                                   None, tuple(kel.slug for kel in kelurahan if kel.kecamatan == slug)))
    return kelurahan, kecamatan, section_meta


def _section_source(slug: str, folders: Mapping[str, str]) -> str:
    folder = next((name for name, folder_slug in folders.items() if folder_slug == slug), slug)
    return f"content/{folder}/{SECTION_INDEX}"


def _match_kecamatan(value: str, registry: Mapping[str, Any]) -> str | None:
    wanted = slugify(value)
    for slug, kec in registry.items():
        if wanted in (slug, slugify(kec.name)) or (kec.code and value.strip() == kec.code):
            return slug
    return None


def _build_entries(config, sources, documents, folders, section_meta, kelurahan_by_slug, selection,
                   diagnostics, memo: Memo = NO_MEMO) -> list[_Entry]:
    """Validate the metadata of every article and page and give each its URL."""
    entries: list[_Entry] = []
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
                section: Meta | None) -> tuple[_Entry | None, list[Diagnostic]]:
    """The entry of one article (``kel`` given) or page, published; None if its metadata is wrong."""
    diagnostics: list[Diagnostic] = []
    is_page = kel is None
    defaults = {} if is_page else cascade(ARTICLE_SCHEMA, config.defaults,
                                          section.get("defaults", {}) if section else {})
    meta, found = read_meta(document, PAGE_SCHEMA if is_page else ARTICLE_SCHEMA, config.zone, defaults)
    diagnostics.extend(found)
    if has_errors(found):
        return None, diagnostics
    stem = posixpath.splitext(posixpath.basename(source.rel_path))[0]
    slug = slugify(meta.get("slug") or _DATE_PREFIX.sub("", stem))
    if not slug:
        diagnostics.append(error("empty-slug", source.rel_path, document.meta.line_of("slug", 1)))
        return None, diagnostics
    if is_page:
        url = expand_permalink(config.permalinks["page"], slug=slug)
        return _Entry(source, document, meta, slug, url, True), diagnostics
    if not _agrees(config, source, document, meta, kel, diagnostics):
        return None, diagnostics
    local = meta.when.moment.astimezone(config.zone)
    category = _category_term(config, source, document, meta, diagnostics)
    if category is False:
        return None, diagnostics
    url = expand_permalink(
        config.permalinks["article"], kelurahan=kel.slug, kecamatan=kel.kecamatan or NO_KECAMATAN, slug=slug,
        year=f"{local.year:04d}", month=f"{local.month:02d}", day=f"{local.day:02d}",
        category=category.slug if category else "umum")
    return _Entry(source, document, meta, slug, url, True, kel.slug, category or None), diagnostics


def _agrees(config, source, document, meta, kel: Kelurahan, diagnostics) -> bool:
    """A ``kelurahan``/``kecamatan`` written in front matter must match the folder."""
    names = {kel.slug, slugify(kel.name)}
    kecamatan = kel.kecamatan
    ok = True
    if meta.get("kelurahan") and slugify(meta.get("kelurahan")) not in names:
        diagnostics.append(error("article-kelurahan-mismatch", source.rel_path, document.meta.line_of("kelurahan"),
                                 value=meta.get("kelurahan"), folder=source.kelurahan_folder))
        ok = False
    registry = {kec.slug: kec for kec in config.wilayah}
    if meta.get("kecamatan") and kecamatan in registry:
        if _match_kecamatan(meta.get("kecamatan"), registry) != kecamatan:
            diagnostics.append(error("article-kecamatan-mismatch", source.rel_path, document.meta.line_of("kecamatan"),
                                     value=meta.get("kecamatan"), expected=registry[kecamatan].name))
            ok = False
    return ok


def _category_term(config, source, document, meta, diagnostics) -> Term | None | bool:
    """The rubrik Term, None when absent, False when invalid (reported)."""
    value = meta.get("category")
    if not value:
        return None
    slug = slugify(value)
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


def _link_map(entries: list[_Entry], folders: Mapping[str, str], kelurahan) -> dict[str, str]:
    """Content-relative path -> site URL, for every linkable document and folder."""
    links: dict[str, str] = {}
    urls = {kel.slug: kel.url for kel in kelurahan}
    for folder, slug in folders.items():
        links[folder] = urls[slug]
        links[f"{folder}/{SECTION_INDEX}"] = urls[slug]
    for entry in entries:
        links[entry.source.content_path] = entry.url
    return links


def _place_assets(sources: list[SourceFile], entries: list[_Entry]) -> tuple[Asset, ...]:
    """Give every content asset its URL: beside its article, else mirrored."""
    bundles = {posixpath.splitext(entry.source.rel_path)[0]: entry for entry in entries}
    placed: list[Asset] = []
    for source in sources:
        if source.kind is not SourceKind.ASSET:
            continue
        folder = posixpath.dirname(source.rel_path)
        while folder not in bundles and "/" in folder:
            folder = posixpath.dirname(folder)
        entry = bundles.get(folder)
        if entry is None:
            placed.append(Asset(source.rel_path, "/" + source.content_path))
        elif entry.published:
            placed.append(Asset(source.rel_path, entry.url + source.rel_path[len(folder) + 1:]))
    return tuple(placed)


def _resolver(config: SiteConfig, source: SourceFile, link_map: Mapping[str, str], unpublished: set[str],
              diagnostics: list[Diagnostic]):
    """Resolve hrefs written relative to ``source`` into base-prefixed site URLs.

    A link to a draft or future article resolves (it will exist once published)
    but warns, since today it leads nowhere.
    """
    here = posixpath.dirname(source.content_path)

    def resolve(href: str) -> str | None:
        parts = urlsplit(href)
        target = posixpath.normpath(posixpath.join(here, unquote(parts.path))) if parts.path else source.content_path
        url = link_map.get(target) or link_map.get(target.rstrip("/"))
        if url is None:
            return None
        if target in unpublished:
            diagnostics.append(warning("link-to-unpublished", source.rel_path, None, href=href))
        suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        return site_url(config.base_url, url) + suffix

    return resolve


def _over_limits(document: Document, diagnostics: list[Diagnostic], memo: Memo = NO_MEMO) -> bool:
    """Report a body too large or too convoluted to convert (``limits.check_body``); True if it is."""
    found = memo.derive("limits", document.rel_path, (document,),
                        lambda: check_body(document.rel_path, document.body, document.body_line))
    diagnostics.extend(found)
    return has_errors(found)


def _report_broken(document: Document, broken: Iterable[tuple[str, int]], diagnostics: list[Diagnostic]) -> None:
    for href, line in broken:
        code = "broken-link-md" if href.split("#")[0].endswith(".md") else "broken-link"
        diagnostics.append(error(code, document.rel_path, document.body_line + line - 1, href=href))


def _cover_url(entry: _Entry, link_map: Mapping[str, str], diagnostics: list[Diagnostic]) -> str | None:
    """The site URL of the cover: beside the article, or an absolute URL as written."""
    cover = entry.meta.get("cover")
    if not cover:
        return None
    if urlsplit(cover).scheme or cover.startswith("/"):
        return cover
    here = posixpath.dirname(entry.source.content_path)
    bundle = posixpath.splitext(entry.source.content_path)[0]
    for candidate in (posixpath.join(bundle, cover), posixpath.join(here, cover)):
        url = link_map.get(posixpath.normpath(candidate))
        if url:
            return url
    line = next((entry.document.meta.lines[k] for k in ("cover", "sampul", "gambar") if k in entry.document.meta.lines), 1)
    diagnostics.append(error("cover-missing", entry.source.rel_path, line, value=cover))
    return None


def _shorten(text: str, limit: int = SUMMARY_LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _make_page(entry: _Entry, html: str, summary: str) -> Page:
    meta = entry.meta
    return Page(entry.slug, meta.get("title"), entry.url, html, summary, entry.source.rel_path,
                meta.when.moment if meta.when else None, meta.get("template"), dict(meta.extra))


def _make_article(config, entry: _Entry, kelurahan: Mapping[str, Kelurahan], rendered, summary: str,
                  cover: str | None) -> Article:
    meta = entry.meta
    kel = kelurahan[entry.kelurahan]
    author = meta.get("author")
    author_slug = slugify(author) if author else ""
    return Article(
        uid=meta.get("id") or f"{entry.kelurahan}/{entry.slug}",
        slug=entry.slug,
        title=meta.get("title"),
        url=entry.url,
        kelurahan=kel.slug,
        kecamatan=kel.kecamatan,
        date=meta.when.moment,
        has_time=meta.when.has_time,
        updated=meta.updated.moment if meta.updated else None,
        author=Term(author_slug, author, expand_permalink(config.permalinks["author"], author=author_slug))
        if author_slug else None,
        category=entry.category,
        tags=_tag_terms(config, meta.get("tags", ())),
        summary=summary,
        body_html=rendered.html,
        reading_minutes=reading_minutes(rendered.word_count),
        cover_url=cover,
        cover_alt=meta.get("cover_alt") or "",
        source=entry.source.rel_path,
        template=meta.get("template"),
        draft=bool(meta.get("draft")),
        updated_has_time=bool(meta.updated and meta.updated.has_time),
        extra=dict(meta.extra),
    )


def _tag_terms(config: SiteConfig, names: Iterable[str]) -> tuple[Term, ...]:
    terms: dict[str, Term] = {}
    for name in names:
        slug = slugify(name)
        if slug and slug not in terms:
            terms[slug] = Term(slug, name, expand_permalink(config.permalinks["tag"], tag=slug))
    return tuple(terms.values())


def _with_profile(config, kel: Kelurahan, documents, renderer, link_map, unpublished, diagnostics) -> Kelurahan:
    """Render the body of a kelurahan's ``_index.md`` as its profile."""
    if kel.source is None or kel.source not in documents:
        return kel
    document = documents[kel.source]
    if _over_limits(document, diagnostics):
        return kel
    source = SourceFile(kel.source, None, SourceKind.SECTION)  # type: ignore[arg-type]
    rendered = renderer.render(document.body, _resolver(config, source, link_map, unpublished, diagnostics))
    _report_broken(document, rendered.broken_links, diagnostics)
    diagnostics += removal_warnings(document.rel_path, document.body_line, rendered.removed)
    description = kel.description or _shorten(rendered.first_paragraph, 160)
    return Kelurahan(**{**kel.__dict__, "profile_html": rendered.html, "description": description})


def _check_unique_ids(articles: list[Article], diagnostics: list[Diagnostic]) -> None:
    owner: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.source):
        if article.uid in owner:
            diagnostics.append(error("duplicate-id", article.source, None, uid=article.uid, other=owner[article.uid]))
        else:
            owner[article.uid] = article.source
