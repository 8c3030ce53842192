"""site.yaml: every problem located at its line, warnings that do not stop a build,
and the settings that change what is built."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import article, build_site, output_files, parse_html

from kimpress.config.site import load_config
from kimpress.core.errors import ConfigError, Severity

ARTICLE = {"content/loktuan/2018-11-12-x.md": article("X", "2018-11-12 09:30", category="berita")}
BASE = "title: Kabar Uji\nbase_url: https://contoh.id/kim/\n"  # lines 1 and 2


def config_errors(site: Path):
    with pytest.raises(ConfigError) as caught:
        build_site(site)
    assert not (site / "output").exists()
    return caught.value.diagnostics


def located(diagnostics) -> set[tuple]:
    return {(d.code, d.path, d.line) for d in diagnostics}


def test_missing_site_yaml(tmp_path):
    site = tmp_path / "bukan-situs"
    (site / "content/loktuan").mkdir(parents=True)
    (site / "content/loktuan/x.md").write_text(article("X"), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        build_site(site)
    [problem] = caught.value.diagnostics
    assert (problem.code, problem.path) == ("config-missing", "site.yaml")
    assert problem.param_dict["site_dir"] == str(site.resolve())
    assert not (site / "output").exists()


def test_missing_title_and_base_url_are_reported_together(make_site):
    site = make_site(ARTICLE, config="language: id\ntimezone: Asia/Makassar\n")
    diagnostics = config_errors(site)
    assert len(diagnostics) == 2
    assert {d.code for d in diagnostics} == {"missing-key"}
    assert {d.param_dict["key"] for d in diagnostics} == {"title", "base_url"}
    assert {d.path for d in diagnostics} == {"site.yaml"}
    assert all(d.is_error for d in diagnostics)


@pytest.mark.parametrize("config, code, line, params", [
    pytest.param("title: T\nbase_url: kim/\n", "expected-absolute-url", 2, {"key": "base_url", "value": "kim/"},
                 id="relative-base-url"),
    pytest.param("title: T\nbase_url: /kim/\n", "expected-absolute-url", 2, {"value": "/kim/"}, id="rooted-base-url"),
    pytest.param("title: T\n\nbase_url: contoh.id/kim/\n", "expected-absolute-url", 3, {"value": "contoh.id/kim/"},
                 id="base-url-without-scheme"),
    pytest.param("title: T\nbase_url: ftp://contoh.id/\n", "expected-absolute-url", 2, {}, id="ftp-base-url"),
    pytest.param("title: T\nbase_url: https://contoh.id/?a=1\n", "url-has-query", 2, {}, id="base-url-with-query"),
    pytest.param(BASE + "language: jawa\n", "not-a-choice", 3, {"key": "language", "value": "jawa"},
                 id="bad-language"),
    pytest.param(BASE + "description: x\ntimezone: Asia/Bontang\n", "unknown-timezone", 4,
                 {"value": "Asia/Bontang"}, id="unknown-timezone"),
    pytest.param(BASE + "timezone: WITA\n", "unknown-timezone", 3, {"value": "WITA"}, id="zone-abbreviation"),
    pytest.param(BASE + "paginate: 0\n", "integer-too-small", 3, {"key": "paginate", "value": 0, "minimum": 1},
                 id="paginate-0"),
    pytest.param(BASE + "paginate: sepuluh\n", "expected-integer", 3, {"key": "paginate"}, id="paginate-text"),
    pytest.param(BASE + "paginate: true\n", "expected-integer", 3, {"key": "paginate"}, id="paginate-boolean"),
    pytest.param(BASE + "paginate: 100000\n", "integer-too-large", 3, {"key": "paginate"}, id="paginate-huge"),
    pytest.param(BASE + "title: Lagi\n", "yaml-duplicate-key", 3, {"key": "title", "first_line": 1},
                 id="duplicate-key"),
    pytest.param("title: [Kabar\nbase_url: https://contoh.id/\n", "yaml-unclosed-flow", 1, {}, id="yaml-syntax"),
    pytest.param("- title: T\n- base_url: https://contoh.id/\n", "not-a-mapping", 1, {}, id="list-not-mapping"),
    pytest.param(BASE + "categories: 5\n", "expected-mapping", 3, {"key": "categories"}, id="categories-number"),
])
def test_site_yaml_mistake_is_located(make_site, config, code, line, params):
    site = make_site(ARTICLE, config=config)
    diagnostics = config_errors(site)
    [problem] = [d for d in diagnostics if d.code == code]
    assert (problem.path, problem.line, problem.severity) == ("site.yaml", line, Severity.ERROR)
    for key, value in params.items():
        assert problem.param_dict[key] == value


def test_every_site_yaml_error_is_reported_at_once(make_site):
    config = "title: T\nbase_url: kim/\nlanguage: jawa\npaginate: 0\ntimezone: Mars/Olympus\n"
    site = make_site(ARTICLE, config=config)
    assert located(config_errors(site)) == {
        ("expected-absolute-url", "site.yaml", 2),
        ("not-a-choice", "site.yaml", 3),
        ("integer-too-small", "site.yaml", 4),
        ("unknown-timezone", "site.yaml", 5),
    }


def test_unsafe_tag_in_site_yaml_is_refused_and_never_runs(make_site, tmp_path):
    marker = tmp_path / "perintah-dijalankan"
    config = BASE + f"description: !!python/object/apply:os.system ['touch {marker}']\n"
    site = make_site(ARTICLE, config=config)
    assert located(config_errors(site)) == {("yaml-unsafe-tag", "site.yaml", 3)}
    assert not marker.exists()


def test_site_yaml_that_is_not_utf8(make_site):
    site = make_site(ARTICLE, config="")
    (site / "site.yaml").write_bytes(b"title: Kabar \xff\nbase_url: https://contoh.id/\n")
    assert {d.code for d in config_errors(site)} == {"not-utf8"}


def test_site_yaml_with_bom_and_crlf_loads(make_site):
    site = make_site(ARTICLE, config="")
    (site / "site.yaml").write_bytes(("\ufeff" + BASE + "paginate: 3\n").replace("\n", "\r\n").encode("utf-8"))
    config, warnings = load_config(site)
    assert (config.title, config.base_url, config.paginate, warnings) == ("Kabar Uji", "https://contoh.id/kim/", 3, [])


def test_unknown_key_warns_with_a_suggestion_and_the_build_succeeds(make_site):
    site = make_site(ARTICLE, config=BASE + "timezone: Asia/Makassar\npaginat: 5\n")
    result = build_site(site)
    [warning] = [d for d in result.warnings if d.code == "unknown-key"]
    assert (warning.path, warning.line, warning.severity) == ("site.yaml", 4, Severity.WARNING)
    assert warning.param_dict["key"] == "paginat"
    assert warning.param_dict["suggestion"] == "paginate"
    assert not warning.is_error
    assert result.config.paginate == 10  # the misspelt key was ignored
    assert (site / "output/loktuan/x/index.html").is_file()


def test_unknown_key_without_a_close_match_has_no_suggestion(make_site):
    site = make_site(ARTICLE, config=BASE + "zzqq: 1\n")
    [warning] = [d for d in build_site(site).warnings if d.code == "unknown-key"]
    assert warning.param_dict["key"] == "zzqq" and not warning.param_dict["suggestion"]


@pytest.mark.parametrize("permalinks, code, params", [
    ("  article: /{kelurahan}/{judul}/\n", "permalink-unknown-field", {"kind": "article", "field": "judul"}),
    ("  tag: /tag/{slug}/\n", "permalink-unknown-field", {"kind": "tag", "field": "slug"}),
    ("  article: /{kelurahan}/{year}/\n", "permalink-needs-slug", {"kind": "article"}),
    ("  artikel: /{slug}/\n", "unknown-permalink-kind", {"kind": "artikel"}),
    ("  article: '{kelurahan}/{slug}/'\n", "permalink-not-rooted", {"kind": "article"}),
    ("  page: /../{slug}/\n", "permalink-not-rooted", {"kind": "page"}),
], ids=["unknown-placeholder", "placeholder-of-another-kind", "article-without-slug", "unknown-kind",
        "not-rooted", "dot-dot"])
def test_bad_permalink_is_reported(make_site, permalinks, code, params):
    site = make_site(ARTICLE, config=BASE + "permalinks:\n" + permalinks)
    [problem] = config_errors(site)
    assert (problem.code, problem.path) == (code, "site.yaml")
    assert problem.line in (3, 4)  # the permalinks key or the pattern's own line
    for key, value in params.items():
        assert problem.param_dict[key] == value


def test_custom_article_permalink_changes_the_output_path(make_site):
    site = make_site(ARTICLE, config=BASE + "timezone: Asia/Makassar\npermalinks:\n  article: /{year}/{month}/{slug}/\n")
    result = build_site(site)
    assert [a.url for a in result.site.articles] == ["/2018/11/x/"]
    files = output_files(site / "output")
    assert "2018/11/x/index.html" in files
    assert not any(f.startswith("loktuan/x/") for f in files)
    home = parse_html(site / "output/index.html")
    assert "/kim/2018/11/x/" in [a.get("href") for a in home.iter("a")]


def test_article_permalink_uses_the_local_date_of_the_site_zone(make_site):
    # 00:30 WITA on 1 December is still 30 November in UTC: the URL follows the site's zone.
    site = make_site({"content/loktuan/x.md": article("X", "2018-12-01 00:30")},
                     config=BASE + "timezone: Asia/Makassar\npermalinks:\n  article: /{year}/{month}/{day}/{slug}/\n")
    assert [a.url for a in build_site(site).site.articles] == ["/2018/12/01/x/"]


@pytest.mark.parametrize("how", ["site.yaml", "option"])
def test_base_url_without_trailing_slash_gets_one(make_site, how):
    config = "title: Kabar Uji\nbase_url: https://contoh.id/kim\n"
    site = make_site(ARTICLE, config=config if how == "site.yaml" else BASE)
    result = build_site(site) if how == "site.yaml" else build_site(site, base_url="https://contoh.id/kim")
    assert result.config.base_url == "https://contoh.id/kim/"
    out = site / "output"
    home = parse_html(out / "index.html")
    assert "/kim/loktuan/x/" in [a.get("href") for a in home.iter("a")]
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {u.find("s:loc", ns).text for u in ET.parse(out / "sitemap.xml").getroot().findall("s:url", ns)}
    assert "https://contoh.id/kim/loktuan/x/" in locs
    assert not any("/kimloktuan" in loc for loc in locs)


def test_base_url_option_overrides_site_yaml(make_site):
    site = make_site(ARTICLE, config=BASE)
    result = build_site(site, base_url="http://127.0.0.1:8000/")
    assert result.config.base_url == "http://127.0.0.1:8000/"
    assert "/loktuan/x/" in [a.get("href") for a in parse_html(site / "output/index.html").iter("a")]


def test_categories_mapping_keeps_its_order_and_labels(make_site):
    config = BASE + "categories:\n  umkm: Usaha Warga\n  berita: Kabar Terkini\n  cek-fakta: Cek Fakta\n"
    site = make_site({
        "content/loktuan/a.md": article("A", category="berita"),
        "content/loktuan/b.md": article("B", category="cek-fakta"),
        "content/loktuan/c.md": article("C", category="umkm"),
    }, config=config)
    result = build_site(site)
    assert result.config.categories == (("umkm", "Usaha Warga"), ("berita", "Kabar Terkini"),
                                         ("cek-fakta", "Cek Fakta"))
    assert [term.name for term in result.site.categories] == ["Usaha Warga", "Kabar Terkini", "Cek Fakta"]
    index = parse_html(site / "output/rubrik/index.html")
    links = [a for a in index.find(".//main").iter("a") if re.fullmatch(r"/kim/rubrik/[^/]+/", a.get("href", ""))]
    names = [" ".join("".join(a.itertext()).split()) for a in links]
    assert [name for name in names if name in ("Usaha Warga", "Kabar Terkini", "Cek Fakta")][:3] == [
        "Usaha Warga", "Kabar Terkini", "Cek Fakta"]
    assert (site / "output/rubrik/cek-fakta/index.html").is_file()


def test_categories_as_a_list_are_accepted(make_site):
    site = make_site(ARTICLE, config=BASE + "categories: [berita, cek-fakta]\n")
    config, _ = load_config(site)
    assert [slug for slug, _ in config.categories] == ["berita", "cek-fakta"]


def test_defaults_and_optional_keys(make_site):
    site = make_site(ARTICLE, config=BASE)
    config, warnings = load_config(site)
    assert warnings == []
    assert (config.language, config.timezone, config.theme, config.paginate) == ("id", "Asia/Jakarta", "default", 10)
    assert config.output_dir == (site / "output").resolve()
    assert config.permalinks["article"] == "/{kelurahan}/{slug}/"
