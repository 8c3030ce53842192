"""Live reload in a real browser: ``kimpress serve`` on a copy of the demo site,
headless Chromium on one article, an edit of that article's title, and the open
page reloading by itself to show the new title.

The browser is watched only through Chrome's DevTools HTTP endpoint
(``/json/list``): the test never navigates, so a new title in the same tab can
only come from the page's own live-reload script fetching the page again.

Without Chromium the test is skipped, unless ``KIMPRESS_REQUIRE_CHROMIUM=1``
(as in CI), where a missing browser is a failure. ``KIMPRESS_CHROMIUM`` may
name the browser binary.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import html5lib
import pytest
import yaml
from conftest import BROWSER_NAMES, find_browser, stop_process_group

pytestmark = pytest.mark.slow  # a headless Chromium: seconds per test

REPO = Path(__file__).resolve().parent.parent

SERVER_START_SECONDS = 90.0  # the first full build of the demo site on a slow, busy machine
BROWSER_START_SECONDS = 60.0
PAGE_LOAD_SECONDS = 60.0
RELOAD_SECONDS = 20.0
STOP_SECONDS = 15.0
POLL = 0.1

# Loopback only, never through a proxy from the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _http_get(url: str, timeout: float = 10.0) -> bytes:
    with _OPENER.open(url, timeout=timeout) as response:
        return response.read()


def _wait_until(predicate, timeout: float, describe) -> object:
    """Poll ``predicate`` until it returns something true; fail with ``describe()`` after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {describe()}")
        time.sleep(POLL)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(nothing)"


# --- the browser -----------------------------------------------------------------


@pytest.fixture
def chromium() -> str:
    """The Chromium binary; skip without one unless KIMPRESS_REQUIRE_CHROMIUM is set."""
    found = find_browser()
    if found:
        return found
    wanted = os.environ.get("KIMPRESS_CHROMIUM") or " or ".join(BROWSER_NAMES)
    if os.environ.get("KIMPRESS_REQUIRE_CHROMIUM", "").strip() not in ("", "0"):
        pytest.fail(f"KIMPRESS_REQUIRE_CHROMIUM is set but no browser was found on PATH ({wanted})")
    pytest.skip(f"headless browser test: Chromium is not installed ({wanted} not on PATH); "
                "set KIMPRESS_REQUIRE_CHROMIUM=1 to make this a failure")




@dataclass
class Browser:
    """A headless Chromium and the DevTools HTTP endpoint that watches it."""

    process: subprocess.Popen
    profile: Path
    log: Path
    port: int = 0

    def _port(self) -> int:
        try:
            first = (self.profile / "DevToolsActivePort").read_text(encoding="ascii").splitlines()[0]
        except (OSError, IndexError, UnicodeDecodeError):
            return 0
        return int(first) if first.strip().isdigit() else 0

    def wait_for_devtools(self) -> None:
        def ready() -> int:
            if self.process.poll() is not None:
                pytest.fail(f"Chromium exited with {self.process.returncode}:\n{_tail(self.log)}")
            return self._port()

        self.port = _wait_until(ready, BROWSER_START_SECONDS,
                                lambda: f"Chromium's DevToolsActivePort; its log:\n{_tail(self.log)}")

    def pages(self) -> list[dict]:
        """The page targets (tabs) as DevTools lists them; empty while it does not answer."""
        try:
            targets = json.loads(_http_get(f"http://127.0.0.1:{self.port}/json/list", timeout=5))
        except (OSError, ValueError):
            return []
        return [target for target in targets if target.get("type") == "page"]


@pytest.fixture
def browser(chromium: str, tmp_path: Path):
    """open(url) starts headless Chromium on ``url``; the whole process group is killed afterwards."""
    started: list[Browser] = []
    files = []

    def open_(url: str) -> Browser:
        profile = tmp_path / "chromium-profile"
        home = tmp_path / "chromium-home"  # keep ~/.pki and friends out of the real home
        profile.mkdir()
        home.mkdir()
        log = tmp_path / "chromium.log"
        output = log.open("wb")
        files.append(output)
        command = [
            chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-proxy-server",
            "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows", "--mute-audio",
            f"--user-data-dir={profile}", "--remote-debugging-port=0", url,
        ]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, "HOME": str(home)}, start_new_session=True)
        opened = Browser(process, profile, log)
        started.append(opened)
        opened.wait_for_devtools()
        return opened

    try:
        yield open_
    finally:
        for opened in started:
            stop_process_group(opened.process, STOP_SECONDS)
        for output in files:
            output.close()


# --- the preview server ----------------------------------------------------------


