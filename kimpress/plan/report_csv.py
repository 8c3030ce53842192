"""The activity report as CSV files, for a spreadsheet at the city's Diskominfo.

Three files, each with a header row and a closing ``Jumlah`` row (the totals):

- ``laporan-kelurahan.csv``: ``kecamatan, kelurahan, bulan, artikel``, one column per rubrik, then
  ``kode_kelurahan``; one row per kelurahan and month, 0 included;
- ``laporan-kecamatan.csv``: ``kecamatan, bulan, artikel`` and the rubrik columns, per kecamatan and month;
- ``laporan-penulis.csv``: ``penulis, kelurahan, artikel`` and the rubrik columns, per author over the period.

UTF-8 with a byte order mark, comma-separated, CRLF line ends: Excel on Windows, where the
staff open them, reads a UTF-8 file as its local code page unless it starts with the mark
(and garbles "Loktuan–Guntung" or "Rina Puspitasari’s"); LibreOffice, Google Sheets, Python
(``utf-8-sig``) and pandas read the mark fine. Headers are fixed lowercase words, whatever the
site's language, so next month's file has the same columns; rubrik columns are slugs.
"""

from __future__ import annotations

import csv
import io

from kimpress.plan.report import ActivityReport, CountRow

KELURAHAN_FILE = "laporan-kelurahan.csv"
KECAMATAN_FILE = "laporan-kecamatan.csv"
AUTHOR_FILE = "laporan-penulis.csv"
FILES = (KELURAHAN_FILE, KECAMATAN_FILE, AUTHOR_FILE)
TOTAL_LABEL = "Jumlah"
NO_AUTHOR = "(tanpa nama penulis)"


def report_files(report: ActivityReport) -> dict[str, bytes]:
    """File name -> bytes of every CSV file of ``report``."""
    rubrik = [item.slug for item in report.rubrik]
    totals = [report.total, *report.by_rubrik]
    kelurahan = [["kecamatan", "kelurahan", "bulan", "artikel", *rubrik, "kode_kelurahan"]]
    kelurahan += [[row.kecamatan, row.kelurahan, row.month, *_counts(row), row.code] for row in report.kelurahan_rows]
    kelurahan.append([TOTAL_LABEL, "", _period(report), *totals, ""])
    kecamatan = [["kecamatan", "bulan", "artikel", *rubrik]]
    kecamatan += [[row.kecamatan, row.month, *_counts(row)] for row in report.kecamatan_rows]
    kecamatan.append([TOTAL_LABEL, _period(report), *totals])
    authors = [["penulis", "kelurahan", "artikel", *rubrik]]
    authors += [[row.author or NO_AUTHOR, row.kelurahan, *_counts(row)] for row in report.author_rows]
    authors.append([TOTAL_LABEL, "", *totals])
    return {KELURAHAN_FILE: _csv(kelurahan), KECAMATAN_FILE: _csv(kecamatan), AUTHOR_FILE: _csv(authors)}


def _counts(row: CountRow) -> list[int]:
    return [row.articles, *row.by_rubrik]


def _period(report: ActivityReport) -> str:
    return f"{report.first} s.d. {report.last}" if report.months else ""


def _csv(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([[_safe(cell) for cell in row] for row in rows])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _safe(cell: object) -> object:
    """A name a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+62...``) is kept as text."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell
