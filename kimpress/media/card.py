"""Share cards: the 1200x630 JPEG a chat app or social network shows beside a link.

WhatsApp drops previews heavier than about 300 KB, so every card is written under a
byte budget. An article with a cover photo gets the photo, cropped to fill the card;
one without gets a card drawn in its rubrik's colour: site, place, rubrik and title.
Both are stripped of metadata and are the same bytes for the same input.
"""

from __future__ import annotations

import functools
import io
import math
import re
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from kimpress.media.probe import probe_image
from kimpress.media.process import decode, decoding_scale, encode, finish

CARD_SIZE = (1200, 630)
CARD_BYTES = 300 * 1024
FONTS = Path(__file__).parent / "fonts"
BOLD, REGULAR = FONTS / "DejaVuSans-Bold.ttf", FONTS / "DejaVuSans.ttf"
DEFAULT_COLOUR = "#1d4e89"
MARGIN = 72
BAND_HEIGHT = 124
CHIP_TOP = 56
TITLE_TOP = 150
TITLE_BOTTOM = CARD_SIZE[1] - BAND_HEIGHT - 36
TITLE_SIZES = (68, 62, 56, 50, 46, 42)
TITLE_LINES = 4
LINE_SPACING = 1.2
ELLIPSIS = "\u2026"
DARK_TEXT, LIGHT_TEXT = (17, 17, 17), (255, 255, 255)


def cover_card(path: Path, max_bytes: int = CARD_BYTES) -> bytes:
    """The cover photo upright, scaled to cover 1200x630 and cropped at its centre, under ``max_bytes``."""
    info = probe_image(path)
    scale = max(CARD_SIZE[0] / info.width, CARD_SIZE[1] / info.height)
    size = (max(CARD_SIZE[0], math.ceil(info.width * scale)), max(CARD_SIZE[1], math.ceil(info.height * scale)))
    picture = finish(decode(path, decoding_scale(path, size)), size, "jpeg")
    left, top = (size[0] - CARD_SIZE[0]) // 2, (size[1] - CARD_SIZE[1]) // 2
    return encode_card(picture.crop((left, top, left + CARD_SIZE[0], top + CARD_SIZE[1])), max_bytes)


