"""Links that survive moves: redirect pages at old addresses, from the git history and from ``aliases:``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL_CONFIG, NOW, article, build_site, parse_html, write_files

from kimpress.core.errors import KimpressError
from kimpress.pipeline.build import Builder, BuildOptions
from kimpress.source import history as history_module
from kimpress.source.history import Place, parse_edits, parse_moves, read_history, replay

GIT_ENV = {"GIT_AUTHOR_NAME": "Relawan", "GIT_AUTHOR_EMAIL": "kim@contoh.id", "GIT_COMMITTER_NAME": "Relawan",
           "GIT_COMMITTER_EMAIL": "kim@contoh.id", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True,
                          env={**GIT_ENV, "PATH": "/usr/bin:/bin"})
    return done.stdout


def commit(folder: Path, message: str) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A site in git with one committed article in satimpo."""
    site = tmp_path / "repo"
    write_files(site, {"site.yaml": MINIMAL_CONFIG,
                       "content/satimpo/2024-05-01-banjir.md": article("Banjir Satimpo", "2024-05-01",
                                                                       body="Air naik setinggi lutut.")})
    git(site, "init", "-q", "-b", "main")
    commit(site, "Artikel banjir")
    return site


def fresh_clone(repo: Path, tmp_path: Path, *options: str) -> Path:
    target = tmp_path / ("clone" + "".join(options).replace("-", ""))
    git(tmp_path, "clone", "-q", *options, repo.as_uri(), str(target))
    return target


def redirect_target(page_file: Path) -> str:
    """The address a redirect page leads to, checked to agree in all three of its forms."""
    page = parse_html(page_file)
    refresh = next(meta.get("content") for meta in page.iter("meta") if meta.get("http-equiv") == "refresh")
    canonical = next(link.get("href") for link in page.iter("link") if link.get("rel") == "canonical")
    robots = next(meta.get("content") for meta in page.iter("meta") if meta.get("name") == "robots")
    links = [a.get("href") for a in page.find("body").iter("a")]
    assert refresh.startswith("0; url=") and robots == "noindex"
    assert refresh[len("0; url="):] == canonical and links == [canonical]
    return canonical


def test_a_committed_move_and_slug_change_leave_redirects_in_a_fresh_clone_built_without_cache(repo, tmp_path):
    (repo / "content/loktuan").mkdir()
    git(repo, "mv", "content/satimpo/2024-05-01-banjir.md", "content/loktuan/2024-05-01-banjir.md")
    commit(repo, "Pindah ke Lok Tuan")
    moved = repo / "content/loktuan/2024-05-01-banjir.md"
    moved.write_text(moved.read_text().replace("title: Banjir Satimpo", "title: Banjir Satimpo\nslug: banjir-besar"))
    commit(repo, "Slug baru")
    clone = fresh_clone(repo, tmp_path)
    result = build_site(clone)  # no cache file: only the clone's history knows the old places
    out = result.config.output_dir
    final = "https://contoh.id/kim/loktuan/banjir-besar/"
    assert redirect_target(out / "satimpo/banjir/index.html") == final  # the first address
    assert redirect_target(out / "loktuan/banjir/index.html") == final  # after the move, before the slug
    assert parse_html(out / "loktuan/banjir-besar/index.html").find(".//h1") is not None
    sitemap = (out / "sitemap.xml").read_text()
    assert "loktuan/banjir-besar/" in sitemap and "satimpo/banjir/" not in sitemap
    assert not [d for d in result.warnings if d.code == "history-shallow"]


