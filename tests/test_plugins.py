"""Plugins: installed through the ``kimpress.plugins`` entry-point group, switched on in site.yaml.

Each test installs a real distribution (a package plus its ``.dist-info`` with
``entry_points.txt``) into a folder put on ``sys.path``, the way pip would, so
kimpress finds it through ``importlib.metadata`` like any installed plugin.
"""

from __future__ import annotations

import importlib
import json
import sys
import textwrap
from pathlib import Path

import lxml.html
import pytest
from conftest import article, write_files

from kimpress.core.errors import ConfigError, SourceError
from kimpress.core.wording import format_diagnostic
from kimpress.pipeline.build import Builder, BuildOptions, build

PLUGIN_CODE = '''
import json
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kimpress.plan.output import file_output


class _Mark(Treeprocessor):
    def run(self, root):
        for paragraph in root.iter("p"):
            paragraph.set("class", "ditandai")


class MarkParagraphs(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_Mark(md), "test_mark", 5)


class StatsKind:
    name = "statistik"

    def __init__(self, suffix):
        self.suffix = suffix

    def stamp(self, output, context):
        return repr((output.url, self.suffix)).encode()

    def render(self, output, site, context):
        from kimpress.outputs.registry import Rendered
        data = {"articles": len(site.articles), "suffix": self.suffix,
                "titles": sorted(a.title for a in site.articles)}
        return Rendered(output, json.dumps(data, sort_keys=True).encode())


class Plugin:
    def __init__(self, options):
        self.suffix = options.get("suffix", "!")
        self.url = options.get("url", "/statistik.json")
        if options.get("fail"):
            raise ValueError("pengaturan salah")

    def template_filters(self):
        return {"seru": lambda text: str(text).upper() + self.suffix}

    def markdown_extensions(self):
        return [MarkParagraphs()]

    def output_kinds(self):
        return [StatsKind(self.suffix)]

    def outputs(self, site):
        return [file_output(self.url, "statistik", None)]
'''

THEME_ARTICLE = """{% extends "default/article.html" %}
{% block title %}{{ article.title | seru }}{% endblock %}
"""


