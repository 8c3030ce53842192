"""What `kimpress build` writes: the files, their pages and their links, checked by parsing the output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
import pytest
from conftest import MINIMAL_CONFIG, NOW, article, build_site, output_files, parse_html, stray_scripts

REPO = Path(__file__).resolve().parents[1]
BASE = "https://contoh.id/kim/"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
FEEDS = ("feed.xml", "atom.xml", "feed.json")


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def text_of(element) -> str:
    """The visible text of an element, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def card_links(path: Path) -> list[str]:
    """The article links of a list page, in order: the heading link of each card in ul.cards."""
    tree = parse_html(path)
    links = []
    for card in tree.findall(".//ul[@class='cards']/li[@class='card']/article"):
        heading = next(child for child in card if child.tag in ("h2", "h3"))
        links.append(heading.find("a").get("href"))
    return links


def pager_link(path: Path, rel: str) -> str | None:
    """href of the rel=prev/next link of a list page's pager, or None."""
    links = parse_html(path).findall(f".//nav[@class='pager']/a[@rel='{rel}']")
    assert len(links) <= 1
    return links[0].get("href") if links else None


def article_meta(path: Path):
    """The <p class="meta"> under the article's <header>."""
    return parse_html(path).find(".//main/article/header/p[@class='meta']")


def author_link(path: Path):
    """The author <a> of an article page (href under /penulis/), or None."""
    meta = article_meta(path)
    links = [a for a in meta.findall("a") if "/penulis/" in a.get("href", "")]
    assert len(links) <= 1
    return links[0] if links else None


def rubrik_href(path: Path) -> str:
    """href of the rubrik badge above an article's heading."""
    [badge] = parse_html(path).findall(".//main/article/header/a[@href]")
    assert "badge" in badge.get("class", "").split()
    return badge.get("href")


def neighbour(path: Path, rel: str) -> str | None:
    links = parse_html(path).findall(f".//nav[@class='neighbours']/a[@rel='{rel}']")
    assert len(links) <= 1
    return links[0].get("href") if links else None


