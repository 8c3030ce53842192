"""Bodies too large or too convoluted for Python-Markdown stop the build, located.

Each pathological body would stall or crash the conversion (see
benchmarks/bench_pathological.py for the times); the build must instead report
the file, the line where the trouble starts, and the limit. Times are never
asserted here.
"""

from __future__ import annotations

import pytest
from conftest import build_site, parse_html

from kimpress.core.errors import KimpressError
from kimpress.core.messages import MESSAGES
from kimpress.markdown import limits
from kimpress.markdown.limits import check_body

P = "content/loktuan/x.md"
FRONT = "---\ntitle: A\ndate: 2018-11-12\n---\n"  # four lines: the body starts on line 5
BODY = FRONT.count("\n") + 1
INTRO = "Kabar dari Loktuan.\n\n"  # two lines, so trouble starts on the body's third line
NESTED_1000 = INTRO + "".join("    " * i + "- x\n" for i in range(1_000))  # 2 MB of indentation


def failing(site):
    with pytest.raises(KimpressError) as caught:
        build_site(site)
    return caught.value.diagnostics


def only(diagnostics, code):
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, [(d.code, d.path, d.line) for d in diagnostics]
    return found[0]


PATHOLOGICAL = [
    pytest.param("x\n" * 20_001, "body-too-many-lines", BODY + 20_000, id="too-many-lines"),
    pytest.param(INTRO + "[" * 10_000, "unclosed-brackets", BODY + 2, id="10000-open-brackets"),
    pytest.param(INTRO + "Teks biasa.\n" + "[(" * 5_000, "unclosed-brackets", BODY + 3, id="brackets-and-parens"),
    pytest.param(INTRO + "[a](" * 2_500, "unclosed-brackets", BODY + 2, id="unclosed-link-destinations"),
    pytest.param(INTRO + "".join("`" * i + " " for i in range(1, 600)), "unclosed-brackets", BODY + 2,
                 id="unclosed-backtick-runs"),
    pytest.param(NESTED_1000, "body-too-large", BODY + NESTED_1000.count("\n", 0, limits.MAX_BODY_CHARS),
                 id="list-nested-1000-levels"),
    pytest.param(INTRO + "".join("    " * i + "- x\n" for i in range(30)), "nesting-too-deep", BODY + 2 + 20,
                 id="list-nested-30-levels"),
    pytest.param(INTRO + ">" * 10_000 + " kutipan\n", "nesting-too-deep", BODY + 2, id="quote-nested-10000"),
    pytest.param(INTRO + "*" * 2_000 + "x" + "*" * 2_000, "emphasis-too-deep", BODY + 2, id="stars-nested"),
    pytest.param(INTRO + "_a " * 1_000 + "x" + " a_" * 1_000, "emphasis-too-deep", BODY + 2, id="underscores-nested"),
    pytest.param(INTRO + "&amp;" * 20_000, "paragraph-too-dense", BODY + 2, id="entities-in-one-paragraph"),
    pytest.param(INTRO + "x  \n" * 19_000, "paragraph-too-dense", BODY + 2, id="hard-breaks-in-one-paragraph"),
    pytest.param(INTRO + "<a\n" * 2_001, "too-many-html-tags", BODY + 2, id="unclosed-tags"),
    pytest.param(INTRO + "|a|b|\n|-|-|\n" + "|a|b|\n" * 11_000, "too-much-markup", BODY + 2, id="table-cells"),
    pytest.param(INTRO + "## Bagian\n\n" * 2_001, "too-many-headings", BODY + 2, id="headings"),
    pytest.param(INTRO + "".join(f"Teks[^{i}].\n\n[^{i}]: Catatan.\n\n" for i in range(1_001)),
                 "too-many-footnotes", BODY + 4, id="footnotes"),
    pytest.param(INTRO + "".join(f"*[A{i}]: singkatan\n" for i in range(101)) + "\nA1 dan A2.\n",
                 "too-many-abbreviations", BODY + 2, id="abbreviations"),
    pytest.param(INTRO + "istilah\n: arti\n" * 101, "too-many-definitions", BODY + 2, id="definitions-in-a-row"),
    pytest.param(INTRO + "# x\n" * 200 + ("kata " * 20 + "\n") * 4_000, "block-too-long", BODY + 2,
                 id="headings-without-blank-lines"),
]


