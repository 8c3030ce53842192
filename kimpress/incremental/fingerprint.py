"""Know that nothing changed since the last successful build at the cost of a stat per file.

The fingerprint of a build is the digest of site.yaml, the (name, mtime, size,
inode) of every file under ``content/``, ``static/`` and ``themes/`` and of the
packaged theme, the installed plugins and their versions, the kimpress version
and the command-line settings. Beside it the record keeps the (size, mtime) of
every file the build wrote, the moment the first scheduled article comes due,
and what the build said (counts and warnings).

``kimpress build`` in a new process checks the record before it imports the
engine: same fingerprint, same output files, no scheduled article due yet, and
the build is already done. Anything else, or any doubt, is a normal build. A
record is written only after a successful build, from the fingerprint taken
*before* it started, and never when a file changed within ``RACY_SECONDS`` of
that moment (it could change again within one timestamp tick, unseen).
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from importlib import metadata
from pathlib import Path
from typing import Iterable

from kimpress import __version__
from kimpress.core.errors import Diagnostic
from kimpress.incremental.pickles import dump_atomically, load_checked
from kimpress.theme.location import packaged_theme_dir

FORMAT = 1
RACY_SECONDS = 2.0
WATCHED_FOLDERS = ("content", "static", "themes")
CONFIG_FILE = "site.yaml"
PLUGIN_GROUP = "kimpress.plugins"


@dataclass(frozen=True)
class LeftOut:
    """An article the build did not publish (as ``model.types.Unpublished``, without the model)."""

    source: str
    reason: str
    date: datetime | None


@dataclass(frozen=True)
class Summary:
    """What a build said, to say it again when nothing changed."""

    articles: int
    pages: int
    outputs: int
    warnings: tuple[Diagnostic, ...]
    unpublished: tuple[LeftOut, ...]
    zone: tzinfo


@dataclass(frozen=True)
class Fingerprint:
    """The inputs of a build as seen at one moment."""

    key: bytes
    taken_at: float
    newest_mtime: float  # seconds, of the most recently changed file


@dataclass(frozen=True)
class Record:
    """The last successful build: its fingerprint, its files, when it expires, what it said."""

    key: bytes
    output_dir: str
    files: tuple[tuple[str, int, int], ...]  # (path in the output folder, size, mtime_ns)
    due_at: datetime | None  # the first scheduled article's moment: the build is stale from then on
    summary: Summary


def build_settings(drafts: bool, future: bool, output_dir: str | None, base_url: str | None) -> tuple:
    """What of the command line changes the output (``--jobs`` and ``--force`` do not)."""
    return (bool(drafts), bool(future), output_dir, base_url)


def take(site_dir: Path, settings: tuple) -> Fingerprint:
    """The fingerprint of ``site_dir`` for a build with ``settings`` (drafts, future, output, base URL ...)."""
    taken_at = time.time()
    digest = hashlib.blake2b(repr((FORMAT, __version__, settings)).encode(), digest_size=32)
    try:
        digest.update((site_dir / CONFIG_FILE).read_bytes())
    except OSError:
        digest.update(b"\0no site.yaml")
    newest = 0.0
    for root in [site_dir / name for name in WATCHED_FOLDERS] + [packaged_theme_dir()]:
        for name, stat in _walk(root):
            digest.update(f"{name}\0{stat.st_mtime_ns}\0{stat.st_size}\0{stat.st_ino}\n".encode("utf-8",
                                                                                             "surrogateescape"))
            newest = max(newest, stat.st_mtime_ns / 1e9)
    for entry in sorted(metadata.entry_points(group=PLUGIN_GROUP), key=lambda entry: entry.name):
        digest.update(f"plugin\0{entry.name}\0{entry.value}\0{entry.dist.version if entry.dist else ''}\n".encode())
    return Fingerprint(digest.digest(), taken_at, newest)


def _walk(root: Path) -> Iterable[tuple[str, os.stat_result]]:
    """Every file and link under ``root`` with its stat, in a stable order."""
    for folder, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            try:
                yield path, os.lstat(path)
            except OSError:
                continue


def still_valid(record_file: Path, fingerprint: Fingerprint, now: datetime | None = None) -> Summary | None:
    """What the last build said, if its record proves that building again would change nothing."""
    record = load_checked(record_file, ("kimpress-fingerprint", __version__, FORMAT))
    if not isinstance(record, Record) or record.key != fingerprint.key:
        return None
    if fingerprint.newest_mtime > fingerprint.taken_at - RACY_SECONDS:
        return None
    if record.due_at is not None and (now or datetime.now(timezone.utc)) >= record.due_at:
        return None
    out = Path(record.output_dir)
    for rel_path, size, mtime_ns in record.files:
        try:
            stat = os.stat(out / rel_path)
        except OSError:
            return None
        if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
            return None
    return record.summary


def remember(record_file: Path, fingerprint: Fingerprint, output_dir: Path, paths: Iterable[str],
             due_at: datetime | None, summary: Summary) -> None:
    """Write the record of a successful build, or remove the old one when this build cannot vouch for it."""
    record_file.unlink(missing_ok=True)
    if fingerprint.newest_mtime > fingerprint.taken_at - RACY_SECONDS:
        return  # a file changed too close to the start: it may have changed again unseen
    files = []
    for rel_path in paths:
        try:
            stat = os.stat(output_dir / rel_path)
        except OSError:
            return
        files.append((rel_path, stat.st_size, stat.st_mtime_ns))
    record = Record(fingerprint.key, str(output_dir), tuple(files), due_at, summary)
    dump_atomically(record_file, ("kimpress-fingerprint", __version__, FORMAT), record)
