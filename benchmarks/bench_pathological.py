"""Conversion times of pathological Markdown bodies, with and without kimpress.limits.

    python benchmarks/bench_pathological.py [--unguarded] [--only NAME ...]

Two groups of bodies: "over" ones break a limit (the guard rejects them before
conversion, so the build never pays for them) and "under" ones sit just inside
every limit (they must convert in well under two seconds). By default a rejected
body is not converted; ``--unguarded`` converts it anyway, which may take minutes.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import sys
import time

from kimpress.markdown.convert import MarkdownRenderer
from kimpress.markdown.limits import (
    DENSITY_BUDGET,
    MAX_ABBREVIATIONS,
    MAX_BODY_CHARS,
    MAX_DEFINITIONS_IN_A_BLOCK,
    MAX_FOOTNOTES,
    MAX_HEADINGS,
    MAX_HTML_TAGS,
    MAX_LINES,
    MAX_MARKUP,
    MAX_NESTING,
    SCAN_BUDGET,
    check_body,
)

SENTENCE = ("Warga Kelurahan Loktuan bergotong royong membersihkan saluran air menjelang musim hujan, "
            "diikuti ketua RT, kader posyandu, dan pemuda karang taruna setempat. ")
PARAGRAPH = SENTENCE * 4 + "\n\n"


def prose(size: int) -> str:
    return PARAGRAPH * (size // len(PARAGRAPH))


def over() -> dict[str, str]:
    """Bodies that break a limit (the sizes of the task that motivated kimpress.limits)."""
    return {
        "8 MB prose": prose(8_000_000),
        "10,000 [": "[" * 10_000,
        "5,000 [(": "[(" * 5_000,
        "2,500 [a](": "[a](" * 2_500,
        "2,500 [a](\"x)": "[a](\"x) " * 2_500,
        "list nested 1,000 levels": "".join("    " * i + "- x\n" for i in range(1_000)),
        "list nested 300 levels": "".join("  " * i + "- x\n" for i in range(300)),
        "10,000 nested >": ">" * 10_000 + " x\n",
        "1,000 lines of deeper >": "".join(">" * i + " x\n" for i in range(1, 1_000)),
        "emphasis *x* nested 2,000": "*" * 2_000 + "x" + "*" * 2_000,
        "emphasis '*a ' nested 1,000": "*a " * 1_000 + "x" + " a*" * 1_000,
        "100,000 &amp; in a paragraph": "&amp;" * 100_000,
        "100,000 &amp; lines": "&amp;\n" * 19_000,
        "40,000 <a in a paragraph": "<a" * 40_000,
        "4,000 lines of <a": "<a\n" * 4_000,
        "20,000 *a* in a paragraph": "*a* " * 20_000,
        "25,000 `a` in a paragraph": "`a` " * 25_000,
        "backtick runs 1..1000": "".join("`" * i + " " for i in range(1, 1_000)),
        "40,000 table rows": "| a | b | c |\n|---|---|---|\n" + "| satu | dua | tiga |\n" * 40_000,
        "200,000 cells": "|a|b|\n|-|-|\n" + "|a|b|\n" * 33_000,
        "80,000 tiny paragraphs": "x\n\n" * 80_000,
        "40,000 headings '# x'": "# x\n" * 40_000,
        "10,000 footnotes": "".join(f"Teks[^{i}].\n\n" for i in range(10_000))
        + "".join(f"[^{i}]: Catatan {i}.\n" for i in range(10_000)),
        "2,000 abbreviations": "".join(f"*[A{i}]: b\n" for i in range(2_000)) + "A1 " * 1_000,
        "50,000 hard breaks": "x  \n" * 50_000,
        "2,000 '# x' before 400 KB, no blank line": "# x\n" * 2_000 + ("kata " * 20 + "\n") * 4_000,
        "1,000 rules before 400 KB, no blank line": "x\n***\n" * 1_000 + ("kata " * 20 + "\n") * 4_000,
        "1,000 definitions, no blank line": "a\n: b\n" * 1_000,
    }


def under() -> dict[str, str]:
    """Bodies just inside every limit: the worst a build may be asked to convert."""
    long_paragraph = SENTENCE * (100_000 // len(SENTENCE))
    em = int((DENSITY_BUDGET / 8) ** 0.5)  # "*a* " x n: 2n marks in 4n characters
    return {
        "prose at the size limit": prose(MAX_BODY_CHARS - 1_000),
        "flat list at the line limit": "- x\n" * (MAX_LINES - 1),
        "tiny paragraphs at the line limit": "x\n\n" * (MAX_LINES // 2 - 1),
        "headings '# x' at the limit": "# x\n\n" * MAX_HEADINGS + "x\n" * (MAX_LINES - 2 * MAX_HEADINGS - 1),
        "rules before a block at the split budget": "x\n***\n" * 60 + ("kata " * 20 + "\n") * 7_800,
        "definitions at the limit": ("a\n: b\n" * MAX_DEFINITIONS_IN_A_BLOCK + "\n") * 50,
        "table cells at the markup limit": "|a|b|c|d|e|\n|-|-|-|-|-|\n" + "|a|b|c|d|e|\n" * (MAX_MARKUP // 6 - 4),
        "&amp; at the markup limit, short paragraphs": ("&amp;" * 100 + "\n\n") * (MAX_MARKUP // 100),
        "*a* at the density limit": "*a* " * em,
        "`a` at the density limit": "`a` " * em,
        "&amp; lines at the density limit": "&amp;\n" * int((DENSITY_BUDGET / 6) ** 0.5),
        "hard breaks at the density limit": "x  \n" * int((DENSITY_BUDGET / 4) ** 0.5),
        "links at the density limit": "".join(f"[a](https://b.id/{i}) " for i in range(6_500)),
        "<a lines at the tag limit": "<a\n" * MAX_HTML_TAGS,
        "<b> at the tag limit in a paragraph": "<b>" * MAX_HTML_TAGS,
        "unclosed [ in a 100 KB paragraph": "[" * (SCAN_BUDGET // 100_000 - 1) + long_paragraph,
        "unclosed [ at the scan budget": "[" * int((2 * SCAN_BUDGET) ** 0.5 * 0.95),
        "list nested at the limit": "".join("    " * i + "- x\n" for i in range(MAX_NESTING // 2)),
        "quotes nested at the limit": ">" * MAX_NESTING + " x\n",
        "emphasis nested at the limit": "*a " * 20 + "x" + " a*" * 20,
        "footnotes at the limit": "".join(f"Teks[^{i}].\n\n" for i in range(MAX_FOOTNOTES))
        + "".join(f"[^{i}]: Catatan {i}.\n" for i in range(MAX_FOOTNOTES)),
        "abbreviations at the limit + 990 KB": "".join(f"*[AB{i}]: b\n" for i in range(MAX_ABBREVIATIONS))
        + prose(990_000),
        "abbreviations used at the markup limit": "".join(f"*[AB{i}]: b\n" for i in range(MAX_ABBREVIATIONS))
        + ("AB1 AB2 kata AB3 AB50 " * 10 + "\n\n") * (MAX_MARKUP // 40 - 10),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unguarded", action="store_true", help="also convert the bodies the guard rejects")
    parser.add_argument("--only", nargs="*", help="run only cases whose name contains one of these")
    args = parser.parse_args(argv)
    renderer = MarkdownRenderer("id")
    print(f"{'case':46} {'chars':>9} {'check s':>8} {'convert s':>9}  verdict")
    for group, cases in (("over", over()), ("under", under())):
        print(f"-- {group} the limits")
        for name, text in cases.items():
            if args.only and not any(word in name for word in args.only):
                continue
            started = time.perf_counter()
            found = check_body("x.md", text)
            checked = time.perf_counter() - started
            verdict = ", ".join(sorted({d.code for d in found})) or "accepted"
            converted = "-"
            if not found or args.unguarded:
                started = time.perf_counter()
                try:
                    renderer.render(text)
                    converted = f"{time.perf_counter() - started:9.3f}"
                except RecursionError:
                    converted = f"{time.perf_counter() - started:6.3f} RecursionError"
            print(f"{name:46} {len(text):9d} {checked:8.3f} {converted:>9}  {verdict}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
