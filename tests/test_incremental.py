"""Incremental builds: whatever was edited, a rebuild equals a clean build, byte for byte.

A Hypothesis state machine edits a small site (articles, links between them,
kelurahan profiles, a page, site.yaml, a site theme, static files and article
images), sometimes several edits at once, and after each build compares the
``Builder``'s output folder with a one-shot build of the same files into a fresh
folder: every file and folder, every byte, the warnings, and -- when the clean
build fails -- the same error with the same diagnostics and an output folder
left exactly as it was.

The machine is honest about file times, so it tests what the cache promises:
files are written in place or replaced, sometimes "aged" (as if written long
ago, so unchanged files are reused by their stat alone), and sometimes edited
within the same clock tick as the previous write, same size, same inode, same
mtime -- what a coarse file-system clock does to a quick second save. Such an
edit only happens while the old mtime is under a second old, which is inside the
two-second window in which the cache promises to compare contents.
"""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import feedparser
import html5lib
import pytest
from conftest import NOW, article, write_files
from hypothesis import HealthCheck, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule, run_state_machine_as_test

from kimpress.core.errors import KimpressError
from kimpress.incremental.memory import load_memory, save_memory
from kimpress.pipeline.build import Builder, BuildOptions, BuildResult, build

BASE = "https://contoh.id/kim/"

# ---------------------------------------------------------------------------
# the small world the machine edits
# ---------------------------------------------------------------------------

# Real kelurahan of the demo site: two in the registry, one only as a folder.
KELURAHAN = ("loktuan", "satimpo", "kanaan")
# "banjir.md" and "2019-01-06-banjir.md" share a slug: in one folder they clash.
FILENAMES = ("banjir.md", "2019-01-06-banjir.md", "posyandu.md", "pemilu.md")
# Pairs of equal length, so some edits keep the file's size.
TITLES = ("Banjir Rob", "Banjir Roh", "Posyandu Balita", "Posyandu Lansia", "Pemilih Pemula")
# Ties on purpose; one date is after NOW (a future article is not published).
DATES = ("2018-11-12 09:30", "2018-11-12 09:31", "2018-12-03", "2019-01-06 10:00", "2027-01-01 08:00")
# None, known slugs, a label, an unknown one (an error).
CATEGORIES = (None, "berita", "agenda", "Cek Fakta", "gosip")
TAGS = ("banjir", "kesehatan", "Kesehatan", "pemilu-2019")
AUTHORS = (None, "Siti Aminah", "Fajar Nugroho")
PARAGRAPHS = ("Warga bergotong royong membersihkan saluran air.",
              "Warga bergotong royong membersihkan saluran aie.",
              "Kader posyandu menimbang balita di balai warga RT 05.")
VERSIONS = "ABCD"
SITE_TITLES = ("Kabar Uji", "Kabar Ujo", "Warta KIM Bontang")
THEME_VARIANTS = "xyz"

CONFIG_TEMPLATE = """\
title: {title}
description: {description}
base_url: {base}
language: id
timezone: Asia/Makassar
paginate: {paginate}
theme: warga
{defaults}{feeds}categories:
  berita: Berita
  agenda: Agenda
  cek-fakta: Cek Fakta
wilayah:
  bontang-utara:
    name: Bontang Utara
    code: "64.74.01"
    kelurahan:
      bontang-kuala: {{name: Bontang Kuala, code: "64.74.01.1001"}}
      loktuan: {{name: Lok Tuan, code: "64.74.01.1003"}}
  bontang-selatan:
    name: Bontang Selatan
    code: "64.74.02"
    kelurahan:
      satimpo: {{name: Satimpo, code: "64.74.02.1004"}}
"""