def test_links_written_to_a_moved_file_still_lead_to_it_and_say_where_it_went(repo):
    write_files(repo, {"content/satimpo/2024-05-02-lanjutan.md": article(
        "Lanjutan", "2024-05-02", body="Baca dulu [berita banjir](2024-05-01-banjir.md#awal).")})
    commit(repo, "Artikel lanjutan")
    (repo / "content/loktuan").mkdir()
    git(repo, "mv", "content/satimpo/2024-05-01-banjir.md", "content/loktuan/2024-05-01-banjir.md")
    commit(repo, "Pindah")
    result = build_site(repo)
    page = parse_html(result.config.output_dir / "satimpo/lanjutan/index.html")
    assert "/kim/loktuan/banjir/#awal" in [a.get("href") for a in page.iter("a")]
    [moved] = [d for d in result.warnings if d.code == "link-to-moved"]
    assert moved.path == "content/satimpo/2024-05-02-lanjutan.md"
    assert moved.param_dict["new"] == "loktuan/2024-05-01-banjir.md"
    builder = Builder(repo, BuildOptions(now=NOW))  # a rebuild reusing its Markdown says the same
    assert [d.code for d in builder.build().warnings] == [d.code for d in builder.build().warnings]
    assert "link-to-moved" in [d.code for d in builder.build().warnings]


def test_a_shallow_clone_warns_that_old_addresses_may_be_lost(repo, tmp_path):
    (repo / "content/loktuan").mkdir()
    git(repo, "mv", "content/satimpo/2024-05-01-banjir.md", "content/loktuan/2024-05-01-banjir.md")
    commit(repo, "Pindah")
    clone = fresh_clone(repo, tmp_path, "--depth=1")
    result = build_site(clone)
    assert [d.code for d in result.warnings if d.code == "history-shallow"] == ["history-shallow"]
    assert not (result.config.output_dir / "satimpo/banjir/index.html").exists()


def test_a_site_in_a_subfolder_of_its_repository_reads_its_own_history(tmp_path):
    root = tmp_path / "monorepo"
    write_files(root, {"situs/site.yaml": MINIMAL_CONFIG,
                       "situs/content/satimpo/2024-05-01-a.md": article("A", "2024-05-01")})
    git(root, "init", "-q")
    commit(root, "a")
    git(root, "mv", "situs/content/satimpo/2024-05-01-a.md", "situs/content/satimpo/2024-05-01-b.md")
    commit(root, "b")
    out = build_site(root / "situs").config.output_dir
    assert redirect_target(out / "satimpo/a/index.html") == "https://contoh.id/kim/satimpo/b/"


def test_an_old_address_now_used_by_another_article_keeps_that_article(repo):
    git(repo, "mv", "content/satimpo/2024-05-01-banjir.md", "content/satimpo/2024-05-01-banjir-rob.md")
    commit(repo, "Ganti nama")
    write_files(repo, {"content/satimpo/2024-06-01-banjir.md": article("Banjir Lagi", "2024-06-01")})
    commit(repo, "Artikel baru dengan alamat lama")
    result = build_site(repo)
    page = parse_html(result.config.output_dir / "satimpo/banjir/index.html")
    assert page.find(".//h1") is not None and "Banjir Lagi" in "".join(page.find(".//h1").itertext())
    [shadowed] = [d for d in result.warnings if d.code == "redirect-shadowed"]
    assert shadowed.path == "content/satimpo/2024-05-01-banjir-rob.md"
    assert shadowed.param_dict["other"] == "content/satimpo/2024-06-01-banjir.md"


def test_aliases_redirect_without_git_and_never_replace_a_page(make_site):
    site = make_site({
        "content/satimpo/2024-05-01-a.md": article("A", "2024-05-01",
                                                   aliases="[/berita/lama.html, satimpo/judul-lama, "
                                                           "'https://contoh.id/kim/x/']"),
        "content/tentang.md": "---\ntitle: Tentang\nalias: /profil/\n---\nTeks.\n",
    })
    out = build_site(site).config.output_dir
    target = "https://contoh.id/kim/satimpo/a/"
    assert redirect_target(out / "berita/lama.html") == target
    assert redirect_target(out / "satimpo/judul-lama/index.html") == target
    assert redirect_target(out / "x/index.html") == target
    assert redirect_target(out / "profil/index.html") == "https://contoh.id/kim/tentang/"


