"""Hostile input: names, slugs, paths, YAML, dates and encodings a careless or
malicious writer could type. Each one builds to a safe site or stops with a
located diagnostic; none writes outside the output folder, and a failed build
leaves the previous output byte for byte.

Cases already covered elsewhere are not repeated here: ``!!python`` tags,
duplicate top-level keys, unclosed fences, BOM and CRLF, Latin-1 bytes, the
common YAML 1.1 words in title and author (tests/test_errors.py) and the output
folder itself (tests/test_output_safety.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import MINIMAL_CONFIG, article, build_site, tree

from kimpress.core.errors import Diagnostic, KimpressError
from kimpress.pipeline.build import BuildResult
from kimpress.pipeline.write import MANIFEST

GOOD = {
    "content/loktuan/2018-11-12-a.md": article("A", tags="[kim]", category="berita", author="Rina"),
    "content/tentang.md": "---\ntitle: Tentang\n---\nHalo.\n",
}
P = "content/loktuan/x.md"  # where most hostile articles go


@dataclass
class Outcome:
    """What a hostile build did: its result or its diagnostics."""

    result: BuildResult | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def only(self, code: str) -> Diagnostic:
        found = [d for d in self.errors if d.code == code]
        assert len(found) == 1, [(d.code, d.path, d.line) for d in self.diagnostics]
        return found[0]


def hostile(site: Path, files: dict[str, str | bytes] | None = None, prepare=None) -> Outcome:
    """Build a good site, add ``files`` (and run ``prepare(site)``), build again.

    Checks what must hold either way: nothing outside the output folder changes,
    every output file lies inside it, and a failed build changes no output byte.
    """
    build_site(site)
    out = site / "output"
    for rel_path, content in (files or {}).items():
        path = site / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if prepare is not None:
        prepare(site)
    outside, inside = tree(site.parent, skip=out), tree(out)
    outcome = Outcome()
    try:
        outcome.result = build_site(site)
        outcome.diagnostics = outcome.result.warnings
    except KimpressError as problem:
        outcome.diagnostics = problem.diagnostics
        assert tree(out) == inside, "a failed build must leave the previous output as it was"
    assert tree(site.parent, skip=out) == outside, "nothing outside the output folder may change"
    root = out.resolve()
    for path in out.rglob("*"):
        assert root in path.resolve().parents, path
    for error in outcome.errors:
        assert error.path, f"{error.code} must name a file"
    return outcome


def failing(site: Path, files: dict[str, str | bytes] | None = None, prepare=None) -> Outcome:
    outcome = hostile(site, files, prepare)
    assert outcome.result is None, "this build must fail"
    return outcome


def passing(site: Path, files: dict[str, str | bytes] | None = None, prepare=None) -> BuildResult:
    outcome = hostile(site, files, prepare)
    assert outcome.result is not None, [(d.code, d.path, d.line) for d in outcome.diagnostics]
    return outcome.result


def urls(result: BuildResult, kind: str) -> set[str]:
    site = result.site
    groups = {"articles": site.articles, "tags": site.tags, "authors": site.authors, "categories": site.categories,
              "kelurahan": site.kelurahan}
    return {item.url for item in groups[kind]}


# ---------------------------------------------------------------------------
# Slugs, tags, authors, rubrik: anything typed becomes a safe slug or a located error
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed, url", [
    ("'../../etc/passwd'", "/loktuan/etc-passwd/"),
    ("'/etc/passwd'", "/loktuan/etc-passwd/"),
    ("'a/b/c'", "/loktuan/a-b-c/"),
    ("'a\\b\\c'", "/loktuan/a-b-c/"),
    ("'C:\\Windows\\System32'", "/loktuan/c-windows-system32/"),
    ('"nul\\0di\\x01tengah"', "/loktuan/nul-di-tengah/"),
    ("Caf\u00e9 Pesisir", "/loktuan/cafe-pesisir/"),
    ("Cafe\u0301 Pesisir", "/loktuan/cafe-pesisir/"),
    ("'%2e%2e%2fetc'", "/loktuan/2e-2e-2fetc/"),
], ids=["dotdot", "absolute", "slashes", "backslashes", "drive-letter", "control-chars", "nfc", "nfd", "percent"])
def test_hostile_slug_becomes_a_safe_slug(make_site, typed, url):
    result = passing(make_site(GOOD), {P: article("X", slug=typed)})
    assert url in urls(result, "articles")


@pytest.mark.parametrize("typed", ["'...'", "'!?*'", "'/'", "'..'", "'🎉🎉'"])
def test_slug_without_letters_or_digits_warns_at_its_line_and_falls_back_to_the_file_name(make_site, typed):
    result = passing(make_site(GOOD), {P: article("X", slug=typed)})
    assert "/loktuan/x/" in urls(result, "articles")
    [problem] = [d for d in result.warnings if d.code == "slug-without-letters"]
    assert (problem.path, problem.line) == (P, 4)


def test_a_slug_in_another_script_is_kept(make_site):
    result = passing(make_site(GOOD), {P: article("X", slug="'日本語'")})
    assert "/loktuan/日本語/" in urls(result, "articles")


@pytest.mark.parametrize("field_line", ["slug: " + "a" * 300, "tags: [" + "b" * 300 + "]", "author: " + "c" * 300,
                                        "category: " + "d" * 300],
                         ids=["slug", "tag", "author", "category"])
def test_name_too_long_for_a_disk_is_an_error_naming_the_article(make_site, field_line):
    key, value = field_line.split(": ")
    problem = failing(make_site(GOOD), {P: article("X", **{key: value})}).only("url-too-long")
    assert problem.path == P
    assert len(problem.param_dict["url"]) < 100  # the message shows the URL cut down


def test_long_but_fitting_slug_builds(make_site):
    result = passing(make_site(GOOD), {P: article("X", slug="a" * 150)})
    assert f"/loktuan/{'a' * 150}/" in urls(result, "articles")


def test_hostile_tags_authors_and_rubrik_become_safe_term_pages(make_site):
    source = article("X", tags="['../../etc', '/', 'C:\\x', 'a/b', '!!!', 'Caf\u00e9', 'Cafe\u0301']",
                     author="'../../../root'", category="'..\\..\\rubrik'")
    result = passing(make_site(GOOD), {P: source})
    assert urls(result, "tags") == {"/tag/kim/", "/tag/etc/", "/tag/c-x/", "/tag/a-b/", "/tag/cafe/"}
    assert urls(result, "authors") == {"/penulis/rina/", "/penulis/root/"}
    assert urls(result, "categories") == {"/rubrik/berita/", "/rubrik/rubrik/"}


@pytest.mark.parametrize("template", ["/etc/passwd", "../../../../../../etc/passwd", "..\\..\\x.html", "C:x.html",
                                      "a//b.html", ".hidden.html"])
def test_template_outside_the_theme_is_refused(make_site, template):
    problem = failing(make_site(GOOD), {P: article("X", template=f"'{template}'")}).only("template-name-invalid")
    assert (problem.path, problem.line) == (P, 4)


def test_template_outside_the_theme_is_refused_in_site_defaults(make_site):
    site = make_site(GOOD)
    config = MINIMAL_CONFIG + "defaults:\n  template: /etc/passwd\n"
    outcome = failing(site, {"site.yaml": config})
    assert {d.code for d in outcome.errors} == {"template-name-invalid"}
    assert "root:" not in "".join(p.read_text(errors="replace") for p in (site / "output").rglob("*.html"))


# ---------------------------------------------------------------------------
# File and folder names
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name, url", [
    ("C:banjir.md", "/loktuan/c-banjir/"),
    ("a\\b.md", "/loktuan/a-b/"),
    ("caf\u00e9.md", "/loktuan/cafe/"),
    ("cafe\u0301.md", "/loktuan/cafe/"),
    ("2018-11-12-" + "k" * 180 + ".md", "/loktuan/" + "k" * 180 + "/"),
], ids=["drive-letter", "backslash", "nfc", "nfd", "long"])
def test_odd_article_file_names_become_safe_slugs(make_site, name, url):
    result = passing(make_site(GOOD), {f"content/loktuan/{name}": article("X")})
    assert url in urls(result, "articles")


@pytest.mark.parametrize("name", ["!!!.md", "2018-11-12-.md", "2018-11-12-🎉.md"])
def test_article_file_name_without_letters_gets_a_stable_slug_from_date_and_path(make_site, name):
    site = make_site(GOOD)
    first = passing(site, {f"content/loktuan/{name}": article("X")})
    [made] = [a for a in first.site.articles if a.title == "X"]
    assert made.slug.startswith("2018-11-12-") and len(made.slug) == len("2018-11-12-") + 6
    (site / f"content/loktuan/{name}").write_text(article("X, judul baru", body="Lain."), encoding="utf-8")
    again = passing(site)
    assert [a.slug for a in again.site.articles if a.title.startswith("X")] == [made.slug]


def test_names_of_only_dots_are_hidden_files_and_skipped(make_site):
    files = {"content/loktuan/..md": article("X"), "content/loktuan/....md": article("Y"),
             "content/.../z.md": article("Z")}
    result = passing(make_site(GOOD), files)
    assert {a.title for a in result.site.articles} == {"A"}


def test_static_folder_of_only_dots_is_hidden_and_not_published(make_site):
    result = passing(make_site(GOOD), {"static/.../x.txt": b"x"})
    assert not (result.config.output_dir / "..." / "x.txt").exists()


def test_article_file_name_too_long_for_a_url_is_an_error(make_site):
    name = "2018-11-12-" + "k" * 230 + ".md"
    problem = failing(make_site(GOOD), {f"content/loktuan/{name}": article("X")}).only("url-too-long")
    assert problem.path == f"content/loktuan/{name}"


@pytest.mark.parametrize("folder, url", [("C:", "/c/"), ("a\\b", "/a-b/"), ("Caf\u00e9", "/cafe/"),
                                         ("Lok Tuan", "/lok-tuan/")])
def test_odd_kelurahan_folder_names_become_safe_slugs(make_site, folder, url):
    result = passing(make_site(GOOD), {f"content/{folder}/x.md": article("X")})
    assert url in urls(result, "kelurahan")


@pytest.mark.parametrize("folder", ["!!!", "🎉", "-_-"])
def test_kelurahan_folder_without_letters_is_an_error(make_site, folder):
    problem = failing(make_site(GOOD), {f"content/{folder}/x.md": article("X")}).only("folder-empty-slug")
    assert problem.path == f"content/{folder}"


@pytest.mark.parametrize("rel_path", ["content/loktuan/C:foto.jpg", "content/C:foto.jpg", "static/C:x.txt",
                                      "content/loktuan/a\\b.jpg", "static/x\\..\\..\\y.txt"])
def test_asset_name_that_no_disk_can_hold_is_an_error_naming_it(make_site, rel_path):
    problem = failing(make_site(GOOD), {rel_path: b"\xff\xd8\xff"}).only("url-unsafe")
    assert problem.path == rel_path


def test_asset_name_too_long_is_an_error_naming_it(make_site):
    rel_path = "static/" + "f" * 220 + ".txt"
    problem = failing(make_site(GOOD), {rel_path: "x"}).only("url-too-long")
    assert problem.path == rel_path


def test_file_names_that_are_not_utf8_are_reported_not_a_traceback(make_site):
    site = make_site(GOOD)

    def prepare(site: Path) -> None:
        loktuan = os.fsencode(site / "content/loktuan")
        with open(loktuan + b"/caf\xe9.md", "wb") as handle:
            handle.write(article("X").encode())
        os.mkdir(loktuan + b"/foto\xff")
        with open(loktuan + b"/foto\xff/a.jpg", "wb") as handle:
            handle.write(b"\xff\xd8")
        with open(os.fsencode(site / "static") + b"/\xfe.txt", "wb") as handle:
            handle.write(b"x")

    (site / "static").mkdir()
    outcome = failing(site, prepare=prepare)
    named = {d.path for d in outcome.errors if d.code == "file-name-not-utf8"}
    assert named == {"content/loktuan/caf\ufffd.md", "content/loktuan/foto\ufffd", "static/\ufffd.txt"}
    for problem in outcome.errors:
        problem.path.encode("utf-8")  # printable: no lone surrogates


def test_file_name_with_a_control_character_is_reported(make_site):
    outcome = failing(make_site(GOOD), {"content/loktuan/baris\nbaru.md": article("X")})
    problem = outcome.only("file-name-control")
    assert problem.path == "content/loktuan/baris\ufffdbaru.md"


# ---------------------------------------------------------------------------
# Twins: two sources whose files would be one on a case-insensitive or normalising disk
# ---------------------------------------------------------------------------

def conflict_names(outcome: Outcome, code: str = "url-conflict") -> set[str]:
    """The files of a clash: each writer's file gets its own message naming the other."""
    problems = [d for d in outcome.errors if d.code == code]
    assert len(problems) == 2, [(d.code, d.path) for d in outcome.diagnostics]
    assert {(d.path, d.param_dict["other"]) for d in problems} == {
        (problems[0].path, problems[1].path), (problems[1].path, problems[0].path)}
    return {d.path for d in problems}


