"""Words for the terminal: build summaries, next steps, rebuild lines and the progress bar."""

from __future__ import annotations

import sys
import time
from datetime import tzinfo
from typing import TYPE_CHECKING, Iterable, TextIO

from kimpress.core.dates import format_short_date
from kimpress.core.urls import encode_path
from kimpress.core.wording import count_words

if TYPE_CHECKING:
    from kimpress.model.types import Unpublished


def format_seconds(seconds: float, language: str) -> str:
    text = f"{seconds:.2f}"
    return (text.replace(".", ",") + " detik") if language == "id" else text + " s"


SHORT_LIST = 5  # up to this many left-out articles are named in the summary


def _count(count: int, singular: str, plural: str, language: str) -> str:
    return count_words(count, {"one": f"{{count}} {singular}", "other": f"{{count}} {plural}"}, language)


def build_summary(articles: int, pages: int, outputs: int, written: int, deleted: int, seconds: float,
                  language: str, unpublished: Iterable[Unpublished] = (), zone: tzinfo | None = None) -> str:
    """A short closing line for ``kimpress build``, naming what it left out when the list is short."""
    english = language == "en"
    if english:
        text = (f"Done: {_count(articles, 'article', 'articles', language)}, {_count(pages, 'page', 'pages', language)}"
                f", {_count(outputs, 'file', 'files', language)} ({written} written, {deleted} deleted) in "
                f"{format_seconds(seconds, language)}.")
    else:
        text = (f"Selesai: {articles} artikel, {pages} halaman, {outputs} berkas "
                f"({written} ditulis, {deleted} dihapus) dalam {format_seconds(seconds, language)}.")
    groups = []
    for reason, words in (("draft", ("draf", "draf") if not english else ("draft", "drafts")),
                          ("future", ("terjadwal", "terjadwal") if not english else ("scheduled", "scheduled"))):
        items = [item for item in unpublished if item.reason == reason]
        if not items:
            continue
        group = _count(len(items), *words, language)
        if len(items) <= SHORT_LIST:
            named = [item.source + (f", {format_short_date(item.date, language, zone or item.date.tzinfo)}"
                                    if reason == "future" and item.date else "") for item in items]
            group += f" ({'; '.join(named)})"
        groups.append(group)
    if groups:
        text += (" Not published: " if english else " Tidak diterbitkan: ") + ", ".join(groups) + "."
    return text


def init_next_steps(site_arg: str, kelurahan: str, language: str) -> str:
    """What to type after ``kimpress init``: write a first article, then preview the site."""
    site_option = f" --site {site_arg}" if site_arg else ""
    serve = f"kimpress serve {site_arg}".rstrip()
    new = f'kimpress new "Judul Berita" --kelurahan {kelurahan}{site_option}'
    if language == "id":
        return f"\nSitus siap. Dua langkah berikutnya:\n  {new}\n  {serve}"
    return f"\nThe site is ready. Next two steps:\n  {new}\n  {serve}"


def new_next_steps(site_arg: str, url: str, language: str) -> str:
    """After ``kimpress new``: how to see the article while writing it."""
    serve = f"kimpress serve {site_arg}".rstrip()
    address = f"http://127.0.0.1:8000{encode_path(url)}"
    if language == "id":
        return f"Tulis isinya, lalu lihat pratinjaunya dengan `{serve}` di {address}"
    return f"Write it, then preview it with `{serve}` at {address}"


def rebuild_line(written: int, deleted: int, seconds: float, language: str, first: bool = False) -> str:
    """One line after each build of ``serve`` and ``build --watch``."""
    clock = time.strftime("%H:%M:%S")
    if language == "id":
        verb = "Dibangun" if first else "Dibangun ulang"
        return f"[{clock}] {verb}: {written} berkas ditulis, {deleted} dihapus, {format_seconds(seconds, language)}."
    verb = "Built" if first else "Rebuilt"
    return (f"[{clock}] {verb}: {_count(written, 'file', 'files', language)} written, {deleted} deleted, "
            f"{format_seconds(seconds, language)}.")


def problems_line(count: int, language: str) -> str:
    """The line before the problems of a failed rebuild; the last good site is still served."""
    clock = time.strftime("%H:%M:%S")
    if language == "id":
        return f"[{clock}] Gagal dibangun ulang ({count} masalah); situs terakhir yang berhasil tetap ditampilkan:"
    return (f"[{clock}] Rebuild failed ({_count(count, 'problem', 'problems', language)}); the last good site is "
            f"still shown:")


class ProgressBar:
    """A one-line progress bar on a terminal, shown only once a build runs long."""

    def __init__(self, stream: TextIO | None = None, delay: float = 1.0, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.delay = delay
        self.width = width
        self.started = time.monotonic()
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.stream.isatty() or time.monotonic() - self.started < self.delay or total == 0:
            return
        filled = self.width * done // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}")
        self.shown = True
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