def sitemap(output: Path) -> dict[str, str | None]:
    """loc -> lastmod of sitemap.xml (each loc once)."""
    root = ET.parse(output / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    entries: dict[str, str | None] = {}
    for url in root.findall("sm:url", SITEMAP_NS):
        loc = url.findtext("sm:loc", namespaces=SITEMAP_NS)
        assert loc not in entries, f"{loc} twice in the sitemap"
        entries[loc] = url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
    return entries


def page_url_of(rel_path: str, base: str = BASE) -> str:
    """The absolute URL of an output HTML file: "a/b/index.html" -> base + "a/b/"."""
    return base + (rel_path[: -len("index.html")] if rel_path.endswith("index.html") else rel_path)


def all_bytes(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------
# the URL set
# ---------------------------------------------------------------------------

def test_exact_file_set_of_a_small_site(make_site):
    site = make_site({
        "content/tentang.md": "---\ntitle: Tentang Kami\n---\nKami relawan KIM.\n",
        "content/satimpo/2018-11-12-posyandu.md": article(
            "Posyandu Balita", "2018-11-12 09:30", tags="[kesehatan]", category="berita", author="Rina Puspitasari"),
        "content/satimpo/2018-12-01-kerja-bakti.md": article("Kerja Bakti", "2018-12-01"),
        "content/loktuan/2019-01-05-pasar-murah.md": article("Pasar Murah", "2019-01-05 08:00"),
    })
    build_site(site)

    html_pages = {
        "index.html", "404.html",
        "tentang/index.html",
        "kecamatan/index.html",
        "satimpo/index.html", "loktuan/index.html",
        "satimpo/posyandu/index.html", "satimpo/kerja-bakti/index.html", "loktuan/pasar-murah/index.html",
        "tag/index.html", "tag/kesehatan/index.html",
        "rubrik/index.html", "rubrik/berita/index.html",
        "penulis/index.html", "penulis/rina-puspitasari/index.html",
        "arsip/index.html",
        "arsip/2018/index.html", "arsip/2019/index.html",
        "arsip/2018/11/index.html", "arsip/2018/12/index.html", "arsip/2019/01/index.html",
        "langganan/index.html",
    }
    feed_lists = ["", "satimpo/", "loktuan/", "tag/kesehatan/", "rubrik/berita/", "penulis/rina-puspitasari/"]
    feeds = {folder + name for folder in feed_lists for name in FEEDS}
    articles = ["satimpo/posyandu/", "satimpo/kerja-bakti/", "loktuan/pasar-murah/"]
    others = {"sitemap.xml", "robots.txt", "favicon.svg", "share.js", "cari.js", "langganan/kelurahan.opml",
              "cari/index.html", "og.jpg", *(folder + "og.jpg" for folder in articles), *REPORT_FILES,
              *edition_files({"satimpo/": ["2018-11", "2018-12"], "loktuan/": ["2019-01"],
                              "": ["2018-11", "2018-12", "2019-01"]})}
    produced = output_files(site / "output")
    index = search_index_files(produced, len(articles))
    assert produced - index == html_pages | feeds | others
    # The manifest lists exactly what this build wrote: the files a later build may delete.
    manifest = json.loads((site / "output/.kimpress-manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"] == sorted(html_pages | feeds | others | index)


def test_file_set_without_feeds_and_with_custom_permalinks(make_site):
    config = MINIMAL_CONFIG + (
        "feeds:\n  kinds: [site]\n  formats: [rss]\n"
        "permalinks:\n  article: /{year}/{month}/{slug}/\n  tag: /topik/{tag}/\n  tags: /topik/\n"
    )
    site = make_site({
        "content/satimpo/2018-11-12-posyandu.md": article("Posyandu", tags="[kesehatan]"),
    }, config=config)
    build_site(site)
    produced = output_files(site / "output")
    assert produced - search_index_files(produced, 1) == {
        "index.html", "404.html", "kecamatan/index.html", "satimpo/index.html",
        "2018/11/posyandu/index.html",
        "topik/index.html", "topik/kesehatan/index.html",
        "rubrik/index.html", "penulis/index.html",
        "arsip/index.html", "arsip/2018/index.html", "arsip/2018/11/index.html",
        "langganan/index.html", "langganan/kelurahan.opml",
        "feed.xml", "sitemap.xml", "robots.txt", "favicon.svg", "share.js", "cari.js", "cari/index.html",
        "og.jpg", "2018/11/posyandu/og.jpg", *REPORT_FILES,
        *edition_files({"satimpo/": ["2018-11"], "": ["2018-11"]}),
    }


def edition_files(months: dict[str, list[str]]) -> set[str]:
    """The monthly editions of each area (its folder: "satimpo/", "" for the city), each in its five forms, and
    the area's list of back issues."""
    forms = ("index.html", "surel.html", "buletin.txt", "whatsapp.txt", "whatsapp/index.html")
    return {f"{folder}edisi/{month}/{form}" for folder, listed in months.items() for month in listed
            for form in forms} | {f"{folder}edisi/index.html" for folder in months}


# The activity report (issue 15): its page, unlisted, and its CSV files beside it.
REPORT_FILES = {"laporan/index.html", "laporan/laporan-kelurahan.csv", "laporan/laporan-kecamatan.csv",
                "laporan/laporan-penulis.csv"}


def search_index_files(files: set[str], articles: int) -> set[str]:
    """The search index's files among ``files``: one list of documents, the term shards, a text per article."""
    index = {name for name in files if name.startswith("cari/index/")}
    texts = [name for name in index if name.startswith("cari/index/text/")]
    shards = [name for name in index if re.fullmatch(r"cari/index/terms-[a-z0-9_]\.json", name)]
    assert "cari/index/docs.json" in index and len(texts) == articles and len(shards) == 28, sorted(index)
    assert index == {"cari/index/docs.json", *texts, *shards}
    return index


# ---------------------------------------------------------------------------
# pagination
# ---------------------------------------------------------------------------

def test_pagination_of_a_kelurahan_and_the_home_page(make_site):
    files = {f"content/satimpo/2018-11-{day:02d}-berita-{day}.md": article(f"Berita {day}", f"2018-11-{day:02d} 10:00")
             for day in range(1, 6)}
    site = make_site(files, config=MINIMAL_CONFIG + "paginate: 2\n")
    build_site(site)
    out = site / "output"
    kel = out / "satimpo"

    assert (kel / "page/2/index.html").is_file() and (kel / "page/3/index.html").is_file()
    assert not (kel / "page/4").exists() and not (kel / "page/1").exists()
    assert card_links(kel / "index.html") == ["/kim/satimpo/berita-5/", "/kim/satimpo/berita-4/"]
    assert card_links(kel / "page/2/index.html") == ["/kim/satimpo/berita-3/", "/kim/satimpo/berita-2/"]
    assert card_links(kel / "page/3/index.html") == ["/kim/satimpo/berita-1/"]

    assert pager_link(kel / "index.html", "prev") is None
    assert pager_link(kel / "index.html", "next") == "/kim/satimpo/page/2/"
    assert pager_link(kel / "page/2/index.html", "prev") == "/kim/satimpo/"
    assert pager_link(kel / "page/2/index.html", "next") == "/kim/satimpo/page/3/"
    assert pager_link(kel / "page/3/index.html", "prev") == "/kim/satimpo/page/2/"
    assert pager_link(kel / "page/3/index.html", "next") is None
    assert parse_html(kel / "page/3/index.html").find(".//a[@rel='next']") is None

    # The home page, the archive and the sitemap agree.
    assert card_links(out / "index.html") == ["/kim/satimpo/berita-5/", "/kim/satimpo/berita-4/"]
    assert card_links(out / "page/3/index.html") == ["/kim/satimpo/berita-1/"]
    assert not (out / "page/4").exists()
    assert card_links(out / "arsip/2018/11/page/2/index.html") == ["/kim/satimpo/berita-3/", "/kim/satimpo/berita-2/"]
    locs = sitemap(out)
    for url in ("satimpo/page/2/", "satimpo/page/3/", "page/2/", "page/3/"):
        assert BASE + url in locs


def test_a_list_of_exactly_one_page_has_no_pager(make_site):
    site = make_site({"content/satimpo/2018-11-01-a.md": article("A", "2018-11-01"),
                      "content/satimpo/2018-11-02-b.md": article("B", "2018-11-02")},
                     config=MINIMAL_CONFIG + "paginate: 2\n")
    build_site(site)
    assert card_links(site / "output/satimpo/index.html") == ["/kim/satimpo/b/", "/kim/satimpo/a/"]
    assert parse_html(site / "output/satimpo/index.html").find(".//nav[@class='pager']") is None
    assert not (site / "output/satimpo/page").exists()


# ---------------------------------------------------------------------------
# drafts and future articles
# ---------------------------------------------------------------------------

DRAFT_AND_FUTURE = {
    "content/satimpo/2018-11-10-terbit.md": article("Terbit", "2018-11-10 08:00"),
    "content/satimpo/2018-11-12-draf.md": article("Draf", "2018-11-12 09:30", draft="true", tags="[rahasia]"),
    "content/satimpo/2030-01-01-nanti.md": article("Nanti", "2030-01-01 08:00"),
    # NOW is 2026-11-28 12:00 UTC = 20:00 WITA.
    "content/satimpo/2026-11-28-hari-ini.md": article("Hari Ini", "2026-11-28"),
    "content/satimpo/2026-11-28-tadi.md": article("Tadi", "2026-11-28 19:59"),
    "content/satimpo/2026-11-28-sebentar-lagi.md": article("Sebentar Lagi", "2026-11-28 20:01"),
}


def test_drafts_and_future_articles_are_left_out(make_site):
    site = make_site(DRAFT_AND_FUTURE)
    result = build_site(site)
    out = site / "output"
    published = {"terbit", "hari-ini", "tadi"}
    for slug in ("terbit", "draf", "nanti", "hari-ini", "tadi", "sebentar-lagi"):
        assert (out / f"satimpo/{slug}/index.html").is_file() == (slug in published), slug
    expected_cards = ["/kim/satimpo/tadi/", "/kim/satimpo/hari-ini/", "/kim/satimpo/terbit/"]
    assert card_links(out / "satimpo/index.html") == expected_cards
    assert card_links(out / "index.html") == expected_cards
    assert not (out / "tag/rahasia").exists()
    assert not (out / "arsip/2030").exists()
    locs = sitemap(out)
    assert {loc for loc in locs if loc.startswith(BASE + "satimpo/") and loc != BASE + "satimpo/"} == {
        BASE + f"satimpo/{slug}/" for slug in published}
    assert (result.site.skipped_drafts, result.site.skipped_future) == (1, 2)


def test_drafts_and_future_are_published_when_asked(make_site):
    site = make_site(DRAFT_AND_FUTURE)
    build_site(site, drafts=True)
    out = site / "output"
    assert (out / "satimpo/draf/index.html").is_file()
    assert "/kim/satimpo/draf/" in card_links(out / "satimpo/index.html")
    assert card_links(out / "tag/rahasia/index.html") == ["/kim/satimpo/draf/"]
    assert BASE + "satimpo/draf/" in sitemap(out)
    assert not (out / "satimpo/nanti").exists()

    build_site(site, future=True)
    assert not (out / "satimpo/draf").exists()  # removed again by the next plain build
    assert card_links(out / "satimpo/index.html")[:2] == ["/kim/satimpo/nanti/", "/kim/satimpo/sebentar-lagi/"]
    assert BASE + "satimpo/nanti/" in sitemap(out)
    assert (out / "arsip/2030/01/index.html").is_file()


def test_article_dated_today_in_wita_is_published_while_utc_is_still_yesterday(make_site):
    # 16:30 UTC on the 28th is already 00:30 on the 29th in WITA: an article dated
    # "2026-11-29" (midnight WITA) is today's, not a future one.
    now = datetime(2026, 11, 28, 16, 30, tzinfo=timezone.utc)
    site = make_site({
        "content/satimpo/2026-11-29-pagi-ini.md": article("Pagi Ini", "2026-11-29"),
        "content/satimpo/2026-11-29-jam-satu.md": article("Jam Satu", "2026-11-29 01:00"),
    })
    result = build_site(site, now=now)
    out = site / "output"
    assert (out / "satimpo/pagi-ini/index.html").is_file()
    assert not (out / "satimpo/jam-satu").exists()
    assert result.site.skipped_future == 1
    time = parse_html(out / "satimpo/pagi-ini/index.html").find(".//main/article/header/p/time")
    assert time.get("datetime") == "2026-11-29T00:00:00+08:00"
    assert time.text == "Minggu, 29 November 2026"


def test_article_dated_today_by_nows_wita_date_is_published(make_site):
    # NOW's date in WITA, date only (midnight WITA): published, never counted as future.
    today = NOW.astimezone(ZoneInfo("Asia/Makassar")).date()
    site = make_site({f"content/satimpo/{today}-hari-ini.md": article("Hari Ini", today.isoformat())})
    result = build_site(site)
    assert (site / "output/satimpo/hari-ini/index.html").is_file()
    assert result.site.skipped_future == 0


# ---------------------------------------------------------------------------
# the data cascade
# ---------------------------------------------------------------------------

def test_data_cascade_at_every_level(make_site):
    site = make_site({
        "content/satimpo/_index.md": "---\nname: Satimpo\ndefaults:\n  author: Bambang\n---\nProfil Satimpo.\n",
        "content/satimpo/2018-11-12-dari-kelurahan.md": article("Dari Kelurahan"),
        "content/satimpo/2018-11-13-dari-artikel.md": article("Dari Artikel", author="Citra"),
        "content/satimpo/2018-11-14-dengan-penulis.md": article("Dengan Penulis", penulis="Dewi"),
        "content/loktuan/_index.md": "---\nname: Lok Tuan\n---\nProfil Lok Tuan.\n",
        "content/loktuan/2018-11-15-dari-situs.md": article("Dari Situs"),
        "content/loktuan/2018-11-16-milik-sendiri.md": article("Milik Sendiri", author="Citra"),
    }, config=MINIMAL_CONFIG + "defaults:\n  author: Anwar\n  category: berita\n")
    build_site(site)
    out = site / "output"

    def author(rel: str) -> tuple[str, str]:
        link = author_link(out / rel)
        return text_of(link), link.get("href")

    assert author("satimpo/dari-kelurahan/index.html") == ("Bambang", "/kim/penulis/bambang/")
    assert author("satimpo/dari-artikel/index.html") == ("Citra", "/kim/penulis/citra/")
    assert author("satimpo/dengan-penulis/index.html") == ("Dewi", "/kim/penulis/dewi/")  # alias beats defaults
    assert author("loktuan/dari-situs/index.html") == ("Anwar", "/kim/penulis/anwar/")
    assert author("loktuan/milik-sendiri/index.html") == ("Citra", "/kim/penulis/citra/")
    assert card_links(out / "penulis/citra/index.html") == ["/kim/loktuan/milik-sendiri/", "/kim/satimpo/dari-artikel/"]
    assert card_links(out / "penulis/anwar/index.html") == ["/kim/loktuan/dari-situs/"]
    # A site default the kelurahan does not override still reaches every article.
    assert len(card_links(out / "rubrik/berita/index.html")) == 5


def test_kelurahan_defaults_override_site_defaults_per_key(make_site):
    site = make_site({
        "content/satimpo/_index.md": "---\ndefaults:\n  category: agenda\n---\n",
        "content/satimpo/2018-11-12-a.md": article("A"),
        "content/satimpo/2018-11-13-b.md": article("B", category="pengumuman"),
        "content/loktuan/2018-11-14-c.md": article("C"),
    }, config=MINIMAL_CONFIG + "defaults:\n  author: Anwar\n  category: berita\n")
    build_site(site)
    out = site / "output"

    assert rubrik_href(out / "satimpo/a/index.html") == "/kim/rubrik/agenda/"
    assert rubrik_href(out / "satimpo/b/index.html") == "/kim/rubrik/pengumuman/"
    assert rubrik_href(out / "loktuan/c/index.html") == "/kim/rubrik/berita/"
    assert text_of(author_link(out / "satimpo/a/index.html")) == "Anwar"


def test_kelurahan_default_written_with_an_alias_overrides_the_site_default(make_site):
    # site.yaml says `category`, the kelurahan's _index.md says `rubrik`: one key at two
    # levels of the cascade, so the kelurahan's value wins (as it does for an article's own
    # `rubrik` over a site default `category`).
    site = make_site({
        "content/satimpo/_index.md": "---\ndefaults:\n  rubrik: agenda\n  penulis: Bambang\n---\n",
        "content/satimpo/2018-11-12-a.md": article("A"),
        "content/satimpo/2018-11-13-b.md": article("B", rubrik="opini"),
    }, config=MINIMAL_CONFIG + "defaults:\n  author: Anwar\n  category: berita\n")
    build_site(site)
    out = site / "output"
    assert rubrik_href(out / "satimpo/a/index.html") == "/kim/rubrik/agenda/"
    assert rubrik_href(out / "satimpo/b/index.html") == "/kim/rubrik/opini/"
    assert text_of(author_link(out / "satimpo/a/index.html")) == "Bambang"
    assert not (out / "rubrik/berita").exists()


# ---------------------------------------------------------------------------
# Indonesian front matter keys
# ---------------------------------------------------------------------------

def test_indonesian_front_matter_aliases(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-posyandu.md": (
            "---\n"
            "judul: Posyandu Balita Desember\n"
            "tanggal: 12 Nopember 2018 09.30\n"
            "penulis: Rina Puspitasari\n"
            "rubrik: Pengumuman\n"
            "tag: [kesehatan, balita]\n"
            "ringkasan: Jadwal posyandu bulan depan.\n"
            "---\n"
            "Isi pengumuman.\n"
        ),
        "content/satimpo/2018-11-13-kategori.md": (
            "---\njudul: Pakai Kategori\ntanggal: 13/11/2018\nkategori: Berita\n---\nIsi.\n"),
    })
    build_site(site)
    out = site / "output"
    page = parse_html(out / "satimpo/posyandu/index.html")
    assert text_of(page.find(".//main//h1")) == "Posyandu Balita Desember"
    time = page.find(".//main/article/header/p/time")
    assert time.get("datetime") == "2018-11-12T09:30:00+08:00"
    assert time.text == "Senin, 12 November 2018, 09.30 WITA"
    assert text_of(author_link(out / "satimpo/posyandu/index.html")) == "Rina Puspitasari"
    badge = page.find(".//main/article/header/a")
    assert (text_of(badge), badge.get("href")) == ("Pengumuman", "/kim/rubrik/pengumuman/")
    tags = [(text_of(a), a.get("href")) for a in page.findall(".//ul[@class='tags']/li/a")]
    assert tags == [("#kesehatan", "/kim/tag/kesehatan/"), ("#balita", "/kim/tag/balita/")]
    assert page.find(".//head/meta[@name='description']").get("content") == "Jadwal posyandu bulan depan."
    card = parse_html(out / "satimpo/index.html").findall(".//ul[@class='cards']/li/article")
    assert [text_of(p) for p in card[1].findall("p")][-1] == "Jadwal posyandu bulan depan."
    other = parse_html(out / "satimpo/kategori/index.html")
    assert rubrik_href(out / "satimpo/kategori/index.html") == "/kim/rubrik/berita/"
    assert other.find(".//main/article/header/p/time").get("datetime") == "2018-11-13T00:00:00+08:00"


# ---------------------------------------------------------------------------
# the article page
# ---------------------------------------------------------------------------

def test_article_page_language_heading_and_dates(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-pembinaan.md": article("Pembinaan KIM", "2018-11-12 09:30"),
        "content/satimpo/2018-11-12-tanpa-jam.md": article("Tanpa Jam", "2018-11-12"),
    })
    build_site(site)
    out = site / "output/satimpo"
    page = parse_html(out / "pembinaan/index.html")
    assert page.tag == "html" and page.get("lang") == "id"
    [h1] = page.findall(".//h1")
    assert text_of(h1) == "Pembinaan KIM"
    assert text_of(page.find("head/title")) == "Pembinaan KIM · Kabar Uji"
    time = article_meta(out / "pembinaan/index.html").find("time")
    assert time.get("datetime") == "2018-11-12T09:30:00+08:00"
    assert datetime.fromisoformat(time.get("datetime")) == datetime(2018, 11, 12, 1, 30, tzinfo=timezone.utc)
    assert text_of(time) == "Senin, 12 November 2018, 09.30 WITA"
    date_only = article_meta(out / "tanpa-jam/index.html").find("time")
    assert text_of(date_only) == "Senin, 12 November 2018"
    assert date_only.get("datetime") == "2018-11-12T00:00:00+08:00"
    assert page.find(".//head/link[@rel='canonical']").get("href") == BASE + "satimpo/pembinaan/"


