"""The pipeline, in order: the only module that knows the sequence of stages.

    site.yaml --load_config--> SiteConfig
    content/  --discover_sources--> [SourceFile] --parse_document--> {rel_path: Document}
              --build_site--> Site --plan_pages + copies--> [Output] --check_conflicts-->
              --render_output--> [Rendered] --write_outputs--> output/

Everything is gathered and rendered in memory first; a build with any error
raises before a byte is written, so the last good site stays whole.
"""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from kimpress.config.site import SiteConfig, load_config
from kimpress.core.errors import Diagnostic, SourceError, TemplateError, has_errors, warning
from kimpress.core.stamps import stamp, stamp_all
from kimpress.incremental.memory import (
    BuildMemory,
    CachingRenderer,
    FileDigests,
    ModelMemo,
    OutputRecord,
    forget_missing_sources,
    load_memory,
    parse_source,
    save_memory,
)
from kimpress.model.assemble import build_site
from kimpress.model.entries import Selection
from kimpress.model.types import Site
from kimpress.outputs.render import Rendered, load_site_theme, render_output, show_site
from kimpress.pipeline.write import WriteStats, check_output_dir, recover_interrupted_write, write_outputs
from kimpress.plan.feeds import plan_feeds
from kimpress.plan.pages import Output, check_conflicts, plan_copies, plan_pages
from kimpress.plan.references import check_references, published_paths
from kimpress.source.discovery import SourceKind, discover_sources, is_ignored_name
from kimpress.source.frontmatter import Document
from kimpress.theme.environment import Theme, theme_chain, theme_files_key

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
    cache_file: Path | None = None  # where ``build`` keeps its memory; None: no memory on disk


@dataclass(frozen=True)
class BuildResult:
    """What a successful build produced."""

    config: SiteConfig
    site: Site
    outputs: int
    stats: WriteStats
    warnings: list[Diagnostic] = field(default_factory=list)
    seconds: float = 0.0
    rendered: tuple[str, ...] = ()  # URLs of the outputs rendered this time


def build(site_dir: Path | str, options: BuildOptions = BuildOptions(), progress: Progress | None = None) -> BuildResult:
    """Build the site in ``site_dir``; raise a ``KimpressError`` listing every problem.

    With ``options.cache_file`` the memory of the last successful build is
    loaded from there and saved back, so an unchanged site renders nothing.
    """
    memory = load_memory(options.cache_file) if options.cache_file else None
    builder = Builder(site_dir, options, memory)
    result = builder.build(progress=progress)
    if options.cache_file:
        save_memory(options.cache_file, builder.memory)
    return result


