"""The command line: ``kimpress init | new | build | serve``.

Exit status: 0 success, 1 a problem in the user's site (reported in plain
words), 2 a usage error, 3 an internal error (traceback only with --debug).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import traceback
from pathlib import Path

from kimpress import __version__
from kimpress.build import BuildOptions, BuildResult, build
from kimpress.cache import cache_dir, cache_file
from kimpress.config import load_config
from kimpress.errors import Diagnostic, KimpressError, error, warning
from kimpress.preview import Preview
from kimpress.report import ProgressBar, build_summary, print_diagnostics, problems_line, rebuild_line
from kimpress.serve import PreviewServer, is_loopback
from kimpress.scaffold import init_site, new_article
from kimpress.yamltext import YamlProblem, load_yaml

EXIT_INTERNAL = 3


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kimpress", description="Static site generator for KIM newsletters.")
    parser.add_argument("--version", action="version", version=f"kimpress {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback for internal errors")
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help="create a new site")
    init.add_argument("site_dir", nargs="?", default=".", help="folder for the new site (default: .)")
    init.add_argument("--title", default="Kabar KIM", help="site title")

    new = commands.add_parser("new", help="create a new article from a template")
    new.add_argument("title", help="the article title")
    new.add_argument("--kelurahan", required=True, help="kelurahan folder, e.g. satimpo")
    new.add_argument("--category", help="rubrik, e.g. berita")
    new.add_argument("--site", default=".", dest="site_dir", help="site folder (default: .)")

    build_cmd = commands.add_parser("build", help="build the site")
    build_cmd.add_argument("site_dir", nargs="?", default=".", help="site folder (default: .)")
    build_cmd.add_argument("--output", "-o", help="output folder (default: output_dir of site.yaml)")
    build_cmd.add_argument("--drafts", action="store_true", help="include drafts")
    build_cmd.add_argument("--future", action="store_true", help="include articles dated in the future")
    build_cmd.add_argument("--base-url", help="override base_url, e.g. for a preview")
    build_cmd.add_argument("--force", action="store_true", help="build into a non-empty folder kimpress did not make")
    build_cmd.add_argument("--quiet", "-q", action="store_true", help="print only problems")
    build_cmd.add_argument("--watch", "-w", action="store_true", help="rebuild on every change until Ctrl+C")
    build_cmd.add_argument("--no-cache", action="store_true", help="ignore and do not keep the build memory")

    serve = commands.add_parser("serve", help="preview the site: rebuild on every change and reload the browser")
    serve.add_argument("site_dir", nargs="?", default=".", help="site folder (default: .)")
    serve.add_argument("--port", "-p", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default: 127.0.0.1; anything else opens the preview to the network)")
    serve.add_argument("--drafts", action="store_true", help="include drafts")
    serve.add_argument("--future", action="store_true", help="include articles dated in the future")
    serve.add_argument("--quiet", "-q", action="store_true", help="print only problems")
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
    options = BuildOptions(drafts=args.drafts, future=args.future, output_dir=args.output,
                           base_url=args.base_url, force=args.force, cache_file=memory)
    if args.watch:
        preview = Preview(Path(args.site_dir), options, _terminal_report(args.quiet), memory_file=memory)
        preview.start()
        print("Memantau perubahan; Ctrl+C untuk berhenti." if language == "id" else "Watching for changes; Ctrl+C to stop.")
        _wait_for_interrupt(preview.stop)
        return 0
    result = build(args.site_dir, options, progress=None if args.quiet else ProgressBar())
    print_diagnostics(result.warnings, language)
    if not args.quiet:
        site = result.site
        print(build_summary(len(site.articles), len(site.pages), result.outputs, result.stats.written,
                            result.stats.deleted, result.seconds, language, site.skipped_drafts, site.skipped_future))
    return 0


def _run_serve(args: argparse.Namespace, language: str) -> int:
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
                           base_url=server.url)
    preview = Preview(site_dir, options, _terminal_report(args.quiet), memory_file=folder / "preview.pickle")
    server.source = preview
    preview.start()
    print(f"Pratinjau: {server.url}  (Ctrl+C untuk berhenti)" if language == "id"
          else f"Preview: {server.url}  (Ctrl+C to stop)", flush=True)
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
    config, _ = load_config(Path(args.site_dir))
    path = new_article(config, args.title, args.kelurahan, args.category)
    print(path.relative_to(config.site_dir).as_posix())
    return 0


def _run_init(args: argparse.Namespace, language: str) -> int:
    created = init_site(Path(args.site_dir), args.title)
    for path in created:
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; return the exit status."""
    args = make_parser().parse_args(argv)
    language = _site_language(getattr(args, "site_dir", "."))
    runners = {"build": _run_build, "serve": _run_serve, "new": _run_new, "init": _run_init}
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
