"""The photos of a site as pages show them: which variants each gets, their URLs, the ``src`` to use.

For a writer's ``/loktuan/banjir/foto.jpg`` (4000×3000, with GPS) the site publishes

    foto.jpg         the photo at most ``max(widths)`` wide, metadata stripped
    foto-480w.jpg    and the other widths, narrower than the photo, in its family (JPEG, or PNG with alpha)
    foto-480w.webp   the same widths in WebP

so every link to ``foto.jpg`` keeps working and nothing published carries EXIF. The
variant pages put in ``src`` is kept under the image budget by the encoder. Files
Pillow cannot make light (animated GIFs, TIFF, damaged files) are copied as they are.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Callable, Iterable

from kimpress.config.presentation import ImageSettings
from kimpress.core.errors import Diagnostic, warning
from kimpress.media.probe import MediaProblem
from kimpress.media.process import plan_variant_specs
from kimpress.media.types import ImageInfo, PhotoVariant, ResponsiveImage, Variant, VariantSpec

# Formats whose published copy kimpress makes itself; others (animated, TIFF, BMP) are copied as is.
REENCODED = ("jpeg", "png", "webp")
SUFFIX = {"jpeg": ".jpg", "png": ".png", "webp": ".webp"}
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")

Probe = Callable[[str], ImageInfo]


@dataclass(frozen=True)
class Photo:
    """A file that may be a photo: the URL it is published at, its path on disk, who claims it."""

    url: str
    source: str
    origin: str


@dataclass(frozen=True)
class PlannedFile:
    """One file to make from a photo."""

    url: str
    payload: PhotoVariant
    origin: str


@dataclass(frozen=True)
class PhotoPlan:
    """What the photos of a site become."""

    images: dict[str, ResponsiveImage]  # site URL as written -> how pages show it
    files: list[PlannedFile]  # variants to make
    copied: list[Photo]  # published as they are
    diagnostics: list[Diagnostic]


def is_photo(url: str) -> bool:
    return url.lower().endswith(PHOTO_SUFFIXES)


def variant_url(url: str, width: int, fmt: str) -> str:
    """``/a/foto.jpg`` -> ``/a/foto-480w.webp``."""
    stem = posixpath.splitext(url)[0]
    return f"{stem}-{width}w{SUFFIX[fmt]}"


def plan_photos(photos: Iterable[Photo], probe: Probe, settings: ImageSettings, max_bytes: int) -> PhotoPlan:
    """Probe each photo and plan its variants; a file that cannot be read is left out, with a warning."""
    images: dict[str, ResponsiveImage] = {}
    files: list[PlannedFile] = []
    copied: list[Photo] = []
    diagnostics: list[Diagnostic] = []
    for photo in photos:
        try:
            info = probe(photo.source)
        except MediaProblem as problem:  # named in the warning; published as it is, so no link breaks
            diagnostics.append(warning("photo-as-is", photo.origin, None, name=posixpath.basename(photo.url),
                                       problem=problem.code))
            copied.append(photo)
            continue
        if info.format == "svg":
            copied.append(photo)
            if info.width and info.height:
                images[photo.url] = ResponsiveImage(photo.url, info.width, info.height, photo.url)
            continue
        if info.format not in REENCODED or info.animated or settings.publish_original:
            copied.append(photo)
            if settings.publish_original and info.format in REENCODED and not info.animated:
                image, made = _variants(photo, info, settings, max_bytes, own_copy=False)
                images[photo.url] = image
                files += made
            continue
        image, made = _variants(photo, info, settings, max_bytes, own_copy=True)
        images[photo.url] = image
        files += made
    return PhotoPlan(images, files, copied, diagnostics)


def _variants(photo: Photo, info: ImageInfo, settings: ImageSettings, max_bytes: int,
              own_copy: bool) -> tuple[ResponsiveImage, list[PlannedFile]]:
    """The variants of one photo, and (``own_copy``) its stripped copy at its own URL."""
    specs = plan_variant_specs(info, settings, max_bytes)
    files: list[PlannedFile] = []
    fallbacks: list[Variant] = []
    webp: list[Variant] = []
    src: Variant | None = None
    largest = max((spec.width for spec in specs), default=info.width)
    own = VariantSpec(largest, _height_for(info, largest), info.format, settings.quality)
    siblings = tuple(specs) + (own,)
    own_taken = False
    for spec in specs:
        url = variant_url(photo.url, spec.width, spec.format)
        if own_copy and not own_taken and spec.key == own.key:
            url, own_taken = photo.url, True  # the stripped copy at the writer's URL doubles as this variant
        files.append(PlannedFile(url, PhotoVariant(photo.source, spec, siblings), photo.origin))
        variant = Variant(url, spec.width, spec.height, spec.format)
        (webp if spec.format == "webp" else fallbacks).append(variant)
        if spec.max_bytes is not None and spec.format != "webp":
            src = variant
    if own_copy and not own_taken:
        files.append(PlannedFile(photo.url, PhotoVariant(photo.source, own, siblings), photo.origin))
    fallbacks.sort(key=lambda item: item.width)
    webp.sort(key=lambda item: item.width)
    src = src or (fallbacks[0] if fallbacks else Variant(photo.url, own.width, own.height, info.format))
    return ResponsiveImage(photo.url, src.width, src.height, src.url, tuple(fallbacks), tuple(webp)), files


def _height_for(info: ImageInfo, width: int) -> int:
    return max(1, round(info.height * width / info.width)) if info.width else info.height
