"""The web editor at /admin/ in headless Chromium, against a local git backend, as a volunteer uses it.

A tiny site is made a git repository; ``decap-server`` (from npm) serves it on loopback in its
git mode, which has the editorial workflow; a loopback HTTP server serves the built site and the
Decap CMS script from its npm package (``admin.script`` names it, ``admin.local_backend`` the
server). In Chromium at 360×740 in the WITA zone, the tests log in with the local backend's button,
see every kelurahan of the registry listed, and write an article with a cover photo: saved, it is
a draft on a ``cms/…`` branch; set ready and published, it is merged into ``main``, and
``kimpress build`` publishes it. Screenshots of the editor at 360 px are saved
(``$KIMPRESS_ARTIFACTS``, default ``test-artifacts/screenshots/``).

The CMS script is read from ``KIMPRESS_DECAP_JS`` (default
``.ci/node/node_modules/decap-cms/dist/decap-cms.js``; its folder is served, since the script loads
its chunks from beside it) and decap-server from ``KIMPRESS_DECAP_SERVER`` (default
``.ci/node/node_modules/decap-server/dist/index.js``), where ``.ci/run`` installs them; without
them, Node, git, Chromium or Playwright the tests are skipped, unless ``KIMPRESS_REQUIRE_DECAP=1``
(or ``KIMPRESS_REQUIRE_CHROMIUM=1`` for the browser).
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from conftest import BROWSER_NAMES, build_site, find_browser, parse_html, stop_process_group, write_files
from PIL import Image

pytestmark = pytest.mark.slow  # a decap-server, an HTTP server and a headless Chromium

REPO = Path(__file__).resolve().parent.parent
NODE_MODULES = REPO / ".ci" / "node" / "node_modules"
DEFAULT_DECAP_JS = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
DEFAULT_DECAP_SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
DEFAULT_ARTIFACTS = REPO / "test-artifacts" / "screenshots"
PHONE = {"width": 360, "height": 740}
ACTION_MS = 20_000
START_SECONDS = 30.0
STOP_SECONDS = 10.0
TITLE = "Kerja Bakti Warga Satimpo"
SLUG = "kerja-bakti-warga-satimpo"
KELURAHAN = {"satimpo": "Satimpo", "tanjung-laut": "Tanjung Laut", "api-api": "Api-Api"}
GIT_ENV = {"GIT_AUTHOR_NAME": "Relawan KIM", "GIT_AUTHOR_EMAIL": "relawan@kim-uji.id",
           "GIT_COMMITTER_NAME": "Relawan KIM", "GIT_COMMITTER_EMAIL": "relawan@kim-uji.id",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback, never a proxy

SITE_YAML = """\
title: Kabar Uji
base_url: https://kim-uji.id/
timezone: Asia/Makassar
categories: {{berita: Berita, cek-fakta: Cek Fakta}}
defaults: {{category: berita}}
wilayah:
  bontang-selatan:
    name: Bontang Selatan
    kelurahan:
      satimpo: {{name: Satimpo}}
      tanjung-laut: {{name: Tanjung Laut}}
  bontang-utara:
    name: Bontang Utara
    kelurahan:
      api-api: {{name: Api-Api}}
admin:
  repo: kim-uji/kabar
  script: /_decap/decap-cms.js
  local_backend: {proxy}
"""
OLD_ARTICLE = "---\ntitle: Halo Satimpo\ndate: 2024-05-01 09:30\ncategory: berita\n---\nIsi lama.\n"


def _required(variable: str) -> bool:
    return os.environ.get(variable, "").strip() not in ("", "0")


def _skip_or_fail(variable: str, reason: str):
    if _required(variable):
        pytest.fail(f"{variable} is set but {reason}")
    pytest.skip(f"{reason}; set {variable}=1 to make this a failure")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _git(site: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=site, env={**os.environ, **GIT_ENV}, capture_output=True, text=True,
                          check=True)
    return done.stdout




class _Handler(http.server.SimpleHTTPRequestHandler):
    """The built site, and the CMS script's folder at /_decap/."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml",
                      ".js": "text/javascript", ".wasm": "application/wasm"}

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith("/_decap/"):
            return str(self.server.decap_dir / path[len("/_decap/"):])  # type: ignore[attr-defined]
        return str(self.server.site_root / path.lstrip("/"))  # type: ignore[attr-defined]

    def log_message(self, *args) -> None:
        pass


