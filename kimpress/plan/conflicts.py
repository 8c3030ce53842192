"""Find, before anything is rendered, two outputs claiming one file and paths no disk can hold.

Every kind of output takes part alike: a writer's article, a feed, a copied photo
and an output a plugin adds are all checked against each other, naming both origins.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from kimpress.core.errors import Diagnostic, error
from kimpress.core.urls import PAGE_FOLDER
from kimpress.plan.output import CONFIG_ORIGIN, Output

MAX_SEGMENT_BYTES = 200  # a file name may hold 255 bytes; leave room for the side files of a write
_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f\\:]")


def check_conflicts(outputs: Iterable[Output]) -> list[Diagnostic]:
    """Report every output file claimed twice, naming both origins, and every unsafe path.

    Paths are compared after Unicode normalisation and case folding, since
    ``Banjir.jpg`` and ``banjir.jpg``, or "café" typed on a Mac and on Windows,
    overwrite each other on the disks of most writers' computers. A file and a
    folder of the same name collide too (``/tag`` and ``/tag/``). A kelurahan
    folder may not take a name kimpress uses for its own pages (``page``, ``tag``...).
    """
    outputs = list(outputs)
    diagnostics = _unsafe_paths(outputs)
    if diagnostics:
        return diagnostics  # a path that cannot be written makes every other check moot
    claims: dict[str, list[Output]] = {}
    folders: dict[str, Output] = {}
    for output in outputs:
        key = _disk_key(output.path)
        claims.setdefault(key, []).append(output)
        parts = key.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folders.setdefault("/".join(parts[:depth]), output)
    for key, claimants in claims.items():
        if key in folders:
            claimants = claimants + [folders[key]]
        if len(claimants) > 1:
            diagnostics += _conflicts(claimants)
    return diagnostics + _reserved_folders(outputs, {d.param_dict["url"] for d in diagnostics})


def _conflicts(claimants: list[Output]) -> list[Diagnostic]:
    """One message for each writer's file claiming one address, naming the others.

    A clash with a page kimpress makes itself is located in the writer's file only,
    never in a built-in page.
    """
    writers = [output for output in claimants if not output.is_builtin]
    located = writers or claimants[:1]
    found = []
    for output in located:
        others = sorted({other.origin for other in claimants if other.origin != output.origin}) or [output.origin]
        found.append(error("url-conflict", output.origin, output.origin_line, url=output.url,
                           other=", ".join(others), example=_example_slug(output.url)))
    return found


def _example_slug(url: str) -> str:
    """A slug the writer could take instead: the last part of the address with "-2"."""
    last = url.rstrip("/").rsplit("/", 1)[-1]
    stem = last.rsplit(".", 1)[0] if "." in last else last
    return f"{stem or 'tulisan'}-2"


def _disk_key(path: str) -> str:
    """``path`` as a case-insensitive, normalising disk sees it."""
    if path.isascii():  # nearly every path: ASCII is its own NFC form and casefolds as lower()
        return path.lower()
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", path).casefold())


def _unsafe_paths(outputs: list[Output]) -> list[Diagnostic]:
    """Paths that would leave the output folder, or that no writer's disk can hold.

    Slugs are always safe; file names of assets and static files and the fixed
    parts of permalinks in site.yaml are not. One diagnostic per bad folder or file.
    """
    found: dict[str, Diagnostic] = {}
    for output in outputs:
        parts = output.path.split("/")
        for depth, part in enumerate(parts, 1):
            code = _segment_problem(part)
            if code is None:
                continue
            url = "/" + "/".join(parts[:depth]) + ("/" if depth < len(parts) else "")
            origin = _writer_origin(output)
            if url not in found or (found[url].path == CONFIG_ORIGIN and origin != CONFIG_ORIGIN):
                params = {"limit": MAX_SEGMENT_BYTES} if code == "url-too-long" else {}
                found[url] = error(code, _printable(origin), None, url=_shown(url), **params)
            break
    return list(found.values())


def _segment_problem(part: str) -> str | None:
    try:
        size = len(part.encode("utf-8"))
    except UnicodeEncodeError:
        return "url-unsafe"
    if not part.strip(".") or _UNSAFE_CHARS.search(part):
        return "url-unsafe"
    return "url-too-long" if size > MAX_SEGMENT_BYTES else None


def _shown(url: str) -> str:
    """``url`` fit for a message: printable, and an endless name cut down."""
    text = _printable(url)
    return text if len(text) <= 80 else text[:60] + "…" + text[-15:]


def _printable(text: str) -> str:
    """``text`` with control characters and undecodable bytes (surrogates) shown as �."""
    return "".join("\ufffd" if unicodedata.category(char) in ("Cc", "Cs") else char for char in text)


def _writer_origin(output: Output) -> str:
    """The writer's file behind an output: a tag or author page is the doing of its articles."""
    pagination = output.context.get("pagination")
    if output.origin == CONFIG_ORIGIN and "term" in output.context and pagination and pagination.items:
        return pagination.items[-1].source
    return output.origin


def _reserved_folders(outputs: list[Output], conflicting: set[str]) -> list[Diagnostic]:
    """A kelurahan whose list page sits in a folder kimpress fills itself (``page``, ``tag``, ...).

    Reported only when the kelurahan does not already claim a built-in URL outright.
    """
    reserved = {PAGE_FOLDER} | {
        output.path.split("/", 1)[0] for output in outputs
        if output.is_builtin and output.kind == "page" and "/" in output.path}
    diagnostics = []
    for output in outputs:
        kel = output.context.get("kelurahan")
        pagination = output.context.get("pagination")
        if kel is None or pagination is None or pagination.number != 1 or output.url in conflicting:
            continue
        folder = output.path.split("/", 1)[0]
        if folder == kel.slug and folder in reserved:
            diagnostics.append(error("kelurahan-reserved", output.origin, None, url=output.url, folder=folder))
    return diagnostics
