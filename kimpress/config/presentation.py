"""site.yaml settings for what readers get: photos, the weight budget, the masthead and the contact.

    images:  {widths: [480, 960, 1440], quality: 80, webp: true, publish_original: false}
    budget:  {html_kb: 30, image_kb: 300}
    logo:    /logo.png          (a file of static/, shown in the masthead)
    city:    Kota Bontang       (the place under the site name)
    contact: {email: ..., phone: ..., whatsapp: ..., address: ...}
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from kimpress.config.options import Boolean, Integer, Invalid, refuse_unknown


@dataclass(frozen=True)
class ImageSettings:
    """How photos are made light: the widths of their variants, JPEG/WebP quality, and what is published.

    ``publish_original`` keeps the writer's file as it is (EXIF and all) beside the variants;
    by default only the stripped, resized copies are published.
    """

    widths: tuple[int, ...] = (480, 960, 1440)
    quality: int = 80
    webp: bool = True
    publish_original: bool = False

    @property
    def key(self) -> tuple:
        """What decides the bytes of a variant, for caches and stamps."""
        return (self.widths, self.quality, self.webp)


@dataclass(frozen=True)
class BudgetSettings:
    """The weight a page may have before the build warns, in kilobytes (1 KB = 1,024 bytes)."""

    html_kb: int = 30
    image_kb: int = 300


CONTACT_KEYS = ("email", "phone", "whatsapp", "address", "instagram", "facebook", "x", "youtube")


def check_images(value: dict) -> ImageSettings:
    known = {item.name for item in fields(ImageSettings)}
    refuse_unknown(value, known, "unknown-images-setting")
    settings: dict[str, Any] = {}
    if "widths" in value:
        widths = value["widths"] if isinstance(value["widths"], list) else [value["widths"]]
        cleaned = sorted({Integer(minimum=16, maximum=8000).clean(width) for width in widths})
        if not cleaned:
            raise Invalid("expected-list", value=value["widths"])
        settings["widths"] = tuple(cleaned)
    if "quality" in value:
        settings["quality"] = Integer(minimum=30, maximum=95).clean(value["quality"])
    for flag in ("webp", "publish_original"):
        if flag in value:
            settings[flag] = Boolean().clean(value[flag])
    return ImageSettings(**settings)


def check_budget(value: dict) -> BudgetSettings:
    refuse_unknown(value, {item.name for item in fields(BudgetSettings)}, "unknown-budget-setting")
    return BudgetSettings(**{key: Integer(minimum=1, maximum=100_000).clean(number) for key, number in value.items()})


def check_contact(value: dict) -> tuple[tuple[str, str], ...]:
    """The KIM's contact for the footer, in the order written; only the known kinds."""
    refuse_unknown(value, set(CONTACT_KEYS), "unknown-contact-setting")
    pairs = []
    for key, text in value.items():
        if isinstance(text, (dict, list)):
            raise Invalid("expected-text")
        if text is not None and str(text).strip():
            pairs.append((str(key), str(text).strip()))
    return tuple(pairs)
