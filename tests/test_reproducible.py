"""The same input gives byte-identical output, whatever the folder, file order, hash seed, time zone or clock."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _copy_site(destination: Path, reverse: bool) -> Path:
    """Copy the demo site, creating its files in sorted or reverse order (so folders list them differently)."""
    files = sorted(p for top in ("content", "static") if (REPO / top).is_dir() for p in (REPO / top).rglob("*")
                   if p.is_file())
    for path in reversed(files) if reverse else files:
        target = destination / path.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    shutil.copy2(REPO / "site.yaml", destination / "site.yaml")
    return destination


def _build(site: Path, output: Path, env: dict[str, str]) -> None:
    done = subprocess.run([sys.executable, "-m", "kimpress", "build", str(site), "--output", str(output),
                           "--no-cache", "--quiet"], capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})
    assert done.returncode == 0, done.stderr


def _files(output: Path) -> dict[str, bytes]:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}


@pytest.mark.slow  # ~2.5 s: two builds in fresh processes, a second apart
def test_two_builds_in_different_conditions_are_byte_identical(tmp_path):
    first_site = _copy_site(tmp_path / "satu" / "situs", reverse=False)
    second_site = _copy_site(tmp_path / "dua-lain" / "kim bontang", reverse=True)
    _build(first_site, tmp_path / "keluaran-1", {"PYTHONHASHSEED": "1", "TZ": "Asia/Jakarta", "LC_ALL": "C.UTF-8"})
    time.sleep(1.1)  # the clock moves on: nothing in the output may show it
    _build(second_site, tmp_path / "keluaran-2", {"PYTHONHASHSEED": "4242", "TZ": "America/New_York",
                                                  "LC_ALL": "C"})
    first, second = _files(tmp_path / "keluaran-1"), _files(tmp_path / "keluaran-2")
    assert len(first) > 100  # the whole demo site
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
