"""Feeds as a subscriber's reader sees them: parsed with feedparser and lxml."""

from __future__ import annotations

import json
import re

import feedparser
import lxml.etree
import lxml.html
from conftest import MINIMAL_CONFIG, article, build_site, output_files, parse_html

RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    r"\d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
ATOM = "{http://www.w3.org/2005/Atom}"


def small_site(make_site, title_b="Kabar B", extra_config=""):
    return make_site({
        "content/satimpo/_index.md": "---\nname: Satimpo\nkim: KIM Info Sigap\n---\n",
        "content/satimpo/2018-11-12-a.md": article(
            "Kabar A", "2018-11-12 09:30", tags="[kim]", category="berita", author="Rina", cover="foto.png",
            body="Lihat [B](../loktuan/2018-11-13-b.md) dan catatan[^1].\n\n![foto](2018-11-12-a/foto.png)\n\n"
                 "[^1]: Catatan kaki.\n"),
        "content/satimpo/2018-11-12-a/foto.png": b"\x89PNG\r\n\x1a\n" + b"0" * 100,
        "content/loktuan/2018-11-13-b.md": article(title_b, "2018-11-13 10:00", tags="[kim]", id="loktuan/kabar-b"),
        "content/loktuan/2018-11-14-c.md": article("Kabar C", "2018-11-14"),
    }, config=MINIMAL_CONFIG + extra_config)


def test_feeds_exist_parse_and_are_ordered(make_site):
    site = small_site(make_site)
    build_site(site)
    out = site / "output"
    files = output_files(out)
    lists = ["", "satimpo/", "loktuan/", "tag/kim/", "rubrik/berita/", "penulis/rina/"]
    for prefix in lists:
        for name in ("feed.xml", "atom.xml", "feed.json"):
            assert prefix + name in files
    for path in out.rglob("*.xml"):
        if path.name in ("feed.xml", "atom.xml"):
            parsed = feedparser.parse(path.read_bytes())
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    home = feedparser.parse((out / "feed.xml").read_bytes())
    assert [e.title for e in home.entries] == ["Kabar C", "Kabar B", "Kabar A"]
    assert len(feedparser.parse((out / "satimpo/atom.xml").read_bytes()).entries) == 1


def test_feed_urls_are_absolute_and_enclosure_is_right(make_site):
    site = small_site(make_site)
    build_site(site)
    out = site / "output"
    rss = lxml.etree.parse(str(out / "satimpo/feed.xml"))
    assert rss.find(f"channel/{ATOM}link[@rel='self']").get("href") == "https://contoh.id/kim/satimpo/feed.xml"
    item = rss.find("channel/item")
    assert item.findtext("link") == "https://contoh.id/kim/satimpo/a/"
    content = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
    fragment = lxml.html.fragment_fromstring(content, create_parent="div")
    urls = [el.get("href") for el in fragment.iter("a")] + [el.get("src") for el in fragment.iter("img")]
    assert urls and all(url.startswith("https://contoh.id/kim/") for url in urls), urls
    assert "https://contoh.id/kim/loktuan/b/" in urls
    assert "https://contoh.id/kim/satimpo/a/#fn:1" in urls
    assert fragment.find(".//img").get("src") == "https://contoh.id/kim/satimpo/a/foto.png"  # the cover first
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == "https://contoh.id/kim/satimpo/a/foto.png"
    assert enclosure.get("length") == str(len(b"\x89PNG\r\n\x1a\n" + b"0" * 100))
    assert enclosure.get("type") == "image/png"
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Rina"
    atom = lxml.etree.parse(str(out / "atom.xml"))
    assert atom.find(f"{ATOM}link[@rel='self']").get("href") == "https://contoh.id/kim/atom.xml"
    data = json.loads((out / "tag/kim/feed.json").read_text())
    assert data["feed_url"] == "https://contoh.id/kim/tag/kim/feed.json"
    assert data["language"] == "id"
    assert [item["url"] for item in data["items"]] == ["https://contoh.id/kim/loktuan/b/",
                                                       "https://contoh.id/kim/satimpo/a/"]


def test_dates_use_rfc822_and_rfc3339_with_the_wita_offset(make_site):
    site = small_site(make_site)
    build_site(site)
    out = site / "output"
    rss = lxml.etree.parse(str(out / "satimpo/feed.xml"))
    pub = rss.findtext("channel/item/pubDate")
    assert pub == "Mon, 12 Nov 2018 09:30:00 +0800" and RFC822.match(pub)
    assert rss.findtext("channel/lastBuildDate") == pub  # the newest item's date, not the clock
    assert rss.findtext("channel/language") == "id"
    atom = lxml.etree.parse(str(out / "satimpo/atom.xml"))
    assert atom.findtext(f"{ATOM}updated") == "2018-11-12T09:30:00+08:00"
    assert atom.findtext(f"{ATOM}entry/{ATOM}published") == "2018-11-12T09:30:00+08:00"


