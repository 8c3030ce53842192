"""The words of the command line: help texts, argparse's own messages, and which language to speak.

Indonesian by default; English on ``--lang en``, a site whose ``language`` is ``en``,
or an English locale. Writers are volunteers, not programmers: plain words, formal "Anda".
"""

from __future__ import annotations

import argparse
import functools
import re
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Mapping, Sequence

from kimpress.cli.edition_command import EDITION_HELP
from kimpress.cli.report_command import REPORT_HELP

LANGUAGES = ("id", "en")

HELP: dict[str, tuple[str, str]] = {
    # key: (Indonesian, English)
    "program": ("Pembuat situs statis untuk buletin KIM.", "Static site generator for KIM newsletters."),
    "epilog": ("Bantuan untuk setiap perintah: kimpress PERINTAH --help",
               "Help for each command: kimpress COMMAND --help"),
    "version": ("tampilkan nomor versi kimpress lalu keluar", "show program's version number and exit"),
    "debug": ("tampilkan rincian teknis (traceback) bila terjadi kesalahan di dalam kimpress",
              "show a traceback for internal errors"),
    "lang": ("bahasa pesan: id (Indonesia) atau en (Inggris); bawaan: bahasa situs atau bahasa sistem Anda",
             "language of the messages: id (Indonesian) or en (English); default: the site's or your system's"),
    "commands": ("perintah", "commands"),
    "site_dir": ("folder situs (bawaan: folder saat ini)", "site folder (default: .)"),
    "init": ("buat situs baru", "create a new site"),
    "init.description": ("Buat situs baru yang langsung bisa dibangun.", "Create a new site that builds at once."),
    "init.site_dir": ("folder untuk situs baru (bawaan: folder saat ini)", "folder for the new site (default: .)"),
    "init.title": ("judul situs (bawaan: Kabar KIM)", "site title (default: Kabar KIM)"),
    "init.ci": ("tulis alur kerja yang menerbitkan situs setiap kali push: github (GitHub Pages, bawaan untuk "
                "situs baru), gitlab (GitLab Pages) atau none (tanpa alur kerja); pada situs yang sudah ada, "
                "hanya alur kerja itu yang ditulis",
                "write the workflow that publishes the site on every push: github (GitHub Pages, the default for "
                "a new site), gitlab (GitLab Pages) or none (no workflow); on an existing site, only that workflow "
                "is written"),
    "new": ("buat artikel baru dari templat", "create a new article from a template"),
    "new.description": ("Buat artikel baru di content/KELURAHAN/, dengan bagian depan (front matter) sudah terisi.",
                        "Create a new article in content/KELURAHAN/ with its front matter filled in."),
    "new.title": ("judul artikel", "the article title"),
    "new.kelurahan": ("folder kelurahan, misalnya satimpo", "kelurahan folder, e.g. satimpo"),
    "new.category": ("rubrik, misalnya berita", "rubrik, e.g. berita"),
    "new.slug": ("alamat artikel, misalnya pembinaan-kim (bawaan: dibuat dari judul)",
                 "the article's address, e.g. pembinaan-kim (default: made from the title)"),
    "new.author": ("nama penulis artikel", "the article's author"),
    "build": ("bangun situs", "build the site"),
    "build.description": ("Bangun situs ke folder hasil.", "Build the site into its output folder."),
    "build.output": ("folder hasil (bawaan: output_dir di site.yaml)",
                     "output folder (default: output_dir of site.yaml)"),
    "drafts": ("ikut terbitkan draf", "include drafts"),
    "future": ("ikut terbitkan artikel yang bertanggal di masa depan", "include articles dated in the future"),
    "build.base_url": ("ganti base_url, misalnya untuk pratinjau", "override base_url, e.g. for a preview"),
    "build.force": ("tetap bangun ke folder berisi yang tidak dibuat oleh kimpress",
                    "build into a non-empty folder kimpress did not make"),
    "quiet": ("hanya tampilkan masalah", "print only problems"),
    "jobs": ("jumlah proses yang bekerja bersamaan (bawaan: semua inti prosesor)",
             "how many processes work at once (default: every processor core)"),
    "build.watch": ("bangun ulang setiap ada perubahan, sampai Anda menekan Ctrl+C",
                    "rebuild on every change until Ctrl+C"),
    "build.no_cache": ("abaikan dan jangan simpan ingatan pembangunan sebelumnya",
                       "ignore and do not keep the build memory"),
    "check": ("periksa situs tanpa menulis apa pun", "check the site without writing anything"),
    "check.description": ("Periksa seluruh situs seperti saat dibangun, ditambah tautan ke #bagian, ringkasan, "
                          "tanggal, artikel kembar, dan ejaan tag; tidak ada berkas yang ditulis. Keluar 1 bila "
                          "ada galat.",
                          "Check the whole site as a build would, plus links to #parts, summaries, dates, likely "
                          "duplicates and tag spellings; nothing is written. Exits 1 on errors."),
    "check.format": ("bentuk laporan: text (untuk dibaca), json (untuk program), github (anotasi GitHub Actions)",
                     "report format: text (to read), json (for programs), github (GitHub Actions annotations)"),
    "check.strict": ("anggap peringatan sebagai galat (keluar 1)", "treat warnings as errors (exit 1)"),
    "serve": ("pratinjau situs: bangun ulang setiap ada perubahan dan muat ulang peramban",
              "preview the site: rebuild on every change and reload the browser"),
    "serve.description": ("Pratinjau situs di peramban: setiap perubahan langsung dibangun ulang dan halaman "
                          "yang terbuka dimuat ulang.",
                          "Preview the site in a browser: every change is rebuilt and open pages reload."),
    "serve.port": ("nomor port (bawaan: 8000; 0 memilih port yang kosong)", "port (default: 8000; 0 picks a free one)"),
    "serve.host": ("alamat yang didengarkan (bawaan: 127.0.0.1; alamat lain membuka pratinjau ke jaringan)",
                   "address to listen on (default: 127.0.0.1; anything else opens the preview to the network)"),
    **REPORT_HELP,
    **EDITION_HELP,
}

