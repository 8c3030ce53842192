"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 of every list, read back as a subscriber's reader would.

Every test builds a tiny real site (base URL with a sub-path, WITA time zone) and
parses the written files: feedparser for what readers see, lxml for the exact XML,
json for JSON Feed.
"""

from __future__ import annotations

import email.utils
import json
import re
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import lxml.etree
import lxml.html
import pytest
from conftest import MINIMAL_CONFIG, NOW, article, build_site, output_files, parse_html

BASE = "https://contoh.id/kim/"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

FEED_NAMES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
FORMATS = tuple(FEED_NAMES)

RFC822_WITA = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                         r"\d{4} \d{2}:\d{2}:\d{2} \+0800$")
RFC822_ANY = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                        r"\d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC3339_WITA = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$")

REGISTRY = """\
wilayah:
  bontang-utara:
    name: Bontang Utara
    kelurahan:
      satimpo: Satimpo
      loktuan: Loktuan
      guntung: Guntung
  bontang-selatan:
    name: Bontang Selatan
    kelurahan:
      tanjung-laut: Tanjung Laut
"""
CONFIG = MINIMAL_CONFIG + REGISTRY

COVER_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 57 + b"sampul"
MAP_BYTES = b"\x89PNG\r\n\x1a\n" + b"peta"

PEMBINAAN_BODY = """\
Pengurus KIM mengikuti pembinaan. Baca juga [banjir rob](../loktuan/2018-11-13-banjir-rob.md) dan catatan[^1].

![Peta lokasi](2018-11-12-pembinaan-kim/peta.png)

Paragraf kedua yang hanya ada di isi lengkap.

