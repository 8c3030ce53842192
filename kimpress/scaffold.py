"""Create files for the user: a new site (``init``) and a new article (``new``)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from kimpress.config import SiteConfig
from kimpress.errors import KimpressError, error
from kimpress.options import suggest
from kimpress.urls import slugify

SITE_YAML = """\
title: {title}
base_url: https://contoh.github.io/kim/
language: id
timezone: Asia/Makassar   # WITA; Asia/Jakarta = WIB, Asia/Jayapura = WIT
categories:
  berita: Berita
  pengumuman: Pengumuman
  agenda: Agenda
  cek-fakta: Cek Fakta
  umkm: UMKM
wilayah:
  kecamatan-contoh:
    name: Kecamatan Contoh
    kelurahan:
      kelurahan-contoh: {{name: Kelurahan Contoh}}
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
name: Kelurahan Contoh
kecamatan: kecamatan-contoh
kim: KIM Contoh
description: Kabar warga Kelurahan Contoh.
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


def _write_new(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def init_site(site_dir: Path, title: str = "Kabar KIM") -> list[Path]:
    """Create a minimal site that builds at once; refuse to overwrite a site."""
    site_dir = site_dir.resolve()
    if (site_dir / "site.yaml").exists():
        raise KimpressError([error("init-exists", "site.yaml", None, target=str(site_dir))])
    today = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    files = {
        "site.yaml": SITE_YAML.format(title=title),
        "content/tentang.md": ABOUT,
        "content/kelurahan-contoh/_index.md": SECTION,
        f"content/kelurahan-contoh/{today}-selamat-datang.md": ARTICLE.format(
            title="Selamat Datang di Situs KIM", date=today, author="Tim KIM", category="berita"),
        "static/.gitkeep": "",
    }
    created = []
    for rel_path, text in files.items():
        _write_new(site_dir / rel_path, text)
        created.append(site_dir / rel_path)
    return created


def new_article(config: SiteConfig, title: str, kelurahan: str, category: str | None,
                now: datetime | None = None) -> Path:
    """Write ``content/<kelurahan>/<date>-<slug>.md`` with its front matter filled."""
    known = sorted(set(config.region_kelurahan()) | {
        path.name for path in config.content_dir.glob("*") if path.is_dir() and not path.name.startswith(".")})
    folder = slugify(kelurahan)
    if folder not in known:
        raise KimpressError([error("unknown-kelurahan", None, None, value=kelurahan,
                                   choices=", ".join(known), suggestion=suggest(folder, known))])
    categories = [slug for slug, _ in config.categories]
    if category and categories and slugify(category) not in categories:
        raise KimpressError([error("unknown-category", None, None, value=category, choices=", ".join(categories),
                                   suggestion=suggest(category, categories))])
    slug = slugify(title)
    if not slug:
        raise KimpressError([error("empty-slug", None, None)])
    local = (now or datetime.now(timezone.utc)).astimezone(config.zone)
    path = config.content_dir / folder / f"{local:%Y-%m-%d}-{slug}.md"
    if path.exists():
        raise KimpressError([error("new-exists", path.relative_to(config.site_dir).as_posix(), None)])
    text = ARTICLE.format(
        title=_yaml_text(title), date=local.isoformat(timespec="minutes"),
        author="", category=slugify(category) if category else (categories[0] if categories else "berita"))
    _write_new(path, text.replace("author: \n", ""))
    return path


def _yaml_text(value: str) -> str:
    """Quote a title so YAML reads it back exactly (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)
