"""Turn parsed documents into the ``Site`` model: sections, entries, rendered bodies, identity.

Pure: it reads no file. ``build.py`` hands it the parsed documents and the list
of asset sources; it returns the model and every diagnostic it found. What each
front matter means is decided in ``entries``; where each reference leads, in
``links``.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Iterable, Mapping

from kimpress.config.site import RegionKelurahan, SiteConfig, bare_region_name
from kimpress.core.errors import Diagnostic, error, has_errors
from kimpress.core.memo import NO_MEMO, Memo
from kimpress.core.urls import expand_permalink, slugify, term_slug
from kimpress.markdown.convert import MarkdownRenderer, reading_minutes
from kimpress.markdown.limits import check_body
from kimpress.markdown.summary import describe
from kimpress.model.entries import NO_KECAMATAN, Entry, Selection, build_entries, match_kecamatan
from kimpress.model.links import LinkMap, cover_line, cover_url, link_map, place_assets, report_links, resolver
from kimpress.model.taxonomy import group_site
from kimpress.model.types import Article, Kecamatan, Kelurahan, Page, Reference, Site, Term, Unpublished
from kimpress.source.discovery import SECTION_INDEX, SourceFile, SourceKind
from kimpress.source.frontmatter import Document
from kimpress.source.metadata import SECTION_SCHEMA, Meta, read_meta, spellings

SUMMARY_LIMIT = 300


def build_site(
    config: SiteConfig,
    sources: Iterable[SourceFile],
    documents: Mapping[str, Document],
    selection: Selection,
    renderer: MarkdownRenderer | None = None,
    memo: Memo = NO_MEMO,
    moved: Mapping[str, str] | None = None,
) -> tuple[Site, list[Diagnostic]]:
    """Build the model from sources and their parsed documents.

    The data cascade, lowest priority first: ``defaults`` in site.yaml, then
    ``defaults`` in the kelurahan's ``_index.md``, then the article's own front
    matter. ``renderer`` may be any object with ``MarkdownRenderer.render``,
    such as a cache in front of it. ``memo`` may hand back results of an earlier
    build whose inputs are the same, and equal model objects from it. ``moved`` maps
    the content paths files had before (from git history) to theirs now, so links
    written to an old path still lead to the file.
    """
    sources = list(sources)
    diagnostics: list[Diagnostic] = []
    folders = _kelurahan_folders(sources, diagnostics)
    kelurahan, kecamatan, section_meta = _build_sections(config, folders, sources, documents, diagnostics, memo)
    kelurahan_by_slug = {kel.slug: kel for kel in kelurahan}
    entries = build_entries(config, sources, documents, folders, section_meta, kelurahan_by_slug, selection,
                            diagnostics, memo)
    assets = place_assets(sources, entries)
    links = link_map(entries, folders, kelurahan, assets, moved)
    renderer = renderer or MarkdownRenderer(config.language, config.markdown.sanitize)
    unpublished = {unicodedata.normalize("NFC", entry.source.content_path) for entry in entries if not entry.published}
    articles, pages, references = [], [], []
    shown = [(entry, resolver(config, entry.source, links, unpublished, diagnostics)) for entry in entries
             if entry.published and not _over_limits(entry.document, diagnostics, memo)]
    renderer.warm([(entry.document.body, resolve) for entry, resolve in shown])
    for entry, resolve in shown:
        rendered = renderer.render(entry.document.body, resolve)
        references += report_links(entry.document, rendered, diagnostics)
        summary = entry.meta.get("summary") or _shorten(rendered.first_paragraph)
        if entry.source.kind is SourceKind.PAGE:
            pages.append(memo.canonical(_make_page(entry, rendered.html, summary)))
        else:
            cover = cover_url(entry, links, diagnostics)
            if cover and cover.startswith("/"):
                references.append(Reference(entry.source.rel_path, cover_line(entry.document), cover))
            kel = kelurahan_by_slug[entry.kelurahan]
            articles.append(memo.derive(
                "article", entry.source.rel_path, (config, entry, kel.slug, kel.kecamatan, rendered, summary, cover),
                lambda: memo.canonical(_make_article(config, entry, kelurahan_by_slug, rendered, summary, cover))))
    kelurahan = tuple(memo.canonical(_with_profile(config, kel, documents, renderer, links, unpublished, diagnostics,
                                                   references)) for kel in kelurahan)
    _check_unique_ids(articles, documents, diagnostics)
    site = group_site(config, articles, pages, kelurahan, kecamatan, assets,
                      unpublished=tuple(_unpublished(entry) for entry in entries if not entry.published),
                      references=tuple(references))
    return site, diagnostics


def _unpublished(entry: Entry) -> Unpublished:
    """Why an article is left out of this build: a draft, or dated later than now."""
    return Unpublished(entry.source.rel_path, "draft" if entry.meta.get("draft") else "future",
                       entry.meta.when.moment if entry.meta.when else None)


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
            found = match_kecamatan(wanted, kecamatan_names)
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


def _over_limits(document: Document, diagnostics: list[Diagnostic], memo: Memo = NO_MEMO) -> bool:
    """Report a body too large or too convoluted to convert (``limits.check_body``); True if it is."""
    found = memo.derive("limits", document.rel_path, (document,),
                        lambda: check_body(document.rel_path, document.body, document.body_line))
    diagnostics.extend(found)
    return has_errors(found)


def _shorten(text: str, limit: int = SUMMARY_LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _make_page(entry: Entry, html: str, summary: str) -> Page:
    meta = entry.meta
    return Page(entry.slug, meta.get("title"), entry.url, html, summary, entry.source.rel_path,
                meta.when.moment if meta.when else None, meta.get("template"), dict(meta.extra),
                description=meta.get("description") or describe(summary), slug_line=_slug_line(entry.document),
                aliases=_aliases(entry))


def _slug_line(document: Document) -> int:
    """The line that decides a document's address: its ``slug:``, else the first line."""
    return document.meta.line_of("slug") or 1


