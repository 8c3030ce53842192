"""Real content as volunteers and other generators leave it, built into tiny real sites and read back.

File-name dates, slugs and URLs in every script, ``kimpress new``, images and links
beside the article, root-relative references, and a folder of Jekyll/Hugo posts.
Every test parses what the build wrote: html5lib for pages, lxml for XML,
feedparser for feeds, json for JSON Feed.
"""

from __future__ import annotations

import email.utils
import json
import os
import re
import threading
import unicodedata
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

import feedparser
import html5lib
import lxml.etree
import pytest
from conftest import NOW, article, build_site, parse_html, tree

import kimpress.cli.main
from kimpress.cli.main import main
from kimpress.core.errors import Diagnostic, KimpressError
from kimpress.core.wording import format_diagnostic
from kimpress.serve.preview import Status
from kimpress.serve.server import PreviewServer

BASE = "https://contoh.id/kim/"
PREFIX = "/kim/"
ZONES = {"id": ("Asia/Makassar", timezone(timedelta(hours=8))), "en": ("Asia/Jayapura", timezone(timedelta(hours=9)))}
# The built-in list segments of each site language (README, "English sites get English URL segments").
SEGMENTS = {
    "id": {"tag": "tag", "author": "penulis", "category": "rubrik", "archive": "arsip"},
    "en": {"tag": "tags", "author": "authors", "category": "categories", "archive": "archive"},
}
LANGUAGES = pytest.mark.parametrize("language", ["id", "en"])

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# What a URI may hold as it is (RFC 3986); anything else must be percent-encoded.
URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
HEX_SLUG = r"[0-9a-f]{6}"
X = "content/k/2024-05-01-x.md"  # the article whose bundle and neighbours groups 4 and 5 use
J = "content/news/"  # where the Jekyll/Hugo posts of group 6 live
REGISTRY = "wilayah:\n  bontang-utara:\n    name: Bontang Utara\n    kelurahan:\n      satimpo: Satimpo\n"
NEW_DATE = re.compile(r"^date: (\d{4}-\d{2}-\d{2} \d{2}\.\d{2})$", re.M)


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def site_config(language: str = "id", extra: str = "") -> str:
    zone, _ = ZONES[language]
    return f"title: Kabar Uji\nbase_url: {BASE}\nlanguage: {language}\ntimezone: {zone}\n" + extra


def undated(title: str, body: str = "Isi artikel.", **fields: object) -> str:
    """An article whose front matter has no date (the file name may give one)."""
    lines = ["---", f"title: {title}", *(f"{key}: {value}" for key, value in fields.items()), "---", body, ""]
    return "\n".join(lines)


def failing(site: Path, **options: object) -> list[Diagnostic]:
    """Build ``site``, expect a refusal, return every diagnostic it carried."""
    with pytest.raises(KimpressError) as caught:
        build_site(site, **options)
    return caught.value.diagnostics


def errors_of(diagnostics) -> list[tuple[str, str | None, int | None]]:
    return sorted((d.code, d.path, d.line) for d in diagnostics if d.is_error)


def warnings_of(result, code: str) -> list[Diagnostic]:
    return [w for w in result.warnings if w.code == code]


