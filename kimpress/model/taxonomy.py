"""Group published articles by kelurahan, kecamatan, tag, rubrik and author."""

from __future__ import annotations

from typing import Iterable

from kimpress.config.site import SiteConfig
from kimpress.model.types import Article, Asset, Kecamatan, Kelurahan, Page, Reference, Site, Term, Unpublished


def group_site(
    config: SiteConfig,
    articles: Iterable[Article],
    pages: Iterable[Page],
    kelurahan: Iterable[Kelurahan],
    kecamatan: Iterable[Kecamatan],
    assets: Iterable[Asset],
    unpublished: tuple[Unpublished, ...] = (),
    references: tuple[Reference, ...] = (),
) -> Site:
    """Sort everything into a ``Site``: articles newest first, terms by name."""
    ordered = tuple(sorted(articles, key=lambda article: article.sort_key))
    kelurahan = tuple(kelurahan)
    by_tag, tags = _group_terms(ordered, lambda a: a.tags)
    by_category, categories = _group_terms(ordered, lambda a: (a.category,) if a.category else ())
    by_author, authors = _group_terms(ordered, lambda a: (a.author,) if a.author else ())
    if config.categories:  # rubrik in the order site.yaml lists them
        order = {slug: index for index, (slug, _) in enumerate(config.categories)}
        categories = tuple(sorted(categories, key=lambda term: order.get(term.slug, len(order))))
    return Site(
        config=config,
        articles=ordered,
        pages=tuple(sorted(pages, key=lambda page: page.url)),
        kelurahan=kelurahan,
        kecamatan=tuple(kecamatan),
        tags=tags,
        categories=categories,
        authors=authors,
        assets=tuple(sorted(assets, key=lambda asset: asset.url)),
        by_kelurahan=_by_kelurahan(ordered, kelurahan),
        by_kecamatan=_by_kecamatan(ordered, kecamatan),
        by_tag=by_tag,
        by_category=by_category,
        by_author=by_author,
        unpublished=tuple(sorted(unpublished, key=lambda item: item.source)),
        references=references,
        factchecks=tuple(article for article in ordered if article.factcheck is not None),
    )


def _by_kelurahan(ordered: tuple[Article, ...], kelurahan: Iterable[Kelurahan]) -> dict[str, tuple[Article, ...]]:
    groups: dict[str, list[Article]] = {kel.slug: [] for kel in kelurahan}
    for article in ordered:
        if article.kelurahan in groups:
            groups[article.kelurahan].append(article)
    return {slug: tuple(items) for slug, items in groups.items()}


def _by_kecamatan(ordered: tuple[Article, ...], kecamatan: Iterable[Kecamatan]) -> dict[str, tuple[Article, ...]]:
    groups: dict[str, list[Article]] = {kec.slug: [] for kec in kecamatan}
    for article in ordered:
        if article.kecamatan in groups:
            groups[article.kecamatan].append(article)
    return {slug: tuple(items) for slug, items in groups.items()}


def _group_terms(ordered: tuple[Article, ...], terms_of) -> tuple[dict[str, tuple[Article, ...]], tuple[Term, ...]]:
    """Articles per term slug (newest first) and the terms sorted by name.

    A term written two ways ("Posyandu", "posyandu") is one term; its name is the
    spelling of the oldest article, so a new article never renames a page.
    """
    groups: dict[str, list[Article]] = {}
    names: dict[str, Term] = {}
    for article in reversed(ordered):
        for term in terms_of(article):
            groups.setdefault(term.slug, []).append(article)
            names.setdefault(term.slug, term)
    terms = tuple(sorted(names.values(), key=lambda term: (term.name.lower(), term.slug)))
    return {slug: tuple(reversed(items)) for slug, items in groups.items()}, terms