[^1]: Catatan kaki pembinaan.
"""

# Titles newest first, per list page (the site's list URL, without the base path).
EXPECTED = {
    "/": ["Posyandu Mawar", "Banjir Rob", "Pembinaan KIM", "Pasar Murah", "Kerja Bakti"],
    "/kecamatan/bontang-utara/": ["Posyandu Mawar", "Banjir Rob", "Pembinaan KIM", "Kerja Bakti"],
    "/kecamatan/bontang-selatan/": ["Pasar Murah"],
    "/satimpo/": ["Pembinaan KIM", "Kerja Bakti"],
    "/loktuan/": ["Posyandu Mawar", "Banjir Rob"],
    "/guntung/": [],
    "/tanjung-laut/": ["Pasar Murah"],
    "/rubrik/berita/": ["Pembinaan KIM"],
    "/rubrik/kesehatan/": ["Posyandu Mawar"],
    "/tag/kim/": ["Banjir Rob", "Pembinaan KIM", "Kerja Bakti"],
    "/tag/pelatihan/": ["Pembinaan KIM"],
    "/penulis/rina-puspitasari/": ["Posyandu Mawar", "Pembinaan KIM"],
}
ARTICLE_URLS = {
    "Posyandu Mawar": BASE + "loktuan/posyandu-mawar/",
    "Banjir Rob": BASE + "loktuan/banjir-rob/",
    "Pembinaan KIM": BASE + "satimpo/pembinaan-kim/",
    "Pasar Murah": BASE + "tanjung-laut/pasar-murah/",
    "Kerja Bakti": BASE + "satimpo/kerja-bakti/",
}


def site_files() -> dict[str, str | bytes]:
    return {
        "content/satimpo/_index.md": "---\nname: Satimpo\nkim: KIM Satimpo Sigap\n---\nKIM kelurahan Satimpo.\n",
        "content/loktuan/_index.md": "---\nname: Loktuan\nkim: KIM Loktuan Bersatu\n---\n",
        "content/satimpo/2018-11-12-pembinaan-kim.md": article(
            "Pembinaan KIM", "2018-11-12 09:30", body=PEMBINAAN_BODY, author="Rina Puspitasari",
            category="berita", tags="[kim, pelatihan]", cover="sampul.png", cover_alt="Peserta pembinaan"),
        "content/satimpo/2018-11-12-pembinaan-kim/sampul.png": COVER_BYTES,
        "content/satimpo/2018-11-12-pembinaan-kim/peta.png": MAP_BYTES,
        "content/satimpo/2018-11-10-kerja-bakti.md": article("Kerja Bakti", "2018-11-10 16:00", tags="[kim]"),
        "content/loktuan/2018-11-13-banjir-rob.md": article("Banjir Rob", "2018-11-13 10:00", tags="[kim]",
                                                             body="Air laut naik di Loktuan."),
        "content/loktuan/2018-11-14-posyandu-mawar.md": article(
            "Posyandu Mawar", "2018-11-14", author="Rina Puspitasari", category="kesehatan"),
        "content/tanjung-laut/2018-11-11-pasar-murah.md": article("Pasar Murah", "2018-11-11 08:00"),
    }


def feeds_config(**settings: str) -> str:
    return CONFIG + "feeds:\n" + "".join(f"  {key}: {value}\n" for key, value in settings.items())


@pytest.fixture
def built(make_site):
    """The standard site, built once: (site folder, output folder, BuildResult)."""
    site = make_site(site_files(), config=CONFIG)
    result = build_site(site)
    return site, site / "output", result


# --- helpers -------------------------------------------------------------------------------------------------

def feed_path(out: Path, list_url: str, fmt: str) -> Path:
    return out / (list_url.lstrip("/") + FEED_NAMES[fmt])


def feed_url(list_url: str, fmt: str) -> str:
    return BASE + list_url.lstrip("/") + FEED_NAMES[fmt]


def written_feeds(out: Path) -> set[str]:
    return {f for f in output_files(out) if f.rsplit("/", 1)[-1] in FEED_NAMES.values()}


def read_feed(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def xml(path: Path):
    return lxml.etree.parse(str(path)).getroot()


def items(out: Path, list_url: str, fmt: str) -> list[dict]:
    """title, link, id, content HTML, dates of every item, in file order."""
    path = feed_path(out, list_url, fmt)
    if fmt == "json":
        return [{"title": i["title"], "link": i["url"], "id": i["id"], "content": i["content_html"],
                 "date": i["date_published"]} for i in json.loads(path.read_text("utf-8"))["items"]]
    root = xml(path)
    if fmt == "rss":
        return [{"title": i.findtext("title"), "link": i.findtext("link"), "id": i.findtext("guid"),
                 "content": i.findtext(CONTENT), "date": i.findtext("pubDate")} for i in root.iter("item")]
    return [{"title": e.findtext(f"{ATOM}title"), "link": e.find(f"{ATOM}link").get("href"),
             "id": e.findtext(f"{ATOM}id"), "content": e.findtext(f"{ATOM}content"),
             "date": e.findtext(f"{ATOM}published")} for e in root.iter(f"{ATOM}entry")]


def item_for(out: Path, list_url: str, fmt: str, title: str) -> dict:
    return next(item for item in items(out, list_url, fmt) if item["title"] == title)


def content_fragment(content: str):
    return lxml.html.fragment_fromstring(content, create_parent="div")


def content_urls(content: str) -> list[str]:
    fragment = content_fragment(content)
    return [value for element in fragment.iter() if isinstance(element.tag, str)
            for attribute in ("href", "src") if (value := element.get(attribute)) is not None]


def alternates(page: Path) -> list[tuple[str, str]]:
    return [(link.get("type"), link.get("href")) for link in parse_html(page).iter("link")
            if link.get("rel") == "alternate"]


def expected_list_urls(result) -> set[str]:
    """Every list that can have feeds, from the model of the site that was built."""
    site = result.site
    return ({"/"} | {kec.url for kec in site.kecamatan} | {kel.url for kel in site.kelurahan}
            | {term.url for terms in (site.categories, site.tags, site.authors) for term in terms})


# --- which files ---------------------------------------------------------------------------------------------

def test_every_list_has_all_three_feeds(built):
    _, out, result = built
    lists = expected_list_urls(result)
    assert lists == set(EXPECTED)  # the model agrees with what the content should give
    expected = {list_url.lstrip("/") + name for list_url in lists for name in FEED_NAMES.values()}
    assert written_feeds(out) == expected


def test_every_feed_parses_cleanly(built):
    _, out, _ = built
    for list_url in EXPECTED:
        for fmt in ("rss", "atom"):
            parsed = read_feed(feed_path(out, list_url, fmt))
            assert parsed.version == ("rss20" if fmt == "rss" else "atom10")
        data = json.loads(feed_path(out, list_url, "json").read_text("utf-8"))
        assert data["version"] == "https://jsonfeed.org/version/1.1"
        assert isinstance(data["items"], list)


def test_kinds_site_only_writes_the_site_feeds_alone(make_site):
    site = make_site(site_files(), config=feeds_config(kinds="[site]"))
    build_site(site)
    out = site / "output"
    assert written_feeds(out) == {"feed.xml", "atom.xml", "feed.json"}
    # Pages of switched-off kinds advertise only the site feeds.
    site_feeds = {feed_url("/", fmt) for fmt in FORMATS}
    for page in ("satimpo/index.html", "satimpo/pembinaan-kim/index.html", "tag/kim/index.html",
                 "kecamatan/bontang-utara/index.html", "penulis/rina-puspitasari/index.html"):
        assert {href for _, href in alternates(out / page)} == site_feeds, page


def test_formats_atom_only_writes_only_atom_xml(make_site):
    site = make_site(site_files(), config=feeds_config(formats="[atom]"))
    build_site(site)
    out = site / "output"
    assert written_feeds(out) == {list_url.lstrip("/") + "atom.xml" for list_url in EXPECTED}
    assert alternates(out / "index.html") == [(MEDIA_TYPES["atom"], feed_url("/", "atom"))]


# --- items, order, limit -------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_item_counts_and_newest_first(built, fmt):
    _, out, _ = built
    for list_url, titles in EXPECTED.items():
        found = items(out, list_url, fmt)
        assert [item["title"] for item in found] == titles, (list_url, fmt)
        assert [item["link"] for item in found] == [ARTICLE_URLS[t] for t in titles]
    # feedparser sees the same order, by date, newest first.
    if fmt != "json":
        entries = read_feed(feed_path(out, "/", fmt)).entries
        stamps = [e.published_parsed for e in entries]
        assert stamps == sorted(stamps, reverse=True) and len(entries) == 5


@pytest.mark.parametrize("fmt", FORMATS)
def test_limit_caps_items_to_the_newest(make_site, fmt):
    site = make_site(site_files(), config=feeds_config(limit=2))
    build_site(site)
    out = site / "output"
    for list_url, titles in EXPECTED.items():
        assert [item["title"] for item in items(out, list_url, fmt)] == titles[:2], (list_url, fmt)


# --- absolute URLs -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_every_url_in_item_content_is_absolute(built, fmt):
    _, out, _ = built
    for list_url in EXPECTED:
        for item in items(out, list_url, fmt):
            urls = content_urls(item["content"])
            assert all(url.startswith(BASE) for url in urls), (list_url, item["title"], urls)
    pembinaan = item_for(out, "/satimpo/", fmt, "Pembinaan KIM")
    urls = content_urls(pembinaan["content"])
    assert BASE + "loktuan/banjir-rob/" in urls  # a relative .md link to another article
    assert BASE + "satimpo/pembinaan-kim/peta.png" in urls  # a co-located image
    assert BASE + "satimpo/pembinaan-kim/#fn:1" in urls  # a footnote reference
    assert BASE + "satimpo/pembinaan-kim/#fnref:1" in urls  # and its way back


def test_feed_and_item_links_are_absolute(built):
    _, out, _ = built
    for list_url, titles in EXPECTED.items():
        rss = xml(feed_path(out, list_url, "rss"))
        channel = rss.find("channel")
        assert channel.find(f"{ATOM}link[@rel='self']").get("href") == feed_url(list_url, "rss")
        assert channel.find(f"{ATOM}link[@rel='self']").get("type") == MEDIA_TYPES["rss"]
        assert channel.findtext("link") == BASE + list_url.lstrip("/")
        assert [i.findtext("link") for i in channel.iter("item")] == [ARTICLE_URLS[t] for t in titles]

        atom = xml(feed_path(out, list_url, "atom"))
        assert [link.get("href") for link in atom.findall(f"{ATOM}link[@rel='self']")] == [feed_url(list_url, "atom")]
        assert atom.find(f"{ATOM}link[@rel='alternate']").get("href") == BASE + list_url.lstrip("/")
        assert [e.find(f"{ATOM}link").get("href") for e in atom.iter(f"{ATOM}entry")] == [
            ARTICLE_URLS[t] for t in titles]

        data = json.loads(feed_path(out, list_url, "json").read_text("utf-8"))
        assert data["feed_url"] == feed_url(list_url, "json")
        assert data["home_page_url"] == BASE + list_url.lstrip("/")
        assert [i["url"] for i in data["items"]] == [ARTICLE_URLS[t] for t in titles]


def test_atom_readers_see_the_article_link_not_the_cover(built):
    _, out, _ = built
    for list_url, titles in EXPECTED.items():
        parsed = read_feed(feed_path(out, list_url, "atom"))
        assert [entry.link for entry in parsed.entries] == [ARTICLE_URLS[t] for t in titles], list_url


# --- cover ---------------------------------------------------------------------------------------------------

def test_cover_is_an_rss_enclosure_with_size_and_type(built):
    site, out, _ = built
    item = next(i for i in xml(out / "feed.xml").iter("item") if i.findtext("title") == "Pembinaan KIM")
    enclosures = item.findall("enclosure")
    assert len(enclosures) == 1
    size = (site / "content/satimpo/2018-11-12-pembinaan-kim/sampul.png").stat().st_size
    assert enclosures[0].attrib == {"url": BASE + "satimpo/pembinaan-kim/sampul.png", "length": str(size),
                                    "type": "image/png"}
    assert (out / "satimpo/pembinaan-kim/sampul.png").read_bytes() == COVER_BYTES
    # Articles without a cover have none.
    others = [i for i in xml(out / "feed.xml").iter("item") if i.findtext("title") != "Pembinaan KIM"]
    assert all(i.find("enclosure") is None for i in others)
    entry = next(e for e in read_feed(out / "feed.xml").entries if e.title == "Pembinaan KIM")
    assert [(e.href, e.length, e.type) for e in entry.enclosures] == [
        (BASE + "satimpo/pembinaan-kim/sampul.png", str(size), "image/png")]


def test_cover_is_an_atom_enclosure_link_with_size_and_type(built):
    site, out, _ = built
    entry = next(e for e in xml(out / "atom.xml").iter(f"{ATOM}entry")
                 if e.findtext(f"{ATOM}title") == "Pembinaan KIM")
    size = (site / "content/satimpo/2018-11-12-pembinaan-kim/sampul.png").stat().st_size
    links = [dict(link.attrib) for link in entry.findall(f"{ATOM}link")]
    # RFC 4287: a link without rel is rel="alternate", and one alternate per type/hreflang only.
    alternate = [link["href"] for link in links if link.get("rel", "alternate") == "alternate"]
    assert alternate == [ARTICLE_URLS["Pembinaan KIM"]], links
    assert {"href": BASE + "satimpo/pembinaan-kim/sampul.png", "rel": "enclosure", "type": "image/png",
            "length": str(size)} in links, links
    parsed = next(e for e in read_feed(out / "atom.xml").entries if e.title == "Pembinaan KIM")
    assert [(e.href, e.length, e.type) for e in parsed.enclosures] == [
        (BASE + "satimpo/pembinaan-kim/sampul.png", str(size), "image/png")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_cover_is_the_first_image_of_the_content(built, fmt):
    _, out, _ = built
    fragment = content_fragment(item_for(out, "/", fmt, "Pembinaan KIM")["content"])
    first = next(element for element in fragment.iter() if element.tag in ("img", "a", "p") and
                 (element.tag != "p" or (element.text or "").strip()))
    assert first.tag == "img"
    assert first.get("src") == BASE + "satimpo/pembinaan-kim/sampul.png"
    assert first.get("alt") == "Peserta pembinaan"
    assert fragment.text_content().strip().startswith("Pengurus KIM")  # the body comes right after
    no_cover = content_fragment(item_for(out, "/", fmt, "Banjir Rob")["content"])
    assert no_cover.find(".//img") is None


def test_json_feed_item_image_is_the_cover(built):
    _, out, _ = built
    data = json.loads((out / "feed.json").read_text("utf-8"))
    images = {item["title"]: item.get("image") for item in data["items"]}
    assert images["Pembinaan KIM"] == BASE + "satimpo/pembinaan-kim/sampul.png"
    assert images["Banjir Rob"] is None


# --- content: summary ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_summary_setting_puts_only_the_summary_in_the_content(make_site, fmt):
    files = site_files()
    files["content/loktuan/2018-11-13-banjir-rob.md"] = article(
        "Banjir Rob", "2018-11-13 10:00", tags="[kim]", summary="Ringkasan banjir & rob.",
        body="Air laut naik di Loktuan.\n\nParagraf kedua yang panjang.\n")
    site = make_site(files, config=feeds_config(content="summary"))
    build_site(site)
    out = site / "output"
    banjir = content_fragment(item_for(out, "/", fmt, "Banjir Rob")["content"])
    assert banjir.text_content().strip() == "Ringkasan banjir & rob."
    pembinaan = content_fragment(item_for(out, "/", fmt, "Pembinaan KIM")["content"])
    text = pembinaan.text_content()
    assert text.strip().startswith("Pengurus KIM mengikuti pembinaan.")  # the first paragraph as summary
    assert "Paragraf kedua" not in text and "Catatan kaki" not in text
    assert pembinaan.find(".//a") is None  # no body links, no footnotes
    assert all(url.startswith(BASE) for url in content_urls(item_for(out, "/", fmt, "Pembinaan KIM")["content"]))


def test_full_content_is_the_default(built):
    _, out, _ = built
    text = content_fragment(item_for(out, "/", "rss", "Pembinaan KIM")["content"]).text_content()
    assert "Paragraf kedua yang hanya ada di isi lengkap." in text and "Catatan kaki pembinaan." in text


# --- dates ---------------------------------------------------------------------------------------------------

def test_rss_dates_are_rfc822_in_wita_with_the_right_weekday(built):
    _, out, _ = built
    for list_url, titles in EXPECTED.items():
        if not titles:
            continue
        channel = xml(feed_path(out, list_url, "rss")).find("channel")
        stamps = [channel.findtext("lastBuildDate")] + [i.findtext("pubDate") for i in channel.iter("item")]
        for stamp in stamps:
            assert RFC822_WITA.match(stamp), (list_url, stamp)
            moment = email.utils.parsedate_to_datetime(stamp)
            assert stamp.startswith(moment.strftime("%a, ")), stamp  # weekday agrees with the date
            assert moment.utcoffset() == timedelta(hours=8)
    pub = {i.findtext("title"): i.findtext("pubDate") for i in xml(out / "feed.xml").iter("item")}
    assert pub["Pembinaan KIM"] == "Mon, 12 Nov 2018 09:30:00 +0800"  # Senin 12 November 2018, 09.30 WITA
    assert pub["Posyandu Mawar"] == "Wed, 14 Nov 2018 00:00:00 +0800"  # a date without a time
    assert pub["Kerja Bakti"] == "Sat, 10 Nov 2018 16:00:00 +0800"


def test_atom_and_json_dates_are_rfc3339_with_the_wita_offset(built):
    _, out, _ = built
    atom = xml(out / "atom.xml")
    stamps = [atom.findtext(f"{ATOM}updated")]
    for entry in atom.iter(f"{ATOM}entry"):
        stamps += [entry.findtext(f"{ATOM}updated"), entry.findtext(f"{ATOM}published")]
    data = json.loads((out / "feed.json").read_text("utf-8"))
    for item in data["items"]:
        stamps += [item["date_published"], item["date_modified"]]
    assert stamps and all(RFC3339_WITA.match(stamp) for stamp in stamps), stamps
    published = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}published") for e in atom.iter(f"{ATOM}entry")}
    assert published["Pembinaan KIM"] == "2018-11-12T09:30:00+08:00"
    assert item_for(out, "/", "json", "Pembinaan KIM")["date"] == "2018-11-12T09:30:00+08:00"


def test_feed_date_is_the_newest_items_date_not_the_build_time(built):
    _, out, _ = built
    for list_url, titles in EXPECTED.items():
        if not titles:
            continue
        channel = xml(feed_path(out, list_url, "rss")).find("channel")
        assert channel.findtext("lastBuildDate") == channel.find("item").findtext("pubDate"), list_url
        atom = xml(feed_path(out, list_url, "atom"))
        assert atom.findtext(f"{ATOM}updated") == atom.find(f"{ATOM}entry").findtext(f"{ATOM}updated"), list_url
    assert xml(out / "feed.xml").find("channel").findtext("lastBuildDate") == "Wed, 14 Nov 2018 00:00:00 +0800"
    assert "2026" not in (out / "feed.xml").read_text("utf-8")  # NOW's year appears nowhere


def test_an_updated_article_moves_the_feed_date(make_site):
    files = site_files()
    files["content/satimpo/2018-11-10-kerja-bakti.md"] = article(
        "Kerja Bakti", "2018-11-10 16:00", tags="[kim]", updated="2018-11-20 07:15")
    site = make_site(files, config=CONFIG)
    build_site(site)
    out = site / "output"
    assert xml(out / "satimpo/feed.xml").find("channel").findtext("lastBuildDate") == "Tue, 20 Nov 2018 07:15:00 +0800"
    atom = xml(out / "satimpo/atom.xml")
    assert atom.findtext(f"{ATOM}updated") == "2018-11-20T07:15:00+08:00"
    entry = next(e for e in atom.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "Kerja Bakti")
    assert entry.findtext(f"{ATOM}updated") == "2018-11-20T07:15:00+08:00"
    assert entry.findtext(f"{ATOM}published") == "2018-11-10T16:00:00+08:00"
    assert item_for(out, "/satimpo/", "rss", "Kerja Bakti")["date"] == "Sat, 10 Nov 2018 16:00:00 +0800"


def test_two_builds_a_second_apart_are_byte_identical(make_site):
    site = make_site(site_files(), config=CONFIG)
    build_site(site)
    out = site / "output"
    names = sorted(written_feeds(out) | {"langganan/index.html", "langganan/kelurahan.opml"})
    first = {name: (out / name).read_bytes() for name in names}
    time.sleep(1.1)
    build_site(site, now=NOW + timedelta(seconds=1))
    assert sorted(written_feeds(out) | {"langganan/index.html", "langganan/kelurahan.opml"}) == names
    changed = [name for name in names if (out / name).read_bytes() != first[name]]
    assert changed == []


# --- ids -----------------------------------------------------------------------------------------------------

def ids_by_link(out: Path, fmt: str, list_url: str = "/") -> dict[str, str]:
    return {item["link"]: item["id"] for item in items(out, list_url, fmt)}


def test_guid_atom_id_and_json_id_are_one_stable_non_permalink_id(built):
    _, out, _ = built
    guids = list(xml(out / "feed.xml").iter("guid"))
    assert len(guids) == 5 and all(g.get("isPermaLink") == "false" for g in guids)
    rss, atom, jsn = (ids_by_link(out, fmt) for fmt in FORMATS)
    assert rss == atom == jsn
    assert len(set(rss.values())) == 5  # a different article has a different id
    assert all(not value.startswith("http") for value in rss.values())  # not the (movable) URL
    # The same article has the same id in every list it appears in.
    for list_url in EXPECTED:
        for fmt in FORMATS:
            for link, value in ids_by_link(out, fmt, list_url).items():
                assert rss[link] == value, (list_url, fmt, link)
    parsed = read_feed(out / "feed.xml")
    assert {e.link: e.id for e in parsed.entries} == rss
    assert all(e.guidislink is False for e in parsed.entries)


def test_id_survives_a_new_title_date_and_slug(make_site):
    site = make_site(site_files(), config=CONFIG)
    build_site(site)
    out = site / "output"
    before = {fmt: ids_by_link(out, fmt) for fmt in FORMATS}
    old_link = ARTICLE_URLS["Banjir Rob"]
    (site / "content/loktuan/2018-11-13-banjir-rob.md").write_text(
        article("Banjir Rob Surut, Warga Kembali", "2018-11-15 18:45", tags="[kim]", slug="banjir-surut",
                id="loktuan/banjir-rob"), encoding="utf-8")
    build_site(site)
    for fmt in FORMATS:
        after = ids_by_link(out, fmt)
        assert old_link not in after
        assert after[BASE + "loktuan/banjir-surut/"] == before[fmt][old_link], fmt
        assert {k: v for k, v in after.items() if k != BASE + "loktuan/banjir-surut/"} == {
            k: v for k, v in before[fmt].items() if k != old_link}
    assert items(out, "/", "rss")[0]["title"] == "Banjir Rob Surut, Warga Kembali"  # the date moved it first


def test_id_survives_the_move_from_http_to_https(make_site):
    site = make_site(site_files(), config=CONFIG.replace("https://contoh.id/kim/", "http://contoh.id/kim/"))
    build_site(site)
    out = site / "output"
    before = {link.replace("http://", "https://", 1): value for link, value in ids_by_link(out, "rss").items()}
    assert all(link.startswith("http://contoh.id/kim/") for link in ids_by_link(out, "rss"))
    (site / "site.yaml").write_text(CONFIG, encoding="utf-8")
    build_site(site)
    for fmt in FORMATS:
        assert ids_by_link(out, fmt) == before, fmt


def test_id_changes_for_a_different_article(make_site):
    site = make_site(site_files(), config=CONFIG)
    build_site(site)
    out = site / "output"
    before = ids_by_link(out, "rss")
    # The same text as another file in another kelurahan, without an id carried over: another article.
    path = site / "content/satimpo/2018-11-10-kerja-bakti.md"
    text = path.read_text("utf-8")
    path.unlink()
    (site / "content/loktuan/2018-11-10-kerja-bakti.md").write_text(text, encoding="utf-8")
    build_site(site)
    after = ids_by_link(out, "rss")
    new_id = after[BASE + "loktuan/kerja-bakti/"]
    assert new_id not in before.values()
    assert len(set(after.values())) == 5


def test_id_domain_keeps_ids_when_the_site_moves_to_another_domain(make_site):
    site = make_site(site_files(), config=CONFIG)
    build_site(site)
    out = site / "output"
    before = {link.replace(BASE, ""): value for link, value in ids_by_link(out, "atom").items()}
    (site / "site.yaml").write_text(
        CONFIG.replace("https://contoh.id/kim/", "https://kim-bontang.github.io/")
        + "feeds:\n  id_domain: contoh.id\n", encoding="utf-8")
    build_site(site)
    after = {link.replace("https://kim-bontang.github.io/", ""): value
             for link, value in ids_by_link(out, "atom").items()}
    assert after == before


# --- escaping ------------------------------------------------------------------------------------------------

RAW_TITLE = '<b>Awas</b> & "hoaks" \'lagi\''


def test_markup_in_a_title_is_plain_text(make_site):
    yaml_title = "'" + RAW_TITLE.replace("'", "''") + "'"
    site = make_site({"content/satimpo/2018-11-12-awas.md": article(yaml_title, tags="[kim]")}, config=CONFIG)
    build_site(site)
    out = site / "output"
    for list_url in ("/", "/satimpo/", "/tag/kim/"):
        rss = xml(feed_path(out, list_url, "rss"))
        assert rss.find("channel/item/title").text == RAW_TITLE
        assert len(rss.find("channel/item/title")) == 0  # no <b> element
        atom = xml(feed_path(out, list_url, "atom"))
        title = atom.find(f"{ATOM}entry/{ATOM}title")
        assert title.text == RAW_TITLE and len(title) == 0
        assert title.get("type") in (None, "text")
        for fmt in ("rss", "atom"):
            assert read_feed(feed_path(out, list_url, fmt)).entries[0].title == RAW_TITLE
        data = json.loads(feed_path(out, list_url, "json").read_text("utf-8"))
        assert data["items"][0]["title"] == RAW_TITLE


def test_a_control_character_in_a_title_is_removed(make_site):
    # YAML refuses a raw control character; its "\a" escape makes one (BEL, \x07).
    site = make_site({"content/satimpo/2018-11-12-bel.md": article('"Kabar\\a Penting\\x01"')}, config=CONFIG)
    build_site(site)
    out = site / "output"
    for fmt in FORMATS:
        for list_url in ("/", "/satimpo/"):
            raw = feed_path(out, list_url, fmt).read_bytes()
            assert b"\x07" not in raw and b"\x01" not in raw
            assert b"&#7;" not in raw and b"\\u0007" not in raw
            assert items(out, list_url, fmt)[0]["title"] == "Kabar Penting"
    for fmt in ("rss", "atom"):
        assert read_feed(out / FEED_NAMES[fmt]).entries[0].title == "Kabar Penting"


def test_a_code_sample_in_the_body_is_not_rewritten(make_site):
    """Only real href/src attributes are made absolute, not text that looks like one."""
    body = 'Tulis `<a href="kontak.html">` di halaman Anda.\n'
    site = make_site({"content/satimpo/2018-11-12-kode.md": article("Kode", body=body)}, config=CONFIG)
    build_site(site)
    out = site / "output"
    for fmt in FORMATS:
        fragment = content_fragment(items(out, "/", fmt)[0]["content"])
        assert fragment.findtext(".//code") == '<a href="kontak.html">', fmt


# --- language ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["id", "en"])
def test_language_is_declared_in_every_format(make_site, language):
    site = make_site(site_files(), config=CONFIG.replace("language: id", f"language: {language}"))
    build_site(site)
    out = site / "output"
    for list_url in ("/", "/satimpo/", "/guntung/"):
        assert xml(feed_path(out, list_url, "rss")).find("channel").findtext("language") == language
        assert xml(feed_path(out, list_url, "atom")).get(XML_LANG) == language
        assert read_feed(feed_path(out, list_url, "atom")).feed.language == language
        assert read_feed(feed_path(out, list_url, "rss")).feed.language == language
        assert json.loads(feed_path(out, list_url, "json").read_text("utf-8"))["language"] == language


# --- empty section -------------------------------------------------------------------------------------------

def test_a_kelurahan_without_articles_gets_valid_empty_feeds(built):
    _, out, _ = built
    for fmt in ("rss", "atom"):
        parsed = read_feed(out / "guntung" / FEED_NAMES[fmt])
        assert parsed.entries == []
        assert parsed.feed.title == "Kabar Uji: Kelurahan Guntung"
    channel = xml(out / "guntung/feed.xml").find("channel")
    assert channel.find("item") is None
    assert channel.findtext("link") == BASE + "guntung/"
    assert RFC822_ANY.match(channel.findtext("lastBuildDate"))
    atom = xml(out / "guntung/atom.xml")
    assert atom.find(f"{ATOM}entry") is None and atom.findtext(f"{ATOM}updated")
    assert atom.findtext(f"{ATOM}id") and atom.findtext(f"{ATOM}title")
    data = json.loads((out / "guntung/feed.json").read_text("utf-8"))
    assert data["items"] == [] and data["feed_url"] == BASE + "guntung/feed.json"


# --- authors -------------------------------------------------------------------------------------------------

def test_author_falls_back_to_the_kelurahan_kim_name(built):
    _, out, _ = built
    creators = {i.findtext("title"): i.findtext(DC_CREATOR) for i in xml(out / "feed.xml").iter("item")}
    atom_authors = {e.findtext(f"{ATOM}title"): [a.findtext(f"{ATOM}name") for a in e.findall(f"{ATOM}author")]
                    for e in xml(out / "atom.xml").iter(f"{ATOM}entry")}
    json_authors = {i["title"]: [a["name"] for a in i["authors"]]
                    for i in json.loads((out / "feed.json").read_text("utf-8"))["items"]}
    expected = {
        "Posyandu Mawar": "Rina Puspitasari",  # written by a named author
        "Pembinaan KIM": "Rina Puspitasari",
        "Banjir Rob": "KIM Loktuan Bersatu",  # no author: the kelurahan's KIM (from _index.md)
        "Kerja Bakti": "KIM Satimpo Sigap",
        "Pasar Murah": "Kabar Uji",  # no author and no KIM: the site
    }
    assert creators == expected
    assert atom_authors == {title: [name] for title, name in expected.items()}
    assert json_authors == {title: [name] for title, name in expected.items()}
    parsed = {e.title: e.author for e in read_feed(out / "atom.xml").entries}
    assert parsed["Banjir Rob"] == "KIM Loktuan Bersatu"


# --- HTML pages, Langganan and OPML --------------------------------------------------------------------------

def site_alternates(list_url: str) -> list[tuple[str, str]]:
    return [(MEDIA_TYPES[fmt], feed_url(list_url, fmt)) for fmt in FORMATS]


def test_home_page_links_the_site_feeds(built):
    _, out, _ = built
    assert alternates(out / "index.html") == site_alternates("/")


def test_article_page_links_the_site_and_its_kelurahan_feeds(built):
    _, out, _ = built
    assert alternates(out / "satimpo/pembinaan-kim/index.html") == site_alternates("/") + site_alternates("/satimpo/")
    assert alternates(out / "loktuan/banjir-rob/index.html") == site_alternates("/") + site_alternates("/loktuan/")


def test_list_pages_link_their_own_feeds(built):
    _, out, _ = built
    assert alternates(out / "tag/kim/index.html") == site_alternates("/") + site_alternates("/tag/kim/")
    assert alternates(out / "guntung/index.html") == site_alternates("/") + site_alternates("/guntung/")
    for list_url in ("/kecamatan/bontang-utara/", "/rubrik/berita/", "/penulis/rina-puspitasari/"):
        page = out / list_url.lstrip("/") / "index.html"
        assert alternates(page) == site_alternates("/") + site_alternates(list_url), list_url
    # Every advertised feed exists.
    for page in out.rglob("*.html"):
        for _, href in alternates(page):
            assert href.startswith(BASE) and (out / href[len(BASE):]).is_file(), (page, href)


def test_subscribe_page_lists_every_feed(built):
    _, out, result = built
    page = parse_html(out / "langganan/index.html")
    main = page.find(".//main")
    linked = {urljoin(BASE, a.get("href")) for a in main.iter("a")}
    every_feed = {feed_url(list_url, fmt) for list_url in expected_list_urls(result) for fmt in FORMATS}
    assert every_feed <= linked
    assert {url for url in linked if url.endswith(tuple(FEED_NAMES.values()))} == every_feed
    assert BASE + "langganan/kelurahan.opml" in linked
    # The site navigation offers the page.
    nav = {a.get("href") for a in parse_html(out / "index.html").find(".//nav").iter("a")}
    assert "/kim/langganan/" in nav


def test_kelurahan_opml_has_one_outline_per_kelurahan(built):
    _, out, result = built
    root = xml(out / "langganan/kelurahan.opml")
    assert root.tag == "opml" and root.get("version") == "2.0"
    outlines = list(root.iter("outline"))
    expected = {BASE + kel.url.lstrip("/") + "feed.xml" for kel in result.site.kelurahan}
    assert expected == {BASE + slug + "/feed.xml" for slug in ("satimpo", "loktuan", "guntung", "tanjung-laut")}
    assert len(outlines) == len(expected)
    assert {o.get("xmlUrl") for o in outlines} == expected
    for outline in outlines:
        assert outline.get("htmlUrl") == outline.get("xmlUrl")[:-len("feed.xml")]
        assert outline.get("text") and outline.get("type") == "rss"
        read_feed(out / outline.get("xmlUrl")[len(BASE):])
