"""Where kimpress keeps what it remembers of a site: a folder per site under the user's cache.

Never inside the site or the repository: a pickle committed by someone else is never loaded.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_dir(site_dir: Path, cache_root: Path | None = None) -> Path:
    """The folder kept for ``site_dir`` outside it: one per site folder, under the user's cache."""
    root = cache_root or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kimpress"
    return root / hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:24]


def cache_file(site_dir: Path, cache_root: Path | None = None) -> Path:
    """Where the memory of ``kimpress build`` for ``site_dir`` is kept."""
    return cache_dir(site_dir, cache_root) / "build.pickle"


def fingerprint_file(memory_file: Path) -> Path:
    """Where the fingerprint of the last successful build is kept, beside its memory."""
    return memory_file.with_name(memory_file.stem + ".fingerprint")
