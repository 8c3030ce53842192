"""The command line speaks Indonesian unless --lang, the site or the locale asks for English."""

from __future__ import annotations

import argparse
import ast
import gettext
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINIMAL_CONFIG

from kimpress.cli import text as clitext
from kimpress.cli.main import _site_language, main, make_parser
from kimpress.cli.text import (
    ARGPARSE_ID,
    ARGPARSE_PLURAL_ID,
    COMMAND_OPTIONS,
    COMMANDS_WITH_SITE_ARGUMENT,
    TOP_OPTIONS,
    argparse_language,
    cli_language,
    gettext_id,
    help_text,
    locale_language,
    ngettext_id,
)

REPO = Path(__file__).resolve().parent.parent
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
ORIGINAL_GETTEXT = (argparse._, argparse.ngettext)
COMMANDS = (None, "init", "new", "build", "serve")
ENGLISH_PHRASES = ("usage:", "options:", "positional arguments", "show this help", "error:",
                   "the following arguments", "invalid choice", "unrecognized arguments", "expected one argument",
                   "invalid int value", "show program's version", "commands:", "default:")

# The help texts each --help must show (whitespace-normalised, so wrapping does not matter).
HELP_KEYS = {
    None: ("program", "epilog", "version", "debug", "lang", "init", "new", "build", "serve"),
    "init": ("init.description", "init.site_dir", "init.title", "lang"),
    "new": ("new.description", "new.title", "new.kelurahan", "new.category", "new.slug", "new.author", "site_dir",
            "lang"),
    "build": ("build.description", "site_dir", "build.output", "drafts", "future", "build.base_url", "build.force",
              "quiet", "build.watch", "build.no_cache", "lang"),
    "serve": ("serve.description", "site_dir", "serve.port", "serve.host", "drafts", "future", "quiet", "lang"),
}
HEADINGS = {
    ("id", True): {"perintah", "opsi"}, ("id", False): {"argumen posisi", "opsi"},
    ("en", True): {"commands", "options"}, ("en", False): {"positional arguments", "options"},
}


