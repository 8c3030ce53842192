"""The built demo site as readers see it, in headless Chromium driven by Playwright.

``kimpress serve`` (what users run) serves a copy of the demo site on loopback; the
pages come from its ``sitemap.xml``. The tests check that

* at 360×740 no page scrolls horizontally;
* axe-core finds no serious or critical violation on the home page, a kelurahan,
  an article, a tag, a cek-fakta article and the search page ``/cari/``, at 360 and
  1280 px;
* search typed into ``/cari/`` finds an article by a word from its body only, and
  ``/cari/?q=word`` shows it on load;
* images in an article with a photo reserve their space and load lazily below the
  first screen;
* full-page screenshots of the home page and an article at 360 and 1280 px are saved
  (``$KIMPRESS_ARTIFACTS``, default ``test-artifacts/screenshots/``) for people to look at.

Playwright drives the system Chromium (``KIMPRESS_CHROMIUM`` may name it); no browser is
downloaded. Without Chromium or Playwright the tests are skipped, unless
``KIMPRESS_REQUIRE_CHROMIUM=1`` (as in CI). axe-core is read from ``KIMPRESS_AXE_JS``
(default ``.ci/node/node_modules/axe-core/axe.min.js``, where ``.ci/run`` installs it);
without it the axe tests are skipped, unless ``KIMPRESS_REQUIRE_AXE=1``.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import html5lib
import pytest
import yaml
from conftest import BROWSER_NAMES, find_browser, stop_process_group
from lxml import etree

pytestmark = pytest.mark.slow  # a kimpress serve and a headless Chromium

REPO = Path(__file__).resolve().parent.parent
DEFAULT_AXE_JS = REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"
DEFAULT_ARTIFACTS = REPO / "test-artifacts" / "screenshots"

PHONE = (360, 740)
DESKTOP = (1280, 800)
VIEWPORTS = {"360": PHONE, "1280": DESKTOP}
SEARCH_PATH = "/cari/"
ROLES = ("home", "kelurahan", "article", "tag", "cek-fakta", "search")

SERVER_START_SECONDS = 90.0
STOP_SECONDS = 15.0
ACTION_MS = 15_000
SEARCH_MS = 10_000
LIVE_MS = 3_000  # results shown while typing, before trying Enter
NO_RESULT = "zqxjvwkpfhgb"  # matches nothing, in any language

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy


# --- small helpers ---------------------------------------------------------------


def _required(variable: str) -> bool:
    return os.environ.get(variable, "").strip() not in ("", "0")


def _skip_or_fail(variable: str, reason: str):
    if _required(variable):
        pytest.fail(f"{variable} is set but {reason}")
    pytest.skip(f"{reason}; set {variable}=1 to make this a failure")


def _http_get(url: str, timeout: float = 10.0) -> bytes:
    with _OPENER.open(url, timeout=timeout) as response:
        return response.read()


def _parse(page: bytes):
    return html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _words(text: str) -> set[str]:
    """Lower-case words of letters only (no URLs, numbers or hyphenated pairs), as written."""
    found = set()
    for token in text.split():
        token = token.strip(".,;:!?()[]{}\"'“”‘’*_«»…")
        if re.fullmatch(r"[a-z]+", token):
            found.add(token)
    return found


FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _split_source(path: Path) -> tuple[dict, str]:
    """(front matter, Markdown body) of a content file."""
    text = path.read_text(encoding="utf-8-sig")
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    data = yaml.safe_load(match.group(1))
    return (data if isinstance(data, dict) else {}), text[match.end():]


# Front matter keys and the Indonesian spellings writers may use instead (kimpress.source.metadata).
FIELDS = {"title": ("title", "judul"), "category": ("category", "rubrik", "kategori"),
          "cover": ("cover", "sampul", "gambar")}


def _field(meta: dict, key: str) -> str:
    """A front matter field however it is spelled; "" when absent."""
    value = next((meta[name] for name in FIELDS[key] if meta.get(name) is not None), "")
    return " ".join(str(value).split())


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n" and header[12:16] == b"IHDR", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])




# JavaScript evaluated in the page.

OVERFLOW_JS = """() => ({
  innerWidth: window.innerWidth,
  html: document.documentElement.scrollWidth,
  body: document.body ? document.body.scrollWidth : 0,
})"""

# The widest elements sticking out on the right, outside any box that scrolls or clips them.
WIDE_ELEMENTS_JS = """() => {
  const limit = window.innerWidth + 1;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body && p !== document.documentElement; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right > limit && box.width > 0 && !clipped(el)) {
      const names = typeof el.className === 'string' ? el.className.trim() : '';
      const cls = names ? '.' + names.split(/\\s+/).join('.') : '';
      wide.push({
        element: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls,
        right: Math.round(box.right), width: Math.round(box.width),
        text: (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 60),
      });
    }
  }
  wide.sort((a, b) => b.right - a.right);
  return wide.slice(0, 8);
}"""

AXE_JS = "() => axe.run(document, {resultTypes: ['violations']})"

LINKS_TO = """(path) => Array.from(document.querySelectorAll('main a[href]')).some((a) =>
  new URL(a.href, location.href).pathname === path && a.getClientRects().length > 0)"""
SHOWS_LINK_JS = f"(path) => ({LINKS_TO})(path)"
HIDES_LINK_JS = f"(path) => !({LINKS_TO})(path)"

IMAGES_JS = """() => Array.from(document.querySelectorAll('main img')).map((img) => ({
  src: img.getAttribute('src') || img.currentSrc,
  width: img.getAttribute('width'), height: img.getAttribute('height'),
  alt: img.getAttribute('alt'), role: img.getAttribute('role'),
  loading: img.getAttribute('loading'),
  top: img.getBoundingClientRect().top + window.scrollY,
}))"""

LOAD_EVERY_IMAGE_JS = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
    window.scrollTo(0, y);
    await new Promise((done) => setTimeout(done, 30));
  }
  window.scrollTo(0, 0);
  await Promise.all(Array.from(document.images).map((img) => img.complete ? null
    : new Promise((done) => { img.onload = img.onerror = done; setTimeout(done, 3000); })));
}"""


