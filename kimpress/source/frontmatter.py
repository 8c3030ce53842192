"""Split a Markdown file into its YAML front matter and body."""

from __future__ import annotations

from dataclasses import dataclass

from kimpress.config.yamltext import YamlDoc, YamlProblem, load_yaml
from kimpress.core.errors import Diagnostic, error

_FENCE = "---"
_END_FENCES = ("---", "...")


@dataclass(frozen=True)
class Document:
    """A parsed Markdown source: front matter, body, and where the body starts."""

    rel_path: str
    meta: YamlDoc
    body: str
    body_line: int  # 1-based line of the body's first line in the file
    front_matter_line: int  # line of the opening fence (1) or 0 if there is none


def parse_document(rel_path: str, text: str) -> tuple[Document, list[Diagnostic]]:
    """Split ``text`` at its ``---`` fences and load the front matter safely.

    CRLF line endings are normalised. A file without front matter has empty
    metadata; an unclosed fence or YAML that is not a mapping is an error.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    empty = YamlDoc({}, {}, {})
    if not lines or lines[0].rstrip() != _FENCE:
        return Document(rel_path, empty, text, 1, 0), []
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _END_FENCES), None)
    if closing is None:
        return Document(rel_path, empty, "", len(lines), 1), [error("front-matter-unclosed", rel_path, 1)]
    yaml_text = "\n".join(lines[1:closing])
    body = "\n".join(lines[closing + 1:])
    try:
        meta = load_yaml(yaml_text, first_line=2)
    except YamlProblem as problem:
        return Document(rel_path, empty, body, closing + 2, 1), [
            error(problem.code, rel_path, problem.line, **problem.params)]
    if meta.data is None:
        meta = empty
    elif not isinstance(meta.data, dict):
        return Document(rel_path, empty, body, closing + 2, 1), [error("front-matter-not-mapping", rel_path, 2)]
    return Document(rel_path, meta, body, closing + 2, 1), []
