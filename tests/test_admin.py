"""The web editor at /admin/: Decap CMS's page and the config.yml made from the site, and the settings of
site.yaml ``admin:``. Tiny real sites are built; config.yml is read back with YAML, the page with html5lib.
The editor itself, in Chromium against decap-server, is tested in test_admin_browser.py."""

from __future__ import annotations

import io
import json

import pytest
import yaml
from conftest import MINIMAL_CONFIG, NOW, article, build_site, output_files, parse_html
from PIL import Image

from kimpress.config.admin import DEFAULT_SCRIPT
from kimpress.core.errors import ConfigError, KimpressError
from kimpress.core.wording import format_diagnostic
from kimpress.model.factcheck import VERDICTS
from kimpress.pipeline.build import Builder, BuildOptions

REGISTRY = """\
categories:
  berita: Berita
  cek-fakta: Cek Fakta
  umkm: UMKM
defaults:
  rubrik: umkm
wilayah:
  bontang-selatan:
    name: Bontang Selatan
    kelurahan:
      satimpo: {name: Satimpo}
      tanjung-laut: {name: Kelurahan Tanjung Laut}
  bontang-utara:
    name: Bontang Utara
    kelurahan:
      api-api: {name: Api-Api}
"""
ADMIN = """\
admin:
  repo: kim-bontang/kabar
"""
CONFIG = MINIMAL_CONFIG + REGISTRY + ADMIN
ONE = {"content/satimpo/2018-11-12-pembinaan.md": article("Pembinaan KIM", category="berita")}


def settings(site) -> dict:
    return yaml.safe_load((site / "output/admin/config.yml").read_text(encoding="utf-8"))


def collection(data: dict, name: str) -> dict:
    return next(item for item in data["collections"] if item["name"] == name)


def fields(data: dict, name: str = "satimpo") -> dict[str, dict]:
    return {item["name"]: item for item in collection(data, name)["fields"]}


def problems(make_site, admin: str) -> list:
    """The diagnostics (errors and warnings) of a site whose ``admin:`` block is ``admin``."""
    site = make_site(ONE, config=MINIMAL_CONFIG + admin)
    try:
        return build_site(site).warnings
    except KimpressError as caught:
        return caught.diagnostics


# --- when the editor is written --------------------------------------------------


def test_a_site_without_admin_gets_no_editor(make_site):
    site = make_site(ONE, config=MINIMAL_CONFIG + REGISTRY)
    result = build_site(site)
    assert result.config.admin is None
    assert not [path for path in output_files(site / "output") if path.startswith("admin/")]


def test_the_editor_is_two_files_at_admin_kept_out_of_the_sitemap_and_the_search_index(make_site):
    site = make_site(ONE, config=CONFIG)
    result = build_site(site)
    assert result.warnings == []
    files = output_files(site / "output")
    assert sorted(path for path in files if path.startswith("admin/")) == ["admin/config.yml", "admin/index.html"]
    assert "admin" not in (site / "output/sitemap.xml").read_text(encoding="utf-8")
    index = site / "output" / result.config.permalinks["search"].strip("/") / "index"
    assert not [path for path in index.rglob("*.json") if "admin" in path.read_text(encoding="utf-8")]


@pytest.mark.parametrize("block", ["admin: false\n", "admin:\n  enabled: false\n  repo: a/b\n"])
def test_an_editor_switched_off_is_not_written(make_site, block):
    site = make_site(ONE, config=MINIMAL_CONFIG + block)
    result = build_site(site)
    assert result.config.admin is not None and not result.config.admin.enabled
    assert not (site / "output/admin").exists() and result.warnings == []


def test_admin_true_takes_every_default_and_asks_for_the_repository(make_site):
    site = make_site(ONE, config=MINIMAL_CONFIG + "admin: true\n")
    result = build_site(site)
    assert [(w.code, w.path, w.line) for w in result.warnings] == [("admin-repo-missing", "site.yaml", 5)]
    assert "repo: pemilik/nama" in format_diagnostic(result.warnings[0], "id")
    data = settings(site)
    assert data["backend"] == {"name": "github", "branch": "main"}
    assert data["local_backend"] is True and data["publish_mode"] == "editorial_workflow"


