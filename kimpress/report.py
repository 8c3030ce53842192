"""Words for the terminal: diagnostics as ``path:line: message`` and build summaries."""

from __future__ import annotations

import sys
import time
from typing import Iterable, TextIO

from kimpress.errors import Diagnostic
from kimpress.messages import label, word


def format_diagnostic(diagnostic: Diagnostic, language: str = "id") -> str:
    """One line: ``content/x.md:4: message`` (warnings say so)."""
    params = diagnostic.param_dict
    if params.get("other") == "site.yaml" and diagnostic.code == "url-conflict":
        params["other"] = label("builtin", language)
    suggestion = params.get("suggestion")
    message = word(diagnostic.code, language, params)
    if suggestion:
        message += f" Maksud Anda `{suggestion}`?" if language == "id" else f" Did you mean `{suggestion}`?"
    location = diagnostic.path or "kimpress"
    if diagnostic.line:
        location += f":{diagnostic.line}"
    prefix = "" if diagnostic.is_error else label("warning", language) + ": "
    return f"{location}: {prefix}{message}"


def print_diagnostics(diagnostics: Iterable[Diagnostic], language: str, stream: TextIO | None = None) -> None:
    """Print every diagnostic, errors and warnings alike, in order (to stderr by default)."""
    for diagnostic in sorted(diagnostics, key=Diagnostic.sort_key):
        print(format_diagnostic(diagnostic, language), file=stream or sys.stderr)


def format_seconds(seconds: float, language: str) -> str:
    text = f"{seconds:.2f}"
    return (text.replace(".", ",") + " detik") if language == "id" else text + " s"


def build_summary(articles: int, pages: int, outputs: int, written: int, deleted: int, seconds: float,
                  language: str, drafts: int = 0, future: int = 0) -> str:
    """A short closing line for ``kimpress build``."""
    if language == "id":
        text = (f"Selesai: {articles} artikel, {pages} halaman, {outputs} berkas "
                f"({written} ditulis, {deleted} dihapus) dalam {format_seconds(seconds, language)}.")
        if drafts or future:
            text += f" Tidak diterbitkan: {drafts} draf, {future} terjadwal."
        return text
    text = (f"Done: {articles} articles, {pages} pages, {outputs} files "
            f"({written} written, {deleted} deleted) in {format_seconds(seconds, language)}.")
    if drafts or future:
        text += f" Not published: {drafts} drafts, {future} scheduled."
    return text


def rebuild_line(written: int, deleted: int, seconds: float, language: str, first: bool = False) -> str:
    """One line after each build of ``serve`` and ``build --watch``."""
    clock = time.strftime("%H:%M:%S")
    if language == "id":
        verb = "Dibangun" if first else "Dibangun ulang"
        return f"[{clock}] {verb}: {written} berkas ditulis, {deleted} dihapus, {format_seconds(seconds, language)}."
    verb = "Built" if first else "Rebuilt"
    return f"[{clock}] {verb}: {written} files written, {deleted} deleted, {format_seconds(seconds, language)}."


def problems_line(count: int, language: str) -> str:
    """The line before the problems of a failed rebuild; the last good site is still served."""
    clock = time.strftime("%H:%M:%S")
    if language == "id":
        return f"[{clock}] Gagal dibangun ulang ({count} masalah); situs terakhir yang berhasil tetap ditampilkan:"
    return f"[{clock}] Rebuild failed ({count} problems); the last good site is still shown:"


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