def line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` holding ``needle`` (exactly one)."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(lines) == 1, (needle, lines)
    return lines[0]


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def heading(path: Path) -> str:
    return text_of(parse_html(path).find(".//main//h1"))


def time_of(path: Path) -> datetime:
    """The instant in the article header's <time datetime>."""
    return datetime.fromisoformat(parse_html(path).find(".//main/article/header//time").get("datetime"))


def body_of(path: Path):
    return parse_html(path).find(".//div[@class='article-body']")


def body_attr(path: Path, tag: str, attribute: str) -> list[str]:
    return [element.get(attribute) for element in body_of(path).iter(tag) if element.get(attribute) is not None]


def card_links(path: Path) -> list[str]:
    """The article links of a list page, in order."""
    links = []
    for card in parse_html(path).findall(".//ul[@class='cards']/li[@class='card']/article"):
        title = next(child for child in card if child.tag in ("h2", "h3"))
        links.append(title.find("a").get("href"))
    return links


def rubrik_href(path: Path) -> str:
    [badge] = parse_html(path).findall(".//main/article/header/a[@href]")
    return badge.get("href")


def page_file(out: Path, href: str) -> Path:
    """The output file a site href (``/kim/a/%C3%A9/``) leads to."""
    path = unquote(urlsplit(href).path)
    assert path.startswith(PREFIX), href
    rel = path[len(PREFIX):]
    return out / (rel + "index.html" if rel.endswith("/") or not rel else rel)


def fragment_urls(html: str) -> list[str]:
    """Every href/src of an HTML fragment (feed content)."""
    root = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    return [value for element in root.iter() for name in ("href", "src") if (value := element.get(name)) is not None]


def page_urls(out: Path) -> list[tuple[str, str]]:
    """(page, URL) for every href/src of every HTML page, and its og:url/og:image."""
    found = []
    for path in sorted(out.rglob("*.html")):
        rel = path.relative_to(out).as_posix()
        for element in parse_html(path).iter():
            found += [(rel, value) for name in ("href", "src") if (value := element.get(name)) is not None]
            if element.tag == "meta" and element.get("property") in ("og:url", "og:image"):
                found.append((rel, element.get("content")))
    return found


def sitemap_locs(out: Path) -> list[str]:
    root = lxml.etree.parse(str(out / "sitemap.xml")).getroot()
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


def feed_urls(out: Path) -> list[tuple[str, str]]:
    """(feed, URL) for every URL of every RSS, Atom and JSON feed: links, ids, enclosures, content."""
    found: list[tuple[str, str]] = []
    for path in sorted(out.rglob("feed.xml")):
        rel, root = path.relative_to(out).as_posix(), lxml.etree.parse(str(path)).getroot()
        for element in root.iter("link", "guid", "url", f"{ATOM}link", "enclosure"):
            value = element.get("href") or element.get("url") or element.text
            found.append((rel, value))
        for element in root.iter(CONTENT, "description"):
            found += [(rel, url) for url in fragment_urls(element.text or "")]
    for path in sorted(out.rglob("atom.xml")):
        rel, root = path.relative_to(out).as_posix(), lxml.etree.parse(str(path)).getroot()
        found += [(rel, link.get("href")) for link in root.iter(f"{ATOM}link")]
        found += [(rel, element.text) for element in root.iter(f"{ATOM}id", f"{ATOM}icon", f"{ATOM}logo")]
        for element in root.iter(f"{ATOM}content", f"{ATOM}summary"):
            found += [(rel, url) for url in fragment_urls(element.text or "")]
    for path in sorted(out.rglob("feed.json")):
        rel, data = path.relative_to(out).as_posix(), json.loads(path.read_text("utf-8"))
        found += [(rel, data[key]) for key in ("home_page_url", "feed_url") if key in data]
        for item in data["items"]:
            found += [(rel, item[key]) for key in ("id", "url", "external_url", "image", "banner_image") if key in item]
            found += [(rel, url) for url in fragment_urls(item.get("content_html", ""))]
    return found


def opml_urls(out: Path) -> list[tuple[str, str]]:
    """(file, URL) for every feed and page address of the OPML subscription lists."""
    found = []
    for path in sorted(out.rglob("*.opml")):
        for outline in lxml.etree.parse(str(path)).getroot().iter("outline"):
            found += [(path.name, outline.get(name)) for name in ("xmlUrl", "htmlUrl") if outline.get(name)]
    return found


def rss_items(out: Path, feed: str = "feed.xml") -> dict[str, dict]:
    """link -> the feedparser entry of each RSS item."""
    parsed = feedparser.parse((out / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return {entry.link: entry for entry in parsed.entries}


def json_items(out: Path, feed: str = "feed.json") -> dict[str, dict]:
    return {item["url"]: item for item in json.loads((out / feed).read_text("utf-8"))["items"]}


def atom_entries(out: Path, feed: str = "atom.xml") -> dict[str, object]:
    root = lxml.etree.parse(str(out / feed)).getroot()
    entries = {}
    for entry in root.iter(f"{ATOM}entry"):
        [alternate] = [link.get("href") for link in entry.iter(f"{ATOM}link") if link.get("rel") == "alternate"]
        entries[alternate] = entry
    return entries


def assert_uri(where: str, url: str) -> None:
    assert url.isascii() and URI_CHARS.match(url), (where, url)


def nfd(text: str) -> str:
    """The decomposed spelling macOS gives file names ("e" + combining acute for "é")."""
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


def published(site: Path, url: str) -> bytes:
    """The bytes of the output file at a page's URL (which carries the base path)."""
    return page_file(site / "output", url).read_bytes()


def build_x(make_site, body: str, files: dict[str, bytes], **fields: object):
    """Build a site of the article ``X`` with ``body`` and the files around it."""
    site = make_site({X: article("X", "2024-05-01 10:00", body=body, **fields), **files}, config=site_config())
    return site, build_site(site)


@pytest.fixture
def reported(monkeypatch) -> list[Diagnostic]:
    """Every diagnostic the command line prints, as data."""
    seen: list[Diagnostic] = []
    original = kimpress.cli.main.print_diagnostics

    def capture(diagnostics, language, stream=None):
        diagnostics = list(diagnostics)
        seen.extend(diagnostics)
        original(diagnostics, language, stream)

    monkeypatch.setattr(kimpress.cli.main, "print_diagnostics", capture)
    return seen


def run_new(capsys, site: Path, *argv: str) -> tuple[int, str, str]:
    """``kimpress new ... --site site`` in-process: (exit status, stdout, stderr)."""
    code = main(["new", *argv, "--site", str(site)])
    out, err = capsys.readouterr()
    return code, out, err


def written_file(site: Path, out: str) -> Path:
    """The file ``kimpress new`` says it wrote (its first output line)."""
    path = site / out.splitlines()[0]
    assert path.is_file(), out
    return path


def build_now(site: Path):
    """Build with the real clock: ``new`` dates an article now, so it must not be in the future."""
    return build_site(site, now=datetime.now(timezone.utc) + timedelta(minutes=2))


def jekyll_site(make_site, language: str = "id"):
    """A site whose only kelurahan folder holds every post of JEKYLL_POSTS."""
    return make_site({J + name: text for name, text in JEKYLL_POSTS.items()}, config=site_config(language))


def expected_slug(name: str) -> str:
    """The slug a post's file name gives: its stem without the date ("jekyll-3-1-0-released")."""
    return re.sub(r"^\d{4}-\d{2}-\d{2}-", "", name.rsplit(".", 1)[0])


def article_dirs(out: Path) -> set[str]:
    """The article pages the news folder published, by slug."""
    return {path.parent.name for path in (out / "news").glob("*/index.html") if path.parent.name not in ("page", "edisi")}


@pytest.fixture
def jekyll(make_site):
    """The Jekyll/Hugo folder, built once: (site, output, result)."""
    site = jekyll_site(make_site)
    result = build_site(site)
    return site, site / "output", result


# ---------------------------------------------------------------------------
# 1. dates from file names
# ---------------------------------------------------------------------------

@LANGUAGES
def test_file_name_date_is_midnight_in_the_site_zone_everywhere(make_site, language):
    """No ``date:``: the page, the three feeds and the archive all say midnight of the file name's day."""
    _, offset = ZONES[language]
    site = make_site({"content/satimpo/2024-05-01-kerja-bakti.md": undated("Kerja Bakti")},
                     config=site_config(language))
    result = build_site(site)
    out = site / "output"
    midnight = datetime(2024, 5, 1, 0, 0, tzinfo=offset)

    page = out / "satimpo/kerja-bakti/index.html"
    assert heading(page) == "Kerja Bakti"
    stamp = parse_html(page).find(".//main/article/header//time").get("datetime")
    assert datetime.fromisoformat(stamp) == midnight and stamp.endswith(offset.tzname(None)[3:])
    shown = text_of(parse_html(page).find(".//main/article/header//time"))
    assert "2024" in shown and not re.search(r"\d{2}[.:]\d{2}", shown), shown  # a day, not "00.00"
    assert [a.slug for a in result.site.articles] == ["kerja-bakti"]

    url = BASE + "satimpo/kerja-bakti/"
    assert email.utils.parsedate_to_datetime(rss_items(out)[url].published) == midnight
    assert datetime.fromisoformat(atom_entries(out)[url].findtext(f"{ATOM}published")) == midnight
    assert datetime.fromisoformat(json_items(out)[url]["date_published"]) == midnight

    archive = out / SEGMENTS[language]["archive"] / "2024/05/index.html"
    assert card_links(archive) == [PREFIX + "satimpo/kerja-bakti/"]
    assert not (out / SEGMENTS[language]["archive"] / "2024/04").exists()


def test_front_matter_date_wins_over_the_file_name(make_site):
    site = make_site({"content/satimpo/2024-05-01-kerja-bakti.md": article("Kerja Bakti", "2024-06-02 08:15")},
                     config=site_config())
    result = build_site(site)
    out = site / "output"
    assert time_of(out / "satimpo/kerja-bakti/index.html") == datetime(2024, 6, 2, 8, 15, tzinfo=ZONES["id"][1])
    assert (out / "arsip/2024/06/index.html").is_file() and not (out / "arsip/2024/05").exists()
    assert not result.warnings


def test_a_file_name_date_after_now_waits_for_future(make_site):
    """A date from the name counts like a written one: later than now, the article is left out."""
    tomorrow = (NOW + timedelta(days=1)).astimezone(ZoneInfo(ZONES["id"][0]))
    name = f"content/satimpo/{tomorrow:%Y-%m-%d}-besok.md"
    site = make_site({name: undated("Besok"), "content/satimpo/2024-05-01-a.md": undated("A")}, config=site_config())
    result = build_site(site)
    assert [(u.source, u.reason) for u in result.site.unpublished] == [(name, "future")]
    assert not (site / "output/satimpo/besok").exists()
    build_site(site, future=True)
    assert heading(site / "output/satimpo/besok/index.html") == "Besok"


def test_impossible_file_name_date_without_date_is_an_error_blaming_only_that_file(make_site):
    site = make_site({
        "content/satimpo/2024-02-30-x.md": undated("X"),
        "content/satimpo/2024-02-29-kabisat.md": undated("Kabisat"),
        "content/satimpo/2024-05-01-kerja-bakti.md": article("Kerja Bakti"),
    }, config=site_config())
    diagnostics = failing(site)
    assert errors_of(diagnostics) == [("file-name-date-impossible", "content/satimpo/2024-02-30-x.md", 1)]
    [problem] = [d for d in diagnostics if d.is_error]
    assert problem.param_dict["value"] == "2024-02-30"
    assert not (site / "output").exists()


def test_impossible_file_name_date_with_a_front_matter_date_is_only_a_warning(make_site):
    site = make_site({"content/satimpo/2024-02-30-x.md": article("X", "2024-03-01 10:00")}, config=site_config())
    result = build_site(site)
    [problem] = warnings_of(result, "file-name-date-impossible")
    assert (problem.path, problem.line, problem.param_dict["value"]) == ("content/satimpo/2024-02-30-x.md", 1,
                                                                         "2024-02-30")
    assert time_of(site / "output/satimpo/x/index.html") == datetime(2024, 3, 1, 10, 0, tzinfo=ZONES["id"][1])


def test_article_with_no_date_at_all_is_date_missing_and_says_both_ways(make_site):
    """The message, in either language, offers a ``date:`` line and a dated file name; the name it offers works."""
    site = make_site({"content/satimpo/kabar warga.md": undated("Kabar Warga"),
                      "content/satimpo/2024-05-01-ok.md": undated("OK")}, config=site_config())
    diagnostics = failing(site)
    assert errors_of(diagnostics) == [("date-missing", "content/satimpo/kabar warga.md", 1)]
    [problem] = [d for d in diagnostics if d.is_error]
    for language in ("id", "en"):
        message = format_diagnostic(problem, language)
        assert message.startswith("content/satimpo/kabar warga.md:1: ")
        assert "`date: " in message, message                                   # the front matter way
        assert re.search(r"\b\d{4}-\d{2}-\d{2}-[\w-]+\.md\b", message), message   # the file name way

    suggested = problem.param_dict["example"]
    (site / "content/satimpo/kabar warga.md").rename(site / "content/satimpo" / suggested)
    result = build_site(site)
    assert sorted(a.source for a in result.site.articles) == sorted(
        ["content/satimpo/2024-05-01-ok.md", "content/satimpo/" + suggested])


