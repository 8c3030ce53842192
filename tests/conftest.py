"""Shared helpers: make tiny real sites in a temp folder, build them, parse the output."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import html5lib
import pytest
from hypothesis import settings

from kimpress.pipeline.build import BuildOptions, BuildResult, build

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE: "dev" for quick local runs; without it the suite runs as it
# always has (Hypothesis's "default" profile, or its own "ci" profile, which it loads by itself on a CI machine:
# derandomized, no deadline, no example database). Tests that pin their own ``max_examples`` keep it in every profile.
settings.register_profile("dev", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", settings.get_current_profile_name()))

# A fixed "now" so future/draft tests never depend on the day they run.
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)

MINIMAL_CONFIG = """\
title: Kabar Uji
base_url: https://contoh.id/kim/
language: id
timezone: Asia/Makassar
"""

# Two kelurahan of Kecamatan Bontang Utara with their Kemendagri codes, for tests that need a registry.
BONTANG_UTARA = """\
wilayah:
  bontang-utara:
    name: Bontang Utara
    code: "64.74.03"
    kelurahan:
      satimpo: {name: Satimpo, code: "64.74.03.1004"}
      loktuan: {name: Lok Tuan, code: "64.74.03.1003"}
"""


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    """Write ``files`` (relative path -> text, dedented, or bytes) under ``root``."""
    for rel_path, content in files.items():
        path = root / rel_path
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")


def article(title: str, date: str = "2018-11-12 09:30", body: str = "Isi artikel.", **fields: object) -> str:
    """Front matter plus body for an article; extra fields are written as YAML lines."""
    lines = ["---", f"title: {title}", f"date: {date}"]
    for key, value in fields.items():
        lines.append(f"{key}: {value}")
    lines += ["---", body, ""]
    return "\n".join(lines)


@pytest.fixture
def make_site(tmp_path: Path):
    """make_site({"content/a/x.md": "..."}, config=...) -> site folder."""

    def factory(files: dict[str, str | bytes] | None = None, config: str = MINIMAL_CONFIG) -> Path:
        site = tmp_path / "site"
        site.mkdir(exist_ok=True)
        write_files(site, {"site.yaml": config, **(files or {})})
        return site

    return factory


def build_site(site: Path, **options: object) -> BuildResult:
    """Build with the fixed clock unless ``now`` is given."""
    options.setdefault("now", NOW)
    return build(site, BuildOptions(**options))  # type: ignore[arg-type]


def parse_html(path: Path):
    """Parse an output page with html5lib into an lxml-free ElementTree (no namespaces)."""
    return html5lib.parse(path.read_bytes(), treebuilder="etree", namespaceHTMLElements=False)


BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")


def find_browser() -> str | None:
    """The Chromium to drive: ``KIMPRESS_CHROMIUM`` if set, else the first of ``BROWSER_NAMES`` on PATH."""
    named = os.environ.get("KIMPRESS_CHROMIUM")
    if named:
        return shutil.which(named)
    return next((found for found in map(shutil.which, BROWSER_NAMES) if found), None)


THEME_SCRIPTS = ("/share.js", "/cari.js")  # the default theme's own files: progressive enhancement only


def stop_process_group(process, timeout: float) -> None:
    """End ``process`` (started with ``start_new_session``) and every process of its group.

    SIGTERM first, so a server or browser can close; then SIGKILL for any helper that
    outlived it (Chromium's renderers, npm's node).
    """
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait(timeout=timeout)


def stray_scripts(tree) -> list:
    """The <script> elements of a page but the theme's own: an empty ``<script src>`` of one of its
    static files, or structured data (``application/ld+json``) that parses as JSON."""
    import json

    def ours(script) -> bool:
        text = (script.text or "").strip()
        if script.get("type") == "application/ld+json" and not script.get("src"):
            try:
                json.loads(text)
            except ValueError:
                return False
            return True
        return script.get("src", "").split("?")[0].endswith(THEME_SCRIPTS) and not text

    return [script for script in tree.iter("script") if not ours(script)]


def output_files(output: Path) -> set[str]:
    """Every file of a built site, relative, without the manifest."""
    return {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()} - {".kimpress-manifest.json"}


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test, and the commands it starts, as on a machine with no language preference.

    The command line speaks English when the locale asks for it; tests that expect
    Indonesian (the default) must not depend on the locale of the machine running them.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test's build memory out of the user's ~/.cache and away from other tests."""
    root = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(root))
    return root


def tree(folder: Path, skip: Path | None = None) -> dict[bytes, object]:
    """Every path under ``folder`` (not entering ``skip``), keyed by its raw name: bytes and mtime, link target,
    or None for folders."""
    found: dict[bytes, object] = {}
    for root, dirnames, filenames in os.walk(folder):
        root_path = Path(root)
        dirnames[:] = [d for d in dirnames if skip is None or root_path / d != skip]
        for name in dirnames + filenames:
            path = root_path / name
            rel = os.fsencode(path.relative_to(folder))
            if path.is_symlink():
                found[rel] = "-> " + os.readlink(path)
            elif path.is_file():
                found[rel] = (path.read_bytes(), path.stat().st_mtime_ns)
            else:
                found[rel] = None
    return found
