"""Safe YAML loading that remembers where every key was written.

Only plain data is ever built (no ``!!python`` tags), duplicate keys are refused,
timestamps stay text (``dates.py`` parses them with friendlier rules), and the
source text of every scalar is kept so a text field shows ``yes`` or ``45:30``
exactly as the writer typed it instead of ``True`` or ``2730``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MAX_ALIASES = 100
MAX_DEPTH = 50


class YamlProblem(Exception):
    """YAML that cannot be loaded; ``line`` is 1-based within the YAML text."""

    def __init__(self, code: str, line: int | None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.params = params


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader without implicit timestamps and with duplicate keys refused."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP_TAG]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
                if key in seen:
                    raise YamlProblem(
                        "yaml-duplicate-key", key_node.start_mark.line + 1,
                        key=key, first_line=seen[key],
                    )
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


@dataclass(frozen=True)
class YamlDoc:
    """Loaded YAML data with the line and source text of each key's value.

    ``lines`` and ``raw`` are keyed by a dotted path (``contact.email``); lines are
    1-based and already shifted by the ``first_line`` given to ``load_yaml``.
    """

    data: Any
    lines: dict[str, int]
    raw: dict[str, str]

    def line_of(self, path: str, default: int | None = None) -> int | None:
        return self.lines.get(path, default)


def load_yaml(text: str, first_line: int = 1) -> YamlDoc:
    """Load one YAML document; raise ``YamlProblem`` with a file line on failure."""
    offset = first_line - 1
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(None, {}, {})
        _check_shape(node)
        lines: dict[str, int] = {}
        raw: dict[str, str] = {}
        _index_node(node, "", lines, raw, offset)
        data = loader.construct_document(node)
    except YamlProblem as problem:
        if problem.line is not None:
            problem.line += offset
        if "first_line" in problem.params:
            problem.params["first_line"] += offset
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark is not None else first_line
        detail = exc.problem or exc.context or ""
        if "constructor" in type(exc).__name__.lower() or "could not determine a constructor" in detail:
            raise YamlProblem("yaml-unsafe-tag", line, tag=_tag_of(detail)) from None
        raise YamlProblem("yaml-syntax", line, detail=detail) from None
    except yaml.YAMLError as exc:
        raise YamlProblem("yaml-syntax", first_line, detail=str(exc)) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise YamlProblem("yaml-syntax", first_line, detail=str(exc)) from None
    finally:
        loader.dispose()
    return YamlDoc(data, lines, raw)


def _tag_of(detail: str) -> str:
    start = detail.find("'")
    end = detail.find("'", start + 1)
    return detail[start + 1:end] if 0 <= start < end else detail


def _check_shape(root: yaml.Node) -> None:
    """Refuse alias bombs and absurd nesting before anything is constructed."""
    aliases = 0
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise YamlProblem("yaml-too-deep", node.start_mark.line + 1, limit=MAX_DEPTH)
        if id(node) in seen:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YamlProblem("yaml-too-many-aliases", node.start_mark.line + 1, limit=MAX_ALIASES)
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)


def _index_node(node: yaml.Node, prefix: str, lines: dict, raw: dict, offset: int) -> None:
    """Record the line of every mapping key and the source text of scalar values."""
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
        lines[path] = key_node.start_mark.line + 1 + offset
        if isinstance(value_node, yaml.ScalarNode):
            raw[path] = value_node.value
        elif isinstance(value_node, yaml.MappingNode) and path.count(".") < 3:
            _index_node(value_node, path, lines, raw, offset)