# --- the browser -----------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Playwright's Chromium, the system binary; skipped without one unless KIMPRESS_REQUIRE_CHROMIUM."""
    executable = find_browser()
    if not executable:
        wanted = os.environ.get("KIMPRESS_CHROMIUM") or " or ".join(BROWSER_NAMES)
        _skip_or_fail("KIMPRESS_REQUIRE_CHROMIUM", f"no browser was found on PATH ({wanted})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("KIMPRESS_REQUIRE_CHROMIUM", "Playwright is not installed (pip install -e '.[test]')")
    home = tmp_path_factory.mktemp("chromium-home")  # keep ~/.pki and friends out of the real home
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            env={**os.environ, "HOME": str(home)})
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Tab:
    """A page in a fresh browser context, with what its scripts said."""

    page: object
    problems: list[str] = field(default_factory=list)

    def visit(self, url: str) -> int:
        """Load ``url``; its HTTP status (0 without a response)."""
        response = self.page.goto(url, wait_until="load")
        return response.status if response is not None else 0

    def open(self, url: str, role: str = ""):
        """Load ``url``, failing unless it answers 200; the Playwright page."""
        status = self.visit(url)
        if status != 200:
            what = f" (the {role} page)" if role else ""
            pytest.fail(f"{url}{what} answered HTTP {status or '(nothing)'}")
        return self.page

    def listen(self) -> None:
        def console(message) -> None:
            if message.type in ("error", "warning"):
                self.problems.append(f"console {message.type}: {message.text}")

        def response(answer) -> None:
            if answer.status >= 400:
                self.problems.append(f"HTTP {answer.status}: {answer.url}")

        self.page.on("console", console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("requestfailed", lambda request: self.problems.append(f"request failed: {request.url}"))
        self.page.on("response", response)

    def report(self) -> str:
        return "\n".join(self.problems[-20:]) or "(none)"


@pytest.fixture
def tab(browser):
    """tab((width, height)) opens a page with that viewport; every context is closed afterwards."""
    contexts = []

    def open_(viewport: tuple[int, int]) -> Tab:
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                      device_scale_factor=1, locale="id-ID")
        contexts.append(context)
        context.set_default_timeout(ACTION_MS)
        opened = Tab(context.new_page())
        opened.listen()
        return opened

    yield open_
    for context in contexts:
        context.close()


# --- the served demo site --------------------------------------------------------


