"""YAML mistakes are reported with a specific code at the right file line, in plain words.

Every case runs with both YAML back ends: libyaml (``yaml.CSafeLoader``, the default when
installed) and pure-Python PyYAML (``yaml.SafeLoader``), whose own messages differ.
"""

from __future__ import annotations

import re

import pytest
import yaml

from kimpress.config import yamltext
from kimpress.config.site import load_config
from kimpress.config.yamltext import YamlProblem, load_yaml, loader_class
from kimpress.core.errors import ConfigError, error
from kimpress.core.messages import MESSAGES
from kimpress.core.wording import format_diagnostic
from kimpress.source.frontmatter import parse_document

BASES = [
    pytest.param(yaml.SafeLoader, id="pyyaml"),
    pytest.param(getattr(yaml, "CSafeLoader", None), id="libyaml",
                 marks=pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")),
]


@pytest.fixture(params=BASES)
def base(request, monkeypatch):
    """Make every ``load_yaml`` of the test use the kimpress loader built on this base."""
    monkeypatch.setattr(yamltext, "_Loader", loader_class(request.param))
    return request.param


# (YAML text, code, line within the YAML text, params that must be present)
MISTAKES = [
    pytest.param('title: A\nauthor: "Rina\ndate: 2018-11-12\n', "yaml-unclosed-quote", 2, {"quote": '"'},
                 id="double-quote-unclosed"),
    pytest.param("title: 'Rapat warga\ndate: 2018-11-12\n", "yaml-unclosed-quote", 1, {"quote": "'"},
                 id="single-quote-unclosed"),
    pytest.param('title: A\ntags: ["kim, posyandu]\ndate: 2018-11-12\n', "yaml-unclosed-quote", 2, {"quote": '"'},
                 id="quote-unclosed-in-flow-list"),
    pytest.param("title: A\ntags: ['kim, posyandu]\n", "yaml-unclosed-quote", 2, {"quote": "'"},
                 id="single-quote-unclosed-in-flow-list"),
    pytest.param('title: A\nsummary: "Rapat warga\n  membahas anggaran\n  dan jadwal\ndate: 2018-11-12\n',
                 "yaml-unclosed-quote", 2, {"quote": '"'}, id="quote-unclosed-multi-line"),
    pytest.param('title: "Rapat\ndate: 2018-11-12\nauthor: "Rina"\n', "yaml-unclosed-quote", 1, {"quote": '"'},
                 id="quote-closed-by-a-later-quote"),
    pytest.param('title: "Rapat" hasilnya\n', "yaml-text-after-quote", 1, {"quote": '"'}, id="text-after-quote"),
    pytest.param("title: 'Jum'at bersih'\n", "yaml-text-after-quote", 1, {"quote": "'"}, id="apostrophe-in-quotes"),
    pytest.param("title: A\ntags:\n\t- kim\n", "yaml-tab", 3, {}, id="tab-before-list-item"),
    pytest.param("kontak:\n  email: a@b.id\n\tnama: Rina\n", "yaml-tab", 3, {}, id="tab-before-nested-key"),
    pytest.param("summary: |\n  baris satu\n\tbaris dua\n", "yaml-tab", 3, {}, id="tab-in-block-text"),
    pytest.param("title: Rapat: hasilnya\n", "yaml-colon-in-value", 1, {}, id="colon-in-value"),
    pytest.param("title: A\nauthor: Rina: Puspita\n", "yaml-colon-in-value", 2, {}, id="colon-in-second-value"),
    pytest.param("title: *PENTING* rapat\n", "yaml-indicator", 1, {"char": "*"}, id="value-starts-with-star"),
    pytest.param("title: A\nauthor: @rina\n", "yaml-indicator", 2, {"char": "@"}, id="value-starts-with-at"),
    pytest.param("title: `kode` baru\n", "yaml-indicator", 1, {"char": "`"}, id="value-starts-with-backtick"),
    pytest.param("title: %50 diskon\n", "yaml-indicator", 1, {"char": "%"}, id="value-starts-with-percent"),
    pytest.param("title: & rapat\n", "yaml-indicator", 1, {"char": "&"}, id="value-starts-with-ampersand"),
    pytest.param("title: !! penting\n", "yaml-indicator", 1, {"char": "!"}, id="value-starts-with-bang"),
    pytest.param("title: |rapat\n", "yaml-indicator", 1, {"char": "|"}, id="value-starts-with-pipe"),
    pytest.param("title: A\nsummary: > rapat\n  warga\n", "yaml-indicator", 2, {"char": ">"},
                 id="value-starts-with-greater-than"),
    pytest.param("title: ? rapat\n", "yaml-indicator", 1, {"char": "?"}, id="value-starts-with-question-mark"),
    pytest.param("title: A\nsummary: ] rapat\n", "yaml-indicator", 2, {"char": "]"},
                 id="value-starts-with-closing-bracket"),
    pytest.param("title: , rapat\n", "yaml-indicator", 1, {"char": ","}, id="value-starts-with-comma"),
    pytest.param("title: !penting rapat\n", "yaml-unsafe-tag", 1, {"tag": "!penting"}, id="value-with-a-tag"),
    pytest.param("title: A\ntags: [kim, posyandu\ndate: 2018-11-12\n", "yaml-unclosed-flow", 2,
                 {"open": "[", "close": "]"}, id="unclosed-list"),
    pytest.param("title: A\ntags: [kim,\n  posyandu\n", "yaml-unclosed-flow", 2, {"open": "["},
                 id="unclosed-list-at-the-end"),
    pytest.param("kontak: {email: a@b.id\ndate: 2018-11-12\n", "yaml-unclosed-flow", 1, {"open": "{", "close": "}"},
                 id="unclosed-braces"),
    pytest.param("tags: [kim: posyandu: rapat]\n", "yaml-unclosed-flow", 1, {"open": "["}, id="colons-in-a-list"),
    pytest.param("kontak:\n    email: a@b.id\n  nama: Rina\n", "yaml-bad-indent", 3, {}, id="indent-less-than-above"),
    pytest.param("title: A\n  date: 2018-11-12\n", "yaml-bad-indent", 2, {}, id="indent-more-than-above"),
    pytest.param("title: A\nRina Puspita\ndate: 2018-11-12\n", "yaml-missing-colon", 2, {}, id="missing-colon"),
    pytest.param("title: A\n- kim\n", "yaml-dash-not-allowed", 2, {}, id="list-item-under-a-text"),
    pytest.param("tags: - kim\n", "yaml-dash-not-allowed", 1, {}, id="list-item-after-the-colon"),
    pytest.param("tags:\n  - kim\n - posyandu\n", "yaml-dash-not-allowed", 3, {}, id="list-items-not-lined-up"),
    pytest.param("tags:\n  - kim\n  nama: Rina\n", "yaml-list-item-expected", 3, {}, id="key-among-list-items"),
    pytest.param('title: A\ncover: "C:\\data\\foto.jpg"\n', "yaml-bad-escape", 2, {"escape": "\\d"},
                 id="backslash-in-double-quotes"),
    pytest.param('summary: "baris satu\n  di C:\\data"\n', "yaml-bad-escape", 2, {"escape": "\\d"},
                 id="backslash-on-the-second-line"),
    pytest.param('title: "kode \\xZZ"\n', "yaml-bad-escape", 1, {"escape": "\\x"}, id="bad-hex-escape"),
    pytest.param('title: "\\U00110000"\n', "yaml-bad-escape", 1, {"escape": "\\U"}, id="escape-out-of-range"),
    pytest.param("title: A\nsummary: *PENTING rapat\n", "yaml-undefined-alias", 2, {"name": "PENTING"},
                 id="undefined-alias"),
    pytest.param("title: A\nsummary: ada\x07bel\n", "yaml-bad-character", 2, {"char": "U+0007"},
                 id="control-character"),
    pytest.param("title: A\x00\n", "yaml-bad-character", 1, {"char": "U+0000"}, id="nul-character"),
    pytest.param("summary: a\x85  b\nauthor: 'Rina\n", "yaml-unclosed-quote", 2, {},
                 id="next-line-character-is-not-a-file-line"),
    pytest.param("title: A\nsummary: a\u2028b\n", "yaml-missing-colon", 2, {}, id="line-separator-in-a-value"),
    pytest.param("? [a, b]\n: c\n", "yaml-complex-key", 1, {}, id="list-as-key"),
    pytest.param("title: A\n{a: 1}: c\n", "yaml-complex-key", 2, {}, id="mapping-as-key"),
    pytest.param("a: &x 1\nb: &x 2\n", "yaml-duplicate-anchor", 2, {"name": "x"}, id="duplicate-anchor"),
    pytest.param("title: A\ntitle: B\n", "yaml-duplicate-key", 2, {"key": "title"}, id="duplicate-key"),
    pytest.param("tags: [kim, , posyandu]\n", "yaml-syntax", 1, {}, id="empty-list-item"),
    pytest.param("title: A\n<<: 1\n", "yaml-syntax", 2, {}, id="bad-merge"),
    pytest.param("x: " + "[" * 2000 + "]" * 2000 + "\n", "yaml-too-deep", 1, {}, id="too-deep"),
]

# Only a file that is YAML through and through can hold a --- line: in front matter it closes the fence.
SITE_ONLY_MISTAKES = [
    pytest.param("title: A\n---\nbase_url: https://contoh.id/\n", "yaml-second-document", 2, {}, id="second-document"),
    pytest.param("title: A\n...\nbase_url: https://contoh.id/\n", "yaml-second-document", 2, {},
                 id="document-end-then-more"),
    pytest.param("%YAML 1.1\n%YAML 1.1\n---\ntitle: A\n", "yaml-indicator", 2, {"char": "%"}, id="directive-twice"),
]


def front_matter_problem(yaml_text: str):
    """The single diagnostic of a Markdown file whose front matter is ``yaml_text``."""
    _, diagnostics = parse_document("content/loktuan/x.md", "---\n" + yaml_text + "---\nIsi.\n")
    [diagnostic] = diagnostics
    assert diagnostic.path == "content/loktuan/x.md"
    return diagnostic


def site_yaml_problem(make_site, yaml_text: str):
    """The single diagnostic of a site whose site.yaml is ``yaml_text`` (written byte for byte)."""
    site = make_site({"site.yaml": yaml_text.encode("utf-8")})
    with pytest.raises(ConfigError) as caught:
        load_config(site)
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.path == "site.yaml"
    return diagnostic


@pytest.mark.parametrize("yaml_text, code, line, params", MISTAKES)
def test_front_matter_mistake_has_its_code_and_file_line(base, yaml_text, code, line, params):
    diagnostic = front_matter_problem(yaml_text)
    assert (diagnostic.code, diagnostic.line) == (code, line + 1)  # the YAML starts on file line 2
    for key, value in params.items():
        assert diagnostic.param_dict[key] == value


@pytest.mark.parametrize("yaml_text, code, line, params", MISTAKES + SITE_ONLY_MISTAKES)
def test_site_yaml_mistake_has_its_code_and_file_line(base, make_site, yaml_text, code, line, params):
    diagnostic = site_yaml_problem(make_site, yaml_text)
    assert (diagnostic.code, diagnostic.line) == (code, line)
    for key, value in params.items():
        assert diagnostic.param_dict[key] == value


def test_duplicate_anchor_names_the_first_file_line(base):
    diagnostic = front_matter_problem("title: A\na: &x 1\nb: &x 2\n")
    assert (diagnostic.line, diagnostic.param_dict["first_line"]) == (4, 3)


def test_windows_line_endings_in_site_yaml_keep_file_lines(base, make_site):
    diagnostic = site_yaml_problem(make_site, "title: A\r\nbase_url: https://contoh.id/\r\nauthor: 'Rina\r\n")
    assert (diagnostic.code, diagnostic.line) == ("yaml-unclosed-quote", 3)


def test_unclosed_quote_is_reported_where_it_opens_not_at_the_closing_fence(base):
    body = "".join(f"kolom{i}: nilai {i}\n" for i in range(20))
    diagnostic = front_matter_problem("title: A\nauthor: \"Rina\n" + body)
    assert (diagnostic.code, diagnostic.line) == ("yaml-unclosed-quote", 3)


def test_the_colon_example_quotes_the_writers_own_value(base):
    example = front_matter_problem("title: Rapat: hasilnya\n").param_dict["example"]
    assert yaml.safe_load(example) == {"title": "Rapat: hasilnya"}


def test_the_indicator_example_is_valid_yaml_keeping_the_value(base):
    example = front_matter_problem("title: A\nauthor: @rina\n").param_dict["example"]
    assert yaml.safe_load(example) == {"author": "@rina"}


def test_both_back_ends_are_really_used(base):
    """A tab after a colon is refused by PyYAML only: the fixture's back end must be the one loading."""
    _, diagnostics = parse_document("content/loktuan/x.md", "---\ntitle:\tA\n---\nIsi.\n")
    if base is yaml.SafeLoader:
        assert [(d.code, d.line) for d in diagnostics] == [("yaml-tab", 2)]
    else:
        assert diagnostics == []


def test_load_yaml_defaults_to_libyaml_when_installed():
    assert issubclass(yamltext._Loader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))


