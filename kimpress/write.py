"""Write a rendered site into the output folder, safely.

Nothing is written outside the output folder; each file goes to a temporary
file beside it and is renamed into place; files whose bytes did not change are
left alone; and only files the previous build listed in its manifest are ever
deleted, so ``.git``, ``CNAME`` and anything else a user keeps there survive.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable

from kimpress.config import SiteConfig
from kimpress.errors import OutputDirError, error
from kimpress.render import Rendered

MANIFEST = ".kimpress-manifest.json"


@dataclass(frozen=True)
class WriteStats:
    """What a write did."""

    written: int
    unchanged: int
    deleted: int


def check_output_dir(config: SiteConfig, force: bool = False) -> None:
    """Refuse an output folder whose cleaning could destroy the user's files."""
    out = config.output_dir
    site = config.site_dir
    shown = str(out)
    protected = [site / "content", site / "themes", site / "static"]
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutputDirError([error("output-not-folder", "site.yaml", None, target=shown)])
    out = out.resolve()
    if out == Path(out.anchor) or out == Path.home().resolve() or out == site or out in site.parents:
        raise OutputDirError([error("output-contains-site", "site.yaml", None, target=shown)])
    for folder in protected:
        folder = folder.resolve()
        if out == folder or folder in out.parents:
            raise OutputDirError([error("output-inside-source", "site.yaml", None, target=shown,
                                        folder=folder.name)])
    if out.is_dir() and not (out / MANIFEST).is_file() and not force:
        if any(not entry.name.startswith(".") and entry.name != "CNAME" for entry in out.iterdir()):
            raise OutputDirError([error("output-not-ours", "site.yaml", None, target=shown)])


def _safe_target(out: Path, rel_path: str) -> Path:
    """Join ``rel_path`` to ``out``, refusing anything that would land outside."""
    pure = PurePosixPath(rel_path)
    if pure.is_absolute() or ".." in pure.parts or "\x00" in rel_path or ":" in pure.parts[0]:
        raise ValueError(f"unsafe output path {rel_path!r}")
    target = out.joinpath(*pure.parts)
    if out not in target.parents:
        raise ValueError(f"unsafe output path {rel_path!r}")
    return target


def _linked_folder(out: Path, rel_path: str, checked: set[Path]) -> Path | None:
    """The first folder between ``out`` and ``rel_path`` that is a symlink, if any."""
    folder = out
    for part in PurePosixPath(rel_path).parts[:-1]:
        folder = folder / part
        if folder in checked:
            continue
        if folder.is_symlink():
            return folder
        checked.add(folder)
    return None


def _read_manifest(out: Path) -> list[str]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(item) for item in data.get("files", [])] if isinstance(data, dict) else []


def _same_file(target: Path, data: bytes | None, source: Path | None) -> bool:
    try:
        if target.is_symlink() or not target.is_file():
            return False
        if data is not None:
            return target.stat().st_size == len(data) and target.read_bytes() == data
        assert source is not None
        return target.stat().st_size == source.stat().st_size and target.read_bytes() == source.read_bytes()
    except OSError:
        return False


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink():
        target.unlink()
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".kimpress-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_outputs(out: Path, rendered: Iterable[Rendered], kept: Iterable[str] = ()) -> WriteStats:
    """Bring ``out`` to exactly the rendered files plus whatever it held that is not ours.

    ``kept`` lists output files known to be up to date already: they stay as
    they are, untouched and unread, and remain in the manifest.
    """
    out.mkdir(parents=True, exist_ok=True)
    out = out.resolve()
    rendered = list(rendered)
    checked: set[Path] = set()
    for item in rendered:  # before writing anything: never write through a link out of the folder
        link = _linked_folder(out, item.output.path, checked)
        if link is not None:
            raise OutputDirError([error("output-has-link", None, None, target=str(link))])
    previous = _read_manifest(out)
    paths = list(kept)
    written, unchanged = 0, len(paths)
    for item in rendered:
        rel_path = item.output.path
        target = _safe_target(out, rel_path)
        source = Path(item.output.copy_from) if item.output.copy_from else None
        paths.append(rel_path)
        if _same_file(target, item.data, source):
            unchanged += 1
            continue
        _write_atomically(target, item.data if item.data is not None else source.read_bytes())  # type: ignore[union-attr]
        written += 1
    deleted = _prune(out, set(previous) - set(paths))
    manifest = json.dumps({"generator": "kimpress", "files": sorted(paths)}, indent=0, ensure_ascii=False)
    _write_atomically(out / MANIFEST, manifest.encode("utf-8"))
    return WriteStats(written, unchanged, deleted)


def _prune(out: Path, stale: set[str]) -> int:
    """Delete files an earlier build wrote and this one did not, never following links."""
    deleted = 0
    folders: set[Path] = set()
    checked: set[Path] = set()
    for rel_path in sorted(stale):
        try:
            target = _safe_target(out, rel_path)
        except ValueError:
            continue
        if _linked_folder(out, rel_path, checked) is not None:
            continue
        if target.is_symlink() or target.is_file():
            target.unlink()
            deleted += 1
            folders.update(parent for parent in target.parents if out in parent.parents)
    for folder in sorted(folders, key=lambda path: len(path.parts), reverse=True):
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            pass
    return deleted
