"""The "image" kind: one light variant of a photo, made by Pillow and kept in the cache by digest.

The cache holds each variant under the digest of its source file and its settings, so a
rebuild, another output folder or a fresh clone with the cache restored redoes nothing.
On a miss every variant of the photo is made at once: the photo is decoded once, not six times.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from kimpress.core.errors import error
from kimpress.core.stamps import stamp_all
from kimpress.media.catalog import SUFFIX
from kimpress.media.probe import MediaProblem
from kimpress.media.process import make_variants
from kimpress.media.types import PhotoVariant
from kimpress.outputs.registry import RenderContext, Rendered, RenderProblem, SiteView, StampContext
from kimpress.plan.output import Output

RECIPE = 1  # raise when the way variants are made changes: every cached file is then made again


class PhotoKind:
    """Renders ``PhotoVariant`` payloads: from the cache when it has them, else with Pillow."""

    name = "image"
    heavy = True  # seconds per item: spread over every core even when few

    def stamp(self, output: Output, context: StampContext) -> bytes:
        photo: PhotoVariant = output.payload
        return stamp_all(output.url, RECIPE, photo.spec.key, context.file_digest(photo.source))

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        photo: PhotoVariant = output.payload
        with guarded(output):
            if context.cache_dir is None:
                return Rendered(output, make_variants(Path(photo.source), [photo.spec])[0])
            digest = file_digest(photo.source)
            path = cache_path(context.cache_dir, (RECIPE, photo.spec.key), digest, SUFFIX[photo.spec.format])
            if not path.is_file():
                specs = [spec for spec in dict.fromkeys(photo.siblings or (photo.spec,))
                         if not cache_path(context.cache_dir, (RECIPE, spec.key), digest, SUFFIX[spec.format]).is_file()]
                specs = specs if photo.spec in specs else [photo.spec, *specs]
                for spec, data in zip(specs, make_variants(Path(photo.source), specs)):
                    store(cache_path(context.cache_dir, (RECIPE, spec.key), digest, SUFFIX[spec.format]), data)
            return Rendered(output, None, source=str(path))


def file_digest(path: str) -> bytes:
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "blake2b").digest()


def cache_path(cache_dir: Path, recipe: tuple, digest: bytes | None, suffix: str) -> Path:
    """Where the result of ``recipe`` applied to a file of ``digest`` is kept."""
    key = hashlib.blake2b(repr(recipe).encode() + (digest or b""), digest_size=20).hexdigest()
    return cache_dir / "media" / key[:2] / (key + suffix)


def store(path: Path, data: bytes) -> None:
    """Write ``data`` at ``path`` whole or not at all (another worker may be reading it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)


def cached_render(output: Output, cache_dir: Path | None, recipe: tuple, source: str | None,
                  make: Callable[[], bytes]) -> Rendered:
    """The bytes of ``make()``, kept in the cache under the digest of ``source`` and ``recipe``."""
    with guarded(output):
        if cache_dir is None:
            return Rendered(output, make())
        path = cache_path(cache_dir, recipe, file_digest(source) if source else None, Path(output.url).suffix)
        if not path.is_file():
            store(path, make())
        return Rendered(output, None, source=str(path))


@contextmanager
def guarded(output: Output) -> Iterator[None]:
    """Turn a failure to make a photo into a located problem: named in plain words, never a traceback."""
    try:
        yield
    except RenderProblem:
        raise
    except MediaProblem as problem:
        raise RenderProblem(problem.diagnostic(output.origin)) from None
    except Exception as problem:
        raise RenderProblem(error("image-failed", output.origin, None, url=output.url,
                                  reason=f"{type(problem).__name__}: {problem}")) from None