# ---------------------------------------------------------------------------
# No raw PyYAML or libyaml English ever reaches the writer
# ---------------------------------------------------------------------------

RAW_PHRASES = ["found", "expected", "while scanning", "while parsing", "mapping values", "could not find",
               "did not find", "end of stream", "block end", "token", "scalar", "simple key", "in this context",
               "not allowed here", "unacceptable", "special characters", "control characters", "constructor",
               "unhashable", "hexadecimal", "hexdecimal", "alphabetic", "indicator", "directive", "document start",
               "stream", "flow", "anchor", "sequence", "<", "codec", "chr()", "position"]

BROKEN = [param.values[0] for param in MISTAKES + SITE_ONLY_MISTAKES] + [
    "title: A, date: b\n", "title: Rapat:\n", "title: a\n  b: c\n", "title: [Kabar\n", "tags: [a, b]x\n",
    "title: &\n", "title: *\n", "title: !<kode rapat\n", "title: |0\n  x\n", "title: |++\n  x\n",
    "title: >-x\n", "%50 diskon\n", "%YAML 2.0\n---\na: 1\n", "%TAG ! a\n%TAG ! b\n---\nx\n",
    "a: !x!y z\n", ": x\n", "- a\nb: c\n", "- a: b\n c: d\n", "title: \"a\n---\nb\"\n", "title: 'a' b\n",
    "a" * 1100 + " b\nc: d\n", "k: {a: b: c}\n", "a: !!str\n- b\n",
    "title: A\n\tdate: x\n", "title: A\x7f\n", "[a]: b\n", "title: A\n...\nfoo\n", "\"ti\"tle: x\n",
    "kontak:\n  email: a\n nama: b\n", "tags:\n    - a\n  - b\n", "title: " + "[" * 60 + "]" * 60 + "\n",
    "x:\n" + "".join(" " * depth + "-\n" for depth in range(1200)),
]


