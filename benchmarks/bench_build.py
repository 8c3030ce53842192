"""Time full builds of a generated site: median of cold builds, a no-op rebuild, peak memory.

    python benchmarks/bench_build.py [--articles 1000] [--kelurahan 15] [--runs 3] [--json FILE]

Each build runs `python -m kimpress build` in a child process through a tiny
wrapper that prints the child's own peak RSS (ru_maxrss) when it exits, so the
figure is the build's, not the benchmark's.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WRAPPER = ("import resource, sys; from kimpress.cli import main; code = main(sys.argv[1:]); "
           "print('MAXRSS_KIB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)")


def run_build(site: Path, output: Path) -> tuple[float, float]:
    """One build; return (seconds, peak RSS in MiB)."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, "build", str(site), "--output", str(output), "--quiet"],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr}")
    rss = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("MAXRSS_KIB"))
    return seconds, rss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--kelurahan", type=int, default=15)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    work = HERE / "work"
    site = work / f"site-{args.articles}-{args.kelurahan}"
    if not (site / "site.yaml").exists():
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(site), "--articles", str(args.articles),
                        "--kelurahan", str(args.kelurahan), "--force"], check=True)
    output = work / f"output-{args.articles}"
    cold = []
    for _ in range(args.runs):
        shutil.rmtree(output, ignore_errors=True)
        cold.append(run_build(site, output))
    noop = run_build(site, output)
    files = sum(1 for p in output.rglob("*") if p.is_file())
    result = {
        "articles": args.articles, "kelurahan": args.kelurahan, "runs": args.runs, "output_files": files,
        "cold_median_s": statistics.median(s for s, _ in cold), "cold_min_s": min(s for s, _ in cold),
        "cold_max_s": max(s for s, _ in cold), "peak_rss_median_mib": statistics.median(m for _, m in cold),
        "noop_rebuild_s": noop[0], "cpus": os.cpu_count(), "python": platform.python_version(),
    }
    for key, value in result.items():
        print(f"{key:22} {value:.2f}" if isinstance(value, float) else f"{key:22} {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
