"""Time ``kimpress serve`` from an article edit to a consistent site, a no-op rebuild, peak memory.

    python benchmarks/bench_serve.py [--corpus PATH ...] [--articles 1000,10000] [--runs 5]
                                     [--poll-ms 2] [--http-poll-ms 2] [--timeout 120] [--no-build] [--json FILE]

Run it with the interpreter that has kimpress installed (e.g. ``.venv/bin/python``).
For each corpus (``--corpus PATH``, repeatable: a site made by ``generate_corpus.py``;
or ``--articles N,M``: ``benchmarks/work/site-a<N>-k15-s1/``, generated if missing, as
``bench_build.py`` does):

1. The corpus is copied into a temporary folder (the original is never edited) and
   ``XDG_CACHE_HOME`` points at a temporary folder too, so the preview starts cold.
2. A real ``<python> -m kimpress serve SITE --port 0`` runs as a child process. It
   prints ``Pratinjau: http://127.0.0.1:PORT/ ...`` once the first build is written;
   its ``Dibangun ulang: N berkas ditulis, M dihapus, X,XX detik.`` lines are read
   with the time they arrive.
3. ``--runs`` edits, each of a different article among the newest (those on the home
   page and on the first page of every list that shows them). Before the edit, the
   benchmark takes a phrase from the start of the article's first paragraph (plain
   text, at most 200 characters, found in no other source file): the first paragraph
   is the summary that list pages and feeds show, and feeds carry the full content.
   Every file of the preview folder
   (``$XDG_CACHE_HOME/kimpress/<key>/preview/``, ``<key>`` from
   ``kimpress.cache.cache_dir``) that holds the phrase is a page or feed that shows the
   article. The edit puts a unique marker in front of the phrase with a plain
   ``open(..., "w").write()``; ``time.perf_counter()`` is read right before it. Two
   threads then poll until the marker is there: one GETs the article page from the
   server every ``--http-poll-ms`` (a new connection each time: the server speaks
   HTTP/1.0), one checks the files on disk every ``--poll-ms`` (a file is read again
   only when its inode, size or mtime changed). Reported per run:

   - **page served**: the HTTP response of the article page holds the marker;
   - **page on disk**: its ``index.html`` in the preview folder does;
   - **site consistent**: the page (served and on disk) and every file that held the
     phrase before the edit hold the marker.

   After each run the benchmark waits until the server has been quiet (no new rebuild
   line) before the next edit, and checks that no file outside the set got the marker.
4. **Serve no-op**: ``os.utime`` on an article (same bytes, new mtime), ``--runs`` times;
   the time until the server's rebuild line arrives, and the seconds it reports.
5. **Peak memory of the server**: ``VmHWM`` (and ``VmRSS``) from ``/proc/<pid>/status``
   after the initial build and after all runs.
6. Unless ``--no-build``, after the server has stopped: one ``kimpress build SITE -o OUT
   --quiet`` that fills the build memory in the cache, then ``--runs`` no-op rebuilds
   with the site unchanged. Wall time (``perf_counter`` around the child, interpreter
   start-up included), peak RSS and CPU time from the child's ``wait4()`` rusage.

The polling shares the machine with the server, and HTTP polling costs the server's
own process a little CPU (one request handler thread per GET): raise ``--http-poll-ms``
to see how much that changes the figures.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_build import ensure_corpus, kimpress_version, machine_busy_seconds  # noqa: E402

URL_LINE = re.compile(r"^(?:Pratinjau|Preview): (http://\S+)")
# Each build of the server: "[10:30:58] Dibangun ulang: 31 berkas ditulis, 0 dihapus, 0,63 detik." (the first
# one may say "Dibangun:" / "Built:"); English sites get "Rebuilt: 31 files written, 0 deleted, 0.63 s."
REBUILD_LINE = re.compile(r"(?:Dibangun(?: ulang)?: (\d+) berkas ditulis, (\d+) dihapus, (\d+,\d+) detik"
                          r"|(?:Rebuilt|Built): (\d+) files written, (\d+) deleted, (\d+\.\d+) s)\.")
FAILED_LINE = re.compile(r"Gagal dibangun ulang|Rebuild failed")
DATE_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}-")
MARKUP = re.compile(r"[*_`\[\]<>&!#|\\]")  # Markdown or HTML would change the text between source and output
PHRASE_MIN, PHRASE_MAX = 40, 200  # summaries are cut at 300 characters; the marker goes in front
MANIFEST = ".kimpress-manifest.json"


# --- the corpus ------------------------------------------------------------------------

@dataclass
class Article:
    path: Path  # the source file in the copied site
    when: tuple  # (y, m, d, H, M) local time, as written
    page: str  # output path of its page, relative to the preview folder
    url_path: str  # its URL path on the preview server


def front_matter_date(text: str) -> tuple | None:
    """The date of an article as (y, m, d, H, M), in any of the three formats the corpus writes."""
    match = re.search(r"^date: *(.+)$", text.split("\n---", 1)[0], re.M)
    if not match:
        return None
    value = match.group(1).strip()
    for pattern in ("%Y-%m-%d %H:%M", "%d/%m/%Y %H.%M", "%Y-%m-%dT%H:%M:%S%z"):
        try:
            moment = datetime.strptime(value, pattern)
        except ValueError:
            continue
        return (moment.year, moment.month, moment.day, moment.hour, moment.minute)
    return None


def newest_articles(site: Path) -> list[Article]:
    """Every article of the site, newest first (the corpus writes all dates in the site's time zone)."""
    found = []
    for path in (site / "content").glob("*/*.md"):
        if path.name == "_index.md":
            continue
        when = front_matter_date(path.read_text(encoding="utf-8"))
        if when is None:
            continue
        kel, slug = path.parent.name, DATE_PREFIX.sub("", path.stem)
        found.append(Article(path, when, f"{kel}/{slug}/index.html", f"/{kel}/{slug}/"))
    found.sort(key=lambda a: (a.when, str(a.path)), reverse=True)
    return found


def body_of(text: str) -> str:
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") and "\n---\n" in text else text


def first_phrase(article: Article, texts: dict[Path, str]) -> str | None:
    """A phrase from the start of the first paragraph that no other source holds, or None."""
    text = texts[article.path]
    first = body_of(text).lstrip("\n").split("\n\n", 1)[0]
    if "\n" in first or first.startswith(("#", "-", "|", "1.")):
        return None  # not a one-line plain paragraph
    plain = MARKUP.split(first, 1)[0]
    length = PHRASE_MIN
    while length <= min(PHRASE_MAX, len(plain)):
        cut = plain[:length]
        cut = cut if length == len(plain) else cut.rsplit(" ", 1)[0]
        if len(cut) >= PHRASE_MIN and text.count(cut) == 1 and not any(
                cut in other for path, other in texts.items() if path != article.path):
            return cut
        length += 40
    return None


def files_holding(folder: Path, needle: bytes) -> list[str]:
    """Output files (relative paths) whose bytes contain ``needle``."""
    hits = []
    for path in folder.rglob("*"):
        if path.is_file() and path.name != MANIFEST and not path.name.startswith(".kimpress-"):
            try:
                if needle in path.read_bytes():
                    hits.append(path.relative_to(folder).as_posix())
            except OSError:
                pass
    return sorted(hits)


# --- the server ------------------------------------------------------------------------

class Server:
    """A ``kimpress serve`` child process whose output lines are kept with their arrival time."""

    def __init__(self, site: Path, env: dict[str, str]) -> None:
        self.started = time.perf_counter()
        self.proc = subprocess.Popen([sys.executable, "-m", "kimpress", "serve", str(site), "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                                     bufsize=1)
        self.lines: list[tuple[float, str]] = []  # stdout
        self.errors: list[tuple[float, str]] = []  # stderr
        self._cond = threading.Condition()
        for stream, into in ((self.proc.stdout, self.lines), (self.proc.stderr, self.errors)):
            threading.Thread(target=self._read, args=(stream, into), daemon=True).start()

    def _read(self, stream, into: list) -> None:
        for line in stream:
            stamp = time.perf_counter()
            with self._cond:
                into.append((stamp, line.rstrip("\n")))
                self._cond.notify_all()
        with self._cond:
            self._cond.notify_all()

    def wait_line(self, pattern: re.Pattern, start: int, timeout: float) -> tuple[int, float, re.Match] | None:
        """The first stdout line from index ``start`` on matching ``pattern``: (index, arrival, match)."""
        deadline = time.perf_counter() + timeout
        with self._cond:
            while True:
                for index in range(start, len(self.lines)):
                    match = pattern.search(self.lines[index][1])
                    if match:
                        return index, self.lines[index][0], match
                start = len(self.lines)
                left = deadline - time.perf_counter()
                if left <= 0 or self.proc.poll() is not None:
                    return None
                self._cond.wait(min(left, 0.5))

    def rebuilds_since(self, stamp: float) -> list[tuple[float, int, int, float]]:
        """(arrival, written, deleted, reported seconds) of every rebuild line that arrived after ``stamp``."""
        with self._cond:
            lines = [(t, line) for t, line in self.lines if t > stamp]
        found = []
        for arrival, line in lines:
            match = REBUILD_LINE.search(line)
            if match:
                written, deleted, seconds = [g for g in match.groups() if g is not None]
                found.append((arrival, int(written), int(deleted), float(seconds.replace(",", "."))))
        return found

    def failures_since(self, stamp: float) -> list[str]:
        with self._cond:
            return [line for t, line in self.errors if t > stamp and FAILED_LINE.search(line)]

    def settle(self, quiet: float, timeout: float = 120.0) -> None:
        """Wait until no stdout line has arrived for ``quiet`` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self._cond:
                last = self.lines[-1][0] if self.lines else self.started
            idle = time.perf_counter() - last
            if idle >= quiet:
                return
            time.sleep(quiet - idle)

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the server process so far (all its threads)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory(self) -> dict[str, float]:
        """VmHWM and VmRSS of the server process, in MiB."""
        result = {}
        try:
            for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
                name, _, value = line.partition(":")
                if name in ("VmHWM", "VmRSS"):
                    result[name] = int(value.split()[0]) / 1024
        except OSError:
            pass
        return result

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # kimpress stops cleanly and saves its memory
            try:
                self.proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def tail(self, count: int = 20) -> str:
        with self._cond:
            lines = sorted(self.lines + self.errors)[-count:]
        return "\n".join(line for _, line in lines)


# --- one edit --------------------------------------------------------------------------

def poll_http(host: str, port: int, path: str, marker: bytes, go: threading.Event, stop: threading.Event,
              interval: float, found: dict[str, float]) -> None:
    go.wait()
    while not stop.is_set():
        body = b""
        try:
            connection = http.client.HTTPConnection(host, port, timeout=10)
            connection.request("GET", path)
            body = connection.getresponse().read()
            connection.close()
        except (OSError, http.client.HTTPException):
            pass
        if marker in body:
            found["served"] = time.perf_counter()
            return
        time.sleep(interval)


def poll_disk(folder: Path, page: str, listed: list[str], marker: bytes, go: threading.Event,
              stop: threading.Event, interval: float, found: dict[str, float]) -> None:
    """Record when each file first holds the marker; a file is read again only when its stat changed."""
    pending = {name: None for name in {page, *listed}}
    go.wait()
    while pending and not stop.is_set():
        for name in list(pending):
            try:
                info = os.stat(folder / name)
            except OSError:
                continue
            key = (info.st_ino, info.st_size, info.st_mtime_ns)
            if key == pending[name]:
                continue
            pending[name] = key
            try:
                data = (folder / name).read_bytes()
            except OSError:
                pending[name] = None
                continue
            if marker in data:
                found[name] = time.perf_counter()
                del pending[name]
        time.sleep(interval)


@dataclass
class EditRun:
    article: str
    marker: str
    files: int  # pages and feeds that showed the article's phrase before the edit (the page included)
    served_s: float | None = None
    on_disk_s: float | None = None
    consistent_s: float | None = None
    last_file: str | None = None  # the file that got the marker last
    rebuilds: list[dict] = field(default_factory=list)  # the server's rebuild lines during the run
    stray: list[str] = field(default_factory=list)  # files that got the marker but did not hold the phrase
    other_load: float | None = None  # CPUs busy with other work during the run (not the server, not us)
    note: str = ""


class LoadMeter:
    """CPU the rest of the machine used over a stretch of time: all busy CPU minus the server's and ours."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.start = (time.perf_counter(), machine_busy_seconds(), server.cpu_seconds(), time.process_time())

    def other_cpus(self) -> float | None:
        now = (time.perf_counter(), machine_busy_seconds(), self.server.cpu_seconds(), time.process_time())
        if None in now or None in self.start or now[0] <= self.start[0]:
            return None
        other = (now[1] - self.start[1]) - (now[2] - self.start[2]) - (now[3] - self.start[3])
        return round(max(0.0, other) / (now[0] - self.start[0]), 2)


def edit_run(server: Server, base: str, preview: Path, article: Article, phrase: str, run: int,
             args: argparse.Namespace) -> EditRun:
    listed = files_holding(preview, phrase.encode("utf-8"))
    marker = f"KIMBENCH{run}X{secrets.token_hex(4).upper()}"
    result = EditRun(str(article.path.relative_to(article.path.parents[2])), marker, len(set(listed) | {article.page}))
    if article.page not in listed:
        result.note += f"the article page {article.page} did not hold the phrase; "
    if "index.html" not in listed:
        result.note += "the home page did not show the article; "
    text = article.path.read_text(encoding="utf-8")
    edited = text.replace(phrase, f"{marker} {phrase}", 1)
    needle = marker.encode()
    found: dict[str, float] = {}
    go, stop = threading.Event(), threading.Event()
    split = urlsplit(base)
    threads = [
        threading.Thread(target=poll_http, args=(split.hostname, split.port, article.url_path, needle, go, stop,
                                                 args.http_poll_ms / 1000, found), daemon=True),
        threading.Thread(target=poll_disk, args=(preview, article.page, listed, needle, go, stop,
                                                 args.poll_ms / 1000, found), daemon=True),
    ]
    for thread in threads:
        thread.start()
    lines_before = len(server.lines)
    load = LoadMeter(server)
    written_at = time.perf_counter()
    with open(article.path, "w", encoding="utf-8", newline="\n") as handle:  # a plain, non-atomic write
        handle.write(edited)
    go.set()
    deadline = written_at + args.timeout
    for thread in threads:
        thread.join(max(0.0, deadline - time.perf_counter()))
    stop.set()
    for thread in threads:
        thread.join()
    wanted = {article.page, *listed}
    if "served" in found:
        result.served_s = found["served"] - written_at
    if article.page in found:
        result.on_disk_s = found[article.page] - written_at
    if "served" in found and wanted <= set(found):
        last = max(found, key=found.get)
        result.consistent_s = found[last] - written_at
        result.last_file = "(served page)" if last == "served" else last
    else:
        missing = sorted(wanted - set(found)) + ([] if "served" in found else ["(served page)"])
        result.note += f"not consistent after {args.timeout:.0f} s: {', '.join(missing[:5])}; "
    # Wait for the rebuild's own line (it is printed after the files are written), then for quiet.
    server.wait_line(REBUILD_LINE, lines_before, args.timeout)
    result.other_load = load.other_cpus()
    server.settle(quiet=max(1.0, 1.5 * max([r[3] for r in server.rebuilds_since(written_at)], default=0.0)))
    result.rebuilds = [{"after_s": round(t - written_at, 4), "written": w, "deleted": d, "reported_s": s}
                       for t, w, d, s in server.rebuilds_since(written_at)]
    failures = server.failures_since(written_at)
    if failures:
        result.note += f"rebuild failed: {failures[0]}; "
    result.stray = sorted(set(files_holding(preview, needle)) - wanted)
    return result


def serve_noop(server: Server, path: Path, timeout: float) -> dict:
    """Touch ``path`` (same bytes, new mtime) and time the server's rebuild."""
    server.settle(quiet=1.0)
    start = len(server.lines)
    load = LoadMeter(server)
    touched_at = time.perf_counter()
    os.utime(path)
    seen = server.wait_line(REBUILD_LINE, start, timeout)
    if seen is None:
        return {"after_s": None, "note": f"no rebuild line within {timeout:.0f} s"}
    _, arrival, match = seen
    written, deleted, seconds = [g for g in match.groups() if g is not None]
    return {"after_s": round(arrival - touched_at, 4), "reported_s": float(seconds.replace(",", ".")),
            "written": int(written), "deleted": int(deleted), "other_load": load.other_cpus()}


# --- kimpress build no-op ----------------------------------------------------------------

def timed_build(site: Path, output: Path, env: dict[str, str]) -> dict:
    """One ``kimpress build`` child: wall time, and peak RSS and CPU time from its wait4() rusage."""
    command = [sys.executable, "-m", "kimpress", "build", str(site), "--output", str(output), "--quiet"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        if hasattr(os, "sync"):
            os.sync()
        busy, own = machine_busy_seconds(), time.process_time()
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        busy_after, own_after = machine_busy_seconds(), time.process_time()
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            out.seek(0)
            raise SystemExit(f"build failed (exit {child.returncode}): {' '.join(command)}\n"
                             f"{out.read().decode(errors='replace')}{err.read().decode(errors='replace')}")
    other = None
    if busy is not None and busy_after is not None:
        other = max(0.0, busy_after - busy - usage.ru_utime - usage.ru_stime - (own_after - own)) / seconds
    return {"seconds": round(seconds, 3), "rss_mib": round(usage.ru_maxrss / 1024, 1),
            "user_s": round(usage.ru_utime, 3), "sys_s": round(usage.ru_stime, 3),
            "other_load": None if other is None else round(other, 2)}


# --- one corpus ------------------------------------------------------------------------

def summary(values: list[float | None]) -> dict:
    got = [v for v in values if v is not None]
    if not got:
        return {"median": None, "max": None, "min": None, "missing": len(values)}
    return {"median": round(statistics.median(got), 4), "min": round(min(got), 4), "max": round(max(got), 4),
            "missing": len(values) - len(got)}


def bench_corpus(corpus: Path, args: argparse.Namespace) -> dict:
    scratch = Path(tempfile.mkdtemp(prefix="kimpress-bench-serve-", dir=args.work_root))
    site, cache, output = scratch / "site", scratch / "cache", scratch / "build-out"
    result: dict = {"corpus": str(corpus), "scratch": str(scratch)}
    try:
        started = time.perf_counter()
        shutil.copytree(corpus, site, ignore=shutil.ignore_patterns("output", "public", ".git"))
        result["copy_s"] = round(time.perf_counter() - started, 2)
        env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
        from kimpress.incremental.location import cache_dir  # the folder kimpress serve keeps for this site
        preview = cache_dir(site, cache / "kimpress") / "preview"

        articles = newest_articles(site)
        result["articles"] = len(articles)
        texts = {a.path: a.path.read_text(encoding="utf-8") for a in articles}
        texts.update({p: p.read_text(encoding="utf-8") for p in (site / "content").glob("*/_index.md")})
        chosen: list[tuple[Article, str]] = []
        for article in articles:
            phrase = first_phrase(article, texts)
            if phrase is not None:
                chosen.append((article, phrase))
            if len(chosen) == args.runs:
                break
        del texts
        if len(chosen) < args.runs:
            print(f"only {len(chosen)} articles have a first paragraph to mark; doing {len(chosen)} edits",
                  file=sys.stderr)
        print(f"\n== {corpus} ({len(articles)} articles), copied to {site} in {result['copy_s']:.1f} s", flush=True)

        server = Server(site, env)
        try:
            seen = server.wait_line(URL_LINE, 0, args.start_timeout)
            if seen is None:
                raise SystemExit(f"kimpress serve did not print its URL within {args.start_timeout:.0f} s:\n"
                                 f"{server.tail()}")
            _, arrival, match = seen
            base = match.group(1)
            first = server.rebuilds_since(0.0)
            result["initial"] = {"until_url_s": round(arrival - server.started, 2),
                                 "reported_s": first[0][3] if first else None,
                                 "files_written": first[0][1] if first else None,
                                 "memory_mib": server.memory()}
            result["preview_files"] = sum(1 for p in preview.rglob("*") if p.is_file()) - 1
            print(f"serve: {base} after {result['initial']['until_url_s']:.1f} s "
                  f"(build {result['initial']['reported_s']} s, {result['preview_files']} files in {preview})",
                  flush=True)
            server.settle(quiet=1.0)

            runs: list[EditRun] = []
            for run, (article, phrase) in enumerate(chosen, 1):
                one = edit_run(server, base, preview, article, phrase, run, args)
                runs.append(one)
                rebuilt = ", ".join(f"{r['reported_s']:.2f} s ({r['written']} written) at +{r['after_s']:.3f} s"
                                    for r in one.rebuilds)
                print(f"  edit {run}/{len(chosen)} {one.article}: served {fmt(one.served_s)}, "
                      f"on disk {fmt(one.on_disk_s)}, consistent {fmt(one.consistent_s)} "
                      f"({one.files} files, last {one.last_file}); server rebuilds: {rebuilt or 'none'}; "
                      f"other load {one.other_load} CPUs"
                      + (f"; NOTE {one.note}" if one.note else "")
                      + (f"; STRAY {one.stray[:5]}" if one.stray else ""), flush=True)
            result["runs"] = [run.__dict__ for run in runs]
            result["served"] = summary([r.served_s for r in runs])
            result["on_disk"] = summary([r.on_disk_s for r in runs])
            result["consistent"] = summary([r.consistent_s for r in runs])
            result["files_per_edit"] = summary([r.files for r in runs])
            result["server_rebuild_reported"] = summary([r.rebuilds[0]["reported_s"] if r.rebuilds else None
                                                         for r in runs])
            result["rebuild_line_after"] = summary([r.rebuilds[-1]["after_s"] if r.rebuilds else None for r in runs])

            # Touch an article no edit changed (the oldest one) for the serve-side no-op.
            noops = [serve_noop(server, articles[-1 - i % max(1, len(articles) - len(chosen))].path, args.timeout)
                     for i in range(args.runs)]
            for i, noop in enumerate(noops, 1):
                print(f"  serve no-op {i}/{len(noops)}: rebuild line after {fmt(noop.get('after_s'))}, "
                      f"reported {noop.get('reported_s')} s, {noop.get('written')} written; "
                      f"other load {noop.get('other_load')} CPUs", flush=True)
            result["serve_noop_runs"] = noops
            result["serve_noop_line_after"] = summary([n.get("after_s") for n in noops])
            result["serve_noop_reported"] = summary([n.get("reported_s") for n in noops])
            server.settle(quiet=1.0)
            result["memory_after_mib"] = server.memory()
            print(f"  server memory: VmHWM {result['memory_after_mib'].get('VmHWM', 0):.1f} MiB, "
                  f"VmRSS {result['memory_after_mib'].get('VmRSS', 0):.1f} MiB", flush=True)
        finally:
            server.stop()
            result["server_exit"] = server.proc.returncode

        if not args.no_build:
            cold = timed_build(site, output, env)
            print(f"  build (fills the cache): {cold['seconds']:.2f} s, {cold['rss_mib']:.1f} MiB", flush=True)
            noop_builds = []
            for i in range(args.runs):
                noop_builds.append(timed_build(site, output, env))
                print(f"  build no-op {i + 1}/{args.runs}: {noop_builds[-1]['seconds']:.2f} s "
                      f"(CPU {noop_builds[-1]['user_s']:.2f} + {noop_builds[-1]['sys_s']:.2f} s), "
                      f"{noop_builds[-1]['rss_mib']:.1f} MiB; other load {noop_builds[-1]['other_load']} CPUs",
                      flush=True)
            result["build_first"] = cold
            result["build_noop_runs"] = noop_builds
            result["build_noop"] = summary([b["seconds"] for b in noop_builds])
            result["build_noop_rss_mib"] = statistics.median(b["rss_mib"] for b in noop_builds)
        loads = [r.get("other_load") for r in result.get("runs", []) + result.get("serve_noop_runs", [])
                 + result.get("build_noop_runs", [])]
        loads = [load for load in loads if load is not None]
        result["other_load_max_cpus"] = max(loads) if loads else None
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    return result


def fmt(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.3f} s"


def med_max(part: dict | None) -> str:
    if not part or part.get("median") is None:
        return "-"
    text = f"{part['median']:.3f} / {part['max']:.3f}"
    return text + (f" ({part['missing']} missing)" if part.get("missing") else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", default=[], metavar="PATH",
                        help="a generated site (repeatable); it is copied, never edited")
    parser.add_argument("--articles", metavar="N,M", help="benchmarks/work/site-a<N>-k15-s1 for each N "
                        "(generated if missing); default 1000 when no --corpus is given")
    parser.add_argument("--runs", type=int, default=5, help="edits, serve no-ops and build no-ops (default 5)")
    parser.add_argument("--poll-ms", type=float, default=2.0, help="disk polling interval (default 2)")
    parser.add_argument("--http-poll-ms", type=float, default=2.0, help="HTTP polling interval (default 2)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one edit (default 120)")
    parser.add_argument("--start-timeout", type=float, default=900.0,
                        help="seconds to wait for the initial build (default 900)")
    parser.add_argument("--no-build", action="store_true", help="skip the `kimpress build` no-op rebuilds")
    parser.add_argument("--work-root", type=Path, default=None,
                        help="where the temporary site, cache and output go (default: the system temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results to FILE")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    corpora: list[Path] = [path.resolve() for path in args.corpus]
    if args.articles or not corpora:
        for text in (args.articles or "1000").split(","):
            site = HERE / "work" / f"site-a{int(text)}-k15-s1"
            ensure_corpus(site, int(text), 15, 1)
            corpora.append(site)
    for corpus in corpora:
        if not (corpus / "site.yaml").is_file():
            parser.error(f"{corpus} has no site.yaml")

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "kimpress"], cwd=HERE, capture_output=True,
                           text=True)
    meta = {"when": datetime.now().isoformat(timespec="seconds"), "git": head.stdout.strip() or None,
            "kimpress_dirty": bool(dirty.stdout.strip()), "kimpress": kimpress_version(), "nproc": os.cpu_count(),
            "python": platform.python_version(), "platform": platform.platform(), "runs": args.runs,
            "poll_ms": args.poll_ms, "http_poll_ms": args.http_poll_ms,
            "command": " ".join([sys.executable] + sys.argv if argv is None else [sys.executable, __file__, *argv])}
    results = [bench_corpus(corpus, args) for corpus in corpora]

    print(f"\n{meta['kimpress']} at {meta['git']}{' (kimpress/ modified)' if meta['kimpress_dirty'] else ''}, "
          f"nproc {meta['nproc']}, Python {meta['python']}; {args.runs} runs; seconds as median / max")
    columns = ("articles", "page served", "page on disk", "site consistent", "files", "server build",
               "serve no-op", "build no-op", "serve VmHWM")
    rows = []
    for r in results:
        rows.append((str(r.get("articles")), med_max(r.get("served")), med_max(r.get("on_disk")),
                     med_max(r.get("consistent")),
                     f"{r['files_per_edit']['median']:g}" if r.get("files_per_edit", {}).get("median") else "-",
                     med_max(r.get("server_rebuild_reported")), med_max(r.get("serve_noop_line_after")),
                     med_max(r.get("build_noop")),
                     f"{r.get('memory_after_mib', {}).get('VmHWM', 0):.0f} MiB"))
    widths = [max(len(c), *(len(row[i]) for row in rows)) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
    for row in rows:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)))
    for r in results:
        load = r.get("other_load_max_cpus")
        if load is not None and load > 0.25:
            print(f"{r.get('articles')} articles: up to {load:.2f} CPUs busy with other work during a measurement"
                  "  <- figures disturbed, rerun on a quiet machine")
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "results": results}, indent=2) + "\n", encoding="utf-8")
        print(f"\nresults written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