@dataclass
class Article:
    path: str  # the URL path, "/kelurahan/slug/"
    source: Path
    title: str
    category: str
    tree: object


@dataclass
class Site:
    """The demo site as ``kimpress serve`` serves it, and the pages the tests look at."""

    base: str  # "http://127.0.0.1:PORT/"
    paths: list[str]  # every page of the sitemap, as URL paths
    trees: dict[str, object]  # path -> parsed HTML
    articles: list[Article]
    titles: str  # every title of the site, lower case

    def url(self, path: str) -> str:
        return self.base.rstrip("/") + path

    def photo_article(self) -> Article | None:
        """The article with the most images in ``main``, a cover photo first."""
        def images(article: Article) -> int:
            main = article.tree.find(".//main")
            return len(list(main.iter("img"))) if main is not None else 0
        with_photo = [a for a in self.articles if images(a)]
        covered = [a for a in with_photo if _field(_split_source(a.source)[0], "cover")]
        return max(covered or with_photo, key=images, default=None)

    def pick(self, role: str) -> str:
        """The URL path of the page that plays ``role``; fail, saying why, when there is none."""
        if role == "home":
            return "/"
        if role == "search":
            return SEARCH_PATH
        if role == "article":
            plain = [a for a in self.articles if a.category != "cek-fakta"]
            chosen = self.photo_article() or (plain[0] if plain else None)
            if chosen is None:
                pytest.fail("the sitemap lists no article (a page built from content/<kelurahan>/*.md)")
            return chosen.path
        if role == "cek-fakta":
            checks = [a for a in self.articles if a.category == "cek-fakta"]
            if not checks:
                pytest.fail("no article with `category: cek-fakta` under content/ is in the sitemap")
            return checks[0].path
        if role == "kelurahan":
            counts: dict[str, int] = {}
            for article in self.articles:
                parent = article.path.rstrip("/").rsplit("/", 1)[0] + "/"
                if parent in self.trees:
                    counts[parent] = counts.get(parent, 0) + 1
            if not counts:
                pytest.fail("no article's parent folder (its kelurahan page) is in the sitemap")
            return max(sorted(counts), key=counts.get)
        if role == "tag":
            tags = [path for path in self.paths if re.fullmatch(r"/tag/[^/]+/", path)]
            if not tags:
                pytest.fail("the sitemap lists no tag page (/tag/<tag>/)")
            return tags[0]
        raise ValueError(role)


def _copy_demo(target: Path) -> Path:
    """A copy of the repository's demo site (as test_browser.py makes it); the repository is never touched."""
    target.mkdir()
    shutil.copy2(REPO / "site.yaml", target / "site.yaml")
    shutil.copytree(REPO / "content", target / "content")
    if (REPO / "static").is_dir():
        shutil.copytree(REPO / "static", target / "static")
    config = yaml.safe_load((REPO / "site.yaml").read_text(encoding="utf-8-sig")) or {}
    if config.get("theme") and (REPO / "themes" / str(config["theme"])).is_dir():
        shutil.copytree(REPO / "themes", target / "themes")
    return target


URL_LINE = re.compile(r"(?:Pratinjau|Preview): (http://\S+)")


def _start_serve(site: Path, scratch: Path) -> tuple[subprocess.Popen, str, object]:
    """``kimpress serve site --port 0``; (process, its URL, its stderr file)."""
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env.update(LANG="C.UTF-8", PYTHONUNBUFFERED="1", XDG_CACHE_HOME=str(scratch / "cache"))
    errors = (scratch / "serve-stderr.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "kimpress", "serve", str(site), "--port", "0", "--host", "127.0.0.1"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors, text=True, encoding="utf-8",
        errors="replace", env=env, start_new_session=True)
    lines: list[str] = []
    found = threading.Event()

    def read() -> None:  # keeps draining stdout for as long as the server runs
        for line in process.stdout:
            lines.append(line)
            if URL_LINE.search(line):
                found.set()
        found.set()

    threading.Thread(target=read, name="kimpress-serve-stdout", daemon=True).start()
    url = None
    if found.wait(SERVER_START_SECONDS):
        url = next((URL_LINE.search(line).group(1) for line in lines if URL_LINE.search(line)), None)
    if not url:
        stop_process_group(process, STOP_SECONDS)
        errors.close()
        pytest.fail(f"kimpress serve printed no URL (exit status {process.poll()}):\n{''.join(lines)}\n"
                    f"{(scratch / 'serve-stderr.log').read_text(errors='replace')}")
    return process, url, errors


