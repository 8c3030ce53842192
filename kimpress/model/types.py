"""The content model: plain, frozen data with no I/O, no Jinja and no settings dict.

``content.build_site`` makes a ``Site`` from parsed documents; the planner and the
themes only read it. URLs here are site URLs ("/loktuan/banjir/"), without the
base path, which the theme adds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any, ClassVar, Mapping

from kimpress.config.site import SiteConfig


@dataclass(frozen=True)
class Term:
    """A tag, rubrik or author: a display name, its slug and its list URL."""

    slug: str
    name: str
    url: str


@dataclass(frozen=True)
class Article:
    """One published article of a kelurahan."""

    uid: str
    slug: str
    title: str
    url: str
    kelurahan: str
    kecamatan: str | None
    date: datetime
    has_time: bool
    updated: datetime | None
    author: Term | None
    category: Term | None
    tags: tuple[Term, ...]
    summary: str
    body_html: str
    reading_minutes: int
    cover_url: str | None
    cover_alt: str
    source: str
    template: str | None = None
    draft: bool = False
    updated_has_time: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""  # about 160 characters, for search engines and share cards
    slug_line: int = 1  # the line of ``slug:`` in the source, where a clash of addresses is reported
    factcheck: Any = None  # kimpress.model.factcheck.FactCheck for a cek-fakta article, else None
    aliases: tuple[Reference, ...] = ()  # old addresses written in ``aliases:``, each redirected here

    @property
    def sort_key(self) -> tuple:
        """Newest first, then by identity so equal dates never reorder."""
        return (-self.date.timestamp(), self.uid)


@dataclass(frozen=True)
class Page:
    """A standalone page such as "tentang" or "kontak"."""

    slug: str
    title: str
    url: str
    body_html: str
    summary: str
    source: str
    date: datetime | None = None
    template: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""
    slug_line: int = 1
    aliases: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Kelurahan:
    """A kelurahan section: registry data merged with its ``_index.md`` profile."""

    slug: str
    name: str
    url: str
    code: str | None = None
    kecamatan: str | None = None
    kim: str | None = None
    description: str = ""
    contact: Mapping[str, str] = field(default_factory=dict)
    profile_html: str = ""
    source: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Kecamatan:
    """A kecamatan and the slugs of its kelurahan."""

    slug: str
    name: str
    url: str
    code: str | None
    kelurahan: tuple[str, ...]


@dataclass(frozen=True)
class Asset:
    """A file copied verbatim: its source and the site URL it is published at."""

    source: str
    url: str


@dataclass(frozen=True)
class Unpublished:
    """An article this build leaves out: a draft, or one dated later than now ("future")."""

    source: str
    reason: str
    date: datetime | None


@dataclass(frozen=True)
class Reference:
    """A site path a writer wrote as ``/...``, checked once the build knows everything it publishes."""

    source: str
    line: int
    href: str


@dataclass(frozen=True)
class Site:
    """Everything a build publishes, grouped for the planner and the themes."""

    config: SiteConfig
    articles: tuple[Article, ...]  # newest first
    pages: tuple[Page, ...]
    kelurahan: tuple[Kelurahan, ...]
    kecamatan: tuple[Kecamatan, ...]
    tags: tuple[Term, ...]
    categories: tuple[Term, ...]
    authors: tuple[Term, ...]
    assets: tuple[Asset, ...]
    by_kelurahan: Mapping[str, tuple[Article, ...]]
    by_kecamatan: Mapping[str, tuple[Article, ...]]
    by_tag: Mapping[str, tuple[Article, ...]]
    by_category: Mapping[str, tuple[Article, ...]]
    by_author: Mapping[str, tuple[Article, ...]]
    unpublished: tuple[Unpublished, ...] = ()
    references: tuple[Reference, ...] = ()
    # site URL of each photo (covers, articles' images, static/) -> kimpress.media.types.ResponsiveImage
    images: Mapping[str, Any] = field(default_factory=dict)
    factchecks: tuple[Article, ...] = ()  # the articles with a fact check, newest first

    # The fields each lookup method reads, so a page using one depends on those alone.
    method_reads: ClassVar[dict[str, tuple[str, ...]]] = {
        "kelurahan_named": ("kelurahan",), "kecamatan_named": ("kecamatan",),
        "skipped_drafts": ("unpublished",), "skipped_future": ("unpublished",)}

    @cached_property
    def _kelurahan_index(self) -> dict[str, Kelurahan]:
        return {kel.slug: kel for kel in self.kelurahan}

    @cached_property
    def _kecamatan_index(self) -> dict[str, Kecamatan]:
        return {kec.slug: kec for kec in self.kecamatan}

    @property
    def skipped_drafts(self) -> int:
        return sum(1 for item in self.unpublished if item.reason == "draft")

    @property
    def skipped_future(self) -> int:
        return sum(1 for item in self.unpublished if item.reason == "future")

    def kelurahan_named(self, slug: str) -> Kelurahan | None:
        return self._kelurahan_index.get(slug)

    def kecamatan_named(self, slug: str | None) -> Kecamatan | None:
        return self._kecamatan_index.get(slug or "")