def test_a_later_build_writes_the_editor_again_only_when_what_it_shows_changes(make_site):
    site = make_site(ONE, config=CONFIG)
    builder = Builder(site, BuildOptions(now=NOW))
    editor = {"/admin/", "/admin/config.yml"}
    assert editor <= set(builder.build().rendered)
    source = site / "content/satimpo/2018-11-12-pembinaan.md"
    source.write_text(source.read_text(encoding="utf-8") + "Tambahan.\n", encoding="utf-8")
    edited = set(builder.build(changed=[source]).rendered)
    assert "/satimpo/pembinaan/" in edited and not editor & edited
    (site / "site.yaml").write_text(CONFIG.replace("kim-bontang/kabar", "kim-bontang/berita"), encoding="utf-8")
    assert "/admin/config.yml" in builder.build().rendered
    assert settings(site)["backend"]["repo"] == "kim-bontang/berita"


# --- config.yml ------------------------------------------------------------------


def test_every_kelurahan_of_the_registry_is_a_collection_with_its_name_and_folder(make_site):
    site = make_site({**ONE, "content/Loktuan/_index.md": "---\nname: Lok Tuan\n---\nProfil.\n"}, config=CONFIG)
    build_site(site)
    data = settings(site)
    kelurahan = [item for item in data["collections"] if not item["name"].startswith("_")]
    assert [(item["name"], item["label"], item["folder"]) for item in kelurahan] == [
        ("satimpo", "Satimpo", "content/satimpo"),
        ("tanjung-laut", "Tanjung Laut", "content/tanjung-laut"),
        ("api-api", "Api-Api", "content/api-api"),
        ("loktuan", "Lok Tuan", "content/Loktuan"),  # outside the registry: its folder as it is on disk
    ]
    satimpo = collection(data, "satimpo")
    assert satimpo["description"] == "Kecamatan Bontang Selatan" and "description" not in collection(data, "loktuan")
    assert satimpo["create"] is True and satimpo["extension"] == "md" and satimpo["format"] == "frontmatter"
    assert satimpo["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}"
    # A photo goes into the article's own folder, and the front matter names it alone.
    assert (satimpo["media_folder"], satimpo["public_folder"]) == ("{{filename}}", "")
    assert satimpo["sortable_fields"][0] == {"field": "date", "default_sort": "desc"}
    assert collection(data, "_halaman")["folder"] == "content"
    profiles = collection(data, "_profil")["files"]
    assert [(item["name"], item["label"], item["file"]) for item in profiles] == [
        ("loktuan", "Lok Tuan", "content/Loktuan/_index.md")]
    assert data["slug"] == {"encoding": "unicode", "clean_accents": True, "sanitize_replacement": "-"}
    assert data["editor"] == {"preview": False} and data["site_url"] == "https://contoh.id/kim/"
    assert (data["media_folder"], data["public_folder"]) == ("static/unggahan", "/unggahan")


def test_the_front_matter_fields_have_indonesian_labels_and_the_right_widgets(make_site):
    site = make_site(ONE, config=CONFIG)
    build_site(site)
    found = fields(settings(site))
    assert list(found) == ["title", "date", "category", "author", "tags", "summary", "cover", "cover_alt", "body",
                           "draft", "verdict", "claim", "claim_seen_on", "claim_date", "sources"]
    widgets = {name: item["widget"] for name, item in found.items()}
    assert widgets == {"title": "string", "date": "datetime", "category": "select", "author": "string",
                       "tags": "list", "summary": "text", "cover": "image", "cover_alt": "string", "body": "markdown",
                       "draft": "boolean", "verdict": "select", "claim": "text", "claim_seen_on": "list",
                       "claim_date": "datetime", "sources": "list"}
    assert found["title"]["label"] == "Judul" and found["category"]["label"] == "Rubrik"
    assert [name for name, item in found.items() if item.get("required", True)] == ["title", "date", "body"]
    # The rubrik: the site's categories, the default of site.yaml's ``defaults`` (written as ``rubrik``) chosen.
    assert found["category"]["options"] == [{"label": "Berita", "value": "berita"},
                                            {"label": "Cek Fakta", "value": "cek-fakta"},
                                            {"label": "UMKM", "value": "umkm"}]
    assert found["category"]["default"] == "umkm"
    # The date: written as a time of the site's zone, which says which it is.
    assert found["date"]["format"] == "YYYY-MM-DD HH:mm" and found["date"]["default"] == "{{now}}"
    assert "WITA (Asia/Makassar)" in found["date"]["hint"]
    assert found["claim_date"]["format"] == "YYYY-MM-DD" and found["claim_date"]["time_format"] is False
    assert [option["value"] for option in found["verdict"]["options"]] == list(VERDICTS)
    assert found["verdict"]["options"][0] == {"label": "Hoaks", "value": "hoaks"}
    assert "Cek Fakta" in found["verdict"]["hint"]


def test_a_site_without_the_cek_fakta_rubrik_has_no_fact_check_fields(make_site):
    site = make_site(ONE, config=CONFIG.replace("  cek-fakta: Cek Fakta\n", ""))
    build_site(site)
    assert not {"verdict", "claim", "claim_seen_on", "claim_date", "sources"} & set(fields(settings(site)))


def test_a_site_without_categories_takes_the_rubrik_as_text(make_site):
    config = MINIMAL_CONFIG + "wilayah:\n  k:\n    kelurahan:\n      satimpo: {name: Satimpo}\n" + ADMIN
    site = make_site(ONE, config=config)
    build_site(site)
    found = fields(settings(site))
    assert found["category"]["widget"] == "string" and "options" not in found["category"]
    assert "verdict" in found  # any rubrik may be cek-fakta


def test_an_english_site_gets_english_labels_and_page(make_site):
    site = make_site(ONE, config=CONFIG.replace("language: id", "language: en"))
    build_site(site)
    found = fields(settings(site))
    assert (found["title"]["label"], found["summary"]["label"]) == ("Title", "Summary")
    assert found["verdict"]["options"][0] == {"label": "Hoax", "value": "hoaks"}
    page = parse_html(site / "output/admin/index.html")
    assert page.get("lang") == "en" and "Editor" in page.find("head/title").text
    assert "JavaScript" in "".join(page.find("body/noscript").itertext())


@pytest.mark.parametrize("block, backend", [
    ("admin:\n  repo: kim-bontang/kabar\n  branch: terbit\n  base_url: https://oauth.kim.id/\n"
     "  auth_endpoint: api/auth\n",
     {"name": "github", "repo": "kim-bontang/kabar", "branch": "terbit", "base_url": "https://oauth.kim.id",
      "auth_endpoint": "api/auth"}),
    ("admin:\n  backend: gitlab\n  repo: kim/sub/kabar\n  app_id: abc123\n  auth_type: pkce\n"
     "  api_root: https://git.kim.id/api/v4\n",
     {"name": "gitlab", "repo": "kim/sub/kabar", "branch": "main", "api_root": "https://git.kim.id/api/v4",
      "app_id": "abc123", "auth_type": "pkce"}),
    ("admin:\n  backend: git-gateway\n", {"name": "git-gateway", "branch": "main"}),
], ids=["github-oauth-proxy", "gitlab-pkce", "git-gateway"])
def test_the_backend_comes_from_site_yaml(make_site, block, backend):
    site = make_site(ONE, config=MINIMAL_CONFIG + block)
    assert build_site(site).warnings == []
    assert settings(site)["backend"] == backend


@pytest.mark.parametrize("value, expected", [
    ("true", True),
    ("http://127.0.0.1:8082/api/v1", {"url": "http://127.0.0.1:8082/api/v1"}),
    ("http://localhost:8082", {"url": "http://localhost:8082/api/v1"}),
    # Opened from a phone on the same network: the editor must be allowed to use the laptop's decap-server.
    ("http://192.168.1.5:8081/api/v1", {"url": "http://192.168.1.5:8081/api/v1", "allowed_hosts": ["192.168.1.5"]}),
    ("false", None),
])
def test_local_backend_for_previews(make_site, value, expected):
    site = make_site(ONE, config=CONFIG + f"  local_backend: {value}\n")
    build_site(site)
    assert settings(site).get("local_backend") == expected


def test_the_workflow_can_be_switched_off_and_the_site_can_live_in_a_folder_of_the_repository(make_site):
    site = make_site(ONE, config=CONFIG + "  editorial_workflow: false\n  folder: situs/kabar/\n")
    build_site(site)
    data = settings(site)
    assert "publish_mode" not in data
    assert collection(data, "satimpo")["folder"] == "situs/kabar/content/satimpo"
    assert data["media_folder"] == "situs/kabar/static/unggahan" and data["public_folder"] == "/unggahan"


# --- index.html ------------------------------------------------------------------


def test_the_page_loads_the_cms_script_and_asks_not_to_be_indexed(make_site):
    site = make_site(ONE, config=CONFIG)
    build_site(site)
    page = parse_html(site / "output/admin/index.html")
    assert page.get("lang") == "id"
    metas = {meta.get("name"): meta.get("content") for meta in page.iter("meta") if meta.get("name")}
    assert metas["robots"] == "noindex, nofollow" and "width=device-width" in metas["viewport"]
    assert page.find("head/title").text == "Penyunting · Kabar Uji"
    assert [script.get("src") for script in page.iter("script")] == [DEFAULT_SCRIPT]
    assert "/decap-cms@3/" in DEFAULT_SCRIPT  # the major version is pinned
    assert "JavaScript" in "".join(page.find("body/noscript").itertext())
    assert "-EditorContainer" in page.find("head/style").text  # the editor fits a phone's width


@pytest.mark.parametrize("script, src", [
    ("/decap/decap-cms.js", "/kim/decap/decap-cms.js"),  # a file of static/: the base path is added
    ("https://unpkg.com/@sveltia/cms/dist/sveltia-cms.js", "https://unpkg.com/@sveltia/cms/dist/sveltia-cms.js"),
])
def test_the_script_is_configurable(make_site, script, src):
    site = make_site(ONE, config=CONFIG + f"  script: {script}\n")
    build_site(site)
    page = parse_html(site / "output/admin/index.html")
    assert [element.get("src") for element in page.iter("script")] == [src]


# --- what the editor writes, kimpress publishes ------------------------------------

# An article as Decap CMS writes it with this config.yml (see test_admin_browser.py): the date without an
# offset, tags as a block list, the cover in the article's own folder, named alone.
DECAP_ARTICLE = """\
---
title: Kerja Bakti Warga Satimpo
date: 2024-05-01 07:15
category: berita
tags:
  - kebersihan
  - warga
cover: foto.jpg
cover_alt: Saluran air yang dibersihkan
draft: false
---
Warga Satimpo bergotong royong membersihkan saluran air.
"""
DECAP_FACT_CHECK = """\
---
title: Pesan Berantai Bantuan Tunai
date: 2024-05-02 10:00
category: cek-fakta
verdict: hoaks
claim: Warga cukup mengisi tautan untuk menerima bantuan tunai.
claim_seen_on:
  - WhatsApp
claim_date: 2024-05-01
sources:
  - Dinas Sosial | https://contoh.id/dinsos/klarifikasi
draft: false
---
Tautan itu bukan milik pemerintah.
"""


def test_an_article_as_the_editor_writes_it_is_published_with_its_cover(make_site):
    photo = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo, "JPEG")
    site = make_site({"content/satimpo/2024-05-01-kerja-bakti-warga-satimpo.md": DECAP_ARTICLE,
                      "content/satimpo/2024-05-01-kerja-bakti-warga-satimpo/foto.jpg": photo.getvalue(),
                      "content/satimpo/2024-05-02-pesan-berantai.md": DECAP_FACT_CHECK}, config=CONFIG)
    result = build_site(site)
    assert result.warnings == []
    published = {item.title: item for item in result.site.articles}
    kerja = published["Kerja Bakti Warga Satimpo"]
    assert kerja.url == "/satimpo/kerja-bakti-warga-satimpo/" and kerja.cover_url.endswith("/foto.jpg")
    assert kerja.date.isoformat() == "2024-05-01T07:15:00+08:00"  # read in the site's zone (WITA)
    assert [tag.slug for tag in kerja.tags] == ["kebersihan", "warga"]
    page = parse_html(site / "output/satimpo/kerja-bakti-warga-satimpo/index.html")
    assert page.find(".//h1").text == "Kerja Bakti Warga Satimpo"
    assert published["Pesan Berantai Bantuan Tunai"].factcheck.verdict == "hoaks"