def text_card(site_name: str, place: str, title: str, label: str, colour: str,
              max_bytes: int = CARD_BYTES) -> bytes:
    """A card drawn in the rubrik's ``colour`` (``#rrggbb``): the rubrik as a chip, the title, the site and place.

    The title takes at most four lines, in the largest size that holds it, and ends with an
    ellipsis when even the smallest cannot. Characters the packaged font lacks are left
    out rather than drawn as boxes. Text is white or near-black, whichever reads better.
    """
    background = parse_colour(colour)
    band = _shade(background)
    card = Image.new("RGB", CARD_SIZE, background)
    draw = ImageDraw.Draw(card)
    ink, band_ink = _ink(background), _ink(band)
    width = CARD_SIZE[0] - 2 * MARGIN

    label_font = _font(BOLD, 26)
    chip = _fit_line(_drawable(label.upper(), label_font), label_font, width - 48)
    if chip:
        left, top, right, bottom = draw.textbbox((0, 0), chip, font=label_font, anchor="ls")
        height = 26 + 2 * 14
        draw.rounded_rectangle((MARGIN, CHIP_TOP, MARGIN + right - left + 48, CHIP_TOP + height),
                               radius=height // 2, fill=ink)
        draw.text((MARGIN + 24, CHIP_TOP + height // 2), chip, font=label_font, fill=background, anchor="lm")

    lines, font = _title_lines(title, width)
    line_height = round(font.size * LINE_SPACING)
    for number, line in enumerate(lines):
        y = TITLE_TOP + number * line_height + font.size
        x, anchor = (CARD_SIZE[0] - MARGIN, "rs") if _is_rtl(line) else (MARGIN, "ls")
        draw.text((x, y), line, font=font, fill=ink, anchor=anchor)

    band_top = CARD_SIZE[1] - BAND_HEIGHT
    draw.rectangle((0, band_top, CARD_SIZE[0], CARD_SIZE[1]), fill=band)
    draw.rectangle((0, band_top, CARD_SIZE[0], band_top + 6), fill=ink)
    site_font, place_font = _font(BOLD, 34), _font(REGULAR, 27)
    site = _fit_line(_drawable(site_name, site_font), site_font, width)
    where = _fit_line(_drawable(place, place_font), place_font, width)
    if site and where:
        draw.text((MARGIN, band_top + 52), site, font=site_font, fill=band_ink, anchor="ls")
        draw.text((MARGIN, band_top + 95), where, font=place_font, fill=band_ink, anchor="ls")
    elif site or where:
        draw.text((MARGIN, band_top + BAND_HEIGHT // 2 + 3), site or where, font=site_font if site else place_font,
                  fill=band_ink, anchor="lm")
    # Flat colour and text: a baseline JPEG is ten times quicker to write than an optimised progressive one
    # and still far under the budget, which counts when a cold build draws a card for every article.
    return encode_card(card, max_bytes, quality=85, fast=True)


def encode_card(card: Image.Image, max_bytes: int, quality: int = 85, fast: bool = False) -> bytes:
    """The card as a JPEG under ``max_bytes``: quality down to 40, then ever softer detail (the size stays).

    ``fast`` writes a plain baseline JPEG (for drawn cards) instead of an optimised progressive one.
    """

    def write(image: Image.Image, level: int) -> bytes:
        if not fast:
            return encode(image, "jpeg", level)
        image.info = {}  # a card drawn here: nothing to copy first, and no metadata to carry
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=level)
        return buffer.getvalue()

    data = write(card, quality)
    while len(data) > max_bytes and quality > 40:
        quality = max(40, quality - 10)
        data = write(card, quality)
    radius = 0.5
    while len(data) > max_bytes and radius <= 16:
        data = write(card.filter(ImageFilter.GaussianBlur(radius)), quality)
        radius *= 2
    return data


def parse_colour(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` or ``#rgb`` as RGB; anything else is the default blue."""
    text = (colour or "").strip().lstrip("#")
    if re.fullmatch(r"[0-9a-fA-F]{3}", text):
        text = "".join(digit * 2 for digit in text)
    if not re.fullmatch(r"[0-9a-fA-F]{6}", text):
        text = DEFAULT_COLOUR.lstrip("#")
    return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _ink(background: tuple[int, int, int]) -> tuple[int, int, int]:
    """White or near-black: whichever has the higher WCAG contrast with ``background``."""
    light = luminance(background)
    on_white = 1.05 / (light + 0.05)
    on_dark = (light + 0.05) / (luminance(DARK_TEXT) + 0.05)
    return LIGHT_TEXT if on_white >= on_dark else DARK_TEXT


def _shade(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """The band's colour: the rubrik's, darker (lighter when it is almost black already)."""
    if luminance(colour) < 0.02:
        return tuple(round(channel + (255 - channel) * 0.16) for channel in colour)
    return tuple(round(channel * 0.72) for channel in colour)


@functools.lru_cache(maxsize=32)
def _font(path: str | Path, size: int, basic: bool = False) -> ImageFont.FreeTypeFont:
    """A packaged font at ``size``, parsed once per process (a card asks for a few, thousands of times)."""
    if basic:
        return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)
    return ImageFont.truetype(path, size)


def _title_lines(title: str, width: int) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The title wrapped in the largest size that takes at most four lines; else four lines and an ellipsis."""
    font = _font(BOLD, TITLE_SIZES[0])
    text = _drawable(title, font)
    for size in TITLE_SIZES:
        font = _font(BOLD, size)
        lines = _wrap(text, font, width)
        if len(lines) <= _line_room(size):
            return lines, font
    kept = lines[:_line_room(font.size)]
    kept[-1] = _fit_line(kept[-1] + " " + ELLIPSIS, font, width, always_ellipsis=True)
    return kept, font


def _line_room(size: int) -> int:
    """How many title lines of ``size`` fit between the chip and the band (at most four)."""
    line_height = round(size * LINE_SPACING)
    return min(TITLE_LINES, (TITLE_BOTTOM - TITLE_TOP - size) // line_height + 1)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap; a word wider than the line is cut between characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for character in word:
            if current and font.getlength(current + character) > width:
                lines.append(current)
                current = ""
            current += character
    if current:
        lines.append(current)
    return lines


def _fit_line(text: str, font: ImageFont.FreeTypeFont, width: int, always_ellipsis: bool = False) -> str:
    """``text`` as one line of at most ``width`` pixels, cut at a word (or a character) with an ellipsis."""
    if not always_ellipsis and font.getlength(text) <= width:
        return text
    body = text.removesuffix(ELLIPSIS).rstrip()
    while body and font.getlength(body + ELLIPSIS) > width:
        cut = body.rsplit(" ", 1)[0] if " " in body else body[:-1]
        body = cut.rstrip(" ,.;:-\u2013\u2014")
    return body + ELLIPSIS if body else ""


def _drawable(text: str, font: ImageFont.FreeTypeFont) -> str:
    """``text`` on one line, without the characters ``font`` has no glyph for (they would show as boxes)."""
    kept = []
    for character in " ".join(text.split()):
        orphan = unicodedata.category(character)[0] == "M" and (not kept or kept[-1] == " ")
        kept.append(character if _has_glyph(str(font.path), character) and not orphan else " ")
    return " ".join("".join(kept).split())


@functools.lru_cache(maxsize=4096)
def _has_glyph(path: str, character: str) -> bool:
    """Whether the font at ``path`` draws ``character`` (remembered: a card's letters are mostly the same)."""
    if unicodedata.category(character)[0] == "C" and character not in "\u200c\u200d":
        return False
    if character.isspace():
        return True
    small = _font(path, 20, basic=True)  # the basic layout draws no dotted circles
    return _glyph(small, character) != _glyph(small, "\uffff")


def _glyph(font: ImageFont.FreeTypeFont, character: str) -> bytes:
    """The pixels of one character drawn alone: the font's empty box when it has no glyph for it."""
    canvas = Image.new("L", (48, 48))
    ImageDraw.Draw(canvas).text((8, 8), character, font=font, fill=255)
    return canvas.tobytes()


def _is_rtl(line: str) -> bool:
    """Whether the line's first strongly directed character reads right to left (Arabic, Hebrew)."""
    for character in line:
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False
