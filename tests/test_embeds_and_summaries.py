"""What volunteers paste and how it reads: video and map embeds (pasted frames and lone links),
the sanitiser's warnings, the summary and description an article gets, and the mark on drafts.

Every check builds a tiny real site and parses what was written (html5lib for pages,
feedparser for feeds); the layout of embeds is measured in headless Chromium.

Bugs these tests found are fixed; each keeps a test of its own.
"""

from __future__ import annotations

import functools
import html
import json
import os
import shutil
import signal
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import feedparser
import html5lib
import pytest
from conftest import MINIMAL_CONFIG, article, build_site, parse_html

from kimpress.core.wording import format_diagnostic
from kimpress.markdown.embeds import allowed_frame

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "content/satimpo/2018-11-12-a.md"
PAGE = "output/satimpo/a/index.html"
LIST = "output/satimpo/index.html"
ALLOW = MINIMAL_CONFIG + "markdown:\n  raw_html: allow\n"
ENGLISH = MINIMAL_CONFIG.replace("language: id", "language: en")
BODY_LINE = 5  # article(): "---", title, date, "---", then the body starts
SNIPPET_LINE = BODY_LINE + 2  # a body "Pembuka.\n\n<snippet>" puts the snippet here
VIDEO = "dQw4w9WgXcQ"
YOUTUBE_EMBED_HOSTS = {"www.youtube.com", "www.youtube-nocookie.com", "youtube.com", "youtube-nocookie.com"}
GOOGLE_MAPS_HOSTS = {"maps.google.com", "www.google.com", "google.com"}

YOUTUBE_PASTE = (f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{VIDEO}?si=Xy12" '
                 'title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; '
                 'encrypted-media; gyroscope; picture-in-picture; web-share" '
                 'referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>')
NOCOOKIE_PASTE = (f'<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/{VIDEO}" '
                  'title="YouTube video player" frameborder="0" allowfullscreen></iframe>')
GOOGLE_MAPS_SRC = ("https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3989.7!2d117.49!3d0.13!2m3!1f0!2f0!3f0!3m2"
                   "!1i1024!2i768!4f13.1!3m3!1m2!1s0x320ef3d6a6e0a1b1%3A0x0!2sKantor%20Lurah%20Satimpo!5e0!3m2!1sid"
                   "!2sid!4v1700000000000!5m2!1sid!2sid")
GOOGLE_MAPS_PASTE = (f'<iframe src="{GOOGLE_MAPS_SRC}" width="600" height="450" style="border:0;" allowfullscreen="" '
                     'loading="lazy" referrerpolicy="no-referrer-when-downgrade"></iframe>')
OSM_SRC = "https://www.openstreetmap.org/export/embed.html?bbox=117.49%2C0.12%2C117.51%2C0.14&layer=mapnik"
OSM_PASTE = f'<iframe width="425" height="350" src="{OSM_SRC.replace("&", "&amp;")}"></iframe>'


# --- helpers ---------------------------------------------------------------------


def build_article(make_site, body: str, config: str = MINIMAL_CONFIG, **fields):
    """Build a site holding one article (satimpo/a) with ``body``; (site folder, build result)."""
    site = make_site({ARTICLE: article("A", body=body, **fields)}, config=config)
    return site, build_site(site)


def article_body(site: Path) -> ElementTree.Element:
    [body] = [el for el in parse_html(site / PAGE).iter("div") if el.get("class") == "article-body"]
    return body


