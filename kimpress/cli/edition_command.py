"""``kimpress edition``: one month's buletin of a kelurahan, a kecamatan or the city, in one form.

    kimpress edition [DIR] --month 2026-11 [--kelurahan satimpo | --kecamatan bontang-utara]
                     [--format print|email|text|whatsapp] [--output FILE]

Without ``--output`` it goes to standard output, ready to pipe or paste. Its help texts
(``EDITION_HELP``) join ``kimpress.cli.text.HELP``; the engine is imported only when it runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kimpress.cli.report_command import month_type

FORMS = ("print", "email", "text", "whatsapp")

EDITION_HELP: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "edition": ("tulis satu edisi buletin (cetak, surel, teks, WhatsApp)",
                "write one newsletter edition (print, e-mail, text, WhatsApp)"),
    "edition.description": (
        "Tulis buletin satu bulan dari satu kelurahan, satu kecamatan, atau seluruh kota (tanpa --kelurahan dan "
        "--kecamatan): untuk dicetak (HTML A4), surel (HTML dengan gaya di dalam tag), teks biasa, atau pesan "
        "WhatsApp. Tanpa --output, hasilnya ditampilkan di layar.",
        "Write one month's newsletter of a kelurahan, a kecamatan or the whole city (neither --kelurahan nor "
        "--kecamatan): to print (A4 HTML), e-mail (HTML with inline styles), plain text or WhatsApp messages. "
        "Without --output it goes to standard output."),
    "edition.month": ("bulan edisi, misalnya 2026-11", "the edition's month, e.g. 2026-11"),
    "edition.kelurahan": ("folder kelurahan, misalnya satimpo", "kelurahan folder, e.g. satimpo"),
    "edition.kecamatan": ("kecamatan, misalnya bontang-utara", "kecamatan, e.g. bontang-utara"),
    "edition.format": ("bentuk: print (cetak), email (surel), text (teks), whatsapp",
                       "form: print, email, text, whatsapp"),
    "edition.output": ("berkas tujuan (bawaan: layar)", "file to write (default: standard output)"),
}


def add_edition_arguments(command: argparse.ArgumentParser, text, placeholder, language: str) -> None:
    """The options of ``kimpress edition`` (``text``/``placeholder``: the parser's help and metavar words)."""
    command.add_argument("site_dir", nargs="?", default=".", metavar=placeholder("folder"), help=text("site_dir"))
    command.add_argument("--month", "-m", required=True, type=month_type(language), metavar="YYYY-MM",
                         help=text("edition.month"))
    area = command.add_mutually_exclusive_group()
    area.add_argument("--kelurahan", metavar=placeholder("kelurahan"), help=text("edition.kelurahan"))
    area.add_argument("--kecamatan", metavar="KECAMATAN", help=text("edition.kecamatan"))
    command.add_argument("--format", "-f", choices=FORMS, default="print", help=text("edition.format"))
    command.add_argument("--output", "-o", metavar=placeholder("file"), help=text("edition.output"))


def run_edition(args: argparse.Namespace, language: str) -> int:
    """Write the edition to ``--output`` (then name the file) or to standard output."""
    from kimpress.incremental.location import cache_file
    from kimpress.pipeline.edition import EditionRequest, edition_document

    site_dir = Path(args.site_dir)
    document = edition_document(site_dir, EditionRequest(args.month, args.kelurahan, args.kecamatan, args.format,
                                                         cache_file=cache_file(site_dir)))
    if args.output:
        Path(args.output).write_text(document, encoding="utf-8")
        print(args.output, file=sys.stderr)
    else:
        sys.stdout.write(document)
    return 0
