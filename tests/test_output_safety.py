"""The output folder: refused when building there could destroy the writer's files,
and a build never writes outside it."""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL_CONFIG, article, build_site, output_files, tree

from kimpress.core.errors import OutputDirError
from kimpress.pipeline.write import JOURNAL, MANIFEST, recover_interrupted_write

FILES = {
    "content/loktuan/2018-11-12-a.md": article("A", cover="foto.jpg", body="Lihat ![foto](2018-11-12-a/foto.jpg)."),
    "content/loktuan/2018-11-12-a/foto.jpg": b"\xff\xd8\xff\xe0jpeg",
    "content/tentang.md": "---\ntitle: Tentang\n---\nHalo.\n",
    "static/CNAME": "kim.contoh.id\n",
    "themes/hijau/templates/.keep": "",
}


def refused(site: Path, target: Path | str, code: str, **options) -> dict:
    before = tree(site.parent)
    with pytest.raises(OutputDirError) as caught:
        build_site(site, output_dir=str(target), **options)
    [problem] = caught.value.diagnostics
    assert problem.code == code
    assert problem.is_error
    assert tree(site.parent) == before, "a refused build must not touch anything"
    return problem.param_dict


@pytest.mark.parametrize("where, code, folder", [
    ("site", "output-contains-site", None),
    ("parent", "output-contains-site", None),
    ("grandparent", "output-contains-site", None),
    ("content", "output-inside-source", "content"),
    ("content/out", "output-inside-source", "content"),
    ("content/loktuan", "output-inside-source", "content"),
    ("static", "output-inside-source", "static"),
    ("static/out", "output-inside-source", "static"),
    ("themes", "output-inside-source", "themes"),
    ("themes/hijau/out", "output-inside-source", "themes"),
])
def test_dangerous_output_folder_is_refused(make_site, where, code, folder):
    site = make_site(FILES)
    target = {"site": site, "parent": site.parent, "grandparent": site.parent.parent}.get(where, site / where)
    params = refused(site, target, code)
    if folder is not None:
        assert params["folder"] == folder


def test_dangerous_output_folder_in_site_yaml_is_refused(make_site):
    site = make_site(FILES, config=MINIMAL_CONFIG + "output_dir: content/publik\n")
    with pytest.raises(OutputDirError) as caught:
        build_site(site)
    assert [d.code for d in caught.value.diagnostics] == ["output-inside-source"]
    assert not (site / "content/publik").exists()


def test_dot_output_dir_in_site_yaml_is_refused(make_site):
    site = make_site(FILES, config=MINIMAL_CONFIG + "output_dir: .\n")
    with pytest.raises(OutputDirError) as caught:
        build_site(site)
    assert [d.code for d in caught.value.diagnostics] == ["output-contains-site"]


def test_relative_path_climbing_back_into_the_site_is_refused(make_site):
    site = make_site(FILES)
    refused(site, site / "output/../content/x", "output-inside-source")


def test_path_through_a_symlink_into_content_is_refused(make_site, tmp_path):
    site = make_site(FILES)
    link = tmp_path / "pintas"
    link.symlink_to(site / "content", target_is_directory=True)
    refused(site, link / "keluaran", "output-inside-source")


def test_home_folder_is_refused(make_site, tmp_path, monkeypatch):
    site = make_site(FILES)
    home = tmp_path / "rumah"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    refused(site, home, "output-contains-site")


def test_symlink_as_output_folder_is_refused(make_site, tmp_path):
    site = make_site(FILES)
    real = tmp_path / "asli"
    real.mkdir()
    link = tmp_path / "tautan"
    link.symlink_to(real, target_is_directory=True)
    params = refused(site, link, "output-not-folder")
    assert params["target"].endswith("tautan")
    assert list(real.iterdir()) == []


def test_symlink_to_content_as_output_folder_is_refused(make_site, tmp_path):
    site = make_site(FILES)
    link = tmp_path / "tautan"
    link.symlink_to(site / "content", target_is_directory=True)
    before = tree(site)
    with pytest.raises(OutputDirError) as caught:
        build_site(site, output_dir=str(link))
    assert [d.code for d in caught.value.diagnostics][0] in ("output-not-folder", "output-inside-source")
    assert tree(site) == before


def test_a_file_as_output_folder_is_refused(make_site, tmp_path):
    site = make_site(FILES)
    target = tmp_path / "berkas.txt"
    target.write_text("bukan folder")
    refused(site, target, "output-not-folder")
    assert target.read_text() == "bukan folder"


def test_foreign_non_empty_folder_is_refused_then_accepted_with_force(make_site, tmp_path):
    site = make_site(FILES)
    foreign = tmp_path / "punya-orang"
    (foreign / "arsip").mkdir(parents=True)
    (foreign / "laporan.docx").write_bytes(b"penting")
    (foreign / "arsip/2017.pdf").write_bytes(b"lama")
    refused(site, foreign, "output-not-ours")

    result = build_site(site, output_dir=str(foreign), force=True)
    assert result.stats.written > 0
    assert (foreign / "loktuan/a/index.html").is_file()
    assert (foreign / "laporan.docx").read_bytes() == b"penting"
    assert (foreign / "arsip/2017.pdf").read_bytes() == b"lama"
    # Now kimpress made it: the next build needs no --force and still keeps the foreign files.
    build_site(site, output_dir=str(foreign))
    assert (foreign / "laporan.docx").read_bytes() == b"penting"


def test_folder_with_only_hidden_files_and_cname_is_accepted(make_site, tmp_path):
    site = make_site(FILES)
    checkout = tmp_path / "gh-pages"
    (checkout / ".git").mkdir(parents=True)
    (checkout / ".git/HEAD").write_text("ref: refs/heads/gh-pages\n")
    (checkout / "CNAME").write_text("kim.contoh.id\n")
    build_site(site, output_dir=str(checkout))
    assert (checkout / "index.html").is_file() and (checkout / ".git/HEAD").is_file()


def test_empty_or_missing_output_folder_is_accepted(make_site, tmp_path):
    site = make_site(FILES)
    empty = tmp_path / "kosong"
    empty.mkdir()
    build_site(site, output_dir=str(empty))
    build_site(site, output_dir=str(tmp_path / "belum/ada"))
    assert output_files(empty) == output_files(tmp_path / "belum/ada") != set()


@pytest.mark.parametrize("output", ["default", "outside"])
def test_build_writes_nothing_outside_the_output_folder(make_site, tmp_path, output):
    site = make_site(FILES)
    out = site / "output" if output == "default" else tmp_path / "publik"
    options = {} if output == "default" else {"output_dir": str(out)}
    before = tree(tmp_path, skip=out)
    result = build_site(site, **options)
    assert result.stats.written > 0
    assert tree(tmp_path, skip=out) == before
    # And inside it: no temporary files left, the manifest lists exactly what was written.
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert (out / MANIFEST).is_file()
    # A second build, after a change, still writes nothing outside.
    (site / "content/loktuan/2018-11-12-a.md").write_text(article("A2", cover="foto.jpg"), encoding="utf-8")
    before = tree(tmp_path, skip=out)
    build_site(site, **options)
    assert tree(tmp_path, skip=out) == before


def test_symlinked_file_in_output_is_replaced_not_written_through(make_site, tmp_path):
    site = make_site(FILES)
    build_site(site)
    victim = tmp_path / "rahasia.txt"
    victim.write_text("jangan ditimpa")
    page = site / "output/loktuan/a/index.html"
    page.unlink()
    page.symlink_to(victim)
    build_site(site)
    assert victim.read_text() == "jangan ditimpa"
    assert page.is_file() and not page.is_symlink()


