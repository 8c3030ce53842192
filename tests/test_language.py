"""Both languages read right: English URL segments, counts pluralised, no word said twice, a starter site
that reads well on its first build, and a build summary that names what it left out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.etree
import pytest
from conftest import MINIMAL_CONFIG, article, build_site, output_files, parse_html

from kimpress.cli.main import main
from kimpress.cli.report import build_summary

EN_CONFIG = MINIMAL_CONFIG.replace("language: id", "language: en")
REGISTRY = """\
wilayah:
  bontang-utara:
    name: Kecamatan Bontang Utara
    kelurahan:
      loktuan: {name: Kelurahan Lok Tuan}
      guntung: {name: Kel. Guntung}
"""
ONE = {"content/loktuan/2018-11-12-a.md": article("A", tags="[kim]", category="berita", author="Rina")}
TWO = {**ONE, "content/loktuan/2018-11-13-b.md": article("B", "2018-11-13", tags="[kim, posyandu]",
                                                           category="berita", author="Rina")}


def page_text(path: Path) -> str:
    """What a reader sees of a page: the text of its body and its title, whitespace folded."""
    tree = parse_html(path)
    parts = ["".join(tree.find("head/title").itertext()), "".join(tree.find("body").itertext())]
    return " ".join(" ".join(parts).split())


def html_pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


@pytest.mark.parametrize("config, expected", [
    (MINIMAL_CONFIG, {"tags": "/tag/", "categories": "/rubrik/", "authors": "/penulis/", "archive": "/arsip/",
                      "subscribe": "/langganan/", "kecamatan_index": "/kecamatan/"}),
    (EN_CONFIG, {"tags": "/tags/", "categories": "/categories/", "authors": "/authors/", "archive": "/archive/",
                 "subscribe": "/subscribe/", "kecamatan_index": "/districts/"}),
], ids=["id", "en"])
def test_built_in_lists_are_named_in_the_site_language(make_site, config, expected):
    site = make_site(ONE, config=config + REGISTRY)
    result = build_site(site)
    assert {kind: result.config.permalinks[kind] for kind in expected} == expected
    files = output_files(site / "output")
    tag, category, author = expected["tags"][1:], expected["categories"][1:], expected["authors"][1:]
    year, districts = expected["archive"][1:], expected["kecamatan_index"][1:]
    for path in (f"{tag}kim/index.html", f"{category}berita/index.html", f"{author}rina/index.html",
                 f"{year}2018/11/index.html", f"{districts}bontang-utara/index.html",
                 f"{expected['subscribe'][1:]}kelurahan.opml", f"{tag}kim/feed.xml"):
        assert path in files, path
    # The menu links the lists where they are.
    home = parse_html(site / "output/index.html")
    menu = {a.get("href") for a in home.iter("a")}
    assert {f"/kim{expected[kind]}" for kind in ("categories", "archive", "subscribe", "kecamatan_index")} <= menu


def test_permalinks_in_site_yaml_still_win_on_an_english_site(make_site):
    site = make_site(ONE, config=EN_CONFIG + "permalinks:\n  tag: /topik/{tag}/\n  tags: /topik/\n")
    result = build_site(site)
    assert result.config.permalinks["tag"] == "/topik/{tag}/"
    assert result.config.permalinks["category"] == "/categories/{category}/"
    assert "topik/kim/index.html" in output_files(site / "output")


def count_lines(path: Path) -> list[str]:
    """The article counts a list page shows (".meta" spans and paragraphs with a number and a noun)."""
    text = page_text(path)
    return re.findall(r"\b\d+ (?:articles?|artikel)\b", text)


@pytest.mark.parametrize("config, one, two", [(EN_CONFIG, "1 article", "2 articles"),
                                              (MINIMAL_CONFIG, "1 artikel", "2 artikel")], ids=["en", "id"])
def test_counts_are_pluralised_the_way_the_language_does(make_site, config, one, two):
    site = make_site(TWO, config=config + REGISTRY)
    result = build_site(site)
    permalinks = result.config.permalinks
    out = site / "output"
    tags = out / permalinks["tags"].strip("/") / "index.html"
    assert f"kim ({two})" in page_text(tags)
    assert f"posyandu ({one})" in page_text(tags)
    assert two in count_lines(out / permalinks["tag"].format(tag="kim").strip("/") / "index.html")
    assert one in count_lines(out / permalinks["tag"].format(tag="posyandu").strip("/") / "index.html")
    wrong = "1 articles" if config is EN_CONFIG else "2 artikels"
    assert all(wrong not in page_text(path) for path in html_pages(out))


def test_a_big_count_is_written_the_local_way():
    summary_id = build_summary(1234, 1, 5000, 5000, 0, 1.5, "id")
    summary_en = build_summary(1234, 1, 5000, 5000, 0, 1.5, "en")
    assert summary_id.startswith("Selesai: 1234 artikel, 1 halaman")
    assert summary_en.startswith("Done: 1,234 articles, 1 page, 5,000 files")


def test_english_build_summary_is_pluralised(make_site, capsys):
    site = make_site({"content/loktuan/a.md": article("A"), "content/loktuan/b.md": article("B", draft="true")},
                     config=EN_CONFIG)
    assert main(["build", str(site)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Done: 1 article, 0 pages, ")
    assert "Not published: 1 draft (content/loktuan/b.md)." in out


def test_the_summary_names_left_out_articles_only_when_there_are_few(make_site, capsys):
    files = {"content/loktuan/a.md": article("A"),
             "content/satimpo/jadwal.md": article("Jadwal", "2026-12-25 08:00")}
    files.update({f"content/loktuan/d{index}.md": article(f"D{index}", draft="true") for index in range(7)})
    site = make_site(files)
    result = build_site(site)
    text = build_summary(1, 0, result.outputs, 0, 0, 0.1, "id", result.site.unpublished, result.config.zone)
    assert "Tidak diterbitkan: 7 draf, 1 terjadwal (content/satimpo/jadwal.md, 25 Desember 2026)." in text
    assert "d0.md" not in text  # seven drafts are counted, not listed


# ---------------------------------------------------------------------------
# No word twice: registry names never carry "Kelurahan"/"Kecamatan"; the theme adds them
# ---------------------------------------------------------------------------

DOUBLED = re.compile(r"\b(kelurahan|kecamatan|kel\.|kec\.)\s+\1(?=\s|$)", re.IGNORECASE)
ANY_DOUBLED = re.compile(r"(?<![\w-])(\w{3,})\s+\1(?![\w-])", re.IGNORECASE)


def test_names_written_with_the_word_read_once(make_site):
    files = {**ONE, "content/guntung/2018-11-14-c.md": article("C", "2018-11-14"),
             "content/satimpo/_index.md": "---\nname: Kelurahan Satimpo\nkecamatan: Kecamatan Bontang Utara\n---\n",
             "content/satimpo/2018-11-15-d.md": article("D", "2018-11-15", kelurahan="Kelurahan Satimpo")}
    site = make_site(files, config=MINIMAL_CONFIG + REGISTRY)
    result = build_site(site)
    names = {kel.slug: kel.name for kel in result.site.kelurahan}
    assert (names["loktuan"], names["guntung"], names["satimpo"]) == ("Lok Tuan", "Guntung", "Satimpo")
    assert [kec.name for kec in result.site.kecamatan] == ["Bontang Utara"]
    assert result.site.kelurahan_named("satimpo").kecamatan == "bontang-utara"
    out = site / "output"
    for path in html_pages(out):
        assert not DOUBLED.search(page_text(path)), path
    feed = lxml.etree.parse(str(out / "satimpo/feed.xml")).getroot()
    assert feed.findtext("channel/title") == "Kabar Uji: Kelurahan Satimpo"
    opml = (out / "langganan/kelurahan.opml").read_text("utf-8")
    assert not DOUBLED.search(opml)


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_starter_site_reads_right_on_its_first_build(tmp_path, capsys, language):
    site = tmp_path / "situs"
    assert main(["init", str(site), "--lang", language]) == 0
    if language == "en":
        config = site / "site.yaml"
        config.write_text(config.read_text("utf-8").replace("language: id", "language: en"), "utf-8")
    capsys.readouterr()
    assert main(["build", str(site)]) == 0
    err = capsys.readouterr().err
    assert "base_url" in err  # the example address is pointed out
    out = site / "output"
    pages = html_pages(out)
    assert len(pages) > 10
    for path in pages:
        text = page_text(path)
        assert not ANY_DOUBLED.search(text), (path, ANY_DOUBLED.search(text).group(0))
    home = page_text(out / "index.html")
    assert "Selamat Datang di Situs KIM" in home


def test_a_real_base_url_silences_the_placeholder_warning(tmp_path, capsys):
    site = tmp_path / "situs"
    assert main(["init", str(site)]) == 0
    config = site / "site.yaml"
    config.write_text(config.read_text("utf-8").replace("https://contoh.github.io/kim/",
                                                        "https://kim-sukamaju.github.io/kabar/"), "utf-8")
    capsys.readouterr()
    assert main(["build", str(site)]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("url", ["https://example.com/", "https://contoh.github.io/kim/", "http://www.example.org/x/"])
def test_placeholder_addresses_warn_at_the_base_url_line(make_site, url):
    site = make_site(ONE, config=f"title: Uji\nlanguage: id\nbase_url: {url}\n")
    result = build_site(site)
    [problem] = [d for d in result.warnings if d.code == "base-url-placeholder"]
    assert (problem.path, problem.line, problem.is_error) == ("site.yaml", 3, False)


def test_serve_and_a_base_url_override_do_not_warn(make_site):
    site = make_site(ONE, config="title: Uji\nbase_url: https://contoh.github.io/kim/\n")
    result = build_site(site, base_url="http://127.0.0.1:8000/")
    assert not [d for d in result.warnings if d.code == "base-url-placeholder"]


def test_drafts_are_marked_in_both_languages(make_site):
    for config, word in ((MINIMAL_CONFIG, "Draf"), (EN_CONFIG, "Draft")):
        site = make_site({"content/loktuan/2018-11-12-a.md": article("A", draft="true")}, config=config)
        build_site(site, drafts=True)
        page = parse_html(site / "output/loktuan/a/index.html")
        header = page.find(".//article/header")
        assert word in "".join(header.itertext())
        assert "".join(page.find("head/title").itertext()).startswith(f"[{word}] A")
        card = parse_html(site / "output/loktuan/index.html").find(".//li[@class='card']")
        assert word in "".join(card.itertext())
        build_site(site)
        assert not (site / "output/loktuan/a/index.html").exists()


def test_a_json_feed_title_carries_the_bare_kelurahan_name(make_site):
    site = make_site({**ONE, "content/loktuan/_index.md": "---\nname: Kelurahan Lok Tuan Baru\n---\n"},
                     config=MINIMAL_CONFIG + REGISTRY)
    build_site(site)
    data = json.loads((site / "output/loktuan/feed.json").read_text("utf-8"))
    assert data["title"] == "Kabar Uji: Kelurahan Lok Tuan Baru"