def test_ids_survive_title_and_date_changes_and_rebuilds_are_identical(make_site, tmp_path):
    site = small_site(make_site)
    build_site(site)
    out = site / "output"
    first = (out / "feed.xml").read_bytes()

    def ids():
        parsed = feedparser.parse((out / "feed.xml").read_bytes())
        return {e.link: e.id for e in parsed.entries}

    before = ids()
    build_site(site)
    assert (out / "feed.xml").read_bytes() == first
    (site / "content/loktuan/2018-11-13-b.md").write_text(
        article("Judul Baru Sekali", "2018-11-15 08:00", id="loktuan/kabar-b", slug="b-baru"))
    build_site(site)
    after = ids()
    assert after["https://contoh.id/kim/loktuan/b-baru/"] == before["https://contoh.id/kim/loktuan/b/"]
    assert after["https://contoh.id/kim/satimpo/a/"] == before["https://contoh.id/kim/satimpo/a/"]
    assert len(set(after.values())) == 3
    atom = feedparser.parse((out / "atom.xml").read_bytes())
    assert {e.id for e in atom.entries} == set(after.values())
    (site / "site.yaml").write_text(MINIMAL_CONFIG.replace("https://", "http://"))
    build_site(site)
    assert ids()["http://contoh.id/kim/satimpo/a/"] == before["https://contoh.id/kim/satimpo/a/"]


def test_settings_limit_kinds_formats_and_summary(make_site):
    site = small_site(make_site, extra_config="feeds:\n  kinds: [site, kelurahan]\n  formats: [atom]\n"
                                             "  limit: 2\n  content: summary\n")
    build_site(site)
    files = output_files(site / "output")
    assert {f for f in files if f.endswith(("feed.xml", "atom.xml", "feed.json"))} == {
        "atom.xml", "satimpo/atom.xml", "loktuan/atom.xml"}
    parsed = feedparser.parse((site / "output/atom.xml").read_bytes())
    assert len(parsed.entries) == 2
    satimpo = feedparser.parse((site / "output/satimpo/atom.xml").read_bytes()).entries[0].content[0].value
    assert "Catatan kaki" not in satimpo  # the footnote is in the body, not in the summary
    assert "Lihat B dan catatan" in satimpo


def test_markup_and_control_characters_in_titles(make_site):
    # YAML refuses a raw control character, but its "\a" escape produces one.
    site = make_site({"content/satimpo/2018-11-12-a.md": article('"<b>Awas</b> & \\"hoaks\\" \\a"')})
    build_site(site)
    rss = lxml.etree.parse(str(site / "output/feed.xml"))
    assert rss.findtext("channel/item/title") == '<b>Awas</b> & "hoaks" '
    assert not feedparser.parse((site / "output/feed.xml").read_bytes()).bozo


def test_empty_kelurahan_gets_a_valid_empty_feed(make_site):
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A")}, config=MINIMAL_CONFIG + (
        "wilayah:\n  bontang-utara:\n    name: Bontang Utara\n    kelurahan:\n      guntung: Guntung\n"))
    build_site(site)
    parsed = feedparser.parse((site / "output/guntung/feed.xml").read_bytes())
    assert not parsed.bozo and parsed.entries == []
    assert not feedparser.parse((site / "output/guntung/atom.xml").read_bytes()).bozo


def test_pages_link_their_feeds_and_subscribe_page_lists_them(make_site):
    site = small_site(make_site)
    build_site(site)
    out = site / "output"

    def alternates(path):
        return {link.get("href") for link in parse_html(out / path).findall(".//link[@rel='alternate']")}

    assert alternates("index.html") == {"https://contoh.id/kim/feed.xml", "https://contoh.id/kim/atom.xml",
                                        "https://contoh.id/kim/feed.json"}
    assert "https://contoh.id/kim/satimpo/feed.xml" in alternates("satimpo/a/index.html")
    assert "https://contoh.id/kim/tag/kim/atom.xml" in alternates("tag/kim/index.html")
    subscribe = {a.get("href") for a in parse_html(out / "langganan/index.html").findall(".//main//a")}
    assert {"/kim/satimpo/feed.xml", "/kim/tag/kim/feed.json", "/kim/penulis/rina/atom.xml"} <= subscribe
    opml = lxml.etree.parse(str(out / "langganan/kelurahan.opml"))
    assert {o.get("xmlUrl") for o in opml.iter("outline")} == {
        "https://contoh.id/kim/satimpo/feed.xml", "https://contoh.id/kim/loktuan/feed.xml"}
    # No feed autodiscovery anywhere for a kind that is switched off.
    assert all(link.startswith("https://contoh.id/kim/") for link in alternates("loktuan/index.html"))
