"""Build a site: the stages of ``stages.py`` in order, with the memory of the last success.

Everything is gathered and rendered in memory first; a build with any error
raises before a byte is written, so the last good site stays whole.
"""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator

from kimpress.config.site import SiteConfig
from kimpress.core.errors import Diagnostic, SourceError, TemplateError, has_errors
from kimpress.core.stamps import stamp, stamp_all
from kimpress.incremental.fingerprint import Fingerprint, LeftOut, Summary, build_settings, remember
from kimpress.incremental.fingerprint import take as take_fingerprint
from kimpress.incremental.inputs import InputStamps
from kimpress.incremental.location import fingerprint_file
from kimpress.incremental.memory import BuildMemory, FileDigests, OutputRecord, load_memory, save_memory
from kimpress.incremental.photos import cached_probe
from kimpress.model.entries import Selection
from kimpress.model.types import Site
from kimpress.outputs.kinds import build_registry
from kimpress.outputs.registry import RenderContext, Rendered, StampContext
from kimpress.pipeline.budget import over_budget
from kimpress.pipeline.stages import Loaded, Progress, load, model, now_or, plan, read, recovery_warning, render
from kimpress.pipeline.write import MANIFEST, WriteStats, check_output_dir, recover_interrupted_write, write_outputs
from kimpress.plan.output import Output
from kimpress.plugins import Plugins
from kimpress.source.history import ContentHistory, read_history
from kimpress.theme.environment import Theme, theme_chain, theme_files_key
from kimpress.theme.filters import load_site_theme


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
    jobs: int | None = None  # worker processes for Markdown and rendering; None: every core


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
    files: tuple[str, ...] = ()  # every file of the output folder this build vouches for