@pytest.mark.parametrize("files, code, line, other", [
    ({"content/satimpo/2024-05-01-a.md": article("A", "2024-05-01", aliases="[/tentang/]"),
      "content/tentang.md": "---\ntitle: Tentang\n---\nTeks.\n"}, "alias-is-a-page", 4, "content/tentang.md"),
    ({"content/satimpo/2024-05-01-a.md": article("A", "2024-05-01", aliases="[/lama/]"),
      "content/satimpo/2024-05-02-b.md": article("B", "2024-05-02", aliases="[/lama/]")},
     "alias-claimed-twice", 4, "content/satimpo/2024-05-02-b.md"),
    ({"content/satimpo/2024-05-01-a.md": article("A", "2024-05-01", aliases="['https://lain.id/x/']")},
     "alias-not-site", 4, None),
])
def test_a_wrong_alias_is_an_error_at_its_line(make_site, files, code, line, other):
    site = make_site(files)
    with pytest.raises(KimpressError) as caught:
        build_site(site)
    [problem] = [d for d in caught.value.diagnostics if d.code == code]
    assert problem.line == line and problem.path.startswith("content/")
    if other:
        assert problem.param_dict["other"] == other


def test_history_is_read_in_three_git_calls_and_once_per_commit_after(repo, monkeypatch):
    calls: list[tuple[str, ...]] = []
    real = history_module.subprocess.run

    def counting(args, **kwargs):
        if "core.quotePath=false" in args:  # kimpress's own calls, not this test's
            calls.append(tuple(args))
        return real(args, **kwargs)

    monkeypatch.setattr(history_module.subprocess, "run", counting)
    builder = Builder(repo, BuildOptions(now=None))
    builder.build()
    assert len(calls) == 3
    builder.build()
    assert len(calls) == 4  # HEAD only: the same commit, the same history
    git(repo, "mv", "content/satimpo/2024-05-01-banjir.md", "content/satimpo/2024-05-01-air.md")
    commit(repo, "Ganti nama")
    builder.build([repo / "content/satimpo/2024-05-01-air.md"])
    assert len(calls) == 7
    assert redirect_target(repo / "output/satimpo/banjir/index.html") == "https://contoh.id/kim/satimpo/air/"


def test_history_is_kept_by_commit_in_the_cache_folder(repo, tmp_path, monkeypatch):
    git(repo, "mv", "content/satimpo/2024-05-01-banjir.md", "content/satimpo/2024-05-01-air.md")
    commit(repo, "Ganti nama")
    folder = tmp_path / "cache"
    first = read_history(repo, folder)
    assert first.places and (folder / "history.json").exists()
    calls: list[tuple[str, ...]] = []
    real = history_module.subprocess.run
    monkeypatch.setattr(history_module.subprocess, "run", lambda args, **kw: calls.append(tuple(args)) or real(args, **kw))
    assert read_history(repo, folder) == first  # a new process, the same commit: from the file
    assert len(calls) == 1 and "rev-parse" in calls[0]


def test_outside_git_there_is_no_history(tmp_path):
    assert read_history(tmp_path).places == {}


def test_an_id_changed_to_another_value_is_another_article():
    moves = parse_moves("\x01c1\x00\nA\x00content/a/x.md\x00\x01c2\x00\nR100\x00content/a/x.md\x00content/b/x.md\x00"
                        "\x01c3\x00\nM\x00content/b/x.md\x00")
    edits = parse_edits("\x01c1\n\n+++ b/content/a/x.md\n+id: satu\n\x01c3\n\n--- a/content/b/x.md\n"
                        "+++ b/content/b/x.md\n-id: satu\n+id: dua\n")
    assert replay(moves, edits) == {}  # a new lineage at c3: nothing earlier is its own
    assert replay(moves, {}) == {"content/b/x.md": (Place("content/a/x.md"), Place("content/b/x.md"))}