# ---------------------------------------------------------------------------
# 2. every script gets a URL
# ---------------------------------------------------------------------------

# script: (file name under content/satimpo/, title, expected slug: lower-cased NFC, spaces -> "-")
SCRIPTS = {
    "aksara-jawa": ("2024-05-02-ꦏꦧꦂ ꦏꦶꦩ꧀.md", "ꦏꦧꦂ ꦏꦶꦩ꧀", "ꦏꦧꦂ-ꦏꦶꦩ꧀"),
    "pegon": ("كابر كيم.md", "كابر كيم", "كابر-كيم"),
    "devanagari": ("समाचार पत्र.md", "समाचार पत्र", "समाचार-पत्र"),
    "cyrillic": ("Новости Района.md", "Новости Района", "новости-района"),
    "chinese": ("社区新闻.md", "社区新闻", "社区新闻"),
    "latin": ("Café Warga.md", "Café Warga", "cafe-warga"),
}


@pytest.mark.parametrize("script", SCRIPTS)
def test_an_article_in_any_script_is_published_under_its_unicode_slug(make_site, script):
    """The slug keeps the letters (lower-cased NFC); the folder on disk carries that name; the sitemap encodes it."""
    name, title, slug = SCRIPTS[script]
    site = make_site({f"content/satimpo/{name}": article(title)}, config=site_config())
    result = build_site(site)
    out = site / "output"
    assert [a.slug for a in result.site.articles] == [slug]
    assert slug == unicodedata.normalize("NFC", slug)
    page = out / "satimpo" / slug / "index.html"
    assert page.is_file() and heading(page) == title
    locs = [loc for loc in sitemap_locs(out) if unquote(loc) == f"{BASE}satimpo/{slug}/"]
    assert len(locs) == 1 and locs[0].isascii()


def test_a_decomposed_file_name_gives_the_composed_slug(make_site):
    site = make_site({"content/satimpo/" + nfd("Kabar Désa Ñusa.md"): article("D"),
                      "content/satimpo/" + nfd("뉴스 한국.md"): article("한국")}, config=site_config())
    build_site(site)
    folders = sorted(os.listdir(site / "output/satimpo"))
    assert "kabar-desa-nusa" in folders and "뉴스-한국" in folders  # composed (NFC) names on disk
    assert heading(site / "output/satimpo/뉴스-한국/index.html") == "한국"


def test_a_composed_link_finds_a_file_with_a_decomposed_name(make_site):
    site = make_site({"content/satimpo/" + nfd("Kabar Désa.md"): article("Desa"),
                      "content/satimpo/2024-05-01-a.md": article("A", body="Baca [kabar](Kabar%20Désa.md).")},
                     config=site_config())
    build_site(site)
    assert body_attr(site / "output/satimpo/a/index.html", "a", "href") == [PREFIX + "satimpo/kabar-desa/"]


def test_emoji_only_names_get_a_date_and_hex_slug_that_survives_a_new_title(make_site):
    """A name without letters gets date + 6 hex digits, from the file's path: a new title keeps the address."""
    site = make_site({
        "content/satimpo/🎉🎉.md": article("🎉🎉", "2024-05-03 10:00"),
        "content/satimpo/2024-05-01-🎉.md": undated("🎉"),
    }, config=site_config())
    result = build_site(site)
    slugs = {a.source: a.slug for a in result.site.articles}
    assert re.fullmatch(rf"2024-05-03-{HEX_SLUG}", slugs["content/satimpo/🎉🎉.md"])
    assert re.fullmatch(rf"2024-05-01-{HEX_SLUG}", slugs["content/satimpo/2024-05-01-🎉.md"])
    assert len(set(slugs.values())) == 2
    for slug in slugs.values():
        assert (site / "output/satimpo" / slug / "index.html").is_file()

    (site / "content/satimpo/🎉🎉.md").write_text(article("🎊 Pesta 🎊", "2024-05-03 10:00"), encoding="utf-8")
    (site / "content/satimpo/2024-05-01-🎉.md").write_text(undated("🥳"), encoding="utf-8")
    again = build_site(site)
    assert {a.source: a.slug for a in again.site.articles} == slugs
    assert heading(site / "output/satimpo" / slugs["content/satimpo/🎉🎉.md"] / "index.html") == "🎊 Pesta 🎊"


def test_a_written_slug_without_letters_falls_back_to_the_file_name_with_a_warning(make_site):
    text = article("Pesta", "2024-05-01 10:00", slug='"🎉"')
    site = make_site({"content/satimpo/2024-05-01-pesta-rakyat.md": text}, config=site_config())
    result = build_site(site)
    [problem] = warnings_of(result, "slug-without-letters")
    assert (problem.path, problem.line) == ("content/satimpo/2024-05-01-pesta-rakyat.md", line_of(text, "slug:"))
    assert (site / "output/satimpo/pesta-rakyat/index.html").is_file()


def unicode_site() -> dict[str, str | bytes]:
    """Articles, a kelurahan folder, tags, authors, a cover and a static file in other scripts."""
    jawa_body = ("Baca [kabar Pegon](../satimpo/كابر%20كيم.md), [berita Tionghoa](<../satimpo/社区新闻.md>) dan "
                 "[wiki](https://ru.wikipedia.org/wiki/Москва).\n\n![Warga](</foto warga.jpg>)\n\n"
                 "<a href=\"../satimpo/समाचार पत्र.md\">समाचार</a>\n")
    return {
        "content/ꦱꦠꦶꦩ꧀ꦥ/2024-05-02-ꦏꦧꦂ ꦏꦶꦩ꧀.md": article(
            "ꦏꦧꦂ ꦏꦶꦩ꧀", "2024-05-02 08:00", body=jawa_body, tags="[ꦏꦶꦩ꧀, Новости]", author="Сергій Петренко",
            category="ꦧꦼꦫꦶꦠ", cover="фото сампул.jpg"),
        "content/ꦱꦠꦶꦩ꧀ꦥ/2024-05-02-ꦏꦧꦂ ꦏꦶꦩ꧀/фото сампул.jpg": b"\xff\xd8\xff" + b"sampul",
        "content/satimpo/كابر كيم.md": article("كابر كيم", "2024-05-03 09:00", tags="[بيريتا]", author="أحمد"),
        "content/satimpo/समाचार पत्र.md": article("समाचार पत्र", "2024-05-04 09:00", author="राम"),
        "content/satimpo/社区新闻.md": article("社区新闻", "2024-05-05 09:00", tags="[新闻]"),
        "content/satimpo/Новости Района.md": article("Новости Района", "2024-05-06 09:00"),
        "content/satimpo/🎉🎉.md": article("🎉🎉", "2024-05-07 09:00"),
        "content/satimpo/2024-05-01-🎉.md": undated("🎉"),
        "content/satimpo/Café Warga.md": article("Café Warga", "2024-05-08 09:00"),
        "content/tentang kami.md": "---\ntitle: Tentang Kami\n---\nKami relawan.\n",
        "static/foto warga.jpg": b"\xff\xd8\xff" + b"warga",
    }