@pytest.mark.parametrize("first, second", [
    ("content/loktuan/caf\u00e9.md", "content/loktuan/cafe\u0301.md"),
    ("content/loktuan/Banjir.md", "content/loktuan/banjir.md"),
    ("content/loktuan/BANJIR.md", "content/loktuan/2018-11-13-banjir.md"),
], ids=["nfc-nfd", "case", "case-and-date-prefix"])
def test_article_twins_are_one_url_naming_both_files(make_site, first, second):
    outcome = failing(make_site(GOOD), {first: article("X", id="satu"), second: article("Y", id="dua")})
    assert conflict_names(outcome) == {first, second}


@pytest.mark.parametrize("first, second", [
    ("content/loktuan/caf\u00e9.jpg", "content/loktuan/cafe\u0301.jpg"),
    ("content/loktuan/Foto.JPG", "content/loktuan/foto.jpg"),
    ("static/Logo.png", "static/logo.png"),
    ("static/caf\u00e9/a.txt", "static/cafe\u0301/a.txt"),
    ("static/LOKTUAN/BARU/index.html", "content/loktuan/baru.md"),
], ids=["asset-nfc-nfd", "asset-case", "static-case", "static-folder-nfc-nfd", "static-over-article"])
def test_file_twins_on_a_case_insensitive_disk_name_both_files(make_site, first, second):
    files = {first: b"1", second: article("X") if second.endswith(".md") else b"2"}
    outcome = failing(make_site(GOOD), files)
    assert conflict_names(outcome) == {first, second}