@dataclass
class Editor:
    site: Path
    url: str  # the editor's page, /admin/
    server_log: Path


@pytest.fixture(scope="module")
def decap() -> tuple[Path, Path]:
    """(decap-cms.js, decap-server's script), or a skip (a failure with KIMPRESS_REQUIRE_DECAP)."""
    script = Path(os.environ.get("KIMPRESS_DECAP_JS") or DEFAULT_DECAP_JS)
    server = Path(os.environ.get("KIMPRESS_DECAP_SERVER") or DEFAULT_DECAP_SERVER)
    for path, name in ((script, "KIMPRESS_DECAP_JS"), (server, "KIMPRESS_DECAP_SERVER")):
        if not path.is_file():
            _skip_or_fail("KIMPRESS_REQUIRE_DECAP", f"{path} is missing (npm install --prefix .ci/node decap-cms@3 "
                                                    f"decap-server@3, or set {name})")
    for program in ("node", "git"):
        if shutil.which(program) is None:
            _skip_or_fail("KIMPRESS_REQUIRE_DECAP", f"{program} is not on PATH")
    return script, server


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = find_browser()
    if not executable:
        wanted = os.environ.get("KIMPRESS_CHROMIUM") or " or ".join(BROWSER_NAMES)
        _skip_or_fail("KIMPRESS_REQUIRE_CHROMIUM", f"no browser was found on PATH ({wanted})")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("KIMPRESS_REQUIRE_CHROMIUM", "Playwright is not installed (pip install -e '.[test]')")
    home = tmp_path_factory.mktemp("chromium-home")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            env={**os.environ, "HOME": str(home)})
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def editor(decap, tmp_path_factory):
    """The site as a git repository, decap-server on it, and the built site served with the CMS script."""
    script, server_script = decap
    scratch = tmp_path_factory.mktemp("admin-browser")
    site = scratch / "site"
    port = _free_port()
    write_files(site, {"site.yaml": SITE_YAML.format(proxy=f"http://127.0.0.1:{port}/api/v1"),
                       "content/satimpo/2024-05-01-halo-satimpo.md": OLD_ARTICLE,
                       "content/satimpo/_index.md": "---\nname: Satimpo\nkim: KIM Satimpo\n---\nProfil.\n",
                       ".gitignore": "/output/\n"})
    _git(site, "init", "-q", "-b", "main")
    _git(site, "add", "-A")
    _git(site, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "Situs awal")
    build_site(site, now=datetime.now(timezone.utc))

    log = scratch / "decap-server.log"
    env = {**os.environ, **GIT_ENV, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "git",
           "GIT_REPO_DIRECTORY": str(site), "LOG_LEVEL": "info"}
    with log.open("wb") as sink:  # cwd: the scratch folder, so no stray .env is read
        process = subprocess.Popen(["node", str(server_script)], cwd=scratch, env=env, stdout=sink,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.decap_dir = script.parent  # type: ignore[attr-defined]
    httpd.site_root = site / "output"  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        _wait_for_proxy(port, process, log)
        yield Editor(site, f"http://127.0.0.1:{httpd.server_address[1]}/admin/", log)
    finally:
        httpd.shutdown()
        httpd.server_close()
        stop_process_group(process, STOP_SECONDS)


def _wait_for_proxy(port: int, process: subprocess.Popen, log: Path) -> None:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1", data=json.dumps({"action": "info"}).encode(),
                                     headers={"Content-Type": "application/json"})
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"decap-server stopped (exit {process.returncode}):\n{log.read_text(errors='replace')}")
        try:
            with _OPENER.open(request, timeout=2) as answer:
                info = json.load(answer)
            if "editorial_workflow" in info.get("publish_modes", ()):
                return
            pytest.fail(f"decap-server in git mode offers no editorial workflow: {info}")
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"decap-server did not answer in {START_SECONDS:.0f} s:\n{log.read_text(errors='replace')}")