@LANGUAGES
def test_every_url_written_is_ascii_and_percent_encoded(make_site, language):
    """Pages (href, src, canonical, og:url, og:image), sitemap and every feed URL are valid ASCII URIs."""
    site = make_site(unicode_site(), config=site_config(language))
    build_site(site)
    out = site / "output"
    written = (page_urls(out) + [("sitemap.xml", loc) for loc in sitemap_locs(out)] + feed_urls(out)
               + opml_urls(out))
    assert len(written) > 100
    for where, url in written:
        assert_uri(where, url)

    # The encoded URLs decode back to the Unicode paths of the articles.
    decoded = {unquote(url) for _, url in written}
    for path in ("ꦱꦠꦶꦩ꧀ꦥ/ꦏꦧꦂ-ꦏꦶꦩ꧀/", "satimpo/كابر-كيم/", "satimpo/समाचार-पत्र/", "satimpo/社区新闻/",
                 "satimpo/новости-района/", "ꦱꦠꦶꦩ꧀ꦥ/ꦏꦧꦂ-ꦏꦶꦩ꧀/фото сампул.jpg", "foto warga.jpg",
                 "tentang-kami/", "ꦱꦠꦶꦩ꧀ꦥ/feed.xml"):
        assert BASE + path in decoded, path
    # Item ids stay permanent names, never page addresses.
    items = json.loads((out / "feed.json").read_text("utf-8"))["items"]
    assert len(items) == 8 and all(item["id"].startswith("urn:uuid:") for item in items)


@LANGUAGES
def test_canonical_og_url_and_enclosures_of_a_unicode_article(make_site, language):
    site = make_site(unicode_site(), config=site_config(language))
    build_site(site)
    out = site / "output"
    page_url = BASE + "ꦱꦠꦶꦩ꧀ꦥ/ꦏꦧꦂ-ꦏꦶꦩ꧀/"
    cover = out / "ꦱꦠꦶꦩ꧀ꦥ/ꦏꦧꦂ-ꦏꦶꦩ꧀/фото сампул.jpg"  # the bundle's cover, published beside the page
    cover_url = page_url + "фото сампул.jpg"
    assert cover.is_file()
    page = parse_html(out / "ꦱꦠꦶꦩ꧀ꦥ/ꦏꦧꦂ-ꦏꦶꦩ꧀/index.html")
    [canonical] = [link.get("href") for link in page.iter("link") if link.get("rel") == "canonical"]
    metas = {meta.get("property"): meta.get("content") for meta in page.iter("meta") if meta.get("property")}
    # og:image is the article's share card (1200×630 JPEG); the cover itself is the feeds' enclosure.
    for url, wanted in ((canonical, page_url), (metas["og:url"], page_url), (metas["og:image"], page_url + "og.jpg")):
        assert url.isascii() and unquote(url) == wanted

    rss = lxml.etree.parse(str(out / "feed.xml")).getroot()
    [item] = [i for i in rss.iter("item") if unquote(i.findtext("link")) == page_url]
    enclosure = item.find("enclosure")
    assert enclosure.get("url").isascii() and unquote(enclosure.get("url")) == cover_url
    assert int(enclosure.get("length")) == cover.stat().st_size
    assert item.findtext("guid").startswith("urn:uuid:")
    [entry] = [e for href, e in atom_entries(out).items() if unquote(href) == page_url]
    [atom_enclosure] = [link.get("href") for link in entry.iter(f"{ATOM}link") if link.get("rel") == "enclosure"]
    assert atom_enclosure.isascii() and unquote(atom_enclosure) == cover_url
    assert entry.findtext(f"{ATOM}id").startswith("urn:uuid:")
    [json_item] = [i for url, i in json_items(out).items() if unquote(url) == page_url]
    assert json_item["image"].isascii() and unquote(json_item["image"]) == cover_url


@LANGUAGES
def test_tags_authors_rubrik_and_kelurahan_in_other_scripts_have_pages_and_encoded_links(make_site, language):
    site = make_site(unicode_site(), config=site_config(language))
    build_site(site)
    out = site / "output"
    segment = SEGMENTS[language]
    page = out / "ꦱꦠꦶꦩ꧀ꦥ/ꦏꦧꦂ-ꦏꦶꦩ꧀/index.html"
    hrefs = [a.get("href") for a in parse_html(page).iter("a") if a.get("href")]
    wanted = {
        f"{PREFIX}{segment['tag']}/ꦏꦶꦩ꧀/", f"{PREFIX}{segment['tag']}/новости/",
        f"{PREFIX}{segment['author']}/сергій-петренко/", f"{PREFIX}{segment['category']}/ꦧꦼꦫꦶꦠ/", f"{PREFIX}ꦱꦠꦶꦩ꧀ꦥ/",
    }
    assert wanted <= {unquote(href) for href in hrefs}
    for href in hrefs:
        assert_uri(page.name, href)
    for path in wanted:
        target = page_file(out, path)
        assert target.is_file(), target
        assert PREFIX + "ꦱꦠꦶꦩ꧀ꦥ/ꦏꦧꦂ-ꦏꦶꦩ꧀/" in {unquote(h) for h in card_links(target)}, path
    assert (out / segment["tag"] / "بيريتا/index.html").is_file()
    assert (out / segment["author"] / "أحمد/index.html").is_file()
    assert (out / segment["author"] / "राम/index.html").is_file()


def test_static_files_with_spaces_or_other_scripts_are_linked_percent_encoded(make_site):
    """``static/foto warga.jpg`` is ``/kim/foto%20warga.jpg`` however the writer typed the space."""
    body = "![a](</foto warga.jpg>) ![b](/foto%20warga.jpg) ![c](/gambar/фото.png) [d](<lampiran rapat.pdf>)\n"
    site = make_site({
        "content/satimpo/2024-05-01-x.md": article("X", body=body),
        "content/satimpo/2024-05-01-x/lampiran rapat.pdf": b"%PDF",
        "static/foto warga.jpg": b"warga",
        "static/gambar/фото.png": b"foto",
    }, config=site_config())
    result = build_site(site)
    out = site / "output"
    page = out / "satimpo/x/index.html"
    srcs = body_attr(page, "img", "src")
    assert srcs[:2] == [PREFIX + "foto%20warga.jpg"] * 2
    assert srcs[2].isascii() and unquote(srcs[2]) == PREFIX + "gambar/фото.png"
    [pdf] = body_attr(page, "a", "href")
    assert pdf == PREFIX + "satimpo/x/lampiran%20rapat.pdf"
    for url in srcs + [pdf]:
        assert page_file(out, url).is_file(), url
    assert not [w for w in result.warnings if w.code.startswith(("root-link", "broken"))]


def test_a_relative_link_between_unicode_articles_resolves(make_site):
    """Encoded, angle-bracketed and raw-HTML links to files named in other scripts lead to those pages."""
    site = make_site(unicode_site(), config=site_config())
    build_site(site)
    out = site / "output"
    page = out / "ꦱꦠꦶꦩ꧀ꦥ/ꦏꦧꦂ-ꦏꦶꦩ꧀/index.html"
    hrefs = body_attr(page, "a", "href")
    local = [href for href in hrefs if href.startswith(PREFIX)]
    assert [unquote(href) for href in local] == [PREFIX + "satimpo/كابر-كيم/", PREFIX + "satimpo/社区新闻/",
                                                 PREFIX + "satimpo/समाचार-पत्र/"]
    assert [heading(page_file(out, href)) for href in local] == ["كابر كيم", "社区新闻", "समाचार पत्र"]
    assert all(href.isascii() for href in hrefs)


