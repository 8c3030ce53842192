"""Videos and maps in articles: which frames may be embedded, bare links made embeds, frames made responsive.

Volunteers paste what YouTube and Google Maps give them: an ``<iframe>`` from
"Share → Embed", or just the link. A YouTube, Google Maps or OpenStreetMap link
alone on its line becomes the same embed. Every frame that survives sanitising
is wrapped so it takes the column's width at its own aspect ratio, and a frame
whose address was not allowed is dropped whole, leaving no empty box.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlencode, urlsplit

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com",
                  "www.youtube-nocookie.com"}
_GOOGLE_HOSTS = {"google.com", "www.google.com", "maps.google.com", "google.co.id", "www.google.co.id",
                 "maps.google.co.id"}
_OSM_HOSTS = {"openstreetmap.org", "www.openstreetmap.org"}
_VIDEO_ID = re.compile(r"[\w-]{6,20}")
_AT_CENTRE = re.compile(r"@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?)z)?")
_OSM_MAP = re.compile(r"map=(\d+)/(-?\d+(?:\.\d+)?)/(-?\d+(?:\.\d+)?)")
_LONE_URL = re.compile(r"^\s*<?((?:https?://)?[^\s<>]+)>?\s*$")
_EMBED_HOST = re.compile(r"youtu|google\.|openstreetmap", re.I)
_TIME = re.compile(r"^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$")


@dataclass(frozen=True)
class Embed:
    """A frame to show: its address and its kind ("video" or "map")."""

    src: str
    kind: str


def allowed_frame(src: str) -> str | None:
    """The kind of an ``<iframe>`` address that may be embedded ("video", "map"), else None.

    Only https, on the hosts and paths YouTube, Google Maps and OpenStreetMap give
    for embedding, without credentials or a port.
    """
    try:
        parts = urlsplit(src.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme != "https" or parts.username or parts.password or port is not None:
        return None
    host, path = (parts.hostname or "").lower(), parts.path
    if host in _YOUTUBE_HOSTS and path.startswith("/embed/") and _VIDEO_ID.fullmatch(path[7:].rstrip("/")):
        return "video"
    if host in _GOOGLE_HOSTS and (path.startswith("/maps/embed") or
                                  (path.startswith("/maps") and "output=embed" in parts.query)):
        return "map"
    if host in _OSM_HOSTS and path == "/export/embed.html":
        return "map"
    return None


def embed_for(url: str) -> Embed | None:
    """The embed a bare link stands for: a YouTube video, a Google Maps or OpenStreetMap place; else None."""
    if not re.match(r"https?://", url):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host in _YOUTUBE_HOSTS or host == "youtu.be":
        return _youtube(host, parts)
    if host in _GOOGLE_HOSTS and parts.path.startswith("/maps") or host.startswith("maps.google."):
        return _google_maps(parts)
    if host in _OSM_HOSTS:
        return _openstreetmap(parts)
    return None


def _youtube(host: str, parts) -> Embed | None:
    query = parse_qs(parts.query)
    segments = [segment for segment in parts.path.split("/") if segment]
    if host == "youtu.be":
        video = segments[0] if segments else ""
    elif segments[:1] == ["watch"]:
        video = (query.get("v") or [""])[0]
    elif segments[:1] in (["shorts"], ["live"], ["embed"]) and len(segments) > 1:
        video = segments[1]
    else:
        return None
    if not _VIDEO_ID.fullmatch(video):
        return None
    start = _seconds((query.get("t") or query.get("start") or [""])[0])
    suffix = f"?start={start}" if start else ""
    return Embed(f"https://www.youtube-nocookie.com/embed/{video}{suffix}", "video")


def _seconds(text: str) -> int:
    match = _TIME.match(text.strip())
    if not text or match is None:
        return 0
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def _google_maps(parts) -> Embed | None:
    if parts.path.startswith("/maps/embed"):
        return Embed(parts.geturl(), "map")
    query = parse_qs(parts.query)
    centre = _AT_CENTRE.search(parts.path)
    params: dict[str, str] = {}
    if "q" in query:
        params["q"] = query["q"][0]
    elif "/maps/place/" in parts.path or "/maps/search/" in parts.path:
        name = parts.path.split("/")[3] if len(parts.path.split("/")) > 3 else ""
        params["q"] = name.replace("+", " ") if name and not name.startswith("@") else ""
    if centre:
        lat, lng, zoom = centre.groups()
        params["q"] = params.get("q") or f"{lat},{lng}"
        params["ll"] = f"{lat},{lng}"
        if zoom:
            params["z"] = str(round(float(zoom)))
    if not params.get("q"):
        return None
    params["output"] = "embed"
    return Embed("https://maps.google.com/maps?" + urlencode(params, quote_via=quote), "map")


def _openstreetmap(parts) -> Embed | None:
    if parts.path == "/export/embed.html":
        return Embed(parts.geturl(), "map")
    found = _OSM_MAP.search(parts.fragment) or _OSM_MAP.search(parts.query)
    if found is None:
        return None
    zoom, lat, lon = int(found.group(1)), float(found.group(2)), float(found.group(3))
    half_width = 360 / 2 ** zoom * 1.2  # about a 600-pixel-wide view at that zoom
    half_height = half_width * 0.6
    bbox = f"{lon - half_width:.5f},{lat - half_height:.5f},{lon + half_width:.5f},{lat + half_height:.5f}"
    query = parse_qs(parts.query)
    marker = f"&marker={query['mlat'][0]},{query['mlon'][0]}" if "mlat" in query and "mlon" in query else ""
    return Embed(f"https://www.openstreetmap.org/export/embed.html?bbox={bbox}&layer=mapnik{marker}", "map")


class _LoneLinkProcessor(BlockProcessor):
    """A line holding only an embeddable link becomes the frame; the rest of its block stays text."""

    def __init__(self, parser, titles: dict[str, str]) -> None:
        super().__init__(parser)
        self.titles = titles

    def _split(self, block: str) -> tuple[str, Embed, str] | None:
        if not _EMBED_HOST.search(block):  # most blocks: no address of an embeddable site at all
            return None
        lines = block.split("\n")
        for index, line in enumerate(lines):
            match = _LONE_URL.match(line)
            embed = embed_for(match.group(1)) if match and "." in match.group(1) else None
            if embed is not None:
                return "\n".join(lines[:index]), embed, "\n".join(lines[index + 1:])
        return None

    def test(self, parent: etree.Element, block: str) -> bool:
        # Only in the article's own flow: a link in a list ("Sumber:") or a quote stays a link.
        return parent is self.parser.root and self._split(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        before, embed, after = self._split(blocks.pop(0))  # type: ignore[misc]
        if before.strip():
            self.parser.parseBlocks(parent, [before])
        frame = etree.SubElement(parent, "iframe", {
            "src": embed.src, "title": self.titles[embed.kind], "loading": "lazy",
            "allowfullscreen": "allowfullscreen", "referrerpolicy": "strict-origin-when-cross-origin"})
        frame.text = ""
        if after.strip():
            blocks.insert(0, after)


class EmbedExtension(Extension):
    """Register the lone-link processor, before paragraphs and after link references."""

    def __init__(self, language: str = "id") -> None:
        super().__init__()
        self.titles = _titles(language)

    def extendMarkdown(self, md) -> None:
        md.parser.blockprocessors.register(_LoneLinkProcessor(md.parser, self.titles), "kimpress_embed", 12)


_FRAME = re.compile(r"(<p>\s*)?(<iframe\b[^>]*>.*?</iframe>)(\s*</p>)?", re.S | re.I)
_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_SIZE = re.compile(r"""\s(width|height)\s*=\s*["']?(\d{2,4})(?:px)?(?=["'\s/>])""", re.I)
_ANY_FRAME = re.compile(r"<iframe\b", re.I)
_PARAGRAPH_EDGE = re.compile(r"<p[\s>]|</p>", re.I)


def responsive_frames(html: str, drop_empty: bool = True, language: str = "id") -> str:
    """Wrap every frame to keep its aspect ratio at any width; drop those the sanitiser left without an address.

    A frame without an accessible name gets one ("Peta lokasi"). ``drop_empty=False``
    (trusted writers) keeps a frame without ``src``, which may use ``srcdoc``.
    """
    if not _ANY_FRAME.search(html):
        return html
    titles = _titles(language)

    def wrap(match: re.Match) -> str:
        opened, frame, closed = match.groups()
        start_tag = frame.split(">", 1)[0]
        src = _SRC.search(start_tag)
        alone = bool(opened and closed) or not (opened or closed or _in_paragraph(html, match.start()))
        if src is None and drop_empty:  # its address was removed: no empty box either
            return "" if opened and closed else (opened or "") + (closed or "")
        address = next((group for group in src.groups() if group is not None), "") if src else ""
        kind = allowed_frame(address) or "frame"
        if not re.search(r"\stitle\s*=", start_tag, re.I):
            frame = frame.replace("<iframe", f'<iframe title="{titles.get(kind, titles["frame"])}"', 1)
        style = ""
        sizes = {name.lower(): int(value) for name, value in _SIZE.findall(start_tag)}
        if kind == "frame" and sizes.get("width") and sizes.get("height"):
            style = f' style="padding-top:{100 * sizes["height"] / sizes["width"]:.2f}%"'
        if alone:  # the frame is a block of its own
            return f'<div class="embed embed-{kind}"{style}>{frame}</div>'
        return f'{opened or ""}<span class="embed embed-{kind}"{style}>{frame}</span>{closed or ""}'

    return _FRAME.sub(wrap, html)


def _in_paragraph(html: str, position: int) -> bool:
    """Tell whether ``position`` lies inside an open ``<p>`` (a frame in the middle of a sentence)."""
    edges = list(_PARAGRAPH_EDGE.finditer(html, 0, position))
    return bool(edges) and not edges[-1].group(0).startswith("</")


def _titles(language: str) -> dict[str, str]:
    if language == "id":
        return {"video": "Video YouTube", "map": "Peta lokasi", "frame": "Konten sematan"}
    return {"video": "YouTube video", "map": "Location map", "frame": "Embedded content"}
