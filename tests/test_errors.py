"""Writer mistakes: each one stops the build with a typed, located diagnostic.

Tests assert on the diagnostic's fields (code, path, line, params), never on the
wording of messages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL_CONFIG, article, build_site, parse_html

from kimpress.core.errors import KimpressError, Severity, SourceError, TemplateError
from kimpress.core.wording import format_diagnostic

P = "content/loktuan/x.md"
FRONT = "---\ntitle: A\ndate: 2018-11-12\n---\n"  # four lines: the body starts on line 5
FENCE_LINES = FRONT.count("\n")


def failing(site: Path, kind: type[KimpressError] = SourceError):
    """Build ``site``, expect ``kind``, return its diagnostics."""
    with pytest.raises(kind) as caught:
        build_site(site)
    assert caught.value.diagnostics, "an error must carry at least one diagnostic"
    return caught.value.diagnostics


def only(diagnostics, code: str):
    """The single diagnostic with ``code``."""
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, [(d.code, d.path, d.line) for d in diagnostics]
    return found[0]


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


# (source of content/loktuan/x.md, code, line, params that must be present)
FRONT_MATTER_MISTAKES = [
    pytest.param("---\ntitle: A\nauthor: Rina: Puspita\ndate: 2018-11-12\n---\nIsi.\n",
                 "yaml-colon-in-value", 3, {}, id="yaml-colon-in-value"),
    pytest.param("---\ntitle: A\ndate: 2018-11-12\nauthor: \"Rina\n---\nIsi.\n",
                 "yaml-unclosed-quote", 4, {}, id="yaml-unclosed-quote"),
    pytest.param("---\ntitle: A\ndate: 2018-11-12\ntags:\n\t- a\n---\nIsi.\n",
                 "yaml-tab", 5, {}, id="yaml-tab-indent"),
    pytest.param("---\ntitle: A\ndate: 2018-11-12\nIsi tanpa penutup.\n",
                 "front-matter-unclosed", 1, {}, id="unclosed-front-matter"),
    pytest.param("---\n- title: A\n- date: 2018-11-12\n---\nIsi.\n",
                 "front-matter-not-mapping", 2, {}, id="front-matter-is-a-list"),
    pytest.param("---\nJudul saja\n---\nIsi.\n",
                 "front-matter-not-mapping", 2, {}, id="front-matter-is-text"),
    pytest.param("---\ndate: 2018-11-12\n---\nIsi.\n",
                 "missing-key", 1, {"key": "title"}, id="missing-title"),
    pytest.param("---\ntitle: A\n---\nIsi.\n",
                 "date-missing", 1, {"example": "2024-05-01-x.md"}, id="missing-date"),
    pytest.param("---\ntitle:\ndate: 2018-11-12\n---\nIsi.\n",
                 "missing-key", 2, {"key": "title"}, id="title-without-value"),
    pytest.param("---\ntitle: '   '\ndate: 2018-11-12\n---\nIsi.\n",
                 "empty-text", 2, {"key": "title"}, id="title-blank"),
    pytest.param("---\ntitle: A\nauthor: Rina\ndate: 2018-02-30\n---\nIsi.\n",
                 "date-impossible", 4, {"value": "2018-02-30"}, id="date-2018-02-30"),
    pytest.param("---\ntitle: A\ntanggal: 31/04/2018\n---\nIsi.\n",
                 "date-impossible", 3, {"value": "31/04/2018"}, id="date-impossible-indonesian-key"),
    pytest.param("---\ntitle: A\ndate: minggu lalu\n---\nIsi.\n",
                 "date-unreadable", 3, {"value": "minggu lalu"}, id="date-unreadable"),
    pytest.param("---\ntitle: A\ndate: 1800-01-01\n---\nIsi.\n",
                 "date-year-range", 3, {"value": "1800-01-01"}, id="year-too-early"),
    pytest.param("---\ntitle: A\n\ndate: 2300-01-01\n---\nIsi.\n",
                 "date-year-range", 4, {"value": "2300-01-01"}, id="year-too-late"),
    pytest.param("---\ntitle: A\ndate: 2018-11-12\ntitle: B\n---\nIsi.\n",
                 "yaml-duplicate-key", 4, {"key": "title", "first_line": 2}, id="duplicate-key"),
    pytest.param("---\njudul: A\ntitle: B\ndate: 2018-11-12\n---\nIsi.\n",
                 "alias-twice", 3, {"key": "title", "other": "judul"}, id="alias-and-key"),
    pytest.param(article("A", cover="hilang.jpg"),
                 "cover-missing", 4, {"value": "hilang.jpg"}, id="missing-cover"),
    pytest.param(article("A", author="Rina", kelurahan="Satimpo"),
                 "article-kelurahan-mismatch", 5, {"value": "Satimpo", "folder": "loktuan"},
                 id="kelurahan-disagrees-with-folder"),
    pytest.param("---\ntitle: A\ndate: 2018-11-12\n---\nbaik\n\n".encode() + b"rusak \xc3\x28 di sini\n",
                 "not-utf8", 7, {}, id="not-utf8"),
    pytest.param(b"baik\n\xff\xfe\n", "not-utf8", 2, {}, id="not-utf8-without-front-matter"),
]


@pytest.mark.parametrize("source, code, line, params", FRONT_MATTER_MISTAKES)
def test_writer_mistake_is_reported_with_code_path_and_line(make_site, source, code, line, params):
    site = make_site({P: source, "content/loktuan/2018-11-13-baik.md": article("Baik")})
    diagnostics = failing(site, SourceError)
    problem = only(diagnostics, code)
    assert (problem.path, problem.line, problem.severity) == (P, line, Severity.ERROR)
    for key, value in params.items():
        assert problem.param_dict[key] == value
    # Only the broken file is blamed; the good article beside it is not.
    assert {d.path for d in diagnostics if d.is_error} == {P}
    assert not (site / "output").exists()


def test_empty_file_reports_both_missing_keys(make_site):
    site = make_site({P: ""})
    found = {(d.code, d.path, d.line, d.param_dict.get("key")) for d in failing(site)}
    assert found == {("missing-key", P, 1, "title"), ("date-missing", P, 1, None)}


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/new:os.system"])
def test_python_yaml_tag_is_refused_and_never_runs(make_site, tmp_path, tag):
    marker = tmp_path / "perintah-dijalankan"
    site = make_site({P: f"---\ntitle: A\ndate: 2018-11-12\nauthor: {tag} ['touch {marker}']\n---\nIsi.\n"})
    problem = only(failing(site), "yaml-unsafe-tag")
    assert (problem.path, problem.line) == (P, 4)
    assert "python/object" in problem.param_dict["tag"]
    assert not marker.exists()


@pytest.mark.parametrize("body_lines, offset, href, code", [
    (["[lihat](../satimpo/2018-11-12-tidak-ada.md)"], 1, "../satimpo/2018-11-12-tidak-ada.md", "broken-link-md"),
    (["Paragraf satu.", "", "Paragraf dua, lihat [ini](../satimpo/hilang.md#bagian)."], 3,
     "../satimpo/hilang.md#bagian", "broken-link-md"),
    (["# Judul", "", "- satu", "- dua: [x](2018-01-01-lama.md)", "", "Akhir."], 4, "2018-01-01-lama.md",
     "broken-link-md"),
    (["Foto kegiatan:", "", "![warga bergotong royong](x/foto.jpg)"], 3, "x/foto.jpg", "broken-link"),
    (["Unduh [formulir](formulir.pdf) di sini."], 1, "formulir.pdf", "broken-link"),
])
def test_broken_relative_link_is_reported_at_its_file_line(make_site, body_lines, offset, href, code):
    site = make_site({P: FRONT + "\n".join(body_lines) + "\n"})
    problem = only(failing(site), code)
    assert (problem.path, problem.line) == (P, FENCE_LINES + offset)
    assert problem.param_dict["href"] == href


def test_working_relative_links_are_not_reported(make_site):
    site = make_site({
        P: FRONT + "Lihat [b](../satimpo/2018-11-12-b.md) dan ![foto](x/foto.jpg).\n",
        "content/loktuan/x/foto.jpg": b"\xff\xd8\xff",
        "content/satimpo/2018-11-12-b.md": article("B"),
    })
    result = build_site(site)
    assert [d for d in result.warnings if d.code.startswith("broken")] == []


def test_each_broken_link_is_reported_at_its_own_line(make_site):
    # The same missing article linked twice, on body lines 1 and 5.
    body = "[a](../satimpo/hilang.md) di awal.\n\nParagraf.\n\nLagi: [b](../satimpo/hilang.md).\n"
    site = make_site({P: FRONT + body})
    lines = sorted(d.line for d in failing(site) if d.code == "broken-link-md")
    assert lines == [FENCE_LINES + 1, FENCE_LINES + 5]


def test_broken_link_in_kelurahan_profile_is_located(make_site):
    site = make_site({"content/loktuan/_index.md": "---\nname: Lok Tuan\n---\nProfil.\n\n[x](2018-01-01-hilang.md)\n",
                      "content/loktuan/2018-11-12-a.md": article("A")})
    problem = only(failing(site), "broken-link-md")
    assert (problem.path, problem.line) == ("content/loktuan/_index.md", 6)


def test_unknown_category_is_located_with_a_suggestion(make_site):
    config = MINIMAL_CONFIG + "categories:\n  berita: Berita\n  pengumuman: Pengumuman\n  agenda: Agenda\n"
    site = make_site({P: article("A", author="Rina", category="beritaa")}, config=config)
    problem = only(failing(site), "unknown-category")
    assert (problem.path, problem.line) == (P, 5)
    assert problem.param_dict["value"] == "beritaa"
    assert problem.param_dict["suggestion"] == "berita"
    assert problem.param_dict["choices"].split(", ") == ["berita", "pengumuman", "agenda"]


def test_category_by_label_is_accepted_when_categories_are_listed(make_site):
    config = MINIMAL_CONFIG + "categories:\n  cek-fakta: Cek Fakta\n"
    site = make_site({P: article("A", category="Cek Fakta")}, config=config)
    result = build_site(site)
    assert result.site.articles[0].category.slug == "cek-fakta"


def test_duplicate_slug_in_one_kelurahan_gives_one_message_per_file_at_its_slug_line(make_site):
    first, second = "content/loktuan/2018-11-12-a.md", "content/loktuan/2018-11-13-b.md"
    site = make_site({first: article("A", slug="sama"), second: article("B", "2018-11-13", slug="sama")})
    diagnostics = failing(site)
    problems = sorted((d for d in diagnostics if d.is_error), key=lambda d: d.path)
    # Only the clash of addresses: the identity (kelurahan/slug) they share is the same mistake, not a second one.
    assert [(d.code, d.path, d.line, d.param_dict["other"]) for d in problems] == [
        ("url-conflict", first, 4, second), ("url-conflict", second, 4, first)]
    assert {d.param_dict["url"] for d in problems} == {"/loktuan/sama/"}
    wording = format_diagnostic(problems[0], "id")
    assert wording.startswith(f"{first}:4: ") and second in wording and "`slug: sama-2`" in wording
    assert " id " not in wording


def test_duplicate_file_name_slug_is_located_at_line_1(make_site):
    first, second = "content/loktuan/2018-11-12-banjir.md", "content/loktuan/2019-01-02-banjir.md"
    site = make_site({first: article("A"), second: article("B", "2019-01-02")})
    problems = [d for d in failing(site) if d.is_error]
    assert sorted((d.code, d.path, d.line) for d in problems) == [
        ("url-conflict", first, 1), ("url-conflict", second, 1)]


def test_same_slug_in_two_kelurahan_is_fine(make_site):
    site = make_site({"content/loktuan/a.md": article("A", slug="sama"),
                      "content/satimpo/a.md": article("B", slug="sama")})
    result = build_site(site)
    assert sorted(a.url for a in result.site.articles) == ["/loktuan/sama/", "/satimpo/sama/"]


def test_duplicate_id_names_both_files(make_site):
    first, second = "content/loktuan/2018-11-12-a.md", "content/satimpo/2018-11-13-b.md"
    site = make_site({first: article("A", id="loktuan/lama"), second: article("B", "2018-11-13", id="loktuan/lama")})
    problems = [d for d in failing(site) if d.is_error]
    assert sorted((d.code, d.path, d.line, d.param_dict["other"]) for d in problems) == [
        ("duplicate-id", first, 4, second), ("duplicate-id", second, 4, first)]
    assert {d.param_dict["uid"] for d in problems} == {"loktuan/lama"}


def test_explicit_id_clashing_with_a_default_id_is_refused(make_site):
    # b keeps the identity of an article that still exists as loktuan/a.
    site = make_site({"content/loktuan/a.md": article("A"), "content/satimpo/b.md": article("B", id="loktuan/a")})
    problems = [d for d in failing(site) if d.is_error]
    assert sorted((d.code, d.path, d.line) for d in problems) == [
        ("duplicate-id", "content/loktuan/a.md", 1), ("duplicate-id", "content/satimpo/b.md", 4)]


@pytest.mark.parametrize("files, url, source", [
    ({"content/tag/2018-11-12-a.md": article("A")}, "/tag/", "content/tag/"),
    ({"content/kecamatan/2018-11-12-a.md": article("A")}, "/kecamatan/", "content/kecamatan/"),
    ({"content/arsip.md": "---\ntitle: Arsip Kami\n---\nIsi.\n"}, "/arsip/", "content/arsip.md"),
], ids=["folder-tag", "folder-kecamatan", "page-arsip"])
def test_source_claiming_a_built_in_url_is_a_conflict_located_at_the_source(make_site, files, url, source):
    """The writer's folder or file is the location; the built-in page is the "other"."""
    site = make_site(files)
    problem = only(failing(site), "url-conflict")
    assert problem.param_dict["url"] == url
    assert {problem.path, problem.param_dict["other"]} == {source, "site.yaml"}
    assert problem.path == source
    assert problem.param_dict["other"] == "site.yaml"


