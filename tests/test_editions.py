"""Monthly editions: numbered newsletters per kelurahan, kecamatan and city, with QR codes for print."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import zxingcpp
from conftest import BONTANG_UTARA, MINIMAL_CONFIG, article, build_site, parse_html
from PIL import Image, ImageDraw

from kimpress.core.errors import KimpressError

REPO = Path(__file__).resolve().parent.parent

CONFIG = MINIMAL_CONFIG + "categories:\n  berita: Berita\n  cek-fakta: Cek Fakta\n" + BONTANG_UTARA

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


# --- the edition to share: e-mail, plain text, WhatsApp, and the command -------------------------


def test_the_email_edition_has_no_stylesheet_only_absolute_addresses_and_is_small(site):
    out = build_site(site).config.output_dir
    path = out / "satimpo/edisi/2026-11/surel.html"
    page = parse_html(path)
    assert path.stat().st_size <= 100 * 1024
    assert not list(page.iter("style")) and not [link for link in page.iter("link") if link.get("rel")]
    addresses = [a.get("href") for a in page.iter("a")] + [img.get("src") for img in page.iter("img")]
    assert addresses and all(address.startswith("https://contoh.id/kim/") for address in addresses), addresses
    assert page.find(".//table") is not None
    linked = {a.get("href") for a in page.iter("a")}
    assert {"https://contoh.id/kim/satimpo/b/", "https://contoh.id/kim/satimpo/c/",
            "https://contoh.id/kim/satimpo/d/"} <= linked
    assert "[HOAKS] Pesan Berantai Bantuan" in "".join(page.find(".//body").itertext())


def test_the_text_edition_lists_every_article_with_its_address(site):
    out = build_site(site).config.output_dir
    text = (out / "satimpo/edisi/2026-11/buletin.txt").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "Buletin KIM Info Sigap, Edisi November 2026, No. 3"
    for title, url in (("[HOAKS] Pesan Berantai Bantuan", "satimpo/c/"), ("Kerja Bakti Panjang", "satimpo/b/"),
                       ("Posyandu Balita", "satimpo/d/")):
        assert title in text and "https://contoh.id/kim/" + url in text
    assert "<" not in text


def test_whatsapp_messages_stay_under_the_limit_and_carry_every_article_once(make_site):
    from kimpress.plan.edition_text import WHATSAPP_LIMIT

    files = {f"content/satimpo/2026-11-{day:02d}-kabar-{day}.md": article(
        f"Kabar *Penting* ke-{day}", f"2026-11-{day:02d} 08:00", summary="Ringkasan " + "panjang " * 60)
        for day in range(1, 27)}
    files["content/satimpo/2026-11-27-hoaks.md"] = article("Pesan Berantai", "2026-11-27 08:00", category="cek-fakta",
                                                            verdict="hoaks", claim="Tautan palsu.")
    out = build_site(make_site(files, config=CONFIG)).config.output_dir
    messages = (out / "satimpo/edisi/2026-11/whatsapp.txt").read_text(encoding="utf-8").strip().split("\n\n-----\n\n")
    assert len(messages) > 1 and all(len(message) <= WHATSAPP_LIMIT for message in messages)
    assert all(message.startswith("*Buletin KIM Satimpo") and f"dari {len(messages)})*" in message.split("\n")[0]
               for message in messages)
    links = [line for message in messages for line in message.splitlines() if line.startswith("https://contoh.id/")
             and "/edisi/" not in line]
    assert sorted(links) == sorted([f"https://contoh.id/kim/satimpo/kabar-{day}/" for day in range(1, 27)]
                                   + ["https://contoh.id/kim/satimpo/hoaks/"])
    assert "*[HOAKS] Pesan Berantai*" in messages[0]  # fact checks first, with their verdict
    assert "*Kabar Penting ke-1*" in "\n".join(messages)  # the writer's stars would break WhatsApp's bold
    page = parse_html(out / "satimpo/edisi/2026-11/whatsapp/index.html")
    blocks = ["".join(pre.itertext()) for pre in page.iter("pre")]
    assert blocks == messages
    buttons = [button for button in page.iter("button") if button.get("data-copy")]
    assert len(buttons) == len(messages) and all(button.get("hidden") is not None for button in buttons)


def test_the_edition_command_writes_each_form_and_says_when_a_month_has_none(site, tmp_path, capsys):
    from kimpress.cli.main import main

    out = build_site(site).config.output_dir
    assert main(["edition", str(site), "--kelurahan", "satimpo", "--month", "2026-11", "--format", "text"]) == 0
    assert capsys.readouterr().out == (out / "satimpo/edisi/2026-11/buletin.txt").read_text(encoding="utf-8")
    assert main(["edition", str(site), "--kelurahan", "satimpo", "--month", "2026-11", "--format", "whatsapp"]) == 0
    assert capsys.readouterr().out == (out / "satimpo/edisi/2026-11/whatsapp.txt").read_text(encoding="utf-8")
    target = tmp_path / "surel.html"
    assert main(["edition", str(site), "--kelurahan", "satimpo", "--month", "2026-11", "--format", "email",
                 "--output", str(target)]) == 0
    assert target.read_bytes() == (out / "satimpo/edisi/2026-11/surel.html").read_bytes()
    assert main(["edition", str(site), "--kecamatan", "bontang-utara", "--month", "2026-11", "--format", "print",
                 "--output", str(tmp_path / "cetak.html")]) == 0
    assert toc(parse_html(tmp_path / "cetak.html")) == toc(parse_html(out / "kecamatan/bontang-utara/edisi/2026-11/"
                                                                          "index.html"))
    capsys.readouterr()
    assert main(["edition", str(site), "--kelurahan", "satimpo", "--month", "2026-10"]) == 1
    said = capsys.readouterr().err
    assert "Oktober 2026" in said and "2026-09, 2026-11" in said
    assert main(["edition", str(site), "--kelurahan", "satimpoo", "--month", "2026-11"]) == 1
    assert "`satimpo`" in capsys.readouterr().err


def test_site_yaml_chooses_which_articles_print_whole_or_turns_editions_off(make_site):
    files = {"content/satimpo/2026-11-02-a.md": article("A", "2026-11-02 08:00"),
             "content/satimpo/2026-11-03-b.md": article("B", "2026-11-03 08:00")}
    out = build_site(make_site(files, config=CONFIG + "editions: {whole_minutes: 0}\n")).config.output_dir
    html = (out / "satimpo/edisi/2026-11/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r"<svg role=\"img\"", html)) == 2  # every article cut to its summary and a code
    out = build_site(make_site(files, config=CONFIG + "editions: false\n")).config.output_dir
    assert not list(out.rglob("edisi"))
    with pytest.raises(KimpressError) as caught:
        build_site(make_site(files, config=CONFIG + "editions: {whole_minute: 3}\n"))
    [problem] = caught.value.diagnostics
    assert problem.code == "unknown-editions-setting" and problem.line == 15


def test_two_articles_with_the_same_heading_keep_their_ids_apart_in_one_edition(make_site):
    body = "Isi.[^1]\n\n## Kesimpulan\n\nLihat [kesimpulan](#kesimpulan).\n\n[^1]: Catatan."
    files = {"content/satimpo/2026-11-02-a.md": article("A", "2026-11-02 08:00", body=body),
             "content/satimpo/2026-11-03-b.md": article("B", "2026-11-03 08:00", body=body)}
    out = build_site(make_site(files, config=CONFIG)).config.output_dir
    page = parse_html(out / "satimpo/edisi/2026-11/index.html")
    ids = [element.get("id") for element in page.iter() if element.get("id")]
    assert len(ids) == len(set(ids))
    fragments = {a.get("href")[1:] for a in page.iter("a") if (a.get("href") or "").startswith("#")}
    assert fragments <= set(ids) and {"artikel-1-kesimpulan", "artikel-2-kesimpulan"} <= fragments
