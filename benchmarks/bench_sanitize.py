"""Time finding what the sanitiser removed: the old html.parser diff of every body vs ``removed_markup``.

    python benchmarks/bench_sanitize.py [SITE ...] [--articles 1000] [--kelurahan 15] [--seed 1] [--runs 5]

Each SITE is a site folder (``content/**/*.md``; ``.`` is this repository's real
content); by default the corpus of ``generate_corpus.py`` in
``benchmarks/work/site-a<N>-k<K>-s<SEED>/``, generated when missing, as
``bench_build.py`` does. Every body is converted once with
``MarkdownRenderer`` and the HTML handed to ``clean_html`` is kept. Then, over all
bodies, each timed ``--runs`` times (median shown):

- old: ``html.parser`` parses the HTML before and after sanitising, always
  (the diff ``removed_markup`` did for every body, kept inline below);
- new: ``kimpress.markdown.sanitize.removed_markup``;
- both again with a Markdown footnote added to every body: its ``&#160;`` is
  rewritten by nh3, so the new way cannot just see the HTML come back unchanged;
- both with ``clean_html`` itself included: the whole sanitising step.

Before a site is timed, old and new must give the same removals for every body;
otherwise the body is shown, the site is not timed and the exit status is 1.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

from kimpress.markdown import convert
from kimpress.markdown.convert import MarkdownRenderer
from kimpress.markdown.sanitize import Removal, clean_html, removed_markup
from kimpress.source.frontmatter import parse_document

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_build import ensure_corpus  # (after the path is set)


class _OldMarkup(HTMLParser):
    """Each start tag as ``<tag>``, each attribute as ``<tag attribute>``, with its values (the old diff)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[str] = Counter()
        self.values: dict[str, Counter[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found[f"<{tag}>"] += 1
        for name, value in dict(reversed(attrs)).items():
            key = f"<{tag} {name}>"
            self.found[key] += 1
            self.values.setdefault(key, Counter())[value or ""] += 1


def _old_markup(html: str) -> _OldMarkup:
    parser = _OldMarkup()
    parser.feed(html)
    parser.close()
    return parser


def old_removed_markup(before: str, after: str) -> list[Removal]:
    """``removed_markup`` as it was: both documents parsed with ``html.parser``, every time."""
    was, now = _old_markup(before), _old_markup(after)
    gone = [key for key in was.found if was.found[key] > now.found[key]]
    removed = []
    for key in gone:
        tag, _, attribute = key[1:-1].partition(" ")
        if not attribute:
            removed.append(Removal(tag))
        elif f"<{tag}>" not in gone or now.found[f"<{tag}>"]:
            kept = now.values.get(key, Counter())
            value = next((value for value, count in was.values[key].items() if count > kept[value]), "")
            removed.append(Removal(tag, attribute, value))
    return removed


def markdown_html(site: Path) -> list[str]:
    """The HTML ``MarkdownRenderer.render`` hands to ``clean_html``, for every Markdown file of ``site``."""
    seen: list[str] = []

    def keep(html: str) -> str:
        seen.append(html)
        return clean_html(html)

    renderer = MarkdownRenderer()
    convert.clean_html = keep
    try:
        for path in sorted((site / "content").rglob("*.md")):
            document, _ = parse_document(path.as_posix(), path.read_text(encoding="utf-8"))
            renderer.render(document.body)
    finally:
        convert.clean_html = clean_html
    return seen


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


FOOTNOTE = '\n<div class="footnote">\n<ol>\n<li id="fn:1">\n<p>Catatan.&#160;<a class="footnote-backref" href="#fnref:1">&#8617;</a></p>\n</li>\n</ol>\n</div>'


def identical(pairs: list[tuple[str, str]]) -> int | None:
    """How many pairs had something removed; None (after showing one) if old and new disagree on any."""
    removing = 0
    for before, after in pairs:
        old, new = old_removed_markup(before, after), removed_markup(before, after)
        if old != new:
            print(f"DIFFERENT removals for {before[:200]!r}: old {old}, new {new}", file=sys.stderr)
            return None
        removing += bool(old)
    return removing


def bench(site: Path, runs: int) -> bool:
    """Print the figures for ``site``; False if old and new disagree on any body."""
    bodies = markdown_html(site)
    pairs = [(html, clean_html(html)) for html in bodies]
    # Markdown writes a footnote's spaces as &#160;, which nh3 rewrites: such a body is decided by the tokeniser.
    noted = [(html + FOOTNOTE, clean_html(html + FOOTNOTE)) for html in bodies]
    removing, removing_noted = identical(pairs), identical(noted)
    if removing is None or removing_noted is None:
        return False
    unchanged = sum(before == after for before, after in pairs)
    chars = sum(len(html) for html in bodies)
    print(f"{site}: {len(bodies)} bodies ({chars / 1e6:.2f} M characters of HTML), {unchanged} returned unchanged by "
          f"nh3, {removing} with removals ({removing_noted} with a footnote added); old and new removals identical "
          f"for every body. Median of {runs} runs:")
    rows = [
        ("what was removed (diff only)", lambda: [old_removed_markup(b, a) for b, a in pairs],
         lambda: [removed_markup(b, a) for b, a in pairs]),
        ("  the same, a footnote in each", lambda: [old_removed_markup(b, a) for b, a in noted],
         lambda: [removed_markup(b, a) for b, a in noted]),
        ("sanitising (clean_html + diff)", lambda: [old_removed_markup(h, clean_html(h)) for h in bodies],
         lambda: [removed_markup(h, clean_html(h)) for h in bodies]),
    ]
    for label, old_work, new_work in rows:
        old, new = median_seconds(old_work, runs), median_seconds(new_work, runs)
        print(f"  {label:32} old {old * 1000:8.2f} ms   new {new * 1000:8.2f} ms   old/new {old / new:6.1f}x"
              f"   saved {(old - new) * 1000:7.2f} ms")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", type=Path, nargs="*", metavar="SITE", help="site folders (default: the corpus)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--kelurahan", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    sites = args.sites
    if not sites:
        sites = [HERE / "work" / f"site-a{args.articles}-k{args.kelurahan}-s{args.seed}"]
        ensure_corpus(sites[0], args.articles, args.kelurahan, args.seed)
    agreed = [bench(site, args.runs) for site in sites]  # every site, even after a disagreement
    return 0 if all(agreed) else 1


if __name__ == "__main__":
    sys.exit(main())
