"""The wheel carries the default theme, so an installed kimpress builds sites anywhere.

Why this test is slow-ish (~5-20 s) and built the way it is: the default theme lives at
the repository top (``themes/default``), and pyproject.toml force-includes it into the
wheel as ``kimpress/themes/default``. An editable install or a test run from the
checkout would find the theme in the repository and never notice a wheel without it,
so we build a real wheel with pip, install it with ``--no-deps`` into a separate
``--target`` folder (a fresh venv would have to download the dependencies; with
``PYTHONPATH`` the target shadows the editable install while the dependencies still
come from the test environment), and build a site from a folder outside the repository
with that installed copy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from conftest import article, parse_html, write_files

from kimpress.theme.filters import minify_css

pytestmark = pytest.mark.slow  # builds wheels and virtual environments: seconds per test

REPO = Path(__file__).resolve().parents[1]
THEME = REPO / "themes" / "default"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder), str(REPO)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [built] = folder.glob("kimpress-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("installed") / "site-packages"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                           "--target", str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return target


def test_wheel_contains_the_package_and_the_whole_default_theme(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for required in ("kimpress/__init__.py", "kimpress/cli/main.py", "kimpress/pipeline/build.py",
                         "kimpress/themes/default/templates/base.html",
                         "kimpress/themes/default/templates/article.html",
                         "kimpress/themes/default/templates/partials/article_list.html",
                         "kimpress/themes/default/i18n/id.yaml", "kimpress/themes/default/i18n/en.yaml",
                         "kimpress/themes/default/static/favicon.svg"):
            assert required in names, required
        # Every theme file of the repository is in the wheel, byte for byte.
        for path in sorted(p for p in THEME.rglob("*") if p.is_file()):
            name = "kimpress/themes/default/" + path.relative_to(THEME).as_posix()
            assert archive.read(name) == path.read_bytes(), name
        entry_points = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        assert len(entry_points) == 1
        assert "kimpress = kimpress.cli.main:main" in archive.read(entry_points[0]).decode()
        # No tests, demo content or site config leak into the wheel.
        assert not any(n.startswith(("tests/", "content/", "output/")) or n == "site.yaml" for n in names)


SCRIPT = textwrap.dedent("""\
    import json, sys
    import kimpress, kimpress.theme.location
    from kimpress.cli.main import main
    code = main(["build", sys.argv[1], "--quiet"])
    print(json.dumps({"code": code, "module": kimpress.__file__,
                      "theme": str(kimpress.theme.location.packaged_theme_dir())}))
""")


def run_installed(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(installed), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONNOUSERSITE": "1",
           "HOME": str(cwd)}
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def test_installed_wheel_builds_a_site_with_its_packaged_theme(installed, tmp_path):
    site = tmp_path / "situs"
    write_files(site, {
        "site.yaml": "title: Kabar Paket\nbase_url: https://contoh.id/kim/\ntimezone: Asia/Makassar\n",
        "content/satimpo/2018-11-12-posyandu.md": article("Posyandu Balita", "2018-11-12 09:30"),
    })
    elsewhere = tmp_path / "kerja"
    elsewhere.mkdir()
    done = run_installed(installed, elsewhere, "-c", SCRIPT, str(site))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, done.stderr
    # The code and the theme both come from the installed copy, not from the checkout.
    assert Path(report["module"]).resolve().is_relative_to(installed.resolve()), report
    assert Path(report["theme"]).resolve() == (installed / "kimpress/themes/default").resolve()

    out = site / "output"
    assert (out / "index.html").is_file()
    assert (out / "satimpo/posyandu/index.html").is_file()
    page = parse_html(out / "index.html")
    assert page.get("lang") == "id"
    body = list(page.find("body"))
    assert body[0].tag == "a" and body[0].get("class") == "skip" and body[0].get("href") == "#isi"
    assert body[0].text == "Langsung ke isi"  # the packaged i18n/id.yaml
    assert page.find(".//main").get("id") == "isi"
    packaged_css = (installed / "kimpress/themes/default/templates/style.css").read_text(encoding="utf-8")
    # The page's styles start with the packaged stylesheet, minified (page parts follow it).
    assert page.find("head/style").text.strip().startswith(minify_css(packaged_css))
    assert (out / "favicon.svg").read_bytes() == (installed / "kimpress/themes/default/static/favicon.svg").read_bytes()


def test_installed_wheel_runs_as_a_module_and_inits_a_site(installed, tmp_path):
    version = run_installed(installed, tmp_path, "-m", "kimpress", "--version")
    assert version.returncode == 0, version.stderr
    assert "0.1.0" in version.stdout + version.stderr
    site = tmp_path / "baru"
    init = run_installed(installed, tmp_path, "-m", "kimpress", "init", str(site))
    assert init.returncode == 0, init.stderr
    build = run_installed(installed, tmp_path, "-m", "kimpress", "build", str(site), "--quiet")
    assert build.returncode == 0, build.stderr
    assert parse_html(site / "output/index.html").find(".//a[@class='skip']").get("href") == "#isi"
    assert not (site / "themes").exists()  # the theme came from the package, not from the new site
