"""The preview HTTP server: the output folder, and nothing outside it.

A request path is decoded once; a path holding ``..``, a backslash or a NUL
byte (plain or percent-encoded) is refused, hidden files are not served, and
the resolved file must lie inside the output folder even through symlinks. A
folder is served as its ``index.html`` (``/x`` redirects to ``/x/``), a miss as
the site's own ``404.html``. HTML pages get the live-reload script and, while
the last rebuild failed, the problems overlay (see ``livereload``).
"""

from __future__ import annotations

import ipaddress
import mimetypes
import os
import secrets
import shutil
import socket
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from kimpress.plan.admin import ADMIN_URL
from kimpress.serve.livereload import EVENTS_PATH, inject, problems_page
from kimpress.serve.preview import Status

KEEP_ALIVE_SECONDS = 15.0

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".opml": "text/x-opml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".yml": "text/yaml; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".woff2": "font/woff2",
    ".ico": "image/x-icon",
    ".webmanifest": "application/manifest+json",
}


class StatusSource(Protocol):
    """What the server needs from the rebuild loop (a ``Preview``)."""

    @property
    def status(self) -> Status: ...

    def wait_for_change(self, since: int, timeout: float) -> Status | None: ...


@dataclass(frozen=True)
class Lookup:
    """Where a request path leads: a file, a redirect, or nowhere (``file`` and ``redirect`` None)."""

    file: Path | None = None
    redirect: str | None = None


def lookup(root: Path, request_path: str) -> Lookup:
    """Map a request path (query allowed) to a file inside ``root``; refuse anything else."""
    raw = urlsplit(request_path).path
    if not raw.startswith("/"):
        return Lookup()
    path = unquote(raw, errors="strict")
    segments = path.split("/")[1:]
    if "\x00" in path or "\\" in path or any(segment in ("..", ".") for segment in segments):
        return Lookup()
    if any(segment.startswith(".") and segment != ".well-known" for segment in segments):
        return Lookup()
    real_root = Path(os.path.realpath(root))
    target = real_root.joinpath(*[segment for segment in segments if segment])
    real = Path(os.path.realpath(target))
    if real != real_root and real_root not in real.parents:
        return Lookup()
    if real.is_dir():
        if not raw.endswith("/"):
            return Lookup(redirect=raw + "/")
        real = real / "index.html"
    return Lookup(file=real) if real.is_file() else Lookup()


def _is_editor(root: Path, file: Path) -> bool:
    """The web editor's page: it saves into content/, so a reload on that rebuild would interrupt the writer."""
    editor = Path(os.path.realpath(root)).joinpath(*ADMIN_URL.strip("/").split("/"))
    return editor in file.parents


def content_type(path: Path) -> str:
    """The Content-Type header for a file, by its extension."""
    known = CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


class PreviewHandler(BaseHTTPRequestHandler):
    """GET and HEAD of the output folder, plus the live-reload event stream."""

    server: "PreviewServer"
    server_version = "kimpress"

    def do_GET(self) -> None:
        if urlsplit(self.path).path == EVENTS_PATH:
            self._stream_events()
        else:
            self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for build problems, not for every request."""

    def _serve(self, send_body: bool) -> None:
        root = self.server.root
        status = self.server.source.status
        try:
            found = lookup(root, self.path)
        except UnicodeDecodeError:
            found = Lookup()
        if found.redirect is not None:
            self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain; charset=utf-8", send_body,
                       {"Location": found.redirect})
            return
        code, file = HTTPStatus.OK, found.file
        if file is None:
            code, file = HTTPStatus.NOT_FOUND, _existing(root / "404.html")
        if file is None:
            if status.problems:
                page = problems_page(status.problems, status.language, status.generation, self.server.run)
                self._send(HTTPStatus.INTERNAL_SERVER_ERROR, page, CONTENT_TYPES[".html"], send_body)
            else:
                self._send(code, b"404 Not Found\n", "text/plain; charset=utf-8", send_body)
            return
        kind = content_type(file)
        try:
            if kind.startswith("text/html") and not _is_editor(root, file):
                page = inject(file.read_bytes(), status.problems, status.language, status.generation, self.server.run)
                self._send(code, page, kind, send_body)
            else:
                self._send_file(code, file, kind, send_body)
        except OSError:  # the file went away between lookup and reading: a rebuild deleted it
            self._send(HTTPStatus.NOT_FOUND, b"404 Not Found\n", "text/plain; charset=utf-8", send_body)

    def _send(self, code: int, body: bytes, kind: str, send_body: bool,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _send_file(self, code: int, file: Path, kind: str, send_body: bool) -> None:
        with file.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(size))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if send_body:
                shutil.copyfileobj(stream, self.wfile)

    def _stream_events(self) -> None:
        """Server-Sent Events: one ``reload`` once the site is newer than the page's build.

        A page from another run of the server (it was restarted) reloads at once.
        """
        query = dict(pair.partition("=")[::2] for pair in urlsplit(self.path).query.split("&"))
        since = self.server.source.status.generation
        if query.get("since", "").isdigit():
            since = int(query["since"])
        if query.get("run", self.server.run) != self.server.run:
            since = -1
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 1000\n\n")
            self.wfile.flush()
            while not self.server.closing:
                status = self.server.source.wait_for_change(since, KEEP_ALIVE_SECONDS)
                if status is not None:
                    self.wfile.write(f"event: reload\ndata: {status.generation}\n\n".encode())
                    self.wfile.flush()
                    return
                self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except OSError:
            return  # the browser went away


def _existing(path: Path) -> Path | None:
    return path if path.is_file() else None


class PreviewServer(ThreadingHTTPServer):
    """A threaded HTTP server for one output folder and one rebuild loop."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, port: int, root: Path, source: StatusSource | None = None) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.root = root
        self.source = source  # set before serving
        self.closing = False
        self.run = secrets.token_hex(4)  # tells pages served by an earlier run apart
        super().__init__((host, port), PreviewHandler)

    @property
    def url(self) -> str:
        """The address browsers use; a wildcard host is shown as loopback."""
        host, port = self.server_address[:2]
        if host in ("0.0.0.0", "::"):
            host = "127.0.0.1" if host == "0.0.0.0" else "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{port}/"

    def shutdown(self) -> None:
        self.closing = True
        super().shutdown()


def is_loopback(host: str) -> bool:
    """Tell whether ``host`` names only this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
