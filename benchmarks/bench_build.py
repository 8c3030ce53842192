"""Time full builds of a generated site: cold builds, a no-op rebuild, peak memory.

    python benchmarks/bench_build.py [--articles 1000] [--kelurahan 15] [--runs 3] [--seed 1] [--json FILE]
                                     [--out-root DIR]

Run it with the interpreter that has kimpress installed (e.g. ``.venv/bin/python``):
every build is ``<this python> -m kimpress build SITE --output OUT --quiet`` in a
child process, i.e. the ``kimpress build`` command, interpreter start-up included.

1. The corpus is generated once by ``generate_corpus.py`` into
   ``benchmarks/work/site-a<N>-k<K>-s<SEED>/`` and reused while the parameter line
   at the top of its ``site.yaml`` matches (same generator format, same arguments).
2. ``--runs`` cold builds: the output folder is deleted before each one.
3. One no-op rebuild: the same command again with the last output kept.

Before each build the benchmark calls ``os.sync()`` (outside the timed region), so
the previous run's writes and the deletion are not flushed during the next one.

Wall time is ``time.perf_counter()`` around the child. Peak RSS and the child's
CPU time (user and system) are its ``wait4()`` rusage, read through
``/usr/bin/time -f '%M %U %S' -o FILE`` when GNU time is present and passes a
calibration check at start-up (a probe child that touches 200 MiB must get the
``ru_maxrss`` it reports about itself, within 10 %: GNU time 1.7 printed 4x too
much), otherwise through a small ``python -c`` wrapper that runs
``kimpress.cli.main`` and writes ``getrusage`` of RUSAGE_SELF and RUSAGE_CHILDREN
to a file at exit. Both count the whole process (interpreter start-up, imports,
the in-memory site) and would also cover worker processes kimpress waits for.
(``getrusage(RUSAGE_CHILDREN)`` in this process is not used: its ``ru_maxrss`` is a
running maximum over every child so far, so it cannot give one build's peak.)

"Other load" is the CPU time the whole machine spent busy during a build (from
``/proc/stat``) minus the build's own: other processes, and kernel threads such
as writeback. Above 0.25 CPUs the figures are flagged as disturbed.

``--out-root /dev/shm`` puts the output on tmpfs, which leaves out the cost of
creating ~2,400 files and ~1,000 folders on a real disk (large and noisy on some
virtual machines; see README.md).
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
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
GNU_TIME = "/usr/bin/time"
sys.path.insert(0, str(HERE))
from generate_corpus import FORMAT  # noqa: E402  (the corpus format the generator writes)

WRAPPER = """\
import resource, sys
from kimpress.cli.main import main
try:
    code = main(sys.argv[2:])
finally:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(sys.argv[1], "w") as handle:
        handle.write(f"{max(me.ru_maxrss, kids.ru_maxrss)} {me.ru_utime + kids.ru_utime} {me.ru_stime + kids.ru_stime}")
sys.exit(code)
"""
PROBE = "import resource; b = bytearray(200 * 2**20); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
TIME_FORMAT = "%M %U %S"  # peak RSS KiB, user s, system s


@dataclass(frozen=True)
class Sample:
    """One build as measured from outside."""

    seconds: float  # wall time
    rss_mib: float  # peak resident set size of the build process
    user_seconds: float  # CPU time of the build process in user mode
    system_seconds: float  # ... and in the kernel (file creation is most of it on a cold build)
    other_cpu_seconds: float | None  # CPU time the rest of the machine used meanwhile (None: no /proc/stat)

    @property
    def cpu_seconds(self) -> float:
        return self.user_seconds + self.system_seconds


def machine_busy_seconds() -> float | None:
    """CPU seconds every CPU has spent busy since boot (from /proc/stat), or None."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(v) for v in fields[:8]]
    busy = sum(ticks) - ticks[3] - ticks[4]  # everything but idle and iowait
    return busy / os.sysconf("SC_CLK_TCK")


def corpus_header(articles: int, kelurahan: int, seed: int) -> str:
    return f"# kimpress-bench-corpus {FORMAT} articles={articles} kelurahan={kelurahan} seed={seed}"


