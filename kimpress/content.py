"""Turn parsed documents into the ``Site`` model: cascade, identity, URLs, links.

Pure: it reads no file. ``build.py`` hands it the parsed documents and the list
of asset sources; it returns the model and every diagnostic it found.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Callable, Iterable, Mapping, Protocol, TypeVar
from urllib.parse import unquote, urlsplit

from kimpress.config import RegionKelurahan, SiteConfig, bare_region_name
from kimpress.dates import DateProblem, parse_when
from kimpress.errors import Diagnostic, error, has_errors, warning
from kimpress.frontmatter import Document
from kimpress.limits import check_body
from kimpress.markup import MarkdownRenderer, reading_minutes, removal_warnings
from kimpress.metadata import ARTICLE_SCHEMA, PAGE_SCHEMA, SECTION_SCHEMA, Meta, cascade, read_meta
from kimpress.model import Article, Asset, Kecamatan, Kelurahan, Page, Reference, Site, Term, Unpublished
from kimpress.options import suggest
from kimpress.summary import describe
from kimpress.sources import SECTION_INDEX, SourceFile, SourceKind
from kimpress.taxonomy import group_site
from kimpress.urls import expand_permalink, iri_to_uri, site_url, slugify

SUMMARY_LIMIT = 300
_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[-_]|$)")
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
    articles, pages, references = [], [], []
    for entry in entries:
        if not entry.published or _over_limits(entry.document, diagnostics, memo):
            continue
        rendered = renderer.render(entry.document.body, _resolver(config, entry.source, link_map, unpublished, diagnostics))
        references += _report_links(entry.document, rendered, diagnostics)
        summary = entry.meta.get("summary") or _shorten(rendered.first_paragraph)
        if entry.source.kind is SourceKind.PAGE:
            pages.append(memo.canonical(_make_page(entry, rendered.html, summary)))
        else:
            cover = _cover_url(entry, link_map, diagnostics)
            if cover and cover.startswith("/"):
                references.append(Reference(entry.source.rel_path, _cover_line(entry.document), cover))
            kel = kelurahan_by_slug[entry.kelurahan]
            articles.append(memo.derive(
                "article", entry.source.rel_path, (config, entry, kel.slug, kel.kecamatan, rendered, summary, cover),
                lambda: memo.canonical(_make_article(config, entry, kelurahan_by_slug, rendered, summary, cover))))
    kelurahan = tuple(memo.canonical(_with_profile(config, kel, documents, renderer, link_map, unpublished, diagnostics,
                                                   references)) for kel in kelurahan)
    _check_unique_ids(articles, documents, diagnostics)
    site = group_site(config, articles, pages, kelurahan, kecamatan, assets,
                      unpublished=tuple(_unpublished(config, entry) for entry in entries if not entry.published),
                      references=tuple(references))
    return site, diagnostics


def _unpublished(config: SiteConfig, entry: _Entry) -> Unpublished:
    """Why an article is left out of this build: a draft, or dated later than now."""
    return Unpublished(entry.source.rel_path, "draft" if entry.meta.get("draft") else "future",
                       entry.meta.when.moment if entry.meta.when else None)


def _report_links(document: Document, rendered, diagnostics: list[Diagnostic]) -> list[Reference]:
    """Report a body's broken links, removed markup and template syntax; return its root-relative references."""
    _report_broken(document, rendered.broken_links, diagnostics)
    diagnostics += removal_warnings(document.rel_path, document.body_line, rendered.removed)
    for href, line in rendered.broken_raw_links:
        diagnostics.append(warning("broken-link-html", document.rel_path, document.body_line + line - 1, href=href))
    for href, line in rendered.template_links:
        diagnostics.append(warning("link-template-syntax", document.rel_path, document.body_line + line - 1,
                                   href=_shown_href(href)))
    return [Reference(document.rel_path, document.body_line + line - 1, href) for href, line in rendered.root_links]