def test_english_site_article_page(make_site):
    site = make_site({"content/satimpo/2018-11-12-pembinaan.md": article("Pembinaan KIM", "2018-11-12 09:30")},
                     config=MINIMAL_CONFIG.replace("language: id", "language: en"))
    build_site(site)
    page = parse_html(site / "output/satimpo/pembinaan/index.html")
    assert page.get("lang") == "en"
    time = article_meta(site / "output/satimpo/pembinaan/index.html").find("time")
    assert text_of(time) == "Monday, 12 November 2018, 09:30 WITA"
    assert time.get("datetime") == "2018-11-12T09:30:00+08:00"
    assert parse_html(site / "output/index.html").get("lang") == "en"


def test_updated_date_is_shown_with_a_time_only_when_one_was_written(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("A", "2018-11-12", updated="2018-11-20"),
        "content/satimpo/2018-11-13-b.md": article("B", "2018-11-13 08:00", updated="2018-11-20 10:15"),
    })
    build_site(site)
    out = site / "output/satimpo"

    def updated(slug: str):
        metas = parse_html(out / slug / "index.html").findall(".//main/article/header/p[@class='meta']")
        assert len(metas) == 2
        return metas[1].find("time")

    assert updated("b").get("datetime") == "2018-11-20T10:15:00+08:00"
    assert text_of(updated("b")) == "Selasa, 20 November 2018, 10.15 WITA"
    assert updated("a").get("datetime") == "2018-11-20T00:00:00+08:00"
    # Like the publication date, a date written without a time shows no invented "00.00".
    assert text_of(updated("a")) == "Selasa, 20 November 2018"


