"""``kimpress serve`` as a writer meets it: a real HTTP server on a free loopback
port, real file watching, real edits; pages and feeds checked by parsing them."""

from __future__ import annotations

import http.client
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import feedparser
import html5lib
import pytest
from conftest import MINIMAL_CONFIG, NOW, article

from kimpress.pipeline.build import BuildOptions
from kimpress.serve.livereload import EVENTS_PATH
from kimpress.serve.preview import Preview
from kimpress.serve.server import PreviewServer, lookup

pytestmark = pytest.mark.slow  # a real HTTP server and file watching: seconds per test

A = "content/satimpo/2018-11-12-kabar-a.md"
B = "content/loktuan/2018-11-13-kabar-b.md"
A_URL = "/satimpo/kabar-a/"
B_URL = "/loktuan/kabar-b/"


@dataclass
class Served:
    """A site being served and watched, with what the terminal would have shown."""

    site: Path
    output: Path
    server: PreviewServer
    preview: Preview
    reports: list = field(default_factory=list)

    def get(self, path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
        host, port = self.server.server_address[:2]
        connection = http.client.HTTPConnection(host, port, timeout=10)
        try:
            connection.request(method, path)
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def write(self, rel_path: str, text: str) -> None:
        path = self.site / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def title_of(self, path: str) -> str:
        status, _, body = self.get(path)
        assert status == 200, path
        tree = html5lib.parse(body, treebuilder="etree", namespaceHTMLElements=False)
        return tree.find(".//h1").text.strip()


def wait_until(predicate, timeout: float = 15.0, message: str = "condition"):
    """Poll ``predicate`` until it returns something true; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    pytest.fail(f"timed out waiting for {message}")


def settle(served: Served, quiet: float = 0.6) -> int:
    """Wait until no build has started for ``quiet`` seconds; return the build count."""
    count, since = served.preview.builds, time.monotonic()
    while time.monotonic() - since < quiet:
        time.sleep(0.05)
        if served.preview.builds != count:
            count, since = served.preview.builds, time.monotonic()
    return count


@pytest.fixture
def serve(make_site, tmp_path):
    """serve(files) -> Served, torn down after the test."""
    running: list[Served] = []

    def start(files: dict[str, str | bytes]) -> Served:
        site = make_site(files)
        output = tmp_path / "preview"
        server = PreviewServer("127.0.0.1", 0, output)
        served = Served(site, output, server, None)  # type: ignore[arg-type]
        options = BuildOptions(now=NOW, output_dir=str(output), base_url=server.url)
        served.preview = Preview(site, options, lambda *report: served.reports.append(report))
        server.source = served.preview
        served.preview.start()
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
        running.append(served)
        return served

    yield start
    for served in running:
        served.server.shutdown()
        served.preview.stop()
        served.server.server_close()


def two_articles() -> dict[str, str]:
    return {
        A: article("Kabar A", "2018-11-12 09:30", body="Isi pertama.", tags="[kim]"),
        B: article("Kabar B", "2018-11-13 10:00", body="Isi kedua."),
    }


def feed_titles(served: Served) -> list[str]:
    status, headers, body = served.get("/feed.xml")
    assert status == 200
    return [entry.title for entry in feedparser.parse(body).entries]


def test_serves_pages_with_types_folders_redirects_and_the_sites_404(serve):
    served = serve(two_articles())
    status, headers, body = served.get(A_URL)
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert int(headers["content-length"]) == len(body)
    assert served.title_of(A_URL) == "Kabar A"
    status, headers, _ = served.get(A_URL.rstrip("/"))
    assert status == 301 and headers["location"] == A_URL
    assert served.get("/feed.xml")[1]["content-type"] == "application/xml"
    assert served.get("/style.css")[1]["content-type"].startswith("text/css") or served.get("/")[0] == 200
    status, headers, body = served.get("/tidak-ada/")
    assert status == 404 and body == served.get("/404.html")[2]
    status, _, body = served.get("/", method="HEAD")
    assert status == 200 and body == b""


def test_live_reload_is_only_in_served_pages_never_in_files(serve):
    served = serve(two_articles())
    _, _, body = served.get(A_URL)
    tree = html5lib.parse(body, treebuilder="etree", namespaceHTMLElements=False)
    assert tree.find(".//script[@id='kimpress-live-reload']") is not None
    on_disk = (served.output / "satimpo" / "kabar-a" / "index.html").read_bytes()
    assert b"kimpress-live-reload" not in on_disk and b"EventSource" not in on_disk
    assert b"EventSource" not in served.get("/feed.xml")[2]


@pytest.mark.parametrize("path", [
    "/../site.yaml", "/..%2fsite.yaml", "/%2e%2e/site.yaml", "/%2E%2E/%2e%2e/etc/passwd",
    "/satimpo/..%2f..%2fsite.yaml", "/..%5csite.yaml", "/%00", "/index.html%00.css",
    "/.kimpress-manifest.json", "/%ff%fe", "//etc/passwd",
    "/%252e%252e/site.yaml", "/..%252fsite.yaml", "/%252e%252e%252fsite.yaml", "/%2e%2e%2f%2e%2e%2fetc/passwd",
    "http://x/../site.yaml", "/..;/site.yaml", "/%c0%ae%c0%ae/site.yaml", "/./../site.yaml",
])
def test_traversal_and_hidden_files_are_refused(serve, path):
    served = serve(two_articles())
    (served.site / "rahasia.txt").write_text("rahasia", encoding="utf-8")
    host, port = served.server.server_address[:2]
    with socket.create_connection((host, port), timeout=10) as raw:  # no client-side normalisation
        raw.sendall(f"GET {path} HTTP/1.0\r\nHost: x\r\n\r\n".encode())
        reply = b""
        while chunk := raw.recv(65536):
            reply += chunk
    status = int(reply.split(b" ", 2)[1])
    assert status in (400, 404)
    assert b"rahasia" not in reply and b"root:" not in reply and b"base_url" not in reply


def test_lookup_never_leaves_the_output_folder_even_through_a_symlink(tmp_path):
    root = tmp_path / "out"
    (root / "a").mkdir(parents=True)
    (root / "a" / "index.html").write_text("ok", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    os.symlink(tmp_path / "secret.txt", root / "leak.txt")
    assert lookup(root, "/a/").file == (root / "a" / "index.html").resolve()
    assert lookup(root, "/a?x=1").redirect == "/a/"
    assert lookup(root, "/leak.txt").file is None
    assert lookup(root, "/a/%2e%2e/%2e%2e/secret.txt").file is None


def test_an_edit_updates_the_page_lists_and_feeds(serve):
    served = serve(two_articles())
    built = served.preview.builds
    served.write(A, article("Kabar A diperbarui", "2018-11-12 09:30", body="Isi baru.", tags="[kim]"))
    wait_until(lambda: served.title_of(A_URL) == "Kabar A diperbarui", message="the edited page")
    assert "Kabar A diperbarui" in feed_titles(served)
    home = served.get("/")[2].decode()
    assert "Kabar A diperbarui" in home
    assert settle(served) == built + 1
    assert not served.preview.status.problems


def test_an_atomic_save_with_editor_litter_rebuilds_once(serve):
    served = serve(two_articles())
    built = settle(served)
    folder = served.site / "content" / "satimpo"
    for litter in ("4913", ".2018-11-12-kabar-a.md.swp", "2018-11-12-kabar-a.md~", ".#2018-11-12-kabar-a.md"):
        (folder / litter).write_text("sampah: [", encoding="utf-8")
    assert settle(served) == built, "editor litter alone must not rebuild"
    temp = folder / ".2018-11-12-kabar-a.md.tmp1234"
    temp.write_text(article("Kabar A simpan atomik", "2018-11-12 09:30"), encoding="utf-8")
    os.replace(temp, folder / "2018-11-12-kabar-a.md")
    wait_until(lambda: served.title_of(A_URL) == "Kabar A simpan atomik", message="the atomically saved page")
    assert settle(served) == built + 1


def test_broken_yaml_shows_the_problem_keeps_serving_and_recovers(serve):
    served = serve(two_articles())
    served.write(A, "---\ntitle: Kabar A\ndate: 2018-11-12\ntags: [kim\n---\nIsi.\n")
    wait_until(lambda: served.preview.status.problems, message="the problem to be reported")
    status, _, body = served.get(A_URL)
    assert status == 200
    tree = html5lib.parse(body, treebuilder="etree", namespaceHTMLElements=False)
    overlay = tree.find(".//div[@id='kimpress-problems']")
    assert overlay is not None
    problems = ["".join(item.itertext()) for item in overlay.iter("li")]
    assert any(problem.startswith(A + ":") for problem in problems), problems
    assert tree.find(".//h1").text.strip() == "Kabar A", "the last good page stays under the overlay"
    assert served.title_of(B_URL) == "Kabar B"
    assert any(report[1] for report in served.reports), "the terminal is told too"

    served.write(A, article("Kabar A diperbaiki", "2018-11-12 09:30"))
    wait_until(lambda: not served.preview.status.problems, message="recovery")
    _, _, body = served.get(A_URL)
    tree = html5lib.parse(body, treebuilder="etree", namespaceHTMLElements=False)
    assert tree.find(".//div[@id='kimpress-problems']") is None
    assert tree.find(".//h1").text.strip() == "Kabar A diperbaiki"


def test_broken_site_yaml_and_template_do_not_stop_the_server(serve):
    served = serve(two_articles())
    config = (served.site / "site.yaml").read_text(encoding="utf-8")
    served.write("site.yaml", config + "feeds: [\n")
    wait_until(lambda: served.preview.status.problems, message="the config problem")
    assert served.get(A_URL)[0] == 200
    served.write("site.yaml", config.replace("Kabar Uji", "Kabar Uji Baru"))
    wait_until(lambda: not served.preview.status.problems and "Kabar Uji Baru" in served.get("/")[2].decode(),
               message="the new site title")
    served.write("themes/default/templates/article.html", "{% extends 'base.html' %}{% block content %}{{ nope(")
    served.write("site.yaml", config + "theme: default\n")
    wait_until(lambda: served.preview.status.problems, message="the template problem")
    assert served.get("/")[0] == 200


def test_delete_removes_the_page_and_its_list_and_feed_entries(serve):
    served = serve(two_articles())
    assert "Kabar A" in feed_titles(served)
    (served.site / A).unlink()
    wait_until(lambda: served.get(A_URL)[0] == 404, message="the page to go")
    assert not (served.output / "satimpo" / "kabar-a" / "index.html").exists()
    assert "Kabar A" not in feed_titles(served)
    assert "Kabar A" not in served.get("/")[2].decode()
    assert served.get("/tag/kim/")[0] == 404


def test_rename_and_new_kelurahan_folder(serve):
    served = serve(two_articles())
    new_folder = served.site / "content" / "guntung"
    new_folder.mkdir()
    os.rename(served.site / A, new_folder / "2018-11-12-kabar-a.md")
    wait_until(lambda: served.get("/guntung/kabar-a/")[0] == 200, message="the moved page")
    settle(served)
    assert served.get(A_URL)[0] == 404
    feed = feedparser.parse(served.get("/feed.xml")[2])
    links = {entry.link for entry in feed.entries}
    assert served.server.url + "guntung/kabar-a/" in links
    assert served.server.url + "satimpo/kabar-a/" not in links


def test_a_burst_of_files_gives_one_rebuild(serve):
    served = serve(two_articles())
    built = settle(served)
    folder = served.site / "content" / "bontang-baru"
    folder.mkdir()
    for number in range(500):
        (folder / f"2018-12-01-kabar-{number:03}.md").write_text(
            article(f"Kabar {number}", "2018-12-01 08:00"), encoding="utf-8")
    wait_until(lambda: served.get("/bontang-baru/kabar-499/")[0] == 200, message="the last page of the burst")
    assert settle(served) == built + 1
    assert all(served.get(f"/bontang-baru/kabar-{number:03}/")[0] == 200 for number in (0, 250, 499))


def test_an_open_event_stream_receives_reload_after_a_change(serve):
    served = serve(two_articles())
    generation = settle(served) and served.preview.status.generation
    host, port = served.server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=15)
    connection.request("GET", f"{EVENTS_PATH}?since={generation}")
    response = connection.getresponse()
    assert response.status == 200 and response.getheader("Content-Type") == "text/event-stream"
    assert response.readline() == b"retry: 1000\n"
    served.write(B, article("Kabar B baru", "2018-11-13 10:00"))
    lines = [response.readline() for _ in range(3)]
    connection.close()
    assert lines[1] == b"event: reload\n"
    assert int(lines[2].split(b":")[1]) > generation


def test_a_stale_page_gets_reload_at_once(serve):
    served = serve(two_articles())
    generation = served.preview.status.generation
    served.write(B, article("Kabar B lagi", "2018-11-13 10:00"))
    wait_until(lambda: served.preview.status.generation > generation, message="a new build")
    host, port = served.server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=5)
    connection.request("GET", f"{EVENTS_PATH}?since={generation}")
    body = connection.getresponse().read()
    connection.close()
    assert b"event: reload" in body


def test_a_page_from_an_earlier_run_of_the_server_reloads_at_once(serve):
    served = serve(two_articles())
    generation = served.preview.status.generation
    host, port = served.server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=5)
    connection.request("GET", f"{EVENTS_PATH}?since={generation + 5}&run=0000dead")
    body = connection.getresponse().read()
    connection.close()
    assert b"event: reload" in body
    page = served.get(A_URL)[2].decode()
    assert f"run={served.server.run}" in page


def test_the_web_editor_is_served_without_live_reload_and_its_config_as_yaml(serve):
    """Saving in the editor writes into content/: a reload on that rebuild would throw the writer out."""
    served = serve({**two_articles(), "site.yaml": MINIMAL_CONFIG + "admin: {repo: kim/kabar}\n"})
    status, _, body = served.get("/admin/")
    tree = html5lib.parse(body, treebuilder="etree", namespaceHTMLElements=False)
    assert status == 200 and tree.find(".//script[@id='kimpress-live-reload']") is None
    assert body == (served.output / "admin" / "index.html").read_bytes()
    status, headers, _ = served.get("/admin/config.yml")
    assert status == 200 and headers["content-type"] == "text/yaml; charset=utf-8"
    assert b"kimpress-live-reload" in served.get(A_URL)[2]
