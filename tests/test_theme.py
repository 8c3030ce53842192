"""Theme chain: a site theme overrides or extends the packaged default theme."""

from __future__ import annotations

import pytest
from conftest import MINIMAL_CONFIG, article, build_site, parse_html

from kimpress.core.errors import ConfigError, TemplateError


def _h1(path):
    return "".join(parse_html(path).find(".//h1").itertext()).strip()


def test_site_theme_overrides_one_template_and_inherits_the_rest(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("Judul A"),
        "themes/warga/templates/page.html": """\
            {% extends "base.html" %}
            {% block content %}<h1>HALAMAN {{ page.title }}</h1>{% endblock %}
            """,
        "content/tentang.md": "---\ntitle: Tentang\n---\nIsi.\n",
    }, config=MINIMAL_CONFIG + "theme: warga\n")
    build_site(site)
    out = site / "output"
    assert _h1(out / "tentang/index.html") == "HALAMAN Tentang"
    # Not overridden: still the default article template, inside the default base.
    assert _h1(out / "satimpo/a/index.html") == "Judul A"
    assert parse_html(out / "tentang/index.html").find(".//a[@class='skip']") is not None


def test_site_theme_extends_the_default_version_of_the_same_template(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("Judul A"),
        "themes/warga/templates/article.html": """\
            {% extends "default/article.html" %}
            {% block title %}KHUSUS {{ super() }}{% endblock %}
            """,
    }, config=MINIMAL_CONFIG + "theme: warga\n")
    build_site(site)
    tree = parse_html(site / "output/satimpo/a/index.html")
    assert tree.find(".//title").text.startswith("KHUSUS Judul A")
    assert _h1(site / "output/satimpo/a/index.html") == "Judul A"


def test_theme_strings_override_the_default_ones(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("Judul A"),
        "themes/warga/i18n/id.yaml": "latest: Kabar paling baru\n",
    }, config=MINIMAL_CONFIG + "theme: warga\n")
    build_site(site)
    assert _h1(site / "output/index.html") == "Kabar paling baru"


def test_missing_theme_is_a_config_error(make_site):
    site = make_site({}, config=MINIMAL_CONFIG + "theme: tidak-ada\n")
    with pytest.raises(ConfigError) as caught:
        build_site(site)
    assert [d.code for d in caught.value.diagnostics] == ["theme-missing"]


def test_template_syntax_error_is_located_and_nothing_is_written(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("Judul A"),
        "themes/warga/templates/article.html": "{% extends 'base.html' %}\n{% block content %}\n{% if %}\n{% endblock %}\n",
    }, config=MINIMAL_CONFIG + "theme: warga\n")
    with pytest.raises(TemplateError) as caught:
        build_site(site)
    problem = caught.value.diagnostics[0]
    assert (problem.code, problem.path, problem.line) == ("template-syntax", "themes/warga/templates/article.html", 3)
    assert not (site / "output").exists()


def test_template_runtime_error_names_template_and_line(make_site):
    site = make_site({
        "content/satimpo/2018-11-12-a.md": article("Judul A"),
        "themes/warga/templates/article.html": "{% extends 'base.html' %}\n{% block content %}\n{{ 1 // 0 }}\n{% endblock %}\n",
    }, config=MINIMAL_CONFIG + "theme: warga\n")
    with pytest.raises(TemplateError) as caught:
        build_site(site)
    problem = caught.value.diagnostics[0]
    assert (problem.code, problem.path, problem.line) == ("template-render", "themes/warga/templates/article.html", 3)


@pytest.mark.parametrize("name", ["ABSOLUTE", "../../../rahasia.txt", "default/../../../../rahasia.txt",
                                  "./../rahasia.txt"])
def test_a_template_name_never_reaches_a_file_outside_the_theme_templates(make_site, name):
    site = make_site({"content/tentang.md": "---\ntitle: Tentang\n---\nIsi.\n"}, config=MINIMAL_CONFIG + "theme: warga\n")
    secret = site.parent / "rahasia.txt"
    secret.write_text("KATA-SANDI-RAHASIA", encoding="utf-8")
    (site / "rahasia.txt").write_text("KATA-SANDI-RAHASIA", encoding="utf-8")
    name = str(secret) if name == "ABSOLUTE" else name
    (site / "themes/warga/templates").mkdir(parents=True)
    (site / "themes/warga/templates/page.html").write_text(
        '{% extends "base.html" %}{% block content %}{% include "' + name + '" %}{% endblock %}', encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        build_site(site)
    assert [d.code for d in caught.value.diagnostics] == ["template-missing"]
    assert not (site / "output").exists() or not any(
        b"KATA-SANDI" in p.read_bytes() for p in (site / "output").rglob("*") if p.is_file())
