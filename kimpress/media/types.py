"""What the rest of the build knows of a photo: its size, its published variants, its ``srcset``.

Values only: no Pillow here, so the planner and the themes can use them freely.
"""

from __future__ import annotations

from dataclasses import dataclass

RASTER_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp")
MIME = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif", "svg": "image/svg+xml"}


@dataclass(frozen=True)
class ImageInfo:
    """A source image as it will be shown: size after its EXIF orientation, and its format."""

    width: int
    height: int
    format: str  # "jpeg", "png", "webp", "gif" (Pillow's name, lower case) or "svg"
    has_alpha: bool = False
    animated: bool = False


@dataclass(frozen=True)
class VariantSpec:
    """One file made from a source image: the width to fit and the format to write."""

    width: int
    height: int
    format: str  # "jpeg", "png" or "webp"
    quality: int
    max_bytes: int | None = None  # when set, the encoder lowers quality (then size) to stay under it

    @property
    def key(self) -> tuple:
        return (self.width, self.height, self.format, self.quality, self.max_bytes)


@dataclass(frozen=True)
class Variant:
    """A published variant: its site URL and size."""

    url: str
    width: int
    height: int
    format: str

    @property
    def mime(self) -> str:
        return MIME[self.format]


@dataclass(frozen=True)
class ResponsiveImage:
    """A photo as pages show it: the ``src`` fallback, and every variant for ``srcset``.

    ``fallbacks`` are in the source's own family (JPEG, or PNG for a picture with
    transparency), narrowest first; ``webp`` the same widths in WebP (empty when off).
    ``src`` is the fallback pages put in ``src``: at most the budget's size.
    An SVG has no variants: ``src`` is the file itself.
    """

    url: str  # where the writer's file would be published (links to it keep working)
    width: int  # of ``src``
    height: int
    src: str
    fallbacks: tuple[Variant, ...] = ()
    webp: tuple[Variant, ...] = ()

    @property
    def fallback_mime(self) -> str:
        return self.fallbacks[0].mime if self.fallbacks else MIME["svg"]

    def srcset(self, variants: tuple[Variant, ...], prefix=lambda url: url) -> str:
        """``url 480w, url 960w``; ``prefix`` turns a site URL into the link the page uses."""
        return ", ".join(f"{prefix(variant.url)} {variant.width}w" for variant in variants)


@dataclass(frozen=True)
class PhotoVariant:
    """The payload of an "image" output: one variant made from the writer's file at ``source``."""

    source: str  # absolute path of the source image
    spec: VariantSpec
    siblings: tuple[VariantSpec, ...] = ()  # every variant of the same photo, made together on a cache miss


@dataclass(frozen=True)
class ShareCard:
    """The payload of a "share-card" output: a 1200×630 JPEG for link previews (WhatsApp, Facebook).

    With ``cover`` (the absolute path of a raster cover) the cover is cropped to
    fit; without it a card is drawn from the words and the rubrik colour.
    """

    site_name: str
    place: str
    title: str
    label: str
    colour: str
    cover: str | None = None