@dataclass
class Server:
    """``kimpress serve`` in a subprocess; its stdout gathered line by line."""

    process: subprocess.Popen
    errors: Path
    lines: list[str] = field(default_factory=list)
    url: str = ""

    def output(self) -> str:
        return "".join(self.lines) + "\n[stderr]\n" + _tail(self.errors)

    def stop(self) -> int:
        """SIGTERM, as a terminal or a service manager would; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=STOP_SECONDS)
            pytest.fail(f"kimpress serve ignored SIGTERM for {STOP_SECONDS:.0f} s:\n{self.output()}")


URL_LINE = re.compile(r"(?:Pratinjau|Preview): (http://\S+)")


@pytest.fixture
def serve(tmp_path: Path):
    """serve(site) starts ``kimpress serve site --port 0`` and waits for its URL."""
    started: list[tuple[Server, threading.Thread]] = []
    files = []

    def start(site: Path) -> Server:
        errors = tmp_path / "serve-stderr.log"
        error_file = errors.open("wb")
        files.append(error_file)
        process = subprocess.Popen(
            [sys.executable, "-m", "kimpress", "serve", str(site), "--port", "0", "--host", "127.0.0.1"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=error_file,
            text=True, encoding="utf-8", errors="replace", env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        server = Server(process, errors)
        found = threading.Event()

        def read() -> None:
            for line in process.stdout:
                server.lines.append(line)
                match = URL_LINE.search(line)
                if match and not server.url:
                    server.url = match.group(1)
                    found.set()
            found.set()  # the output ended: the server is gone

        reader = threading.Thread(target=read, name="kimpress-serve-stdout", daemon=True)
        reader.start()
        started.append((server, reader))
        if not found.wait(SERVER_START_SECONDS) or not server.url:
            pytest.fail(f"kimpress serve printed no URL (exit status {process.poll()}):\n{server.output()}")
        return server

    try:
        yield start
    finally:
        for server, reader in started:
            if server.process.poll() is None:
                server.process.send_signal(signal.SIGTERM)
                try:
                    server.process.wait(timeout=STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    server.process.kill()
                    server.process.wait(timeout=STOP_SECONDS)
            reader.join(timeout=STOP_SECONDS)
            server.process.stdout.close()
        for error_file in files:
            error_file.close()


# --- the demo site ---------------------------------------------------------------


@pytest.fixture
def demo_site(tmp_path: Path) -> Path:
    """A copy of the repository's demo site; the repository itself is never touched."""
    site = tmp_path / "demo"
    site.mkdir()
    shutil.copy2(REPO / "site.yaml", site / "site.yaml")
    shutil.copytree(REPO / "content", site / "content")
    if (REPO / "static").is_dir():
        shutil.copytree(REPO / "static", site / "static")
    config = yaml.safe_load((REPO / "site.yaml").read_text(encoding="utf-8-sig")) or {}
    theme = config.get("theme")
    if theme and (REPO / "themes" / str(theme)).is_dir():
        shutil.copytree(REPO / "themes", site / "themes")
    return site


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.DOTALL)
TITLE_LINE = re.compile(r"^title:.*$", re.MULTILINE)


def _front_matter_title(path: Path) -> str | None:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8-sig"))
    if not match or len(TITLE_LINE.findall(match.group(1))) != 1:
        return None
    data = yaml.safe_load(match.group(1))
    title = data.get("title") if isinstance(data, dict) else None
    return title.strip() if isinstance(title, str) else None


def _parse(page: bytes):
    return html5lib.parse(page, treebuilder="etree", namespaceHTMLElements=False)


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def _page_title(page: bytes) -> str:
    title = _parse(page).find(".//title")
    assert title is not None, "the page has no <title>"
    return _text(title)


def pick_article(site: Path, base_url: str) -> tuple[Path, str, str]:
    """An article linked from the home page: (its Markdown file, its URL, its title)."""
    home = _parse(_http_get(base_url))
    links: dict[str, str] = {}
    for anchor in home.iter("a"):
        href = anchor.get("href")
        if href and urlsplit(urljoin(base_url, href)).netloc == urlsplit(base_url).netloc:
            links.setdefault(_text(anchor), urljoin(base_url, href))
    articles = sorted((site / "content").glob("*/*.md"), key=lambda path: path.name, reverse=True)
    for source in articles:  # newest first: those are on the home page
        if source.name.startswith("_"):
            continue
        title = _front_matter_title(source)
        if title and title in links:
            return source, links[title], title
    pytest.fail(f"no article of {site / 'content'} is linked by its title from the home page {base_url}")


def retitle(source: Path, title: str) -> None:
    """Give the article ``source`` a new title, as a writer saving in an editor would."""
    text = source.read_text(encoding="utf-8-sig")
    match = FRONT_MATTER.match(text)
    assert match, source
    front = TITLE_LINE.sub(lambda _: f"title: {title}", match.group(1), count=1)
    source.write_text(text[:match.start(1)] + front + text[match.end(1):], encoding="utf-8")


# --- the test --------------------------------------------------------------------


def test_open_page_reloads_itself_and_shows_the_edited_title(demo_site, serve, browser):
    server = serve(demo_site)
    source, article_url, old_title = pick_article(demo_site, server.url)
    served = _http_get(article_url)
    assert b'id="kimpress-live-reload"' in served, "the served article lacks the live-reload script"
    old_page_title = _page_title(served)
    assert old_title in old_page_title

    chrome = browser(article_url)

    def describe(wanted: str):
        return lambda: (f"the tab's title to become {wanted!r}; DevTools pages: {chrome.pages()!r}\n"
                        f"kimpress serve said:\n{server.output()}\nChromium log:\n{_tail(chrome.log)}")

    def tab_titled(predicate):
        def check():
            pages = [page for page in chrome.pages() if page.get("url") == article_url]
            if len(pages) == 1 and predicate(pages[0]):
                return pages[0]
            return None
        return check

    # Negative control: loaded, and showing the old title, before anything changes.
    before = _wait_until(tab_titled(lambda page: page.get("title") == old_page_title), PAGE_LOAD_SECONDS,
                         describe(old_page_title))
    assert len(chrome.pages()) == 1

    new_title = f"Judul Uji Muat Ulang {secrets.token_hex(4)}"
    assert new_title not in old_page_title
    retitle(source, new_title)

    # Only the page's own script can bring the new title: the test never navigates.
    after = _wait_until(tab_titled(lambda page: new_title in page.get("title", "")), RELOAD_SECONDS,
                        describe(new_title))
    assert after["id"] == before["id"], "the new title must show in the same tab, not in a new one"
    assert after["url"] == article_url
    assert [page["id"] for page in chrome.pages()] == [before["id"]]
    assert after["title"] == _page_title(_http_get(article_url)), "the tab must show the page as served now"
    assert old_title not in after["title"]

    # The preview stops cleanly on SIGTERM even with the browser's event stream still open.
    assert server.stop() == 0, server.output()