@pytest.mark.parametrize("first, second", [("content/Loktuan", "content/loktuan"),
                                           ("content/Caf\u00e9", "content/cafe\u0301"),
                                           ("content/lok-tuan", "content/Lok Tuan")])
def test_kelurahan_folder_twins_name_both_folders(make_site, first, second):
    outcome = failing(make_site(GOOD), {f"{first}/x.md": article("X"), f"{second}/y.md": article("Y")})
    named = [frozenset((d.path, d.param_dict["other"])) for d in outcome.errors if d.code == "folder-same-slug"]
    assert named == [frozenset((first, second))], "one error per clashing folder, not one per file in it"


def test_a_clashing_kelurahan_folder_is_reported_once_however_many_files_it_holds(make_site):
    # "Lok Tuan" sorts first and owns the slug lok-tuan; the second folder holds three files.
    files = {"content/Lok Tuan/w.md": article("W"), "content/lok-tuan/x.md": article("X"),
             "content/lok-tuan/y.md": article("Y"), "content/lok-tuan/foto.jpg": b"jpeg"}
    outcome = failing(make_site(GOOD), files)
    clashes = [(d.path, d.param_dict["other"]) for d in outcome.errors if d.code == "folder-same-slug"]
    assert clashes == [("content/lok-tuan", "content/Lok Tuan")]