def test_a_link_to_a_heading_in_another_script_is_percent_encoded(make_site):
    body = "Lihat [bagian](#ꦏꦧꦂ).\n\n## ꦏꦧꦂ\n\nIsi.\n"
    site = make_site({"content/satimpo/2024-05-01-x.md": article("X", body=body)}, config=site_config())
    build_site(site)
    out = site / "output"
    [href] = body_attr(out / "satimpo/x/index.html", "a", "href")
    assert unquote(href) == "#ꦏꦧꦂ"
    for where, url in [("page", href)] + feed_urls(out):
        assert_uri(where, url)


def test_preview_server_serves_a_unicode_article_at_its_encoded_url(make_site, tmp_path):
    """The href a page holds, fetched from a real server over a built folder, gives that article."""
    class Idle:
        status = Status()

        def wait_for_change(self, since, timeout):
            return None

    output = tmp_path / "preview"
    server = PreviewServer("127.0.0.1", 0, output, Idle())
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        site = make_site(unicode_site(), config=site_config())
        build_site(site, output_dir=str(output), base_url=server.url)
        home = parse_html(output / "index.html")
        [href] = {a.get("href") for a in home.iter("a") if unquote(a.get("href") or "") == "/satimpo/كابر-كيم/"}
        assert href.isascii()
        with urllib.request.urlopen(server.url.rstrip("/") + href, timeout=10) as response:
            assert response.status == 200
            page = html5lib.parse(response.read(), treebuilder="etree", namespaceHTMLElements=False)
        assert text_of(page.find(".//main//h1")) == "كابر كيم"
        # The static file with a space in its name is served at its encoded address too.
        with urllib.request.urlopen(server.url + "foto%20warga.jpg", timeout=10) as response:
            assert response.status == 200 and response.read() == b"\xff\xd8\xff" + b"warga"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------
# 3. kimpress new
# ---------------------------------------------------------------------------

@LANGUAGES
def test_new_writes_a_date_in_site_time_that_reparses_to_the_same_minute(make_site, capsys, language):
    """``date: 2026-12-02 09.30``: the wall-clock minute of the site's zone, read back as that very instant."""
    zone = ZoneInfo(ZONES[language][0])
    site = make_site({}, config=site_config(language, REGISTRY))
    before = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    code, out, err = run_new(capsys, site, "Kerja Bakti", "--kelurahan", "satimpo")
    after = datetime.now(timezone.utc)
    assert code == 0, err
    path = written_file(site, out)
    [typed] = NEW_DATE.findall(path.read_text("utf-8"))
    written = datetime.strptime(typed, "%Y-%m-%d %H.%M").replace(tzinfo=zone)
    assert before <= written <= after
    assert path.name == f"{written:%Y-%m-%d}-kerja-bakti.md"

    result = build_now(site)
    [made] = result.site.articles
    assert made.date == written and made.date.utcoffset() == written.utcoffset()
    assert time_of(site / "output/satimpo/kerja-bakti/index.html") == written


def test_new_with_slug_and_author(make_site, capsys, reported):
    site = make_site({}, config=site_config("id", REGISTRY))
    code, out, err = run_new(capsys, site, "Kabar Baru", "--kelurahan", "satimpo", "--slug", "Kerja Bakti RT 05",
                             "--author", "Rina Puspitasari")
    assert code == 0 and reported == [], err
    path = written_file(site, out)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-kerja-bakti-rt-05\.md", path.name)
    result = build_now(site)
    [made] = result.site.articles
    assert (made.title, made.author.name, made.url) == ("Kabar Baru", "Rina Puspitasari", "/satimpo/kerja-bakti-rt-05/")
    page = parse_html(site / "output/satimpo/kerja-bakti-rt-05/index.html")
    assert PREFIX + "penulis/rina-puspitasari/" in {a.get("href") for a in page.iter("a")}


def test_new_with_an_aksara_jawa_title(make_site, capsys, reported):
    site = make_site({}, config=site_config("id", REGISTRY))
    code, out, err = run_new(capsys, site, "ꦏꦧꦂ ꦏꦶꦩ꧀", "--kelurahan", "satimpo")
    assert code == 0 and reported == [], err
    path = written_file(site, out)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-ꦏꦧꦂ-ꦏꦶꦩ꧀\.md", path.name)
    build_now(site)
    page = site / "output/satimpo/ꦏꦧꦂ-ꦏꦶꦩ꧀/index.html"
    assert heading(page) == "ꦏꦧꦂ ꦏꦶꦩ꧀"
    # The address it prints is the one the build publishes, encoded.
    printed = out.split()[-1]
    assert printed.isascii() and unquote(urlsplit(printed).path) == "/satimpo/ꦏꦧꦂ-ꦏꦶꦩ꧀/"


def test_new_with_an_emoji_only_title_gets_a_hex_slug_that_stays(make_site, capsys, reported):
    """The hex slug is in the file name, so the address stays when the writer changes the title."""
    site = make_site({}, config=site_config("id", REGISTRY))
    code, out, err = run_new(capsys, site, "🎉🎉", "--kelurahan", "satimpo")
    assert code == 0 and reported == [], err
    path = written_file(site, out)
    match = re.fullmatch(rf"\d{{4}}-\d{{2}}-\d{{2}}-({HEX_SLUG})\.md", path.name)
    assert match, path.name
    slug = match.group(1)
    assert out.split()[-1].endswith(f"/satimpo/{slug}/")
    build_now(site)
    assert heading(site / "output/satimpo" / slug / "index.html") == "🎉🎉"
    path.write_text(path.read_text("utf-8").replace('"🎉🎉"', '"🥳 Pesta"'), encoding="utf-8")
    build_now(site)
    assert heading(site / "output/satimpo" / slug / "index.html") == "🥳 Pesta"


def test_new_with_an_empty_title_is_empty_text_and_writes_nothing(make_site, capsys, reported):
    site = make_site({"content/satimpo/2024-05-01-a.md": article("A")}, config=site_config("id", REGISTRY))
    before = tree(site)
    code, out, err = run_new(capsys, site, "   ", "--kelurahan", "satimpo")
    assert code == 1 and out == ""
    assert [(d.code, d.is_error, d.param_dict.get("key")) for d in reported] == [("empty-text", True, "title")]
    assert tree(site) == before


def test_new_in_a_kelurahan_outside_the_registry_makes_its_folder(make_site, capsys, reported):
    site = make_site({}, config=site_config("id", REGISTRY))
    code, out, err = run_new(capsys, site, "Kabar Api", "--kelurahan", "Api Api")
    assert code == 0 and reported == [], err
    path = written_file(site, out)
    assert path.parent == site / "content/api-api"
    build_now(site)
    assert heading(site / "output/api-api/kabar-api/index.html") == "Kabar Api"

    code, out, err = run_new(capsys, site, "Kabar Dekat", "--kelurahan", "satimpu")
    assert code == 0
    assert [(d.code, d.is_error, d.param_dict.get("suggestion")) for d in reported] == [
        ("new-kelurahan-not-registered", False, "satimpo")]
    assert written_file(site, out).parent == site / "content/satimpu"
    build_now(site)
    assert heading(site / "output/satimpu/kabar-dekat/index.html") == "Kabar Dekat"


# ---------------------------------------------------------------------------
# 4. images and links beside the article
# ---------------------------------------------------------------------------

