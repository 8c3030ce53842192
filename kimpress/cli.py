"""The command line: ``kimpress init | new | build``.

Exit status: 0 success, 1 a problem in the user's site (reported in plain
words), 2 a usage error, 3 an internal error (traceback only with --debug).
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from kimpress import __version__
from kimpress.build import BuildOptions, build
from kimpress.config import load_config
from kimpress.errors import KimpressError, error
from kimpress.report import ProgressBar, build_summary, print_diagnostics
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
    return parser


def _site_language(site_dir: str) -> str:
    """The language for messages, read leniently before the config is validated."""
    try:
        data = load_yaml((Path(site_dir) / "site.yaml").read_text(encoding="utf-8-sig")).data
    except (OSError, UnicodeDecodeError, YamlProblem):
        return "id"
    return "en" if isinstance(data, dict) and data.get("language") == "en" else "id"


def _run_build(args: argparse.Namespace, language: str) -> int:
    options = BuildOptions(drafts=args.drafts, future=args.future, output_dir=args.output,
                           base_url=args.base_url, force=args.force)
    result = build(args.site_dir, options, progress=None if args.quiet else ProgressBar())
    print_diagnostics(result.warnings, language)
    if not args.quiet:
        site = result.site
        print(build_summary(len(site.articles), len(site.pages), result.outputs, result.stats.written,
                            result.stats.deleted, result.seconds, language, site.skipped_drafts, site.skipped_future))
    return 0


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
    runners = {"build": _run_build, "new": _run_new, "init": _run_init}
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