def test_a_field_the_writer_emptied_in_the_editor_does_not_stop_the_build(make_site):
    emptied = DECAP_ARTICLE.replace("cover: foto.jpg\n", "summary: \"\"\nauthor: \"\"\nclaim_date: \"\"\n")
    site = make_site({"content/satimpo/2024-05-01-kerja-bakti.md": emptied}, config=CONFIG)
    [published] = build_site(site).site.articles
    assert published.author is None and published.summary  # the summary comes from the body, as if none was written


# --- site.yaml mistakes, in plain words at their line ----------------------------


@pytest.mark.parametrize("block, code, line, params", [
    ("admin:\n  repo: a/b\n  backnd: github\n", "unknown-admin-setting", 7, {"suggestion": "backend"}),
    ("admin:\n  repo: a/b\n  backend: gitub\n", "not-a-choice", 7, {"key": "admin.backend", "suggestion": "github"}),
    ("admin:\n  repo: kabar\n", "admin-repo-invalid", 6, {"value": "kabar"}),
    ("admin:\n  repo: a/b\n  branch: ada spasi\n", "admin-branch-invalid", 7, {"value": "ada spasi"}),
    ("admin:\n  repo: a/b\n  folder: ../luar\n", "admin-folder-invalid", 7, {"value": "../luar"}),
    ("admin:\n  repo: a/b\n  script: decap-cms.js\n", "admin-script-invalid", 7, {"value": "decap-cms.js"}),
    ("admin:\n  repo: a/b\n  local_backend: 8081\n", "admin-local-backend-invalid", 7, {"value": "8081"}),
    ("admin:\n  repo: a/b\n  base_url: oauth.kim.id\n", "expected-absolute-url", 7, {"key": "admin.base_url"}),
    ("admin:\n  repo: a/b\n  editorial_workflow: kadang\n", "expected-boolean", 7, {}),
    ("admin: [github]\n", "expected-mapping", 5, {"key": "admin"}),
])
def test_a_bad_admin_setting_is_a_located_error(make_site, block, code, line, params):
    found = problems(make_site, block)
    errors = [item for item in found if item.is_error]
    assert [(item.code, item.path, item.line) for item in errors] == [(code, "site.yaml", line)]
    assert params.items() <= errors[0].param_dict.items()
    for language in ("id", "en"):
        text = format_diagnostic(errors[0], language)
        assert text.startswith(f"site.yaml:{line}: ") and "{" not in text, text