# What the commands themselves say while they run: (Indonesian, English).
SAYINGS: dict[str, tuple[str, str]] = {
    "watching": ("Memantau perubahan; Ctrl+C untuk berhenti.", "Watching for changes; Ctrl+C to stop."),
    "serving": ("Pratinjau: {url}  (Ctrl+C untuk berhenti)", "Preview: {url}  (Ctrl+C to stop)"),
    "count-type": ("bilangan bulat positif", "positive whole number"),  # argparse: "... bukan <this> yang sah"
}

METAVARS: dict[str, tuple[str, str]] = {
    # the placeholder shown for a value in usage and help: (Indonesian, English)
    "folder": ("FOLDER", "DIR"),
    "count": ("N", "N"),
    "title": ("JUDUL", "TITLE"),
    "kelurahan": ("KELURAHAN", "KELURAHAN"),
    "category": ("RUBRIK", "CATEGORY"),
    "slug": ("SLUG", "SLUG"),
    "name": ("NAMA", "NAME"),
    "url": ("URL", "URL"),
    "port": ("PORT", "PORT"),
    "host": ("ALAMAT", "HOST"),
    "file": ("BERKAS", "FILE"),
}


def help_text(key: str, language: str) -> str:
    """The help text ``key`` in ``language`` (anything but ``en`` is Indonesian)."""
    indonesian, english = HELP[key]
    return english if language == "en" else indonesian


def saying(key: str, language: str, **params: str) -> str:
    """What a command says while it runs (``SAYINGS``), in ``language``, filled with ``params``."""
    indonesian, english = SAYINGS[key]
    return (english if language == "en" else indonesian).format(**params)


def metavar(key: str, language: str) -> str:
    """The placeholder ``key`` for a value, in ``language``."""
    indonesian, english = METAVARS[key]
    return english if language == "en" else indonesian


# Every msgid argparse passes to gettext on Python 3.11, plus those added up to 3.14; an
# unknown msgid stays English. Placeholders must stay exactly as in the msgid.
ARGPARSE_ID: dict[str, str] = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "optional arguments": "opsi",  # Python 3.9 and older
    "subcommands": "subperintah",
    "%(heading)s:": "%(heading)s:",
    " (default: %(default)s)": " (bawaan: %(default)s)",
    "show this help message and exit": "tampilkan pesan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan nomor versi program lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: peringatan: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "one of the arguments %s is required": "salah satu argumen ini wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "pilihan %(value)r tidak dikenal (pilih salah satu: %(choices)s)",
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)":
        "pilihan %(value)r tidak dikenal; maksud Anda %(closest)r? (pilih salah satu: %(choices)s)",
    "invalid %(type)s value: %(value)r": "%(value)r bukan %(type)s yang sah",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s":
        "opsi %(option)s kurang jelas: bisa berarti %(matches)s",
    "not allowed with argument %s": "tidak boleh dipakai bersama argumen %s",
    "ignored explicit argument %r": "nilai %r diabaikan (opsi ini tidak menerima nilai)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)",
    "unexpected option string: %s": "opsi tidak terduga: %s",
    "can't open '%(filename)s': %(error)s": "berkas '%(filename)s' tidak bisa dibuka: %(error)s",
    'argument "-" with mode %r': 'argumen "-" dengan mode %r',
    "option '%(option)s' is deprecated": "opsi '%(option)s' sudah usang",
    "argument '%(argument_name)s' is deprecated": "argumen '%(argument_name)s' sudah usang",
    "command '%(parser_name)s' is deprecated": "perintah '%(parser_name)s' sudah usang",
    # Mistakes in a program's own parser, not the user's; translated all the same.
    ".__call__() not defined": ".__call__() belum didefinisikan",
    "conflicting subparser: %s": "subperintah bentrok: %s",
    "conflicting subparser alias: %s": "alias subperintah bentrok: %s",
    "cannot merge actions - two groups are named %r": "aksi tidak bisa digabung - dua kelompok bernama %r",
    "'required' is an invalid argument for positionals": "'required' tidak berlaku untuk argumen posisi",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r":
        "nama opsi %(option)r tidak sah: harus diawali karakter %(prefix_chars)r",
    "dest= is required for options like %r": "dest= wajib diisi untuk opsi seperti %r",
    "invalid conflict_resolution value: %r": "nilai conflict_resolution tidak sah: %r",
    "mutually exclusive arguments must be optional": "argumen yang saling meniadakan harus berupa opsi",
    "cannot have multiple subparser arguments": "tidak boleh ada lebih dari satu argumen subperintah",
    "%r is not callable": "%r tidak bisa dipanggil",
}

