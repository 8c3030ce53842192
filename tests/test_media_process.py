"""Photos made light: probing, variants without metadata, byte budgets, bad files, share cards.

Every image here is made with Pillow in a temporary folder, and every result is opened again.
"""

from __future__ import annotations

import io
import pickle
import random
import struct
import zlib
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageCms, ImageDraw, PngImagePlugin

from kimpress.config.presentation import ImageSettings
from kimpress.core.messages import MESSAGES
from kimpress.media import card
from kimpress.media.card import CARD_SIZE, cover_card, text_card
from kimpress.media.probe import MediaProblem, probe_image
from kimpress.media.process import make_variant, make_variants, plan_variant_specs, src_spec
from kimpress.media.types import ImageInfo, VariantSpec

SERIAL = "SN-4815162342"
SECRET = b"kimpress-secret-comment"
RED = (220, 20, 20)
BUDGET = 300 * 1024
LONG_TITLE = "Warga Bontang Kuala Gotong Royong Bersihkan Saluran Air Jelang Musim Hujan"


def phone_exif(orientation: int) -> Image.Exif:
    """EXIF as a phone writes it: orientation, camera, GPS position and the body's serial number."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "KameraHP"
    exif[ExifTags.Base.Model] = "X100"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.BodySerialNumber] = SERIAL
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (0.0, 8.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (117.0, 29.0, 5.0)
    return exif


def srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def noise(size: tuple[int, int], seed: int = 1) -> Image.Image:
    return Image.frombytes("RGB", size, random.Random(seed).randbytes(size[0] * size[1] * 3))


@pytest.fixture(scope="module")
def phone_photo(tmp_path_factory) -> Path:
    """A 4000x3000 landscape-stored JPEG shown portrait (orientation 6), red in its stored top-left corner."""
    size = (4000, 3000)
    red = Image.linear_gradient("L").resize(size)
    picture = Image.merge("RGB", (red, Image.effect_noise(size, 40), red.transpose(Image.Transpose.FLIP_LEFT_RIGHT)))
    ImageDraw.Draw(picture).rectangle((0, 0, 599, 599), fill=RED)
    path = tmp_path_factory.mktemp("phone") / "IMG_0001.jpg"
    picture.save(path, quality=92, exif=phone_exif(6).tobytes(), icc_profile=srgb_icc(), comment=SECRET)
    data = path.read_bytes()
    assert SERIAL.encode() in data and b"Exif" in data and SECRET in data  # the test photo does carry them
    return path


def assert_clean(data: bytes) -> Image.Image:
    """The variant opened, once it is known to carry no metadata at all."""
    for marker in (b"Exif", SERIAL.encode(), SECRET, b"KameraHP", b"ICC_PROFILE", b"http://ns.adobe.com/xap",
                   b"eXIf", b"tEXt", b"iTXt", b"zTXt", b"iCCP"):
        assert marker not in data, marker
    image = Image.open(io.BytesIO(data))
    assert len(image.getexif()) == 0
    assert not {"exif", "icc_profile", "comment", "xmp", "XML:com.adobe.xmp"} & set(image.info)
    return image


def test_probe_gives_the_size_as_shown_after_the_exif_orientation(phone_photo):
    assert probe_image(phone_photo) == ImageInfo(3000, 4000, "jpeg", has_alpha=False, animated=False)


def test_phone_photo_variants_are_upright_resized_and_carry_no_metadata(phone_photo):
    specs = plan_variant_specs(probe_image(phone_photo), ImageSettings(), BUDGET)
    assert [(spec.width, spec.height, spec.format) for spec in specs] == [
        (480, 640, "jpeg"), (960, 1280, "jpeg"), (1440, 1920, "jpeg"),
        (480, 640, "webp"), (960, 1280, "webp"), (1440, 1920, "webp")]
    assert src_spec(specs) == specs[1] and specs[1].max_bytes == BUDGET
    variants = make_variants(phone_photo, specs)
    for spec, data in zip(specs, variants):
        image = assert_clean(data)
        assert image.format == {"jpeg": "JPEG", "webp": "WEBP"}[spec.format]
        assert image.size == (spec.width, spec.height) and image.mode == "RGB"
        # orientation 6 turns the stored top-left corner into the shown top-right one
        top_right = image.convert("RGB").getpixel((spec.width - 4, 4))
        top_left = image.convert("RGB").getpixel((4, 4))
        assert top_right[0] > 180 and top_right[1] < 70, top_right
        assert top_left != pytest.approx(RED, abs=40)
    assert len(variants[1]) <= BUDGET
    assert make_variant(phone_photo, specs[0]) == variants[0]  # one at a time gives the same bytes


def test_variants_are_the_same_bytes_every_time(phone_photo):
    spec = VariantSpec(480, 640, "jpeg", 80, BUDGET)
    webp = VariantSpec(480, 640, "webp", 80)
    assert make_variant(phone_photo, spec) == make_variant(phone_photo, spec)
    assert make_variant(phone_photo, webp) == make_variant(phone_photo, webp)


def test_jpeg_variants_are_progressive(phone_photo):
    image = Image.open(io.BytesIO(make_variant(phone_photo, VariantSpec(480, 640, "jpeg", 80))))
    assert image.info.get("progressive") or image.info.get("progression")


def test_a_noisy_photo_still_fits_the_src_budget(tmp_path):
    path = tmp_path / "noise.jpg"
    noise((2400, 1800)).save(path, quality=95)
    budget = 120 * 1024
    specs = plan_variant_specs(probe_image(path), ImageSettings(), budget)
    src = src_spec(specs)
    assert (src.width, src.height, src.format) == (960, 720, "jpeg")
    data = make_variant(path, src)
    image = assert_clean(data)
    assert len(data) <= budget and image.format == "JPEG"
    assert image.width <= 960 and image.height == pytest.approx(image.width * 0.75, abs=1)
    unbounded = make_variant(path, VariantSpec(960, 720, "jpeg", 80))
    assert len(unbounded) > budget  # the budget did have work to do


def test_plan_widths_formats_and_the_src_rule():
    settings = ImageSettings()
    def planned(info, chosen=settings):
        return [(spec.width, spec.height, spec.format, spec.max_bytes) for spec in plan_variant_specs(info, chosen, 99)]
    assert planned(ImageInfo(700, 350, "jpeg")) == [
        (480, 240, "jpeg", None), (700, 350, "jpeg", 99), (480, 240, "webp", None), (700, 350, "webp", None)]
    assert planned(ImageInfo(300, 200, "png", has_alpha=True), ImageSettings(webp=False)) == [(300, 200, "png", 99)]
    assert planned(ImageInfo(960, 10, "gif"), ImageSettings(webp=False)) == [(480, 5, "jpeg", None),
                                                                              (960, 10, "jpeg", 99)]
    wide = ImageSettings(widths=(1200, 1600), webp=False)
    assert planned(ImageInfo(5000, 2, "webp"), wide) == [(1200, 1, "jpeg", 99), (1600, 1, "jpeg", None)]
    assert plan_variant_specs(ImageInfo(0, 0, "svg"), settings, 99) == []
    assert plan_variant_specs(ImageInfo(300, 300, "svg"), settings, 99) == []


def test_transparent_png_stays_transparent_png_and_jpeg_lies_on_white(tmp_path):
    path = tmp_path / "logo.png"
    picture = Image.new("RGBA", (1000, 500), (0, 0, 0, 0))
    ImageDraw.Draw(picture).rectangle((500, 0, 999, 499), fill=(10, 90, 200, 255))
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET.decode())
    picture.save(path, pnginfo=info, exif=phone_exif(1).tobytes())
    probed = probe_image(path)
    assert probed == ImageInfo(1000, 500, "png", has_alpha=True)
    specs = plan_variant_specs(probed, ImageSettings(), BUDGET)
    for spec, data in zip(specs, make_variants(path, specs)):
        image = assert_clean(data)
        assert image.format == spec.format.upper() and image.mode == "RGBA"
        assert image.getpixel((5, 5))[3] == 0 and image.getpixel((image.width - 5, 5))[3] == 255
    flat = Image.open(io.BytesIO(make_variant(path, VariantSpec(480, 240, "jpeg", 80))))
    assert flat.mode == "RGB" and min(flat.getpixel((5, 5))) > 245


def test_png_orientation_is_read_from_its_exif(tmp_path):
    path = tmp_path / "turned.png"
    Image.new("RGB", (600, 200), (0, 128, 0)).save(path, exif=phone_exif(8).tobytes())
    assert probe_image(path) == ImageInfo(200, 600, "png")
    assert Image.open(io.BytesIO(make_variant(path, VariantSpec(100, 300, "jpeg", 80)))).size == (100, 300)


def test_cmyk_jpeg_becomes_rgb(tmp_path):
    path = tmp_path / "print.jpg"
    Image.new("CMYK", (800, 600), (0, 255, 255, 0)).save(path)  # pure red in ink
    data = make_variant(path, VariantSpec(400, 300, "jpeg", 80))
    image = assert_clean(data)
    assert image.mode == "RGB" and image.getpixel((200, 150)) == pytest.approx((255, 0, 0), abs=12)
    webp = Image.open(io.BytesIO(make_variant(path, VariantSpec(400, 300, "webp", 80))))
    assert webp.format == "WEBP" and webp.mode == "RGB"


def test_palette_gifs_become_jpeg_or_transparent_png(tmp_path):
    opaque = tmp_path / "flat.gif"
    Image.new("RGB", (500, 400), (0, 160, 80)).convert("P").save(opaque)
    assert probe_image(opaque) == ImageInfo(500, 400, "gif")
    image = Image.open(io.BytesIO(make_variant(opaque, VariantSpec(250, 200, "jpeg", 80))))
    assert image.mode == "RGB" and image.getpixel((100, 100)) == pytest.approx((0, 160, 80), abs=12)

    see_through = tmp_path / "hole.gif"
    palette = Image.new("P", (500, 400), 1)
    palette.putpalette([255, 255, 255, 200, 0, 0] + [0, 0, 0] * 254)
    ImageDraw.Draw(palette).rectangle((0, 0, 249, 399), fill=0)
    palette.save(see_through, transparency=0)
    probed = probe_image(see_through)
    assert probed.has_alpha
    specs = plan_variant_specs(probed, ImageSettings(webp=False), BUDGET)
    assert [spec.format for spec in specs] == ["png", "png"]
    image = Image.open(io.BytesIO(make_variant(see_through, specs[0])))
    assert image.mode == "RGBA" and image.getpixel((10, 10))[3] == 0 and image.getpixel((470, 10))[3] == 255


def test_an_animated_gif_gives_its_first_frame(tmp_path):
    path = tmp_path / "moving.gif"
    frames = [Image.new("RGB", (300, 200), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert probe_image(path) == ImageInfo(300, 200, "gif", animated=True)
    for format in ("jpeg", "webp"):
        image = Image.open(io.BytesIO(make_variant(path, VariantSpec(150, 100, format, 80))))
        assert getattr(image, "n_frames", 1) == 1
        assert image.convert("RGB").getpixel((75, 50)) == pytest.approx((255, 0, 0), abs=12)


def test_sixteen_bit_grey_is_scaled_not_clipped(tmp_path):
    path = tmp_path / "scan.png"
    grey = Image.new("I;16", (400, 300), 32768)
    grey.save(path)
    with Image.open(path) as stored:
        assert stored.mode.startswith("I")
    for format in ("jpeg", "png", "webp"):
        image = Image.open(io.BytesIO(make_variant(path, VariantSpec(200, 150, format, 90))))
        assert image.convert("L").getpixel((100, 75)) == pytest.approx(128, abs=3)


def test_not_an_image_and_a_damaged_one_are_media_problems(tmp_path):
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(random.Random(3).randbytes(5000))
    text = tmp_path / "notes.png"
    text.write_text("bukan gambar")
    for path in (junk, text):
        with pytest.raises(MediaProblem) as caught:
            probe_image(path)
        assert caught.value.code == "image-unreadable" and caught.value.params == {"name": path.name}
    truncated = tmp_path / "half.jpg"
    buffer = io.BytesIO()
    noise((800, 600)).save(buffer, "JPEG", quality=90)
    truncated.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    assert probe_image(truncated).width == 800  # the header is whole; the pixels are not
    with pytest.raises(MediaProblem) as caught:
        make_variant(truncated, VariantSpec(400, 300, "jpeg", 80))
    assert caught.value.code == "image-damaged"
    with pytest.raises(MediaProblem) as caught:
        probe_image(tmp_path / "gone.jpg")
    assert caught.value.code == "image-missing"


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that claims ``width`` x ``height`` but holds one tiny compressed row: decoding it would fail."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 16))
                     + chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize("size", [(30000, 30000), (10000, 9000), (9000, 9000)],
                         ids=["over-pillow-error", "pillow-warning", "over-kimpress-cap"])
def test_a_pixel_bomb_is_refused_before_decoding(tmp_path, size):
    path = png_header_only(tmp_path / "bomb.png", *size)
    limit = Image.MAX_IMAGE_PIXELS
    for action in (lambda: probe_image(path), lambda: make_variant(path, VariantSpec(480, 480, "jpeg", 80)),
                   lambda: cover_card(path)):
        with pytest.raises(MediaProblem) as caught:
            action()
        # "too large", not "damaged": the pixel data, which is not there, was never read
        assert caught.value.code == "image-too-large" and caught.value.params["limit"] == 80
    assert Image.MAX_IMAGE_PIXELS == limit


def test_media_problems_travel_between_processes_and_read_in_both_languages():
    problem = pickle.loads(pickle.dumps(MediaProblem("image-too-large", name="a.jpg", limit=80)))
    assert (problem.code, problem.params) == ("image-too-large", {"name": "a.jpg", "limit": 80})
    diagnostic = problem.diagnostic("belimbing/a.jpg")
    assert diagnostic.is_error and diagnostic.path == "belimbing/a.jpg" and diagnostic.param_dict["limit"] == 80
    for code in ("image-unreadable", "image-damaged", "image-too-large", "image-missing", "svg-unreadable"):
        indonesian, english = MESSAGES[code]
        for template in (indonesian, english):
            filled = template.format(name="a.jpg", limit=80)
            assert "a.jpg" in filled and "{" not in filled
        assert "Anda" not in english and indonesian != english


@pytest.mark.parametrize("svg, size", [
    ('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80px"/>', (120, 80)),
    ('<?xml version="1.0"?>\n<!-- <svg width="1" height="1"> -->\n<svg viewBox="0 0 300 150"></svg>', (300, 150)),
    ("<svg width='600' viewBox='0,0,300,150'></svg>", (600, 300)),
    ('<svg width="100%" height="100%" viewBox="0 0 40 20"></svg>', (40, 20)),
    ('<svg width="1in" height="2.54cm"></svg>', (96, 96)),
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', (0, 0)),
    ('<svg:svg xmlns:svg="http://www.w3.org/2000/svg" width="10" height="20"/>', (10, 20)),
])
def test_svg_size_comes_from_its_root_element(tmp_path, svg, size):
    path = tmp_path / "logo.svg"
    path.write_text(svg)
    assert probe_image(path) == ImageInfo(*size, "svg")


def test_a_file_without_an_svg_element_is_a_media_problem(tmp_path):
    path = tmp_path / "logo.svg"
    path.write_text("<html><body>bukan svg</body></html>")
    with pytest.raises(MediaProblem) as caught:
        probe_image(path)
    assert caught.value.code == "svg-unreadable"


def assert_card(data: bytes) -> Image.Image:
    image = assert_clean(data)
    assert image.format == "JPEG" and image.size == CARD_SIZE and image.mode == "RGB"
    assert len(data) <= BUDGET
    return image


def test_cover_card_fills_the_card_from_an_upright_photo(phone_photo, tmp_path):
    data = cover_card(phone_photo)
    image = assert_card(data)
    assert cover_card(phone_photo) == data
    # the portrait photo is cropped at its middle: its red shown top-right corner is cut away
    assert image.getpixel((1195, 5)) != pytest.approx(RED, abs=40)
    small = tmp_path / "small.png"
    Image.new("RGBA", (200, 100), (0, 0, 255, 0)).save(small)
    assert min(assert_card(cover_card(small)).getpixel((600, 315))) > 245  # transparency lies on white
    noisy = tmp_path / "noisy.jpg"
    noise((1600, 1200), seed=5).save(noisy, quality=95)
    assert_card(cover_card(noisy))
    assert len(cover_card(noisy, max_bytes=100 * 1024)) <= 100 * 1024


@pytest.mark.parametrize("title", [
    "Posyandu Dibuka Lagi",
    LONG_TITLE,
    " ".join([LONG_TITLE] * 8),
    "Pembangunan" * 40,
    "ꦮꦂꦒ ꦧꦺꦴꦤ꧀ꦠꦁ ꦏꦸꦮꦭ",  # Javanese: a script DejaVu lacks
    "مرحبا بكم في موقعنا الإخباري الجديد للمجتمع",
    "Kerja bakti ꦮꦂꦒ 🌧️ \u200b\x00 Ελληνικά Кириллица",
    "",
], ids=["short", "long", "very-long", "one-word", "javanese", "arabic", "mixed", "empty"])
def test_text_card_is_a_light_card_of_the_right_size(title):
    data = text_card("KIM Bontang Kuala", "Kelurahan Bontang Kuala", title, "Berita", "#0b6e4f")
    assert_card(data)
    assert text_card("KIM Bontang Kuala", "Kelurahan Bontang Kuala", title, "Berita", "#0b6e4f") == data


def test_text_card_title_shrinks_then_ends_with_an_ellipsis():
    width = CARD_SIZE[0] - 2 * card.MARGIN
    short_lines, short_font = card._title_lines("Posyandu Dibuka Lagi", width)
    assert short_lines == ["Posyandu Dibuka Lagi"] and short_font.size == card.TITLE_SIZES[0]
    long_lines, long_font = card._title_lines(LONG_TITLE, width)
    assert " ".join(long_lines) == LONG_TITLE and len(long_lines) <= 4
    lines, font = card._title_lines(" ".join([LONG_TITLE] * 8), width)
    assert len(lines) == 4 and lines[-1].endswith("\u2026") and font.size == card.TITLE_SIZES[-1]
    assert all(font.getlength(line) <= width for line in lines)


def test_text_card_leaves_out_glyphs_the_font_lacks():
    font = card.ImageFont.truetype(card.BOLD, 40)
    assert card._drawable("ꦮꦂꦒ Kerja  bakti\x00 ꦧꦺꦴ", font) == "Kerja bakti"
    assert card._drawable("مرحبا Ελληνικά", font) == "مرحبا Ελληνικά"


@pytest.mark.parametrize("colour, ink", [("#0b6e4f", (255, 255, 255)), ("#f5c518", (17, 17, 17)),
                                         ("#fff", (17, 17, 17)), ("not a colour", (255, 255, 255))])
def test_text_card_writes_in_the_colour_that_reads_best(colour, ink):
    image = Image.open(io.BytesIO(text_card("KIM Satimpo", "Satimpo", "Judul", "Berita", colour)))
    chip = image.getpixel((card.MARGIN + 6, card.CHIP_TOP + 27))  # the chip is filled with the text's colour
    assert chip == pytest.approx(ink, abs=16)
    background = image.getpixel((CARD_SIZE[0] - 10, card.CHIP_TOP))
    assert background == pytest.approx(card.parse_colour(colour), abs=8)