def test_all_problems_of_a_run_are_reported_at_once(make_site):
    broken = {
        "content/loktuan/a.md": "---\ntitle: A\n---\nTanpa tanggal.\n",
        "content/loktuan/2018-11-13-b.md": "---\ntitle: [B\ndate: 2018-11-13\n---\n",
        "content/satimpo/2018-11-14-c.md": FRONT + "[x](hilang.md)\n",
    }
    site = make_site({**broken, "content/satimpo/2018-11-15-baik.md": article("Baik")})
    diagnostics = failing(site)
    errors = [d for d in diagnostics if d.is_error]
    assert len(errors) >= 3
    assert {d.path for d in errors} == set(broken)
    assert {(d.code, d.path) for d in errors} >= {
        ("date-missing", "content/loktuan/a.md"),
        ("yaml-unclosed-flow", "content/loktuan/2018-11-13-b.md"),
        ("broken-link-md", "content/satimpo/2018-11-14-c.md"),
    }


def test_bom_and_crlf_line_endings_build_fine(make_site):
    source = "\ufeff---\r\ntitle: Judul Windows\r\ndate: 2018-11-12 09:30\r\n---\r\nBaris satu.\r\n\r\nBaris dua.\r\n"
    site = make_site({P: source.encode("utf-8")})
    result = build_site(site)
    [only_article] = result.site.articles
    assert only_article.title == "Judul Windows"
    page = parse_html(site / "output/loktuan/x/index.html")
    assert text_of(page.find(".//h1")) == "Judul Windows"
    assert "\r" not in (site / "output/loktuan/x/index.html").read_text(encoding="utf-8")