def parents(root: ElementTree.Element) -> dict[ElementTree.Element, ElementTree.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def classes(element: ElementTree.Element) -> set[str]:
    return set((element.get("class") or "").split())


def text(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def only_frame(body: ElementTree.Element) -> ElementTree.Element:
    frames = list(body.iter("iframe"))
    assert len(frames) == 1, ElementTree.tostring(body, encoding="unicode")
    return frames[0]


def paragraphs(body: ElementTree.Element) -> list[str]:
    return [text(p) for p in body.iter("p")]


def leftovers(body: ElementTree.Element) -> list[str]:
    """What a removed frame must not leave: a frame, a wrapper, an empty paragraph."""
    found = [f"<{el.tag} class={el.get('class')!r}>" for el in body.iter() if "embed" in classes(el)]
    found += ["<iframe>" for _ in body.iter("iframe")]
    found += ["<p></p>" for p in body.iter("p") if not text(p) and not len(p)]
    return found


def html_warnings(result) -> list:
    return [d for d in result.warnings if d.code.startswith("html-")]


def located(diagnostic) -> tuple:
    return diagnostic.code, diagnostic.path, diagnostic.line, diagnostic.is_error, diagnostic.param_dict


def meta_of(site: Path, page: str = PAGE) -> dict[str, str]:
    return {el.get("name") or el.get("property"): el.get("content") for el in parse_html(site / page).iter("meta")
            if el.get("name") or el.get("property")}


def card(site: Path, title: str = "A", page: str = LIST) -> ElementTree.Element:
    [found] = [li for li in parse_html(site / page).iter("li") if "card" in classes(li)
               and any(text(a) == title for a in li.iter("a"))]
    return found


def card_summary(site: Path, title: str = "A") -> str:
    [summary] = [p for p in card(site, title).iter("p") if "meta" not in classes(p)]
    return text(summary)


def feed_summary(site: Path, title: str = "A") -> str:
    """The RSS <description> of the article in its kelurahan's feed, as a reader shows it."""
    feed = feedparser.parse((site / "output/satimpo/feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    [entry] = [entry for entry in feed.entries if entry.title == title]
    return " ".join(html.unescape(entry.summary).split())


def assert_cut_at_a_word_end(description: str, paragraph: str) -> None:
    """``description`` is ``paragraph`` cut after a whole word, with "…"."""
    paragraph = " ".join(paragraph.split())
    assert description.endswith("…"), description
    kept = description[:-1]
    assert paragraph.startswith(kept), (description, paragraph)
    assert kept[-1:].isalnum() or kept[-1:] in ")\"'”’", description
    assert not paragraph[len(kept)].isalnum(), f"cut inside the word {paragraph[len(kept) - 5:len(kept) + 5]!r}"


def long_paragraph(*parts: str) -> str:
    return " ".join(parts)


# --- 1. pasted embeds ------------------------------------------------------------

PASTED = {
    "youtube": (YOUTUBE_PASTE, f"https://www.youtube.com/embed/{VIDEO}?si=Xy12"),
    "youtube-nocookie": (NOCOOKIE_PASTE, f"https://www.youtube-nocookie.com/embed/{VIDEO}"),
    "google-maps": (GOOGLE_MAPS_PASTE, GOOGLE_MAPS_SRC),
    "openstreetmap": (OSM_PASTE, OSM_SRC),
}


@pytest.mark.parametrize("paste, src", PASTED.values(), ids=PASTED.keys())
def test_pasted_embed_is_kept_in_a_block_wrapper(make_site, paste, src):
    site, result = build_article(make_site, f"Pembuka.\n\n{paste}\n\nPenutup.")
    body = article_body(site)
    frame = only_frame(body)
    assert frame.get("src") == src
    wrapper = parents(body)[frame]
    assert wrapper.tag == "div" and "embed" in classes(wrapper)
    assert parents(body)[wrapper] is body
    assert paragraphs(body) == ["Pembuka.", "Penutup."]
    assert not [d for d in result.warnings if d.code == "html-frame-removed"]


SENTENCES = {
    "at-the-end": ("Tonton videonya: {frame}", "Tonton videonya:"),
    "in-the-middle": ("Tonton {frame} sampai habis.", "Tonton sampai habis."),
}


@pytest.mark.parametrize("sentence, shown", SENTENCES.values(), ids=SENTENCES.keys())
def test_pasted_embed_inside_a_sentence_is_wrapped_in_a_span(make_site, sentence, shown):
    site, _ = build_article(make_site, sentence.format(frame=NOCOOKIE_PASTE))
    body = article_body(site)
    frame = only_frame(body)
    up = parents(body)
    wrapper = up[frame]
    assert wrapper.tag == "span" and "embed" in classes(wrapper)
    assert up[wrapper].tag == "p" and up[up[wrapper]] is body
    assert paragraphs(body) == [shown]  # one paragraph, the words on both sides of the frame in it


FOREIGN = {
    "other-host": ('<iframe src="https://evil.example/x" width="560" height="315"></iframe>', "evil.example"),
    "youtube-without-https": (f'<iframe src="http://www.youtube.com/embed/{VIDEO}"></iframe>', "www.youtube.com"),
    "lookalike-host": ('<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>',
                       "www.youtube.com.evil.example"),
    "lookalike-host-with-a-video-id": (f'<iframe src="https://www.youtube.com.evil.example/embed/{VIDEO}"></iframe>',
                                       "www.youtube.com.evil.example"),
    "javascript": ('<iframe src="javascript:alert(1)"></iframe>', "javascript:"),
    "srcdoc": ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', None),
}
PLACES = {
    "own-paragraph": ("Pembuka.\n\n{frame}\n\nPenutup.", ["Pembuka.", "Penutup."]),
    "inside-a-sentence": ("Pembuka.\n\nTonton {frame} di sini.", ["Pembuka.", "Tonton di sini."]),
}


@pytest.mark.parametrize("place, shown", PLACES.values(), ids=PLACES.keys())
@pytest.mark.parametrize("frame", [frame for frame, _ in FOREIGN.values()], ids=FOREIGN.keys())
def test_frame_not_allowed_is_removed_without_a_trace(make_site, frame, place, shown):
    site, _ = build_article(make_site, place.format(frame=frame))
    body = article_body(site)
    assert leftovers(body) == []
    assert paragraphs(body) == shown


FOREIGN_WARNED = {name: case for name, case in FOREIGN.items() if name != "srcdoc"}


def test_a_frame_with_its_own_content_is_reported_as_a_removed_frame(make_site):
    """``srcdoc`` has no address to name: the warning says the frame went, not that it is still shown."""
    _, result = build_article(make_site, f"Pembuka.\n\n{FOREIGN['srcdoc'][0]}\n\nPenutup.")
    [removed] = html_warnings(result)
    assert (removed.code, removed.path, removed.line) == ("html-frame-without-address-removed", ARTICLE, SNIPPET_LINE)
    assert "srcdoc" in format_diagnostic(removed, "id") and "srcdoc" in format_diagnostic(removed, "en")


@pytest.mark.parametrize("frame, host", FOREIGN_WARNED.values(), ids=FOREIGN_WARNED.keys())
def test_frame_not_allowed_is_reported_with_its_host_at_its_line(make_site, frame, host):
    _, result = build_article(make_site, f"Pembuka.\n\n{frame}\n\nPenutup.")
    [removed] = html_warnings(result)
    assert (removed.code, removed.path, removed.line, removed.is_error) == (
        "html-frame-removed", ARTICLE, SNIPPET_LINE, False)
    if host is not None:
        assert host in removed.param_dict["host"]
        assert host in format_diagnostic(removed, "id") and host in format_diagnostic(removed, "en")


def test_frame_removed_after_a_kept_one_is_reported_as_itself(make_site):
    _, result = build_article(make_site, f"Pembuka.\n\n{YOUTUBE_PASTE}\n\n"
                                         '<iframe src="https://evil.example/x"></iframe>\n')
    [removed] = html_warnings(result)
    assert (removed.code, removed.line, removed.param_dict) == (
        "html-frame-removed", SNIPPET_LINE + 2, {"host": "evil.example"})


@pytest.mark.parametrize("frame, attribute, value", [
    ('<iframe src="https://evil.example/x" width="560" height="315"></iframe>', "src", "https://evil.example/x"),
    ('<iframe src="javascript:alert(1)"></iframe>', "src", "javascript:alert(1)"),
    ('<iframe srcdoc="&lt;b&gt;halo&lt;/b&gt;"></iframe>', "srcdoc", "<b>halo</b>"),
], ids=["other-host", "javascript", "srcdoc"])
def test_allow_keeps_any_frame_and_wraps_it(make_site, frame, attribute, value):
    site, result = build_article(make_site, f"Pembuka.\n\n{frame}\n\nPenutup.", ALLOW)
    body = article_body(site)
    kept = only_frame(body)
    assert kept.get(attribute) == value
    assert "embed" in classes(parents(body)[kept])
    assert html_warnings(result) == []


def test_frame_with_a_percentage_width_gets_no_made_up_ratio(make_site):
    site, _ = build_article(make_site, '<iframe src="https://evil.example/x" width="100%" height="450"></iframe>',
                            ALLOW)
    body = article_body(site)
    wrapper = parents(body)[only_frame(body)]
    assert "padding-top:450" not in (wrapper.get("style") or "").replace(" ", "")


# --- 2. a lone link becomes the embed --------------------------------------------

LONE_LINKS = {
    "youtube-watch": (f"https://www.youtube.com/watch?v={VIDEO}", "video", YOUTUBE_EMBED_HOSTS,
                      f"/embed/{VIDEO}", {}),
    "youtu.be-with-time": (f"https://youtu.be/{VIDEO}?t=90", "video", YOUTUBE_EMBED_HOSTS, f"/embed/{VIDEO}",
                           {"start": "90"}),
    "youtube-shorts": ("https://youtube.com/shorts/aBcDeF12345", "video", YOUTUBE_EMBED_HOSTS, "/embed/aBcDeF12345",
                       {}),
    "autolink": (f"<https://youtu.be/{VIDEO}>", "video", YOUTUBE_EMBED_HOSTS, f"/embed/{VIDEO}", {}),
    "google-maps-place": ("https://www.google.com/maps/place/Bontang/@0.1333,117.5,14z", "map", GOOGLE_MAPS_HOSTS,
                          "/maps", {"q": "Bontang", "output": "embed"}),
    "google-maps-query": ("https://maps.google.com/?q=Kantor+Lurah+Satimpo", "map", GOOGLE_MAPS_HOSTS, "/maps",
                          {"q": "Kantor Lurah Satimpo", "output": "embed"}),
    "openstreetmap": ("https://www.openstreetmap.org/#map=16/0.1333/117.5000", "map", {"www.openstreetmap.org"},
                      "/export/embed.html", {"layer": "mapnik"}),
}


@pytest.mark.parametrize("line, kind, hosts, path, query", LONE_LINKS.values(), ids=LONE_LINKS.keys())
def test_lone_link_becomes_the_embed(make_site, line, kind, hosts, path, query):
    site, result = build_article(make_site, f"Pembuka.\n\n{line}\n\nPenutup.")
    body = article_body(site)
    frame = only_frame(body)
    src = urlsplit(frame.get("src"))
    found = {key: values[0] for key, values in parse_qs(src.query).items()}
    assert (src.scheme, src.hostname in hosts) == ("https", True), frame.get("src")
    assert src.path.startswith(path) if kind == "map" else src.path == path, frame.get("src")
    assert query.items() <= found.items(), found
    assert allowed_frame(frame.get("src")) == kind  # what a writer would be allowed to paste, too
    assert frame.get("loading") == "lazy"
    assert frame.get("title")
    wrapper = parents(body)[frame]
    assert wrapper.tag == "div" and "embed" in classes(wrapper) and parents(body)[wrapper] is body
    assert paragraphs(body) == ["Pembuka.", "Penutup."]  # the link is not also left as text
    assert html_warnings(result) == []


def test_openstreetmap_link_shows_the_place_it_names(make_site):
    site, _ = build_article(make_site, "https://www.openstreetmap.org/#map=16/0.1333/117.5000")
    west, south, east, north = (float(v) for v in
                                parse_qs(urlsplit(only_frame(article_body(site)).get("src")).query)["bbox"][0].split(","))
    assert west < 117.5 < east and south < 0.1333 < north
    assert east - west < 0.1  # a street-level view at zoom 16, not the whole island


def test_lone_link_inside_a_paragraph_splits_it(make_site):
    site, _ = build_article(make_site, f"Tonton videonya:\nhttps://youtu.be/{VIDEO}\nSelamat menonton.")
    body = article_body(site)
    frame = only_frame(body)
    assert [(child.tag, text(child)) for child in body] == [
        ("p", "Tonton videonya:"), ("div", ""), ("p", "Selamat menonton.")]
    assert parents(body)[frame] is body[1]


YOUTU_BE = f"https://youtu.be/{VIDEO}"
STAYS = {  # (the line, the link it makes or None for plain text, the paragraph's text)
    "bare-in-a-sentence": (f"Lihat {YOUTU_BE} ya", None, f"Lihat {YOUTU_BE} ya"),
    "autolink-in-a-sentence": (f"Lihat <{YOUTU_BE}> ya", YOUTU_BE, f"Lihat {YOUTU_BE} ya"),
    "markdown-link": (f"[video]({YOUTU_BE})", YOUTU_BE, "video"),
    "other-site": ("<https://contoh.id/berita/kerja-bakti>", "https://contoh.id/berita/kerja-bakti",
                   "https://contoh.id/berita/kerja-bakti"),
    "other-site-bare": ("https://contoh.id/berita/kerja-bakti", None, "https://contoh.id/berita/kerja-bakti"),
    "google-maps-short-link": ("<https://maps.app.goo.gl/AbCdEf12345>", "https://maps.app.goo.gl/AbCdEf12345",
                               "https://maps.app.goo.gl/AbCdEf12345"),
    "google-maps-short-link-bare": ("https://maps.app.goo.gl/AbCdEf12345", None,
                                    "https://maps.app.goo.gl/AbCdEf12345"),
}


@pytest.mark.parametrize("line, href, shown", STAYS.values(), ids=STAYS.keys())
def test_link_not_alone_or_not_embeddable_stays_as_written(make_site, line, href, shown):
    site, _ = build_article(make_site, f"Pembuka.\n\n{line}\n\nPenutup.")
    body = article_body(site)
    assert list(body.iter("iframe")) == []
    assert paragraphs(body) == ["Pembuka.", shown, "Penutup."]
    assert [a.get("href") for a in body.iter("a")] == ([href] if href else [])


NAMES = {"id": (MINIMAL_CONFIG, "Video", "Peta", "Location"), "en": (ENGLISH, "video", "map", "Peta")}


@pytest.mark.parametrize("config, video_word, map_word, other_language", NAMES.values(), ids=NAMES.keys())
def test_embed_is_named_in_the_site_language(make_site, config, video_word, map_word, other_language):
    site, _ = build_article(make_site, f"https://youtu.be/{VIDEO}\n\nhttps://maps.google.com/?q=Satimpo", config)
    video, place = (frame.get("title") for frame in article_body(site).iter("iframe"))
    assert video_word in video.split() and map_word in place.split(), (video, place)
    assert other_language not in place.split()


# --- 3. responsive in a real browser ---------------------------------------------

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
BROWSER_SECONDS = 60

RESPONSIVE_BODY = f"""\
Video yang ditempel dari YouTube:

{YOUTUBE_PASTE}

Video dari tautan saja:

https://youtu.be/{VIDEO}

Peta yang ditempel dari Google Maps:

{GOOGLE_MAPS_PASTE}

Peta dari tautan OpenStreetMap:

https://www.openstreetmap.org/#map=16/0.1333/117.5000

Bingkai lebar dari situs lain (penulis tepercaya):

<iframe src="https://evil.example/papan" width="1200" height="600"></iframe>

Penutup.
"""
EXPECTED_RATIOS = [16 / 9, 16 / 9, 4 / 3, 4 / 3, 1200 / 600]

# The article is measured inside a frame of the exact width: headless Chromium keeps a
# window at least 500 px wide whatever --window-size says, and a frame's viewport is a
# viewport like any other (media queries, scroll width). The control page holds the wide
# frame unwrapped, to show the measurement does see an overflow.
HARNESS = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>body{margin:0} iframe{border:0;display:block}</style></head><body>
<pre id="result"></pre>
<script>
var results = {};
function measure(name, frame) {
  var win = frame.contentWindow, doc = frame.contentDocument;
  var out = {innerWidth: win.innerWidth, scrollWidth: doc.documentElement.scrollWidth, frames: []};
  doc.querySelectorAll("iframe").forEach(function (f) {
    var box = f.getBoundingClientRect();
    out.frames.push({src: f.getAttribute("src"), width: box.width, height: box.height,
                     wrapper: f.parentElement.className});
  });
  results[name] = out;
  document.getElementById("result").textContent = JSON.stringify(results);
}
</script>
<iframe width="WIDTH" height="800" onload="measure('article', this)" src="/satimpo/a/"></iframe>
<iframe width="WIDTH" height="800" onload="measure('control', this)" src="/control.html"></iframe>
</body></html>
"""
CONTROL = ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" '
           'content="width=device-width, initial-scale=1"></head><body>'
           '<iframe src="https://evil.example/papan" width="1200" height="600"></iframe></body></html>')


def find_chromium() -> str | None:
    named = os.environ.get("KIMPRESS_CHROMIUM")
    if named:
        return shutil.which(named)
    return next((found for name in BROWSER_NAMES if (found := shutil.which(name))), None)


@pytest.fixture
def chromium() -> str:
    """The Chromium binary; skip without one unless KIMPRESS_REQUIRE_CHROMIUM is set."""
    found = find_chromium()
    if found:
        return found
    if os.environ.get("KIMPRESS_REQUIRE_CHROMIUM", "").strip() not in ("", "0"):
        pytest.fail("KIMPRESS_REQUIRE_CHROMIUM is set but no browser was found on PATH")
    pytest.skip("headless browser test: Chromium is not installed; set KIMPRESS_REQUIRE_CHROMIUM=1 to make this "
                "a failure")


@pytest.fixture
def serve_folder():
    """serve_folder(folder) -> base URL of a loopback HTTP server for ``folder``; stopped afterwards."""
    servers: list[tuple[ThreadingHTTPServer, threading.Thread]] = []

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    def start(folder: Path) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
        thread = threading.Thread(target=server.serve_forever, name="embed-test-http", daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_address[1]}"

    try:
        yield start
    finally:
        for server, thread in servers:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)


def dump_dom(chromium: str, url: str, width: int, scratch: Path) -> str:
    """The DOM of ``url`` after load, from headless Chromium; its whole process group is ended after."""
    profile, home = scratch / f"profile-{width}", scratch / f"home-{width}"
    profile.mkdir()
    home.mkdir()
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-extensions", "--disable-dev-shm-usage", "--no-proxy-server", "--mute-audio",
               # The embeds point to hosts that are unreachable here: fail them at once, never wait for DNS.
               "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
               f"--user-data-dir={profile}", f"--window-size={width + 40},900", "--dump-dom", url]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "HOME": str(home)}, start_new_session=True)
    try:
        out, err = process.communicate(timeout=BROWSER_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
        pytest.fail(f"Chromium did not finish within {BROWSER_SECONDS} s:\n{err.decode(errors='replace')[-2000:]}")
    finally:
        try:  # helpers (renderer, GPU, zygote) that outlived the browser
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert process.returncode == 0, err.decode(errors="replace")[-2000:]
    return out.decode("utf-8")


@pytest.fixture
def responsive_site(make_site) -> Path:
    site, _ = build_article(make_site, RESPONSIVE_BODY, ALLOW)
    (site / "output/control.html").write_text(CONTROL, encoding="utf-8")
    return site


@pytest.mark.slow  # ~2 s each: a headless Chromium
@pytest.mark.parametrize("width", [360, 1280])
def test_embeds_fit_the_screen_at_their_aspect_ratio(chromium, serve_folder, responsive_site, tmp_path, width):
    output = responsive_site / "output"
    (output / f"measure-{width}.html").write_text(HARNESS.replace("WIDTH", str(width)), encoding="utf-8")
    dom = dump_dom(chromium, f"{serve_folder(output)}/measure-{width}.html", width, tmp_path)
    result = html5lib.parse(dom, treebuilder="etree", namespaceHTMLElements=False).find(".//pre[@id='result']")
    assert result is not None and result.text, dom[-2000:]
    measured = json.loads(result.text)
    assert set(measured) == {"article", "control"}, measured

    control = measured["control"]
    assert control["innerWidth"] == width
    if width < 1200:
        assert control["scrollWidth"] > control["innerWidth"], "the check must see an unwrapped wide frame overflow"

    page = measured["article"]
    assert page["innerWidth"] == width
    assert page["scrollWidth"] <= page["innerWidth"], page
    frames = page["frames"]
    assert len(frames) == len(EXPECTED_RATIOS), frames
    for frame, ratio in zip(frames, EXPECTED_RATIOS):
        assert "embed" in frame["wrapper"].split(), frame
        assert 0 < frame["width"] <= page["innerWidth"], frame
        assert frame["width"] / frame["height"] == pytest.approx(ratio, rel=0.02), frame


# --- 4. the sanitiser says exactly what it removed -------------------------------

REMOVALS = {
    "style": ('<div style="color:red">Merah</div>', "html-attribute-removed", {"attribute": "style", "tag": "<div>"}),
    "onclick": ('Teks <b onclick="x()">tebal</b> di sini.', "html-attribute-removed",
                {"attribute": "onclick", "tag": "<b>"}),
    "script": ("<script>alert(1)</script>", "html-tag-and-content-removed", {"tag": "<script>"}),
    "form": ("<form>Isi formulir</form>", "html-tag-removed", {"tag": "<form>"}),
    "javascript-link": ("Klik [a](javascript:alert(1)) ya.", "html-address-removed",
                        {"attribute": "href", "tag": "<a>", "scheme": "javascript:"}),
}


@pytest.mark.parametrize("snippet, code, params", REMOVALS.values(), ids=REMOVALS.keys())
def test_removed_markup_is_reported_exactly_at_its_line(make_site, snippet, code, params):
    _, result = build_article(make_site, f"Pembuka.\n\n{snippet}\n\nPenutup.")
    assert [located(d) for d in html_warnings(result)] == [(code, ARTICLE, SNIPPET_LINE, False, params)]


WORDING = {
    "style": ('<div style="color:red">Merah</div>', ["`style`", "`<div>`"], "`<div style>`"),
    "onclick": ('Teks <b onclick="x()">tebal</b> di sini.', ["`onclick`", "`<b>`"], "`<b onclick>`"),
    "javascript-link": ("Klik [a](javascript:alert(1)) ya.", ["`javascript:`", "`href`", "`<a>`"], "`<a href>`"),
}


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("snippet, named, old_form", WORDING.values(), ids=WORDING.keys())
def test_removal_wording_names_the_attribute_and_the_tag_apart(make_site, snippet, named, old_form, language):
    _, result = build_article(make_site, f"Pembuka.\n\n{snippet}\n")
    [removed] = html_warnings(result)
    message = format_diagnostic(removed, language)
    assert message.startswith(f"{ARTICLE}:{SNIPPET_LINE}: ")
    for part in named:
        assert part in message, message
    assert old_form not in message
    assert format_diagnostic(removed, "id") != format_diagnostic(removed, "en")


def test_removed_address_after_a_kept_link_is_reported_as_itself(make_site):
    _, result = build_article(make_site, "Lihat [situs kelurahan](https://contoh.id/) dulu.\n\n"
                                         "Klik [a](javascript:alert(1)) ya.\n")
    [removed] = html_warnings(result)
    assert (removed.code, removed.line, removed.param_dict["scheme"]) == (
        "html-address-removed", BODY_LINE + 2, "javascript:")


# --- 5. summaries and descriptions -----------------------------------------------

FIRST_WORDS = {
    "bold-label": ("**Narasi:**\n\nBeredar pesan berantai tentang banjir.\n\nParagraf kedua.",
                   "Beredar pesan berantai tentang banjir."),
    "plain-label": ("Penjelasan:\n\nBMKG tidak mengeluarkan peringatan apa pun.\n\nParagraf kedua.",
                    "BMKG tidak mengeluarkan peringatan apa pun."),
    "picture": ("![foto kerja bakti](x.jpg)\n\nWarga bergotong royong membersihkan parit.\n\nParagraf kedua.",
                "Warga bergotong royong membersihkan parit."),
    "video-link": (f"https://youtu.be/{VIDEO}\n\nRekaman rapat warga RT 05.\n\nParagraf kedua.",
                   "Rekaman rapat warga RT 05."),
}


@pytest.mark.parametrize("body, summary", FIRST_WORDS.values(), ids=FIRST_WORDS.keys())
def test_summary_is_the_first_paragraph_that_says_something(make_site, body, summary):
    site = make_site({ARTICLE: article("A", body=body), "content/satimpo/x.jpg": b"\xff\xd8\xff\xe0"})
    build_site(site)
    meta = meta_of(site)
    assert card_summary(site) == summary
    assert feed_summary(site) == summary
    assert meta["description"] == meta["og:description"] == summary


def test_label_with_its_text_is_kept_as_is(make_site):
    site, _ = build_article(make_site, "Narasi: Beredar pesan berantai tentang banjir.\n\nParagraf kedua.")
    assert card_summary(site) == feed_summary(site) == "Narasi: Beredar pesan berantai tentang banjir."


SENTENCES_OF_A_REPORT = (
    "Warga RT 05 Kelurahan Satimpo menggelar kerja bakti membersihkan saluran air sejak pagi hari tadi.",  # 98
    "Kegiatan dipimpin oleh ketua RT dan diikuti warga.",  # ends at 149
    "Sampah plastik yang menyumbat parit diangkut ke tempat pembuangan sementara oleh petugas kebersihan kota.")
SECOND_HALF = long_paragraph(*SENTENCES_OF_A_REPORT)


def test_description_ends_at_a_sentence_end_in_its_second_half(make_site):
    site, _ = build_article(make_site, SECOND_HALF)
    meta = meta_of(site)
    description = meta["description"]
    assert len(SECOND_HALF) > 200
    assert description == long_paragraph(*SENTENCES_OF_A_REPORT[:2])  # the last sentence end within 160
    assert meta["og:description"] == description
    assert card_summary(site) == feed_summary(site) == SECOND_HALF  # the list keeps the whole paragraph


WORD_CUTS = {
    "no-sentence-end": long_paragraph(
        "Warga RT 05 Kelurahan Satimpo menggelar kerja bakti membersihkan saluran air yang tersumbat sampah plastik",
        "sejak musim hujan tiba, lalu sore harinya dilanjutkan dengan rapat warga tentang jadwal ronda malam",
        "dan iuran kebersihan bulanan"),
    "sentence-end-in-the-first-half": long_paragraph(
        "Kerja bakti digelar Minggu.",
        "Warga dari seluruh RT di Kelurahan Satimpo datang membawa cangkul, sapu, karung dan gerobak sampah untuk",
        "membersihkan parit yang tersumbat sepanjang jalan utama hingga ke muara sungai di ujung kampung"),
    "comma-at-the-cut": long_paragraph(
        "Bantuan yang diserahkan meliputi beras, minyak goreng, gula pasir, telur ayam, mi instan, sabun mandi,",
        "sikat gigi, pasta gigi, selimut, tikar, ember, gayung, obat nyamuk, senter, baterai, payung, jas hujan,",
        "sandal, handuk dan pakaian layak pakai"),
}


@pytest.mark.parametrize("paragraph", WORD_CUTS.values(), ids=WORD_CUTS.keys())
def test_description_without_a_late_sentence_end_is_cut_at_a_word_end(make_site, paragraph):
    site, _ = build_article(make_site, paragraph)
    meta = meta_of(site)
    assert len(paragraph) > 200
    assert len(meta["description"]) <= 161
    assert len(meta["description"]) >= 120  # not cut back to the early sentence end
    assert_cut_at_a_word_end(meta["description"], paragraph)
    assert meta["og:description"] == meta["description"]


ABBREVIATED = long_paragraph(
    "Posko kesehatan gratis bagi warga yang terdampak banjir di kelurahan ini dibuka mulai hari Senin di",
    "Jl. Awang Long No. 12 dan di balai pertemuan warga RT 05 yang berada tepat di samping masjid besar kelurahan",
    "sampai akhir bulan Desember")


def test_abbreviations_are_not_sentence_ends(make_site):
    for abbreviation in ("Jl.", "No."):
        assert 80 < ABBREVIATED.index(abbreviation) < 150  # where a sentence end would be taken
    site, _ = build_article(make_site, ABBREVIATED)
    description = meta_of(site)["description"]
    assert not description.endswith(("Jl.", "No."))
    assert_cut_at_a_word_end(description, ABBREVIATED)


DOTTED = {
    "s.d.": "dibuka setiap hari kerja mulai pukul 08.00 s.d. 12.00 WITA bagi warga yang membawa kartu keluarga",
    "S.Sos.": "dibuka oleh Lurah Satimpo, Andi Baso, S.Sos. yang hadir bersama seluruh ketua RT dan para kader",
    "a.n.": "diterima oleh warga a.n. Ketua RT masing-masing yang lalu membagikannya kepada keluarga penerima",
}


@pytest.mark.parametrize("middle", DOTTED.values(), ids=DOTTED.keys())
def test_dotted_abbreviations_are_not_sentence_ends(make_site, middle):
    paragraph = long_paragraph("Posko kesehatan gratis bagi warga yang terdampak banjir di Kelurahan Satimpo",
                               middle, "sampai akhir bulan Desember tahun ini")
    site, _ = build_article(make_site, paragraph)
    description = meta_of(site)["description"]
    assert_cut_at_a_word_end(description, paragraph)


QUOTED = long_paragraph(
    "Di depan warga yang hadir di balai pertemuan setelah rapat panjang, ketua RT menutup dengan pesan:",
    '"Mari kita mulai menjaga kebersihan dari rumah sendiri."',
    "Warga pun mengangguk setuju lalu pulang ke rumah masing-masing membawa bibit pohon yang dibagikan.")


def test_description_cut_after_a_quoted_sentence_keeps_the_closing_quote(make_site):
    site, _ = build_article(make_site, QUOTED)
    assert meta_of(site)["description"] == QUOTED[:QUOTED.index('."') + 2]


def test_list_card_keeps_the_first_paragraph_up_to_300_characters(make_site):
    paragraph = long_paragraph(SECOND_HALF, "Lurah berterima kasih.")
    assert 250 < len(paragraph) <= 300
    site, _ = build_article(make_site, paragraph + "\n\nParagraf kedua.")
    assert card_summary(site) == feed_summary(site) == paragraph
    assert len(meta_of(site)["description"]) <= 161


def test_list_card_cuts_a_longer_first_paragraph_at_a_word_end(make_site):
    paragraph = long_paragraph(*WORD_CUTS.values())
    assert len(paragraph) > 400
    site, _ = build_article(make_site, paragraph)
    summary = card_summary(site)
    assert 250 < len(summary) <= 301
    assert_cut_at_a_word_end(summary, paragraph)


WRITTEN = {
    "summary": ({"summary": "Ringkasan dari penulis."}, "Ringkasan dari penulis.", "Ringkasan dari penulis."),
    "description": ({"description": "Deskripsi untuk mesin pencari."}, SECOND_HALF, "Deskripsi untuk mesin pencari."),
    "both": ({"summary": "Ringkasan dari penulis.", "description": "Deskripsi untuk mesin pencari."},
             "Ringkasan dari penulis.", "Deskripsi untuk mesin pencari."),
}


@pytest.mark.parametrize("fields, summary, description", WRITTEN.values(), ids=WRITTEN.keys())
def test_front_matter_summary_and_description_win(make_site, fields, summary, description):
    site, _ = build_article(make_site, "**Narasi:**\n\n" + SECOND_HALF, **fields)
    meta = meta_of(site)
    assert card_summary(site) == feed_summary(site) == summary
    assert meta["description"] == meta["og:description"] == description


def test_demo_hoax_article_is_summarised_by_what_it_says(make_site):
    source = REPO / "content/bontang-kuala/2018-12-27-hoaks-peringatan-tsunami-pesisir-bontang.md"
    # Without the summary: it was given, the summary comes from the body, whose fact check opens with labels.
    markdown = "".join(line for line in source.read_text(encoding="utf-8").splitlines(True)
                       if not line.startswith("summary:"))
    first = " ".join(markdown.split("\n---\n", 1)[1].strip().split("\n\n", 1)[0].split())  # the body's first paragraph
    site = make_site({"content/bontang-kuala/2018-12-27-hoaks-peringatan-tsunami-pesisir-bontang.md": markdown})
    build_site(site)
    out = "output/bontang-kuala/hoaks-peringatan-tsunami-pesisir-bontang/index.html"
    meta = meta_of(site, out)
    [entry] = feedparser.parse((site / "output/bontang-kuala/feed.xml").read_bytes()).entries
    [summary] = [p for li in parse_html(site / "output/bontang-kuala/index.html").iter("li") if "card" in classes(li)
                 for p in li.iter("p") if not {"meta", "kicker"} & set(classes(p))]
    for shown in (meta["description"], meta["og:description"], text(summary), html.unescape(entry.summary)):
        assert not shown.startswith("Narasi"), shown
        assert shown.startswith("Beberapa hari setelah tsunami"), shown
    assert first.startswith(meta["description"].rstrip("…")) and len(meta["description"]) <= 161
    assert first.startswith(text(summary).rstrip("…"))


# --- 6. drafts ---------------------------------------------------------------------

DRAFT = "content/satimpo/2018-11-13-draf.md"
PUBLISHED = "content/satimpo/2018-11-12-terbit.md"


@pytest.mark.parametrize("config, mark", [(MINIMAL_CONFIG, "Draf"), (ENGLISH, "Draft")], ids=["id", "en"])
def test_draft_built_with_drafts_is_marked(make_site, config, mark):
    site = make_site({PUBLISHED: article("Terbit"), DRAFT: article("Rancangan", "2018-11-13", draft="true")},
                     config=config)
    build_site(site, drafts=True)
    page = parse_html(site / "output/satimpo/draf/index.html")
    [header] = page.findall(".//article/header")
    assert mark in text(header).split()
    assert mark in text(card(site, "Rancangan")).split()
    # Published articles carry no mark.
    [published_header] = parse_html(site / "output/satimpo/terbit/index.html").findall(".//article/header")
    assert mark not in text(published_header).split()
    assert mark not in text(card(site, "Terbit")).split()


def test_draft_is_not_published_without_drafts(make_site):
    site = make_site({PUBLISHED: article("Terbit"), DRAFT: article("Rancangan", "2018-11-13", draft="true")})
    build_site(site)
    assert (site / "output/satimpo/terbit/index.html").is_file()
    assert not (site / "output/satimpo/draf").exists()
    assert [text(a) for a in parse_html(site / LIST).iter("a") if text(a) == "Rancangan"] == []


@pytest.mark.parametrize("body", [f"Sumber:\n\n- https://youtu.be/{VIDEO}\n- https://www.youtube.com/watch?v={VIDEO}\n",
                                  f"> https://youtu.be/{VIDEO}\n"], ids=["list", "quote"])
def test_a_video_link_in_a_list_or_a_quote_stays_a_link(make_site, body):
    """A cek-fakta "Sumber:" list of videos must not turn into players."""
    site, _ = build_article(make_site, body)
    assert [el for el in article_body(site).iter() if el.tag == "iframe"] == []


@pytest.mark.parametrize("paste, title", [(GOOGLE_MAPS_PASTE, "Peta lokasi"), (OSM_PASTE, "Peta lokasi")],
                         ids=["google-maps", "openstreetmap"])
def test_a_pasted_frame_without_a_name_gets_one_for_screen_readers(make_site, paste, title):
    site, _ = build_article(make_site, f"Pembuka.\n\n{paste}\n")
    assert only_frame(article_body(site)).get("title") == title
