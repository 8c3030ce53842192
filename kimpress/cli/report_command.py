"""``kimpress report``: write the activity report's CSV files and say what they hold, in one line.

    kimpress report [DIR] [--from 2026-01] [--to 2026-11] [--output laporan] [--drafts] [--future]

Its help texts (``REPORT_HELP``) join ``kimpress.cli.text.HELP``; the engine is imported only
when the command runs.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

DEFAULT_OUTPUT = "laporan"

REPORT_HELP: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "report": ("tulis laporan kegiatan (CSV) untuk Diskominfo", "write the activity report (CSV) for Diskominfo"),
    "report.description": (
        "Hitung artikel yang terbit per kelurahan dan bulan, per kecamatan, dan per penulis, lalu tulis berkas CSV "
        "(laporan-kelurahan.csv, laporan-kecamatan.csv, laporan-penulis.csv) yang terbuka di Excel. Kelurahan yang "
        "belum menulis tercatat 0; draf dan artikel terjadwal tidak dihitung.",
        "Count the published articles per kelurahan and month, per kecamatan and per author, and write CSV files "
        "(laporan-kelurahan.csv, laporan-kecamatan.csv, laporan-penulis.csv) that open in Excel. A kelurahan that "
        "wrote nothing shows 0; drafts and scheduled articles are not counted."),
    "report.from": ("bulan pertama, misalnya 2026-01 (bawaan: bulan artikel tertua)",
                    "first month, e.g. 2026-01 (default: the month of the oldest article)"),
    "report.to": ("bulan terakhir, misalnya 2026-11 (bawaan: bulan artikel terbaru)",
                  "last month, e.g. 2026-11 (default: the month of the newest article)"),
    "report.output": (f"folder untuk berkas CSV (bawaan: {DEFAULT_OUTPUT})",
                      f"folder for the CSV files (default: {DEFAULT_OUTPUT})"),
    "report.drafts": ("ikut hitung draf", "count drafts too"),
    "report.future": ("ikut hitung artikel yang bertanggal di masa depan", "count articles dated in the future too"),
}
MONTH_TYPE = {"id": "bulan (TTTT-BB, misalnya 2026-01)", "en": "month (YYYY-MM, e.g. 2026-01)"}
_SUMMARY = {
    "id": ("Laporan {first} s.d. {last}: {total} artikel dari {active} kelurahan (dari {all} kelurahan)",
           "; {drafts} draf dan {future} artikel terjadwal tidak dihitung", "; {outside} artikel di luar periode",
           "Laporan: belum ada artikel dan tidak ada periode"),
    "en": ("Report {first} to {last}: {total} articles from {active} kelurahan (of {all})",
           "; not counted: {drafts} draft(s) and {future} scheduled article(s)", "; {outside} article(s) outside the period",
           "Report: no article and no period"),
}


def month_type(language: str):
    """The argparse type of ``--from``/``--to``: "2026-1" or "2026-01" -> "2026-01"; its name says what is wanted."""

    def month(value: str) -> str:
        found = re.fullmatch(r"(\d{4})-(\d{1,2})", value.strip())
        if not found or not 1 <= int(found.group(2)) <= 12:
            raise ValueError(value)
        return f"{found.group(1)}-{int(found.group(2)):02d}"

    month.__name__ = MONTH_TYPE.get(language, MONTH_TYPE["en"])
    return month


def add_report_arguments(command: argparse.ArgumentParser, text, placeholder, language: str) -> None:
    """The options of ``kimpress report`` (``text``/``placeholder``: the parser's help and metavar words)."""
    month = month_type(language)
    command.add_argument("site_dir", nargs="?", default=".", metavar=placeholder("folder"), help=text("site_dir"))
    command.add_argument("--from", dest="first", type=month, metavar="YYYY-MM", help=text("report.from"))
    command.add_argument("--to", dest="last", type=month, metavar="YYYY-MM", help=text("report.to"))
    command.add_argument("--output", "-o", default=DEFAULT_OUTPUT, metavar=placeholder("folder"),
                         help=text("report.output"))
    command.add_argument("--drafts", action="store_true", help=text("report.drafts"))
    command.add_argument("--future", action="store_true", help=text("report.future"))


def run_report(args: argparse.Namespace, language: str) -> int:
    """Write the CSV files into ``--output``, print each file's path, then the summary line."""
    from kimpress.core.errors import KimpressError, error
    from kimpress.core.wording import print_diagnostics
    from kimpress.incremental.location import cache_file
    from kimpress.pipeline.report import ReportOptions, site_report
    from kimpress.plan.report_csv import report_files

    site_dir = Path(args.site_dir)
    result = site_report(site_dir, ReportOptions(args.first, args.last, args.drafts, args.future,
                                                 cache_file=cache_file(site_dir)))
    print_diagnostics(result.warnings, language)
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise KimpressError([error("report-output-not-folder", None, None, path=str(folder))])
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in report_files(result.report).items():
        (folder / name).write_bytes(data)
        print(folder / name)
    print(report_summary(result.report, language))
    return 0


def report_summary(report, language: str) -> str:
    """One line: the period, the articles and kelurahan counted, and what was left out."""
    period, left_out, outside, empty = _SUMMARY.get(language, _SUMMARY["en"])
    if not report.months:
        return empty + "."
    line = period.format(first=report.first, last=report.last, total=report.total, active=report.active_kelurahan,
                         all=len(report.kelurahan_totals))
    if report.drafts or report.future:
        line += left_out.format(drafts=report.drafts, future=report.future)
    if report.outside:
        line += outside.format(outside=report.outside)
    return line + "."
