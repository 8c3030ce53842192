"""The activity report (issue 15): CSV files and the /laporan/ page add up to the published articles.

Small real sites, built or reported through the command line: every registry kelurahan has
a row for every month (0 when it wrote nothing), drafts and scheduled articles are left
out and said so, and the page's totals agree with the files.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import BONTANG_UTARA, MINIMAL_CONFIG, NOW, article, build_site, parse_html

from kimpress.cli.main import main
from kimpress.pipeline.report import ReportOptions, site_report

CONFIG = MINIMAL_CONFIG + "categories:\n  berita: Berita\n  agenda: Agenda\n" + BONTANG_UTARA + """\
  bontang-selatan:
    name: Bontang Selatan
    kelurahan:
      tanjung-laut: {name: Tanjung Laut}
"""

FILES = {
    "content/satimpo/2026-01-05-a.md": article("A", "2026-01-05 09:00", category="berita", author="Rina"),
    "content/satimpo/2026-01-20-b.md": article("B", "2026-01-20 09:00", category="agenda", author="Rina"),
    "content/satimpo/2026-03-02-c.md": article("C", "2026-03-02 09:00", author="Budi"),
    "content/loktuan/2026-03-31-d.md": article("D", "2026-03-31 23:30", category="berita"),  # 31 March in WITA
    "content/kampung-baru/2026-02-10-e.md": article("E", "2026-02-10 10:00", category="berita", author="Budi"),
    "content/satimpo/2026-02-01-draf.md": article("Draf", "2026-02-01 09:00", draft="true", category="berita"),
    "content/loktuan/2026-12-25-nanti.md": article("Nanti", "2026-12-25 09:00", category="berita"),
}
PUBLISHED = 5
SVG = "{http://www.w3.org/2000/svg}"


def read_csv(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def run_report(site: Path, tmp_path: Path, *arguments: str, capsys=None) -> Path:
    folder = tmp_path / "hasil"
    assert main(["report", str(site), "--output", str(folder), *arguments]) == 0
    return folder


def test_the_kelurahan_file_adds_up_with_a_zero_row_for_every_empty_kelurahan_and_month(make_site, tmp_path, capsys):
    site = make_site(FILES, config=CONFIG)
    folder = run_report(site, tmp_path)
    out = capsys.readouterr().out
    rows = read_csv(folder / "laporan-kelurahan.csv")
    header = list(rows[0])
    assert header == ["kecamatan", "kelurahan", "bulan", "artikel", "berita", "agenda", "tanpa-rubrik",
                      "kode_kelurahan"]
    body, total = rows[:-1], rows[-1]
    months = ["2026-01", "2026-02", "2026-03"]
    # Every kelurahan (registry order, then the folder outside it) for every month of the period.
    assert [(row["kelurahan"], row["bulan"]) for row in body] == [
        (name, month) for name in ("Satimpo", "Lok Tuan", "Tanjung Laut", "Kampung Baru") for month in months]
    assert sum(int(row["artikel"]) for row in body) == PUBLISHED == int(total["artikel"])
    for column in ("berita", "agenda", "tanpa-rubrik"):
        assert sum(int(row[column]) for row in body) == int(total[column])
    for row in body:
        assert int(row["artikel"]) == sum(int(row[column]) for column in ("berita", "agenda", "tanpa-rubrik"))
    assert total["kecamatan"] == "Jumlah"
    by_key = {(row["kelurahan"], row["bulan"]): row for row in body}
    assert by_key[("Satimpo", "2026-01")]["artikel"] == "2"
    assert by_key[("Satimpo", "2026-02")]["artikel"] == "0"  # the draft is not counted
    assert by_key[("Lok Tuan", "2026-03")]["berita"] == "1"  # 23.30 WITA is still March
    assert all(by_key[("Tanjung Laut", month)]["artikel"] == "0" for month in months)
    assert by_key[("Satimpo", "2026-01")]["kecamatan"] == "Bontang Utara"
    assert by_key[("Satimpo", "2026-01")]["kode_kelurahan"] == "64.74.03.1004"
    assert by_key[("Kampung Baru", "2026-02")]["kecamatan"] == "" and by_key[("Kampung Baru", "2026-02")]["artikel"] == "1"
    assert "Laporan 2026-01 s.d. 2026-03: 5 artikel dari 3 kelurahan" in out
    assert "1 draf dan 1 artikel terjadwal tidak dihitung" in out
    assert str(folder / "laporan-penulis.csv") in out


def test_the_author_and_kecamatan_files_add_up_too(make_site, tmp_path):
    site = make_site(FILES, config=CONFIG)
    folder = run_report(site, tmp_path)
    authors = read_csv(folder / "laporan-penulis.csv")
    assert [(row["penulis"], row["artikel"]) for row in authors] == [
        ("Budi", "2"), ("Rina", "2"), ("(tanpa nama penulis)", "1"), ("Jumlah", "5")]
    assert authors[0]["kelurahan"] == "Kampung Baru; Satimpo" or authors[0]["kelurahan"] == "Satimpo; Kampung Baru"
    kecamatan = read_csv(folder / "laporan-kecamatan.csv")
    assert list(kecamatan[0]) == ["kecamatan", "bulan", "artikel", "berita", "agenda", "tanpa-rubrik"]
    assert sum(int(row["artikel"]) for row in kecamatan[:-1]) == PUBLISHED == int(kecamatan[-1]["artikel"])
    selatan = [row for row in kecamatan if row["kecamatan"] == "Bontang Selatan"]
    assert [(row["bulan"], row["artikel"]) for row in selatan] == [("2026-01", "0"), ("2026-02", "0"),
                                                                  ("2026-03", "0")]
    utara = sum(int(row["artikel"]) for row in kecamatan if row["kecamatan"] == "Bontang Utara")
    assert utara == 4


def test_from_and_to_choose_the_period_and_an_empty_period_still_lists_every_kelurahan(make_site, tmp_path, capsys):
    site = make_site(FILES, config=CONFIG)
    folder = run_report(site, tmp_path, "--from", "2026-02", "--to", "2026-3")
    rows = read_csv(folder / "laporan-kelurahan.csv")
    assert sorted({row["bulan"] for row in rows[:-1]}) == ["2026-02", "2026-03"]
    assert rows[-1]["artikel"] == "3" and rows[-1]["bulan"] == "2026-02 s.d. 2026-03"
    assert "2 artikel di luar periode" in capsys.readouterr().out
    folder = run_report(site, tmp_path, "--from", "2027-01", "--to", "2027-02")
    rows = read_csv(folder / "laporan-kelurahan.csv")
    assert len(rows) == 4 * 2 + 1 and all(row["artikel"] == "0" for row in rows)


def test_drafts_and_future_count_when_asked(make_site, tmp_path):
    site = make_site(FILES, config=CONFIG)
    result = site_report(site, ReportOptions(drafts=True, future=True, now=NOW))
    assert result.report.total == PUBLISHED + 2 and result.report.drafts == result.report.future == 0
    assert result.report.last == "2026-12"


@pytest.mark.parametrize("arguments", [["--from", "2026-13"], ["--to", "januari"], ["--from", "26-01"]])
def test_a_bad_month_is_a_usage_error_in_plain_words(make_site, tmp_path, capsys, arguments):
    site = make_site(FILES, config=CONFIG)
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(site), "--output", str(tmp_path / "x"), *arguments])
    assert exit_info.value.code == 2
    assert "TTTT-BB" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_a_reversed_period_is_a_problem_named_plainly(make_site, tmp_path, capsys):
    site = make_site(FILES, config=CONFIG)
    assert main(["report", str(site), "--from", "2026-03", "--to", "2026-01", "-o", str(tmp_path / "x")]) == 1
    assert "periode laporan terbalik" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_a_name_a_spreadsheet_would_run_is_kept_as_text(make_site, tmp_path):
    files = {"content/satimpo/2026-01-05-a.md": article("A", "2026-01-05 09:00", author='"=HYPERLINK(1)"')}
    folder = run_report(make_site(files, config=CONFIG), tmp_path)
    assert read_csv(folder / "laporan-penulis.csv")[0]["penulis"] == "'=HYPERLINK(1)"


def _table_total(tree) -> int:
    foot = tree.find(".//div[@class='report']//table/tfoot/tr")
    return int(foot.findall("td")[-1].text)


def test_the_page_agrees_with_the_files_and_is_hidden_by_default(make_site):
    site = make_site(FILES, config=CONFIG)
    build_site(site)
    out = site / "output"
    page = out / "laporan/index.html"
    tree = parse_html(page)
    assert _table_total(tree) == PUBLISHED
    rows = {row.find("th").text.strip(): [int(cell.text) for cell in row.findall("td")]
            for row in tree.findall(".//div[@aria-labelledby='per-kelurahan']/table/tbody/tr") if row.find("td") is not None}
    assert rows["Satimpo"] == [2, 0, 1, 3] and rows["Tanjung Laut"] == [0, 0, 0, 0]
    assert sum(values[-1] for values in rows.values()) == PUBLISHED
    text = "".join(tree.find(".//main").itertext())
    assert "1 draf dan 1 artikel terjadwal" in text
    # The chart: inline SVG, one bar per month, named for screen readers; no script of its own.
    svg = tree.find(f".//{SVG}svg")
    assert svg.get("role") == "img" and svg.find(f"{SVG}title").text and svg.find(f"{SVG}desc").text
    assert svg.get("aria-labelledby") == "chart-title chart-desc"
    assert len(svg.findall(f".//{SVG}rect[@class='bar']")) == 3
    assert [script.get("src") for script in tree.iter("script") if script.get("src")] == []
    # The CSV files are published beside the page, equal to those of the command.
    links = [a.get("href") for a in tree.findall(".//ul[@class='files']//a")]
    assert links == ["/kim/laporan/laporan-kelurahan.csv", "/kim/laporan/laporan-kecamatan.csv",
                     "/kim/laporan/laporan-penulis.csv"]
    assert read_csv(out / "laporan/laporan-kelurahan.csv")[-1]["artikel"] == str(PUBLISHED)
    # Hidden: noindex, out of the sitemap, linked from no page.
    assert tree.find(".//meta[@name='robots']").get("content") == "noindex"
    assert "laporan" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    for other in out.rglob("*.html"):
        if other != page:
            assert "/laporan/" not in other.read_text(encoding="utf-8"), other
    assert page.stat().st_size < 30 * 1024


def test_a_public_report_is_linked_from_the_footer_and_in_the_sitemap(make_site):
    site = make_site(FILES, config=CONFIG + "report: {public: true}\n")
    build_site(site)
    out = site / "output"
    footer = parse_html(out / "index.html").find(".//footer")
    assert "/kim/laporan/" in [a.get("href") for a in footer.iter("a")]
    assert parse_html(out / "laporan/index.html").find(".//meta[@name='robots']") is None
    assert "https://contoh.id/kim/laporan/" in (out / "sitemap.xml").read_text(encoding="utf-8")


def test_report_page_false_builds_no_page_and_a_bad_setting_is_named(make_site, capsys):
    site = make_site(FILES, config=CONFIG + "report: {page: false}\n")
    build_site(site)
    assert not (site / "output/laporan").exists()
    site = make_site(FILES, config=CONFIG + "report: {pubic: true}\n")
    assert main(["build", str(site)]) == 1
    assert "report.pubic" in capsys.readouterr().err


def test_an_english_site_gets_report(make_site):
    site = make_site({"content/satimpo/2026-01-05-a.md": article("A", "2026-01-05 09:00")},
                     config=CONFIG.replace("language: id", "language: en"))
    build_site(site)
    tree = parse_html(site / "output/report/index.html")
    assert tree.find(".//h1").text == "Activity report" and _table_total(tree) == 1
    assert (site / "output/report/laporan-kelurahan.csv").is_file()


def test_a_site_without_articles_has_a_page_and_the_command_reports_this_month(make_site, tmp_path, capsys):
    site = make_site({}, config=CONFIG)
    build_site(site)
    assert (site / "output/laporan/index.html").is_file()
    result = site_report(site, ReportOptions(now=NOW))
    assert result.report.months == ("2026-11",) and len(result.report.kelurahan_rows) == 3
    assert json.dumps(result.report.by_month) == "[0]"