@pytest.fixture()
def installed_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A distribution ``kimpress-uji`` offering the plugin ``uji``, as pip would install it."""
    root = tmp_path / "site-packages"
    (root / "kimpress_uji").mkdir(parents=True)
    (root / "kimpress_uji" / "__init__.py").write_text(PLUGIN_CODE, encoding="utf-8")
    info = root / "kimpress_uji-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: kimpress-uji\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[kimpress.plugins]\nuji = kimpress_uji:Plugin\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(root))
    importlib.invalidate_caches()
    yield root
    sys.modules.pop("kimpress_uji", None)


def _site(root: Path, plugins: str) -> Path:
    site = root / "situs"
    write_files(site, {
        "site.yaml": "title: Kabar Uji\nbase_url: https://kim.example.id/\nlanguage: id\n" + plugins,
        "content/loktuan/banjir.md": article("Banjir Rob", body="Air naik di RT 05.\n\nWarga siaga."),
        "content/loktuan/posyandu.md": article("Posyandu Balita", date="2018-11-13 08:00"),
        "themes/warga/theme.yaml": "extends: default\n",
        "themes/warga/templates/article.html": THEME_ARTICLE,
    })
    text = (site / "site.yaml").read_text(encoding="utf-8")
    (site / "site.yaml").write_text(text + "theme: warga\n", encoding="utf-8")
    return site


def test_a_plugin_adds_a_filter_a_markdown_extension_and_an_output_kind(tmp_path: Path, installed_plugin) -> None:
    site = _site(tmp_path, "plugins:\n  uji: {suffix: '?!'}\n")
    result = build(site, BuildOptions(output_dir=str(tmp_path / "out"), jobs=1))
    page = lxml.html.fromstring((tmp_path / "out/loktuan/banjir/index.html").read_bytes())
    assert page.findtext(".//title").startswith("BANJIR ROB?!")
    marked = [p.text_content() for p in page.iter("p") if p.get("class") == "ditandai"]
    assert marked == ["Air naik di RT 05.", "Warga siaga."]
    stats = json.loads((tmp_path / "out/statistik.json").read_text(encoding="utf-8"))
    assert stats == {"articles": 2, "suffix": "?!", "titles": ["Banjir Rob", "Posyandu Balita"]}
    assert "/statistik.json" in result.rendered


def test_changing_a_plugin_option_rebuilds_what_it_touches(tmp_path: Path, installed_plugin) -> None:
    site = _site(tmp_path, "plugins:\n  uji: {suffix: '!'}\n")
    builder = Builder(site, BuildOptions(output_dir=str(tmp_path / "out"), jobs=1))
    builder.build()
    assert builder.build().rendered == ()  # nothing changed: nothing rendered
    (site / "site.yaml").write_text((site / "site.yaml").read_text().replace("'!'", "'~'"), encoding="utf-8")
    again = builder.build()
    assert "/statistik.json" in again.rendered and "/loktuan/banjir/" in again.rendered
    page = lxml.html.fromstring((tmp_path / "out/loktuan/banjir/index.html").read_bytes())
    assert page.findtext(".//title").startswith("BANJIR ROB~")
    assert json.loads((tmp_path / "out/statistik.json").read_text())["suffix"] == "~"


def test_an_unknown_plugin_is_a_located_site_yaml_error(tmp_path: Path, installed_plugin) -> None:
    site = _site(tmp_path, "plugins:\n  uji: {}\n  peta-wilayah:\n    zoom: 3\n")
    with pytest.raises(ConfigError) as raised:
        build(site, BuildOptions(output_dir=str(tmp_path / "out"), jobs=1))
    [problem] = raised.value.diagnostics
    assert (problem.code, problem.path, problem.line) == ("plugin-unknown", "site.yaml", 6)
    line = format_diagnostic(problem, "id")
    assert line.startswith("site.yaml:6: ") and "`peta-wilayah`" in line and "`uji`" in line
    assert not (tmp_path / "out").exists()


def test_a_plugin_that_fails_to_start_is_named_with_its_line(tmp_path: Path, installed_plugin) -> None:
    site = _site(tmp_path, "plugins:\n  uji:\n    fail: true\n")
    with pytest.raises(ConfigError) as raised:
        build(site, BuildOptions(output_dir=str(tmp_path / "out"), jobs=1))
    [problem] = raised.value.diagnostics
    assert (problem.code, problem.line) == ("plugin-failed", 5)
    assert "pengaturan salah" in format_diagnostic(problem, "id")


def test_plugin_options_must_be_a_mapping(tmp_path: Path, installed_plugin) -> None:
    site = _site(tmp_path, "plugins:\n  uji: [1, 2]\n")
    with pytest.raises(ConfigError) as raised:
        build(site, BuildOptions(output_dir=str(tmp_path / "out"), jobs=1))
    assert [d.code for d in raised.value.diagnostics] == ["plugin-options-mapping"]


def test_a_plugin_output_takes_part_in_the_conflict_check(tmp_path: Path, installed_plugin) -> None:
    site = _site(tmp_path, "plugins:\n  uji: {url: /loktuan/banjir/index.html}\n")
    with pytest.raises(SourceError) as raised:
        build(site, BuildOptions(output_dir=str(tmp_path / "out"), jobs=1))
    conflicts = [d for d in raised.value.diagnostics if d.code == "url-conflict"]
    assert [d.path for d in conflicts] == ["content/loktuan/banjir.md"]


def test_no_plugin_is_loaded_unless_site_yaml_asks(tmp_path: Path, installed_plugin) -> None:
    site = _site(tmp_path, "")
    (site / "themes/warga/templates/article.html").unlink()
    build(site, BuildOptions(output_dir=str(tmp_path / "out"), jobs=1))
    assert not (tmp_path / "out/statistik.json").exists()
    page = lxml.html.fromstring((tmp_path / "out/loktuan/banjir/index.html").read_bytes())
    assert not [p for p in page.iter("p") if p.get("class") == "ditandai"]


def test_the_readme_example_plugin_is_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plugin the README shows, installed as written there, does what the README says."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    code = readme.split("<!-- plugin-example -->", 2)[1].split("```python\n", 1)[1].split("```", 1)[0]
    root = tmp_path / "site-packages"
    (root / "kimpress_hitung_kata").mkdir(parents=True)
    (root / "kimpress_hitung_kata" / "__init__.py").write_text(textwrap.dedent(code), encoding="utf-8")
    info = root / "kimpress_hitung_kata-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: kimpress-hitung-kata\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[kimpress.plugins]\nhitung-kata = kimpress_hitung_kata:HitungKata\n")
    monkeypatch.syspath_prepend(str(root))
    importlib.invalidate_caches()
    site = tmp_path / "situs"
    write_files(site, {
        "site.yaml": "title: Kabar Uji\nbase_url: https://kim.example.id/\nplugins:\n  hitung-kata: {}\n",
        "content/loktuan/banjir.md": article("Banjir Rob", body="satu dua tiga empat"),
    })
    try:
        build(site, BuildOptions(output_dir=str(tmp_path / "out"), jobs=1))
    finally:
        sys.modules.pop("kimpress_hitung_kata", None)
    data = json.loads((tmp_path / "out/statistik/kata.json").read_text(encoding="utf-8"))
    assert data == {"/loktuan/banjir/": 4}
