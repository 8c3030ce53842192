"""The pipeline, in order: the only module that knows the sequence of stages.

    site.yaml --load_config--> SiteConfig
    content/  --discover_sources--> [SourceFile] --parse_document--> {rel_path: Document}
              --build_site--> Site --plan_pages + copies--> [Output] --check_conflicts-->
              --render_output--> [Rendered] --write_outputs--> output/

Everything is gathered and rendered in memory first; a build with any error
raises before a byte is written, so the last good site stays whole.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from kimpress.config import SiteConfig, load_config
from kimpress.content import Selection, build_site
from kimpress.errors import Diagnostic, SourceError, TemplateError, has_errors
from kimpress.feeds import plan_feeds
from kimpress.frontmatter import Document, parse_document
from kimpress.model import Site
from kimpress.plan import Output, check_conflicts, plan_copies, plan_pages
from kimpress.render import Rendered, load_site_theme, render_output
from kimpress.sources import SourceFile, SourceKind, discover_sources, read_text
from kimpress.theme import Theme
from kimpress.write import WriteStats, check_output_dir, write_outputs

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BuildOptions:
    """What the command line can change about one build."""

    drafts: bool = False
    future: bool = False
    output_dir: str | None = None
    base_url: str | None = None
    force: bool = False
    now: datetime | None = None  # the moment that decides "future"; tests pin it


@dataclass(frozen=True)
class BuildResult:
    """What a successful build produced."""

    config: SiteConfig
    site: Site
    outputs: int
    stats: WriteStats
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0


def build(site_dir: Path | str, options: BuildOptions = BuildOptions(), progress: Progress | None = None) -> BuildResult:
    """Build the site in ``site_dir``; raise a ``KimpressError`` listing every problem."""
    started = time.perf_counter()
    config, warnings = load_config(Path(site_dir), {"output_dir": options.output_dir, "base_url": options.base_url})
    check_output_dir(config, options.force)
    site, diagnostics = read_site(config, options)
    theme = load_site_theme(site)
    copies = copy_list(config, site, theme)
    outputs = plan_pages(site) + plan_feeds(site) + plan_copies(copies)
    diagnostics += check_conflicts(outputs)
    _raise_if_errors(SourceError, warnings + diagnostics)
    sizes = {url: Path(path).stat().st_size for url, path, _ in copies}
    rendered, problems = render_all(theme, outputs, sizes, progress)
    _raise_if_errors(TemplateError, warnings + diagnostics + problems)
    stats = write_outputs(config.output_dir, rendered)
    return BuildResult(config, site, len(outputs), stats, warnings + diagnostics, time.perf_counter() - started)


def read_site(config: SiteConfig, options: BuildOptions) -> tuple[Site, list[Diagnostic]]:
    """Discover, read and parse every source, then build the model."""
    sources, diagnostics = discover_sources(config.site_dir)
    documents: dict[str, Document] = {}
    for source in sources:
        if source.kind in (SourceKind.ASSET, SourceKind.STATIC):
            continue
        text, problem = read_text(source)
        if problem is not None:
            diagnostics.append(problem)
            continue
        document, found = parse_document(source.rel_path, text or "")
        diagnostics += found
        if not has_errors(found):
            documents[source.rel_path] = document
    now = options.now or datetime.now(timezone.utc)
    site, found = build_site(config, sources, documents, Selection(now, options.drafts, options.future))
    return site, diagnostics + found


def copy_list(config: SiteConfig, site: Site, theme: Theme) -> list[tuple[str, str, str]]:
    """(URL, absolute source, origin) of every file copied verbatim.

    Theme static files come first so ``static/`` of the site can replace them
    (a later claim on the same URL wins only here, by design: it is an override).
    """
    copies: dict[str, tuple[str, str, str]] = {}
    for folder in theme.static_dirs():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            url = "/" + path.relative_to(folder).as_posix()
            copies[url] = (url, str(path), "theme")
    static = config.static_dir
    if static.is_dir():
        for path in sorted(p for p in static.rglob("*") if p.is_file() and not p.is_symlink()):
            url = "/" + path.relative_to(static).as_posix()
            copies[url] = (url, str(path), path.relative_to(config.site_dir).as_posix())
    return list(copies.values()) + [(asset.url, str(config.site_dir / asset.source), asset.source)
                                    for asset in site.assets]


def render_all(theme: Theme, outputs: list[Output], sizes: dict[str, int],
               progress: Progress | None = None) -> tuple[list[Rendered], list[Diagnostic]]:
    """Render every output; collect one diagnostic per failing template location."""
    rendered: list[Rendered] = []
    problems: dict[tuple, Diagnostic] = {}
    for index, output in enumerate(outputs):
        item, problem = render_output(theme, output, sizes)
        if problem is not None:
            problems.setdefault((problem.path, problem.line, problem.code), problem)
        elif item is not None:
            rendered.append(item)
        if progress is not None and index % 50 == 0:
            progress(index, len(outputs))
    if progress is not None:
        progress(len(outputs), len(outputs))
    return rendered, list(problems.values())


def _raise_if_errors(kind: type[SourceError] | type[TemplateError], diagnostics: list[Diagnostic]) -> None:
    if has_errors(diagnostics):
        raise kind(sorted(diagnostics, key=Diagnostic.sort_key))