@pytest.fixture
def page(browser):
    """A phone-sized page in the WITA zone; dialogs (Decap's "publish this entry?") are accepted."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="id-ID",
                                  timezone_id="Asia/Makassar")
    context.set_default_timeout(ACTION_MS)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("dialog", lambda dialog: dialog.accept())
    opened.errors = errors
    yield opened
    context.close()


@pytest.fixture(scope="module")
def artifacts() -> Path:
    folder = Path(os.environ.get("KIMPRESS_ARTIFACTS") or DEFAULT_ARTIFACTS)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _log_in(page, editor: Editor) -> None:
    page.goto(editor.url, wait_until="load")
    page.get_by_role("button", name="Login").click()  # the local backend's login: no account needed
    page.get_by_role("link", name=KELURAHAN["satimpo"], exact=True).first.wait_for()


def _scroll_width(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth")


def test_the_editor_lists_every_kelurahan_of_the_registry(editor, page, artifacts):
    _log_in(page, editor)
    for slug, name in KELURAHAN.items():
        link = page.locator(f'a[href$="/collections/{slug}"]')
        assert link.count() == 1 and link.inner_text().strip() == name, slug
    page.get_by_text("Halo Satimpo").wait_for()  # the articles already in the folder are listed
    page.get_by_text("Kecamatan Bontang Selatan").wait_for()
    target = artifacts / "admin-360.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size > 5_000
    assert _scroll_width(page) <= PHONE["width"]
    assert page.errors == []


def test_an_article_written_in_the_editor_is_published_through_the_workflow(editor, page, artifacts, tmp_path):
    photo = tmp_path / "foto.jpg"
    Image.new("RGB", (96, 64), (200, 30, 30)).save(photo, "JPEG")
    _log_in(page, editor)
    page.locator('a[href$="/collections/satimpo/new"]').click()
    page.locator("input[id^=title-field]").fill(TITLE)
    page.locator("input[id^=tags-field]").fill("kebersihan, warga")
    page.get_by_role("button", name="Choose an image").click()
    page.locator("input[type=file]").set_input_files(str(photo))
    page.get_by_role("button", name="Choose selected").click()
    page.locator("input[id^=cover_alt-field]").fill("Saluran air yang dibersihkan")
    page.locator("[contenteditable=true]").click()
    page.keyboard.type("Warga Satimpo bergotong royong membersihkan saluran air.")
    assert _scroll_width(page) <= PHONE["width"], "the editor scrolls sideways on a phone"
    page.screenshot(path=str(artifacts / "admin-editor-360.png"))

    # Saved: a draft, on a branch of its own; nothing is published yet.
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("button", name="Status: Draft").wait_for()
    stem = f"content/satimpo/{_file_stem(editor.site)}"
    assert f"cms/satimpo/{stem.rsplit('/', 1)[1]}" in _git(editor.site, "branch", "--list", "cms/*")
    assert not (editor.site / f"{stem}.md").exists()

    # Ready, then published: merged into main.
    page.get_by_role("button", name="Status: Draft").click()
    page.get_by_role("menuitem", name="Ready").click()
    page.get_by_role("button", name="Status: Ready").wait_for()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_role("menuitem", name="Publish now").click()
    page.get_by_text("Entry published").wait_for()
    assert page.errors == []
    source = editor.site / f"{stem}.md"
    _wait_for(source)
    assert f"{stem}.md" in _git(editor.site, "ls-files")  # committed on main, not only written

    meta = yaml.safe_load(source.read_text(encoding="utf-8").split("---")[1])
    assert meta["title"] == TITLE and meta["category"] == "berita" and meta["tags"] == ["kebersihan", "warga"]
    assert meta["cover"] == "foto.jpg" and (editor.site / stem / "foto.jpg").is_file()  # in the article's folder
    assert isinstance(meta["date"], str) and len(meta["date"]) == 16  # "2026-12-02 09:30": site time, no offset

    result = build_site(editor.site, now=datetime.now(timezone.utc))
    published = {article.title: article for article in result.site.articles}
    assert published[TITLE].url == f"/satimpo/{SLUG}/" and published[TITLE].cover_url == f"/satimpo/{SLUG}/foto.jpg"
    built = parse_html(editor.site / f"output/satimpo/{SLUG}/index.html")
    assert "".join(built.find(".//h1").itertext()).strip() == TITLE
    assert (editor.site / f"output/satimpo/{SLUG}/foto.jpg").is_file()


def _file_stem(site: Path) -> str:
    """The name decap-server gave the new article: ``<date>-<slug>``, on its ``cms/satimpo/…`` branch."""
    branches = [line.strip(" *") for line in _git(site, "branch", "--list", "cms/satimpo/*").splitlines()]
    assert len(branches) == 1 and branches[0].endswith(f"-{SLUG}"), branches
    return branches[0].rsplit("/", 1)[1]


def _wait_for(path: Path, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not path.is_file():
        if time.monotonic() > deadline:
            pytest.fail(f"{path} did not appear")
        time.sleep(0.1)