def test_an_image_in_the_bundle_is_found(make_site):
    site, _ = build_x(make_site, "![Warga](foto.jpg)\n", {"content/k/2024-05-01-x/foto.jpg": b"bundle"})
    [img] = body_of(site / "output/k/x/index.html").iter("img")
    assert img.get("alt") == "Warga" and img.get("src").startswith(PREFIX)
    assert published(site, img.get("src")) == b"bundle"


def test_an_image_beside_the_file_is_found_without_a_bundle_copy(make_site):
    site, _ = build_x(make_site, "![Warga](foto.jpg)\n", {"content/k/foto.jpg": b"beside"})
    [src] = body_attr(site / "output/k/x/index.html", "img", "src")
    assert src.startswith(PREFIX) and published(site, src) == b"beside"


def test_the_bundle_copy_wins_over_the_one_beside(make_site):
    site, _ = build_x(make_site, "![Warga](foto.jpg)\n", {"content/k/2024-05-01-x/foto.jpg": b"bundle",
                                                          "content/k/foto.jpg": b"beside"})
    [src] = body_attr(site / "output/k/x/index.html", "img", "src")
    assert published(site, src) == b"bundle"


@pytest.mark.parametrize("where", ["content/k/2024-05-01-x/surat.pdf", "content/k/surat.pdf"])
def test_a_link_to_a_file_in_the_bundle_or_beside(make_site, where):
    site, _ = build_x(make_site, "Unduh [surat](surat.pdf).\n", {where: b"%PDF-surat"})
    [href] = body_attr(site / "output/k/x/index.html", "a", "href")
    assert href.startswith(PREFIX) and published(site, href) == b"%PDF-surat"


def test_the_longer_bundle_form_still_works(make_site):
    site, _ = build_x(make_site, "![Warga](2024-05-01-x/foto.jpg)\n", {"content/k/2024-05-01-x/foto.jpg": b"bundle",
                                                                       "content/k/foto.jpg": b"beside"})
    [src] = body_attr(site / "output/k/x/index.html", "img", "src")
    assert published(site, src) == b"bundle"


def test_images_beside_the_article_are_absolute_in_feeds(make_site):
    site, _ = build_x(make_site, "![Warga](foto.jpg) [surat](surat.pdf)\n",
                      {"content/k/2024-05-01-x/foto.jpg": b"bundle", "content/k/surat.pdf": b"%PDF"})
    [page_src] = body_attr(site / "output/k/x/index.html", "img", "src")
    [page_href] = body_attr(site / "output/k/x/index.html", "a", "href")
    item = json_items(site / "output")[BASE + "k/x/"]
    assert fragment_urls(item["content_html"]) == ["https://contoh.id" + page_src, "https://contoh.id" + page_href]


def test_a_parent_path_names_the_file_in_the_parent_folder(make_site):
    site = make_site({
        "content/tentang.md": "---\ntitle: Tentang Situs\n---\nHalaman.\n",
        "content/k/tentang.md": article("Tentang Kelurahan"),
        "content/peta.png": b"parent", "content/k/peta.png": b"beside",
        X: article("X", "2024-05-01 10:00", body="[Tentang situs](../tentang.md) ![peta](../peta.png)\n"),
    }, config=site_config())
    build_site(site)
    page = site / "output/k/x/index.html"
    assert body_attr(page, "a", "href") == [PREFIX + "tentang/"]
    [src] = body_attr(page, "img", "src")
    assert published(site, src) == b"parent"


def test_a_missing_image_is_a_broken_link_error_at_its_line(make_site):
    body = "Paragraf.\n\n![Warga](hilang.jpg)\n"
    text = article("X", "2024-05-01 10:00", body=body)
    site = make_site({X: text, "content/k/2024-05-01-x/foto.jpg": b"ada"}, config=site_config())
    diagnostics = failing(site)
    assert errors_of(diagnostics) == [("broken-link", X, line_of(text, "hilang.jpg"))]
    assert not (site / "output").exists()


def test_a_missing_image_in_raw_html_is_only_a_warning(make_site):
    body = "Paragraf.\n\n<img src=\"hilang.jpg\" alt=\"x\">\n\n<img src=\"foto.jpg\" alt=\"ada\">\n"
    text = article("X", "2024-05-01 10:00", body=body)
    site = make_site({X: text, "content/k/2024-05-01-x/foto.jpg": b"ada"}, config=site_config())
    result = build_site(site)
    [problem] = warnings_of(result, "broken-link-html")
    assert (problem.path, problem.line, problem.param_dict["href"]) == (X, line_of(text, "hilang.jpg"), "hilang.jpg")
    srcs = body_attr(site / "output/k/x/index.html", "img", "src")
    assert published(site, srcs[1]) == b"ada"  # the raw HTML image that exists is resolved like Markdown's


# ---------------------------------------------------------------------------
# 5. root-relative references
# ---------------------------------------------------------------------------

ROOT_BODY = """\
Baca [Tentang](/tentang/) dan [juga](/tentang).

![logo](/gambar/logo.png)

[Tim](/tentang/#tim)
"""


@LANGUAGES
def test_root_relative_references_get_the_base_path_in_page_and_feeds(make_site, language):
    site = make_site({
        "content/tentang.md": "---\ntitle: Tentang\n---\nKami.\n",
        X: article("X", "2024-05-01 10:00", body=ROOT_BODY),
        "static/gambar/logo.png": b"logo",
    }, config=site_config(language))
    result = build_site(site)
    out = site / "output"
    page = out / "k/x/index.html"
    assert body_attr(page, "a", "href") == [PREFIX + "tentang/", PREFIX + "tentang", PREFIX + "tentang/#tim"]
    assert body_attr(page, "img", "src") == [PREFIX + "gambar/logo.png"]
    assert published(site, PREFIX + "gambar/logo.png") == b"logo"
    assert not [w for w in result.warnings if w.code.startswith("root-link")]

    absolute = [BASE + "tentang/", BASE + "tentang", BASE + "gambar/logo.png", BASE + "tentang/#tim"]
    rss = lxml.etree.parse(str(out / "feed.xml")).getroot()
    [item] = [i for i in rss.iter("item") if i.findtext("link") == BASE + "k/x/"]
    assert sorted(fragment_urls(item.findtext(CONTENT))) == sorted(absolute)
    assert sorted(fragment_urls(atom_entries(out)[BASE + "k/x/"].findtext(f"{ATOM}content"))) == sorted(absolute)
    assert sorted(fragment_urls(json_items(out)[BASE + "k/x/"]["content_html"])) == sorted(absolute)


def test_a_missing_root_path_is_a_warning_at_its_line_and_the_build_succeeds(make_site):
    """In Markdown and in raw HTML alike: it may be served by something beside kimpress."""
    body = "Paragraf.\n\n[hilang](/tidak-ada/)\n\n<a href=\"/juga-tidak/\">x</a>\n"
    text = article("X", "2024-05-01 10:00", body=body)
    site = make_site({X: text}, config=site_config())
    result = build_site(site)
    found = sorted((w.line, w.param_dict["href"]) for w in warnings_of(result, "root-link-missing"))
    assert found == [(line_of(text, "/tidak-ada/"), "/tidak-ada/"), (line_of(text, "/juga-tidak/"), "/juga-tidak/")]
    assert all(w.path == X and not w.is_error for w in warnings_of(result, "root-link-missing"))
    assert body_attr(site / "output/k/x/index.html", "a", "href") == [PREFIX + "tidak-ada/", PREFIX + "juga-tidak/"]