def _sitemap_paths(base: str, errors: Path) -> list[str]:
    """The URL paths of the served sitemap, checked to point at the server itself."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while True:
        try:
            sitemap = _http_get(base.rstrip("/") + "/sitemap.xml")
            break
        except urllib.error.HTTPError as error:  # the build failed: the server shows its problems
            problems = errors.read_text(encoding="utf-8", errors="replace")
            pytest.fail(f"kimpress serve could not build the demo site (sitemap.xml: HTTP {error.code}):\n"
                        f"{problems[-4000:]}")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    locations = etree.fromstring(sitemap).iterfind("{http://www.sitemaps.org/schemas/sitemap/0.9}url/"
                                                   "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    paths = []
    for loc in locations:
        parts = urlsplit(loc.text.strip())
        assert f"{parts.scheme}://{parts.netloc}/" == base, f"the sitemap of {base} lists {loc.text}"
        paths.append(parts.path or "/")
    assert "/" in paths, f"the sitemap of {base} lacks the home page"
    return paths


def _articles(site_dir: Path, trees: dict[str, object]) -> list[Article]:
    """Every published article: a content/<kelurahan>/*.md file matched by its title to a page's <h1>
    (the same text, or the shortest <h1> holding it, as "[HOAKS] Title" does)."""
    config = yaml.safe_load((site_dir / "site.yaml").read_text(encoding="utf-8-sig")) or {}
    default_category = (config.get("defaults") or {}).get("category", "")
    headings: dict[str, str] = {}  # path -> <h1> text
    for path, tree in trees.items():
        main = tree.find(".//main")
        heading = main.find(".//h1") if main is not None else None
        if heading is not None:
            headings[path] = _text(heading)
    found = []
    for source in sorted((site_dir / "content").glob("*/*.md")):
        if source.name.startswith("_"):
            continue
        meta, _ = _split_source(source)
        title = _field(meta, "title")
        holding = sorted((len(heading) - len(title), path) for path, heading in headings.items()
                         if title and title in heading)
        if holding:
            path = holding[0][1]
            found.append(Article(path, source, title, _field(meta, "category") or default_category, trees[path]))
    return found


def _titles(site_dir: Path, trees: dict[str, object]) -> str:
    """Every title: each page's <title> and <h1>, and each content file's front matter title."""
    titles = []
    for tree in trees.values():
        for element in (tree.find(".//title"), tree.find(".//h1")):
            if element is not None:
                titles.append(_text(element))
    for source in (site_dir / "content").rglob("*.md"):
        titles.append(_field(_split_source(source)[0], "title"))
    return "\n".join(titles).lower()


@pytest.fixture(scope="module")
def site(browser, tmp_path_factory) -> Site:
    """The demo site served by ``kimpress serve`` on loopback; the server is stopped afterwards."""
    scratch = tmp_path_factory.mktemp("reader")
    demo = _copy_demo(scratch / "demo")
    process, base, errors = _start_serve(demo, scratch)
    try:
        paths = _sitemap_paths(base, scratch / "serve-stderr.log")
        trees = {path: _parse(_http_get(base.rstrip("/") + path)) for path in paths}
        yield Site(base, paths, trees, _articles(demo, trees), _titles(demo, trees))
    finally:
        stop_process_group(process, STOP_SECONDS)
        process.stdout.close()
        errors.close()


# --- choosing a word only an article's body holds --------------------------------


def _body_text(tree) -> str:
    """The article's own text: its <article> (or <main>) without header, footer, navigation and asides."""
    main = tree.find(".//main")
    root = main.find(".//article") if main is not None and main.find(".//article") is not None else main
    if root is None:
        return ""
    root = copy.deepcopy(root)  # the site's parsed pages stay whole
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in ("header", "footer", "nav", "aside", "script", "style", "h1"):
                parent.remove(child)
    return _text(root)


