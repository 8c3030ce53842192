"""Photos made light and pages made shareable, on tiny real sites.

A phone photo (4000×3000, EXIF with GPS and a camera serial, rotated by its
Orientation tag) goes in; the tests open every published image with Pillow and
parse every page with html5lib: variants and their ``srcset``, no metadata in any
published copy, the share card, Open Graph, Twitter and JSON-LD values, the
weight budget and the alt-text warnings.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import lxml.etree
import pytest
from conftest import MINIMAL_CONFIG, article, build_site, output_files, parse_html
from PIL import Image

GPS_IFD = 0x8825
BODY_SERIAL = 0xA431
ORIENTATION = 0x0112


def phone_photo(width: int = 4000, height: int = 3000, orientation: int = 6, seed: int = 1) -> bytes:
    """A noisy JPEG, as a phone writes it: big, with GPS, a serial number and an Orientation tag."""
    rng = random.Random(seed)
    small = Image.new("RGB", (width // 50, height // 50))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256))
                   for _ in range(small.width * small.height)])
    image = small.resize((width, height), Image.Resampling.BICUBIC)
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(0x8769)[BODY_SERIAL] = "SN-123456789"
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (0.0, 7.0, 30.0), 3: "E", 4: (117.0, 29.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def photo_site(make_site, extra_config: str = "", **fields: object):
    files = {
        "content/loktuan/2024-05-01-banjir.md": article(
            "Banjir di Lok Tuan", "2024-05-01 08:00", category="berita", tags="[banjir]",
            cover="foto.jpg", cover_alt="Air setinggi lutut di jalan Lok Tuan",
            body="Air naik sejak subuh.\n\n![Warga menyelamatkan barang](foto.jpg)\n", **fields),
        "content/loktuan/2024-05-01-banjir/foto.jpg": phone_photo(),
        "content/loktuan/2024-05-02-tanpa-sampul.md": article("Rapat RT Membahas Saluran Air", "2024-05-02 08:00",
                                                              category="pengumuman"),
    }
    return make_site(files, config=MINIMAL_CONFIG + extra_config)


def opened(path: Path) -> Image.Image:
    """The image at ``path``, read whole and its file closed."""
    with Image.open(path) as image:
        image.load()
        return image


def published_images(output: Path) -> dict[str, Image.Image]:
    return {rel: opened(output / rel) for rel in output_files(output)
            if rel.lower().endswith((".jpg", ".jpeg", ".png", ".webp"))}


def test_a_phone_photo_is_published_only_as_light_stripped_variants(make_site) -> None:
    site = photo_site(make_site)
    result = build_site(site)
    out = result.config.output_dir
    images = {rel: image for rel, image in published_images(out).items() if "/banjir/foto" in rel}
    folder = "loktuan/banjir/"
    assert set(images) == {folder + name for name in (
        "foto.jpg", "foto-480w.jpg", "foto-960w.jpg", "foto-480w.webp", "foto-960w.webp", "foto-1440w.webp")}
    for rel, image in images.items():
        data = (out / rel).read_bytes()
        assert not image.getexif(), rel
        assert b"Exif" not in data and b"SN-123456789" not in data and b"PhoneMaker" not in data, rel
        assert image.height > image.width, f"{rel}: the Orientation tag was not applied"
    assert images[folder + "foto.jpg"].size == (1440, 1920)
    assert images[folder + "foto-480w.webp"].format == "WEBP"
    assert (out / folder / "foto.jpg").stat().st_size < len(phone_photo())


def test_the_original_is_published_only_when_the_site_asks(make_site) -> None:
    site = photo_site(make_site, "images: {publish_original: true}\n")
    out = build_site(site).config.output_dir
    assert (out / "loktuan/banjir/foto.jpg").read_bytes() == phone_photo()
    assert (out / "loktuan/banjir/foto-480w.jpg").is_file()


def test_pages_show_photos_with_srcset_sizes_and_dimensions(make_site) -> None:
    site = photo_site(make_site)
    out = build_site(site).config.output_dir
    page = parse_html(out / "loktuan/banjir/index.html")
    main = page.find(".//main")
    pictures = main.findall(".//picture")
    assert pictures, "the article shows no <picture>"
    for picture in pictures:
        source = picture.find("source")
        img = picture.find("img")
        assert source.get("type") == "image/webp"
        for candidate in source.get("srcset").split(","):
            url, width = candidate.split()
            assert url.endswith(".webp") and width.endswith("w")
            assert (out / url.removeprefix("/kim/")).is_file(), url
        src = img.get("src").removeprefix("/kim/")
        assert (out / src).stat().st_size <= 300 * 1024
        assert opened(out / src).size == (int(img.get("width")), int(img.get("height")))
        assert img.get("sizes") and img.get("alt")
        for candidate in img.get("srcset").split(","):
            url, width = candidate.split()
            assert opened(out / url.removeprefix("/kim/")).width == int(width[:-1])
    body_images = main.findall(".//div[@class='article-body']//img")
    assert body_images and all(img.get("loading") == "lazy" for img in body_images)


def test_a_rebuild_makes_no_photo_again_and_a_new_output_folder_reuses_the_cache(make_site, tmp_path) -> None:
    site = photo_site(make_site)
    cache = tmp_path / "cache" / "memory.pickle"
    first = build_site(site, cache_file=cache)
    assert any(url.endswith(".webp") for url in first.rendered)
    second = build_site(site, cache_file=cache)
    assert not [url for url in second.rendered if url.endswith((".jpg", ".webp"))]
    media = cache.parent / "media"
    made = sorted(path.stat().st_mtime_ns for path in media.rglob("*") if path.is_file())
    build_site(site, cache_file=cache, output_dir=str(tmp_path / "elsewhere"))
    again = sorted(path.stat().st_mtime_ns for path in media.rglob("*") if path.is_file())
    assert made == again, "a cached variant was made again"
    assert (tmp_path / "elsewhere" / "loktuan/banjir/foto-480w.webp").is_file()


def _meta(page, attribute: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in page.iter("meta"):
        if meta.get(attribute):
            found.setdefault(meta.get(attribute), []).append(meta.get("content"))
    return found


def _json_ld(page) -> list[dict]:
    items: list[dict] = []
    for script in page.iter("script"):
        if script.get("type") == "application/ld+json":
            data = json.loads(script.text)
            items += data if isinstance(data, list) else [data]
    return items


def test_an_article_has_complete_open_graph_twitter_and_json_ld(make_site) -> None:
    site = photo_site(make_site)
    out = build_site(site).config.output_dir
    page = parse_html(out / "loktuan/banjir/index.html")
    og = _meta(page, "property")
    url = "https://contoh.id/kim/loktuan/banjir/"
    assert og["og:url"] == [url] and og["og:type"] == ["article"] and og["og:locale"] == ["id_ID"]
    assert og["og:site_name"] == ["Kabar Uji"] and og["og:title"][0].startswith("Banjir di Lok Tuan")
    assert og["og:image"] == [url + "og.jpg"]
    assert og["og:image:width"] == ["1200"] and og["og:image:height"] == ["630"]
    assert og["og:image:alt"] == ["Air setinggi lutut di jalan Lok Tuan"]
    assert og["article:published_time"] == ["2024-05-01T08:00:00+08:00"]
    assert og["article:section"] == ["berita"] and og["article:tag"] == ["banjir"]
    assert "article:modified_time" in og and og["og:description"][0]
    names = _meta(page, "name")
    assert names["twitter:card"] == ["summary_large_image"] and names["twitter:image"] == [url + "og.jpg"]
    assert [link.get("href") for link in page.iter("link") if link.get("rel") == "canonical"] == [url]
    items = {item["@type"]: item for item in _json_ld(page)}
    news = items["NewsArticle"]
    assert news["headline"] == "Banjir di Lok Tuan" and news["url"] == url
    assert news["datePublished"] == "2024-05-01T08:00:00+08:00" and news["image"] == [url + "og.jpg"]
    assert news["publisher"]["name"] == "Kabar Uji" and news["author"][0]["name"]
    crumbs = [step["name"] for step in items["BreadcrumbList"]["itemListElement"]]
    assert crumbs[-2:] == ["Kelurahan Loktuan", "Banjir di Lok Tuan"] and len(crumbs) >= 3
    assert items["BreadcrumbList"]["itemListElement"][-1]["item"] == url
    home = {item["@type"]: item for item in _json_ld(parse_html(out / "index.html"))}
    assert home["WebSite"]["url"] == "https://contoh.id/kim/"
    assert _meta(parse_html(out / "index.html"), "property")["og:image"] == ["https://contoh.id/kim/og.jpg"]


def test_every_article_has_a_share_image_small_enough_for_whatsapp(make_site) -> None:
    site = photo_site(make_site)
    out = build_site(site).config.output_dir
    for rel in ("loktuan/banjir/og.jpg", "loktuan/tanpa-sampul/og.jpg", "og.jpg"):
        data = (out / rel).read_bytes()
        image = opened(io.BytesIO(data))
        assert image.format == "JPEG" and image.size == (1200, 630), rel
        assert len(data) <= 300 * 1024 and not image.getexif(), rel
    # The article with a photo cover shares the photo; the one without gets a card of flat colour and words.
    photo = opened(out / "loktuan/banjir/og.jpg").convert("RGB").resize((120, 63))
    drawn = opened(out / "loktuan/tanpa-sampul/og.jpg").convert("RGB").resize((120, 63))
    assert len(photo.getcolors(maxcolors=120 * 63) or ()) > 2000
    [(count, _)] = sorted(drawn.getcolors(maxcolors=120 * 63), reverse=True)[:1]
    assert count > 120 * 63 // 3  # one background colour covers much of the card


def test_json_ld_cannot_close_its_script(make_site) -> None:
    site = make_site({"content/loktuan/a.md": article("Judul </script><script>alert(1)</script>",
                                                       summary="\"<b>&amp; tutup\"")})
    out = build_site(site).config.output_dir
    text = (out / "loktuan/a/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text
    headlines = [item.get("headline") for item in _json_ld(parse_html(out / "loktuan/a/index.html"))]
    assert "Judul </script><script>alert(1)</script>" in headlines


def test_missing_alt_text_is_a_warning_at_its_line(make_site) -> None:
    files = {
        "content/loktuan/a.md": article("Tanpa keterangan", cover="foto.jpg",
                                        body="Paragraf.\n\n![](foto.jpg)\n\n<img src=\"foto.jpg\" alt=\"\">\n"),
        "content/loktuan/foto.jpg": phone_photo(800, 600, 1),
    }
    result = build_site(make_site(files))
    found = {(item.code, item.path, item.line) for item in result.warnings}
    assert ("cover-alt-missing", "content/loktuan/a.md", 4) in found
    assert ("image-alt-missing", "content/loktuan/a.md", 8) in found
    assert ("image-alt-missing", "content/loktuan/a.md", 10) in found


def test_a_page_over_the_budget_is_named(make_site) -> None:
    long_body = "\n\n".join(f"Paragraf {number} " + "kata " * 200 for number in range(40))
    site = make_site({"content/loktuan/panjang.md": article("Panjang", body=long_body),
                      "content/loktuan/pendek.md": article("Pendek")},
                     config=MINIMAL_CONFIG + "budget: {html_kb: 30}\n")
    result = build_site(site)
    over = [item for item in result.warnings if item.code == "page-over-budget"]
    assert [(item.path, item.param_dict["url"]) for item in over] == [("content/loktuan/panjang.md", "/loktuan/panjang/")]


def test_an_unreadable_photo_is_named_and_published_as_it_is(make_site) -> None:
    """Links to it keep working; the warning says it was not made light nor stripped."""
    broken = b"\xff\xd8\xff\xe0 not really a jpeg"
    files = {"content/loktuan/a.md": article("Foto rusak", body="![Foto](rusak.jpg)"),
             "content/loktuan/rusak.jpg": broken}
    result = build_site(make_site(files))
    found = [item for item in result.warnings if item.code == "photo-as-is"]
    assert [(item.path, item.param_dict["name"]) for item in found] == [("content/loktuan/rusak.jpg", "rusak.jpg")]
    assert (result.config.output_dir / "loktuan/rusak.jpg").read_bytes() == broken


@pytest.mark.parametrize("mode", ["RGBA", "P"])
def test_a_transparent_png_keeps_its_transparency(make_site, mode: str) -> None:
    image = Image.new("RGBA", (1200, 800), (10, 120, 200, 0))
    image.paste((200, 30, 30, 255), (100, 100, 700, 500))
    if mode == "P":
        image = image.convert("P")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    files = {"content/loktuan/a.md": article("Logo", body="![Logo KIM](logo.png)"),
             "content/loktuan/logo.png": buffer.getvalue()}
    out = build_site(make_site(files)).config.output_dir
    variant = opened(out / "loktuan/logo-480w.png")
    assert variant.mode in ("RGBA", "LA", "P") and variant.getextrema()[-1][0] == 0


def test_a_cover_enclosure_gives_the_size_of_the_file_published_at_its_address(make_site, tmp_path) -> None:
    site = photo_site(make_site)
    cache = tmp_path / "cache" / "memory.pickle"
    for _ in range(2):  # made now, then kept from the last build: the same length either way
        out = build_site(site, cache_file=cache).config.output_dir
        rss = lxml.etree.parse(str(out / "feed.xml")).getroot()
        enclosures = {item.findtext("title"): item.find("enclosure") for item in rss.iter("item")}
        enclosure = enclosures["Banjir di Lok Tuan"]
        assert enclosure.get("url") == "https://contoh.id/kim/loktuan/banjir/foto.jpg"
        assert int(enclosure.get("length")) == (out / "loktuan/banjir/foto.jpg").stat().st_size
        assert enclosure.get("type") == "image/jpeg"


def test_a_photo_in_static_shown_by_a_standalone_page_is_responsive_too(make_site) -> None:
    files = {"content/tentang.md": "---\ntitle: Tentang Kami\n---\nKantor kami:\n\n![Kantor KIM](/gambar/kantor.jpg)\n",
             "static/gambar/kantor.jpg": phone_photo(2000, 1500, 1, seed=3)}
    out = build_site(make_site(files)).config.output_dir
    page = parse_html(out / "tentang/index.html")
    [picture] = page.find(".//main").iter("picture")
    img = picture.find("img")
    assert img.get("src") == "/kim/gambar/kantor-960w.jpg" and img.get("alt") == "Kantor KIM"
    assert opened(out / "gambar/kantor.jpg").size == (1440, 1080)
    assert not opened(out / "gambar/kantor.jpg").getexif()