def test_default_time_zone_is_wib(make_site):
    config = MINIMAL_CONFIG.replace("timezone: Asia/Makassar\n", "")
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A", "2018-11-12 09:30")}, config=config)
    build_site(site)
    time = article_meta(site / "output/satimpo/a/index.html").find("time")
    assert time.get("datetime") == "2018-11-12T09:30:00+07:00"
    assert text_of(time) == "Senin, 12 November 2018, 09.30 WIB"


def test_archive_months_follow_the_site_zone(make_site):
    site = make_site({
        # 23:30 WIB on the 30th is 00:30 WITA on 1 December.
        "content/satimpo/2018-11-30-malam.md": article("Malam", "2018-11-30T23:30:00+07:00"),
        "content/satimpo/2018-11-30-sore.md": article("Sore", "2018-11-30 17:00"),
    }, config=MINIMAL_CONFIG + "permalinks:\n  article: /{year}/{month}/{day}/{slug}/\n")
    build_site(site)
    out = site / "output"
    assert card_links(out / "arsip/2018/12/index.html") == ["/kim/2018/12/01/malam/"]
    assert card_links(out / "arsip/2018/11/index.html") == ["/kim/2018/11/30/sore/"]
    assert card_links(out / "arsip/2018/index.html") == ["/kim/2018/12/01/malam/", "/kim/2018/11/30/sore/"]
    month_page = parse_html(out / "arsip/2018/12/index.html")
    assert text_of(month_page.find(".//h1")) == "Desember 2018"
    assert [text_of(a) for a in month_page.findall(".//nav[@class='crumbs']//a")] == ["Beranda", "Arsip", "2018"]
    assert "Arsip Desember 2018" in text_of(month_page.find(".//title"))
    months = [text_of(a) for a in parse_html(out / "arsip/index.html").findall(".//main/section/ul/li/a")]
    assert months == ["Desember 2018", "November 2018"]


