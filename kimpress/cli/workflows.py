"""Publish on push: the CI workflow ``kimpress init --ci github|gitlab`` writes into a site.

Each workflow installs kimpress, restores kimpress's memory and the previous output
between runs (so a push that changes one article rebuilds one article), runs
``kimpress check`` then ``kimpress build``, and publishes to GitHub Pages or GitLab Pages.
The checkout keeps the whole git history: redirects for moved articles come from it.
The texts are read by volunteers: their comments are in Indonesian.
"""

from __future__ import annotations

import json
from pathlib import Path

from kimpress import __version__
from kimpress.core.errors import KimpressError, error

CI_CHOICES = ("github", "gitlab", "none")
DEFAULT_CI = "github"  # most KIM publish with GitHub Pages
WORKFLOW_FILES = {"github": ".github/workflows/kimpress.yml", "gitlab": ".gitlab-ci.yml"}
OUTPUT_FOLDERS = {"github": "output", "gitlab": "public"}  # GitLab Pages publishes public/
IGNORED = ("output/", "public/")
PLACEHOLDER_BASE_URL = "https://contoh.github.io/kim/"  # the base_url `kimpress init` writes

GITHUB = """\
# Terbitkan situs KIM ke GitHub Pages setiap kali ada push ke cabang main.
# Dibuat oleh `kimpress init`. Sekali saja: buka Settings -> Pages, pilih
# Source: GitHub Actions, lalu ubah base_url di site.yaml menjadi alamat situs Anda.
name: Terbitkan situs

on:
  push:
    branches: [main]  # ganti bila cabang utama Anda bernama lain, misalnya master
  workflow_dispatch:  # tombol "Run workflow" di tab Actions

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

env:
  # Versi kimpress yang dipasang setiap kali situs dibangun. Ubah angkanya untuk
  # versi lain, atau tulis alamat git, misalnya "git+https://github.com/NAMA/kimpress@main".
  KIMPRESS_PACKAGE: @PACKAGE@

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      # Seluruh riwayat git (fetch-depth: 0): kimpress membacanya untuk mengalihkan
      # alamat lama artikel yang dipindah ke alamat barunya.
      - name: Ambil isi repositori
        uses: actions/checkout@v6
        with:
          fetch-depth: 0
      - name: Siapkan Python
        uses: actions/setup-python@v6
        with:
          python-version: "3.11"
          cache: pip
          cache-dependency-path: .github/workflows/kimpress.yml
      - name: Pasang kimpress
        run: pip install "$KIMPRESS_PACKAGE"
      # Ingatan kimpress dan hasil pembangunan sebelumnya: push yang mengubah satu
      # artikel hanya membangun ulang artikel itu.
      - name: Pulihkan ingatan kimpress
        uses: actions/cache@v5
        with:
          path: |
            ~/.cache/kimpress
            @OUTPUT@
          key: kimpress-${{ runner.os }}-${{ github.sha }}
          restore-keys: |
            kimpress-${{ runner.os }}-
      - name: Siapkan GitHub Pages
        id: pages
        uses: actions/configure-pages@v6
      # Masalah muncul sebagai catatan pada berkas dan barisnya; bila ada kesalahan,
      # situs tidak diterbitkan dan versi sebelumnya tetap tampil.
      - name: Periksa situs
        run: kimpress check --format github
      - name: Bangun situs
        env:
          PAGES_URL: ${{ steps.pages.outputs.base_url }}
        run: |
@BUILD@
      - name: Unggah hasil
        uses: actions/upload-pages-artifact@v5
        with:
          path: @OUTPUT@

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Terbitkan ke GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v5
"""

GITLAB = """\
# Terbitkan situs KIM ke GitLab Pages setiap kali ada push ke cabang utama.
# Dibuat oleh `kimpress init --ci gitlab`. Ubah base_url di site.yaml menjadi alamat
# situs Anda (tertera di Deploy -> Pages).
variables:
  # Versi kimpress yang dipasang setiap kali situs dibangun. Ubah angkanya untuk
  # versi lain, atau tulis alamat git, misalnya "git+https://gitlab.com/NAMA/kimpress@main".
  KIMPRESS_PACKAGE: @PACKAGE@
  # Seluruh riwayat git: kimpress membacanya untuk mengalihkan alamat lama artikel
  # yang dipindah ke alamat barunya.
  GIT_DEPTH: "0"
  # Ingatan kimpress dan pip disimpan di folder proyek agar dibawa ke pembangunan berikutnya.
  XDG_CACHE_HOME: "$CI_PROJECT_DIR/.cache"
  PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"

pages:
  image: python:3.11-slim
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  # Ingatan kimpress dan hasil pembangunan sebelumnya: push yang mengubah satu
  # artikel hanya membangun ulang artikel itu.
  cache:
    key: kimpress
    paths:
      - .cache/
      - @OUTPUT@/
  before_script:
    - apt-get update -qq && apt-get install -y -qq --no-install-recommends git
    - git config --global --add safe.directory "$CI_PROJECT_DIR"
    - if [ "$(git rev-parse --is-shallow-repository)" = true ]; then git fetch --unshallow --quiet; fi
    - pip install "$KIMPRESS_PACKAGE"
  script:
    - kimpress check
    - |
@BUILD@
  artifacts:
    paths:
      - @OUTPUT@
"""

