"""Output kinds and the registry that renders and stamps every planned output by its kind.

A kind is one small object: its ``name`` (the ``Output.kind`` it handles), a
``stamp`` of what its output depends on besides the site fields it reads, and a
``render`` that makes the bytes. kimpress's own kinds are pages, feeds and copied
files; plugins register more. Everything else (the conflict check, incremental
stamps, parallel rendering, the atomic write) is the same for every kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Protocol

from kimpress.core.errors import Diagnostic, error
from kimpress.model.types import Site
from kimpress.plan.output import Output


@dataclass(frozen=True)
class Rendered:
    """An output's final bytes, or the file it is copied from, and the site fields it read."""

    output: Output
    data: bytes | None
    site_fields: tuple[str, ...] = ()
    source: str | None = None  # a file published as is, instead of ``data``


class SiteView:
    """The ``site`` that one render sees: the model, noting which fields are read.

    A page reading only ``site.pages`` need not be rendered again when an article
    changes. Each render gets its own view, so renders never share state.
    """

    __slots__ = ("model", "reads")

    def __init__(self, model: Site) -> None:
        self.model = model
        self.reads: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        self.reads.add(name)
        return getattr(self.model, name)


@dataclass(frozen=True)
class RenderContext:
    """What every renderer may use: the model, the theme, and sizes of copied files."""

    site: Site
    theme: Any  # kimpress.theme.environment.Theme
    sizes: Mapping[str, int] = field(default_factory=dict)  # site URL of each copied file -> its size
    cache_dir: Path | None = None  # where kinds keep costly results between builds (photos, cards)


@dataclass(frozen=True)
class StampContext:
    """What a kind may fold into an output's stamp: the theme's key, copied files' sizes and digests."""

    theme_key: bytes
    sizes_key: bytes
    file_digest: Callable[[str], bytes | None]


class RenderProblem(Exception):
    """Raised by a renderer for a located problem (a template error): reported, never a traceback."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


class OutputKind(Protocol):
    """One kind of output: how to stamp its inputs and how to make its bytes."""

    name: str

    def stamp(self, output: Output, context: StampContext) -> bytes:
        """The stamp of everything the output depends on, besides the site fields it reads."""

    def render(self, output: Output, site: SiteView, context: RenderContext) -> Rendered:
        """The output's bytes (or the file to copy); reads of ``site`` are recorded."""


class Registry:
    """The output kinds of one build, by name; a build's own, never shared."""

    def __init__(self, kinds: Iterable[OutputKind] = ()) -> None:
        self._kinds: dict[str, OutputKind] = {}
        for kind in kinds:
            self.add(kind)

    def add(self, kind: OutputKind) -> None:
        if kind.name in self._kinds:
            raise ValueError(f"output kind {kind.name!r} is registered twice")
        self._kinds[kind.name] = kind

    def __contains__(self, name: str) -> bool:
        return name in self._kinds

    def names(self) -> tuple[str, ...]:
        return tuple(self._kinds)

    def stamp(self, output: Output, context: StampContext) -> bytes:
        return self._kinds[output.kind].stamp(output, context)

    def is_heavy(self, name: str) -> bool:
        """Whether an output of this kind takes long enough to be worth a process of its own."""
        return bool(getattr(self._kinds.get(name), "heavy", False))

    def render(self, output: Output, context: RenderContext) -> tuple[Rendered | None, Diagnostic | None]:
        """Render one output with a fresh view of the site; a problem comes back located."""
        kind = self._kinds.get(output.kind)
        if kind is None:
            return None, error("output-kind-unknown", output.origin, output.origin_line, kind=output.kind,
                               url=output.url)
        view = SiteView(context.site)
        try:
            rendered = kind.render(output, view, context)
        except RenderProblem as problem:
            return None, problem.diagnostic
        if rendered.site_fields or not view.reads:
            return rendered, None
        return Rendered(rendered.output, rendered.data, tuple(sorted(view.reads)), rendered.source), None