def test_bom_and_crlf_do_not_shift_reported_lines(make_site):
    source = "\ufeff---\r\ntitle: A\r\ndate: 2018-02-30\r\n---\r\nIsi.\r\n"
    site = make_site({P: source.encode("utf-8")})
    problem = only(failing(site), "date-impossible")
    assert (problem.path, problem.line) == (P, 3)


@pytest.mark.parametrize("typed", ["yes", "no", "on", "off", "true", "45:30", "010", "0x1F", "1_000", "3.10", "1e3"])
def test_yaml_1_1_surprises_in_text_fields_are_shown_as_typed(make_site, typed):
    site = make_site({P: f"---\ntitle: {typed}\ndate: 2018-11-12\nauthor: {typed}\n---\nIsi.\n"})
    result = build_site(site)
    assert result.site.articles[0].title == typed
    assert result.site.articles[0].author.name == typed
    page = parse_html(site / "output/loktuan/x/index.html")
    assert text_of(page.find(".//h1")) == typed


def snapshot(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every path under ``folder``: files with their bytes and mtime, folders as None."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns) if path.is_file() else None
        for path in folder.rglob("*")
    }


GOOD = {
    "content/loktuan/2018-11-12-a.md": article("A", tags="[kim]", category="berita", author="Rina"),
    "content/satimpo/2018-11-13-b.md": article("B", "2018-11-13", body="Lihat [A](../loktuan/2018-11-12-a.md)."),
    "content/tentang.md": "---\ntitle: Tentang\n---\nHalo.\n",
}