def test_article_written_with_another_offset_is_shown_in_the_site_zone(make_site):
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A", "2018-11-12T09:30:00+07:00")})
    build_site(site)
    time = article_meta(site / "output/satimpo/a/index.html").find("time")
    assert datetime.fromisoformat(time.get("datetime")) == datetime(2018, 11, 12, 2, 30, tzinfo=timezone.utc)
    assert text_of(time) == "Senin, 12 November 2018, 10.30 WITA"


HOSTILE = '<script>alert(1)</script> & "q"'


def test_html_characters_in_title_author_and_tags_are_escaped(make_site):
    quoted = "'" + HOSTILE + "'"
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article(quoted, slug="a", author=quoted, tags=f"[{quoted}]"),
    })
    build_site(site)
    out = site / "output"
    page = parse_html(out / "satimpo/a/index.html")
    assert stray_scripts(page) == []
    assert text_of(page.find(".//h1")) == HOSTILE
    assert text_of(page.find("head/title")) == f"{HOSTILE} · Kabar Uji"
    link = author_link(out / "satimpo/a/index.html")
    assert text_of(link) == HOSTILE
    assert link.get("href") == "/kim/penulis/script-alert-1-script-q/"
    [tag] = page.findall(".//ul[@class='tags']/li/a")
    assert text_of(tag) == "#" + HOSTILE
    # Every page that shows these texts stays script-free.
    for rel in ("index.html", "satimpo/index.html", "penulis/index.html", "penulis/script-alert-1-script-q/index.html",
                "tag/index.html", "tag/script-alert-1-script-q/index.html", "langganan/index.html"):
        assert stray_scripts(parse_html(out / rel)) == [], rel
    author_page = parse_html(out / "penulis/script-alert-1-script-q/index.html")
    assert text_of(author_page.find(".//h1")) == HOSTILE
    assert text_of(author_page.find("head/title")) == f"Tulisan {HOSTILE} · Kabar Uji"


def test_html_characters_in_attributes_are_escaped_once(make_site):
    quoted = "'" + HOSTILE + "'"
    site = make_site({
        "content/satimpo/_index.md": f"---\nname: {quoted}\nkim: {quoted}\n---\n",
        "content/satimpo/2018-11-12-a.md": article(quoted, slug="a", summary=quoted, cover="https://x.org/a.png",
                                                   cover_alt=quoted),
    }, config=MINIMAL_CONFIG.replace("title: Kabar Uji", "title: 'Kabar <b>Uji</b> & \"Co\"'"))
    build_site(site)
    out = site / "output"
    page = parse_html(out / "satimpo/a/index.html")
    assert stray_scripts(page) == [] and page.find(".//b") is None
    site_title = 'Kabar <b>Uji</b> & "Co"'
    assert text_of(page.find("head/title")) == f"{HOSTILE} · {site_title}"
    metas = {m.get("name") or m.get("property"): m.get("content") for m in page.findall("head/meta")}
    assert metas["description"] == HOSTILE
    assert metas["og:title"] == f"{HOSTILE} · {site_title}"
    assert metas["og:site_name"] == site_title
    assert page.find(".//main/article/figure/img").get("alt") == HOSTILE
    assert text_of(page.find(".//a[@class='brand']")) == site_title
    crumbs = page.findall(".//nav[@class='crumbs']//a")
    assert text_of(crumbs[-1]) == f"Kelurahan {HOSTILE}"
    kel = parse_html(out / "satimpo/index.html")
    assert stray_scripts(kel) == []
    assert text_of(kel.find(".//h1")) == f"Kelurahan {HOSTILE}"
    [card] = kel.findall(".//ul[@class='cards']/li/article")
    assert text_of(card.findall("p")[-1]) == HOSTILE


# ---------------------------------------------------------------------------
# links, assets, static files
# ---------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR-kimpress-test"


def test_relative_links_assets_cover_and_static(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-kerja-bakti.md": article(
            "Kerja Bakti",
            body="Lihat [pasar](../loktuan/2019-01-05-pasar-murah.md#jadwal), [lagi](2018-11-13-lagi.md) "
                 "dan [profil](../loktuan/_index.md).\n\n![Warga](2018-11-12-kerja-bakti/foto.png)\n",
            cover="foto.png", cover_alt="Warga membersihkan selokan"),
        "content/satimpo/2018-11-12-kerja-bakti/foto.png": PNG,
        "content/satimpo/2018-11-13-lagi.md": article("Lagi", "2018-11-13"),
        "content/loktuan/_index.md": "---\nname: Lok Tuan\n---\n",
        "content/loktuan/2019-01-05-pasar-murah.md": article("Pasar Murah", "2019-01-05"),
        "static/CNAME": "kim.contoh.id\n",
        "static/unduh/formulir.txt": b"Formulir pendaftaran\r\n",
    })
    build_site(site)
    out = site / "output"
    page = parse_html(out / "satimpo/kerja-bakti/index.html")
    body = page.find(".//div[@class='article-body']")
    hrefs = {text_of(a): a.get("href") for a in body.iter("a")}
    assert hrefs == {"pasar": "/kim/loktuan/pasar-murah/#jadwal", "lagi": "/kim/satimpo/lagi/",
                     "profil": "/kim/loktuan/"}
    assert (out / "satimpo/kerja-bakti/foto.png").read_bytes() == PNG
    # The body shows the cover already, so the page shows it once: no cover figure above the body.
    assert not page.findall(".//main/article/figure/img")
    [inline] = body.findall(".//img")
    assert inline.get("src") == "/kim/satimpo/kerja-bakti/foto.png" and inline.get("alt") == "Warga"
    og_image = page.find(".//head/meta[@property='og:image']").get("content")
    assert og_image == BASE + "satimpo/kerja-bakti/og.jpg"
    assert (out / "CNAME").read_text() == "kim.contoh.id\n"
    assert (out / "unduh/formulir.txt").read_bytes() == b"Formulir pendaftaran\r\n"
    # The asset folder is not a kelurahan or an article of its own.
    assert not (out / "satimpo/2018-11-12-kerja-bakti").exists()


