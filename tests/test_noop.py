"""``kimpress build`` of an unchanged site does not start the engine, and any change makes it start.

The fingerprint (incremental/fingerprint.py) is trusted only when every input and
every output file is as the last successful build left it and no scheduled
article has come due. Files are dated a minute back, as a writer's files are,
so that the racy-time rule (a file changed within two seconds of a build is not
trusted) does not hide what is tested here.
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import article, write_files

from kimpress.cli.main import main
from kimpress.incremental.fingerprint import build_settings, still_valid, take
from kimpress.incremental.location import cache_file, fingerprint_file


def _age(root: Path, seconds: float = 60) -> None:
    """Date every file under ``root`` ``seconds`` back."""
    moment = time.time() - seconds
    for path in root.rglob("*"):
        os.utime(path, (moment, moment), follow_symlinks=False)


@pytest.fixture()
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "situs"
    write_files(root, {
        "site.yaml": "title: Kabar Uji\nbase_url: https://kim.example.id/\nlanguage: id\nbogus_key: 1\n",
        "content/loktuan/banjir.md": article("Banjir Rob", body="Air naik di RT 05."),
        "content/loktuan/posyandu.md": article("Posyandu Balita", date="2018-11-13 08:00"),
        "content/loktuan/rapat.md": article("Rapat Draf", draft=True),
        "static/logo.txt": "logo",
        "themes/.keep": "",
    })
    _age(root)
    return root


def _watch_engine(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """From now on, starting the engine is noted (and the build then fails as an internal error)."""
    started: list[str] = []

    def refuse(self, *args, **kwargs):
        started.append(str(self.site_dir))
        raise RuntimeError("the engine started")

    monkeypatch.setattr("kimpress.pipeline.build.Builder.build", refuse)
    return started


def _build(site: Path, *extra: str) -> int:
    return main(["build", str(site), "--jobs", "1", *extra])


def test_an_unchanged_site_is_not_built_again_and_says_what_it_said(site, monkeypatch, capsys) -> None:
    assert _build(site) == 0
    first = capsys.readouterr()
    assert "bogus_key" in first.err and "3 ditulis" not in first.out
    started = _watch_engine(monkeypatch)
    assert _build(site) == 0
    assert started == []
    again = capsys.readouterr()
    assert "bogus_key" in again.err  # the warnings again, word for word
    assert again.err == first.err
    assert "2 artikel" in again.out and "(0 ditulis, 0 dihapus)" in again.out
    assert "1 draf" in again.out


@pytest.mark.parametrize("change", ["edit", "add", "delete", "config", "theme", "static", "output-edit",
                                    "output-delete", "flag"])
def test_any_change_starts_the_engine(site, monkeypatch, capsys, change) -> None:
    assert _build(site) == 0
    out = site / "output"
    extra: tuple[str, ...] = ()
    if change == "edit":
        (site / "content/loktuan/banjir.md").write_text(article("Banjir Rob", body="Air surut."), encoding="utf-8")
    elif change == "add":
        (site / "content/loktuan/baru.md").write_text(article("Kabar Baru"), encoding="utf-8")
    elif change == "delete":
        (site / "content/loktuan/posyandu.md").unlink()
    elif change == "config":
        (site / "site.yaml").write_text("title: Kabar Lain\nbase_url: https://kim.example.id/\n", encoding="utf-8")
    elif change == "theme":
        write_files(site, {"themes/warga/theme.yaml": "extends: default\n"})
    elif change == "static":
        (site / "static/logo.txt").write_text("logo baru", encoding="utf-8")
    elif change == "output-edit":
        (out / "loktuan/banjir/index.html").write_text("rusak", encoding="utf-8")
    elif change == "output-delete":
        (out / "loktuan/banjir/index.html").unlink()
    elif change == "flag":
        extra = ("--drafts",)
    _age(site)
    started = _watch_engine(monkeypatch)
    _build(site, *extra)
    assert started


def test_after_a_change_the_next_build_is_right_and_then_skipped_again(site, monkeypatch, capsys) -> None:
    assert _build(site) == 0
    (site / "content/loktuan/banjir.md").write_text(article("Banjir Rob", body="Air surut pagi ini."),
                                                    encoding="utf-8")
    (site / "output/loktuan/posyandu/index.html").unlink()
    _age(site)
    assert _build(site) == 0
    assert "Air surut pagi ini." in (site / "output/loktuan/banjir/index.html").read_text(encoding="utf-8")
    assert (site / "output/loktuan/posyandu/index.html").is_file()
    started = _watch_engine(monkeypatch)
    assert _build(site) == 0
    assert started == []


def test_a_file_changed_just_before_the_build_is_not_vouched_for(site, monkeypatch) -> None:
    (site / "content/loktuan/banjir.md").write_text(article("Banjir Rob", body="Baru saja."), encoding="utf-8")
    assert _build(site) == 0  # the file is younger than two seconds: no fingerprint is kept
    assert not fingerprint_file(cache_file(site)).exists()
    started = _watch_engine(monkeypatch)
    _build(site)
    assert started


def test_a_scheduled_article_coming_due_makes_the_build_stale(site) -> None:
    soon = (datetime.now(timezone.utc) + timedelta(days=3)).astimezone(timezone(timedelta(hours=7)))
    (site / "content/loktuan/jadwal.md").write_text(article("Jadwal", date=soon.strftime("%Y-%m-%d %H:%M")),
                                                    encoding="utf-8")
    _age(site)
    assert _build(site) == 0
    record = fingerprint_file(cache_file(site))
    seen = take(site.resolve(), build_settings(False, False, None, None))
    assert still_valid(record, seen) is not None
    assert still_valid(record, seen, now=datetime.now(timezone.utc) + timedelta(days=4)) is None


def test_no_cache_never_uses_the_fingerprint(site, monkeypatch) -> None:
    assert _build(site) == 0
    _age(site)
    started = _watch_engine(monkeypatch)
    _build(site, "--no-cache")
    assert started
