"""End-to-end behaviour of `kimpress build` on tiny real sites."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import MINIMAL_CONFIG, article, build_site, output_files, parse_html
from kimpress.errors import KimpressError, OutputDirError, SourceError

REPO = Path(__file__).resolve().parents[1]


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def card_links(path: Path) -> list[str]:
    tree = parse_html(path)
    headings = [list(article)[0] for article in tree.findall(".//ul[@class='cards']/li/article")]
    return [heading.find("a").get("href") for heading in headings]


def test_url_set_of_a_small_site(make_site):
    site = make_site({
        "content/tentang.md": "---\ntitle: Tentang\n---\nHalo.\n",
        "content/satimpo/2018-11-12-posyandu.md": article("Posyandu", tags="[kesehatan]", category="berita",
                                                          author="Rina"),
        "content/satimpo/2018-12-01-kerja-bakti.md": article("Kerja Bakti", "2018-12-01"),
        "content/loktuan/2019-01-05-pasar.md": article("Pasar", "2019-01-05 08:00"),
    })
    build_site(site)
    files = output_files(site / "output")
    pages = {f for f in files if f.endswith(".html")}
    expected_pages = {
        "index.html", "404.html", "tentang/index.html", "kecamatan/index.html", "langganan/index.html",
        "satimpo/index.html", "loktuan/index.html",
        "satimpo/posyandu/index.html", "satimpo/kerja-bakti/index.html", "loktuan/pasar/index.html",
        "tag/index.html", "tag/kesehatan/index.html", "rubrik/index.html", "rubrik/berita/index.html",
        "penulis/index.html", "penulis/rina/index.html",
        "arsip/index.html", "arsip/2018/index.html", "arsip/2019/index.html",
        "arsip/2018/11/index.html", "arsip/2018/12/index.html", "arsip/2019/01/index.html",
    }
    assert pages == expected_pages
    for extra in ("sitemap.xml", "robots.txt", "favicon.svg", "feed.xml", "satimpo/atom.xml",
                  "tag/kesehatan/feed.json", "langganan/kelurahan.opml"):
        assert extra in files


def test_pagination_of_a_kelurahan(make_site):
    files = {f"content/satimpo/2018-11-{day:02d}-a{day}.md": article(f"A{day}", f"2018-11-{day:02d} 10:00")
             for day in range(1, 6)}
    site = make_site(files, config=MINIMAL_CONFIG + "paginate: 2\n")
    build_site(site)
    out = site / "output/satimpo"
    assert card_links(out / "index.html") == ["/kim/satimpo/a5/", "/kim/satimpo/a4/"]
    assert card_links(out / "page/2/index.html") == ["/kim/satimpo/a3/", "/kim/satimpo/a2/"]
    assert card_links(out / "page/3/index.html") == ["/kim/satimpo/a1/"]
    assert not (out / "page/4").exists()
    last = parse_html(out / "page/3/index.html")
    assert last.find(".//a[@rel='next']") is None
    assert last.find(".//nav[@class='pager']/a[@rel='prev']").get("href") == "/kim/satimpo/page/2/"
    first = parse_html(out / "index.html")
    assert first.find(".//nav[@class='pager']/a[@rel='next']").get("href") == "/kim/satimpo/page/2/"


def test_drafts_and_future_articles_are_left_out_unless_asked(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-draf.md": article("Draf", draft="true"),
        "content/satimpo/2030-01-01-nanti.md": article("Nanti", "2030-01-01"),
        # NOW is 2026-11-28 12:00 UTC = 20:00 WITA: an article dated today (date only) is published.
        "content/satimpo/2026-11-28-hari-ini.md": article("Hari Ini", "2026-11-28"),
        "content/satimpo/2026-11-28-malam.md": article("Malam", "2026-11-28 19:59"),
    })
    result = build_site(site)
    out = site / "output"
    assert not (out / "satimpo/draf").exists() and not (out / "satimpo/nanti").exists()
    assert (out / "satimpo/hari-ini/index.html").exists() and (out / "satimpo/malam/index.html").exists()
    assert (result.site.skipped_drafts, result.site.skipped_future) == (1, 1)
    sitemap = (out / "sitemap.xml").read_text()
    assert "draf" not in sitemap and "nanti" not in sitemap
    build_site(site, drafts=True, future=True)
    assert (out / "satimpo/draf/index.html").exists() and (out / "satimpo/nanti/index.html").exists()
    build_site(site)  # and they disappear again
    assert not (out / "satimpo/draf").exists()


def test_data_cascade_site_then_kelurahan_then_article(make_site):
    site = make_site({
        "content/satimpo/_index.md": "---\nname: Satimpo\ndefaults:\n  author: Tim Satimpo\n---\nProfil.\n",
        "content/satimpo/2018-11-12-a.md": article("A"),
        "content/satimpo/2018-11-13-b.md": article("B", author="Rina"),
        "content/loktuan/2018-11-14-c.md": article("C"),
    }, config=MINIMAL_CONFIG + "defaults:\n  author: Redaksi Kota\n  category: berita\n")
    build_site(site)
    out = site / "output"

    def author(path: str) -> str:
        return text_of(parse_html(out / path).find(".//a[@href]/..[@class='meta']").findall("a")[-1])

    assert author("satimpo/a/index.html") == "Tim Satimpo"
    assert author("satimpo/b/index.html") == "Rina"
    assert author("loktuan/c/index.html") == "Redaksi Kota"
    assert (out / "rubrik/berita/index.html").exists()


def test_indonesian_dates_and_language(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("A", "2018-11-12 09:30"),
        "content/satimpo/2018-11-13-b.md": article("B", "2018-11-13"),
    })
    build_site(site)
    page = parse_html(site / "output/satimpo/a/index.html")
    assert page.get("lang") == "id"
    time = page.find(".//article//time")
    assert time.get("datetime") == "2018-11-12T09:30:00+08:00"
    assert time.text == "Senin, 12 November 2018, 09.30 WITA"
    assert parse_html(site / "output/satimpo/b/index.html").find(".//article//time").text == "Selasa, 13 November 2018"
    english = make_site({"content/satimpo/2018-11-12-a.md": article("A", "2018-11-12 09:30")},
                        config=MINIMAL_CONFIG.replace("language: id", "language: en"))
    build_site(english)
    page = parse_html(english / "output/satimpo/a/index.html")
    assert page.get("lang") == "en"
    assert page.find(".//article//time").text == "Monday, 12 November 2018, 09:30 WITA"


def test_text_fields_are_escaped_and_kept_as_typed(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("'<script>alert(1)</script> & \"q\"'", slug="a"),
        "content/satimpo/2018-11-13-b.md": article("yes", slug="b", author="'45:30'"),
        "content/satimpo/2018-11-14-c.md": article("45:30", slug="c"),
    })
    build_site(site)
    out = site / "output/satimpo"
    page = parse_html(out / "a/index.html")
    assert page.find(".//script") is None
    assert text_of(page.find(".//h1")) == '<script>alert(1)</script> & "q"'
    assert text_of(parse_html(out / "b/index.html").find(".//h1")) == "yes"
    assert text_of(parse_html(out / "c/index.html").find(".//h1")) == "45:30"


def test_links_assets_static_and_cover(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("A", body="Lihat [B](../loktuan/2018-11-13-b.md#bagian).",
                                                   cover="foto.png", cover_alt="Foto warga"),
        "content/satimpo/2018-11-12-a/foto.png": b"\x89PNG\r\n\x1a\nfake",
        "content/loktuan/2018-11-13-b.md": article("B"),
        "static/CNAME": "kim.contoh.id\n",
    })
    build_site(site)
    out = site / "output"
    page = parse_html(out / "satimpo/a/index.html")
    hrefs = [a.get("href") for a in page.findall(".//div[@class='article-body']//a")]
    assert hrefs == ["/kim/loktuan/b/#bagian"]
    assert page.find(".//figure/img").get("src") == "/kim/satimpo/a/foto.png"
    assert (out / "satimpo/a/foto.png").read_bytes() == b"\x89PNG\r\n\x1a\nfake"
    assert (out / "CNAME").read_text() == "kim.contoh.id\n"


def test_registry_and_unregistered_kelurahan(make_site):
    config = MINIMAL_CONFIG + (
        "wilayah:\n  bontang-utara:\n    name: Bontang Utara\n    code: '64.74.01'\n"
        "    kelurahan:\n      guntung: {name: Guntung, code: '64.74.01.1004'}\n"
        "      loktuan: {name: Lok Tuan, code: '64.74.01.1003'}\n")
    site = make_site({
        "content/loktuan/2018-11-12-a.md": article("A", kelurahan="Lok Tuan"),
        "content/tanjung-limau/2018-11-12-b.md": article("B"),
        "content/selambai/_index.md": "---\nname: Selambai Baru\n---\n",
        "content/selambai/2018-11-12-c.md": article("C"),
    }, config=config)
    build_site(site)
    out = site / "output"
    assert text_of(parse_html(out / "guntung/index.html").find(".//h1")) == "Kelurahan Guntung"
    assert text_of(parse_html(out / "tanjung-limau/index.html").find(".//h1")) == "Kelurahan Tanjung Limau"
    assert text_of(parse_html(out / "selambai/index.html").find(".//h1")) == "Kelurahan Selambai Baru"
    crumbs = [text_of(a) for a in parse_html(out / "loktuan/a/index.html").findall(".//nav[@class='crumbs']//a")]
    assert crumbs == ["Beranda", "Kecamatan Bontang Utara", "Kelurahan Lok Tuan"]


def test_previous_and_next_within_a_kelurahan(make_site):
    site = make_site({f"content/satimpo/2018-11-1{d}-a{d}.md": article(f"A{d}", f"2018-11-1{d}") for d in (1, 2, 3)}
                     | {"content/loktuan/2018-11-15-x.md": article("X", "2018-11-15")})
    build_site(site)
    middle = parse_html(site / "output/satimpo/a2/index.html")
    assert middle.find(".//nav[@class='neighbours']/a[@rel='prev']").get("href") == "/kim/satimpo/a1/"
    assert middle.find(".//nav[@class='neighbours']/a[@rel='next']").get("href") == "/kim/satimpo/a3/"


def test_sitemap_lists_every_page_absolutely(make_site):
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A", "2018-11-12 09:30")})
    build_site(site)
    out = site / "output"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.parse(out / "sitemap.xml").getroot().findall("s:url", ns)
    locs = {u.find("s:loc", ns).text: u.find("s:lastmod", ns) for u in urls}
    pages = {f for f in output_files(out) if f.endswith(".html") and f != "404.html"}
    assert set(locs) == {"https://contoh.id/kim/" + p.removesuffix("index.html") for p in pages}
    assert locs["https://contoh.id/kim/satimpo/a/"].text == "2018-11-12T09:30:00+08:00"


def test_builds_are_byte_identical_and_a_second_build_writes_nothing(make_site, tmp_path):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("A", tags="[b, a]"),
        "content/loktuan/2018-11-12-b.md": article("B", tags="[a]"),
    })
    build_site(site, output_dir=str(tmp_path / "one"))
    build_site(site, output_dir=str(tmp_path / "two"))
    one, two = tmp_path / "one", tmp_path / "two"
    assert output_files(one) == output_files(two)
    for rel in output_files(one):
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
    again = build_site(site, output_dir=str(one))
    assert again.stats.written == 0 and again.stats.deleted == 0


def test_stale_pages_are_removed_but_foreign_files_kept(make_site):
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A"), "content/satimpo/2018-11-13-b.md": article("B")})
    build_site(site)
    out = site / "output"
    (out / "CNAME").write_text("x")
    (out / ".git").mkdir()
    (out / ".git/HEAD").write_text("ref")
    (site / "content/satimpo/2018-11-13-b.md").unlink()
    result = build_site(site)
    assert not (out / "satimpo/b").exists()
    assert (out / "CNAME").read_text() == "x" and (out / ".git/HEAD").read_text() == "ref"
    assert result.stats.deleted >= 1
    assert "/kim/satimpo/b/" not in card_links(out / "satimpo/index.html")


def test_failed_build_leaves_previous_output_untouched(make_site):
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A")})
    build_site(site)
    out = site / "output"
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    (site / "content/satimpo/2018-11-12-a.md").write_text("---\ntitle: [rusak\ndate: 2018-11-12\n---\n")
    (site / "content/satimpo/2018-11-13-b.md").write_text(article("B baru"))
    with pytest.raises(SourceError):
        build_site(site)
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize("files, code, path, line", [
    ({"content/k/2018-11-12-a.md": "---\ntitle: [rusak\ndate: 2018-11-12\n---\n"}, "yaml-syntax", "content/k/2018-11-12-a.md", 3),
    ({"content/k/2018-11-12-a.md": "---\ntitle: A\ndate: 2018-11-12\n"}, "front-matter-unclosed", "content/k/2018-11-12-a.md", 1),
    ({"content/k/2018-11-12-a.md": "---\n- a\n- b\n---\n"}, "front-matter-not-mapping", "content/k/2018-11-12-a.md", 2),
    ({"content/k/2018-11-12-a.md": "---\ndate: 2018-11-12\n---\nIsi\n"}, "missing-key", "content/k/2018-11-12-a.md", 1),
    ({"content/k/2018-11-12-a.md": "---\ntitle: A\n---\nIsi\n"}, "missing-key", "content/k/2018-11-12-a.md", 1),
    ({"content/k/2018-11-12-a.md": "---\ntitle: A\n\ndate: 2018-02-30\n---\n"}, "date-impossible", "content/k/2018-11-12-a.md", 4),
    ({"content/k/2018-11-12-a.md": "---\ntitle: A\ndate: kemarin\n---\n"}, "date-unreadable", "content/k/2018-11-12-a.md", 3),
    ({"content/k/2018-11-12-a.md": "---\ntitle: A\ntitle: B\ndate: 2018-11-12\n---\n"}, "yaml-duplicate-key", "content/k/2018-11-12-a.md", 3),
    ({"content/k/2018-11-12-a.md": "---\ntitle: A\ndate: 2018-11-12\n---\nsatu\n\n[x](../k/tidak-ada.md)\n"}, "broken-link-md", "content/k/2018-11-12-a.md", 7),
    ({"content/k/2018-11-12-a.md": "---\ntitle: A\ndate: 2018-11-12\ncover: hilang.jpg\n---\n"}, "cover-missing", "content/k/2018-11-12-a.md", 4),
    ({"content/k/2018-11-12-a.md": b"---\ntitle: A\ndate: 2018-11-12\n---\nbaik\n\xff\n"}, "not-utf8", "content/k/2018-11-12-a.md", 6),
    ({"content/k/2018-11-12-a.md": "---\ntitle: A\ndate: 2018-11-12\nkelurahan: Loktuan\n---\n"}, "article-kelurahan-mismatch", "content/k/2018-11-12-a.md", 4),
])
def test_writer_mistakes_are_located(make_site, files, code, path, line):
    site = make_site(files)
    with pytest.raises(KimpressError) as caught:
        build_site(site)
    found = [(d.code, d.path, d.line) for d in caught.value.diagnostics if d.is_error]
    assert (code, path, line) in found
    assert not (site / "output").exists()


def test_duplicate_slug_names_both_files(make_site):
    site = make_site({"content/k/2018-11-12-a.md": article("A", slug="sama"),
                      "content/k/2018-11-13-b.md": article("B", slug="sama")})
    with pytest.raises(SourceError) as caught:
        build_site(site)
    [problem] = [d for d in caught.value.diagnostics if d.code == "url-conflict"]
    assert {problem.path, problem.param_dict["other"]} == {"content/k/2018-11-12-a.md", "content/k/2018-11-13-b.md"}


def test_kelurahan_folder_named_like_a_reserved_path_conflicts(make_site):
    site = make_site({"content/tag/2018-11-12-a.md": article("A")})
    with pytest.raises(SourceError) as caught:
        build_site(site)
    assert any(d.code == "url-conflict" and d.param_dict["url"] == "/tag/" for d in caught.value.diagnostics)


def test_every_problem_of_a_run_is_reported_at_once(make_site):
    site = make_site({
        "content/k/2018-11-12-a.md": "---\ntitle: A\n---\n",
        "content/k/2018-11-13-b.md": "---\ndate: 2018-11-13\n---\n",
        "content/j/2018-11-14-c.md": "---\ntitle: C\ndate: 2018-13-40\n---\n",
    })
    with pytest.raises(SourceError) as caught:
        build_site(site)
    assert {d.path for d in caught.value.diagnostics} == {
        "content/k/2018-11-12-a.md", "content/k/2018-11-13-b.md", "content/j/2018-11-14-c.md"}


def test_unsafe_yaml_tag_is_refused_and_never_run(make_site, tmp_path):
    marker = tmp_path / "dijalankan"
    site = make_site({"content/k/2018-11-12-a.md":
                      f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\ndate: 2018-11-12\n---\n"})
    with pytest.raises(SourceError) as caught:
        build_site(site)
    assert caught.value.diagnostics[0].code == "yaml-unsafe-tag"
    assert not marker.exists()


def test_bom_and_crlf_are_fine(make_site):
    site = make_site({"content/k/2018-11-12-a.md": b"\xef\xbb\xbf---\r\ntitle: Judul\r\ndate: 2018-11-12\r\n---\r\nIsi.\r\n"})
    build_site(site)
    assert text_of(parse_html(site / "output/k/a/index.html").find(".//h1")) == "Judul"


@pytest.mark.parametrize("where", ["site", "parent", "content", "static", "themes"])
def test_dangerous_output_folders_are_refused(make_site, where):
    site = make_site({"content/k/2018-11-12-a.md": article("A"), "static/x.txt": "x", "themes/t/x": "x"})
    target = {"site": site, "parent": site.parent, "content": site / "content/out",
              "static": site / "static", "themes": site / "themes/out"}[where]
    with pytest.raises(OutputDirError):
        build_site(site, output_dir=str(target))


def test_foreign_non_empty_output_needs_force(make_site, tmp_path):
    site = make_site({"content/k/2018-11-12-a.md": article("A")})
    foreign = tmp_path / "punya-orang"
    foreign.mkdir()
    (foreign / "penting.txt").write_text("jangan dihapus")
    with pytest.raises(OutputDirError):
        build_site(site, output_dir=str(foreign))
    build_site(site, output_dir=str(foreign), force=True)
    assert (foreign / "penting.txt").read_text() == "jangan dihapus"


def test_demo_site_builds_and_article_pages_are_small_and_accessible(tmp_path):
    result = build_site(REPO, output_dir=str(tmp_path / "demo"))
    assert len(result.site.articles) >= 12
    out = tmp_path / "demo"
    for article_ in result.site.articles:
        page = out / article_.url.strip("/") / "index.html"
        assert page.stat().st_size <= 30 * 1024, page
    for page in out.rglob("*.html"):
        tree = parse_html(page)
        assert tree.find(".//script") is None
        assert len(tree.findall(".//h1")) == 1, page
        assert tree.find(".//main") is not None
        assert tree.find(".//a[@class='skip']").get("href") == "#isi"
        assert all(img.get("alt") is not None for img in tree.findall(".//img")), page
