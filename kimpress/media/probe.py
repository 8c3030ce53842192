"""What a photo is, read from its header: size as shown, format, transparency, animation.

Opening goes through ``open_image``, which refuses pixel bombs before a pixel is decoded
and turns Pillow's failures into a ``MediaProblem`` the build can word for volunteers.
"""

from __future__ import annotations

import re
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image

from kimpress.core.errors import Diagnostic, error
from kimpress.media.types import ImageInfo

MAX_PIXELS = 80_000_000  # a 108 MP phone photo is 12000x9000; more is an accident or an attack
ORIENTATION_TAG = 0x0112
SWAPPING_ORIENTATIONS = (5, 6, 7, 8)  # the ones that turn the picture a quarter
TRANSPOSE = {  # what ImageOps.exif_transpose does for each EXIF orientation
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
FORMAT_NAMES = {"mpo": "jpeg"}  # phones' MPO (a JPEG with a second, depth or preview, image) is a JPEG
ALPHA_MODES = ("RGBA", "LA", "PA", "RGBa", "La")
# Pillow's ways of saying "this file is damaged": bad data, short reads, broken structures.
DECODE_FAILURES = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, struct.error)
SVG_HEAD_BYTES = 16_384
SVG_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}


class MediaProblem(Exception):
    """A photo the build cannot use: a message ``code`` and its ``params`` (``name`` is the file's)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __reduce__(self):  # survives the trip back from a worker process
        return (_rebuild_problem, (self.code, self.params))

    def diagnostic(self, path: str | None = None) -> Diagnostic:
        """The problem as an error diagnostic located at ``path`` (the photo's site path)."""
        return error(self.code, path, **self.params)


def _rebuild_problem(code: str, params: dict[str, Any]) -> MediaProblem:
    return MediaProblem(code, **params)


@contextmanager
def open_image(path: Path) -> Iterator[Image.Image]:
    """The image at ``path``, opened lazily, known to hold at most ``MAX_PIXELS`` pixels.

    Pillow's own bomb check warns (or raises) from inside ``Image.open``; the warning is
    turned into an error only within this block, so it never reaches the caller's filters.
    Other Pillow warnings about odd files (a corrupt EXIF block, ...) are not the writer's
    concern and are silenced here. Decoding failures inside the block become ``MediaProblem``.
    """
    name = path.name
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"PIL\.")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise MediaProblem("image-too-large", name=name, limit=MAX_PIXELS // 1_000_000) from None
        except Image.UnidentifiedImageError:
            raise MediaProblem("image-unreadable", name=name) from None
        except FileNotFoundError:
            raise MediaProblem("image-missing", name=name) from None
        except DECODE_FAILURES:
            raise MediaProblem("image-damaged", name=name) from None
        with image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise MediaProblem("image-too-large", name=name, limit=MAX_PIXELS // 1_000_000)
            if width < 1 or height < 1:
                raise MediaProblem("image-damaged", name=name)
            try:
                yield image
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise MediaProblem("image-too-large", name=name, limit=MAX_PIXELS // 1_000_000) from None
            except DECODE_FAILURES:
                raise MediaProblem("image-damaged", name=name) from None


def orientation(image: Image.Image) -> int:
    """The EXIF orientation (1-8) of an opened image, read without decoding its pixels.

    A PNG whose EXIF comes after its pixel data counts as upright: reading it would decode the
    whole picture. ``make_variant`` uses this same value, so sizes always agree with the probe.
    """
    if image.format == "PNG" and "exif" not in image.info:
        return 1
    try:
        value = image.getexif().get(ORIENTATION_TAG, 1)
    except DECODE_FAILURES:
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def has_transparency(image: Image.Image) -> bool:
    """Whether the image can hold see-through pixels: an alpha band, or a transparent colour."""
    return image.mode in ALPHA_MODES or "transparency" in image.info


def probe_image(path: Path) -> ImageInfo:
    """The size (after EXIF orientation), format, transparency and animation of the photo at ``path``."""
    if path.suffix.lower() == ".svg":
        return probe_svg(path)
    with open_image(path) as image:
        width, height = image.size
        if orientation(image) in SWAPPING_ORIENTATIONS:
            width, height = height, width
        name = (image.format or "").lower()
        animated = name != "mpo" and bool(getattr(image, "is_animated", False))
        return ImageInfo(width, height, FORMAT_NAMES.get(name, name), has_transparency(image), animated)


def probe_svg(path: Path) -> ImageInfo:
    """An SVG's size from its root element's ``width``/``height`` or ``viewBox``; 0x0 when it says neither."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SVG_HEAD_BYTES).decode("utf-8", errors="replace")
    except FileNotFoundError:
        raise MediaProblem("image-missing", name=path.name) from None
    except OSError:
        raise MediaProblem("image-unreadable", name=path.name) from None
    head = re.sub(r"<!--.*?-->", "", head, flags=re.DOTALL)
    root = re.search(r"<(?:[A-Za-z_][\w.-]*:)?svg\b([^>]*)>", head)
    if root is None:
        raise MediaProblem("svg-unreadable", name=path.name)
    attributes = dict(re.findall(r"([\w:.-]+)\s*=\s*[\"']([^\"']*)[\"']", root.group(1)))
    width, height = _svg_length(attributes.get("width")), _svg_length(attributes.get("height"))
    box = _view_box(attributes.get("viewBox"))
    if box is not None:
        box_width, box_height = box
        if width is None and height is None:
            width, height = box_width, box_height
        elif width is None and height is not None:
            width = height * box_width / box_height
        elif height is None and width is not None:
            height = width * box_height / box_width
    if width is None or height is None:
        return ImageInfo(0, 0, "svg")
    return ImageInfo(max(1, round(width)), max(1, round(height)), "svg")


def _svg_length(value: str | None) -> float | None:
    """A length in CSS pixels; None for a relative one (``100%``, ``2em``) or nonsense."""
    found = re.fullmatch(r"\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([a-z]*)\s*", value or "")
    if found is None or found.group(2) not in SVG_UNITS:
        return None
    length = float(found.group(1)) * SVG_UNITS[found.group(2)]
    return length if 0 < length < 1_000_000 else None


def _view_box(value: str | None) -> tuple[float, float] | None:
    numbers = re.split(r"[\s,]+", (value or "").strip())
    try:
        _, _, width, height = (float(number) for number in numbers)
    except ValueError:
        return None
    return (width, height) if 0 < width < 1_000_000 and 0 < height < 1_000_000 else None