@pytest.mark.parametrize("breakage, kind", [
    ({"content/loktuan/2018-11-12-a.md": "---\ntitle: [rusak\ndate: 2018-11-12\n---\n"}, SourceError),
    ({"content/loktuan/2018-11-12-a.md": article("A", "2018-02-30")}, SourceError),
    ({"content/satimpo/2018-11-13-b.md": article("B", body="Lihat [A](../loktuan/hilang.md).")}, SourceError),
    ({"content/satimpo/2018-11-14-c.md": article("C", slug="b")}, SourceError),
    ({"content/loktuan/2018-11-12-a.md": article("A", template="tidak-ada.html")}, TemplateError),
    ({"site.yaml": MINIMAL_CONFIG + "paginate: 0\n"}, KimpressError),
], ids=["yaml", "date", "broken-link", "url-conflict", "template", "config"])
def test_failed_build_leaves_previous_output_untouched(make_site, breakage, kind):
    site = make_site(GOOD)
    build_site(site)
    out = site / "output"
    before = snapshot(out)
    assert "loktuan/a/index.html" in before and ".kimpress-manifest.json" in before
    # A new good article too: a partial write would add its page.
    (site / "content/loktuan/2018-11-20-baru.md").write_text(article("Baru", "2018-11-20"), encoding="utf-8")
    for rel_path, text in breakage.items():
        (site / rel_path).parent.mkdir(parents=True, exist_ok=True)
        (site / rel_path).write_text(text, encoding="utf-8")
    with pytest.raises(kind):
        build_site(site)
    assert snapshot(out) == before