def build(site_dir: Path | str, options: BuildOptions = BuildOptions(), progress: Progress | None = None,
          seen: Fingerprint | None = None) -> BuildResult:
    """Build the site in ``site_dir``; raise a ``KimpressError`` listing every problem.

    With ``options.cache_file`` the memory of the last successful build is
    loaded from there and saved back, so an unchanged site renders nothing, and
    the fingerprint of the inputs (``seen``: taken before the build started) is
    recorded so that the next ``kimpress build`` of an unchanged site need not start.
    """
    if options.cache_file:
        seen = seen or take_fingerprint(Path(site_dir).resolve(), build_settings(options.drafts, options.future,
                                                                         options.output_dir, options.base_url))
    memory = load_memory(options.cache_file) if options.cache_file else None
    builder = Builder(site_dir, options, memory)
    result = builder.build(progress=progress)
    if options.cache_file and seen is not None:
        save_memory(options.cache_file, builder.memory)
        site = result.site
        due = [item.date for item in site.unpublished if item.reason == "future" and item.date]
        summary = Summary(len(site.articles), len(site.pages), result.outputs, tuple(result.warnings),
                          tuple(LeftOut(item.source, item.reason, item.date) for item in site.unpublished),
                          result.config.zone)
        remember(fingerprint_file(options.cache_file), seen, result.config.output_dir, result.files,
                 min(due, default=None), summary)
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
        self._memo = self.memory.model
        self._theme: Theme | None = None
        self._theme_key: bytes | None = None
        self._history: ContentHistory | None = None

    def build(self, changed: Iterable[Path] = (), progress: Progress | None = None) -> BuildResult:
        """Bring the output up to date; ``changed`` names files known to have changed."""
        with _cyclic_gc_paused():
            return self._build(changed, progress)

    def _build(self, changed: Iterable[Path], progress: Progress | None) -> BuildResult:
        started = time.perf_counter()
        options = self.options
        loaded = load(self.site_dir, {"output_dir": options.output_dir, "base_url": options.base_url})
        config = self._memo.canonical(loaded.config)  # the same settings as last time: the very same object
        loaded = Loaded(config, loaded.plugins, loaded.warnings)
        check_output_dir(config, options.force)
        warnings = loaded.warnings + recovery_warning(recover_interrupted_write(config.output_dir))
        memory = self.memory
        if memory.output_dir != str(config.output_dir):
            memory.outputs.clear()
            memory.output_dir = str(config.output_dir)
        sources, documents, diagnostics = read(config, memory, {Path(path) for path in changed})
        selection = Selection(now_or(options.now), options.drafts, options.future)
        self._history = read_history(config.site_dir, options.cache_file.parent if options.cache_file else None,
                                     self._history)
        site, found = model(loaded, sources, documents, memory, selection, self._memo, options.jobs, self._history)
        self._memo.forget_unused()
        diagnostics += found
        theme, theme_key = self._theme_for(config, loaded.plugins)
        files = FileDigests(memory)
        site, outputs, sizes, found = plan(site, theme, loaded.plugins, cached_probe(memory.images, files.of),
                                           self._history)
        diagnostics += found
        _raise_if_errors(SourceError, warnings + diagnostics)
        registry = build_registry(loaded.plugins.output_kinds())
        cache_dir = options.cache_file.parent if options.cache_file else None
        # Photos first: feeds give the size of the file published at a cover's address, known once it is made.
        heavy = [output for output in outputs if registry.is_heavy(output.kind)]
        light = [output for output in outputs if not registry.is_heavy(output.kind)]
        stamps = InputStamps(site, registry, StampContext(theme_key, b"", files.of), loaded.plugins.key)
        due, kept = self._outputs_due(config, heavy, stamps)
        rendered, problems = render(registry, RenderContext(site, theme, sizes, cache_dir), due, options.jobs)
        sizes = {**sizes, **self._published_sizes(config, rendered, kept, sizes)}
        stamps = InputStamps(site, registry, StampContext(theme_key, stamp(sizes), files.of), loaded.plugins.key)
        due_light, kept_light = self._outputs_due(config, light, stamps)
        rendered_light, problems_light = render(registry, RenderContext(site, theme, sizes, cache_dir), due_light,
                                                options.jobs, progress)
        rendered, kept, problems = rendered + rendered_light, kept + kept_light, problems + problems_light
        _raise_if_errors(TemplateError, warnings + diagnostics + problems)
        stats = write_outputs(config.output_dir, rendered, kept=[output.path for output in kept])
        self._remember(config, kept, rendered, stamps)
        files.forget_unused()
        diagnostics += self._weights(config, site, outputs)
        return BuildResult(config, site, len(outputs), stats, warnings + diagnostics,
                           time.perf_counter() - started, tuple(item.output.url for item in rendered),
                           tuple(output.path for output in outputs) + (MANIFEST,))

    def _theme_for(self, config: SiteConfig, plugins: Plugins) -> tuple[Theme, bytes]:
        """The theme, loaded again only when its files, the settings or the plugins changed."""
        key = stamp_all(config, theme_files_key(theme_chain(config)), plugins.key)
        if self._theme is None or key != self._theme_key:
            compiled = self.options.cache_file.parent / "templates" if self.options.cache_file else None
            setup = stamp_all(config.base_url, config.language, config.timezone, plugins.key).hex()[:32]  # the filters'
            self._theme = load_site_theme(config, plugins.template_filters(), compiled, setup)
            self._theme_key = key
        return self._theme, key

    def _outputs_due(self, config: SiteConfig, outputs: list[Output],
                     stamps: InputStamps) -> tuple[list[Output], list[Output]]:
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

    def _published_sizes(self, config: SiteConfig, rendered: list[Rendered], kept: list[Output],
                         sizes: dict[str, int]) -> dict[str, int]:
        """The size of each photo made at an address ``sizes`` knew by its source file's size."""
        found: dict[str, int] = {}
        for item in rendered:
            if item.output.url in sizes:
                found[item.output.url] = len(item.data) if item.data is not None else Path(item.source).stat().st_size
        for output in kept:
            record = self.memory.outputs.get(output.url)
            if output.url in sizes and record is not None and record.file_key:
                found[output.url] = record.file_key[0]
        return found

    def _weights(self, config: SiteConfig, site: Site, outputs: list[Output]) -> list[Diagnostic]:
        """Warnings for pages and photos over the budget, from the sizes of the files just written or kept."""
        records = self.memory.outputs
        sizes = [(output, records[output.url].file_key[0]) for output in outputs
                 if output.url in records and records[output.url].file_key]
        return over_budget(config, sizes, {image.src for image in site.images.values()})

    def _remember(self, config: SiteConfig, kept: list[Output], rendered: list[Rendered],
                  stamps: InputStamps) -> None:
        previous = self.memory.outputs
        records = {output.url: previous[output.url] for output in kept}
        for item in rendered:
            output = item.output
            records[output.url] = OutputRecord(stamps.of(output, item.site_fields), item.site_fields,
                                               _file_key(config.output_dir / output.path))
        self.memory.outputs = records
        self._check_output_files = False


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


def _raise_if_errors(kind: type[SourceError] | type[TemplateError], diagnostics: list[Diagnostic]) -> None:
    if has_errors(diagnostics):
        raise kind(sorted(diagnostics, key=Diagnostic.sort_key))
