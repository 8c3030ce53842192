"""Monthly editions: numbered newsletters per kelurahan, kecamatan and city, with QR codes for print."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import zxingcpp
from conftest import article, build_site, parse_html
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent

CONFIG = """\
title: Kabar Uji
base_url: https://contoh.id/kim/
language: id
timezone: Asia/Makassar
categories:
  berita: Berita
  cek-fakta: Cek Fakta
wilayah:
  bontang-utara:
    name: Bontang Utara
    code: "64.74.03"
    kelurahan:
      satimpo: {name: Satimpo, code: "64.74.03.1004"}
      loktuan: {name: Lok Tuan, code: "64.74.03.1003"}
"""

LONG_BODY = "\n\n".join(["Warga bergotong royong membersihkan saluran air di sepanjang jalan poros kelurahan "
                         "bersama petugas kebersihan dan pengurus RT setempat."] * 40)


@pytest.fixture
def site(make_site):
    return make_site({
        "content/satimpo/_index.md": "---\nname: Satimpo\nkim: KIM Info Sigap\ncontact: {email: sigap@contoh.id}\n"
                                     "---\nProfil.\n",
        "content/satimpo/2026-09-03-a.md": article("Rapat RT", "2026-09-03 09:00", category="berita"),
        "content/satimpo/2026-11-02-b.md": article("Kerja Bakti Panjang", "2026-11-02 08:00", category="berita",
                                                   summary="Ringkasan kerja bakti.", body=LONG_BODY),
        "content/satimpo/2026-11-20-c.md": article("Pesan Berantai Bantuan", "2026-11-20 10:00",
                                                   category="cek-fakta", verdict="hoaks",
                                                   claim="Bantuan tunai dibagikan lewat tautan."),
        "content/satimpo/2026-11-05-d.md": article("Posyandu Balita", "2026-11-05 09:00", category="berita"),
        "content/loktuan/2026-11-10-e.md": article("Lomba Perahu", "2026-11-10 09:00", category="berita"),
    }, config=CONFIG)


def toc(page) -> list[str]:
    nav = next(element for element in page.iter("nav") if "edition-toc" in (element.get("class") or ""))
    return ["".join(a.itertext()) for a in nav.iter("a")]


def links(page, rel: str) -> list[str]:
    return [a.get("href") for a in page.iter("a") if a.get("rel") == rel]


def test_each_month_with_articles_is_a_numbered_edition_with_its_articles_fact_checks_first(site):
    out = build_site(site).config.output_dir
    november = parse_html(out / "satimpo/edisi/2026-11/index.html")
    assert toc(november) == ["[HOAKS] Pesan Berantai Bantuan", "Kerja Bakti Panjang", "Posyandu Balita"]
    heading = "".join(november.find(".//h1").itertext())
    assert "November 2026" in heading and "No. 3" in heading  # September is No. 1; a quiet October still counts
    assert "KIM Info Sigap" in "".join(november.find(".//header[@class='edition-head']").itertext())
    assert "No. 1" in "".join(parse_html(out / "satimpo/edisi/2026-09/index.html").find(".//h1").itertext())
    assert not (out / "satimpo/edisi/2026-10/index.html").exists()
    assert links(november, "prev") == ["/kim/satimpo/edisi/2026-09/"] and links(november, "next") == []
    assert links(parse_html(out / "satimpo/edisi/2026-09/index.html"), "next") == ["/kim/satimpo/edisi/2026-11/"]
    index = parse_html(out / "satimpo/edisi/index.html")
    listed = [a.get("href") for a in index.iter("a") if "/edisi/20" in (a.get("href") or "")]
    assert listed == ["/kim/satimpo/edisi/2026-11/", "/kim/satimpo/edisi/2026-09/"]
    city = parse_html(out / "edisi/2026-11/index.html")
    assert len(toc(city)) == 4 and toc(city)[0].startswith("[HOAKS]")
    assert toc(parse_html(out / "kecamatan/bontang-utara/edisi/2026-11/index.html")) == toc(city)
    assert toc(parse_html(out / "loktuan/edisi/2026-11/index.html")) == ["Lomba Perahu"]


def svg_to_image(svg: str, scale: int = 4) -> Image.Image:
    """Rasterise segno's path ("M2 2.5h7m1 0h4...") into black modules on white."""
    size = int(re.search(r'width="(\d+)"', svg).group(1))
    factor = int(re.search(r"scale\((\d+)\)", svg).group(1))
    modules = size // factor
    image = Image.new("L", (modules * scale, modules * scale), 255)
    draw = ImageDraw.Draw(image)
    path = re.findall(r'<path[^>]*stroke="#000"[^>]*d="([^"]+)"', svg)[0]
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            length = float(a)
            row = int(y - 0.5)
            draw.rectangle([x * scale, row * scale, (x + length) * scale - 1, (row + 1) * scale - 1], fill=0)
            x += length
    return image


def test_a_long_article_is_cut_to_its_summary_and_a_qr_code_that_decodes_to_its_page(site):
    out = build_site(site).config.output_dir
    html = (out / "satimpo/edisi/2026-11/index.html").read_text(encoding="utf-8")
    page = parse_html(out / "satimpo/edisi/2026-11/index.html")
    [cut] = [section for section in page.iter("section") if "Kerja Bakti Panjang" in "".join(section.itertext())]
    assert "Ringkasan kerja bakti." in "".join(cut.itertext()) and LONG_BODY[:80] not in "".join(cut.itertext())
    assert [a.get("href") for a in cut.iter("a")] == ["https://contoh.id/kim/satimpo/b/"]
    svgs = re.findall(r"<svg role=\"img\".*?</svg>", html, re.S)
    assert len(svgs) == 1  # the short articles are printed whole, without a code
    [decoded] = zxingcpp.read_barcodes(svg_to_image(svgs[0]))
    assert decoded.text == "https://contoh.id/kim/satimpo/b/"
    whole = next(section for section in page.iter("section") if "Posyandu Balita" in "".join(section.itertext()))
    assert "Isi artikel." in "".join(whole.itertext())


def test_the_edition_carries_an_a4_print_stylesheet_with_columns_page_numbers_and_running_head(site):
    out = build_site(site).config.output_dir
    css = "".join("".join(style.itertext()) for style in parse_html(out / "satimpo/edisi/2026-11/index.html")
                  .iter("style"))
    assert re.search(r"@page\{size: ?A4", css) and "counter(page)" in css
    assert re.search(r"@media print\{[^@]*\.edition-body\{columns: ?2", css)
    [head] = re.findall(r'@top-center\{content:"([^"]*)"', css)
    assert re.sub(r"\\([0-9a-f]{1,6}) ?", lambda hexa: chr(int(hexa.group(1), 16)), head) \
        == "Buletin KIM Info Sigap, Edisi November 2026, No. 3"


def test_the_demo_site_has_at_least_three_editions(tmp_path):
    site = tmp_path / "demo"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "site.yaml", site / "site.yaml")
    if (REPO / "static").is_dir():
        shutil.copytree(REPO / "static", site / "static")
    out = build_site(site).config.output_dir
    editions = sorted(out.glob("*/edisi/*/index.html"))
    assert len(editions) >= 3