def test_links_from_pages_and_profiles_and_assets_outside_an_article(make_site):
    site = make_site({
        "content/tentang.md": "---\ntitle: Tentang\n---\nBaca [A](satimpo/2018-11-12-a.md), [Satimpo](satimpo/) "
                              "dan [peta](satimpo/lampiran/peta.pdf).\n",
        "content/satimpo/_index.md": "---\nname: Satimpo\n---\nBaca [A](2018-11-12-a.md?utm=x#isi).\n",
        "content/satimpo/2018-11-12-a.md": article("A", body="[peta](lampiran/peta.pdf) [N](2018/2018-11-14-n.md)"),
        "content/satimpo/lampiran/peta.pdf": b"%PDF-1.4 peta",
        "content/satimpo/2018/2018-11-14-n.md": article("N", "2018-11-14", cover="n.png", cover_alt="N"),
        "content/satimpo/2018/2018-11-14-n/n.png": PNG,
        "content/satimpo/2018-11-13-draf.md": article("Draf", "2018-11-13", draft="true", cover="d.png"),
        "content/satimpo/2018-11-13-draf/d.png": PNG,
    })
    build_site(site)
    out = site / "output"

    def body_links(rel: str) -> list[str]:
        return [a.get("href") for a in parse_html(out / rel).iterfind(".//div[@class='article-body']//a")]

    assert body_links("tentang/index.html") == ["/kim/satimpo/a/", "/kim/satimpo/", "/kim/satimpo/lampiran/peta.pdf"]
    assert body_links("satimpo/index.html") == ["/kim/satimpo/a/?utm=x#isi"]
    assert body_links("satimpo/a/index.html") == ["/kim/satimpo/lampiran/peta.pdf", "/kim/satimpo/n/"]
    assert (out / "satimpo/lampiran/peta.pdf").read_bytes() == b"%PDF-1.4 peta"
    assert (out / "satimpo/n/n.png").read_bytes() == PNG  # an article in a sub-folder keeps its assets
    assert parse_html(out / "satimpo/n/index.html").find(".//figure/img").get("src") == "/kim/satimpo/n/n.png"
    assert not (out / "satimpo/draf").exists()  # a draft's files are not published either
    build_site(site, drafts=True)
    assert (out / "satimpo/draf/d.png").read_bytes() == PNG


def test_static_file_replaces_the_theme_favicon(make_site):
    icon = b"<svg xmlns='http://www.w3.org/2000/svg'><title>KIM</title></svg>"
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A"), "static/favicon.svg": icon})
    build_site(site)
    assert (site / "output/favicon.svg").read_bytes() == icon
    icon_link = parse_html(site / "output/index.html").find(".//head/link[@rel='icon']")
    assert icon_link.get("href") == "/kim/favicon.svg"


# ---------------------------------------------------------------------------
# the kelurahan registry
# ---------------------------------------------------------------------------

REGISTRY = MINIMAL_CONFIG + """\
wilayah:
  bontang-selatan:
    name: Bontang Selatan
    code: "64.74.02"
    kelurahan:
      satimpo: {name: Satimpo, code: "64.74.02.1004"}
      tanjung-laut: {name: Tanjung Laut, code: "64.74.02.1001"}
"""


def test_registry_and_unregistered_kelurahan(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("A"),
        "content/kampung-baru/_index.md": "---\nname: Kampung Baru Hilir\n---\nProfil.\n",
        "content/kampung-baru/2018-11-13-b.md": article("B"),
        "content/tanjung-limau/2018-11-14-c.md": article("C"),
    }, config=REGISTRY)
    build_site(site)
    out = site / "output"

    def heading(rel: str) -> str:
        return text_of(parse_html(out / rel).find(".//h1"))

    assert heading("tanjung-laut/index.html") == "Kelurahan Tanjung Laut"  # registry only, no folder
    assert parse_html(out / "tanjung-laut/index.html").find(".//ul[@class='cards']") is None
    assert heading("satimpo/index.html") == "Kelurahan Satimpo"
    assert heading("kampung-baru/index.html") == "Kelurahan Kampung Baru Hilir"
    assert heading("tanjung-limau/index.html") == "Kelurahan Tanjung Limau"
    assert card_links(out / "tanjung-limau/index.html") == ["/kim/tanjung-limau/c/"]
    assert heading("kecamatan/bontang-selatan/index.html") == "Kecamatan Bontang Selatan"

    # The region index lists the registry under its kecamatan and the rest under "Lainnya".
    index = parse_html(out / "kecamatan/index.html")
    sections = {}
    for section in index.findall(".//main/section"):
        title = text_of(section.find("h2"))
        sections[title] = [(text_of(a), a.get("href")) for a in section.findall("ul/li/a")]
    assert sections == {
        "Kecamatan Bontang Selatan": [("Satimpo", "/kim/satimpo/"), ("Tanjung Laut", "/kim/tanjung-laut/")],
        "Lainnya": [("Kampung Baru Hilir", "/kim/kampung-baru/"), ("Tanjung Limau", "/kim/tanjung-limau/")],
    }
    region_code = parse_html(out / "satimpo/index.html").find(".//main/p[@class='meta']")
    assert text_of(region_code) == "Kode wilayah: 64.74.02.1004"
    crumbs = [a.get("href") for a in parse_html(out / "satimpo/a/index.html").findall(".//nav[@class='crumbs']//a")]
    assert crumbs == ["/kim/", "/kim/kecamatan/bontang-selatan/", "/kim/satimpo/"]


def test_unregistered_folder_joins_the_kecamatan_its_profile_names(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("A"),
        "content/kampung-baru/_index.md": "---\nkecamatan: Bontang Selatan\n---\n",
        "content/kampung-baru/2018-11-13-b.md": article("B"),
        "content/pesisir/_index.md": "---\nname: Pesisir Indah\nkecamatan: Bontang Pesisir\n---\n",
        "content/pesisir/2018-11-14-c.md": article("C"),
    }, config=REGISTRY)
    build_site(site)
    out = site / "output"
    kec = parse_html(out / "kecamatan/bontang-selatan/index.html")
    assert [text_of(a) for a in kec.findall(".//main/ul[@class='region']/li/a")] == [
        "Satimpo", "Tanjung Laut", "Kampung Baru"]
    assert card_links(out / "kecamatan/bontang-selatan/index.html") == ["/kim/kampung-baru/b/", "/kim/satimpo/a/"]
    new = parse_html(out / "kecamatan/bontang-pesisir/index.html")
    assert text_of(new.find(".//h1")) == "Kecamatan Bontang Pesisir"
    assert [a.get("href") for a in new.findall(".//main/ul[@class='region']/li/a")] == ["/kim/pesisir/"]
    assert card_links(out / "kecamatan/bontang-pesisir/index.html") == ["/kim/pesisir/c/"]


