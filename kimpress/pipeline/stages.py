"""The stages of a build, each callable alone: load -> read -> model -> plan -> render -> write.

    site.yaml --load--> SiteConfig, Plugins
    content/  --read--> {rel_path: Document} --model--> Site
              --plan--> [Output] (every kind; conflicts and references checked)
              --render--> [Rendered] --write_outputs--> output/

Each stage takes plain values and returns new ones; ``Builder`` (build.py) runs
them in order with the memory of the last build. ``kimpress check`` can stop
after ``plan``: nothing is rendered and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Mapping

from kimpress.config.site import SiteConfig, load_config
from kimpress.core.errors import Diagnostic, has_errors, warning
from kimpress.incremental.memory import BuildMemory, CachingRenderer, forget_missing_sources, parse_source
from kimpress.media.catalog import Probe
from kimpress.model.assemble import build_site
from kimpress.model.entries import Selection
from kimpress.model.types import Site
from kimpress.outputs.registry import Registry, RenderContext, Rendered
from kimpress.pipeline.parallel import Spread, parallel_map
from kimpress.plan.admin import plan_admin
from kimpress.plan.conflicts import check_conflicts
from kimpress.plan.edition_pages import plan_editions
from kimpress.plan.factcheck import plan_factchecks
from kimpress.plan.feeds import plan_feeds
from kimpress.plan.output import Output, copy_output
from kimpress.plan.pages import plan_pages, sitemap_output
from kimpress.plan.photos import plan_photo_outputs
from kimpress.plan.redirects import plan_redirects
from kimpress.plan.references import check_references, published_paths
from kimpress.plan.report_page import plan_report
from kimpress.plan.search import plan_search
from kimpress.plan.share import plan_share_cards
from kimpress.plugins import Plugins, load_plugins
from kimpress.source.discovery import SourceFile, SourceKind, discover_sources, is_ignored_name
from kimpress.source.frontmatter import Document
from kimpress.source.history import NO_HISTORY, ContentHistory
from kimpress.theme.environment import Theme

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Loaded:
    """The settings of a build: site.yaml validated, its warnings, the plugins it switches on."""

    config: SiteConfig
    plugins: Plugins
    warnings: list[Diagnostic]


def load(site_dir: Path, overrides: Mapping[str, object]) -> Loaded:
    """Read site.yaml (command-line ``overrides`` first) and load its plugins."""
    config, warnings = load_config(site_dir, dict(overrides))
    return Loaded(config, load_plugins(config), warnings)


def read(config: SiteConfig, memory: BuildMemory, changed: set[Path] = frozenset()
         ) -> tuple[list[SourceFile], dict[str, Document], list[Diagnostic]]:
    """Discover every source and parse the text ones (reusing the memory's parses of unchanged files)."""
    sources, diagnostics = discover_sources(config.site_dir)
    documents: dict[str, Document] = {}
    for source in sources:
        if source.kind in (SourceKind.ASSET, SourceKind.STATIC):
            continue
        document, found = parse_source(memory, source, source.path in changed)
        diagnostics += found
        if document is not None and not has_errors(found):
            documents[source.rel_path] = document
    forget_missing_sources(memory, {source.rel_path for source in sources})
    return sources, documents, diagnostics


def model(loaded: Loaded, sources: list[SourceFile], documents: dict[str, Document], memory: BuildMemory,
          selection: Selection, memo, jobs: int | None = 1, history: ContentHistory = NO_HISTORY
          ) -> tuple[Site, list[Diagnostic]]:
    """Build the model; Markdown the memory lacks is converted on ``jobs`` cores.

    Links written to a path a file had before (``history``) still lead to it.
    """
    config = loaded.config
    extensions = loaded.plugins.markdown_extensions()
    renderer = CachingRenderer(memory, config.language, config.markdown.sanitize, extensions,
                               loaded.plugins.key if extensions else b"", Spread(jobs))
    moved = {_content_relative(old): _content_relative(new) for old, new in history.moved_paths().items()}
    site, diagnostics = build_site(config, sources, documents, selection, renderer, memo, moved)
    renderer.forget_unused()
    return site, diagnostics


def _content_relative(path: str) -> str:
    """"content/a/x.md" -> "a/x.md", as links are written."""
    return path.split("/", 1)[1] if path.startswith("content/") else path


def plan(site: Site, theme: Theme, plugins: Plugins, probe: Probe, history: ContentHistory = NO_HISTORY
         ) -> tuple[Site, list[Output], dict[str, int], list[Diagnostic]]:
    """Every output of the site, checked: no two claim one file, root links lead somewhere.

    Photos among the copied files become their light variants (``probe`` reads their
    size), and the site gains their ``images``. Old addresses of moved articles (from
    ``history`` and ``aliases:``) get redirect pages. Returns that site, the outputs, the size
    of each copied file by URL (for feed enclosures) and the diagnostics.
    """
    copies = copy_list(site.config, site, theme)
    sizes = {output.url: Path(output.payload.source).stat().st_size for output in copies}
    site, files, diagnostics = plan_photo_outputs(site, copies, probe)
    outputs = (plan_pages(site) + plan_factchecks(site) + plan_search(site) + plan_feeds(site)
               + plan_share_cards(site) + plan_admin(site) + plan_editions(site) + plan_report(site)
               + plugins.outputs(site) + files)
    redirects, found = plan_redirects(site, outputs, history)
    diagnostics += found
    outputs += redirects
    outputs.append(sitemap_output(site, outputs))
    diagnostics += check_conflicts(outputs)
    diagnostics += check_references(site.references, published_paths(outputs), site.config.base_url)
    return site, outputs, sizes, diagnostics


def copy_list(config: SiteConfig, site: Site, theme: Theme) -> list[Output]:
    """Every file copied verbatim: the theme's static files, then ``static/``, then articles' files.

    Theme static files come first so ``static/`` of the site can replace them
    (a later claim on the same URL wins only here, by design: it is an override).
    """
    copies: dict[str, Output] = {}
    for folder in theme.static_dirs():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            url = "/" + path.relative_to(folder).as_posix()
            copies[url] = copy_output(url, str(path), "theme")
    static = config.static_dir
    if static.is_dir():
        for path in sorted(p for p in static.rglob("*") if p.is_file() and not p.is_symlink()
                           and not any(is_ignored_name(part) for part in p.relative_to(static).parts)):
            url = "/" + path.relative_to(static).as_posix()
            copies[url] = copy_output(url, str(path), path.relative_to(config.site_dir).as_posix())
    return list(copies.values()) + [copy_output(asset.url, str(config.site_dir / asset.source), asset.source)
                                    for asset in site.assets]


def render(registry: Registry, context: RenderContext, outputs: list[Output], jobs: int | None = 1,
           progress: Progress | None = None) -> tuple[list[Rendered], list[Diagnostic]]:
    """Render every output, on ``jobs`` cores; one diagnostic per failing template location.

    Workers send back only bytes and the fields read; the results are in the
    order of ``outputs`` whatever the number of workers. Heavy kinds (photos) go
    first, spread over every core however few they are.
    """

    def make(index: int) -> tuple[bytes | None, tuple[str, ...], str | None, Diagnostic | None]:
        item, problem = registry.render(outputs[index], context)
        if progress is not None and jobs == 1 and index % 50 == 0:
            progress(index, len(outputs))
        if item is None:
            return None, (), None, problem
        return item.data, item.site_fields, item.source, None

    heavy = [index for index, output in enumerate(outputs) if registry.is_heavy(output.kind)]
    results: list = [None] * len(outputs)
    for index, result in zip(heavy, parallel_map(lambda position: make(heavy[position]), len(heavy), jobs, 1)):
        results[index] = result
    light = [index for index, result in enumerate(results) if result is None]
    for index, result in zip(light, parallel_map(lambda position: make(light[position]), len(light), jobs)):
        results[index] = result
    rendered: list[Rendered] = []
    problems: dict[tuple, Diagnostic] = {}
    for output, (data, fields, source, problem) in zip(outputs, results):
        if problem is not None:
            problems.setdefault((problem.path, problem.line, problem.code), problem)
        else:
            rendered.append(Rendered(output, data, fields, source))
    if progress is not None:
        progress(len(outputs), len(outputs))
    return rendered, list(problems.values())


def now_or(moment: datetime | None) -> datetime:
    """The moment that decides what is "future": the given one, else the clock."""
    return moment or datetime.now(timezone.utc)


def recovery_warning(count: int) -> list[Diagnostic]:
    """The warning that a killed build's half write was undone, when it was."""
    return [warning("output-recovered", None, None, count=count)] if count else []
