"""Prove that skipping untriggerable inline patterns changes nothing, and time it.

    .venv/bin/python benchmarks/compare_markdown_paths.py

Renders every body of the benchmark corpus (benchmarks/work/site-a1000-k15-s1, made by
bench_build.py or generate_corpus.py), of the demo content and every string constant
in tests/ twice: with kimpress's renderer and with the trigger step taken out
(Python-Markdown trying every pattern). Prints how many differ (must be 0) and the
median of 3 timings of the corpus bodies both ways.
"""
import ast
import glob
import pathlib
import time

from kimpress.markdown.convert import MarkdownRenderer
from kimpress.source.frontmatter import parse_document

bodies = []
for path in sorted(glob.glob("benchmarks/work/site-a1000-k15-s1/content/**/*.md", recursive=True)) + sorted(glob.glob("content/**/*.md", recursive=True)):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    doc, _ = parse_document(path, text)
    bodies.append(doc.body if doc else text)
n_files = len(bodies)
for path in glob.glob("tests/*.py"):
    for node in ast.walk(ast.parse(pathlib.Path(path).read_text())):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 2:
            bodies.append(node.value)
fast = MarkdownRenderer()
slow = MarkdownRenderer()
slow._md.treeprocessors.deregister("kimpress_inline_triggers")
diff = 0
for body in bodies:
    resolve = lambda href: "/x/" + href
    try:
        a = slow.render(body, resolve)
    except Exception as exc:
        a = ("raised", type(exc).__name__)
    try:
        b = fast.render(body, resolve)
    except Exception as exc:
        b = ("raised", type(exc).__name__)
    if a != b:
        diff += 1
        if diff < 4: print("DIFF", repr(body[:200]))
print(f"{len(bodies)} bodies ({n_files} files), {diff} differ")
corpus = bodies[:1015]
for name, r in (("without", slow), ("with", fast)):
    times = []
    for _ in range(3):
        t = time.perf_counter()
        for body in corpus: r.render(body, lambda h: "/x/")
        times.append(time.perf_counter() - t)
    print(name, "triggers:", sorted(times)[1])
