"""Find the files of a site and read them as text.

The only module of the read side that touches the disk. Every source is named by
its path relative to the site folder, with "/" separators, so messages read
``content/loktuan/banjir.md:4: ...`` on every system.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from kimpress.core.errors import Diagnostic, error, warning

SECTION_INDEX = "_index.md"
MARKDOWN_SUFFIXES = (".md", ".markdown")
_EDITOR_LITTER_SUFFIXES = ("~", ".swp", ".swx", ".swo", ".tmp", ".bak", ".bck", ".kate-swp", ".crdownload", ".part")
_IGNORED_NAMES = {"4913", "Thumbs.db", "desktop.ini"}


class SourceKind(str, Enum):
    """What a file under the site folder is for."""

    PAGE = "page"  # content/<name>.md
    SECTION = "section"  # content/<kelurahan>/_index.md
    ARTICLE = "article"  # content/<kelurahan>/**/<name>.md
    ASSET = "asset"  # any other file under content/
    STATIC = "static"  # static/**, copied as is


@dataclass(frozen=True)
class SourceFile:
    """One input file. ``rel_path`` is relative to the site folder."""

    rel_path: str
    path: Path
    kind: SourceKind

    @property
    def content_path(self) -> str:
        """Path relative to ``content/`` (or ``static/``)."""
        return self.rel_path.split("/", 1)[1]

    @property
    def kelurahan_folder(self) -> str | None:
        """The first folder under content/, for sections, articles and their assets."""
        parts = self.content_path.split("/")
        return parts[0] if len(parts) > 1 else None


def is_ignored_name(name: str) -> bool:
    """Tell whether a file or folder name is hidden, editor litter or OS clutter."""
    return (
        name.startswith((".", "#", "~$"))
        or name.endswith(_EDITOR_LITTER_SUFFIXES)
        or name in _IGNORED_NAMES
        or "__jb_" in name
    )


def classify_source(rel_path: str) -> SourceKind | None:
    """Decide the kind of a file from its site-relative path (None: not a source)."""
    parts = rel_path.split("/")
    if any(is_ignored_name(part) for part in parts):
        return None
    top, rest = parts[0], parts[1:]
    if top == "static" and rest:
        return SourceKind.STATIC
    if top != "content" or not rest:
        return None
    is_markdown = rest[-1].lower().endswith(MARKDOWN_SUFFIXES)
    if len(rest) == 1:
        return SourceKind.PAGE if is_markdown else SourceKind.ASSET
    if len(rest) == 2 and rest[-1] == SECTION_INDEX:
        return SourceKind.SECTION
    return SourceKind.ARTICLE if is_markdown else SourceKind.ASSET


def discover_sources(site_dir: Path) -> tuple[list[SourceFile], list[Diagnostic]]:
    """List content/ and static/ sources, sorted by path, without following links out."""
    site_dir = site_dir.resolve()
    found: list[SourceFile] = []
    diagnostics: list[Diagnostic] = []
    for top in ("content", "static"):
        if (site_dir / top).is_dir():
            _scan(site_dir, top, found, diagnostics)
    found.sort(key=lambda source: source.rel_path)
    return found, diagnostics


def _scan(site_dir: Path, rel_folder: str, found: list[SourceFile], diagnostics: list[Diagnostic]) -> None:
    """Add the sources under one folder; ``scandir`` tells links and folders apart without a stat each."""
    try:
        with os.scandir(site_dir / rel_folder) as scan:
            entries = [entry for entry in scan if not is_ignored_name(entry.name)]
    except OSError:
        return
    folders = []
    for entry in entries:
        rel_path = f"{rel_folder}/{entry.name}"
        if not _usable_name(entry.name, rel_path, diagnostics):
            continue
        if entry.is_symlink() and not _inside(Path(entry.path), site_dir, diagnostics):
            continue  # a linked folder never gets past _inside, so no link loop is entered
        try:
            is_folder = entry.is_dir()
        except OSError:
            continue
        if is_folder:
            folders.append(rel_path)
            continue
        kind = classify_source(rel_path)
        if kind is not None:
            found.append(SourceFile(rel_path, site_dir / rel_path, kind))
    for rel_path in sorted(folders):
        _scan(site_dir, rel_path, found, diagnostics)


def _usable_name(name: str, rel_path: str, diagnostics: list[Diagnostic]) -> bool:
    """Refuse names that cannot be shown or published: bytes that are not UTF-8, control characters."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = rel_path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        diagnostics.append(error("file-name-not-utf8", shown))
        return False
    if not name.isprintable() and any(unicodedata.category(char) == "Cc" for char in name):
        shown = "".join("\ufffd" if unicodedata.category(char) == "Cc" else char for char in rel_path)
        diagnostics.append(error("file-name-control", shown))
        return False
    return True


def _inside(path: Path, site_dir: Path, diagnostics: list[Diagnostic]) -> bool:
    """Accept a path only if, links resolved, it stays inside the site folder."""
    if not path.is_symlink():
        return True
    rel_path = path.relative_to(site_dir).as_posix()
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        diagnostics.append(warning("symlink-broken", rel_path))
        return False
    if target != site_dir and site_dir not in target.parents:
        diagnostics.append(warning("symlink-outside", rel_path, target=str(target)))
        return False
    if path.is_dir():
        diagnostics.append(warning("symlink-folder-skipped", rel_path))
        return False
    return True


def read_text(source: SourceFile) -> tuple[str | None, Diagnostic | None]:
    """Read a source as UTF-8 (a BOM is dropped); report undecodable bytes or NUL bytes by line."""
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        return None, error("unreadable", source.rel_path, reason=exc.strerror or str(exc))
    zero = data.find(b"\0")  # valid UTF-8, but only UTF-16 or a binary file has NUL bytes
    if zero >= 0:
        return None, error("not-utf8", source.rel_path, data.count(b"\n", 0, zero) + 1)
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, error("not-utf8", source.rel_path, line)
