"""Property tests: whatever a writer types, the build either succeeds or stops with
diagnostics that each name a file, and never writes outside the output folder.

Each example builds a tiny real site in its own temporary folder. The settings
are modest so the whole file runs in well under a minute.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from conftest import MINIMAL_CONFIG, article, build_site, write_files
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kimpress.core.errors import KimpressError
from kimpress.pipeline.write import MANIFEST

SETTINGS = settings(max_examples=int(os.environ.get("HOSTILE_EXAMPLES", 80)), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
GOOD = {"content/loktuan/2018-11-12-a.md": article("A", tags="[kim]", author="Rina")}
SURE_TO_FAIL = {"judul", "tanggal", "date", "cover", "template", "kelurahan", "kecamatan"}  # any value but a few
KEYS = ["title", "judul", "date", "tanggal", "updated", "diperbarui", "author", "penulis", "tags", "tag", "category",
        "rubrik", "summary", "slug", "id", "cover", "cover_alt", "draft", "template", "kelurahan", "kecamatan", "lain"]

# Text a careless or hostile writer could type: control characters, path pieces, emoji, NFD accents.
PIECES = st.sampled_from(["..", "/", "\\", "C:", "\x00", "\x07", "\x1b[31m", "\u200b", "\ufeff", "e\u0301", "\u00e9",
                          "\U0001f600", "~", "yes", "45:30", "1e3", ".inf", "&a", "*a", "!!", "#", ": ", "- ", "%2e",
                          "\n", "\t", "'", '"', "{", "[", "日本", "\u202e"])
HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=12).map("".join),
    st.integers(1, 400).map(lambda n: "x" * n),
)
SCALARS = st.one_of(HOSTILE_TEXT, st.integers(-10**20, 10**20), st.floats(), st.booleans(), st.none(),
                    st.dates(date(1, 1, 1), date(9999, 12, 31)),
                    st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30),
                                 timezones=st.sampled_from([None, timezone.utc, timezone(timedelta(hours=8))])))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(HOSTILE_TEXT, inner, max_size=3)),
                      max_leaves=8)
# A file or folder name Linux can hold: no "/" or NUL, at most 255 bytes; "\udce9" stands for the
# byte 0xE9 of a Latin-1 name that is not UTF-8.
NAMES = st.one_of(st.text(min_size=1, max_size=60), st.lists(PIECES, min_size=1, max_size=8).map("".join),
                  st.sampled_from(["caf\udce9", "\udcff\udcfe", "Banjir", "banjir", "BANJIR", "tag", "page"]),
                  st.integers(1, 250).map(lambda n: "n" * n)).map(
    lambda name: name.replace("/", "-").replace("\x00", "-")).filter(
    lambda name: name not in (".", "..") and 0 < len(name.encode("utf-8", "surrogateescape")) <= 250)


def snapshot(folder: Path, skip: Path) -> dict[bytes, object]:
    found: dict[bytes, object] = {}
    for root, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if Path(root) / d != skip]
        for name in filenames:
            path = Path(root) / name
            found[os.fsencode(path)] = path.read_bytes() if not path.is_symlink() else os.readlink(path)
    return found


def check_build(files: dict[bytes, bytes]) -> None:
    """Build GOOD plus ``files`` (paths as bytes, relative to the site) and check the promises."""
    root = Path(tempfile.mkdtemp(prefix="kimpress-hostile-"))
    try:
        site = root / "site"
        write_files(site, {"site.yaml": MINIMAL_CONFIG, **GOOD})
        for rel_path, content in files.items():
            path = os.fsencode(site) + b"/" + rel_path
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(content)
        out = site / "output"
        before = snapshot(root, out)
        try:
            build_site(site)
            event("built")
        except KimpressError as problem:
            event(f"refused: {sorted({d.code for d in problem.diagnostics if d.is_error})[:2]}")
            assert problem.diagnostics
            for diagnostic in problem.diagnostics:
                if diagnostic.is_error:
                    assert diagnostic.path, diagnostic
                    diagnostic.path.encode("utf-8")  # printable
        assert snapshot(root, out) == before, "nothing outside the output folder may change"
        inside = out.resolve()
        for path in out.rglob("*") if out.exists() else ():
            assert inside in path.resolve().parents, path
        if (out / MANIFEST).exists():
            for rel_path in json.loads((out / MANIFEST).read_text(encoding="utf-8"))["files"]:
                assert inside in (out / rel_path).resolve().parents, rel_path
    finally:
        shutil.rmtree(root, ignore_errors=True)


def dump(mapping: dict) -> str:
    return yaml.safe_dump(mapping, allow_unicode=True, default_flow_style=None, width=1000)


@pytest.mark.slow  # ~2.5 s: a build per random example
@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), st.one_of(HOSTILE_TEXT, SCALARS, VALUES), max_size=8), st.booleans())
def test_random_front_matter_never_crashes_or_escapes(front, with_base):
    if with_base:  # mostly valid, so the random values reach the later stages
        front = {"title": "Judul", "date": "2019-05-14", **{k: v for k, v in front.items() if k not in SURE_TO_FAIL}}
    text = "---\n" + dump(front) + "---\nIsi.\n"
    check_build({b"content/loktuan/x.md": text.encode("utf-8")})


@pytest.mark.slow  # ~2.7 s: a build per random example
@SETTINGS
@given(st.dictionaries(st.sampled_from(["slug", "tags", "author", "category", "id", "kelurahan"]),
                       st.one_of(HOSTILE_TEXT, HOSTILE_TEXT, st.lists(HOSTILE_TEXT, max_size=4)), max_size=5))
def test_random_slugs_tags_and_authors_never_crash_or_escape(fields):
    front = {"title": "Judul", "date": "2019-05-14 10:00", **fields}
    check_build({b"content/loktuan/x.md": ("---\n" + dump(front) + "---\nIsi.\n").encode("utf-8")})


@pytest.mark.slow  # 1-3 s: a build per random example
@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"#~.,/\\ \n\t?%@`") + ["\x00", "\u00e9", "\U0001f600"]),
               max_size=120))
def test_random_yaml_ish_text_never_crashes_or_escapes(text):
    check_build({b"content/loktuan/x.md": ("---\ntitle: A\ndate: 2019-05-14\n" + text + "\n---\nIsi.\n").encode()})


@pytest.mark.slow  # ~7 s: a build per random example
@SETTINGS
@given(NAMES, NAMES, st.sampled_from([".md", ".jpg", "", ".MD", ".html"]), st.booleans())
def test_random_file_and_folder_names_never_crash_or_escape(folder, name, suffix, in_static):
    encoded = [part.encode("utf-8", "surrogateescape") for part in (folder, name + suffix)]
    if len(encoded[1]) > 255:
        encoded[1] = encoded[1][:250] + b".md"
    top = b"static/" if in_static else b"content/"
    content = article("X").encode() if suffix.lower() == ".md" else b"\xff\xd8\xff"
    check_build({top + encoded[0] + b"/" + encoded[1]: content, b"content/loktuan/" + encoded[1]: content})