def ensure_corpus(site: Path, articles: int, kelurahan: int, seed: int) -> bool:
    """Generate the corpus unless a complete one with these parameters is there; True if generated."""
    header = corpus_header(articles, kelurahan, seed)
    config = site / "site.yaml"
    if config.is_file() and config.read_text(encoding="utf-8").split("\n", 1)[0] == header:
        return False
    subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(site), "--articles", str(articles),
                    "--kelurahan", str(kelurahan), "--seed", str(seed), "--force"], check=True)
    return True


def gnu_time_works() -> bool:
    """True if /usr/bin/time -f %M reports a child's ru_maxrss in KiB (checked on a probe)."""
    if not os.access(GNU_TIME, os.X_OK):
        return False
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "rss"
        try:
            done = subprocess.run([GNU_TIME, "-f", TIME_FORMAT, "-o", str(report), sys.executable, "-c", PROBE],
                                  capture_output=True, text=True, timeout=60)
            own, measured = int(done.stdout.strip()), int(report.read_text().split()[-3])
        except (OSError, ValueError, IndexError, subprocess.SubprocessError):
            return False
    return done.returncode == 0 and abs(measured - own) <= 0.1 * own


class Runner:
    """Runs one build in a child process and measures wall time and peak RSS."""

    def __init__(self, use_gnu_time: bool) -> None:
        self.use_gnu_time = use_gnu_time
        self.method = (f"{GNU_TIME} -f '{TIME_FORMAT}' (the wait4() rusage of the child)" if use_gnu_time
                       else "python -c wrapper: getrusage(RUSAGE_SELF and RUSAGE_CHILDREN) at exit")

    def build(self, site: Path, output: Path) -> Sample:
        """One ``kimpress build``; exit with its messages if it fails."""
        args = ["build", str(site), "--output", str(output), "--quiet"]
        with tempfile.TemporaryDirectory() as scratch:
            report = Path(scratch) / "rss"
            if self.use_gnu_time:
                command = [GNU_TIME, "-f", TIME_FORMAT, "-o", str(report), sys.executable, "-m", "kimpress", *args]
            else:
                command = [sys.executable, "-c", WRAPPER, str(report), *args]
            if hasattr(os, "sync"):
                os.sync()  # flush the previous run's writes (and the deletion) outside the timed region
            busy_before = machine_busy_seconds()
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True)
            seconds = time.perf_counter() - started
            busy_after = machine_busy_seconds()
            if done.returncode != 0:
                sys.stderr.write(f"build failed (exit {done.returncode}): {' '.join(command)}\n"
                                 f"{done.stdout}{done.stderr}")
                raise SystemExit(1)
            kib, user, system = report.read_text().split()[-3:]  # GNU time may put a status line first
        cpu = float(user) + float(system)
        other = None if busy_before is None or busy_after is None else max(0.0, busy_after - busy_before - cpu)
        return Sample(seconds, int(kib) / 1024, float(user), float(system), other)


def count_files(folder: Path) -> tuple[int, int]:
    """(files, bytes) under ``folder``, kimpress's own manifest left out."""
    files = [p for p in folder.rglob("*") if p.is_file() and p.name != ".kimpress-manifest.json"]
    return len(files), sum(p.stat().st_size for p in files)


def kimpress_version() -> str:
    done = subprocess.run([sys.executable, "-m", "kimpress", "--version"], capture_output=True, text=True)
    return (done.stdout or done.stderr).strip()


