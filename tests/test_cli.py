"""The command line, run in-process: exit codes, plain-words problems, init and new."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import MINIMAL_CONFIG, article, parse_html

import kimpress
from kimpress.cli.main import main
from kimpress.source.frontmatter import parse_document
from kimpress.source.metadata import ARTICLE_SCHEMA, read_meta

LOCATED = re.compile(r"^(content/[a-z0-9-]+/[\w.-]+\.md):(\d+): (\S.*)$")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_prints_indonesian_summary_and_exits_0(make_site, capsys):
    site = make_site({
        "content/loktuan/2018-11-12-a.md": article("A"),
        "content/loktuan/2018-11-13-b.md": article("B", "2018-11-13"),
        "content/tentang.md": "---\ntitle: Tentang\n---\nHalo.\n",
    })
    code, out, err = run(capsys, "build", str(site))
    assert code == 0
    assert re.fullmatch(r"Selesai: 2 artikel, 1 halaman, (\d+) berkas \((\d+) ditulis, 0 dihapus\) "
                        r"dalam \d+,\d\d detik\.\n", out), out
    assert err == ""
    assert (site / "output/loktuan/a/index.html").is_file()
    # A second build writes nothing new.
    code, out, _ = run(capsys, "build", str(site))
    assert code == 0 and "(0 ditulis, 0 dihapus)" in out


def test_build_quiet_prints_nothing(make_site, capsys):
    site = make_site({"content/loktuan/a.md": article("A")})
    assert run(capsys, "build", str(site), "--quiet") == (0, "", "")
    assert (site / "output/index.html").is_file()


def test_build_summary_counts_drafts_and_future(make_site, capsys):
    site = make_site({"content/loktuan/a.md": article("A"), "content/loktuan/b.md": article("B", draft="true"),
                      "content/loktuan/c.md": article("C", "2199-01-01")})
    code, out, _ = run(capsys, "build", str(site))
    assert code == 0
    assert out.startswith("Selesai: 1 artikel,")
    assert ("Tidak diterbitkan: 1 draf (content/loktuan/b.md), 1 terjadwal (content/loktuan/c.md, 1 Januari 2199)."
            in out)


def test_broken_site_exits_1_with_located_lines_and_no_traceback(make_site, capsys):
    site = make_site({
        "content/loktuan/2018-11-12-a.md": "---\ntitle: A\ndate: 2018-02-30\n---\nIsi.\n",
        "content/satimpo/2018-11-13-b.md": "---\ntitle: B\ndate: 2018-11-13\n---\nSatu.\n\n[x](hilang.md)\n",
        "content/satimpo/2018-11-14-c.md": "---\ndate: 2018-11-14\n---\n",
    })
    code, out, err = run(capsys, "build", str(site))
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 3
    parsed = [LOCATED.match(line) for line in lines]
    assert all(parsed), lines
    located = {(m.group(1), int(m.group(2))) for m in parsed}
    assert located == {("content/loktuan/2018-11-12-a.md", 3), ("content/satimpo/2018-11-13-b.md", 7),
                       ("content/satimpo/2018-11-14-c.md", 1)}
    messages = {m.group(1): m.group(3) for m in parsed}
    assert messages["content/loktuan/2018-11-12-a.md"] == (
        'tanggal "2018-02-30" tidak ada di kalender. Contoh: 2024-02-29')
    assert messages["content/satimpo/2018-11-14-c.md"] == "kolom `title` wajib diisi."
    assert '"hilang.md"' in messages["content/satimpo/2018-11-13-b.md"]
    assert not (site / "output").exists()


def test_site_yaml_problems_are_printed_with_their_line(make_site, capsys):
    site = make_site({"content/loktuan/a.md": article("A")},
                     config="title: T\nbase_url: kim/\nlanguage: id\npaginat: 3\n")
    code, out, err = run(capsys, "build", str(site))
    assert code == 1 and "Traceback" not in err
    assert err.splitlines() == [
        'site.yaml:2: kolom `base_url` harus alamat lengkap seperti https://contoh.id/, bukan "kim/".',
        "site.yaml:4: peringatan: kolom `paginat` tidak dikenal dan diabaikan. Maksud Anda `paginate`?",
    ]


def test_warnings_are_printed_but_the_build_succeeds(make_site, capsys):
    site = make_site({"content/loktuan/a.md": article("A")}, config=MINIMAL_CONFIG + "paginat: 3\n")
    code, out, err = run(capsys, "build", str(site))
    assert code == 0
    assert err == "site.yaml:5: peringatan: kolom `paginat` tidak dikenal dan diabaikan. Maksud Anda `paginate`?\n"
    assert out.startswith("Selesai: 1 artikel")


def test_language_en_prints_english_messages(make_site, capsys):
    config = MINIMAL_CONFIG.replace("language: id", "language: en")
    site = make_site({"content/loktuan/2018-11-12-a.md": "---\ndate: 2018-11-12\n---\nIsi.\n"}, config=config)
    code, out, err = run(capsys, "build", str(site))
    assert code == 1 and "Traceback" not in err
    assert err == "content/loktuan/2018-11-12-a.md:1: `title` is required.\n"
    (site / "content/loktuan/2018-11-12-a.md").write_text(article("A"), encoding="utf-8")
    code, out, err = run(capsys, "build", str(site))
    assert code == 0
    assert re.fullmatch(r"Done: 1 article, 0 pages, \d+ files \(\d+ written, 0 deleted\) in \d+\.\d\d s\.\n", out)


def test_internal_error_exits_3_without_traceback(make_site, capsys, monkeypatch):
    site = make_site({"content/loktuan/a.md": article("A")})

    def broken(site):
        raise RuntimeError("planner rusak")

    monkeypatch.setattr("kimpress.pipeline.stages.plan_pages", broken)
    code, out, err = run(capsys, "build", str(site))
    assert code == 3
    assert "Traceback" not in err and "Traceback" not in out
    assert err.startswith("kimpress: ") and "RuntimeError: planner rusak" in err
    assert not (site / "output").exists()

    code, out, err = run(capsys, "--debug", "build", str(site))
    assert code == 3
    assert "Traceback (most recent call last)" in err
    assert "RuntimeError: planner rusak" in err


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["build", "--no-such-option"])
    assert caught.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_version_in_a_real_subprocess():
    done = subprocess.run([sys.executable, "-m", "kimpress", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == f"kimpress {kimpress.__version__}"
    assert "Traceback" not in done.stderr


def test_init_creates_a_site_that_builds_and_refuses_to_run_twice(tmp_path, capsys):
    site = tmp_path / "situs-baru"
    code, out, err = run(capsys, "init", str(site), "--title", "Kabar KIM Loktuan")
    assert code == 0 and err == ""
    assert (site / "site.yaml").is_file() and (site / "content").is_dir()
    created, _, steps = out.partition("\n\n")
    assert all(Path(line).exists() for line in created.splitlines())
    # It ends with the next two commands, ready to paste.
    assert [line.strip() for line in steps.splitlines()[1:]] == [
        f'kimpress new "Judul Berita" --kelurahan sukamaju --site {site}', f"kimpress serve {site}"]

    code, out, err = run(capsys, "build", str(site))
    assert code == 0, err
    # Until base_url is changed from the example init writes, every build says so.
    assert err.startswith("site.yaml:2: peringatan: base_url masih alamat contoh")
    assert out.startswith("Selesai: 1 artikel, 1 halaman,")
    home = parse_html(site / "output/index.html")
    assert "Kabar KIM Loktuan" in "".join(home.find(".//title").itertext())

    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file() and "output" not in p.parts}
    code, out, err = run(capsys, "init", str(site))
    assert code == 1
    assert err.startswith("site.yaml: ") and "Traceback" not in err
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file() and "output" not in p.parts} == before


def local_dates(zone: str) -> set[str]:
    """Today's date in ``zone``, allowing for midnight passing during the test."""
    now = datetime.now(timezone.utc)
    return {(now + delta).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d") for delta in (timedelta(0), timedelta(minutes=1))}


def test_new_creates_an_article_whose_front_matter_parses_and_the_site_builds(make_site, capsys):
    dates = local_dates("Asia/Makassar")
    site = make_site({"content/loktuan/2018-11-12-a.md": article("A")},
                     config=MINIMAL_CONFIG + "categories:\n  berita: Berita\n  agenda: Agenda\n")
    code, out, err = run(capsys, "new", "Judul: Baru", "--kelurahan", "loktuan", "--category", "berita",
                         "--site", str(site))
    assert code == 0, err
    rel, preview = out.strip().split("\n")
    assert preview.endswith(f"`kimpress serve {site}` di http://127.0.0.1:8000/loktuan/judul-baru/")
    match = re.fullmatch(r"content/loktuan/(\d{4}-\d{2}-\d{2})-judul-baru\.md", rel)
    assert match and match.group(1) in dates
    path = site / rel
    document, problems = parse_document(rel, path.read_text(encoding="utf-8"))
    assert problems == []
    assert document.meta.data["title"] == "Judul: Baru"
    meta, problems = read_meta(document, ARTICLE_SCHEMA, ZoneInfo("Asia/Makassar"))
    assert problems == []
    assert meta.get("title") == "Judul: Baru" and meta.get("category") == "berita"

    code, out, err = run(capsys, "build", str(site))
    assert code == 0, err
    assert out.startswith("Selesai: 2 artikel")
    page = parse_html(site / "output/loktuan/judul-baru/index.html")
    assert " ".join("".join(page.find(".//h1").itertext()).split()) == "Judul: Baru"

    # Running it again would overwrite: refused.
    code, out, err = run(capsys, "new", "Judul: Baru", "--kelurahan", "loktuan", "--site", str(site))
    assert code == 1 and err.startswith(rel + ": ")


@pytest.mark.parametrize("title", ["yes", "45:30", "#1 Berita Warga", "- daftar", 'Kata "kutip" dan \\ garis',
                                   "Harga: Rp 5.000", "Catatan Rapat:", "null"])
def test_new_keeps_any_title_exactly(make_site, capsys, title):
    site = make_site({"content/loktuan/.keep": ""})
    code, out, err = run(capsys, "new", title, "--kelurahan", "loktuan", "--site", str(site))
    assert code == 0, err
    rel = out.splitlines()[0]
    document, problems = parse_document(rel, (site / rel).read_text(encoding="utf-8"))
    assert problems == []
    meta, problems = read_meta(document, ARTICLE_SCHEMA, ZoneInfo("Asia/Makassar"))
    assert problems == []
    assert meta.get("title") == title


def test_new_with_a_kelurahan_close_to_a_known_one_makes_its_folder_and_warns(make_site, capsys):
    site = make_site({"content/loktuan/2018-11-12-a.md": article("A")})
    code, out, err = run(capsys, "new", "Kabar", "--kelurahan", "loktaun", "--site", str(site))
    assert code == 0 and "Traceback" not in err
    assert err.startswith('content/loktaun: peringatan: kelurahan "loktaun" belum ada di daftar wilayah')
    assert err.rstrip().endswith("Maksud Anda `loktuan`?")
    assert re.fullmatch(r"content/loktaun/\d{4}-\d{2}-\d{2}-kabar\.md", out.splitlines()[0])
    code, out, err = run(capsys, "build", str(site))
    assert code == 0, err


def test_new_with_a_new_kelurahan_far_from_any_known_one_says_nothing(make_site, capsys):
    site = make_site({"content/loktuan/2018-11-12-a.md": article("A")})
    code, out, err = run(capsys, "new", "Kabar", "--kelurahan", "Api-Api", "--site", str(site))
    assert (code, err) == (0, "")
    assert out.startswith("content/api-api/")


def test_new_with_unknown_category_exits_1(make_site, capsys):
    site = make_site({"content/loktuan/2018-11-12-a.md": article("A")},
                     config=MINIMAL_CONFIG + "categories:\n  berita: Berita\n")
    code, out, err = run(capsys, "new", "Kabar", "--kelurahan", "loktuan", "--category", "beritaa",
                         "--site", str(site))
    assert code == 1 and "Maksud Anda `berita`?" in err
    assert not list((site / "content/loktuan").glob("*-kabar.md"))