def run_kimpress(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The real command, with no locale variable but those in ``env``."""
    environ = {name: value for name, value in os.environ.items() if name not in LOCALE_VARIABLES}
    environ.update({"PYTHONPATH": str(REPO), "COLUMNS": "100", **(env or {})})
    return subprocess.run([sys.executable, "-m", "kimpress", *args], capture_output=True, text=True,
                          encoding="utf-8", env=environ, cwd=cwd, timeout=60)


def help_args(command: str | None) -> list[str]:
    return ["--help"] if command is None else [command, "--help"]


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_help_in(language: str, command: str | None, done: subprocess.CompletedProcess) -> None:
    """``done`` printed the help of ``command`` (None: the program) entirely in ``language``."""
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    prog = "kimpress" + (f" {command}" if command else "")
    first = out.splitlines()[0]
    usage = "penggunaan:" if language == "id" else "usage:"
    assert first.split()[:len(prog.split()) + 1] == [usage, *prog.split()], first
    headings = {line[:-1] for line in out.splitlines() if re.fullmatch(r"\S[^:]*:", line)}
    assert headings == HEADINGS[language, command is None], out
    help_line = re.search(r"^  -h, --help +(\S.*)$", out, re.MULTILINE)
    assert help_line and help_line.group(1) == (
        "tampilkan pesan bantuan ini lalu keluar" if language == "id" else "show this help message and exit")
    other = "en" if language == "id" else "id"
    for key in HELP_KEYS[command]:
        assert flat(help_text(key, language)) in flat(out), (key, out)
        if help_text(key, other) != help_text(key, language):
            assert flat(help_text(key, other)) not in flat(out), (key, out)
    if language == "id":
        assert_no_english(out)


def assert_no_english(text: str) -> None:
    leaked = [phrase for phrase in ENGLISH_PHRASES if phrase in text.lower()]
    assert not leaked, (leaked, text)


def english_site(tmp_path: Path) -> Path:
    site = tmp_path / "situs"
    site.mkdir()
    (site / "site.yaml").write_text(MINIMAL_CONFIG.replace("language: id", "language: en"), encoding="utf-8")
    return site


# --- --help in a real process ------------------------------------------------------------

@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("env", [{"LANG": "C.UTF-8"}, {}, {"LANG": "id_ID.UTF-8"},
                                 {"LC_ALL": "C", "LANG": "en_US.UTF-8"}],
                         ids=["LANG=C.UTF-8", "no-locale", "LANG=id_ID", "LC_ALL=C-beats-LANG=en"])
@pytest.mark.slow  # a new interpreter per case
def test_help_is_indonesian_by_default(command, env):
    assert_help_in("id", command, run_kimpress(*help_args(command), env=env))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("env", [{"LANG": "en_US.UTF-8"}, {"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"},
                                 {"LANGUAGE": "en_GB:id", "LANG": "C.UTF-8"}],
                         ids=["LANG=en_US", "LC_ALL=en_GB", "LANGUAGE=en_GB"])
@pytest.mark.slow  # a new interpreter per case
def test_help_is_english_in_an_english_environment(command, env):
    assert_help_in("en", command, run_kimpress(*help_args(command), env=env))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.slow  # a new interpreter per case
def test_help_is_english_with_lang_en_before_or_after_the_command(command):
    assert_help_in("en", command, run_kimpress("--lang", "en", *help_args(command), env={"LANG": "C.UTF-8"}))
    if command:
        assert_help_in("en", command, run_kimpress(command, "--lang=en", "--help"))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.slow  # a new interpreter per case
def test_help_is_english_when_the_site_says_language_en(tmp_path, command):
    site = english_site(tmp_path)
    if command is None:
        done = run_kimpress("--help", cwd=site, env={"LANG": "C.UTF-8"})  # the site folder is "."
    elif command == "new":
        done = run_kimpress("new", "--help", "--site", str(site), env={"LANG": "C.UTF-8"})
    else:
        done = run_kimpress(command, str(site), "--help", env={"LANG": "C.UTF-8"})
    assert_help_in("en", command, done)
    if command in ("build", "serve"):
        assert_help_in("en", command, run_kimpress(command, "--help", cwd=site))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.slow  # a new interpreter per case
def test_lang_id_beats_an_english_locale_and_an_english_site(tmp_path, command):
    site = english_site(tmp_path)
    assert_help_in("id", command, run_kimpress("--lang", "id", *help_args(command), env={"LANG": "en_US.UTF-8"}))
    if command:
        done = run_kimpress(command, "--help", "--lang", "id", cwd=site, env={"LC_ALL": "en_GB.UTF-8"})
        assert_help_in("id", command, done)


# --- usage errors in a real process ------------------------------------------------------

USAGE_ERRORS = [
    (["biuld"], "kimpress", r"argumen \{init,new,build,check,serve,report[a-z,]*\}: pilihan 'biuld' tidak dikenal "
                            r"\(pilih salah satu: .*build.*\)"),
    ([], "kimpress", r"argumen berikut wajib diisi: \{init,new,build,check,serve,report[a-z,]*\}"),
    (["new", "Judul Baru"], "kimpress new", r"argumen berikut wajib diisi: --kelurahan"),
    (["build", "--no-such-option"], "kimpress", r"argumen tidak dikenal: --no-such-option"),
    (["serve", "--port", "abc"], "kimpress serve", r"argumen --port/-p: 'abc' bukan bilangan bulat yang sah"),
    (["--lang", "fr", "build"], "kimpress", r"argumen --lang: pilihan 'fr' tidak dikenal \(pilih salah satu: "
                                            r"'?id'?, '?en'?\)"),
    (["build", "--lang=fr"], "kimpress build", r"argumen --lang: pilihan 'fr' tidak dikenal .*"),
    (["build", "--output"], "kimpress build", r"argumen --output/-o: perlu satu nilai"),
    (["build", "--drafts=ya"], "kimpress build", r"argumen --drafts: nilai 'ya' diabaikan \(.*\)"),
    (["build", "--f"], "kimpress build", r"opsi --f kurang jelas: bisa berarti --future, --force"),
]


@pytest.mark.parametrize("argv, prog, message", USAGE_ERRORS, ids=[" ".join(e[0]) or "nothing" for e in USAGE_ERRORS])
@pytest.mark.parametrize("env", [{"LANG": "C.UTF-8"}, {}], ids=["LANG=C.UTF-8", "no-locale"])
@pytest.mark.slow  # a new interpreter per case
def test_usage_errors_exit_2_in_indonesian(argv, prog, message, env):
    done = run_kimpress(*argv, env=env)
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"penggunaan: {prog} "), lines
    assert re.fullmatch(re.escape(prog) + r": kesalahan: " + message, lines[-1]), lines[-1]
    assert "Traceback" not in done.stderr
    assert_no_english(done.stderr)


@pytest.mark.parametrize("argv, env", [
    (["--lang", "en", "serve", "--port", "abc"], {}),
    (["serve", "--port", "abc"], {"LANG": "en_US.UTF-8"}),
    (["--lang", "fr", "serve"], {"LANG": "en_US.UTF-8"}),  # an unknown --lang leaves the choice to the locale
])
@pytest.mark.slow  # a new interpreter per case
def test_usage_errors_in_english(argv, env):
    done = run_kimpress(*argv, env=env)
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert lines[0].startswith("usage: kimpress")
    assert re.fullmatch(r"kimpress( serve)?: error: argument --(port/-p|lang): invalid .*", lines[-1]), lines


@pytest.mark.slow  # a new interpreter per case
def test_a_usage_error_with_an_english_site_is_english(tmp_path):
    done = run_kimpress("new", "Judul", "--site", str(english_site(tmp_path)), env={"LANG": "C.UTF-8"})
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "kimpress new: error: the following arguments are required: --kelurahan"


# --- everything a command prints is in one language ----------------------------------------

def test_site_problems_follow_the_command_line_language(make_site, capsys):
    site = make_site({"content/loktuan/2018-11-12-a.md": "---\ndate: 2018-11-12\n---\nIsi.\n"})
    assert main(["build", str(site)], environ={}) == 1
    assert capsys.readouterr().err == "content/loktuan/2018-11-12-a.md:1: kolom `title` wajib diisi.\n"
    assert main(["build", str(site), "--lang", "en"], environ={}) == 1
    assert capsys.readouterr().err == "content/loktuan/2018-11-12-a.md:1: `title` is required.\n"
    assert main(["build", str(site)], environ={"LANG": "en_US.UTF-8"}) == 1
    assert capsys.readouterr().err == "content/loktuan/2018-11-12-a.md:1: `title` is required.\n"
    assert main(["--lang", "id", "build", str(site)], environ={"LANG": "en_US.UTF-8"}) == 1
    assert capsys.readouterr().err == "content/loktuan/2018-11-12-a.md:1: kolom `title` wajib diisi.\n"


# --- no global is left changed -------------------------------------------------------------

def test_argparse_gettext_is_the_original_again_after_main(make_site, capsys):
    assert ORIGINAL_GETTEXT == (gettext.gettext, gettext.ngettext)
    with pytest.raises(SystemExit) as caught:
        main(["--help"], environ={})
    assert caught.value.code == 0
    assert capsys.readouterr().out.startswith("penggunaan: kimpress")
    assert (argparse._, argparse.ngettext) == ORIGINAL_GETTEXT

    with pytest.raises(SystemExit) as caught:
        main(["serve", "--port", "abc"], environ={})
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "kimpress serve: kesalahan: argumen --port/-p: 'abc' bukan bilangan bulat yang sah" in err
    assert (argparse._, argparse.ngettext) == ORIGINAL_GETTEXT

    site = make_site({"content/loktuan/a.md": "---\ntitle: A\ndate: 2018-11-12\n---\nIsi.\n"})
    assert main(["build", str(site), "--quiet"], environ={}) == 0
    assert (argparse._, argparse.ngettext) == ORIGINAL_GETTEXT
    assert argparse._("usage: ") == "usage: "


def test_the_swap_lasts_only_inside_the_block_even_on_an_exception():
    with argparse_language("id"):
        assert argparse._("usage: ") == "penggunaan: "
        assert argparse.ngettext("expected %s argument", "expected %s arguments", 2) == "perlu %s nilai"
    assert (argparse._, argparse.ngettext) == ORIGINAL_GETTEXT
    with pytest.raises(SystemExit):
        with argparse_language("id"):
            raise SystemExit(2)
    assert (argparse._, argparse.ngettext) == ORIGINAL_GETTEXT
    with argparse_language("en"):
        assert (argparse._, argparse.ngettext) == ORIGINAL_GETTEXT


def test_a_parser_speaks_its_language_whenever_it_formats():
    parser = make_parser("id")
    assert (argparse._, argparse.ngettext) == ORIGINAL_GETTEXT
    assert parser.format_usage().startswith("penggunaan: kimpress")
    assert parser.format_help().startswith("penggunaan: kimpress")
    assert make_parser("en").format_help().startswith("usage: kimpress")
    assert (argparse._, argparse.ngettext) == ORIGINAL_GETTEXT


# --- the parser --------------------------------------------------------------------------

def test_new_has_slug_and_author_and_every_command_accepts_lang():
    parser = make_parser("id")
    args = parser.parse_args(["new", "Judul", "--kelurahan", "loktuan", "--slug", "judul-lain", "--author", "Rina"])
    assert (args.slug, args.author, args.lang) == ("judul-lain", "Rina", None)
    args = parser.parse_args(["new", "Judul", "--kelurahan", "loktuan"])
    assert (args.slug, args.author) == (None, None)
    assert parser.parse_args(["--lang", "en", "build"]).lang == "en"
    assert parser.parse_args(["build", "--lang", "en"]).lang == "en"
    assert parser.parse_args(["--lang", "en", "build", "--lang", "id"]).lang == "id"
    for command in ("init", "serve"):
        assert parser.parse_args([command, "--lang=en"]).lang == "en"


def parser_options(parser: argparse.ArgumentParser) -> dict[str, bool]:
    return {option: action.nargs != 0 for action in parser._actions for option in action.option_strings}


def test_the_option_tables_match_the_parser():
    parser = make_parser("id")
    assert parser_options(parser) == TOP_OPTIONS
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(subparsers.choices) == set(COMMAND_OPTIONS)
    for name, command in subparsers.choices.items():
        assert parser_options(command) == COMMAND_OPTIONS[name], name
        positionals = [a.dest for a in command._actions if not a.option_strings]
        assert (positionals[:1] == ["site_dir"]) == (name in COMMANDS_WITH_SITE_ARGUMENT), name


# --- the language rule -------------------------------------------------------------------

@pytest.mark.parametrize("environ, expected", [
    ({}, "id"),
    ({"LANG": "C.UTF-8"}, "id"),
    ({"LANG": "C"}, "id"),
    ({"LANG": "POSIX"}, "id"),
    ({"LANG": "id_ID.UTF-8"}, "id"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "en"}, "en"),
    ({"LANG": "en_GB@euro"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "id"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
    ({"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "id"),
    ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),  # empty counts as unset
    ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
    ({"LC_ALL": "id_ID.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "id"),
    ({"LANGUAGE": "en_GB:id", "LANG": "id_ID.UTF-8"}, "en"),
    ({"LANGUAGE": "id:en", "LC_ALL": "en_US.UTF-8"}, "id"),
    ({"LANGUAGE": "fr:en_US", "LANG": "id_ID.UTF-8"}, "en"),  # its first entry kimpress speaks
    ({"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"}, "en"),  # none: POSIX decides
    ({"LANGUAGE": "", "LANG": "en_US.UTF-8"}, "en"),
    ({"LANGUAGE": "de", "LANG": "C.UTF-8"}, "id"),
])
def test_locale_language(environ, expected):
    assert locale_language(environ) == expected


class SiteReader:
    """A fake site.yaml reader: English for the folders given, and a record of every folder asked."""

    def __init__(self, *english: str) -> None:
        self.english = set(english)
        self.asked: list[str] = []

    def __call__(self, folder: str) -> str:
        self.asked.append(folder)
        return "en" if folder in self.english else "id"


@pytest.mark.parametrize("argv, folder", [
    (["build"], "."),
    (["build", "situs"], "situs"),
    (["build", "--output", "keluaran", "situs"], "situs"),
    (["build", "--output=keluaran", "situs"], "situs"),
    (["build", "-o", "keluaran", "situs"], "situs"),
    (["build", "-okeluaran", "situs"], "situs"),
    (["build", "-qo", "keluaran", "situs"], "situs"),
    (["build", "--out", "keluaran", "situs"], "situs"),
    (["build", "--base-url", "https://x.id/", "--drafts", "situs", "--force"], "situs"),
    (["build", "--", "situs"], "situs"),
    (["--debug", "build", "situs", "-q"], "situs"),
    (["serve", "--port", "8001", "--host", "0.0.0.0", "situs"], "situs"),
    (["serve", "-p", "0", "situs"], "situs"),
    (["serve", "situs", "--port=0"], "situs"),
    (["init", "--title", "Kabar KIM", "situs"], "situs"),
    (["init"], "."),
    (["new", "Judul", "--kelurahan", "loktuan"], "."),
    (["new", "Judul", "--kelurahan", "loktuan", "--site", "situs"], "situs"),
    (["new", "--site=situs", "--kelurahan", "loktuan", "Judul"], "situs"),
    (["new", "--si", "situs", "--kelurahan", "loktuan", "Judul"], "situs"),
    (["new", "--kelurahan", "situs", "--author", "situs2", "--slug", "s", "Judul"], "."),
])
def test_the_site_folder_is_found_as_the_parser_finds_it(argv, folder):
    reader = SiteReader()
    assert cli_language(argv, {}, reader) == "id"
    assert reader.asked == [folder]
    args = make_parser("id").parse_args(argv)
    assert args.site_dir == folder


@pytest.mark.parametrize("argv, expected", [
    (["--lang", "en", "build", "situs"], "en"),
    (["--lang=en", "build"], "en"),
    (["--la", "en", "build"], "en"),
    (["build", "--lang", "en"], "en"),
    (["build", "situs", "--lang=en"], "en"),
    (["new", "Judul", "--kelurahan", "loktuan", "--lang", "en"], "en"),
    (["--lang", "en", "build", "--lang", "id"], "id"),  # the last one, as argparse
    (["--lang", "id", "build"], "id"),
])
def test_lang_is_found_anywhere_and_wins(argv, expected):
    reader = SiteReader(".", "situs")
    assert cli_language(argv, {"LANG": "en_US.UTF-8"} if expected == "id" else {}, reader) == expected
    assert reader.asked == []  # --lang decides: no need to read the site
    assert make_parser("id").parse_args(argv).lang == expected


def test_the_rule():
    english = SiteReader("situs-en", ".")
    assert cli_language(["build", "situs-en"], {}, english) == "en"
    assert cli_language(["build", "situs-id"], {}, english) == "id"
    assert english.asked == ["situs-en", "situs-id"]
    assert cli_language(["build", "situs-id"], {"LANG": "en_US.UTF-8"}, english) == "en"
    assert cli_language(["--lang", "id", "build", "situs-en"], {"LANG": "en_US.UTF-8"}, english) == "id"
    assert english.asked == ["situs-en", "situs-id"]  # not read when the answer is known
    assert cli_language(["--lang", "fr", "build", "situs-en"], {}, english) == "en"  # an unknown --lang is ignored
    # No command, an unknown one, a missing --lang value: the site in the current folder.
    for argv in (["--help"], [], ["--lang"], ["biuld", "situs-id"]):
        english.asked.clear()
        assert cli_language(argv, {}, english) == "en"
        assert english.asked == ["."]
    assert cli_language(["--help"], {}, SiteReader()) == "id"
    # A title that only looks like an option is not --lang.
    assert cli_language(["new", "--kelurahan", "k", "--", "--lang", "en"], {}, SiteReader()) == "id"


def test_the_site_reader_is_lenient(tmp_path):
    assert _site_language(str(tmp_path / "tidak-ada")) == "id"
    (tmp_path / "site.yaml").write_text("title: [tidak ditutup\n", encoding="utf-8")
    assert _site_language(str(tmp_path)) == "id"
    (tmp_path / "site.yaml").write_bytes(b"\xff\xfe rusak")
    assert _site_language(str(tmp_path)) == "id"
    (tmp_path / "site.yaml").write_text("- a\n- b\n", encoding="utf-8")
    assert _site_language(str(tmp_path)) == "id"
    (tmp_path / "site.yaml").write_text("language: en\n", encoding="utf-8")
    assert _site_language(str(tmp_path)) == "en"


# --- argparse's own words ------------------------------------------------------------------

def argparse_msgids() -> tuple[set[str], set[tuple[str, str]]]:
    """Every literal msgid the running interpreter's argparse passes to ``_`` and ``ngettext``."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    singles: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            literals = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if node.func.id == "_" and literals:
                singles.add(literals[0])
            elif node.func.id == "ngettext" and len(literals) == 2:
                plurals.add((literals[0], literals[1]))
    return singles, plurals


def test_every_argparse_message_of_this_python_has_an_indonesian_translation():
    singles, plurals = argparse_msgids()
    assert "usage: " in singles and len(singles) > 30  # the scan itself works
    assert singles - set(ARGPARSE_ID) == set()
    assert plurals - set(ARGPARSE_PLURAL_ID) == set()
    for msgid in singles:
        assert ARGPARSE_ID[msgid] != msgid or msgid == "%(heading)s:", msgid


PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sr]")