# ---------------------------------------------------------------------------
# previous / next
# ---------------------------------------------------------------------------

def test_previous_and_next_stay_within_the_kelurahan(make_site):
    site = make_site({
        "content/satimpo/2018-11-10-pertama.md": article("Pertama", "2018-11-10 08:00"),
        "content/loktuan/2018-11-11-sela.md": article("Sela", "2018-11-11 08:00"),
        "content/satimpo/2018-11-12-kedua.md": article("Kedua", "2018-11-12 08:00"),
        "content/satimpo/2018-11-14-ketiga.md": article("Ketiga", "2018-11-14 08:00"),
        "content/loktuan/2018-11-13-sela-lagi.md": article("Sela Lagi", "2018-11-13 08:00"),
    })
    build_site(site)
    out = site / "output"
    middle = out / "satimpo/kedua/index.html"
    assert neighbour(middle, "prev") == "/kim/satimpo/pertama/"
    assert neighbour(middle, "next") == "/kim/satimpo/ketiga/"
    assert neighbour(out / "satimpo/pertama/index.html", "prev") is None
    assert neighbour(out / "satimpo/pertama/index.html", "next") == "/kim/satimpo/kedua/"
    assert neighbour(out / "satimpo/ketiga/index.html", "prev") == "/kim/satimpo/kedua/"
    assert neighbour(out / "satimpo/ketiga/index.html", "next") is None
    assert neighbour(out / "loktuan/sela/index.html", "next") == "/kim/loktuan/sela-lagi/"
    links = parse_html(middle).findall(".//nav[@class='neighbours']/a")
    assert [text_of(a) for a in links] == ["← Pertama", "Ketiga →"]


def test_single_article_has_no_neighbour_navigation(make_site):
    site = make_site({"content/satimpo/2018-11-10-satu.md": article("Satu")})
    build_site(site)
    assert parse_html(site / "output/satimpo/satu/index.html").find(".//nav[@class='neighbours']") is None


# ---------------------------------------------------------------------------
# sitemap and robots
# ---------------------------------------------------------------------------

def test_sitemap_lists_every_html_page_but_404_absolutely(make_site):
    site = make_site({
        "content/tentang.md": "---\ntitle: Tentang\n---\nHalo.\n",
        "content/satimpo/2018-11-12-a.md": article("A", "2018-11-12 09:30", tags="[x]"),
        "content/satimpo/2018-11-13-b.md": article("B", "2018-11-13", updated="2018-11-20 10:00"),
        "content/loktuan/2019-01-05-c.md": article("C", "2019-01-05T08:00:00+07:00"),
    })
    build_site(site)
    out = site / "output"
    entries = sitemap(out)
    html_files = sorted(f for f in output_files(out) if f.endswith(".html") and f != "404.html"
                        and f != "laporan/index.html"  # the activity report is noindex until made public
                        and "edisi" not in f.split("/"))  # editions repeat their articles: noindex
    assert set(entries) == {page_url_of(f) for f in html_files}
    assert len(entries) == len(html_files)
    assert BASE + "404.html" not in entries
    assert all(loc.startswith(BASE) for loc in entries)
    articles = {
        BASE + "satimpo/a/": "2018-11-12T09:30:00+08:00",
        BASE + "satimpo/b/": "2018-11-20T10:00:00+08:00",
        BASE + "loktuan/c/": "2019-01-05T08:00:00+07:00",
    }
    assert {loc: lastmod for loc, lastmod in entries.items() if lastmod} == articles
    robots = (out / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {BASE}sitemap.xml" in robots


# ---------------------------------------------------------------------------
# determinism, incremental writes, cleaning
# ---------------------------------------------------------------------------

DETERMINISM_SITE = {
    "content/tentang.md": "---\ntitle: Tentang\n---\nHalo.\n",
    "content/satimpo/_index.md": "---\nname: Satimpo\nkim: KIM Info Sigap\n---\nProfil.\n",
    "content/satimpo/2018-11-12-a.md": article("A", tags="[b, a, c]", category="berita", author="Rina",
                                               cover="foto.png", cover_alt="Foto"),
    "content/satimpo/2018-11-12-a/foto.png": PNG,
    "content/satimpo/2018-11-12-b.md": article("B", "2018-11-12 09:30", tags="[a]", author="Budi"),
    "content/loktuan/2019-01-05-c.md": article("C", "2019-01-05", tags="[c, b]", category="agenda"),
    "static/CNAME": "kim.contoh.id\n",
}


def test_two_builds_into_two_folders_are_byte_identical(make_site, tmp_path):
    site = make_site(DETERMINISM_SITE)
    build_site(site, output_dir=str(tmp_path / "satu"))
    build_site(site, output_dir=str(tmp_path / "dua"))
    first, second = all_bytes(tmp_path / "satu"), all_bytes(tmp_path / "dua")
    assert len(first) > 40
    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == []


@pytest.mark.slow  # 1.3-3 s: the demo site built twice in fresh processes
def test_demo_builds_are_byte_identical_across_processes_and_hash_seeds(tmp_path):
    script = ("import sys; from kimpress.pipeline.build import build, BuildOptions; "
              "build(sys.argv[1], BuildOptions(output_dir=sys.argv[2]))")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(REPO), str(out)], env=env, cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.append(all_bytes(out))
    assert len(outputs[0]) > 100
    assert outputs[0].keys() == outputs[1].keys()
    assert [name for name in outputs[0] if outputs[0][name] != outputs[1][name]] == []


def test_a_second_build_writes_nothing(make_site):
    site = make_site(DETERMINISM_SITE)
    first = build_site(site)
    before = all_bytes(site / "output")
    second = build_site(site)
    assert first.stats.written == len(output_files(site / "output")) > 0
    assert second.stats.written == 0
    assert second.stats.deleted == 0
    assert second.stats.unchanged == first.stats.written
    assert all_bytes(site / "output") == before