def raw_english(base: type, text: str) -> list[str]:
    """The library's own context and problem strings for ``text``."""
    try:
        yaml.load(text, Loader=base)
    except yaml.MarkedYAMLError as exc:
        return [part for part in (exc.context, exc.problem) if part]
    except yaml.YAMLError as exc:
        return [str(getattr(exc, "reason", ""))]
    except (ValueError, RecursionError) as exc:
        return [str(exc)]
    return []


# Mistakes only one back end refuses (the other loads them).
ONE_BACK_END = [("SafeLoader", "title:\tA\n"), ("CSafeLoader", "%FOO\n---\na: 1\n"),
                ("CSafeLoader", 'a: "\\ud800"\n'),
                ("CSafeLoader", "k: [a, b:]\n")]


@pytest.mark.parametrize("loader_base, text", [
    *[pytest.param(base.values[0], text, id=f"{base.id}-{index}", marks=base.marks)
      for base in BASES for index, text in enumerate(BROKEN)],
    *[pytest.param(getattr(yaml, name, None), text, id=f"{name}-only-{index}",
                   marks=pytest.mark.skipif(not hasattr(yaml, name), reason="no libyaml"))
      for index, (name, text) in enumerate(ONE_BACK_END)],
])
def test_no_library_english_in_the_messages(loader_base, text):
    with pytest.raises(YamlProblem) as caught:
        load_yaml(text, first_line=2, loader=loader_class(loader_base))
    problem = caught.value
    assert problem.code in MESSAGES
    file_lines = text.count("\n") + 2
    assert problem.line is not None and 2 <= problem.line <= file_lines
    diagnostic = error(problem.code, "content/loktuan/x.md", problem.line, **problem.params)
    for language in ("id", "en"):
        message = format_diagnostic(diagnostic, language).split(": ", 1)[1]
        shown = message
        for value in sorted(map(str, problem.params.values()), key=len, reverse=True):
            shown = shown.replace(value, "")  # the writer's own text may say anything
        lowered = shown.lower()
        assert not [phrase for phrase in RAW_PHRASES if phrase in lowered], message
        assert not [raw for raw in raw_english(loader_base, text) if raw.lower() in message.lower()], message
        assert "None" not in shown and "{'" not in shown and "\\x" not in shown, message
        assert not re.search(r"\{[a-z_]+\}", message), message
    assert format_diagnostic(diagnostic, "id") != format_diagnostic(diagnostic, "en")


def test_every_yaml_code_reads_in_both_languages_without_library_words():
    for code, pair in MESSAGES.items():
        if not code.startswith("yaml-"):
            continue
        for template in pair:
            assert template.strip() and "{detail}" not in template, code
            assert not [phrase for phrase in ("found", "expected", "token", "while scanning", "while parsing")
                        if phrase in template.lower()], code
