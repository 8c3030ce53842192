"""Photos' sizes, read once per file content: a probe that remembers by digest."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from kimpress.media.catalog import Probe
from kimpress.media.probe import probe_image
from kimpress.media.types import ImageInfo


def cached_probe(known: dict[bytes, ImageInfo], digest_of: Callable[[str], bytes | None]) -> Probe:
    """``probe_image`` that reuses what ``known`` holds for a file of the same digest, and fills it."""

    def probe(path: str) -> ImageInfo:
        digest = digest_of(path)
        if digest is not None and digest in known:
            return known[digest]
        info = probe_image(Path(path))
        if digest is not None:
            known[digest] = info
        return info

    return probe