class Builder:
    """Builds one site again and again, redoing only what changed since the last success.

    Sources are parsed again only when their files changed, Markdown is
    converted again only when its text or its links' targets changed, and an
    output is rendered again only when the stamp of everything it reads changed.
    The result always equals a full build; a failed build changes nothing on
    disk and nothing the next build relies on.
    """

    def __init__(self, site_dir: Path | str, options: BuildOptions = BuildOptions(),
                 memory: BuildMemory | None = None) -> None:
        self.site_dir = Path(site_dir)
        self.options = options
        self.memory = memory or BuildMemory()
        self._check_output_files = memory is not None  # files on disk may differ from a loaded memory
        self._memo = ModelMemo()
        self._theme: Theme | None = None
        self._theme_key: bytes | None = None

    def build(self, changed: Iterable[Path] = (), progress: Progress | None = None) -> BuildResult:
        """Bring the output up to date; ``changed`` names files known to have changed."""
        with _cyclic_gc_paused():
            return self._build(changed, progress)

    def _build(self, changed: Iterable[Path], progress: Progress | None) -> BuildResult:
        started = time.perf_counter()
        options = self.options
        config, warnings = load_config(self.site_dir, {"output_dir": options.output_dir,
                                                       "base_url": options.base_url})
        config = self._memo.canonical(config)  # the same settings as last time: the very same object
        check_output_dir(config, options.force)
        recovered = recover_interrupted_write(config.output_dir)  # a killed build's half write, undone
        if recovered:
            warnings.append(warning("output-recovered", None, None, count=recovered))
        memory = self.memory
        if memory.output_dir != str(config.output_dir):
            memory.outputs.clear()
            memory.output_dir = str(config.output_dir)
        site, diagnostics = self._read_site(config, {Path(path) for path in changed})
        theme, theme_key = self._theme_for(site)
        copies = copy_list(config, site, theme)
        outputs = plan_pages(site) + plan_feeds(site) + plan_copies(copies)
        diagnostics += check_conflicts(outputs)
        diagnostics += check_references(site.references, published_paths(outputs), config.base_url)
        _raise_if_errors(SourceError, warnings + diagnostics)
        sizes = {url: Path(path).stat().st_size for url, path, _ in copies}
        files = FileDigests(memory)
        stamps = _InputStamps(site, theme_key, sizes, files)
        due, kept = self._outputs_due(config, outputs, stamps)
        rendered, problems = render_all(theme, due, sizes, progress)
        _raise_if_errors(TemplateError, warnings + diagnostics + problems)
        stats = write_outputs(config.output_dir, rendered, kept=[output.path for output in kept])
        self._remember(config, outputs, kept, rendered, stamps)
        files.forget_unused()
        return BuildResult(config, site, len(outputs), stats, warnings + diagnostics,
                           time.perf_counter() - started, tuple(item.output.url for item in rendered))

    def _read_site(self, config: SiteConfig, changed: set[Path]) -> tuple[Site, list[Diagnostic]]:
        """Discover every source, parse the changed ones, then build the model."""
        sources, diagnostics = discover_sources(config.site_dir)
        documents: dict[str, Document] = {}
        for source in sources:
            if source.kind in (SourceKind.ASSET, SourceKind.STATIC):
                continue
            document, found = parse_source(self.memory, source, source.path in changed)
            diagnostics += found
            if document is not None and not has_errors(found):
                documents[source.rel_path] = document
        forget_missing_sources(self.memory, {source.rel_path for source in sources})
        now = self.options.now or datetime.now(timezone.utc)
        renderer = CachingRenderer(self.memory, config.language, config.markdown.sanitize)
        site, found = build_site(config, sources, documents, Selection(now, self.options.drafts,
                                                                       self.options.future), renderer, self._memo)
        renderer.forget_unused()
        self._memo.forget_unused()
        return site, diagnostics + found

    def _theme_for(self, site: Site) -> tuple[Theme, bytes]:
        """The theme, loaded again only when its files or the settings changed."""
        key = stamp_all(site.config, theme_files_key(theme_chain(site.config)))
        if self._theme is None or key != self._theme_key:
            self._theme, self._theme_key = load_site_theme(site), key
        show_site(self._theme, site)
        return self._theme, key

    def _outputs_due(self, config: SiteConfig, outputs: list[Output],
                     stamps: "_InputStamps") -> tuple[list[Output], list[Output]]:
        """Split ``outputs`` into those to render and those whose file is already right."""
        due: list[Output] = []
        kept: list[Output] = []
        records = self.memory.outputs
        out = config.output_dir
        for output in outputs:
            record = records.get(output.url)
            if record is None or record.inputs != stamps.of(output, record.site_fields):
                due.append(output)
            elif self._check_output_files and record.file_key != _file_key(out / output.path):
                due.append(output)
            else:
                kept.append(output)
        return due, kept

    def _remember(self, config: SiteConfig, outputs: list[Output], kept: list[Output],
                  rendered: list[Rendered], stamps: "_InputStamps") -> None:
        previous = self.memory.outputs
        records = {output.url: previous[output.url] for output in kept}
        for item in rendered:
            output = item.output
            records[output.url] = OutputRecord(stamps.of(output, item.site_fields), item.site_fields,
                                               _file_key(config.output_dir / output.path))
        self.memory.outputs = records
        self._check_output_files = False


class _InputStamps:
    """Stamps of what each output reads; the site's fields are stamped once per build."""

    def __init__(self, site: Site, theme_key: bytes, sizes: dict[str, int], files: FileDigests) -> None:
        self._site = site
        self._theme_key = theme_key
        self._sizes = stamp(sizes)
        self._fields: dict[str, bytes] = {}
        self._files = files
        self._outputs: dict[tuple[str, tuple[str, ...]], bytes] = {}

    def of(self, output: Output, site_fields: tuple[str, ...]) -> bytes:
        """The stamp of ``output``'s inputs, computed once per build (files may change meanwhile)."""
        key = (output.url, site_fields)
        if key not in self._outputs:
            self._outputs[key] = self._stamp(output, site_fields)
        return self._outputs[key]

    def _stamp(self, output: Output, site_fields: tuple[str, ...]) -> bytes:
        if output.copy_from is not None:
            return stamp_all(output.url, output.copy_from, self._files.of(output.copy_from))
        return stamp_all(output.url, output.template, self._theme_key, stamp(output.context),
                         stamp(output.feed) if output.feed is not None else None,
                         self._sizes if output.feed is not None else None,
                         [self._field(name) for name in site_fields])

    def _field(self, name: str) -> bytes:
        if name not in self._fields:
            names = Site.method_reads.get(name)
            if name in Site.__dataclass_fields__:
                self._fields[name] = stamp(getattr(self._site, name))
            elif names is not None:
                self._fields[name] = stamp_all(*(self._field(field) for field in names))
            else:  # anything else a template can reach may read the whole site
                self._fields[name] = stamp(self._site)
        return self._fields[name]


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector during a build.

    A build makes many objects and almost no cycles, while the model it keeps
    is large: scanning it again and again cost a fifth of a rebuild at 10,000
    articles. Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


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
        for path in sorted(p for p in static.rglob("*") if p.is_file() and not p.is_symlink()
                           and not any(is_ignored_name(part) for part in p.relative_to(static).parts)):
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