@pytest.mark.parametrize("body, code, line", PATHOLOGICAL)
def test_pathological_body_is_reported_not_converted(make_site, body, code, line):
    site = make_site({P: FRONT + body})
    problem = only(failing(site), code)
    assert (problem.path, problem.line) == (P, line)
    assert problem.is_error
    assert problem.param_dict["limit"] > 0
    assert code in MESSAGES


def test_eight_megabytes_stop_at_the_size_limit(make_site):
    paragraph = "Warga bergotong royong membersihkan saluran air menjelang musim hujan. " * 10 + "\n\n"
    body = paragraph * (8_000_000 // len(paragraph))
    site = make_site({P: FRONT + body})
    problem = only(failing(site), "body-too-large")
    assert problem.path == P
    assert problem.line == BODY + body.count("\n", 0, limits.MAX_BODY_CHARS)
    assert problem.param_dict == {"size": len(body), "limit": limits.MAX_BODY_CHARS}


def test_other_articles_still_checked_and_nothing_written(make_site):
    site = make_site({P: FRONT + "[" * 10_000, "content/loktuan/y.md": FRONT + "Isi biasa.\n"})
    diagnostics = failing(site)
    assert [d.code for d in diagnostics if d.is_error] == ["unclosed-brackets"]
    assert not (site / "output").exists()


def test_kelurahan_profile_is_checked_too(make_site):
    site = make_site({"content/loktuan/_index.md": "---\nname: Lok Tuan\n---\n" + "*a " * 500 + "x" + " a*" * 500})
    problem = only(failing(site), "emphasis-too-deep")
    assert (problem.path, problem.line) == ("content/loktuan/_index.md", 4)


def _long_article() -> str:
    """About 300 KB of ordinary writing: paragraphs with links and emphasis, lists, tables, headings."""
    sections = []
    for number in range(120):
        sections.append(f"## Bagian {number}: kegiatan warga\n\n")
        sections.append(("Warga RT 05 bergotong royong (bersama kader posyandu) membersihkan saluran air "
                         "menjelang musim hujan; lihat [laporan](https://contoh.id/laporan?id=5&hal=2) dan "
                         "**jadwal** _kerja bakti_ berikutnya. ") * 6 + "\n\n")
        sections.append("".join(f"- butir ke-{i} dengan [tautan](https://contoh.id/{i}) dan `kode`\n"
                                for i in range(10)) + "\n")
        sections.append("| No | Nama | Jumlah |\n|---:|------|-------:|\n"
                        + "".join(f"| {i} | Warga {i} | Rp{i * 1000} |\n" for i in range(15)) + "\n")
        sections.append("> Kutipan warga: *\"Kami senang\"* kata ketua RT.\n\n1. satu\n    1. dua\n        - tiga\n\n")
    return "".join(sections)


def test_a_long_real_article_still_builds(make_site):
    body = _long_article()
    assert 250_000 < len(body) < limits.MAX_BODY_CHARS
    assert check_body(P, body) == []
    site = make_site({P: FRONT + body})
    result = build_site(site)
    assert result.site.articles
    tree = parse_html(site / "output/loktuan/x/index.html")
    assert len(tree.findall(".//table")) == 120
    assert len(tree.findall(".//h2")) >= 120


def test_code_blocks_are_not_counted_but_unclosed_fences_are():
    code = "```\n" + "[" * 10_000 + "\n" + "<a\n" * 3_000 + "```\n"
    assert check_body(P, "Teks.\n\n" + code) == []
    unclosed = "```\n" + "[" * 10_000 + "\n"
    assert [d.code for d in check_body(P, "Teks.\n\n" + unclosed)] == ["unclosed-brackets"]


def test_ordinary_brackets_and_stars_pass():
    body = ("Harga 5 * 3 = 15 [sic] dan (catatan) *) berlaku, `a` [x][y] [^1] \\[ \\* " * 50 + "\n\n") * 20
    assert check_body(P, body) == []


def test_lines_are_counted_from_the_body_start_in_the_file():
    found = check_body(P, "a\n\nb\n" + "[" * 5_000, first_line=10)
    assert [(d.code, d.line, d.param_dict["count"]) for d in found] == [("unclosed-brackets", 13, 5_000)]
