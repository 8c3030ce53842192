"""What publishing adds: ``kimpress check`` on a generated site, and reading the git history for redirects.

    python benchmarks/bench_publish.py [--articles 1000] [--moves 200] [--runs 5]

1. ``kimpress check --format json`` on the generated corpus (``generate_corpus.py``,
   15 kelurahan, seed 1; reused from ``benchmarks/work/`` as ``bench_build.py`` does),
   a new process per run, first with no cache, then after a ``kimpress build`` so the
   check reuses its Markdown. Median and min-max of ``--runs``.
2. The corpus copied into a fresh git repository, committed, then ``--moves`` articles
   renamed (a new slug), one commit each, as edits through the web editor come. Timed:
   ``read_history`` with no cache (three git calls), with the cache of that commit (one
   call), and a full build of that repository with no cache, which writes the redirects.

Nothing about time is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_build import ensure_corpus  # noqa: E402

WORK = HERE / "work"
GIT = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@b"}


def timed(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def summary(samples: list[float]) -> str:
    return f"median {statistics.median(samples):.2f} s (min {min(samples):.2f}, max {max(samples):.2f})"


def bench_check(site: Path, runs: int, scratch: Path) -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(scratch / "cache")}
    command = [sys.executable, "-m", "kimpress", "check", str(site), "--format", "json"]
    cold = []
    for _ in range(runs):
        shutil.rmtree(scratch / "cache", ignore_errors=True)
        cold.append(timed(command, env))
    subprocess.run([sys.executable, "-m", "kimpress", "build", str(site), "--output", str(scratch / "out"), "-q"],
                   env=env, check=True)
    warm = [timed(command, env) for _ in range(runs)]
    problems = json.loads(subprocess.run(command, env=env, capture_output=True, text=True).stdout)
    return {"cold": cold, "after_build": warm, "problems": len(problems["problems"])}


def bench_history(site: Path, moves: int, runs: int, scratch: Path) -> dict:
    from kimpress.source.history import read_history

    repo = scratch / "repo"
    shutil.copytree(site, repo)
    env = {**os.environ, **GIT}
    git = ["git", "-c", "core.quotePath=false"]
    subprocess.run(git + ["init", "-q"], cwd=repo, env=env, check=True)
    subprocess.run(git + ["add", "-A"], cwd=repo, env=env, check=True)
    subprocess.run(git + ["commit", "-qm", "corpus"], cwd=repo, env=env, check=True)
    articles = sorted(path for path in (repo / "content").glob("*/*.md") if not path.name.startswith("_"))
    articles = articles[::max(1, len(articles) // moves)][:moves]
    for article in articles:
        target = article.with_name(article.stem + "-diperbarui.md")  # a new slug, as a rename in the editor gives
        subprocess.run(git + ["mv", str(article), str(target)], cwd=repo, env=env, check=True)
        subprocess.run(git + ["commit", "-qm", f"move {article.name}"], cwd=repo, env=env, check=True)
    cold, warm = [], []
    for run in range(runs):
        cache = scratch / f"history-{run}"
        started = time.perf_counter()
        history = read_history(repo, cache)
        cold.append(time.perf_counter() - started)
        started = time.perf_counter()
        read_history(repo, cache)
        warm.append(time.perf_counter() - started)
    env_build = {**os.environ, "XDG_CACHE_HOME": str(scratch / "build-cache")}
    build = timed([sys.executable, "-m", "kimpress", "build", str(repo), "--output", str(scratch / "repo-out"),
                   "--no-cache", "-q"], env_build)
    plain = timed([sys.executable, "-m", "kimpress", "build", str(site), "--output", str(scratch / "plain-out"),
                   "--no-cache", "-q"], env_build)
    written = sum(1 for path in (scratch / "repo-out").rglob("index.html")
                  if b'http-equiv="refresh"' in path.read_bytes())
    return {"moved": len(articles), "moved_files_seen": len(history.places), "cold": cold, "cached": warm,
            "build_no_cache_s": build, "plain_build_s": plain, "redirect_pages": written}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    site = WORK / f"site-a{args.articles}-k15-s1"
    ensure_corpus(site, args.articles, 15, 1)
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        check = bench_check(site, args.runs, scratch)
        print(f"kimpress check, {args.articles} articles, no cache: {summary(check['cold'])}")
        print(f"kimpress check, after a build: {summary(check['after_build'])} ({check['problems']} problems)")
        history = bench_history(site, args.moves, args.runs, scratch)
        print(f"git history, {history['moved']} moves ({history['moved_files_seen']} seen): "
              f"{summary(history['cold'])} no cache; {summary(history['cached'])} cached")
        print(f"build of that repository with --no-cache: {history['build_no_cache_s']:.2f} s, "
              f"{history['redirect_pages']} redirect pages")
        print(f"the same corpus without git, --no-cache: {history['plain_build_s']:.2f} s")


if __name__ == "__main__":
    main()