def _make_article(config, entry: Entry, kelurahan: Mapping[str, Kelurahan], rendered, summary: str,
                  cover: str | None) -> Article:
    meta = entry.meta
    kel = kelurahan[entry.kelurahan]
    author = meta.get("author")
    author_slug = term_slug(author) if author else ""
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
        factcheck=entry.factcheck,
        aliases=_aliases(entry),
    )


def _aliases(entry: Entry) -> tuple[Reference, ...]:
    """The old addresses written in ``aliases:``, each with its line (checked when redirects are planned)."""
    lines = entry.document.meta.lines
    key = next((name for name in spellings("aliases") if name in lines), "aliases")
    return tuple(Reference(entry.source.rel_path, lines.get(f"{key}.{index}", lines.get(key, 1)), str(alias))
                 for index, alias in enumerate(entry.meta.get("aliases", ())))


def _tag_terms(config: SiteConfig, names: Iterable[str]) -> tuple[Term, ...]:
    terms: dict[str, Term] = {}
    for name in names:
        slug = term_slug(name)
        if slug and slug not in terms:
            terms[slug] = Term(slug, name, expand_permalink(config.permalinks["tag"], tag=slug))
    return tuple(terms.values())


def _with_profile(config, kel: Kelurahan, documents, renderer, links: LinkMap, unpublished, diagnostics,
                  references: list[Reference]) -> Kelurahan:
    """Render the body of a kelurahan's ``_index.md`` as its profile."""
    if kel.source is None or kel.source not in documents:
        return kel
    document = documents[kel.source]
    if _over_limits(document, diagnostics):
        return kel
    source = SourceFile(kel.source, None, SourceKind.SECTION)  # type: ignore[arg-type]
    rendered = renderer.render(document.body, resolver(config, source, links, unpublished, diagnostics))
    references += report_links(document, rendered, diagnostics)
    description = kel.description or describe(rendered.first_paragraph)
    return dataclasses.replace(kel, profile_html=rendered.html, description=description)


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
