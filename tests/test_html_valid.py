"""Every page of the demo site is valid HTML5 for the Nu Html Checker (vnu-jar from npm).

The checker needs Java and vnu.jar. It is looked for in KIMPRESS_VNU_JAR, then in
.ci/node/node_modules/vnu-jar/build/dist/vnu.jar (where .ci/run installs it). Without it
the test is skipped, unless KIMPRESS_REQUIRE_VNU=1 (set by .ci/run), where a missing
checker is a failure, so CI can never pass by skipping.

Locally: npm install --prefix /tmp/vnu vnu-jar
         KIMPRESS_VNU_JAR=/tmp/vnu/node_modules/vnu-jar/build/dist/vnu.jar pytest tests/test_html_valid.py
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL_CONFIG, article, build_site

pytestmark = pytest.mark.slow  # the Nu Html Checker on Java: seconds per test

REPO = Path(__file__).resolve().parents[1]
CI_JAR = REPO / ".ci/node/node_modules/vnu-jar/build/dist/vnu.jar"

# A page the checker must reject (no <title>): proves errors are really read back.
CANARY = '<!DOCTYPE html>\n<html lang="id">\n<head><meta charset="utf-8"></head>\n<body><p>x</p></body>\n</html>\n'


def checker() -> tuple[str, Path]:
    """(java, vnu.jar), or skip — or fail when KIMPRESS_REQUIRE_VNU=1."""
    java = shutil.which("java")
    from_env = os.environ.get("KIMPRESS_VNU_JAR")
    candidates = [Path(from_env)] if from_env else []
    candidates.append(CI_JAR)
    jar = next((path for path in candidates if path.is_file()), None)
    if java is not None and jar is not None:
        return java, jar
    looked = ", ".join(str(path) for path in candidates)
    reason = ("java is not on PATH" if java is None else f"vnu.jar not found (looked at {looked})") + (
        "; install the Nu Html Checker with `npm install --prefix .ci/node vnu-jar` (or run .ci/run) "
        "or set KIMPRESS_VNU_JAR")
    if os.environ.get("KIMPRESS_REQUIRE_VNU") == "1":
        pytest.fail(f"KIMPRESS_REQUIRE_VNU=1 but {reason}")
    pytest.skip(reason)


def validate(pages: list[Path]) -> dict[str, list[str]]:
    """Run the checker once over ``pages``; return file name -> error messages."""
    java, jar = checker()
    done = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, pages)],
                          capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(done.stderr or done.stdout)
    except ValueError:
        pytest.fail(f"the checker did not answer in JSON (exit {done.returncode}): {done.stderr[-2000:]}")
    errors: dict[str, list[str]] = {}
    for message in report.get("messages", []):
        if message.get("type") in ("error", "non-document-error"):
            url = message.get("url", "")
            name = url.removeprefix("file:").removeprefix("//")
            errors.setdefault(name, []).append(f"{message.get('lastLine')}: {message.get('message')}")
    return errors


def check_all(output: Path, tmp_path: Path) -> None:
    pages = sorted(output.rglob("*.html"))
    canary = tmp_path / "canary" / "invalid.html"
    canary.parent.mkdir()
    canary.write_text(CANARY, encoding="utf-8")
    errors = validate([*pages, canary])
    canary_errors = [errors.pop(name) for name in list(errors) if name.endswith("/canary/invalid.html")]
    assert canary_errors and canary_errors[0], "the checker did not report the canary page's missing <title>"
    shown = {Path(name).relative_to(output).as_posix() if name.startswith(str(output)) else name: found
             for name, found in errors.items()}
    assert shown == {}


def test_demo_site_html_is_valid(tmp_path):
    checker()  # skip early, before building
    output = tmp_path / "demo"
    build_site(REPO, output_dir=str(output))
    assert len(list(output.rglob("*.html"))) > 50
    check_all(output, tmp_path)


def test_small_site_with_every_kind_of_page_is_valid(make_site, tmp_path):
    """Markup the demo may not have: tables, footnotes, code, hostile text, empty lists, English, pagination."""
    checker()
    body = (
        "Paragraf dengan **tebal**, [tautan](2018-11-13-b.md#x) dan catatan.[^1]\n\n"
        "| Kolom | Nilai |\n| --- | --- |\n| a | 1 |\n\n"
        "```\nkode <b>\n```\n\n> kutipan\n\n- satu\n- dua\n\nIstilah\n:   definisi\n\n"
        "![Gambar](2018-11-12-a/foto.svg)\n\n## Bagian\n\n[^1]: Catatan kaki.\n"
    )
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'
    hostile = "'<script>alert(1)</script> & \"q\"'"
    config = MINIMAL_CONFIG.replace("language: id", "language: en") + (
        "paginate: 1\ndescription: Kabar <warga> & \"KIM\"\n"
        "wilayah:\n  bontang-selatan:\n    name: Bontang Selatan\n    kelurahan:\n"
        "      satimpo: {name: Satimpo}\n      kosong: {name: Kosong}\n")
    site = make_site({
        "content/tentang.md": "---\ntitle: About\n---\nAbout us.\n",
        "content/satimpo/_index.md": "---\nkim: KIM Info\ncontact:\n  email: kim@contoh.id\n  whatsapp: '0812'\n---\n"
                                     "Profil *kelurahan*.\n",
        "content/satimpo/2018-11-12-a.md": article(hostile, body=body, author=hostile, tags=f"[{hostile}, b]",
                                                   category="cek fakta", cover="foto.svg", cover_alt="A picture",
                                                   updated="2018-11-20"),
        "content/satimpo/2018-11-12-a/foto.svg": svg,
        "content/satimpo/2018-11-13-b.md": article("B", "2018-11-13"),
        "content/lain/2018-12-01-c.md": article("C", "2018-12-01 07:00", cover="/favicon.svg"),
    }, config=config)
    output = tmp_path / "kecil"
    build_site(site, output_dir=str(output))
    check_all(output, tmp_path)