def test_a_root_path_typed_with_the_base_path_warns_with_the_fix(make_site):
    text = article("X", "2024-05-01 10:00", body="Paragraf.\n\n[Tentang](/kim/tentang/)\n")
    site = make_site({X: text, "content/tentang.md": "---\ntitle: Tentang\n---\nKami.\n"}, config=site_config())
    result = build_site(site)
    [problem] = warnings_of(result, "root-link-base-path")
    assert (problem.path, problem.line) == (X, line_of(text, "/kim/tentang/"))
    assert problem.param_dict["fixed"] == "/tentang/"
    assert not warnings_of(result, "root-link-missing")


def test_a_root_relative_cover_missing_from_static_warns_at_the_cover_line(make_site):
    text = article("X", "2024-05-01 10:00", cover="/gambar/sampul.jpg", cover_alt="Sampul")
    site = make_site({X: text, "static/gambar/logo.png": b"logo"}, config=site_config())
    result = build_site(site)
    [problem] = warnings_of(result, "root-link-missing")
    assert (problem.path, problem.line, problem.param_dict["href"]) == (X, line_of(text, "cover:"),
                                                                        "/gambar/sampul.jpg")
    (site / "static/gambar/sampul.jpg").write_bytes(b"sampul")
    assert not warnings_of(build_site(site), "root-link-missing")
    metas = {m.get("property"): m.get("content") for m in parse_html(site / "output/k/x/index.html").iter("meta")}
    assert metas["og:image"] == BASE + "k/x/og.jpg"  # the share card, made from the cover when it is a photo
    enclosure = lxml.etree.parse(str(site / "output/feed.xml")).getroot().find("channel/item/enclosure")
    assert (enclosure.get("url"), enclosure.get("length")) == (BASE + "gambar/sampul.jpg", "6")


# ---------------------------------------------------------------------------
# 6. posts as Jekyll and Hugo left them
# ---------------------------------------------------------------------------

JEKYLL_POSTS: dict[str, str] = {
    "2016-01-24-jekyll-3-1-0-released.markdown": """\
---
title: 'Jekyll 3.1.0 Released'
date: 2016-01-24 13:16:12 -0800
author: parkr
version: 3.1.0
categories: [release]
---

Happy Sunday! See [the changelog]({{ site.repository }}/releases/tag/v3.1.0) and
[the docs]({% link _docs/upgrading.md %}) before you upgrade.

{% raw %}
{{ page.title }} stays as it is.
{% endraw %}

This release is faster.
{: .note }
""",
    "2013-05-06-jekyll-1-0-0-released.md": """\
---
layout: news_item
title: "Jekyll 1.0.0 Released"
date: "2013-05-06 02:12:52 +0200"
author: parkr
version: 1.0.0
categories: [team, community]
---

Hi all! Thanks to every contributor[^1].

[^1]: See [issue 1]({{ site.repository }}/issues/1).
""",
    "2021-09-14-hugo-0-88-0.md": """\
---
date: 2021-09-14T11:28:02-05:00
title: "Hugo 0.88.0: Go 1.17"
categories: ["Releases"]
lastmod: 2021-09-15T10:00:00-05:00
excerpt: Built with Go 1.17.
---

| Change | Issue |
|--------|-------|
| Go 1.17 | #9000 |
""",
    "2017-02-28-hugo-0-19.md": """\
---
date: 2017-02-28
title: "Hugo 0.19"
description: "Hugo 0.19 brings native Emacs Org-mode content support"
categories: ["Releases"]
images:
- images/blog/hugo-19-poster.png
---

Org-mode is here.
""",
    "2015-10-26-draft-announcement.md": """\
---
layout: post
title: "Not Yet"
date: 2015-10-26 14:14:14 -0700
published: false
---

Unpublished work.
""",
    "2014-06-04-jekyll-2-0-3-released.md": """\
---
layout: news_item
title: 'Jekyll 2.0.3 Released'
date: '2014-06-04 20:00:00 -0400'
author: parkr
version: 2.0.3
category: release
---

Fixes for `jekyll new`.
""",
    "2018-01-02-happy-new-year.md": """\
---
title: Happy New Year
date: 2018-01-02T00:00:00Z
author: mattr-
categories: [community]
---

{% for post in site.posts %}
* [{{ post.title }}]({{ post.url }})
{% endfor %}

Thanks for a great year.
{% endfor %}
""",
    "2019-08-15-jekyll-4-0-0-released.md": """\
---
title: 'Jekyll 4.0.0 Released'
date: 2019-08-19 16:00:00 +0530
author: ashmaroli
version: 4.0.0
categories: [release]
excerpt: Faster, leaner, better.
---

Jekyll 4 is here.

* Caching
* Sass
""",
    "2020-03-01-no-offset.md": """\
---
title: No Offset
date: 2020-03-01 09:00:00
---

Wall-clock time in the site's zone.
""",
    "2012-12-07-file-name-date-only.md": """\
---
title: Dated By Its Name
author: parkr
---

Jekyll takes the date from the file name.
""",
    "2022-04-06-hugo-0-97.md": """\
---
date: 2022-04-06T09:15:00+07:00
lastmod: 2022-04-07
title: "Hugo 0.97"
draft: false
tags: [hugo, release]
---

See <https://gohugo.io/news/>.
""",
    "2023-03-01-jekyll-4-3-2.md": """\
---
title: 'Jekyll 4.3.2 Released'
date: 2023-03-01 12:00:00 +01:00
author: parkr
version: 4.3.2
categories: [release]
---

Term | Meaning
---- | -------
fix  | a fix
""",
    "2024-04-01-jekyll-4-4-1.md": """\
---
title: 'Jekyll 4.4.1 Released'
date: 2024-04-01 10:00:00 -0700
author: parkr
version: 4.4.1
categories: [release]
---

Upgrade with `bundle update jekyll`. Read the [upgrade guide]({{ '/docs/upgrading/' | relative_url }}).
""",
    "2016-11-14-jekyll-3-3-1-released.md": """\
---
title: 'Jekyll 3.3.1 Released'
date: 2016-11-14 14:29:59 -0800
author: pathawks
version: 3.3.1
categories: [release]
---

Read more in the [CHANGELOG](/docs/history/).
""",
    "2011-06-01-hidden-draft.md": """\
---
title: 'A Hidden Draft'
date: 2011-06-01 10:00:00 -0800
published: false
categories: [release]
---

Not for readers.
""",
}
DRAFTS = {"2015-10-26-draft-announcement.md", "2011-06-01-hidden-draft.md"}


def test_a_folder_of_jekyll_and_hugo_posts_publishes_every_dated_post(jekyll):
    """Every post but the two ``published: false`` ones has its page, whatever shape its date has."""
    _, out, result = jekyll
    wanted = {expected_slug(name) for name in JEKYLL_POSTS if name not in DRAFTS}
    assert len(wanted) == 13
    assert article_dirs(out) == wanted
    assert {unquote(loc) for loc in sitemap_locs(out)} >= {f"{BASE}news/{slug}/" for slug in wanted}
    # Unknown keys (layout, version, images) are the theme's business, not a warning; the only other
    # warning is Jekyll's own docs path, which this site does not publish.
    assert {w.code for w in result.warnings} == {"link-template-syntax", "root-link-missing"}
    [missing] = warnings_of(result, "root-link-missing")
    name = "2016-11-14-jekyll-3-3-1-released.md"
    assert (missing.path, missing.line) == (J + name, line_of(JEKYLL_POSTS[name], "/docs/history/"))


