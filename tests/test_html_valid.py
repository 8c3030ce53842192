"""Every page of the demo site is valid HTML5 for the Nu Html Checker (vnu-jar from npm).

The checker needs Java and the jar: .ci/run installs both and sets KIMPRESS_VNU_JAR and
KIMPRESS_REQUIRE_VNU=1, so CI fails rather than skips when they are missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import build_site

REPO = Path(__file__).resolve().parents[1]


def find_vnu() -> Path | None:
    candidates = [os.environ.get("KIMPRESS_VNU_JAR"), REPO / ".ci/node/node_modules/vnu-jar/build/dist/vnu.jar"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and shutil.which("java"):
            return Path(candidate)
    return None


def test_demo_site_html_is_valid(tmp_path):
    jar = find_vnu()
    if jar is None:
        message = "the Nu Html Checker (vnu.jar) or java is not installed; .ci/run installs them"
        if os.environ.get("KIMPRESS_REQUIRE_VNU") == "1":
            pytest.fail(message)
        pytest.skip(message)
    build_site(REPO, output_dir=str(tmp_path / "demo"))
    pages = sorted(str(p) for p in (tmp_path / "demo").rglob("*.html"))
    assert len(pages) > 50
    done = subprocess.run(["java", "-jar", str(jar), "--errors-only", "--format", "json", *pages],
                          capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stderr or "{}").get("messages", [])
    errors = [f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in messages if m.get("type") == "error"]
    assert errors == []