def test_hidden_files_and_editor_litter_in_static_are_not_published(make_site):
    files = {"static/.git/config": "[core]\n", "static/.env": "TOKEN=rahasia\n", "static/logo.png~": b"old",
             "static/.#logo.png": "lock", "static/logo.png": b"png", "static/css/.DS_Store": b"x"}
    result = passing(make_site(GOOD), files)
    published = {p.relative_to(result.config.output_dir).as_posix()
                 for p in result.config.output_dir.rglob("*") if p.is_file()}
    assert "logo.png" in published
    assert not {name for name in published if name.startswith((".git", ".env", "css/")) or name.endswith("~")
                or "/.#" in name or name.startswith(".#")}


def test_a_file_where_a_folder_must_go_is_a_conflict(make_site):
    # content/tag (no extension) would be the file /tag, where the folder /tag/ holds the tag pages.
    outcome = failing(make_site(GOOD), {"content/tag": b"x"})
    problem = outcome.only("url-conflict")  # located at the writer's file only, never at a built-in page
    assert (problem.path, problem.param_dict["other"]) == ("content/tag", "site.yaml")


# ---------------------------------------------------------------------------
# Kelurahan folders named like kimpress's own pages
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("folder", ["tag", "rubrik", "penulis", "arsip", "kecamatan", "langganan", "page", "Page",
                                    "TAG"])