@dataclass(frozen=True)
class Config:
    title: str = SITE_TITLES[0]
    description: str = "Berita warga"
    paginate: int = 2
    default_category: str | None = None
    feed_limit: int | None = None
    broken: str | None = None  # None, "yaml" (a syntax error) or "value" (paginate: 0)

    def text(self) -> str:
        text = CONFIG_TEMPLATE.format(
            title=self.title, description=self.description, base=BASE,
            paginate=0 if self.broken == "value" else self.paginate,
            defaults=f"defaults:\n  category: {self.default_category}\n" if self.default_category else "",
            feeds=f"feeds:\n  limit: {self.feed_limit}\n" if self.feed_limit else "")
        return text.replace("title: ", "title: [", 1) if self.broken == "yaml" else text


@dataclass(frozen=True)
class Art:
    """An article file, as fields; ``links`` are content-relative targets."""

    title: str
    date: str
    category: str | None = None
    tags: tuple[str, ...] = ()
    author: str | None = None
    draft: bool = False
    cover: bool = False
    summary: str | None = None
    paragraph: str = PARAGRAPHS[0]
    version: str = "A"
    links: tuple[str, ...] = ()
    broken: bool = False  # front matter that is not valid YAML

    def text(self, rel_path: str) -> str:
        fields: dict[str, object] = {}
        if self.category:
            fields["category"] = self.category
        if self.tags:
            fields["tags"] = "[" + ", ".join(self.tags) + "]"
        if self.author:
            fields["author"] = self.author
        if self.draft:
            fields["draft"] = "true"
        if self.cover:
            fields["cover"] = "foto.png"
        if self.summary:
            fields["summary"] = self.summary
        body = f"{self.paragraph} Versi {self.version}.\n" + link_lines(rel_path, self.links)
        text = article(self.title, self.date, body, **fields)
        return text.replace("title: ", "title: [", 1) if self.broken else text


def href(from_rel_path: str, target: str) -> str:
    """The relative href a writer puts in ``from_rel_path`` (site-relative) to reach ``target``."""
    here = os.path.dirname(from_rel_path.split("/", 1)[1]) or "."
    return os.path.relpath(target, here) + ("/" if target.endswith("/") else "")


def link_lines(rel_path: str, targets: tuple[str, ...]) -> str:
    return "".join(f"\n- [tautan {n}]({href(rel_path, target)})\n" for n, target in enumerate(targets, 1))


@dataclass(frozen=True)
class Section:
    """content/<kelurahan>/_index.md."""

    kim: str = "KIM Ideas"
    link: str | None = None
    wrong_kecamatan: bool = False

    def text(self, rel_path: str) -> str:
        kecamatan = "kecamatan: bontang-barat\n" if self.wrong_kecamatan else ""
        return (f"---\nkim: {self.kim}\n{kecamatan}---\nProfil kelurahan dan {self.kim}.\n"
                + link_lines(rel_path, (self.link,) if self.link else ()))


@dataclass(frozen=True)
class Page:
    """content/tentang.md."""

    title: str = "Tentang Kami"
    link: str | None = None
    draft: bool = False

    def text(self, rel_path: str) -> str:
        draft = "draft: true\n" if self.draft else ""
        return (f"---\ntitle: {self.title}\n{draft}---\nTentang situs ini.\n"
                + link_lines(rel_path, (self.link,) if self.link else ()))


def theme_page(variant: str) -> str:
    if variant == "broken":
        return '{% extends "default/page.html" %}\n{% block title %}{% if %}{% endblock %}\n'
    return ('{% extends "default/page.html" %}\n'
            f'{{% block title %}}{{{{ page.title }}}} · {{{{ config.title }}}} · {variant}{{% endblock %}}\n')


PAGE = "content/tentang.md"
THEME_TEMPLATE = "themes/warga/templates/page.html"
THEME_STATIC = "themes/warga/static/warga.css"
SITE_STATIC = "static/info.txt"
# Link targets that never exist: a renamed-away article, a kelurahan without a folder.
MISSING_TARGETS = ("loktuan/hilang.md", "bontang-kuala/")


def static_bytes(variant: str) -> bytes:
    return f"/* warga {variant} */\n".encode()


