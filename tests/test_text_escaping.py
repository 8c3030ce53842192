"""Plain-text fields never become live markup: not in feeds' HTML fields, OPML, the sitemap or ``<meta>``.

Every text field of a tiny site (title, summary, author, tags, rubrik, kelurahan and
KIM names, cover caption, extra values, the site's own title and description) holds
markup with a marker attribute. Each field that readers treat as HTML (RSS
``description`` and ``content:encoded``, Atom ``content``/``summary`` of type html,
JSON Feed ``content_html``) is parsed as HTML: no element may carry a marker, and the
marker text must still be there, as text. Plain fields must hold the text as typed.
"""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import html5lib
import lxml.etree
import pytest
from conftest import MINIMAL_CONFIG, build_site, parse_html

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def hostile(field: str) -> str:
    """Markup a writer might paste, marked with the field it came from."""
    return f'<img src=x onerror=alert(1) data-from="{field}"> <b data-from="{field}">{field}</b>'


FIELDS = ("title", "summary", "author", "tag", "category", "cover_alt", "extra", "kel_name", "kim",
          "site_title", "site_description")


def yaml_text(value: str) -> str:
    return json.dumps(value)  # a JSON string is valid YAML


@pytest.fixture
def site(make_site) -> Path:
    config = MINIMAL_CONFIG.replace("title: Kabar Uji", f"title: {yaml_text(hostile('site_title'))}")
    config += f"description: {yaml_text(hostile('site_description'))}\n"
    files = {
        "content/satimpo/_index.md": f"---\nname: {yaml_text(hostile('kel_name'))}\nkim: {yaml_text(hostile('kim'))}\n---\n",
        "content/satimpo/2018-11-12-awas.md": "\n".join([
            "---",
            f"title: {yaml_text(hostile('title'))}",
            "date: 2018-11-12 09:30",
            f"summary: {yaml_text(hostile('summary'))}",
            f"author: {yaml_text(hostile('author'))}",
            f"tags: [{yaml_text(hostile('tag'))}]",
            f"category: {yaml_text(hostile('category'))}",
            "cover: foto.png",
            f"cover_alt: {yaml_text(hostile('cover_alt'))}",
            f"narasumber: {yaml_text(hostile('extra'))}",
            "---",
            "Isi artikel yang biasa saja.",
            "",
        ]),
        "content/satimpo/2018-11-12-awas/foto.png": b"\x89PNG\r\n\x1a\n",
        # A kelurahan with no _index: its feeds' titles come from the registry-less folder name.
        "content/loktuan/2018-11-13-kabar.md": "---\ntitle: Kabar biasa\ndate: 2018-11-13\nfeeds_note: x\n---\nIsi.\n",
    }
    site = make_site(files, config=config)
    build_site(site)
    return site


def feed_files(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.name in ("feed.xml", "atom.xml", "feed.json"))


def html_fields(path: Path) -> list[str]:
    """The content of every field of a feed that readers render as HTML."""
    if path.name == "feed.json":
        data = json.loads(path.read_text("utf-8"))
        return [item["content_html"] for item in data["items"]]
    root = lxml.etree.parse(str(path)).getroot()
    if path.name == "feed.xml":
        found = [root.findtext("channel/description") or ""]
        for item in root.iter("item"):
            found += [item.findtext("description") or "", item.findtext(CONTENT) or ""]
        return found
    found = []
    for element in root.iter(f"{ATOM}content", f"{ATOM}summary", f"{ATOM}subtitle", f"{ATOM}title"):
        if element.get("type") in ("html", "xhtml"):
            found.append(element.text or "")
    return found


def marked_elements(fragment: str) -> list[str]:
    tree = html5lib.parse(fragment, treebuilder="etree", namespaceHTMLElements=False)
    return [f"<{el.tag} data-from={el.get('data-from')}>" for el in tree.iter()
            if isinstance(el.tag, str) and (el.get("data-from") is not None or el.get("onerror") is not None)]


def test_no_html_field_of_any_feed_carries_markup_from_a_text_field(site):
    feeds = feed_files(site / "output")
    assert len(feeds) >= 9  # site, kelurahan, tag, rubrik, author feeds in three formats
    checked = 0
    for path in feeds:
        for fragment in html_fields(path):
            assert marked_elements(fragment) == [], (path, fragment)
            checked += 1
    assert checked > 0


def test_escaped_text_still_reads_as_the_writer_typed_it(site):
    """The RSS description is HTML that, rendered, shows the summary's characters."""
    root = lxml.etree.parse(str(site / "output/feed.xml")).getroot()
    item = next(i for i in root.iter("item") if "title" in (i.findtext("title") or ""))
    description = item.findtext("description")
    shown = "".join(html5lib.parse(description, treebuilder="etree", namespaceHTMLElements=False).itertext())
    assert shown == hostile("summary")
    channel = "".join(html5lib.parse(root.findtext("channel/description"), treebuilder="etree",
                                     namespaceHTMLElements=False).itertext())
    assert channel == hostile("site_description")


def test_plain_fields_stay_plain_text(site):
    out = site / "output"
    data = json.loads((out / "feed.json").read_text("utf-8"))
    item = next(i for i in data["items"] if "title" in i["title"])
    assert item["title"] == hostile("title")
    assert item["summary"] == hostile("summary")
    assert item["authors"] == [{"name": hostile("author")}]
    atom = lxml.etree.parse(str(out / "atom.xml")).getroot()
    entry = next(e for e in atom.iter(f"{ATOM}entry") if "title" in e.findtext(f"{ATOM}title"))
    title = entry.find(f"{ATOM}title")
    assert title.get("type") in (None, "text") and title.text == hostile("title")
    summary = entry.find(f"{ATOM}summary")
    assert summary is not None and summary.get("type") in (None, "text") and summary.text == hostile("summary")
    rss = lxml.etree.parse(str(out / "feed.xml")).getroot()
    assert any(i.findtext("title") == hostile("title") for i in rss.iter("item"))


def test_feed_readers_show_no_live_markup(site):
    """feedparser sanitises what it takes for HTML; it must find no image and no bold in text fields."""
    for name in ("feed.xml", "atom.xml"):
        parsed = feedparser.parse((site / "output" / name).read_bytes())
        assert not parsed.bozo
        entry = next(e for e in parsed.entries if "title" in e.title)
        if entry.summary_detail.type == "text/html":  # RSS: rendered as HTML by the reader
            assert marked_elements(entry.summary) == []
            assert "<img" not in entry.summary
        else:  # Atom summary of type text: shown as the characters typed
            assert entry.summary_detail.type == "text/plain" and entry.summary == hostile("summary")


def test_opml_sitemap_and_meta_values_hold_text_not_markup(site):
    out = site / "output"
    opml = lxml.etree.parse(str(out / "langganan/kelurahan.opml")).getroot()
    texts = [outline.get("text") for outline in opml.iter("outline")]
    assert any(hostile("kel_name") in text for text in texts)
    assert all(len(outline) == 0 for outline in opml.iter("outline"))
    sitemap = lxml.etree.parse(str(out / "sitemap.xml")).getroot()
    assert all(len(loc) == 0 for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"))
    page = parse_html(out / "satimpo/awas/index.html")
    head = page.find("head")
    metas = {meta.get("property") or meta.get("name"): meta.get("content") for meta in head.iter("meta")}
    assert metas["og:title"].startswith(hostile("title"))
    assert metas["description"] == hostile("summary")
    assert [el.tag for el in head if el.tag in ("img", "b")] == []
    body_marks = [el.get("data-from") for el in page.iter() if isinstance(el.tag, str) and el.get("data-from")]
    assert body_marks == []