def test_kelurahan_folder_named_like_a_built_in_page_is_an_error_naming_it(make_site, folder):
    outcome = failing(make_site(GOOD), {f"content/{folder}/2018-11-14-x.md": article("X")})
    [problem] = [d for d in outcome.errors if d.code in ("url-conflict", "kelurahan-reserved")]
    assert problem.path == f"content/{folder}/"


def test_reserved_kelurahan_with_a_profile_names_its_index_file(make_site):
    files = {"content/page/_index.md": "---\nname: Page\n---\nProfil.\n", "content/page/x.md": article("X")}
    problem = failing(make_site(GOOD), files).only("kelurahan-reserved")
    assert problem.path == "content/page/_index.md"
    assert problem.param_dict["folder"] == "page"


def test_kelurahan_named_like_a_reserved_word_is_fine_under_its_own_permalink(make_site):
    config = MINIMAL_CONFIG + ("permalinks:\n  kelurahan: /kelurahan/{kelurahan}/\n"
                               "  article: /kelurahan/{kelurahan}/{slug}/\n")
    result = passing(make_site(GOOD, config=config), {"content/page/x.md": article("X")})
    assert "/kelurahan/page/x/" in urls(result, "articles")


# ---------------------------------------------------------------------------
# Permalink patterns in site.yaml
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("pattern, code", [
    ("/{kelurahan}/../../{slug}/", "permalink-not-rooted"),
    ("/{kelurahan}\\\\{slug}/", "permalink-not-rooted"),
    ("{kelurahan}/{slug}/", "permalink-not-rooted"),
    ("/C:/{slug}/", "permalink-not-rooted"),
    ("/a\\0b/{slug}/", "permalink-not-rooted"),
    ("/./{slug}/", "permalink-not-rooted"),
    ("/.../{slug}/", "permalink-not-rooted"),
    ("/feed.xml/{slug}/", "url-conflict"),
], ids=["dotdot", "backslash", "relative", "drive-letter", "nul", "dot", "dots", "file-as-folder"])
def test_hostile_article_permalink_is_refused_before_rendering(make_site, pattern, code):
    config = MINIMAL_CONFIG + f'permalinks:\n  article: "{pattern}"\n'
    outcome = failing(make_site(GOOD), {"site.yaml": config})
    assert code in {d.code for d in outcome.errors}, [(d.code, d.path) for d in outcome.errors]


# ---------------------------------------------------------------------------
# Symbolic links
# ---------------------------------------------------------------------------

def test_links_out_of_the_site_and_link_loops_are_skipped_with_warnings(make_site, tmp_path):
    secret = tmp_path / "rahasia"
    secret.mkdir()
    (secret / "kata-sandi.md").write_text(article("Rahasia"), encoding="utf-8")

    def prepare(site: Path) -> None:
        loktuan = site / "content/loktuan"
        os.symlink(secret / "kata-sandi.md", loktuan / "bocor.md")
        os.symlink(secret, loktuan / "folder-luar")
        os.symlink("..", loktuan / "induk")  # a folder link to its own parent: a loop
        os.symlink(".", loktuan / "diri")
        os.symlink("b", loktuan / "a.md")  # two links pointing at each other
        os.symlink("a.md", loktuan / "b")
        (site / "static").mkdir()
        os.symlink("..", site / "static/naik")

    started = time.monotonic()
    result = passing(make_site(GOOD), prepare=prepare)
    assert time.monotonic() - started < 20
    warned = {(d.code, d.path) for d in result.warnings}
    assert warned >= {
        ("symlink-outside", "content/loktuan/bocor.md"),
        ("symlink-outside", "content/loktuan/folder-luar"),
        ("symlink-folder-skipped", "content/loktuan/induk"),
        ("symlink-folder-skipped", "content/loktuan/diri"),
        ("symlink-broken", "content/loktuan/a.md"),
        ("symlink-folder-skipped", "static/naik"),
    }
    assert [a.title for a in result.site.articles] == ["A"]


# ---------------------------------------------------------------------------
# YAML
# ---------------------------------------------------------------------------

