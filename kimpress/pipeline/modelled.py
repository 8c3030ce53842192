"""The stages load -> read -> model alone, for commands that only read the site (report, edition).

The memory of the last build, when there is one, is read to skip converting unchanged
Markdown again, and never saved; the git history is read as a build reads it, so links
to moved files resolve the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kimpress.core.errors import Diagnostic, SourceError, has_errors
from kimpress.incremental.memory import BuildMemory, load_memory
from kimpress.model.entries import Selection
from kimpress.model.types import Site
from kimpress.pipeline.stages import Loaded, load, model, read
from kimpress.source.history import read_history


@dataclass(frozen=True)
class Modelled:
    """A site's settings and model, and the warnings found on the way."""

    loaded: Loaded
    site: Site
    warnings: tuple[Diagnostic, ...]


def modelled_site(site_dir: Path | str, now: datetime, drafts: bool = False, future: bool = False,
                  cache_file: Path | None = None, jobs: int | None = 1) -> Modelled:
    """The model of the site in ``site_dir``; a site with errors raises them, as a build does."""
    site_dir = Path(site_dir)
    loaded = load(site_dir, {})
    memory = load_memory(cache_file) if cache_file and cache_file.exists() else BuildMemory()
    sources, documents, problems = read(loaded.config, memory)
    kept = cache_file.parent if cache_file and cache_file.parent.is_dir() else None
    site, found = model(loaded, sources, documents, memory, Selection(now, drafts, future), memory.model, jobs,
                        read_history(site_dir, kept))
    problems = sorted(dict.fromkeys(list(loaded.warnings) + problems + found), key=Diagnostic.sort_key)
    if has_errors(problems):
        raise SourceError(problems)
    return Modelled(loaded, site, tuple(problems))