def test_symlinked_folder_in_output_is_not_written_through(make_site, tmp_path):
    site = make_site(FILES)
    build_site(site)
    elsewhere = tmp_path / "folder-lain"
    (elsewhere / "a").mkdir(parents=True)
    (elsewhere / "a/index.html").write_text("milik pengguna")
    before = tree(elsewhere)
    out = site / "output"
    for path in sorted((out / "loktuan").rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    (out / "loktuan").rmdir()
    (out / "loktuan").symlink_to(elsewhere, target_is_directory=True)
    try:
        build_site(site)
    except OutputDirError:
        pass  # refusing is fine too; writing through the link is not
    assert tree(elsewhere) == before


def test_stale_file_behind_a_symlinked_folder_is_not_deleted(make_site, tmp_path):
    site = make_site({**FILES, "content/satimpo/2018-11-13-b.md": article("B", "2018-11-13")})
    build_site(site)
    out = site / "output"
    elsewhere = tmp_path / "folder-lain"
    (elsewhere / "b").mkdir(parents=True)
    (elsewhere / "b/index.html").write_text("milik pengguna")
    for path in sorted((out / "satimpo").rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    (out / "satimpo").rmdir()
    (out / "satimpo").symlink_to(elsewhere, target_is_directory=True)
    (site / "content/satimpo/2018-11-13-b.md").unlink()  # satimpo/b/index.html is now stale
    before = tree(elsewhere)
    try:
        build_site(site)
    except OutputDirError:
        pass
    assert tree(elsewhere) == before


# --- a write that fails half-way puts the last good site back ------------------------------

def _second_build_changes(site: Path) -> None:
    """Changes that rewrite every page (a new site title) and add pages and a copied file."""
    config = (site / "site.yaml").read_text(encoding="utf-8")
    (site / "site.yaml").write_text(config.replace("title: Kabar Uji", "title: Kabar Baru"), encoding="utf-8")
    (site / "content/satimpo").mkdir(parents=True, exist_ok=True)
    (site / "content/satimpo/2018-11-20-baru.md").write_text(article("Baru", "2018-11-20"), encoding="utf-8")
    (site / "static/zz-besar.bin").write_bytes(bytes(range(256)) * 1024)  # 256 KiB, copied last


def test_a_file_that_cannot_be_put_in_place_rolls_the_whole_write_back(make_site):
    site = make_site(FILES)
    build_site(site)
    out = site / "output"
    _second_build_changes(site)
    # Something in the way of the last file to go in: the files before it are already swapped in.
    (out / "zz-besar.bin").mkdir()
    (out / "zz-besar.bin" / "punya-orang.txt").write_text("jangan dihapus", encoding="utf-8")
    before = tree(out)
    with pytest.raises(OutputDirError) as caught:
        build_site(site)
    [problem] = caught.value.diagnostics
    assert problem.code == "output-write-failed"
    assert problem.param_dict["target"] == "zz-besar.bin"
    assert tree(out) == before, "the last good site must be back byte for byte, with its file times"
    assert "Kabar Uji" in (out / "index.html").read_text(encoding="utf-8")
    # Once the way is clear, the same build succeeds.
    (out / "zz-besar.bin" / "punya-orang.txt").unlink()
    (out / "zz-besar.bin").rmdir()
    build_site(site)
    assert "Kabar Baru" in (out / "index.html").read_text(encoding="utf-8")
    assert not [p for p in out.rglob(".kimpress-*") if p.name != MANIFEST]


def _run_kimpress(args: list[str], *, preexec=None, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "kimpress", *args], capture_output=True, text=True,
                          preexec_fn=preexec, env=env, timeout=120)


def _limit_file_size() -> None:
    """In the child: files may not grow past 64 KiB (writing more fails with EFBIG, as on a full disk)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_full_disk_while_staging_leaves_the_last_good_site_and_a_clear_message(make_site):
    site = make_site(FILES)
    out = site / "output"
    first = _run_kimpress(["build", str(site)])
    assert first.returncode == 0, first.stderr
    _second_build_changes(site)
    before = tree(out)
    failed = _run_kimpress(["build", str(site)], preexec=_limit_file_size)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "zz-besar.bin" in failed.stderr and "dikembalikan" in failed.stderr
    assert tree(out) == before


KILLED_AFTER_THIRD_SWAP = """\
import os, sys
import kimpress.pipeline.write as write
real, calls = write._swap_in, []
def swap_then_die(target):
    real(target)
    calls.append(target)
    if len(calls) == 3:
        os._exit(137)  # like a kill: no cleanup runs
write._swap_in = swap_then_die
from kimpress.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _build_killed_half_way(site: Path) -> None:
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_THIRD_SWAP, "build", str(site)],
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == 137, killed.stderr


def test_a_build_killed_while_swapping_files_in_can_be_rolled_back(make_site):
    site = make_site(FILES)
    out = site / "output"
    assert _run_kimpress(["build", str(site)]).returncode == 0
    before = tree(out)
    _second_build_changes(site)
    _build_killed_half_way(site)
    assert (out / JOURNAL).is_file()
    assert tree(out) != before  # half new, half old
    # The three replaced files are put back and the new ones (written in place at once) taken away.
    now = tree(out)
    new_files = len([name for name in set(now) - set(before)
                     if now[name] is not None and not os.path.basename(name).startswith(b".kimpress-")])
    assert new_files > 0
    assert recover_interrupted_write(out) == 3 + new_files
    assert tree(out) == before
    assert not (out / JOURNAL).exists()


@pytest.mark.slow  # ~2 s: builds in a child process that is killed mid-write
def test_the_next_build_after_a_kill_says_it_put_files_back_and_finishes_the_site(make_site):
    site = make_site(FILES)
    out = site / "output"
    assert _run_kimpress(["build", str(site)]).returncode == 0
    _second_build_changes(site)
    _build_killed_half_way(site)
    again = _run_kimpress(["build", str(site)])
    assert again.returncode == 0, again.stderr
    assert re.search(r"\b\d+ berkas di folder keluaran dikembalikan", again.stdout + again.stderr)
    assert not (out / JOURNAL).exists()
    fresh = site.parent / "fresh"
    assert _run_kimpress(["build", str(site), "--output", str(fresh)]).returncode == 0
    assert {k: v[0] if isinstance(v, tuple) else v for k, v in tree(out).items()} == \
        {k: v[0] if isinstance(v, tuple) else v for k, v in tree(fresh).items()}
