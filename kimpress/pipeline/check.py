"""``kimpress check``: every problem a build would find, and more, with nothing written.

The stages of a build run up to the plan; then pages (not photos or share cards)
are rendered in memory, for their weight and the parts (``#anchors``) they
have, and the checks of ``kimpress.plan.checks`` look at the result. The memory
of the last build, when there is one, is read to skip converting unchanged
Markdown again, and never saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kimpress.core.errors import Diagnostic, KimpressError
from kimpress.incremental.memory import BuildMemory, FileDigests, load_memory
from kimpress.incremental.photos import cached_probe
from kimpress.model.entries import Selection
from kimpress.outputs.kinds import build_registry
from kimpress.outputs.registry import RenderContext
from kimpress.pipeline.budget import over_budget
from kimpress.pipeline.stages import load, model, now_or, plan, read, render
from kimpress.pipeline.write import check_output_dir
from kimpress.plan.checks import audit
from kimpress.source.history import read_history
from kimpress.theme.filters import load_site_theme


@dataclass(frozen=True)
class CheckOptions:
    """What the command line can change about one check."""

    drafts: bool = False
    future: bool = False
    now: datetime | None = None  # the moment that decides "future"; tests pin it
    cache_file: Path | None = None  # the build's memory, read if there, never written
    jobs: int | None = None


@dataclass(frozen=True)
class CheckResult:
    """Every problem found, in order, and the language to word them in."""

    problems: tuple[Diagnostic, ...]
    language: str = "id"

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def check(site_dir: Path | str, options: CheckOptions = CheckOptions()) -> CheckResult:
    """Check the site in ``site_dir``; a problem that stops the stages early is reported like the others."""
    site_dir = Path(site_dir)
    loaded = load(site_dir, {})  # a missing or broken site.yaml raises: nothing else can be checked
    config = loaded.config
    problems: list[Diagnostic] = list(loaded.warnings)
    try:
        check_output_dir(config)
    except KimpressError as exc:
        problems += exc.diagnostics
    memory = load_memory(options.cache_file) if options.cache_file and options.cache_file.exists() else BuildMemory()
    sources, documents, found = read(config, memory)
    problems += found
    now = now_or(options.now)
    kept = options.cache_file.parent if options.cache_file and options.cache_file.parent.is_dir() else None
    history = read_history(site_dir, kept)  # the cache folder is used only if a build made it
    site, found = model(loaded, sources, documents, memory, Selection(now, options.drafts, options.future),
                        memory.model, options.jobs, history)
    problems += found
    theme = load_site_theme(config, loaded.plugins.template_filters())
    files = FileDigests(memory)
    site, outputs, sizes, found = plan(site, theme, loaded.plugins, cached_probe(memory.images, files.of), history)
    problems += found
    pages = [output for output in outputs if output.kind == "page"]
    rendered, found = render(build_registry(loaded.plugins.output_kinds()), RenderContext(site, theme, sizes, None),
                             pages, options.jobs)
    problems += found
    html = {item.output.url: item.data for item in rendered if item.data is not None}
    problems += over_budget(config, [(item.output, len(item.data)) for item in rendered if item.data is not None],
                            set())
    problems += audit(site, documents, html, now)
    unique = dict.fromkeys(problems)
    return CheckResult(tuple(sorted(unique, key=Diagnostic.sort_key)), config.language)