def cover_bytes(size: int, variant: str) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + variant.encode() * size


# ---------------------------------------------------------------------------
# comparing output folders
# ---------------------------------------------------------------------------

def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``root``, by relative path."""
    if not root.exists():
        return {}
    return {path.relative_to(root).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in root.rglob("*")}


def tree_difference(got: dict[str, bytes | None], want: dict[str, bytes | None], limit: int = 4) -> str:
    """A readable account of how two snapshots differ ('' when equal)."""
    lines = []
    for rel in sorted(set(want) - set(got)):
        lines.append(f"missing: {rel}")
    for rel in sorted(set(got) - set(want)):
        lines.append(f"extra: {rel}")
    differing = sorted(rel for rel in set(got) & set(want) if got[rel] != want[rel])
    for rel in differing:
        lines.append(f"differs: {rel}")
    for rel in differing[:limit]:
        old = (got[rel] or b"").decode("utf-8", "replace").splitlines()
        new = (want[rel] or b"").decode("utf-8", "replace").splitlines()
        lines += list(difflib.unified_diff(old, new, f"incremental/{rel}", f"clean/{rel}", n=1, lineterm=""))[:30]
    return "\n".join(lines)


def assert_same_tree(got: dict[str, bytes | None], want: dict[str, bytes | None]) -> None:
    difference = tree_difference(got, want)
    assert not difference, "incremental output differs from a clean build:\n" + difference


def diagnostics_of(error: KimpressError) -> list[tuple]:
    return [(d.code, d.path, d.line, d.params, d.severity) for d in error.diagnostics]


def clean_build(site: Path, output: Path) -> BuildResult | KimpressError:
    """A one-shot build into a fresh folder; the error instead of raising it."""
    shutil.rmtree(output, ignore_errors=True)
    try:
        return build(site, BuildOptions(now=NOW, output_dir=str(output)))
    except KimpressError as error:
        return error


# ---------------------------------------------------------------------------
# the state machine
# ---------------------------------------------------------------------------

WRITE_MODES = st.sampled_from(["replace", "in-place", "same-tick"])
# What follows an edit: a build (most often) with or without the hint, or more edits first.
THEN = st.sampled_from(["build", "build+hint", "build+half-hint", "build", "build+hint", "edit more"])


class IncrementalMachine(RuleBasedStateMachine):
    """Edits a site; after each build, the Builder's output must equal a clean build's."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="kimpress-incremental-")).resolve()
        self.site = self.tmp / "site"
        self.out = self.tmp / "out"
        self.clean = self.tmp / "clean"
        self.cache = self.tmp / "cache" / "memory.pickle"
        self.options = BuildOptions(now=NOW, output_dir=str(self.out))
        self.config = Config()
        self.articles: dict[str, Art] = {}
        self.sections: dict[str, Section] = {}
        self.page = Page()
        self.theme_variant = "x"
        self.touched: set[Path] = set()  # paths written, deleted or moved since the last build
        self.builds = 0
        self.persist = False
        self.builder: Builder | None = None
        self.last_aged = 0
        self.written_at: dict[Path, int] = {}  # file -> number of builds before its last write, until aged

    def teardown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- files -------------------------------------------------------------

    def put(self, rel_path: str, data: str | bytes, mode: str = "replace") -> None:
        """Write one file the way an editor, a sync tool or a quick second save would."""
        path = self.site / rel_path
        data = data.encode("utf-8") if isinstance(data, str) else data
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.stat() if path.exists() else None
        if old is None or mode == "replace":
            temp = path.with_name(f".{path.name}.tmp")  # hidden: never a source
            temp.write_bytes(data)
            os.replace(temp, path)
        else:
            with path.open("r+b") as stream:  # same inode
                stream.truncate(0)
                stream.write(data)
            # A coarse clock gives the second save the first one's mtime. Plausible only while
            # that mtime is recent: the first save was in this step or the one before (at most
            # one build ago) and, to be sure, under a second ago. Decided by the steps, not by
            # the clock, so a failing example replays the same way.
            recent = self.builds - self.written_at.get(path, -10) <= 1
            if mode == "same-tick" and recent and old.st_mtime_ns >= time.time_ns() - 1_000_000_000:
                os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
        self.touched.add(path)
        self.written_at[path] = self.builds

    def remove(self, rel_path: str) -> None:
        path = self.site / rel_path
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
        self.touched.add(path)
        self.written_at.pop(path, None)

    def write_article(self, rel_path: str, art: Art, mode: str = "replace") -> None:
        self.articles[rel_path] = art
        self.put(rel_path, art.text(rel_path), mode)

    def link_targets(self) -> st.SearchStrategy[str]:
        existing = sorted(rel.split("/", 1)[1] for rel in self.articles)
        others = [f"{kel}/" for kel in KELURAHAN] + ["tentang.md", *MISSING_TARGETS]
        return st.sampled_from(existing) | st.sampled_from(others) if existing else st.sampled_from(others)

    # -- building ------------------------------------------------------------

    def incremental(self, changed: list[Path]) -> BuildResult:
        if self.persist:  # like `kimpress build`: memory from the cache file, saved after a success
            builder = Builder(self.site, self.options, load_memory(self.cache))
            result = builder.build(changed=changed)
            save_memory(self.cache, builder.memory)
            return result
        assert self.builder is not None
        return self.builder.build(changed=changed)

    def then(self, what: str) -> None:
        if what == "edit more":
            return
        touched = sorted(self.touched)
        hint = touched if what == "build+hint" else touched[::2] if what == "build+half-hint" else []
        self.touched = set()
        self.builds += 1
        note(f"build {self.builds}: hint={[str(p.relative_to(self.site)) for p in hint]}")
        before = snapshot(self.out)
        want = clean_build(self.site, self.clean)
        try:
            got: BuildResult | KimpressError = self.incremental(hint)
        except KimpressError as error:
            got = error
        if isinstance(want, KimpressError):
            assert isinstance(got, KimpressError), (
                f"a clean build fails with {want!r} but the incremental build succeeds")
            assert type(got) is type(want)
            assert diagnostics_of(got) == diagnostics_of(want)
            assert_same_tree(snapshot(self.out), before)  # a failed build changes nothing
            return
        if isinstance(got, KimpressError):
            raise AssertionError(f"a clean build succeeds but the incremental build fails: {got.diagnostics}")
        assert_same_tree(snapshot(self.out), snapshot(self.clean))
        assert got.warnings == want.warnings
        assert got.outputs == want.outputs
        assert set(got.rendered) <= set(want.rendered)
        # Nothing changed since: the next build renders nothing and touches nothing.
        after = snapshot(self.out)
        again = self.incremental([])
        assert again.rendered == ()
        assert (again.stats.written, again.stats.deleted) == (0, 0)
        assert again.warnings == want.warnings
        assert_same_tree(snapshot(self.out), after)

    # -- rules ---------------------------------------------------------------

    @initialize(persist=st.booleans(), first=st.sampled_from(FILENAMES))
    def start(self, persist: bool, first: str) -> None:
        """A small valid site, built once."""
        self.persist = persist
        self.builder = Builder(self.site, self.options)
        write_files(self.site, {"site.yaml": self.config.text()})
        self.put(THEME_TEMPLATE, theme_page(self.theme_variant))
        self.put(THEME_STATIC, static_bytes("a"))
        self.put(PAGE, self.page.text(PAGE))
        self.write_article(f"content/loktuan/{first}", Art("Banjir Rob", DATES[0], "berita", ("banjir",)))
        self.write_article("content/satimpo/posyandu.md", Art("Posyandu Balita", DATES[2], tags=("kesehatan",),
                                                              links=(f"loktuan/{first}",)))
        self.then("build")

    @precondition(lambda self: len(self.articles) < 6)
    @rule(kel=st.sampled_from(KELURAHAN), name=st.sampled_from(FILENAMES), title=st.sampled_from(TITLES),
          date=st.sampled_from(DATES), category=st.sampled_from(CATEGORIES[:3]),
          tags=st.lists(st.sampled_from(TAGS), max_size=2, unique=True).map(tuple),
          author=st.sampled_from(AUTHORS), mode=WRITE_MODES, then=THEN)
    def add_article(self, kel, name, title, date, category, tags, author, mode, then) -> None:
        self.write_article(f"content/{kel}/{name}", Art(title, date, category, tags, author), mode)
        self.then(then)

    @precondition(lambda self: self.articles)
    @rule(data=st.data(), mode=WRITE_MODES, then=THEN)
    def edit_article(self, data, mode, then) -> None:
        """Change one field: the page, its lists, its tag and category pages and feeds follow."""
        rel = data.draw(st.sampled_from(sorted(self.articles)), label="article")
        art = self.articles[rel]
        name = data.draw(st.sampled_from(["title", "date", "category", "tags", "author", "draft", "cover",
                                          "summary", "paragraph", "version", "broken"]), label="field")
        value = data.draw({
            "title": st.sampled_from(TITLES),
            "date": st.sampled_from(DATES),
            "category": st.sampled_from(CATEGORIES),
            "tags": st.lists(st.sampled_from(TAGS), max_size=3, unique=True).map(tuple),
            "author": st.sampled_from(AUTHORS),
            "draft": st.just(not art.draft),
            "cover": st.just(not art.cover),
            "summary": st.sampled_from([None, "Ringkasan satu", "Ringkasan dua"]),
            "paragraph": st.sampled_from(PARAGRAPHS),
            "version": st.sampled_from(VERSIONS),  # same size: only the racy-window check sees it
            "broken": st.just(not art.broken),
        }[name], label=name)
        self.write_article(rel, replace(art, **{name: value}), mode)
        self.then(then)

    @precondition(lambda self: self.articles)
    @rule(data=st.data(), mode=WRITE_MODES, then=THEN)
    def link_article(self, data, mode, then) -> None:
        """Add a link to another article, a kelurahan, the page, or something missing; or drop one."""
        rel = data.draw(st.sampled_from(sorted(self.articles)), label="article")
        art = self.articles[rel]
        if art.links and data.draw(st.booleans(), label="drop a link"):
            index = data.draw(st.integers(0, len(art.links) - 1), label="index")
            links = art.links[:index] + art.links[index + 1:]
        else:
            links = art.links + (data.draw(self.link_targets(), label="target"),)
        self.write_article(rel, replace(art, links=links), mode)
        self.then(then)

    @precondition(lambda self: self.articles)
    @rule(data=st.data(), then=THEN)
    def delete_article(self, data, then) -> None:
        rel = data.draw(st.sampled_from(sorted(self.articles)), label="article")
        del self.articles[rel]
        self.remove(rel)
        if data.draw(st.booleans(), label="with its folder"):
            self.remove(rel[:-3])
        self.then(then)

    @precondition(lambda self: self.articles)
    @rule(data=st.data(), kel=st.sampled_from(KELURAHAN), name=st.sampled_from(FILENAMES),
          with_folder=st.booleans(), then=THEN)
    def move_article(self, data, kel, name, with_folder, then) -> None:
        """``git mv``: same inode and mtime, new path (maybe over another article)."""
        rel = data.draw(st.sampled_from(sorted(self.articles)), label="article")
        new = f"content/{kel}/{name}"
        if new == rel:
            return
        art = self.articles.pop(rel)
        target = self.site / new
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(self.site / rel, target)
        self.articles[new] = art
        self.touched |= {self.site / rel, target}
        if self.site / rel in self.written_at:  # moved with its mtime
            self.written_at[target] = self.written_at.pop(self.site / rel)
        folder, new_folder = self.site / rel[:-3], self.site / new[:-3]
        if with_folder and folder.is_dir() and not new_folder.exists():
            moved = [path.relative_to(folder) for path in folder.rglob("*")]
            os.replace(folder, new_folder)
            self.touched |= {base / part for part in moved for base in (folder, new_folder)}
        # Relative links written in it now mean something else, as they would for a writer.
        self.then(then)

    @precondition(lambda self: self.articles)
    @rule(data=st.data(), size=st.sampled_from([8, 9]), variant=st.sampled_from("pq"), delete=st.booleans(),
          mode=WRITE_MODES, then=THEN)
    def cover_image(self, data, size, variant, delete, mode, then) -> None:
        """The image beside an article: copied, and its size is in the feeds' enclosures."""
        rel = data.draw(st.sampled_from(sorted(self.articles)), label="article")
        image = f"{rel[:-3]}/foto.png"
        if delete:
            self.remove(image)
        else:
            self.put(image, cover_bytes(size, variant), mode)
        self.then(then)

    @rule(kel=st.sampled_from(KELURAHAN), delete=st.booleans(), kim=st.sampled_from(["KIM Ideas", "KIM Ideaz"]),
          wrong_kecamatan=st.sampled_from([False, False, True]), data=st.data(), mode=WRITE_MODES, then=THEN)
    def section(self, kel, delete, kim, wrong_kecamatan, data, mode, then) -> None:
        """A kelurahan profile: its name and links show on list pages."""
        rel = f"content/{kel}/_index.md"
        if delete:
            self.sections.pop(rel, None)
            self.remove(rel)
        else:
            link = data.draw(st.none() | self.link_targets(), label="link")
            self.sections[rel] = Section(kim, link, wrong_kecamatan and kel == "loktuan")
            self.put(rel, self.sections[rel].text(rel), mode)
        self.then(then)

    @rule(title=st.sampled_from(["Tentang Kami", "Tentang Kita"]), draft=st.sampled_from([False, False, True]),
          data=st.data(), mode=WRITE_MODES, then=THEN)
    def edit_page(self, title, draft, data, mode, then) -> None:
        self.page = Page(title, data.draw(st.none() | self.link_targets(), label="link"), draft)
        self.put(PAGE, self.page.text(PAGE), mode)
        self.then(then)

    @rule(title=st.sampled_from(SITE_TITLES), paginate=st.sampled_from([1, 2, 10]),
          default_category=st.sampled_from([None, "agenda"]), feed_limit=st.sampled_from([None, 1]),
          broken=st.sampled_from([None, None, None, "yaml", "value"]), mode=WRITE_MODES, then=THEN)
    def edit_config(self, title, paginate, default_category, feed_limit, broken, mode, then) -> None:
        self.config = Config(title, self.config.description, paginate, default_category, feed_limit, broken)
        self.put("site.yaml", self.config.text(), mode)
        self.then(then)

    @rule(variant=st.sampled_from([*THEME_VARIANTS, "broken"]), mode=WRITE_MODES, then=THEN)
    def edit_theme(self, variant, mode, then) -> None:
        """A site theme template (same size between variants); "broken" is a syntax error."""
        self.put(THEME_TEMPLATE, theme_page(variant), mode)
        self.then(then)

    @rule(file=st.sampled_from([THEME_STATIC, SITE_STATIC]), variant=st.sampled_from("abc"),
          delete=st.sampled_from([False, False, True]), mode=WRITE_MODES, then=THEN)
    def edit_static(self, file, variant, delete, mode, then) -> None:
        """A file copied verbatim; the site's static/ overrides the theme's."""
        if delete:
            self.remove(file)
        else:
            self.put(file, static_bytes(variant), mode)
        self.then(then)

    @rule(then=THEN)
    def age_files(self, then) -> None:
        """Time passes: every file looks written long ago, so unchanged ones are reused by stat."""
        stamp = max(time.time_ns() - 100_000_000_000, self.last_aged + 1)
        self.last_aged = stamp
        self.written_at.clear()
        for path in self.site.rglob("*"):
            if path.is_file():
                os.utime(path, ns=(stamp, stamp))
        self.then(then)

    @rule(kind=st.sampled_from(["from cache file", "cold"]), then=THEN)
    def restart(self, kind, then) -> None:
        """A new process: memory loaded from disk (output files are then checked), or none at all."""
        assert self.builder is not None
        if kind == "from cache file":
            save_memory(self.cache, self.builder.memory)
            self.builder = Builder(self.site, self.options, load_memory(self.cache))
        else:
            self.builder = Builder(self.site, self.options)
        self.then(then)