def test_every_admin_mistake_is_reported_at_once(make_site):
    with pytest.raises(ConfigError) as caught:
        build_site(make_site(ONE, config=MINIMAL_CONFIG + "paginate: 0\nadmin:\n  backend: x\n  repo: y\n"))
    assert sorted(item.code for item in caught.value.diagnostics) == [
        "admin-repo-invalid", "integer-too-small", "not-a-choice"]


def test_an_empty_repository_is_asked_for_unless_git_gateway_finds_it(make_site):
    assert [item.code for item in problems(make_site, "admin:\n  backend: gitlab\n")] == ["admin-repo-missing"]
    assert problems(make_site, "admin:\n  backend: git-gateway\n") == []


# --- the addresses the editor takes ------------------------------------------------


@pytest.mark.parametrize("path, origin", [
    ("content/admin/2024-05-01-x.md", "content/admin/"),  # a kelurahan folder named admin: its list page
    ("content/admin.md", "content/admin.md"),
    ("static/admin/config.yml", "static/admin/config.yml"),  # a hand-made Decap setup of the site
])
def test_a_writer_file_on_the_editor_s_address_is_a_conflict_naming_it(make_site, path, origin):
    text = article("Admin", date="2024-05-01") if path.endswith(".md") else "backend: {name: github}\n"
    site = make_site({**ONE, path: text}, config=CONFIG)
    with pytest.raises(KimpressError) as caught:
        build_site(site)
    assert [(item.code, item.path) for item in caught.value.diagnostics] == [("url-conflict", origin)]
    assert caught.value.diagnostics[0].param_dict["url"].startswith("/admin/")


def test_an_editor_switched_off_leaves_static_admin_to_the_site(make_site):
    site = make_site({**ONE, "static/admin/config.yml": "backend: {name: github}\n"},
                     config=CONFIG + "  enabled: false\n")
    build_site(site)
    assert json.dumps(yaml.safe_load((site / "output/admin/config.yml").read_text())) == \
        '{"backend": {"name": "github"}}'