@pytest.mark.parametrize("msgid, translation", [*ARGPARSE_ID.items(), *((pair[0], text) for pair, text in
                                                                         ARGPARSE_PLURAL_ID.items())])
def test_translations_keep_the_placeholders(msgid, translation):
    assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(msgid))
    assert translation.endswith("\n") == msgid.endswith("\n")
    assert "%" not in PLACEHOLDER.sub("", translation).replace("%%", "")


def test_type_names_unknown_messages_and_none():
    message = gettext_id("invalid %(type)s value: %(value)r")
    assert message % {"type": "int", "value": "abc"} == "'abc' bukan bilangan bulat yang sah"
    assert message % {"type": "float", "value": "x"} == "'x' bukan bilangan desimal yang sah"
    assert message % {"type": "port_number", "value": "x"} == "'x' bukan port_number yang sah"
    assert type(message % {"type": "int", "value": "1"}) is str
    assert gettext_id("a message from a future Python: %s") == "a message from a future Python: %s"
    assert gettext_id(None) is None
    assert ngettext_id("%s new thing", "%s new things", 1) == "%s new thing"
    assert ngettext_id("%s new thing", "%s new things", 2) == "%s new things"
    assert ngettext_id("expected %s argument", "expected %s arguments", 1) == "perlu %s nilai"


def test_clitext_holds_no_mutable_state_that_main_changes(capsys):
    def snapshot() -> tuple:
        return (dict(ARGPARSE_ID), dict(clitext.HELP), dict(TOP_OPTIONS),
                {name: dict(options) for name, options in COMMAND_OPTIONS.items()})

    before = snapshot()
    for environ in ({"LANG": "en_US.UTF-8"}, {}):
        with pytest.raises(SystemExit):
            main(["build", "--help"], environ=environ)
    assert capsys.readouterr().out.startswith("usage: kimpress build")
    assert snapshot() == before