BILLION_LAUGHS = "".join(
    [f"a0: &a0 [{', '.join(['lol'] * 9)}]\n"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 9)]
)


@pytest.mark.parametrize("yaml_lines, code, line", [
    (BILLION_LAUGHS, "yaml-too-large", None),
    ("x: " + "[" * 60 + "]" * 60 + "\n", "yaml-too-deep", 4),
    ("x: &x [a, *x]\n", "yaml-too-deep", 4),
    ("kontak:\n  email: a@b.id\n  email: c@d.id\n", "yaml-duplicate-key", 6),
    ("? [a, b]\n: c\n", "yaml-complex-key", 4),
], ids=["billion-laughs", "deep", "self-reference", "nested-duplicate-key", "list-as-key"])
def test_hostile_yaml_is_bounded_and_located(make_site, yaml_lines, code, line):
    source = "---\ntitle: A\ndate: 2018-11-12\n" + yaml_lines + "---\nIsi.\n"
    started = time.monotonic()
    problem = failing(make_site(GOOD), {P: source}).only(code)
    assert time.monotonic() - started < 20
    assert problem.path == P
    if line is not None:
        assert problem.line == line


def test_ten_thousand_deep_nesting_ends_with_a_located_error(make_site):
    source = "---\ntitle: A\ndate: 2018-11-12\nx: " + "[" * 10_000 + "]" * 10_000 + "\n---\nIsi.\n"
    outcome = failing(make_site(GOOD), {P: source})
    [problem] = outcome.errors
    assert problem.code in ("yaml-syntax", "yaml-too-deep")
    assert (problem.path, problem.line) == (P, 4)


def test_ten_thousand_deep_block_nesting_ends_with_a_located_error(make_site):
    nesting = "".join(" " * depth + "-\n" for depth in range(10_000))
    outcome = failing(make_site(GOOD), {P: "---\ntitle: A\ndate: 2018-11-12\nx:\n" + nesting + "---\n"})
    [problem] = outcome.errors
    assert problem.code in ("yaml-syntax", "yaml-too-deep") and problem.path == P


@pytest.mark.parametrize("typed", ["yes", "no", "on", "off", "45:30", "1e3", "0o17", ".inf", "-.inf", ".NaN", "0b101",
                                   "2019-05-14", "1_000", "+12"])
def test_yaml_1_1_values_are_shown_as_typed_in_every_text_field(make_site, typed):
    source = f"---\ntitle: {typed}\ndate: 2018-11-12\nsummary: {typed}\nauthor: {typed}\ntags: [{typed}, kim]\n" \
             f"category: {typed}\n---\nIsi.\n"
    [found] = [a for a in passing(make_site(GOOD), {P: source}).site.articles if a.source == P]
    assert (found.title, found.summary, found.author.name, found.category.name) == (typed, typed, typed, typed)
    assert [tag.name for tag in found.tags] == [typed, "kim"]


def test_yaml_null_title_is_a_missing_title(make_site):
    outcome = failing(make_site(GOOD), {P: "---\ntitle: ~\ndate: 2018-11-12\ntags: [~, kim]\n---\nIsi.\n"})
    problem = outcome.only("missing-key")
    assert (problem.path, problem.line, problem.param_dict["key"]) == (P, 2, "title")


@pytest.mark.parametrize("source, code, line", [
    ("---\n- a\n- b\n---\nIsi.\n", "front-matter-not-mapping", 2),
    ("---\n42\n---\nIsi.\n", "front-matter-not-mapping", 2),
    ("---\n'judul saja'\n---\nIsi.\n", "front-matter-not-mapping", 2),
    ("---\n---\n", "missing-key", 1),
    ("---\n---\nIsi saja.\n", "missing-key", 1),
    ("---", "front-matter-unclosed", 1),
    ("---\ntitle: A\ndate: 2018-11-12\n", "front-matter-unclosed", 1),
    ("\ufeff---\r\ntitle: A\r\ndate: 2018-11-12\r\ntitle: B\r\n---\r\n", "yaml-duplicate-key", 4),
    ("", "missing-key", 1),
    ("\ufeff", "missing-key", 1),
    ("---\r---\rtitle: A\r", "missing-key", 1),
], ids=["list", "number", "text", "only-fences", "only-fences-and-body", "one-fence", "unclosed", "bom-crlf-duplicate",
        "empty", "only-bom", "old-mac-line-ends"])