def _shown_href(href: str) -> str:
    href = " ".join(href.split())
    return href if len(href) <= 80 else href[:77] + "…"


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
            wanted = bare_region_name(meta.get("kecamatan"), "kecamatan")
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
            name=bare_region_name(get("name"), "kelurahan") if get("name") else (
                registered.name if registered else slug.replace("-", " ").title()),
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
    wanted = slugify(bare_region_name(value, "kecamatan"))
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
    digest = hashlib.blake2b(source.content_path.encode("utf-8", "surrogatepass"), digest_size=3).hexdigest()
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
    """Resolve hrefs written in ``source`` into base-prefixed, percent-encoded site URLs.

    A relative href names a file: first in the article's own folder (its bundle,
    ``2024-05-01-x/foto.jpg`` for ``foto.jpg``), then beside the article, as for
    ``cover``. A root-relative href (``/tentang/``) gets the base path; whether
    the site publishes it is checked once every output is planned. A link to a
    draft or future article resolves (it will exist once published) but warns,
    since today it leads nowhere.
    """
    here = posixpath.dirname(source.content_path)
    bundle = posixpath.splitext(source.content_path)[0]

    def resolve(href: str) -> str | None:
        parts = urlsplit(href)
        suffix = iri_to_uri((f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else ""))
        path = unquote(parts.path)
        if href.startswith("/"):
            return site_url(config.base_url, path or "/") + suffix
        candidates = [posixpath.normpath(posixpath.join(folder, path)) for folder in (bundle, here)] if path else [
            source.content_path]
        target = next((candidate for candidate in candidates
                       if link_map.get(candidate) or link_map.get(candidate.rstrip("/"))), None)
        if target is None:
            return None
        if target in unpublished:
            diagnostics.append(warning("link-to-unpublished", source.rel_path, None, href=href))
        url = link_map.get(target) or link_map[target.rstrip("/")]
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
    if urlsplit(cover).scheme:
        return cover
    if cover.startswith("/"):
        return unquote(urlsplit(cover).path)
    here = posixpath.dirname(entry.source.content_path)
    bundle = posixpath.splitext(entry.source.content_path)[0]
    for candidate in (posixpath.join(bundle, cover), posixpath.join(here, cover)):
        url = link_map.get(posixpath.normpath(candidate))
        if url:
            return url
    diagnostics.append(error("cover-missing", entry.source.rel_path, _cover_line(entry.document), value=cover))
    return None


def _cover_line(document: Document) -> int:
    return next((document.meta.lines[k] for k in ("cover", "sampul", "gambar") if k in document.meta.lines), 1)


def _shorten(text: str, limit: int = SUMMARY_LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _make_page(entry: _Entry, html: str, summary: str) -> Page:
    meta = entry.meta
    return Page(entry.slug, meta.get("title"), entry.url, html, summary, entry.source.rel_path,
                meta.when.moment if meta.when else None, meta.get("template"), dict(meta.extra),
                description=meta.get("description") or describe(summary), slug_line=_slug_line(entry.document))


def _slug_line(document: Document) -> int:
    """The line that decides a document's address: its ``slug:``, else the first line."""
    return document.meta.line_of("slug") or 1


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
        description=meta.get("description") or describe(summary),
        body_html=rendered.html,
        reading_minutes=reading_minutes(rendered.word_count),
        cover_url=cover,
        cover_alt=meta.get("cover_alt") or "",
        source=entry.source.rel_path,
        template=meta.get("template"),
        draft=bool(meta.get("draft")),
        updated_has_time=bool(meta.updated and meta.updated.has_time),
        extra=dict(meta.extra),
        slug_line=_slug_line(entry.document),
    )


def _tag_terms(config: SiteConfig, names: Iterable[str]) -> tuple[Term, ...]:
    terms: dict[str, Term] = {}
    for name in names:
        slug = slugify(name)
        if slug and slug not in terms:
            terms[slug] = Term(slug, name, expand_permalink(config.permalinks["tag"], tag=slug))
    return tuple(terms.values())


def _with_profile(config, kel: Kelurahan, documents, renderer, link_map, unpublished, diagnostics,
                  references: list[Reference]) -> Kelurahan:
    """Render the body of a kelurahan's ``_index.md`` as its profile."""
    if kel.source is None or kel.source not in documents:
        return kel
    document = documents[kel.source]
    if _over_limits(document, diagnostics):
        return kel
    source = SourceFile(kel.source, None, SourceKind.SECTION)  # type: ignore[arg-type]
    rendered = renderer.render(document.body, _resolver(config, source, link_map, unpublished, diagnostics))
    references += _report_links(document, rendered, diagnostics)
    description = kel.description or describe(rendered.first_paragraph)
    return Kelurahan(**{**kel.__dict__, "profile_html": rendered.html, "description": description})


def _check_unique_ids(articles: list[Article], documents: Mapping[str, Document],
                      diagnostics: list[Diagnostic]) -> None:
    """Every article needs its own identity; one message per file, at its ``id:`` (else ``slug:``) line.

    Two articles with one default identity and one address are one clash, reported
    as such (``url-conflict``); only a clash of identities alone is reported here.
    """
    by_uid: dict[str, list[Article]] = {}
    for article in sorted(articles, key=lambda a: a.source):
        by_uid.setdefault(article.uid, []).append(article)
    for uid, owners in by_uid.items():
        if len(owners) < 2 or len({article.url for article in owners}) == 1 and not any(
                documents[article.source].meta.line_of("id") for article in owners):
            continue
        for article in owners:
            meta = documents[article.source].meta
            line = meta.line_of("id") or meta.line_of("slug") or 1
            others = ", ".join(other.source for other in owners if other is not article)
            diagnostics.append(error("duplicate-id", article.source, line, uid=uid, other=others))