# The build, with the Pages address as base_url while site.yaml still has the example one
# (so a first push already gives a working site; `check` keeps warning until it is set).
BUILD = """\
if [ -n "$@URL@" ] && grep -qF "@PLACEHOLDER@" site.yaml; then
  kimpress build --output @OUTPUT@ --base-url "${@URL@%/}/"
else
  kimpress build --output @OUTPUT@
fi
"""
PAGES_URL_VARIABLES = {"github": "PAGES_URL", "gitlab": "CI_PAGES_URL"}  # GitLab sets CI_PAGES_URL itself

NEXT_STEPS = {
    "github": ("Sekali saja, aktifkan GitHub Pages: Settings -> Pages -> Source: GitHub Actions. Ubah base_url di "
               "site.yaml, lalu commit dan push; setiap push ke main memeriksa, membangun dan menerbitkan situs.",
               "Once, switch GitHub Pages on: Settings -> Pages -> Source: GitHub Actions. Set base_url in site.yaml, "
               "then commit and push; every push to main checks, builds and publishes the site."),
    "gitlab": ("Ubah base_url di site.yaml, lalu commit dan push; setiap push ke cabang utama memeriksa, membangun "
               "dan menerbitkan situs di GitLab Pages.",
               "Set base_url in site.yaml, then commit and push; every push to the default branch checks, builds "
               "and publishes the site on GitLab Pages."),
}


def default_package() -> str:
    """What CI installs by default: the kimpress that wrote the workflow."""
    return f"kimpress=={__version__}"


def workflow_text(ci: str, package: str | None = None) -> str:
    """The workflow file for ``ci`` (``github`` or ``gitlab``)."""
    output = OUTPUT_FOLDERS[ci]
    indent = " " * (10 if ci == "github" else 6)
    build = "".join(indent + line + "\n" for line in BUILD.splitlines())
    build = build.replace("@URL@", PAGES_URL_VARIABLES[ci]).replace("@PLACEHOLDER@", PLACEHOLDER_BASE_URL)
    text = (GITHUB if ci == "github" else GITLAB).replace("@BUILD@\n", build)
    return text.replace("@OUTPUT@", output).replace("@PACKAGE@", json.dumps(package or default_package()))


def workflow_path(site_dir: Path, ci: str) -> Path | None:
    """Where the workflow for ``ci`` goes in ``site_dir`` (None for ``none``)."""
    return site_dir / WORKFLOW_FILES[ci] if ci in WORKFLOW_FILES else None


def refuse_existing_workflow(site_dir: Path, ci: str) -> None:
    """Stop, writing nothing, when the workflow file is already there: it may hold the site owner's changes."""
    path = workflow_path(site_dir, ci)
    if path is not None and path.exists():
        raise KimpressError([error("init-workflow-exists", WORKFLOW_FILES[ci], None)])


def write_workflow(site_dir: Path, ci: str) -> list[Path]:
    """Write the workflow for ``ci`` (nothing for ``none``) and keep the built site out of git."""
    path = workflow_path(site_dir, ci)
    if path is None:
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8", newline="\n") as stream:
        stream.write(workflow_text(ci))
    return [path]


def ignore_built_site(site_dir: Path) -> list[Path]:
    """Add ``output/`` and ``public/`` to the site's ``.gitignore`` (made if missing); [] when already there."""
    path = site_dir / ".gitignore"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    present = {line.strip() for line in text.splitlines()}
    missing = [entry for entry in IGNORED if entry not in present and entry.rstrip("/") not in present]
    if not missing:
        return []
    if text and not text.endswith("\n"):
        text += "\n"
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text + "".join(entry + "\n" for entry in missing))
    return [path]


def publish_next_steps(ci: str, language: str) -> str:
    """What to do after the workflow is written: switch Pages on, set base_url, push."""
    indonesian, english = NEXT_STEPS[ci]
    return "\n" + (indonesian if language == "id" else english)
