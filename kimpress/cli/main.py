"""The command line: ``kimpress init | new | build | serve``.

Exit status: 0 success, 1 a problem in the user's site (reported in plain
words), 2 a usage error, 3 an internal error (traceback only with --debug).
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from kimpress import __version__
from kimpress.cli.check_report import FORMATS
from kimpress.cli.check_report import report as check_report
from kimpress.cli.edition_command import add_edition_arguments, run_edition
from kimpress.cli.report import (
    ProgressBar,
    build_summary,
    init_next_steps,
    new_next_steps,
    problems_line,
    rebuild_line,
)
from kimpress.cli.report_command import add_report_arguments, run_report
from kimpress.cli.text import LANGUAGES, LocalizedParser, cli_language, help_text, metavar, saying
from kimpress.config.yamltext import YamlProblem, load_yaml
from kimpress.core.errors import Diagnostic, KimpressError, error, warning
from kimpress.core.wording import print_diagnostics
from kimpress.incremental.fingerprint import build_settings, still_valid
from kimpress.incremental.fingerprint import take as take_fingerprint
from kimpress.incremental.location import cache_dir, cache_file, fingerprint_file

if TYPE_CHECKING:
    from kimpress.pipeline.build import BuildResult

EXIT_INTERNAL = 3


def make_parser(language: str = "id") -> argparse.ArgumentParser:
    """The parser, its help and argparse's own messages in ``language`` (``id`` or ``en``)."""

    def text(key: str) -> str:
        return help_text(key, language)

    def placeholder(key: str) -> str:
        return metavar(key, language)

    def count(value: str) -> int:
        number = int(value)
        if number < 1:
            raise ValueError(value)
        return number

    count.__name__ = saying("count-type", language)

    def add_lang(command: argparse.ArgumentParser) -> None:
        # Also after the command; SUPPRESS keeps a --lang given before it.
        command.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=text("lang"))

    parser = LocalizedParser(prog="kimpress", description=text("program"), epilog=text("epilog"), language=language)
    parser.add_argument("--version", action="version", version=f"kimpress {__version__}", help=text("version"))
    parser.add_argument("--debug", action="store_true", help=text("debug"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=text("lang"))
    names = ("init", "new", "build", "check", "serve", "report", "edition")
    commands = parser.add_subparsers(dest="command", required=True, metavar="{" + ",".join(names) + "}",
                                     title=text("commands"))

    init = commands.add_parser("init", help=text("init"), description=text("init.description"))
    init.add_argument("site_dir", nargs="?", default=".", metavar=placeholder("folder"), help=text("init.site_dir"))
    init.add_argument("--title", default="Kabar KIM", metavar=placeholder("title"), help=text("init.title"))
    init.add_argument("--ci", choices=("github", "gitlab", "none"), default=None, help=text("init.ci"))
    add_lang(init)

    new = commands.add_parser("new", help=text("new"), description=text("new.description"))
    new.add_argument("title", metavar=placeholder("title"), help=text("new.title"))
    new.add_argument("--kelurahan", required=True, metavar=placeholder("kelurahan"), help=text("new.kelurahan"))
    new.add_argument("--category", metavar=placeholder("category"), help=text("new.category"))
    new.add_argument("--slug", metavar=placeholder("slug"), help=text("new.slug"))
    new.add_argument("--author", metavar=placeholder("name"), help=text("new.author"))
    new.add_argument("--site", default=".", dest="site_dir", metavar=placeholder("folder"), help=text("site_dir"))
    add_lang(new)

    build_cmd = commands.add_parser("build", help=text("build"), description=text("build.description"))
    build_cmd.add_argument("site_dir", nargs="?", default=".", metavar=placeholder("folder"), help=text("site_dir"))
    build_cmd.add_argument("--output", "-o", metavar=placeholder("folder"), help=text("build.output"))
    build_cmd.add_argument("--drafts", action="store_true", help=text("drafts"))
    build_cmd.add_argument("--future", action="store_true", help=text("future"))
    build_cmd.add_argument("--base-url", metavar=placeholder("url"), help=text("build.base_url"))
    build_cmd.add_argument("--force", action="store_true", help=text("build.force"))
    build_cmd.add_argument("--quiet", "-q", action="store_true", help=text("quiet"))
    build_cmd.add_argument("--watch", "-w", action="store_true", help=text("build.watch"))
    build_cmd.add_argument("--no-cache", action="store_true", help=text("build.no_cache"))
    build_cmd.add_argument("--jobs", "-j", type=count, metavar=placeholder("count"), help=text("jobs"))
    add_lang(build_cmd)

    check_cmd = commands.add_parser("check", help=text("check"), description=text("check.description"))
    check_cmd.add_argument("site_dir", nargs="?", default=".", metavar=placeholder("folder"), help=text("site_dir"))
    check_cmd.add_argument("--format", choices=FORMATS, default="text", help=text("check.format"))
    check_cmd.add_argument("--strict", action="store_true", help=text("check.strict"))
    check_cmd.add_argument("--drafts", action="store_true", help=text("drafts"))
    check_cmd.add_argument("--future", action="store_true", help=text("future"))
    check_cmd.add_argument("--jobs", "-j", type=count, metavar=placeholder("count"), help=text("jobs"))
    add_lang(check_cmd)

    serve = commands.add_parser("serve", help=text("serve"), description=text("serve.description"))
    serve.add_argument("site_dir", nargs="?", default=".", metavar=placeholder("folder"), help=text("site_dir"))
    serve.add_argument("--port", "-p", type=int, default=8000, metavar=placeholder("port"), help=text("serve.port"))
    serve.add_argument("--host", default="127.0.0.1", metavar=placeholder("host"), help=text("serve.host"))
    serve.add_argument("--drafts", action="store_true", help=text("drafts"))
    serve.add_argument("--future", action="store_true", help=text("future"))
    serve.add_argument("--quiet", "-q", action="store_true", help=text("quiet"))
    serve.add_argument("--jobs", "-j", type=count, metavar=placeholder("count"), help=text("jobs"))
    add_lang(serve)

    report_cmd = commands.add_parser("report", help=text("report"), description=text("report.description"))
    add_report_arguments(report_cmd, text, placeholder, language)
    add_lang(report_cmd)

    edition_cmd = commands.add_parser("edition", help=text("edition"), description=text("edition.description"))
    add_edition_arguments(edition_cmd, text, placeholder, language)
    add_lang(edition_cmd)
    return parser


def _site_language(site_dir: str) -> str:
    """The language for messages, read leniently before the config is validated."""
    try:
        data = load_yaml((Path(site_dir) / "site.yaml").read_text(encoding="utf-8-sig")).data
    except (OSError, UnicodeDecodeError, YamlProblem):
        return "id"
    return "en" if isinstance(data, dict) and data.get("language") == "en" else "id"


def _run_build(args: argparse.Namespace, language: str) -> int:
    memory = None if args.no_cache else cache_file(Path(args.site_dir))
    settings = build_settings(args.drafts, args.future, args.output, args.base_url)
    seen = None
    if memory is not None and not args.watch:
        seen = take_fingerprint(Path(args.site_dir).resolve(), settings)
        said = still_valid(fingerprint_file(memory), seen)
        if said is not None:  # nothing changed since the last build: say again what it said, and stop
            _print_result(said.warnings, said.articles, said.pages, said.outputs, 0, 0, seen.taken_at, said.unpublished,
                          said.zone, args.quiet, language)
            return 0
    from kimpress.pipeline.build import BuildOptions, build  # the engine, only when there is work for it

    options = BuildOptions(drafts=args.drafts, future=args.future, output_dir=args.output,
                           base_url=args.base_url, force=args.force, cache_file=memory, jobs=args.jobs)
    if args.watch:
        from kimpress.serve.preview import Preview

        preview = Preview(Path(args.site_dir), options, _terminal_report(args.quiet), memory_file=memory)
        preview.start()
        print(saying("watching", language))
        _wait_for_interrupt(preview.stop)
        return 0
    started = time.time()
    result = build(args.site_dir, options, progress=None if args.quiet else ProgressBar(), seen=seen)
    site = result.site
    _print_result(result.warnings, len(site.articles), len(site.pages), result.outputs, result.stats.written,
                  result.stats.deleted, started, site.unpublished, result.config.zone, args.quiet, language)
    return 0


def _print_result(warnings, articles: int, pages: int, outputs: int, written: int, deleted: int, started: float,
                  unpublished, zone, quiet: bool, language: str) -> None:
    """The warnings of a build, then (unless ``quiet``) its closing line."""
    print_diagnostics(warnings, language)
    if not quiet:
        print(build_summary(articles, pages, outputs, written, deleted, time.time() - started, language, unpublished,
                            zone))


def _run_check(args: argparse.Namespace, language: str) -> int:
    """Report every problem of the site, writing nothing; 1 on errors (or warnings with --strict)."""
    from kimpress.pipeline.check import CheckOptions, check

    site_dir = Path(args.site_dir)
    try:
        result = check(site_dir, CheckOptions(drafts=args.drafts, future=args.future, cache_file=cache_file(site_dir),
                                              jobs=args.jobs))
        problems = result.problems
    except KimpressError as exc:  # site.yaml missing or broken: that is the report
        problems = tuple(sorted(exc.diagnostics, key=Diagnostic.sort_key))
    print(check_report(problems, language, args.format, site_dir))
    failed = any(problem.is_error for problem in problems) or (args.strict and bool(problems))
    return 1 if failed else 0


def _run_serve(args: argparse.Namespace, language: str) -> int:
    from kimpress.config.site import load_config
    from kimpress.pipeline.build import BuildOptions
    from kimpress.serve.preview import Preview
    from kimpress.serve.server import PreviewServer, is_loopback

    site_dir = Path(args.site_dir)
    load_config(site_dir)  # a missing or broken site.yaml here means the wrong folder: say so and stop
    folder = cache_dir(site_dir)
    try:
        server = PreviewServer(args.host, args.port, folder / "preview")
    except OSError as exc:
        raise KimpressError([error("serve-cannot-listen", None, None, host=args.host, port=args.port,
                                   reason=exc.strerror or str(exc))]) from None
    if not is_loopback(args.host):
        print_diagnostics([warning("serve-public-host", None, None, host=args.host)], language)
    options = BuildOptions(drafts=args.drafts, future=args.future, output_dir=str(folder / "preview"),
                           base_url=server.url, jobs=args.jobs)
    preview = Preview(site_dir, options, _terminal_report(args.quiet), memory_file=folder / "preview.pickle")
    server.source = preview
    preview.start()
    print(saying("serving", language, url=server.url), flush=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        preview.stop()
        server.server_close()

    _wait_for_interrupt(stop)
    return 0


def _terminal_report(quiet: bool):
    """Print each rebuild's outcome: its problems, or one line when it went well."""
    builds = [0]

    def report(result: BuildResult | None, problems: tuple[Diagnostic, ...], language: str) -> None:
        if problems:
            print(problems_line(len(problems), language), file=sys.stderr, flush=True)
            print_diagnostics(problems, language)
        elif result is not None:
            print_diagnostics(result.warnings, language)
            if not quiet:
                print(rebuild_line(result.stats.written, result.stats.deleted, result.seconds, language,
                                   first=builds[0] == 0), flush=True)
        builds[0] += 1

    return report


def _wait_for_interrupt(stop) -> None:
    """Block until Ctrl+C or SIGTERM, then run ``stop``."""
    finished = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: finished.set())
    try:
        while not finished.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        stop()


def _run_new(args: argparse.Namespace, language: str) -> int:
    from kimpress.cli.scaffold import new_article
    from kimpress.config.site import load_config

    config, _ = load_config(Path(args.site_dir))
    made = new_article(config, args.title, args.kelurahan, args.category, slug=args.slug, author=args.author)
    print_diagnostics(made.warnings, language)
    print(made.path.relative_to(config.site_dir).as_posix())
    print(new_next_steps(_site_argument(args.site_dir), made.url, language))
    return 0


def _run_init(args: argparse.Namespace, language: str) -> int:
    from kimpress.cli.scaffold import init_site
    from kimpress.cli.workflows import publish_next_steps

    existing = (Path(args.site_dir) / "site.yaml").exists()
    created = init_site(Path(args.site_dir), args.title, args.ci)
    for path in created:
        print(path)
    if existing:  # only the workflow was added: say how it starts publishing
        print(publish_next_steps(args.ci, language))
    else:
        print(init_next_steps(_site_argument(args.site_dir), "sukamaju", language))
    return 0


def _site_argument(site_dir: str) -> str:
    """The site folder as the writer should type it in the next command ("" for the current folder)."""
    return "" if Path(site_dir).resolve() == Path.cwd().resolve() else shlex.quote(site_dir)


def main(argv: list[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    """Run one command; return the exit status. Everything it prints is in one language."""
    argv = sys.argv[1:] if argv is None else list(argv)
    language = cli_language(argv, os.environ if environ is None else environ, _site_language)
    args = make_parser(language).parse_args(argv)
    runners = {"check": _run_check, "build": _run_build, "serve": _run_serve, "new": _run_new, "init": _run_init,
               "report": run_report, "edition": run_edition}
    try:
        return runners[args.command](args, language)
    except KimpressError as exc:
        print_diagnostics(exc.diagnostics, language)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug in kimpress, not the user's fault
        if args.debug:
            traceback.print_exc()
        print_diagnostics([error("internal-error", None, None, detail=f"{type(exc).__name__}: {exc}")], language)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