def test_odd_front_matter_shapes_are_located(make_site, source, code, line):
    outcome = failing(make_site(GOOD), {P: source.encode("utf-8")})
    problem = [d for d in outcome.errors if d.code == code][0]
    assert (problem.path, problem.line) == (P, line)
    assert {d.path for d in outcome.errors} == {P}


@pytest.mark.parametrize("value", ["!!binary aGVsbG8=", "!!set {a, b}", "!!timestamp 2019-05-14", "!!float nan",
                                   "!!omap [a: 1]", "{a: [1, {b: 2}]}", "!!str", "'\\x00'"])
def test_odd_yaml_types_in_an_unknown_key_build_or_report(make_site, value):
    outcome = hostile(make_site(GOOD), {P: article("X", lain=value)})
    assert outcome.result is not None or outcome.errors


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("typed, code", [
    ("2019-02-30", "date-impossible"),
    ("31/04/2019", "date-impossible"),
    ("2019-13-01", "date-impossible"),
    ("2019-05-14 25:00", "date-impossible"),
    ("2019-05-14 10:61", "date-impossible"),
    ("2019-05-14 10:00 +25:00", "date-impossible"),
    ("2019-05-14 10:00 +2400", "date-impossible"),
    ("2019-05-14 10:00 +07:75", "date-impossible"),
    ("0000-01-01", "date-year-range"),
    ("10000-01-01", "date-unreadable"),
    ("-1-01-01", "date-unreadable"),
    ("'-0001-01-01'", "date-unreadable"),
    ("[2019, 5, 14]", "date-unreadable"),
    ("{tahun: 2019}", "date-unreadable"),
    ("!!timestamp 9999-12-31 23:59:59-12:00", "date-year-range"),
    ("''", "date-empty"),
])
def test_impossible_dates_are_located_errors(make_site, typed, code):
    problem = failing(make_site(GOOD), {P: f"---\ntitle: A\ndate: {typed}\n---\nIsi.\n"}).only(code)
    assert (problem.path, problem.line, problem.param_dict["key"]) == (P, 3, "date")


def test_updated_date_problems_are_located_too(make_site):
    source = "---\ntitle: A\ndate: 2019-05-14\ndiperbarui: 2019-05-14 10:00 +25:00\n---\nIsi.\n"
    problem = failing(make_site(GOOD), {P: source}).only("date-impossible")
    assert (problem.path, problem.line, problem.param_dict["key"]) == (P, 4, "updated")


def test_plain_and_offset_dates_are_zone_aware(make_site):
    # The site is in WITA (+08:00); a plain date is midnight there, an offset is kept.
    files = {
        "content/loktuan/plain.md": "---\ntitle: Plain\ndate: 2019-05-14\n---\n",
        "content/loktuan/offset.md": "---\ntitle: Offset\ndate: 2019-05-14 +08:00\n---\n",
        "content/loktuan/wib.md": "---\ntitle: Wib\ndate: 2019-05-14 09:00 WIB\nupdated: 2019-05-14T10:00:00Z\n---\n",
        "content/loktuan/mixed.md": "---\ntitle: Mixed\ndate: 2019-05-14\nupdated: 2019-05-15 08:00 +09:00\n---\n",
    }
    result = passing(make_site(GOOD), files)
    by_title = {a.title: a for a in result.site.articles}
    for found in by_title.values():
        assert found.date.utcoffset() is not None
        assert found.updated is None or found.updated.utcoffset() is not None
    assert by_title["Plain"].date.isoformat() == "2019-05-14T00:00:00+08:00"
    assert by_title["Offset"].date == by_title["Plain"].date
    assert by_title["Wib"].date.isoformat() == "2019-05-14T09:00:00+07:00"
    assert by_title["Wib"].updated.isoformat() == "2019-05-14T10:00:00+00:00"
    assert by_title["Mixed"].updated.isoformat() == "2019-05-15T08:00:00+09:00"
    sitemap = (result.config.output_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "2019-05-15T08:00:00+09:00" in sitemap


def cli(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kimpress", "build", str(site)], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=120, env={**os.environ, "PYTHONPATH": str(
                              Path(__file__).resolve().parent.parent)})