def describe(sample: Sample) -> str:
    text = (f"{sample.seconds:.2f} s wall, CPU {sample.user_seconds:.2f} s user + {sample.system_seconds:.2f} s sys, "
            f"{sample.rss_mib:.1f} MiB")
    if sample.other_cpu_seconds is not None:
        text += f", other load {sample.other_cpu_seconds / sample.seconds:.2f} CPUs"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--kelurahan", type=int, default=15)
    parser.add_argument("--runs", type=int, default=3, help="cold builds (default 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results to FILE")
    parser.add_argument("--out-root", type=Path, metavar="DIR", default=HERE / "work",
                        help="folder for the build output (default benchmarks/work; e.g. /dev/shm to leave "
                             "the disk's file-creation cost out)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    work = HERE / "work"
    name = f"a{args.articles}-k{args.kelurahan}-s{args.seed}"
    site, output = work / f"site-{name}", args.out_root.resolve() / f"out-{name}"
    started = time.perf_counter()
    generated = ensure_corpus(site, args.articles, args.kelurahan, args.seed)
    generate_seconds = time.perf_counter() - started
    print(f"corpus: {site} ({'generated in %.1f s' % generate_seconds if generated else 'reused'})")

    runner = Runner(gnu_time_works())
    print(f"peak RSS and CPU time via: {runner.method}")
    cold: list[Sample] = []
    for run in range(args.runs):
        shutil.rmtree(output, ignore_errors=True)
        cold.append(runner.build(site, output))
        print(f"  cold build {run + 1}/{args.runs}: {describe(cold[-1])}", flush=True)
    noop = runner.build(site, output)
    print(f"  no-op rebuild: {describe(noop)}", flush=True)
    files, size = count_files(output)

    times = [sample.seconds for sample in cold]
    others = [sample.other_cpu_seconds / sample.seconds for sample in cold + [noop]
              if sample.other_cpu_seconds is not None]
    result = {
        "articles": args.articles, "kelurahan": args.kelurahan, "seed": args.seed, "runs": args.runs,
        "cold_median_s": round(statistics.median(times), 3), "cold_min_s": round(min(times), 3),
        "cold_max_s": round(max(times), 3), "cold_runs_s": [round(t, 3) for t in times],
        "cold_cpu_median_s": round(statistics.median(sample.cpu_seconds for sample in cold), 3),
        "cold_user_median_s": round(statistics.median(sample.user_seconds for sample in cold), 3),
        "cold_sys_median_s": round(statistics.median(sample.system_seconds for sample in cold), 3),
        "peak_rss_median_mib": round(statistics.median(sample.rss_mib for sample in cold), 1),
        "noop_rebuild_s": round(noop.seconds, 3), "noop_cpu_s": round(noop.cpu_seconds, 3),
        "noop_sys_s": round(noop.system_seconds, 3),
        "noop_peak_rss_mib": round(noop.rss_mib, 1),
        "other_load_max_cpus": round(max(others), 2) if others else None,
        "output_files": files, "output_bytes": size, "output_dir": str(output),
        "nproc": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
        "kimpress": kimpress_version(), "rss_method": runner.method,
        "command": f"{sys.executable} -m kimpress build {site} --output {output} --quiet",
    }

    rows = [
        ("articles / kelurahan", f"{args.articles} / {args.kelurahan} (seed {args.seed})"),
        (f"cold build, median of {args.runs}", f"{result['cold_median_s']:.2f} s wall "
                                               f"(CPU {result['cold_user_median_s']:.2f} s user + "
                                               f"{result['cold_sys_median_s']:.2f} s sys)"),
        ("cold build, min / max", f"{result['cold_min_s']:.2f} s / {result['cold_max_s']:.2f} s"),
        ("peak RSS, median of cold", f"{result['peak_rss_median_mib']:.1f} MiB"),
        ("no-op rebuild (output kept)", f"{result['noop_rebuild_s']:.2f} s wall "
                                        f"(CPU {noop.user_seconds:.2f} s user + {noop.system_seconds:.2f} s sys)"),
        ("output files (w/o manifest)", f"{files} ({size / 2**20:.1f} MiB)"),
        ("machine", f"nproc {result['nproc']}, Python {result['python']}, {result['kimpress']}"),
    ]
    if others:
        rows.append(("other load during builds", f"up to {max(others):.2f} CPUs busy with other work"
                     + ("  <- figures disturbed, rerun on a quiet machine" if max(others) > 0.25 else "")))
    width = max(len(label) for label, _ in rows)
    print()
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"\nresults written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