def test_numeric_offsets_are_kept_as_the_same_instant(jekyll):
    """``-0800``, ``+0530``, ``Z``...: the page, RSS and JSON Feed give the instant written; no offset is site time."""
    _, out, _ = jekyll
    entries = rss_items(out)
    expected = {
        "jekyll-3-1-0-released": datetime(2016, 1, 24, 13, 16, 12, tzinfo=timezone(timedelta(hours=-8))),
        "jekyll-1-0-0-released": datetime(2013, 5, 6, 2, 12, 52, tzinfo=timezone(timedelta(hours=2))),
        "hugo-0-88-0": datetime(2021, 9, 14, 11, 28, 2, tzinfo=timezone(timedelta(hours=-5))),
        "jekyll-4-0-0-released": datetime(2019, 8, 19, 16, 0, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        "happy-new-year": datetime(2018, 1, 2, tzinfo=timezone.utc),
        "jekyll-4-3-2": datetime(2023, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=1))),
        "no-offset": datetime(2020, 3, 1, 9, 0, tzinfo=ZONES["id"][1]),
        "file-name-date-only": datetime(2012, 12, 7, tzinfo=ZONES["id"][1]),
        "hugo-0-19": datetime(2017, 2, 28, tzinfo=ZONES["id"][1]),
    }
    for slug, instant in expected.items():
        url = f"{BASE}news/{slug}/"
        assert email.utils.parsedate_to_datetime(entries[url].published) == instant, slug
        assert datetime.fromisoformat(json_items(out)[url]["date_published"]) == instant, slug
        assert time_of(out / "news" / slug / "index.html") == instant, slug


@LANGUAGES
def test_jekyll_categories_give_the_rubrik_and_then_tags(make_site, language):
    site = jekyll_site(make_site, language)
    build_site(site)
    out = site / "output"
    segment = SEGMENTS[language]
    assert rubrik_href(out / "news/jekyll-1-0-0-released/index.html") == f"{PREFIX}{segment['category']}/team/"
    assert card_links(out / segment["tag"] / "community/index.html") == [PREFIX + "news/jekyll-1-0-0-released/"]
    # A list of one is the rubrik alone.
    assert rubrik_href(out / "news/happy-new-year/index.html") == f"{PREFIX}{segment['category']}/community/"
    # categories: [release] and the singular category: release land in one rubrik.
    releases = card_links(out / segment["category"] / "release/index.html")
    for slug in ("jekyll-3-1-0-released", "jekyll-2-0-3-released", "jekyll-4-4-1"):
        assert PREFIX + f"news/{slug}/" in releases
    assert card_links(out / segment["category"] / "releases/index.html") == [
        PREFIX + "news/hugo-0-88-0/", PREFIX + "news/hugo-0-19/"]  # Hugo's categories: ["Releases"]
    assert not (out / segment["tag"] / "team").exists()


def test_excerpt_and_lastmod_are_the_summary_and_the_update(jekyll):
    _, out, _ = jekyll
    item = json_items(out)[BASE + "news/hugo-0-88-0/"]
    assert item["summary"] == "Built with Go 1.17."
    updated = datetime(2021, 9, 15, 10, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert datetime.fromisoformat(item["date_modified"]) == updated
    metas = {m.get("property"): m.get("content") for m in parse_html(out / "news/hugo-0-88-0/index.html").iter("meta")}
    assert datetime.fromisoformat(metas["article:modified_time"]) == updated


def test_published_false_is_a_draft(jekyll):
    site, out, result = jekyll
    for name in DRAFTS:
        assert not (out / "news" / expected_slug(name)).exists()
        assert BASE + f"news/{expected_slug(name)}/" not in rss_items(out)
    assert sorted(u.source for u in result.site.unpublished if u.reason == "draft") == sorted(J + n for n in DRAFTS)
    build_site(site, drafts=True)
    assert article_dirs(out) == {expected_slug(name) for name in JEKYLL_POSTS}


def test_liquid_links_are_warnings_at_their_lines(jekyll):
    _, _, result = jekyll
    wanted = []
    for name, text in JEKYLL_POSTS.items():
        if name in DRAFTS:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            wanted += [(J + name, number)] * len(re.findall(r"\]\((?:\{\{|\{%)", line))
    found = sorted((w.path, w.line) for w in warnings_of(result, "link-template-syntax"))
    assert found == sorted(wanted) and len(found) == 5
    # Each names the link as typed; none became a broken-link error (the build went through).
    assert all(w.param_dict["href"].startswith(("{{", "{%")) for w in warnings_of(result, "link-template-syntax"))


def test_liquid_tags_never_become_attributes(jekyll):
    """``{% endfor %}`` ending a paragraph stays text (attr_list once read it as attributes); ``{: .note }`` works."""
    _, out, result = jekyll
    for slug in ("happy-new-year", "jekyll-3-1-0-released"):
        page = out / "news" / slug / "index.html"
        for element in body_of(page).iter():
            for name in element.keys():
                assert "endfor" not in name and "%" not in name and name != "_", (slug, element.tag, name)
    body = body_of(out / "news/happy-new-year/index.html")
    assert text_of(body).endswith("Thanks for a great year. {% endfor %}")
    # {: .note } is still an attribute list.
    assert [p.get("class") for p in body_of(out / "news/jekyll-3-1-0-released/index.html").iter("p")
            if text_of(p) == "This release is faster."] == ["note"]
    assert not [w for w in result.warnings if re.fullmatch(r"html-.*removed", w.code)]


def test_footnotes_and_tables_of_other_generators_render(jekyll):
    _, out, _ = jekyll
    hugo = body_of(out / "news/hugo-0-88-0/index.html")
    assert [text_of(th) for th in hugo.iter("th")] == ["Change", "Issue"]
    jekyll_one = body_of(out / "news/jekyll-1-0-0-released/index.html")
    [ref] = [a for a in jekyll_one.iter("a") if a.get("class") == "footnote-ref"]
    target = ref.get("href").lstrip("#")
    assert any(li.get("id") == target for li in jekyll_one.iter("li"))


def test_one_truly_malformed_date_fails_with_one_error_and_keeps_the_output(jekyll):
    """A truly malformed date (``2023-01-29 18:30:22 2023 -0800``): one located error, the last good site untouched."""
    site, out, _ = jekyll
    before = tree(out)
    bad = "---\ntitle: Broken\nauthor: parkr\ndate: 2023-01-29 18:30:22 2023 -0800\ncategories: [release]\n---\nBody.\n"
    (site / J / "2023-01-29-broken.md").write_text(bad, encoding="utf-8")
    diagnostics = failing(site)
    assert errors_of(diagnostics) == [("date-unreadable", J + "2023-01-29-broken.md", line_of(bad, "date:"))]
    assert tree(out) == before


def test_an_emoji_author_tag_or_rubrik_keeps_a_page_of_its_own(make_site):
    """A name without letters gets a short digest slug: it never vanishes from the byline or the tag list."""
    site = make_site({"content/satimpo/2024-05-01-a.md": article("A", "2024-05-01", author='"🎉"', tags='["🌊", kim]',
                                                                   category='"📣"')}, config=site_config())
    result = build_site(site)
    [made] = result.site.articles
    assert made.author is not None and made.author.name == "🎉" and re.fullmatch(HEX_SLUG, made.author.slug)
    assert [tag.name for tag in made.tags] == ["🌊", "kim"] and re.fullmatch(HEX_SLUG, made.tags[0].slug)
    assert made.category is not None and re.fullmatch(HEX_SLUG, made.category.slug)
    out = site / "output"
    assert (out / made.author.url.strip("/") / "index.html").is_file()
    assert (out / made.tags[0].url.strip("/") / "index.html").is_file()


def test_a_liquid_link_stays_as_the_page_has_it_in_feeds(make_site):
    body = "Lihat [catatan]({{ site.repository }}/issues/1).\n"
    site = make_site({"content/satimpo/2024-05-01-a.md": article("A", "2024-05-01", body=body)}, config=site_config())
    build_site(site)
    item = lxml.etree.parse(str(site / "output/feed.xml")).getroot().find("channel/item")
    content = item.findtext(CONTENT)
    assert 'href="{{ site.repository }}/issues/1"' in content
