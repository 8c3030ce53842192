"""Plan the web editor at ``/admin/``: the page that loads Decap CMS and the ``config.yml`` it reads.

Both files are made here, from the site itself, when site.yaml has ``admin:`` (see
``kimpress.config.admin``):

- one folder collection per kelurahan, registry order first, then the folders outside the
  registry (label: its name; folder: ``content/<folder as on disk>``); new files are named
  ``{{year}}-{{month}}-{{day}}-{{slug}}.md``, as ``kimpress new`` names them (Decap takes the day
  from the date field, counted in UTC: the article's date is its ``date:``, never the name);
- the front matter keys ``kimpress new`` writes, labelled in the site's language: the rubrik a
  select of ``categories``, tags a list, the date a date and time read in the site's zone,
  the cover an image kept in the article's own folder (``media_folder: "{{filename}}"``,
  ``public_folder: ""``: the file goes to ``content/<kel>/<date>-<slug>/foto.jpg`` and the front
  matter says ``cover: foto.jpg``, which kimpress finds there);
- the cek-fakta keys last and optional, only on a site that has the rubrik: Decap has no field
  shown on a condition, and a second collection per kelurahan would list the same files twice;
- a collection of the standalone pages (``content/*.md``) and one of the kelurahan profiles
  (their ``_index.md``); the editorial workflow (draft -> review -> publish) and no preview pane,
  which takes half of a phone's screen.

The page is no "page" output: it is not in the sitemap, not indexed (``noindex``), and a
writer's ``content/admin/`` or ``static/admin/`` claiming the same files is a conflict naming it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from types import MappingProxyType
from typing import Any, Mapping
from urllib.parse import urlsplit

import yaml

from kimpress.config.admin import AdminSettings
from kimpress.config.site import SiteConfig
from kimpress.core.dates import zone_abbreviation
from kimpress.core.urls import output_path_for, site_url
from kimpress.model.factcheck import FACTCHECK_RUBRIK, VERDICTS
from kimpress.model.types import Kelurahan, Site
from kimpress.plan.output import CONFIG_ORIGIN, Output
from kimpress.source.metadata import spellings

ADMIN_URL = "/admin/"
MEDIA_FOLDER = "static/unggahan"  # the editor's shared media library, published at /unggahan/
DATE_FORMAT = "YYYY-MM-DD HH:mm"  # what Decap writes: a time without an offset is read in the site's zone
_LOOPBACK = ("localhost", "127.0.0.1")
# Decap lays its entry editor out for screens 800 px wide. On a phone it takes the screen's width instead, its
# toolbar on as many rows as the buttons need (the site link and the account menu stay on the list pages). The
# selectors are the names of Decap's components; should they change, the editor only scrolls sideways again.
PHONE_CSS = """@media (max-width: 799px) {
[class*="-EditorContainer"] { min-width: 0 !important; padding-top: 0 !important; display: flex;
  flex-direction: column; }
[class*="-EditorContainer"] > [class*="-ToolbarContainer"] { min-width: 0 !important; position: relative !important;
  flex: none !important; height: auto !important; flex-wrap: wrap; }
[class*="-EditorContainer"] > [class*="-ToolbarContainer"] > * { flex: 1 0 100% !important; height: auto !important;
  min-height: 52px; }
[class*="-ToolbarSectionMeta"] { display: none !important; }
[class*="-ToolbarSubSection"] { flex-wrap: wrap; row-gap: 8px; }
[class*="-ToolbarSectionMain"] { flex-wrap: wrap; row-gap: 8px; padding: 8px 0 !important;
  border-top: 1px solid #dfdfe3 !important; }
[class*="-EditorContainer"] > [class*="-Editor"] { flex: 1 1 0% !important; min-width: 0 !important;
  min-height: 0 !important; width: 100% !important; height: auto !important; }
[class*="-ControlPaneContainer"] [class*="-ToolbarContainer"], [class*="-DateTimeControl"] { flex-wrap: wrap;
  row-gap: 8px; }
}"""


@dataclass(frozen=True)
class Generated:
    """The payload of a "text-file" output: its bytes, made while planning."""

    data: bytes


# field name -> (Indonesian label, English label, Indonesian hint, English hint)
_WORDS: Mapping[str, tuple[str, str, str, str]] = MappingProxyType({
    "title": ("Judul", "Title", "", ""),
    "date": ("Tanggal dan jam terbit", "Publication date and time",
             "Waktu {zone}. Berita bertanggal nanti terbit pada waktunya.",
             "{zone} time. An article dated later is published when its time comes."),
    "author": ("Penulis", "Author", "", ""),
    "category": ("Rubrik", "Rubrik", "", ""),
    "tags": ("Tag", "Tags", "Pisahkan dengan koma, misalnya: posyandu, kesehatan",
             "Separated by commas, for example: posyandu, health"),
    "summary": ("Ringkasan", "Summary", "Satu kalimat untuk daftar berita dan saat dibagikan. Boleh dikosongkan.",
                "One sentence for lists and shares. May be left empty."),
    "cover": ("Foto sampul", "Cover photo", "Disimpan di folder artikel ini.", "Kept in this article's folder."),
    "cover_alt": ("Keterangan foto sampul", "Cover photo description",
                  "Apa yang tampak di foto, untuk pembaca yang tidak dapat melihatnya.",
                  "What the photo shows, for readers who cannot see it."),
    "body": ("Isi", "Text", "", ""),
    "draft": ("Draf", "Draft", "Artikel draf tidak tampil di situs, walau sudah diterbitkan di sini.",
              "A draft stays off the site, even once published here."),
    "verdict": ("Cek fakta: hasil pemeriksaan", "Fact check: verdict",
                "Hanya untuk rubrik Cek Fakta.", "Only for the cek-fakta rubrik."),
    "claim": ("Cek fakta: klaim yang diperiksa", "Fact check: the claim checked", "", ""),
    "claim_seen_on": ("Cek fakta: beredar di", "Fact check: seen on",
                      "Misalnya: WhatsApp, Facebook", "For example: WhatsApp, Facebook"),
    "claim_date": ("Cek fakta: tanggal beredar", "Fact check: date seen", "", ""),
    "sources": ("Cek fakta: rujukan", "Fact check: sources",
                "Alamat tautan, atau \"Judul | https://…\", dipisah koma.",
                "Addresses, or \"Title | https://…\", separated by commas."),
    "name": ("Nama kelurahan", "Name", "", ""),
    "kim": ("Nama KIM", "KIM name", "", ""),
    "description": ("Deskripsi singkat", "Short description", "", ""),
})
_TEXTS: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "id": {"article": "artikel", "page": "halaman", "pages": "Halaman situs", "profiles": "Profil kelurahan",
           "kecamatan": "Kecamatan {name}", "editor": "Penyunting", "profile_body": "Profil",
           "noscript": "Penyunting ini memerlukan JavaScript. Nyalakan JavaScript di peramban Anda, lalu muat "
                       "ulang halaman ini."},
    "en": {"article": "article", "page": "page", "pages": "Site pages", "profiles": "Kelurahan profiles",
           "kecamatan": "Kecamatan {name}", "editor": "Editor", "profile_body": "Profile",
           "noscript": "This editor needs JavaScript. Turn JavaScript on in your browser, then reload this page."},
})


def plan_admin(site: Site) -> list[Output]:
    """``/admin/`` and ``/admin/config.yml``, or nothing when the site has no editor."""
    config = site.config
    admin = config.admin
    if admin is None or not admin.enabled:
        return []
    page = admin_page(config, admin).encode("utf-8")
    settings = yaml.safe_dump(cms_config(site, admin), allow_unicode=True, sort_keys=False, width=1000)
    line = admin.line
    return [Output(ADMIN_URL, "text-file", Generated(page), output_path_for(ADMIN_URL), CONFIG_ORIGIN, line),
            Output(ADMIN_URL + "config.yml", "text-file", Generated(settings.encode("utf-8")),
                   (ADMIN_URL + "config.yml").lstrip("/"), CONFIG_ORIGIN, line)]


def admin_page(config: SiteConfig, admin: AdminSettings) -> str:
    """The editor's page: Decap finds ``config.yml`` beside it and draws itself into the body."""
    texts = _TEXTS[config.language]
    # A site path gets the base path; an address stays as written (unpkg reads "@^3", not "@%5E3").
    script = site_url(config.base_url, admin.script) if admin.script.startswith("/") else admin.script
    return (f'<!doctype html>\n<html lang="{config.language}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="robots" content="noindex, nofollow">\n'
            f'<title>{escape(texts["editor"])} · {escape(config.title)}</title>\n<style>\n{PHONE_CSS}\n</style>\n'
            '</head>\n<body>\n'
            f'<noscript><p>{escape(texts["noscript"])}</p></noscript>\n'
            f'<script src="{escape(script)}"></script>\n</body>\n</html>\n')


def cms_config(site: Site, admin: AdminSettings) -> dict[str, Any]:
    """The Decap CMS ``config.yml``, as data."""
    config = site.config
    prefix = admin.folder + "/" if admin.folder else ""
    data: dict[str, Any] = {"backend": _backend(admin)}
    local = _local_backend(admin)
    if local is not None:
        data["local_backend"] = local
    if admin.editorial_workflow:
        data["publish_mode"] = "editorial_workflow"
    data.update({
        "site_url": config.base_url,
        "display_url": config.base_url,
        "media_folder": prefix + MEDIA_FOLDER,
        "public_folder": "/" + MEDIA_FOLDER.split("/", 1)[1],
        "slug": {"encoding": "unicode", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": False},
        "collections": _collections(site, prefix),
    })
    return data


def _backend(admin: AdminSettings) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": admin.backend}
    for key in ("repo", "branch", "base_url", "auth_endpoint", "api_root", "app_id", "auth_type"):
        value = getattr(admin, key)
        if value and not (key == "repo" and admin.backend == "git-gateway"):
            backend[key] = value
    return backend


def _local_backend(admin: AdminSettings) -> bool | dict[str, Any] | None:
    """``true`` for decap-server's usual address, or its address (and the host the editor may be opened from)."""
    if admin.local_backend is False:
        return None
    if admin.local_backend is True:
        return True
    host = urlsplit(admin.local_backend).hostname or ""
    found: dict[str, Any] = {"url": admin.local_backend}
    if host not in _LOOPBACK:
        found["allowed_hosts"] = [host]
    return found


def _collections(site: Site, prefix: str) -> list[dict[str, Any]]:
    config = site.config
    texts = _TEXTS[config.language]
    collections = []
    for kel in site.kelurahan:
        kecamatan = site.kecamatan_named(kel.kecamatan)
        collection: dict[str, Any] = {
            "name": kel.slug, "label": kel.name, "label_singular": texts["article"],
            "folder": f"{prefix}content/{kelurahan_folder(site, kel)}", "create": True,
            "extension": "md", "format": "frontmatter", "slug": "{{year}}-{{month}}-{{day}}-{{slug}}",
            "media_folder": "{{filename}}", "public_folder": "",
            "summary": "{{title}}", "sortable_fields": [{"field": "date", "default_sort": "desc"}, "title"],
        }
        if kecamatan is not None:
            collection["description"] = texts["kecamatan"].format(name=kecamatan.name)
        collections.append({**collection, "fields": article_fields(config)})  # written out: no YAML aliases
    collections.append({
        "name": "_halaman", "label": texts["pages"], "label_singular": texts["page"], "folder": f"{prefix}content",
        "create": True, "extension": "md", "format": "frontmatter", "slug": "{{slug}}",
        "fields": [_field(config, "title", "string", required=True), _field(config, "body", "markdown")]})
    profiles = [{"name": kel.slug, "label": kel.name, "file": prefix + kel.source, "fields": _profile_fields(config)}
                for kel in site.kelurahan if kel.source]
    if profiles:
        collections.append({"name": "_profil", "label": texts["profiles"], "files": profiles})
    return collections


def kelurahan_folder(site: Site, kel: Kelurahan) -> str:
    """The kelurahan's folder under ``content/`` as spelled on disk (``Loktuan``), else its slug."""
    articles = site.by_kelurahan.get(kel.slug, ())
    for source in ([kel.source] if kel.source else []) + [article.source for article in articles[:1]]:
        parts = source.split("/")
        if len(parts) >= 3:
            return parts[1]
    return kel.slug


def article_fields(config: SiteConfig) -> list[dict[str, Any]]:
    """The front matter of an article, as Decap fields, in the order a writer fills them."""
    language = config.language
    zone = zone_abbreviation(datetime(2024, 1, 1, 12, tzinfo=config.zone), language)
    fields = [
        _field(config, "title", "string", required=True),
        _field(config, "date", "datetime", required=True, format=DATE_FORMAT, default="{{now}}",
               zone=f"{zone} ({config.timezone})"),
        _category_field(config),
        _field(config, "author", "string"),
        _field(config, "tags", "list"),
        _field(config, "summary", "text"),
        _field(config, "cover", "image"),
        _field(config, "cover_alt", "string"),
        _field(config, "body", "markdown", required=True),
        _field(config, "draft", "boolean", default=False),
    ]
    slugs = {slug for slug, _ in config.categories}
    if not config.categories or slugs & FACTCHECK_RUBRIK:
        verdicts = [{"label": verdict.label(language), "value": slug} for slug, verdict in VERDICTS.items()]
        fields += [
            _field(config, "verdict", "select", options=verdicts),
            _field(config, "claim", "text"),
            _field(config, "claim_seen_on", "list"),
            _field(config, "claim_date", "datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD",
                   time_format=False),
            _field(config, "sources", "list"),
        ]
    return fields


def _category_field(config: SiteConfig) -> dict[str, Any]:
    """The rubrik: a select of ``categories`` (the default one first chosen), free text when the site has none."""
    if not config.categories:
        return _field(config, "category", "string")
    default = next((config.defaults[key] for key in spellings("category") if config.defaults.get(key)), None)
    options = [{"label": label, "value": slug} for slug, label in config.categories]
    extra = {"default": default} if default in dict(config.categories) else {}
    return _field(config, "category", "select", options=options, **extra)


def _profile_fields(config: SiteConfig) -> list[dict[str, Any]]:
    body = {**_field(config, "body", "markdown"), "label": _TEXTS[config.language]["profile_body"]}
    return [_field(config, "name", "string"), _field(config, "kim", "string"),
            _field(config, "description", "text"), body]


def _field(config: SiteConfig, name: str, widget: str, required: bool = False, zone: str = "",
           **options: Any) -> dict[str, Any]:
    label_id, label_en, hint_id, hint_en = _WORDS[name]
    english = config.language == "en"
    field: dict[str, Any] = {"label": label_en if english else label_id, "name": name, "widget": widget}
    if not required:
        field["required"] = False
    hint = (hint_en if english else hint_id).format(zone=zone)
    if hint:
        field["hint"] = hint
    return {**field, **options}
