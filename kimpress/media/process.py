"""Photos made light: which variants a photo gets, and the stripped, resized bytes of each.

Every variant is decoded from the writer's file, turned upright (EXIF orientation),
reduced to its first frame, brought to sRGB, resized with Lanczos and written with no
metadata at all: no EXIF (GPS, camera serial), no XMP, no ICC profile, no comment.
The same file and spec give the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms

from kimpress.config.presentation import ImageSettings
from kimpress.media.probe import SWAPPING_ORIENTATIONS, TRANSPOSE, open_image, orientation
from kimpress.media.types import ImageInfo, VariantSpec

SRC_MAX_WIDTH = 960  # the ``src`` fallback: sharp on a phone's screen, light on its data plan
QUALITY_FLOOR = 40  # below this, JPEG and WebP photos show blocks: shrink the picture instead
QUALITY_STEP = 10
SHRINK_STEP = 0.85
MIN_WIDTH = 16
DRAFT_OVERSAMPLE = 2  # JPEG is decoded at no less than twice the largest variant, then Lanczos does the rest
WHITE = (255, 255, 255)


def plan_variant_specs(info: ImageInfo, settings: ImageSettings, max_bytes: int) -> list[VariantSpec]:
    """The variants of a photo: its family's fallbacks, narrowest first, then the same widths in WebP.

    Widths are the settings' widths narrower than the photo, plus the photo's own width capped
    at the widest setting. The family is PNG for a picture that can be transparent, JPEG for
    everything else (GIF and WebP included). Only the fallback pages put in ``src`` carries
    ``max_bytes``: the widest fallback at most ``SRC_MAX_WIDTH`` wide, else the narrowest.
    An SVG, or a picture of unknown size, has no variants.
    """
    if info.format == "svg" or info.width < 1 or info.height < 1:
        return []
    widths = sorted({width for width in settings.widths if width < info.width}
                    | {min(info.width, max(settings.widths))})
    family = "png" if info.has_alpha else "jpeg"
    src_width = max((width for width in widths if width <= SRC_MAX_WIDTH), default=widths[0])

    def spec(width: int, format: str) -> VariantSpec:
        height = max(1, round(info.height * width / info.width))
        budget = max_bytes if format == family and width == src_width else None
        return VariantSpec(width, height, format, settings.quality, budget)

    fallbacks = [spec(width, family) for width in widths]
    return fallbacks + ([spec(width, "webp") for width in widths] if settings.webp else [])


def src_spec(specs: list[VariantSpec]) -> VariantSpec | None:
    """The variant planned for ``src``: the one with a byte budget."""
    return next((spec for spec in specs if spec.max_bytes is not None), None)


def make_variant(path: Path, spec: VariantSpec) -> bytes:
    """The bytes of one variant of the photo at ``path``; raises ``MediaProblem`` for a bad file."""
    return make_variants(path, [spec])[0]


def make_variants(path: Path, specs: list[VariantSpec]) -> list[bytes]:
    """The bytes of several variants of one photo, each the same as ``make_variant`` gives.

    A JPEG is decoded once per distinct decoding scale (see ``draft_scale``), other files once.
    """
    scales = [decoding_scale(path, (spec.width, spec.height)) for spec in specs] if specs else []
    results: list[bytes] = [b""] * len(specs)
    for scale in sorted(set(scales)):
        source = decode(path, scale)
        shaped: dict[tuple[int, int], Image.Image] = {}  # a JPEG and a WebP of one width share their resize
        for index, spec in enumerate(specs):
            if scales[index] == scale:
                results[index] = encode_within(source, spec, shaped)
    return results


def decoding_scale(path: Path, shown: tuple[int, int]) -> int:
    """The scale (1, 2, 4 or 8) at which the photo is decoded to make a picture of ``shown`` size."""
    with open_image(path) as image:
        if image.format not in ("JPEG", "MPO"):
            return 1
        width, height = shown
        if orientation(image) in SWAPPING_ORIENTATIONS:
            width, height = height, width
        return draft_scale(image.size, (width, height))


def draft_scale(stored: tuple[int, int], target: tuple[int, int]) -> int:
    """The largest JPEG reduction that still leaves ``DRAFT_OVERSAMPLE`` times ``target`` in pixels.

    It depends on nothing but the two sizes, so a variant's bytes depend on nothing but its file and spec.
    """
    for scale in (8, 4, 2):
        if (stored[0] // scale >= target[0] * DRAFT_OVERSAMPLE and stored[1] // scale >= target[1] * DRAFT_OVERSAMPLE
                and stored[0] // scale > 1 and stored[1] // scale > 1):
            return scale
    return 1


@dataclass(frozen=True)
class Decoded:
    """A photo decoded for resizing: pixels in a resizable mode, with what it takes to finish them."""

    image: Image.Image  # before orientation: its size is the file's, not the shown one
    orientation: int
    icc_profile: bytes | None

    @property
    def shown_size(self) -> tuple[int, int]:
        width, height = self.image.size
        return (height, width) if self.orientation in SWAPPING_ORIENTATIONS else (width, height)


def decode(path: Path, scale: int = 1) -> Decoded:
    """The first frame of the photo at ``path`` in RGB/RGBA/L/LA/CMYK; a JPEG decoded at 1/``scale`` of its size."""
    with open_image(path) as image:
        turn = orientation(image)
        profile = image.info.get("icc_profile") or None
        if scale > 1 and image.format in ("JPEG", "MPO"):
            width, height = image.size
            image.draft(image.mode, (width // scale, height // scale))
        image.load()
        pixels = resizable(image)
    return Decoded(pixels, turn, profile if isinstance(profile, bytes) else None)


def resizable(image: Image.Image) -> Image.Image:
    """The frame in a mode Lanczos can resize without losing its colours or its transparency.

    16-bit and 32-bit greys are scaled to 8 bits (a plain conversion would clip them to white;
    floating-point greys from 0 to 1 are stretched to 255),
    palettes become RGB, or RGBA when a colour is transparent, and so does a colour key.
    CMYK stays CMYK, so that its ICC profile, if any, can still turn it into sRGB.
    """
    mode = image.mode
    if mode.startswith("I;16") or mode in ("I", "F"):
        grey = image.convert("I") if mode != "F" else image
        high = grey.getextrema()[1]
        scale = 255 if mode == "F" and high <= 1 else 1 / 256 if mode.startswith("I;16") or high > 255 else 1
        return grey.point(lambda value: value * scale).convert("L")
    if mode == "1":
        return image.convert("L")
    if mode in ("P", "PA"):
        return image.convert("RGBA" if has_alpha(image) else "RGB")
    if mode in ("L", "RGB") and "transparency" in image.info:
        return image.convert("LA" if mode == "L" else "RGBA")
    if mode in ("RGB", "RGBA", "L", "LA", "CMYK"):
        return image.copy()  # closing the file would discard the decoded pixels
    if mode == "La":
        return image.convert("LA")
    if mode == "RGBa":
        return image.convert("RGBA")
    if mode == "LAB":  # Pillow's plain conversion would read L*a*b* as if it were RGB
        try:
            return ImageCms.profileToProfile(image, ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB"),
                                             outputMode="RGB")
        except ImageCms.PyCMSError:
            pass
    return image.convert("RGB")  # YCbCr, LAB, HSV, ...


def has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def encode_within(source: Decoded, spec: VariantSpec, shaped: dict | None = None) -> bytes:
    """The variant's bytes; with ``spec.max_bytes``, quality then size go down until it fits.

    Quality drops by ``QUALITY_STEP`` to ``QUALITY_FLOOR`` (PNG has none to drop), then the
    picture shrinks by ``SHRINK_STEP`` at a time. Should even ``MIN_WIDTH`` pixels not fit,
    the smallest attempt is returned: the caller sees its size. ``shaped`` keeps resized
    pictures by size for the next spec of the same source.
    """
    shaped = {} if shaped is None else shaped
    width, height = _no_upscale((spec.width, spec.height), source.shown_size)
    quality = spec.quality
    data = encode(finish(source, (width, height), spec.format, shaped), spec.format, quality)
    if spec.max_bytes is None:
        return data
    while len(data) > spec.max_bytes and spec.format != "png" and quality > QUALITY_FLOOR:
        quality = max(QUALITY_FLOOR, quality - QUALITY_STEP)
        data = encode(finish(source, (width, height), spec.format, shaped), spec.format, quality)
    while len(data) > spec.max_bytes and width > MIN_WIDTH:
        width = max(MIN_WIDTH, int(width * SHRINK_STEP))
        height = max(1, round(spec.height * width / spec.width))
        data = encode(finish(source, (width, height), spec.format), spec.format, quality)
    return data


def _no_upscale(size: tuple[int, int], source: tuple[int, int]) -> tuple[int, int]:
    if size[0] <= source[0] and size[1] <= source[1]:
        return size
    return source


def finish(source: Decoded, size: tuple[int, int], format: str, shaped: dict | None = None) -> Image.Image:
    """The picture at its shown ``size``: resized, upright, in sRGB, in a mode ``format`` can hold."""
    if shaped is not None and size in shaped:
        return for_format(shaped[size], format)
    width, height = size
    if source.orientation in SWAPPING_ORIENTATIONS:
        width, height = height, width
    image = source.image
    if image.size != (width, height):
        image = image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    if source.orientation in TRANSPOSE:
        image = image.transpose(TRANSPOSE[source.orientation])
    image = to_srgb(image, source.icc_profile)
    if shaped is not None:
        shaped[size] = image
    return for_format(image, format)


def to_srgb(image: Image.Image, profile: bytes | None) -> Image.Image:
    """RGB or RGBA (L stays L without a profile) in sRGB: the embedded ICC profile applied, then dropped.

    A profile that lcms cannot read or that does not fit the mode is ignored.
    """
    if profile and image.mode in ("RGB", "RGBA", "L", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            output = "RGBA" if image.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(image, source, ImageCms.createProfile("sRGB"),
                                                  renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode=output)
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass
    if image.mode == "CMYK":
        return image.convert("RGB")
    return image


def for_format(image: Image.Image, format: str) -> Image.Image:
    """The picture in a mode ``format`` writes: JPEG never keeps alpha (it is laid on white)."""
    if format == "jpeg":
        if image.mode in ("RGBA", "LA"):
            return flatten(image)
        return image if image.mode in ("RGB", "L") else image.convert("RGB")
    if format == "webp":
        if image.mode == "LA":
            return image.convert("RGBA")
        return image if image.mode in ("RGB", "RGBA") else image.convert("RGB")
    return image if image.mode in ("RGB", "RGBA", "L", "LA") else image.convert("RGB")


def flatten(image: Image.Image, background: tuple[int, int, int] = WHITE) -> Image.Image:
    """A transparent picture laid on ``background``, in RGB."""
    rgba = image.convert("RGBA")
    canvas = Image.new("RGBA", rgba.size, background + (255,))
    return Image.alpha_composite(canvas, rgba).convert("RGB")


def encode(image: Image.Image, format: str, quality: int) -> bytes:
    """The picture written as ``format`` with nothing but its pixels: no EXIF, XMP, ICC or comment."""
    clean = image.copy()
    clean.info = {}  # Pillow's PNG and JPEG writers fall back to info for ICC, comment, transparency
    buffer = io.BytesIO()
    if format == "jpeg":
        clean.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    elif format == "png":
        clean.save(buffer, "PNG", optimize=True)
    elif format == "webp":
        clean.save(buffer, "WEBP", quality=quality, method=4)
    else:
        raise ValueError(f"unknown variant format {format!r}")
    return buffer.getvalue()
