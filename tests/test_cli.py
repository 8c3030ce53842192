"""The command line as a writer uses it: plain messages, exit codes, no tracebacks."""

from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import MINIMAL_CONFIG, article
from kimpress import __version__
from kimpress.cli import main


def test_build_prints_an_indonesian_summary(make_site, capsys):
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A")})
    assert main(["build", str(site)]) == 0
    assert capsys.readouterr().out.startswith("Selesai: 1 artikel, 0 halaman,")


def test_broken_site_exits_1_with_located_plain_messages(make_site, capsys):
    site = make_site({"content/satimpo/2018-11-12-a.md": "---\ntitle: A\ndate: 2018-02-30\n---\n",
                      "content/satimpo/2018-11-13-b.md": "---\ndate: 2018-11-13\n---\n"})
    assert main(["build", str(site)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines[0].startswith("content/satimpo/2018-11-12-a.md:3: tanggal \"2018-02-30\" tidak ada di kalender")
    assert lines[1] == "content/satimpo/2018-11-13-b.md:1: kolom `title` wajib diisi."


def test_english_site_gets_english_messages(make_site, capsys):
    site = make_site({"content/satimpo/2018-11-12-a.md": "---\ndate: 2018-11-13\n---\n"},
                     config=MINIMAL_CONFIG.replace("language: id", "language: en"))
    assert main(["build", str(site)]) == 1
    assert capsys.readouterr().err.strip() == "content/satimpo/2018-11-12-a.md:1: `title` is required."


def test_internal_error_exits_3_and_shows_a_traceback_only_with_debug(make_site, capsys, monkeypatch):
    site = make_site({"content/satimpo/2018-11-12-a.md": article("A")})

    def broken(*args, **kwargs):
        raise RuntimeError("rusak")

    monkeypatch.setattr("kimpress.build.plan_pages", broken)
    assert main(["build", str(site)]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RuntimeError: rusak" in err
    assert main(["--debug", "build", str(site)]) == 3
    assert "Traceback" in capsys.readouterr().err


def test_init_then_build_then_new(tmp_path, capsys):
    site = tmp_path / "situs"
    assert main(["init", str(site)]) == 0
    assert main(["build", str(site)]) == 0
    assert main(["init", str(site)]) == 1  # never overwrites
    assert main(["new", "Judul: Baru", "--kelurahan", "kelurahan-contoh", "--category", "agenda",
                 "--site", str(site)]) == 0
    created = site / capsys.readouterr().out.strip().splitlines()[-1]
    front = yaml.safe_load(created.read_text(encoding="utf-8").split("---")[1])
    assert front["title"] == "Judul: Baru" and front["category"] == "agenda"
    assert created.name.endswith("-judul-baru.md")
    assert main(["build", str(site)]) == 0
    assert main(["new", "X", "--kelurahan", "kelurahan-contoh2", "--site", str(site)]) == 1
    assert "kelurahan-contoh" in capsys.readouterr().err


def test_python_m_kimpress_version():
    done = subprocess.run([sys.executable, "-m", "kimpress", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == f"kimpress {__version__}"
