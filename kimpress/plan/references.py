"""Check the site paths writers typed (``/tentang/``, ``/gambar/logo.png``) against what the build publishes.

A root-relative reference cannot be checked while Markdown is converted: what the
site publishes (static files, theme files, pages, feeds) is known only once every
output is planned. A missing one is a warning at its line, since the path may be
served by something beside kimpress.
"""

from __future__ import annotations

from typing import Iterable
from urllib.parse import unquote, urlsplit

from kimpress.core.errors import Diagnostic, warning
from kimpress.core.urls import base_path
from kimpress.model.types import Reference
from kimpress.plan.output import Output


def published_paths(outputs: Iterable[Output]) -> frozenset[str]:
    """The file path of every output, relative to the output folder ("tentang/index.html")."""
    return frozenset(output.path for output in outputs)


def check_references(references: Iterable[Reference], paths: frozenset[str], base_url: str) -> list[Diagnostic]:
    """One warning per reference to a path the site does not publish, with a hint when the base path was typed."""
    found = []
    prefix = base_path(base_url)
    for reference in references:
        path = unquote(urlsplit(reference.href).path)
        if is_published(path, paths):
            continue
        hint = ""
        if prefix != "/" and path.startswith(prefix) and is_published("/" + path[len(prefix):], paths):
            hint = "/" + path[len(prefix):]
        code = "root-link-base-path" if hint else "root-link-missing"
        found.append(warning(code, reference.source, reference.line, href=reference.href, fixed=hint,
                             prefix=prefix))
    return found


def is_published(path: str, paths: frozenset[str]) -> bool:
    """Tell whether the site path ``path`` ("/tentang", "/a/b.png") names a published file or folder page."""
    rel = path.lstrip("/")
    if not rel:
        return "index.html" in paths
    if rel.endswith("/"):
        return rel + "index.html" in paths
    return rel in paths or rel + "/index.html" in paths