ARGPARSE_PLURAL_ID: dict[tuple[str, str], str] = {
    # Indonesian nouns do not change with the number.
    ("expected %s argument", "expected %s arguments"): "perlu %s nilai",
    ("conflicting option string: %s", "conflicting option strings: %s"): "nama opsi bentrok: %s",
}

# The type names argparse puts into "invalid %(type)s value".
TYPE_NAMES_ID: dict[str, str] = {
    "int": "bilangan bulat",
    "float": "bilangan desimal",
    "complex": "bilangan kompleks",
    "str": "teks",
}


class _TypeNamingMessage(str):
    """A message whose ``%(type)s`` is shown in Indonesian (``int`` -> "bilangan bulat")."""

    def __mod__(self, values: Any) -> str:
        if isinstance(values, dict) and isinstance(values.get("type"), str):
            values = {**values, "type": TYPE_NAMES_ID.get(values["type"], values["type"])}
        return str.__mod__(self, values)


def gettext_id(message: Any) -> Any:
    """argparse's ``_`` in Indonesian; an unknown message (or None) comes back unchanged."""
    if not isinstance(message, str):
        return message
    translated = ARGPARSE_ID.get(message, message)
    return _TypeNamingMessage(translated) if "%(type)s" in translated else translated


def ngettext_id(singular: str, plural: str, count: int) -> str:
    """argparse's ``ngettext`` in Indonesian; unknown messages stay English."""
    translated = ARGPARSE_PLURAL_ID.get((singular, plural))
    if translated is not None:
        return translated
    return singular if count == 1 else plural


@contextmanager
def argparse_language(language: str) -> Iterator[None]:
    """Let argparse speak ``language`` inside the block; its own ``_`` and ``ngettext`` are back afterwards.

    argparse looks both names up in its module at every call, so they are swapped there,
    and always put back, even when the block exits with SystemExit (--help, a usage error).
    English needs no swap: it is argparse's own language.
    """
    if language == "en":
        yield
        return
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = gettext_id, ngettext_id
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _speaking(method: Callable[..., Any]) -> Callable[..., Any]:
    """Run a parser method with argparse speaking the parser's language."""

    @functools.wraps(method)
    def wrapper(self: LocalizedParser, *args: Any, **kwargs: Any) -> Any:
        with argparse_language(self.language):
            return method(self, *args, **kwargs)

    return wrapper


class LocalizedParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks ``language`` whenever it builds itself, parses or prints.

    argparse takes its words from gettext while building (section titles, the -h help),
    while parsing (every usage error) and while formatting (the "usage: " prefix): each
    of those entry points runs inside :func:`argparse_language`. Its subparsers share the
    language.
    """

    def __init__(self, *args: Any, language: str = "id", **kwargs: Any) -> None:
        self.language = language
        with argparse_language(language):
            super().__init__(*args, **kwargs)

    @_speaking
    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", functools.partial(type(self), language=self.language))
        return super().add_subparsers(**kwargs)

    add_argument = _speaking(argparse.ArgumentParser.add_argument)
    parse_args = _speaking(argparse.ArgumentParser.parse_args)
    parse_known_args = _speaking(argparse.ArgumentParser.parse_known_args)
    parse_intermixed_args = _speaking(argparse.ArgumentParser.parse_intermixed_args)
    parse_known_intermixed_args = _speaking(argparse.ArgumentParser.parse_known_intermixed_args)
    format_usage = _speaking(argparse.ArgumentParser.format_usage)
    format_help = _speaking(argparse.ArgumentParser.format_help)
    error = _speaking(argparse.ArgumentParser.error)


# --- Which language to speak -------------------------------------------------------------

# Every option of every command, and whether it takes a value (tests check this against
# the parser): enough to find the site folder and --lang in argv without parsing it.
TOP_OPTIONS: dict[str, bool] = {"-h": False, "--help": False, "--version": False, "--debug": False, "--lang": True}
COMMAND_OPTIONS: dict[str, dict[str, bool]] = {
    "init": {"-h": False, "--help": False, "--title": True, "--ci": True, "--lang": True},
    "new": {"-h": False, "--help": False, "--kelurahan": True, "--category": True, "--slug": True,
            "--author": True, "--site": True, "--lang": True},
    "build": {"-h": False, "--help": False, "--output": True, "-o": True, "--drafts": False, "--future": False,
              "--base-url": True, "--force": False, "--quiet": False, "-q": False, "--watch": False, "-w": False,
              "--no-cache": False, "--jobs": True, "-j": True, "--lang": True},
    "check": {"-h": False, "--help": False, "--format": True, "--strict": False, "--drafts": False,
              "--future": False, "--jobs": True, "-j": True, "--lang": True},
    "serve": {"-h": False, "--help": False, "--port": True, "-p": True, "--host": True, "--drafts": False,
              "--future": False, "--quiet": False, "-q": False, "--jobs": True, "-j": True, "--lang": True},
    "edition": {"-h": False, "--help": False, "--month": True, "-m": True, "--kelurahan": True, "--kecamatan": True,
                "--format": True, "-f": True, "--output": True, "-o": True, "--lang": True},
    "report": {"-h": False, "--help": False, "--from": True, "--to": True, "--output": True, "-o": True,
               "--drafts": False, "--future": False, "--lang": True},
}
COMMANDS_WITH_SITE_ARGUMENT = ("init", "build", "check", "serve", "report", "edition")  # the first positional after the command


def _long_option(name: str, options: Mapping[str, bool]) -> str | None:
    """The option ``name`` stands for, exactly or as an unambiguous prefix (as argparse allows)."""
    if name in options:
        return name
    matches = [option for option in options if option.startswith("--") and option.startswith(name)]
    return matches[0] if len(matches) == 1 else None


def _scan(argv: Sequence[str]) -> tuple[str | None, str, str | None]:
    """(command, site folder, last --lang value) as written in ``argv``, without parsing it."""
    command: str | None = None
    positionals: list[str] = []
    values: dict[str, str] = {}
    lang: str | None = None
    options = TOP_OPTIONS
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            positionals.extend(tokens)
            break
        if len(token) > 1 and token.startswith("-"):
            option, value = None, None
            if token.startswith("--"):
                name, equals, attached = token.partition("=")
                option = _long_option(name, options)
                if option and options[option]:
                    value = attached if equals else next(tokens, None)
            else:  # -x, -xVALUE, or flags run together such as -qw
                for index in range(1, len(token)):
                    short = "-" + token[index]
                    if short not in options:
                        break
                    if options[short]:
                        option = short
                        value = token[index + 1:] or next(tokens, None)
                        break
            if option == "--lang":
                lang = value
            elif option and value is not None:
                values[option] = value
        elif command is None:
            command = token
            options = COMMAND_OPTIONS.get(token, TOP_OPTIONS)
        else:
            positionals.append(token)
    if command in COMMANDS_WITH_SITE_ARGUMENT and positionals:
        site = positionals[0]
    elif command == "new":
        site = values.get("--site", ".")
    else:  # no command (kimpress --help), an unknown one, or no folder given
        site = "."
    return command, site, lang


def locale_language(environ: Mapping[str, str]) -> str:
    """``en`` when the environment asks for English, else ``id``.

    GNU ``LANGUAGE`` (a list such as ``en_GB:id``) first: its first entry we speak decides.
    Then POSIX: the first set of LC_ALL, LC_MESSAGES, LANG decides; ``C`` means Indonesian.
    """
    for entry in environ.get("LANGUAGE", "").split(":"):
        code = _language_code(entry)
        if code in LANGUAGES:
            return code
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "en" if _language_code(value) == "en" else "id"
    return "id"


def _language_code(locale_name: str) -> str:
    """``en_US.UTF-8`` -> ``en``."""
    return re.split(r"[_.@-]", locale_name.strip(), maxsplit=1)[0].lower()


def cli_language(argv: Sequence[str], environ: Mapping[str, str], read_site_language: Callable[[str], str]) -> str:
    """The language of everything a command prints: ``id`` or ``en``.

    ``--lang`` wins; otherwise English when the site's ``language`` is ``en`` or the
    environment asks for English; otherwise Indonesian. The site folder is the one the
    command names (``.`` when none, also for ``kimpress --help``); ``read_site_language(folder)``
    must not raise.
    """
    _, site, lang = _scan(argv)
    if lang in LANGUAGES:
        return lang
    if locale_language(environ) == "en":
        return "en"
    if read_site_language(site) == "en":
        return "en"
    return "id"
