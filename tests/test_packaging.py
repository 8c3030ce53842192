"""The wheel carries the default theme, so an installed kimpress builds sites anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wheel_contains_the_default_theme_and_builds_from_it(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True)
    [wheel] = tmp_path.glob("kimpress-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("kimpress/cli.py", "kimpress/themes/default/templates/base.html",
                     "kimpress/themes/default/i18n/id.yaml", "kimpress/themes/default/static/favicon.svg"):
        assert required in names
    # Install it beside (not over) the dependencies and build a new site with it, from elsewhere.
    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    site = tmp_path / "situs"
    script = ("import sys, kimpress, kimpress.theme as t; from kimpress.cli import main; "
              f"assert kimpress.__file__.startswith({str(target)!r}), kimpress.__file__; "
              f"assert str(t.packaged_theme_dir()).startswith({str(target)!r}); "
              f"sys.exit(main(['init', {str(site)!r}]) or main(['build', {str(site)!r}, '-q']))")
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert (site / "output/index.html").is_file()