def test_rebuild_after_deleting_an_article_removes_only_kimpress_files(make_site):
    site = make_site({name: data for name, data in DETERMINISM_SITE.items() if not name.startswith("static/")})
    build_site(site)
    out = site / "output"
    foreign = {"CNAME": b"kim.contoh.id\n", ".git/x": b"git object", ".nojekyll": b"",
               "satimpo/b/catatan.txt": b"kept by a volunteer"}
    for rel, data in foreign.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    (site / "content/satimpo/2018-11-12-a.md").unlink()
    result = build_site(site)
    assert not (out / "satimpo/a/index.html").exists()
    assert not (out / "satimpo/a/foto.png").exists()
    assert not (out / "satimpo/a").exists()
    assert not (out / "penulis/rina").exists() and not (out / "rubrik/berita").exists()
    assert "/kim/satimpo/a/" not in card_links(out / "satimpo/index.html")
    assert BASE + "satimpo/a/" not in sitemap(out)
    # Foreign files survive, even inside a folder kimpress manages.
    for rel, data in foreign.items():
        assert (out / rel).read_bytes() == data, rel
    assert (out / "satimpo/b/index.html").is_file()  # b is still published
    assert result.stats.deleted > 0


def test_removing_a_kelurahan_removes_its_whole_folder(make_site):
    site = make_site(DETERMINISM_SITE)
    build_site(site)
    (site / "content/loktuan/2019-01-05-c.md").unlink()
    (site / "content/loktuan").rmdir()
    build_site(site)
    out = site / "output"
    assert not (out / "loktuan").exists()
    assert not (out / "arsip/2019").exists()
    assert "loktuan/index.html" not in output_files(out)


# ---------------------------------------------------------------------------
# command-line overrides
# ---------------------------------------------------------------------------

def test_base_url_and_output_overrides(make_site, tmp_path):
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A")})
    target = tmp_path / "terbit"
    result = build_site(site, base_url="https://lain.example/berita", output_dir=str(target))
    assert not (site / "output").exists()
    assert result.config.output_dir == target.resolve()
    assert result.config.base_url == "https://lain.example/berita/"
    page = parse_html(target / "satimpo/a/index.html")
    assert page.find(".//head/link[@rel='canonical']").get("href") == "https://lain.example/berita/satimpo/a/"
    assert page.find(".//a[@class='brand']").get("href") == "/berita/"
    crumbs = [a.get("href") for a in page.findall(".//nav[@class='crumbs']//a")]
    assert crumbs == ["/berita/", "/berita/satimpo/"]
    assert set(sitemap(target)) >= {"https://lain.example/berita/", "https://lain.example/berita/satimpo/a/"}
    assert all(loc.startswith("https://lain.example/berita/") for loc in sitemap(target))
    assert "Sitemap: https://lain.example/berita/sitemap.xml" in (target / "robots.txt").read_text().splitlines()


def test_root_base_url_has_no_sub_path(make_site):
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A")})
    build_site(site, base_url="https://kim.contoh.id/")
    page = parse_html(site / "output/satimpo/a/index.html")
    assert page.find(".//a[@class='brand']").get("href") == "/"
    assert page.find(".//head/link[@rel='icon']").get("href") == "/favicon.svg"
    assert "https://kim.contoh.id/satimpo/a/" in sitemap(site / "output")


# ---------------------------------------------------------------------------
# the real demo site
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "output"
    build_site(REPO, output_dir=str(out))
    return out


def test_demo_article_pages_are_small_and_script_free(demo_output):
    articles = sorted(p for p in demo_output.glob("*/*/index.html")
                      if p.parent.parent.name not in {"tag", "rubrik", "penulis", "arsip", "kecamatan", "page"}
                      and "edisi" not in p.relative_to(demo_output).parts)
    assert len(articles) >= 15
    for path in articles:
        assert path.stat().st_size <= 30 * 1024, f"{path.relative_to(demo_output)}: {path.stat().st_size} bytes"
        tree = parse_html(path)
        assert stray_scripts(tree) == [], path
        assert tree.find(".//main/article/header/p/time") is not None, path  # it is an article page


def test_every_demo_page_is_accessible(demo_output):
    # /admin/ is the web editor's page (Decap's app, for writers, not readers): tests/test_admin.py checks it.
    # An edition's surel.html is an e-mail, laid out as one for mail programs.
    pages = sorted(path for path in demo_output.rglob("*.html") if path.relative_to(demo_output).parts[0] != "admin"
                   and path.name != "surel.html")
    assert (demo_output / "admin/index.html").is_file()
    assert len(pages) > 50
    problems = []
    for path in pages:
        rel = path.relative_to(demo_output).as_posix()
        tree = lxml.html.fromstring(path.read_bytes())
        if len(tree.xpath("//h1")) != 1:
            problems.append(f"{rel}: {len(tree.xpath('//h1'))} <h1>")
        mains = tree.xpath("//main")
        if len(mains) != 1 or mains[0].get("id") != "isi":
            problems.append(f"{rel}: no single <main id=isi>")
        skip = tree.xpath("//body/*[1]")
        if not skip or skip[0].tag != "a" or skip[0].get("href") != "#isi" or not skip[0].text_content().strip():
            problems.append(f"{rel}: no skip link to #isi first in <body>")
        for img in tree.xpath("//img[not(@alt)]"):
            problems.append(f"{rel}: <img src={img.get('src')}> without alt")
        if stray_scripts(tree):
            problems.append(f"{rel}: <script>")
        if tree.get("lang") != "id":
            problems.append(f"{rel}: lang={tree.get('lang')}")
    assert problems == []


def test_demo_internal_links_lead_to_built_files(demo_output):
    """Every link is absolute or root-relative with the base path (so 404.html works anywhere) and exists."""
    base = "/kabar/"
    files = output_files(demo_output)
    missing = set()
    for path in demo_output.rglob("*.html"):
        tree = lxml.html.fromstring(path.read_bytes())
        for url in tree.xpath("//a/@href | //img/@src | //link/@href"):
            if url.startswith(("https://", "mailto:", "#")):
                continue
            if not url.startswith(base):
                missing.add(f"{path.relative_to(demo_output)} -> {url} (relative or without the base path)")
                continue
            rel = url[len(base):].split("#")[0]
            target = rel + "index.html" if rel == "" or rel.endswith("/") else rel
            if target not in files:
                missing.add(f"{path.relative_to(demo_output)} -> {url}")
    assert sorted(missing) == []