def search_word(site: Site) -> tuple[str, Article]:
    """A word of 7+ letters in one article's body (its Markdown and its page) and nowhere else that counts:
    no title, not its summary, tags or other front matter, no other article's page."""
    texts = {article.path: _text(article.tree.find(".//main")).lower() for article in site.articles}
    for article in site.articles:
        meta, body = _split_source(article.source)
        description = article.tree.find(".//meta[@name='description']")
        elsewhere = "\n".join([site.titles, yaml.safe_dump(meta, allow_unicode=True).lower(),
                               (description.get("content", "") if description is not None else "").lower()])
        others = [text for path, text in texts.items() if path != article.path]
        candidates = sorted(word for word in _words(body) & _words(_body_text(article.tree))
                            if len(word) >= 7 and word not in elsewhere and not any(word in t for t in others))
        if candidates:
            return max(candidates, key=len), article
    pytest.fail("no article of the demo site has a word of 7+ letters found only in its body")


def _search_box(tab: Tab):
    box = tab.page.locator("main input[type=search], main input[name=q], main [role=searchbox]")
    if box.count() == 0:
        box = tab.page.locator("input[type=search], input[name=q], [role=searchbox]")
    if box.count() == 0:
        pytest.fail(f"{SEARCH_PATH} has no search box (input[type=search], input[name=q] or role=searchbox)")
    return box.first


