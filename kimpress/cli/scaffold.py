"""Create files for the user: a new site (``init``) and a new article (``new``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from kimpress.cli.workflows import (
    DEFAULT_CI,
    PLACEHOLDER_BASE_URL,
    ignore_built_site,
    refuse_existing_workflow,
    write_workflow,
)
from kimpress.config.options import suggest
from kimpress.config.site import SiteConfig
from kimpress.core.errors import Diagnostic, KimpressError, error, warning
from kimpress.core.urls import short_digest, slugify
from kimpress.model.entries import article_url

# Registry names never carry the words "Kelurahan" or "Kecamatan": the theme adds them.
SITE_YAML = """\
title: {title}
base_url: {base_url}   # ganti dengan alamat situs Anda
language: id
timezone: Asia/Makassar   # WITA; Asia/Jakarta = WIB, Asia/Jayapura = WIT
categories:
  berita: Berita
  pengumuman: Pengumuman
  agenda: Agenda
  cek-fakta: Cek Fakta
  umkm: UMKM
wilayah:
  contoh:
    name: Contoh
    kelurahan:
      sukamaju: {{name: Sukamaju}}
"""

ABOUT = """\
---
title: Tentang Kami
---
Situs ini memuat kabar dari Kelompok Informasi Masyarakat (KIM). Ubah halaman ini di
`content/tentang.md`.
"""

SECTION = """\
---
name: Sukamaju
kecamatan: contoh
kim: KIM Sukamaju
description: Kabar warga Kelurahan Sukamaju.
---
Tulis profil kelurahan dan KIM Anda di sini.
"""

ARTICLE = """\
---
title: {title}
date: {date}
author: {author}
category: {category}
tags: []
---
Tulis beritanya di sini: siapa, apa, kapan, di mana, mengapa, dan bagaimana.
"""

MAX_SLUG_BYTES = 120  # leaves room for the date and ".md" in a 255-byte file name


@dataclass(frozen=True)
class NewArticle:
    """What ``kimpress new`` made: the file, the address it will have, and what to tell the writer."""

    path: Path
    url: str
    warnings: tuple[Diagnostic, ...] = ()


def _write_new(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def init_site(site_dir: Path, title: str = "Kabar KIM", ci: str | None = None) -> list[Path]:
    """Create a minimal site that builds at once, with the workflow that publishes it; refuse to overwrite.

    ``ci`` is ``github`` (the default for a new site), ``gitlab`` or ``none``. On an
    existing site only an explicit ``github`` or ``gitlab`` does anything: it adds that
    workflow and nothing else. Returns the files written.
    """
    site_dir = site_dir.resolve()
    if (site_dir / "site.yaml").exists():
        if ci in (None, "none"):
            raise KimpressError([error("init-exists", "site.yaml", None, target=str(site_dir))])
        refuse_existing_workflow(site_dir, ci)
        return write_workflow(site_dir, ci)
    ci = ci or DEFAULT_CI
    refuse_existing_workflow(site_dir, ci)
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    files = {
        "site.yaml": SITE_YAML.format(title=_yaml_text(title), base_url=PLACEHOLDER_BASE_URL),
        "content/tentang.md": ABOUT,
        "content/sukamaju/_index.md": SECTION,
        f"content/sukamaju/{today}-selamat-datang.md": ARTICLE.format(
            title="Selamat Datang di Situs KIM", date=today, author="Tim KIM", category="berita"),
        "static/.gitkeep": "",
    }
    created = []
    for rel_path, text in files.items():
        _write_new(site_dir / rel_path, text)
        created.append(site_dir / rel_path)
    return created + write_workflow(site_dir, ci) + ignore_built_site(site_dir)


def new_article(config: SiteConfig, title: str, kelurahan: str, category: str | None, now: datetime | None = None,
                slug: str | None = None, author: str | None = None) -> NewArticle:
    """Write ``content/<kelurahan>/<date>-<slug>.md`` with its front matter filled.

    A kelurahan missing from the registry gets its folder, as ``build`` accepts
    such folders; a name close to a registry entry warns with a suggestion. A
    title with no letter or digit (emoji alone) gets a short stable slug.
    """
    if not title.strip():
        raise KimpressError([error("empty-text", None, None, key="title")])
    warnings: list[Diagnostic] = []
    folder = slugify(kelurahan)
    if not folder:
        raise KimpressError([error("folder-empty-slug", f"content/{kelurahan}")])
    registry = sorted(config.region_kelurahan())
    folders = sorted(path.name for path in config.content_dir.glob("*") if path.is_dir()
                     and not path.name.startswith("."))
    if folder not in registry and folder not in folders:
        near = suggest(folder, registry + folders)
        if near:
            warnings.append(warning("new-kelurahan-not-registered", f"content/{folder}", None, value=kelurahan,
                                    suggestion=near))
    categories = [cat_slug for cat_slug, _ in config.categories]
    if category and categories and slugify(category) not in categories:
        raise KimpressError([error("unknown-category", None, None, value=category, choices=", ".join(categories),
                                   suggestion=suggest(category, categories))])
    local = (now or datetime.now(timezone.utc)).astimezone(config.zone)
    slug = _shortened(slugify(slug or "") or slugify(title))
    if not slug:
        slug = short_digest(f"{title}{local.isoformat()}")
    path = config.content_dir / folder / f"{local:%Y-%m-%d}-{slug}.md"
    if path.exists():
        raise KimpressError([error("new-exists", path.relative_to(config.site_dir).as_posix(), None)])
    chosen = slugify(category) if category else (categories[0] if categories else "berita")
    _write_new(path, ARTICLE.format(title=_yaml_text(title), date=f"{local:%Y-%m-%d %H.%M}",
                                    author=_yaml_text(author) if author else "  # nama penulis",
                                    category=chosen))
    registered = config.region_kelurahan().get(folder)
    url = article_url(config, folder, registered.kecamatan if registered else None, slug, local, chosen)
    return NewArticle(path, url, tuple(warnings))


def _shortened(slug: str) -> str:
    """Cut a long slug at a hyphen so the file name stays well within what disks allow."""
    if len(slug.encode("utf-8")) <= MAX_SLUG_BYTES:
        return slug
    cut = slug.encode("utf-8")[:MAX_SLUG_BYTES].decode("utf-8", "ignore")
    return cut.rsplit("-", 1)[0] if "-" in cut else cut


def _yaml_text(value: str) -> str:
    """Quote a text so YAML reads it back exactly (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)
