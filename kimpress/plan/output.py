"""What one file of the built site is, before it is made: an address, a kind and its payload.

Each kind of output (a page from a template, a feed, a copied file, and whatever
plugins add) has a typed payload and a renderer registered under the kind's name
in ``kimpress.outputs``. Planning only decides *what* goes *where*; the conflict
check, the stamps of incremental builds and parallel rendering treat every kind alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from kimpress.core.urls import output_path_for

CONFIG_ORIGIN = "site.yaml"
THEME_ORIGIN = "theme"
_NO_CONTEXT: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Page:
    """The payload of an HTML (or other text) page rendered from a theme template."""

    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Copy:
    """The payload of a file published as is: its absolute path on disk."""

    source: str


@dataclass(frozen=True)
class Output:
    """One file of the built site: where, of which kind, made from what, claimed by whom."""

    url: str
    kind: str  # the name of a registered output kind: "page", "feed", "copy", ...
    payload: Any  # the kind's own typed value (Page, Copy, FeedSpec, ...)
    path: str  # the file inside the output folder
    origin: str = CONFIG_ORIGIN  # the source that claims this URL, for messages
    origin_line: int | None = None  # the line of the origin that decides the URL (its ``slug:``)

    @property
    def context(self) -> Mapping[str, Any]:
        """The template context of a page; nothing for the other kinds."""
        return self.payload.context if isinstance(self.payload, Page) else _NO_CONTEXT

    @property
    def is_builtin(self) -> bool:
        """Claimed by kimpress itself (site.yaml or the theme), not by a writer's file."""
        return self.origin in (CONFIG_ORIGIN, THEME_ORIGIN)


def page_output(url: str, template: str, context: Mapping[str, Any] | None = None, origin: str = CONFIG_ORIGIN,
                origin_line: int | None = None) -> Output:
    """A page at a pretty URL: ``/a/b/`` is written to ``a/b/index.html``."""
    return Output(url, "page", Page(template, context or {}), output_path_for(url), origin, origin_line)


def file_output(url: str, kind: str, payload: Any, origin: str = CONFIG_ORIGIN,
                origin_line: int | None = None) -> Output:
    """An output written at its URL exactly (a feed, a copied file, an image, a search index ...)."""
    return Output(url, kind, payload, url.lstrip("/"), origin, origin_line)


def copy_output(url: str, source: str, origin: str) -> Output:
    """A file copied verbatim from ``source``."""
    return file_output(url, "copy", Copy(source), origin)
