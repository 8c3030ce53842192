"""``kimpress check``: every problem kind found with its file and line, in text, JSON and GitHub form, nothing written."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from conftest import BONTANG_UTARA, MINIMAL_CONFIG, article
from PIL import Image

from kimpress.cli.main import main
from kimpress.incremental.location import cache_dir
from kimpress.plan.checks.names import close_names

CONFIG = MINIMAL_CONFIG + "budget: {html_kb: 30}\n" + BONTANG_UTARA

LONG = ("Warga RT 05 bergotong royong membersihkan saluran air sepanjang dua ratus meter sebelum musim hujan "
        "tiba, dipimpin ketua RT dan dibantu petugas kebersihan kelurahan yang membawa gerobak dan cangkul.")
SUMMARY = "Ringkasan singkat untuk pratinjau tautan."


def png() -> bytes:
    stream = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 80, 40)).save(stream, "PNG")
    return stream.getvalue()


def run(site: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["check", str(site), *args])
    return status, out.getvalue()


def problems(site: Path, *args: str) -> tuple[int, list[dict]]:
    status, text = run(site, "--format", "json", *args)
    return status, json.loads(text)["problems"]


def found(items: list[dict], code: str) -> list[tuple[str, int | None]]:
    return sorted((item["path"], item["line"]) for item in items if item["code"] == code)


@pytest.fixture
def messy_site(make_site):
    """One site with one problem of every kind ``check`` looks for beyond a clean build."""
    return make_site({
        "content/satimpo/2024-05-01-a.md": article(
            "Kerja Bakti", "2024-05-01", summary=SUMMARY, tags="[kesehatan]",
            body="Lihat [bagian cara](#cara-daftar) dan [jadwal](2024-05-02-b.md#jadwal-lama).\n\n"
                 "## Cara Mendaftar\n\nDatang ke kantor.\n\n![](peta.png)\n\n![foto](hilang.jpg)\n"),
        "content/satimpo/2024-05-01-a/peta.png": png(),
        "content/satimpo/2024-05-02-b.md": article(
            "Jadwal Posyandu", "2024-05-02", summary=SUMMARY, tags="[kesehatan]",
            body="## Jadwal Baru\n\nSetiap Senin. [Tentang](/tentang/#visi) dan [kosong](/tidak-ada/).\n"),
        "content/satimpo/2024-05-03-c.md": article("Kerja bakti!", "2024-05-03", summary=SUMMARY, tags="[kesehatn]",
                                                    body=LONG),
        "content/loktuan/2024-05-04-d.md": article("Saluran Bersih", "2024-05-04", summary=SUMMARY, body=LONG),
        "content/loktuan/2024-05-05-e.md": article("Tanpa Ringkasan", "2024-05-05",
                                                    body="Paragraf pembuka yang cukup panjang untuk dipakai "
                                                         "sebagai pratinjau tautan di WhatsApp."),
        "content/loktuan/2024-05-06-f.md": article("Ringkasan Panjang", "2024-05-06", summary="Kata " * 80),
        "content/loktuan/2001-05-07-g.md": article("Tahun Salah", "2001-05-07", summary=SUMMARY),
        "content/loktuan/2031-05-08-h.md": article("Terlalu Jauh", "2031-05-08", summary=SUMMARY),
        "content/satimpoo/2024-05-09-i.md": article("Folder Salah", "2024-05-09", summary=SUMMARY),
        "content/tentang.md": "---\ntitle: Tentang\n---\n## Visi dan Misi\n\nTeks.\n",
    }, config=CONFIG)


def test_check_finds_each_kind_at_its_file_and_line(messy_site: Path) -> None:
    status, items = problems(messy_site)
    assert status == 1, items  # the missing image is an error, as in a build
    a, b, c = "content/satimpo/2024-05-01-a.md", "content/satimpo/2024-05-02-b.md", "content/satimpo/2024-05-03-c.md"
    assert found(items, "anchor-missing") == [(a, 7), (a, 7), (b, 9)]
    assert found(items, "root-link-missing") == [(b, 9)]
    assert found(items, "image-alt-missing") == [(a, 13)]
    assert found(items, "broken-link") == [(a, 15)]
    assert found(items, "summary-missing") == [("content/loktuan/2024-05-05-e.md", 1)]
    assert found(items, "summary-too-long") == [("content/loktuan/2024-05-06-f.md", 4)]
    assert found(items, "date-before-site") == [("content/loktuan/2001-05-07-g.md", 3)]
    assert found(items, "date-far-future") == [("content/loktuan/2031-05-08-h.md", 3)]
    assert found(items, "duplicate-title") == [(a, 2), (c, 2)]
    assert found(items, "duplicate-body") == [("content/loktuan/2024-05-04-d.md", 6), (c, 7)]
    assert found(items, "tag-close-to-other") == [(c, 5)]
    assert found(items, "kelurahan-not-registered") == [("content/satimpoo", None)]
    close = next(item for item in items if item["code"] == "tag-close-to-other")
    assert "kesehatan" in close["message"] and close["severity"] == "warning"
    anchors = {item["message"] for item in items if item["code"] == "anchor-missing"}
    assert any("#cara-daftar" in message for message in anchors) and any("#visi" in message for message in anchors)


def test_check_writes_nothing_not_even_its_cache(messy_site: Path) -> None:
    before = sorted(path.relative_to(messy_site) for path in messy_site.rglob("*"))
    run(messy_site)
    assert sorted(path.relative_to(messy_site) for path in messy_site.rglob("*")) == before
    assert not (messy_site / "output").exists()
    assert not cache_dir(messy_site).exists()


def test_text_report_groups_by_file_and_counts_at_the_end(messy_site: Path) -> None:
    status, text = run(messy_site)
    lines = text.rstrip("\n").split("\n")
    assert re.fullmatch(r"1 galat dan \d+ peringatan di \d+ berkas\.", lines[-1])
    headers = [line for line in lines if line and not line.startswith(" ") and line != lines[-1]]
    assert headers == sorted(set(headers)), "each file is one group, in order"
    assert "content/satimpo/2024-05-03-c.md" in headers
    assert any(line.startswith("  baris 5: peringatan: tag \"kesehatn\"") for line in lines)
    _, english = run(messy_site, "--lang", "en")
    assert re.search(r"^1 error and \d+ warnings in \d+ files\.$", english, re.MULTILINE)


def test_github_format_annotates_each_problem_on_its_file_and_line(messy_site: Path, monkeypatch) -> None:
    monkeypatch.chdir(messy_site.parent)  # the repository's root: paths are given from there
    _, text = run(messy_site, "--format", "github")
    command = re.compile(r"::(error|warning)(?: file=([^,:]+)(?:,line=(\d+))?)?::(.+) \[([\w-]+)\]")
    annotations = [command.fullmatch(line) for line in text.splitlines()[:-1]]
    assert all(annotations), text
    by_code = {(match.group(5), match.group(2), match.group(3)) for match in annotations}
    assert ("tag-close-to-other", "site/content/satimpo/2024-05-03-c.md", "5") in by_code
    assert ("kelurahan-not-registered", "site/content/satimpoo", None) in by_code
    assert all("\n" not in match.group(4) for match in annotations)


def test_errors_exit_1_and_strict_makes_warnings_fail(make_site) -> None:
    categories = CONFIG + "categories:\n  berita: Berita\n  kesehatan: Kesehatan\n"
    site = make_site({"content/satimpo/2024-05-01-a.md": article("A", "2024-05-01", summary=SUMMARY,
                                                                 category="kesehatn")}, config=categories)
    status, items = problems(site)
    assert status == 1
    [item] = [item for item in items if item["code"] == "unknown-category"]
    assert (item["line"], item["severity"]) == (5, "error") and "`kesehatan`" in item["message"]
    clean = make_site({"content/satimpo/2024-05-01-a.md": article("A", "2024-05-01", summary=SUMMARY,
                                                                  category="kesehatan")}, config=categories)
    assert problems(clean) == (0, [])
    assert run(clean, "--strict")[0] == 0
    (clean / "content/satimpo/2024-05-02-b.md").write_text(article("B", "2024-05-02"), encoding="utf-8")
    assert run(clean)[0] == 0 and run(clean, "--strict")[0] == 1


def test_a_broken_site_yaml_is_reported_not_raised(make_site) -> None:
    site = make_site(config="title: [unclosed\n")
    status, items = problems(site)
    assert status == 1 and items and items[0]["path"] == "site.yaml" and items[0]["line"]


def test_close_names_flag_the_rarer_spelling_and_leave_numbered_names_alone() -> None:
    counts = {"kesehatan": 5, "kesehatn": 1, "banjir-2023": 2, "banjir-2024": 1, "posyandu": 3, "rt": 1, "rw": 1}
    assert close_names(counts) == {"kesehatn": "kesehatan"}
    assert close_names({"kebersihan": 1, "kebersihn": 1}) == {"kebersihan": "kebersihn", "kebersihn": "kebersihan"}


def test_every_problem_is_in_all_three_formats_at_the_same_file_and_line(messy_site: Path, monkeypatch) -> None:
    monkeypatch.chdir(messy_site)  # GitHub paths are from the current folder: here, the site's own
    _, items = problems(messy_site)
    _, text = run(messy_site)
    _, github = run(messy_site, "--format", "github")
    annotations = re.findall(r"^::(error|warning)(?: file=([^,:]+)(?:,line=(\d+))?)?::.* \[([\w-]+)\]$",
                             github, re.MULTILINE)
    assert sorted((path or None, int(line) if line else None, code, level) for level, path, line, code in annotations) \
        == sorted((item["path"], item["line"], item["code"], item["severity"]) for item in items)
    groups: dict[str, list[str]] = {}
    for block in text.split("\n\n")[:-1]:
        header, *lines = block.strip("\n").split("\n")
        groups[header] = lines
    for item in items:
        where = f"baris {item['line']}" if item["line"] else "-"
        assert any(line.startswith(f"  {where}: ") and item["message"] in line for line in groups[item["path"]]), item