@pytest.mark.parametrize("files", [
    {P: "---\ntitle: A\ndate: 2019-05-14 10:00 +25:00\n---\n"},
    {P: "---\ntitle: A\ndate: [2019, 5]\nupdated: {a: 1}\n---\n"},
    {P: "---\ntitle: A\ndate: 2019-02-30\n---\n"},
    {P: "---\ntitle: A\ndate: 2019-05-14\n" + BILLION_LAUGHS + "---\n"},
    {"content/loktuan/C:x.jpg": b"x"},
    {P: article("X", slug="z" * 300)},
    {P: article("X", template="/etc/passwd")},
    {"content/page/x.md": article("X")},
    {P: "title: A\n".encode("utf-16")},
], ids=["offset", "date-list", "impossible", "bomb", "drive-letter-asset", "long-slug", "template", "reserved",
        "utf-16"])
@pytest.mark.slow  # a new interpreter per case
def test_cli_reports_hostile_input_without_a_traceback(make_site, files):
    site = make_site({**GOOD, **files})
    run = cli(site)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert "content/" in run.stdout + run.stderr


def test_cli_reports_undecodable_file_names_without_a_traceback(make_site):
    site = make_site(GOOD)
    with open(os.fsencode(site / "content/loktuan") + b"/caf\xe9.md", "wb") as handle:
        handle.write(article("X").encode())
    run = cli(site)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert "content/loktuan/caf\ufffd.md" in run.stdout + run.stderr


# ---------------------------------------------------------------------------
# Encodings
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("data, line", [
    ("---\ntitle: A\ndate: 2018-11-12\n---\nIsi.\n".encode("utf-16"), 1),
    ("---\ntitle: A\ndate: 2018-11-12\n---\nIsi.\n".encode("utf-16-le"), 1),
    ("---\ntitle: Caf\u00e9\ndate: 2018-11-12\n---\nIsi.\n".encode("latin-1"), 2),
    ("---\ntitle: A\ndate: 2018-11-12\n---\n\n\n".encode() + "\ud800".encode("utf-8", "surrogatepass"), 7),
    (b"---\ntitle: A\ndate: 2018-11-12\n---\n" + b"\xc0\xaf", 5),
], ids=["utf-16", "utf-16-le-without-bom", "latin-1", "encoded-surrogate", "overlong"])
def test_text_that_is_not_utf8_is_reported_with_its_line(make_site, data, line):
    problem = failing(make_site(GOOD), {P: data}).only("not-utf8")
    assert (problem.path, problem.line) == (P, line)


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff"])
def test_lone_surrogate_escape_in_yaml_is_a_located_error(make_site, escape):
    problem = failing(make_site(GOOD), {P: f'---\ntitle: "a{escape}b"\ndate: 2018-11-12\n---\n'}).errors[0]
    assert problem.path == P and problem.line == 2


def test_nfd_text_and_control_characters_in_fields_build(make_site):
    source = '---\ntitle: "Cafe\u0301 \\x07 \\0 baru"\ndate: 2018-11-12\nauthor: "\\x1b[31mRina"\n---\nIsi.\n'
    result = passing(make_site(GOOD), {P: source})
    [found] = [a for a in result.site.articles if a.source == P]
    assert found.author.url == "/penulis/31mrina/"
    feed = (result.config.output_dir / "feed.xml").read_bytes()
    assert b"\x00" not in feed and b"\x07" not in feed


def test_manifest_lists_only_paths_inside_the_output(make_site):
    result = passing(make_site(GOOD), {P: article("X", slug="'../../x'", tags="['../../y']")})
    out = result.config.output_dir
    manifest = (out / MANIFEST).read_text(encoding="utf-8")
    assert ".." not in manifest


def test_kelurahan_under_a_kecamatan_at_the_top_is_not_reserved(make_site):
    # Kecamatan pages at /<kecamatan>/ fill that folder, but the kelurahan inside it are meant to be there.
    config = MINIMAL_CONFIG + ("wilayah:\n  bontang-utara:\n    name: Bontang Utara\n    code: '64.74.02'\n"
                               "    kelurahan:\n      loktuan: {name: Lok Tuan, code: '64.74.02.1001'}\n"
                               "permalinks:\n  kecamatan: /{kecamatan}/\n  kelurahan: /{kecamatan}/{kelurahan}/\n")
    result = passing(make_site(GOOD, config=config), {"content/loktuan/x.md": article("X")})
    assert "/bontang-utara/loktuan/" in urls(result, "kelurahan")