def _waits_for(tab: Tab, script: str, path: str, timeout_ms: float) -> bool:
    """Whether ``script(path)`` comes true in the page within ``timeout_ms``."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        tab.page.wait_for_function(script, arg=path, timeout=timeout_ms)
        return True
    except PlaywrightError:  # a timeout, or the page navigated away meanwhile
        return False


def _type_search(tab: Tab, query: str, script: str, path: str) -> bool:
    """Type ``query`` into the search box key by key, as a reader does, and wait for ``script(path)``:
    first as results appear while typing, then after Enter (a form that searches on submit)."""
    box = _search_box(tab)
    box.fill("")
    box.click()
    tab.page.keyboard.type(query, delay=30)  # real key presses, not a value set by script
    if _waits_for(tab, script, path, LIVE_MS):
        return True
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_timeout(300)
    tab.page.wait_for_load_state("load")
    return _waits_for(tab, script, path, SEARCH_MS)


def _no_result_message(tab: Tab, article: Article, word: str, how: str) -> str:
    shown = tab.page.evaluate("() => (document.querySelector('main') || document.body).innerText")
    return (f"{how}: no visible link to {article.path} ({article.title!r}) in <main> for {word!r}, a word "
            f"only its body holds.\n<main> of {tab.page.url} shows:\n{shown[:1500]}\n"
            f"scripts and requests:\n{tab.report()}")


# --- the tests -------------------------------------------------------------------


def test_no_page_scrolls_horizontally_on_a_phone(site, tab):
    phone = tab(PHONE)
    paths = list(dict.fromkeys(site.paths + [SEARCH_PATH]))  # the search page may stay out of the sitemap
    failures = []
    for path in paths:
        status = phone.visit(site.url(path))
        if status != 200:
            if path in site.paths:  # a missing search page is reported by its own tests
                failures.append(f"{path}: HTTP {status or '(nothing)'}")
            continue
        widths = phone.page.evaluate(OVERFLOW_JS)
        if max(widths["html"], widths["body"]) > widths["innerWidth"]:
            wide = phone.page.evaluate(WIDE_ELEMENTS_JS)
            listed = "\n".join(f"    {w['element']} right={w['right']} width={w['width']} {w['text']!r}"
                               for w in wide) or "    (no single element: look for negative margins or transforms)"
            failures.append(f"{path}: scrollWidth html={widths['html']} body={widths['body']} > "
                            f"innerWidth={widths['innerWidth']}; widest elements:\n{listed}")
    if failures:
        pytest.fail(f"{len(failures)} of {len(paths)} pages scroll horizontally at {PHONE[0]}×{PHONE[1]}:\n"
                    + "\n".join(failures), pytrace=False)


@pytest.fixture(scope="module")
def axe_js() -> Path:
    path = Path(os.environ.get("KIMPRESS_AXE_JS") or DEFAULT_AXE_JS)
    if not path.is_file():
        _skip_or_fail("KIMPRESS_REQUIRE_AXE", f"axe-core is not installed ({path}; "
                      "npm install --prefix .ci/node axe-core@4, or set KIMPRESS_AXE_JS)")
    return path


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("role", ROLES)
def test_axe_finds_no_serious_violation(site, tab, axe_js, role, viewport):
    path = site.pick(role)
    page = tab(VIEWPORTS[viewport]).open(site.url(path), role)
    page.add_script_tag(path=str(axe_js))
    results = page.evaluate(AXE_JS)
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    lines = []
    for violation in serious:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        more = f" (+{len(targets) - 6} more)" if len(targets) > 6 else ""
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})\n"
                     f"      on {', '.join(targets[:6])}{more}")
    if serious:
        pytest.fail(f"axe-core {results.get('testEngine', {}).get('version', '')}: {len(serious)} serious or "
                    f"critical violation(s) on the {role} page {path} at {viewport} px:\n" + "\n".join(lines),
                    pytrace=False)


def test_search_typed_into_the_page_finds_an_article_by_a_body_word(site, tab):
    word, article = search_word(site)
    searching = tab(PHONE)
    searching.open(site.url(SEARCH_PATH), "search")
    assert _type_search(searching, word, SHOWS_LINK_JS, article.path), _no_result_message(
        searching, article, word, f"typing into {SEARCH_PATH}")

    # Negative control: the link is there because of the word, not on every search.
    assert _type_search(searching, NO_RESULT, HIDES_LINK_JS, article.path), (
        f"the link to {article.path} stays visible after typing {NO_RESULT!r}, a word no page has")


def test_search_page_shows_results_for_the_query_in_its_address(site, tab):
    word, article = search_word(site)
    searching = tab(PHONE)
    searching.open(site.url(f"{SEARCH_PATH}?q={quote(word)}"), "search")
    assert _waits_for(searching, SHOWS_LINK_JS, article.path, SEARCH_MS), _no_result_message(
        searching, article, word, f"opening {SEARCH_PATH}?q={word}")


def test_article_images_reserve_their_space_and_load_lazily_below_the_first_screen(site, tab):
    article = site.photo_article()
    if article is None:
        pytest.fail("no article of the demo site has an <img> in <main>")
    page = tab(PHONE).open(site.url(article.path))
    images = page.evaluate(IMAGES_JS)
    problems = []
    for number, image in enumerate(images, 1):
        name = f"<img> {number} ({image['src']})"
        if not (str(image["width"] or "").isdigit() and str(image["height"] or "").isdigit()):
            problems.append(f"{name}: width={image['width']!r} height={image['height']!r} (both needed, in pixels)")
        # alt="" marks a decorative picture (a thumbnail beside its own linked title); no alt at all is the fault.
        decorative = image["alt"] == "" and image["role"] in (None, "", "presentation", "none")
        if not (image["alt"] or "").strip() and not decorative:
            problems.append(f"{name}: alt={image['alt']!r} (a description, or alt=\"\" for a decorative one)")
        if image["top"] >= PHONE[1] and image["loading"] != "lazy":
            problems.append(f"{name}: {image['top']:.0f} px down, below the first screen, "
                            f"but loading={image['loading']!r}, not 'lazy'")
    if problems:
        pytest.fail(f"images in <main> of {article.path} at {PHONE[0]}×{PHONE[1]}:\n  " + "\n  ".join(problems),
                    pytrace=False)


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("KIMPRESS_ARTIFACTS") or DEFAULT_ARTIFACTS)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("role", ("home", "article"))
def test_screenshots_are_saved(site, tab, artifacts, role, viewport):
    width, height = VIEWPORTS[viewport]
    page = tab((width, height)).open(site.url(site.pick(role)))
    page.evaluate(LOAD_EVERY_IMAGE_JS)  # lazy images too, so the full page shows them
    target = artifacts / f"{role}-{viewport}.png"
    target.unlink(missing_ok=True)
    page.screenshot(path=str(target), full_page=True)

    assert target.is_file(), f"no screenshot at {target}"
    shot_width, shot_height = _png_size(target)
    assert shot_width == width, f"{target} is {shot_width} px wide, not {width}"
    assert shot_height >= height, f"{target} is {shot_height} px high, less than the {height} px viewport"
    assert target.stat().st_size > 5_000, f"{target} is only {target.stat().st_size} bytes"
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(target) as image:
        extremes = image.convert("L").getextrema()
    assert extremes[1] - extremes[0] > 64, f"{target} is nearly one flat colour {extremes}"