INCREMENTAL_SETTINGS = settings(max_examples=30, stateful_step_count=10, deadline=None,
                                suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow  # about a minute: 30 random edit sequences, each built twice
def test_incremental_build_equals_clean_build():
    run_state_machine_as_test(IncrementalMachine, settings=INCREMENTAL_SETTINGS)


# ---------------------------------------------------------------------------
# examples
# ---------------------------------------------------------------------------

SMALL_CONFIG = Config().text().replace("theme: warga\n", "")


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    write_files(site, {
        "site.yaml": SMALL_CONFIG,
        "content/loktuan/banjir.md": article("Banjir Rob", "2018-11-12 09:30", "Air naik sore hari.",
                                             category="berita", tags="[banjir]"),
        "content/loktuan/posyandu.md": article("Posyandu Balita", "2018-12-03", "Penimbangan balita.",
                                               category="agenda"),
        "content/satimpo/pemilu.md": article("Pemilih Pemula", "2019-01-06 10:00",
                                             "Baca juga [banjir](../loktuan/banjir.md).", tags="[pemilu-2019]"),
        "content/tentang.md": "---\ntitle: Tentang Kami\n---\nTentang situs ini.\n",
    })
    return site


def options(tmp_path: Path, **more) -> BuildOptions:
    return BuildOptions(now=NOW, output_dir=str(tmp_path / "out"), **more)


def fresh_build(site: Path, tmp_path: Path) -> dict[str, bytes | None]:
    output = tmp_path / "clean"
    result = clean_build(site, output)
    assert not isinstance(result, KimpressError), result
    return snapshot(output)


def card_titles(path: Path) -> list[str]:
    """The article titles of a list page, in order: the heading link of each card."""
    tree = html5lib.parse(path.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)
    titles = []
    for card in tree.findall(".//ul[@class='cards']/li[@class='card']/article"):
        heading = next(child for child in card if child.tag in ("h2", "h3"))
        titles.append(" ".join("".join(heading.find("a").itertext()).split()))
    return titles


def test_unchanged_site_renders_and_writes_nothing(small_site, tmp_path):
    builder = Builder(small_site, options(tmp_path))
    first = builder.build()
    assert first.stats.written == first.outputs > 0
    before = snapshot(tmp_path / "out")
    again = builder.build()
    assert again.rendered == ()
    assert (again.stats.written, again.stats.deleted) == (0, 0)
    assert again.stats.unchanged == first.outputs
    assert snapshot(tmp_path / "out") == before


def test_unchanged_site_renders_nothing_with_the_cache_file(small_site, tmp_path):
    opts = options(tmp_path, cache_file=tmp_path / "cache" / "site.pickle")
    first = build(small_site, opts)
    assert len(first.rendered) == first.outputs
    before = snapshot(tmp_path / "out")
    again = build(small_site, opts)  # a new process, in effect: the memory comes from the file
    assert again.rendered == ()
    assert (again.stats.written, again.stats.deleted) == (0, 0)
    # The same through a Builder given the loaded memory.
    builder = Builder(small_site, options(tmp_path), load_memory(opts.cache_file))
    third = builder.build()
    assert third.rendered == ()
    assert third.stats.written == 0
    assert snapshot(tmp_path / "out") == before


def test_editing_a_body_rerenders_its_page_and_lists_but_not_unrelated_pages(small_site, tmp_path):
    builder = Builder(small_site, options(tmp_path))
    builder.build()
    source = small_site / "content/loktuan/posyandu.md"
    source.write_text(article("Posyandu Balita", "2018-12-03", "Penimbangan dan imunisasi balita.",
                              category="agenda"), encoding="utf-8")
    result = builder.build(changed=[source])
    rendered = set(result.rendered)
    assert "/loktuan/posyandu/" in rendered
    assert {"/feed.xml", "/loktuan/feed.xml", "/rubrik/agenda/feed.xml"} <= rendered  # feeds carry the body
    assert "/satimpo/pemilu/" not in rendered  # another kelurahan, not linked from the edited one
    assert "/tentang/" not in rendered
    assert "/rubrik/berita/" not in rendered and "/tag/pemilu-2019/" not in rendered
    assert "/favicon.svg" not in rendered
    assert 0 < result.stats.written <= len(rendered) < result.outputs
    assert "imunisasi" in (tmp_path / "out/loktuan/posyandu/index.html").read_text(encoding="utf-8")
    assert snapshot(tmp_path / "out") == fresh_build(small_site, tmp_path)


def test_deleting_an_article_removes_its_page_and_its_entries(small_site, tmp_path):
    builder = Builder(small_site, options(tmp_path))
    builder.build()
    out = tmp_path / "out"
    assert (out / "loktuan/posyandu/index.html").is_file()
    assert "Posyandu Balita" in card_titles(out / "index.html")
    (small_site / "content/loktuan/posyandu.md").unlink()
    result = builder.build()
    assert result.stats.deleted >= 1
    assert not (out / "loktuan/posyandu").exists()
    assert not (out / "rubrik/agenda").exists()  # its only article is gone, so is the rubrik
    assert card_titles(out / "index.html") == ["Pemilih Pemula", "Banjir Rob"]
    assert card_titles(out / "loktuan/index.html") == ["Banjir Rob"]
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((out / name).read_bytes())
        assert not feed.bozo
        assert [entry.title for entry in feed.entries] == ["Pemilih Pemula", "Banjir Rob"]
        assert all("posyandu" not in entry.link for entry in feed.entries)
    assert "/posyandu/" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert snapshot(out) == fresh_build(small_site, tmp_path)


def test_failed_build_leaves_output_untouched_and_fixing_it_gives_the_clean_result(small_site, tmp_path):
    builder = Builder(small_site, options(tmp_path))
    builder.build()
    out = tmp_path / "out"
    before = snapshot(out)
    mtimes = {path: path.stat().st_mtime_ns for path in out.rglob("*")}
    source = small_site / "content/loktuan/banjir.md"
    good = source.read_text(encoding="utf-8")
    # A new body, and front matter that is not YAML any more.
    source.write_text(good.replace("title: Banjir Rob", "title: [Banjir Rob").replace("sore", "pagi"),
                      encoding="utf-8")
    with pytest.raises(KimpressError) as caught:
        builder.build(changed=[source])
    with pytest.raises(KimpressError) as clean:
        build(small_site, BuildOptions(now=NOW, output_dir=str(tmp_path / "clean")))
    assert diagnostics_of(caught.value) == diagnostics_of(clean.value)
    # The broken file, and the link to it from another kelurahan, which now leads nowhere.
    assert [(d.path, d.code) for d in caught.value.diagnostics][1:] == [("content/satimpo/pemilu.md", "broken-link-md")]
    assert caught.value.diagnostics[0].path == "content/loktuan/banjir.md"
    assert snapshot(out) == before
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*")} == mtimes
    # Fixed, and no hint given this time: the stat check must see it.
    source.write_text(good.replace("sore", "pagi"), encoding="utf-8")
    result = builder.build()
    assert "/loktuan/banjir/" in result.rendered
    assert "pagi" in (out / "loktuan/banjir/index.html").read_text(encoding="utf-8")
    assert snapshot(out) == fresh_build(small_site, tmp_path)
