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

from kimpress.config.yamlerrors import YamlProblem, explain_yaml_error, file_line

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MAX_ALIASES = 100
MAX_DEPTH = 50
MAX_NODES = 100_000  # values in one document, every alias counted as written out


def loader_class(base: type) -> type:
    """Build the kimpress loader on ``base``: ``yaml.CSafeLoader`` (libyaml) or ``yaml.SafeLoader``."""

    class Loader(base):  # type: ignore[misc, valid-type]
        """SafeLoader without implicit timestamps and with duplicate keys refused."""

        yaml_implicit_resolvers = {
            first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP_TAG]
            for first, resolvers in base.yaml_implicit_resolvers.items()
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

    return Loader


_Loader = loader_class(_BaseLoader)


@dataclass(frozen=True)
class YamlDoc:
    """Loaded YAML data with the line and source text of each key's value.

    ``lines`` and ``raw`` are keyed by a dotted path (``contact.email``, ``tags.0``); lines are
    1-based and already shifted by the ``first_line`` given to ``load_yaml``.
    """

    data: Any
    lines: dict[str, int]
    raw: dict[str, str]

    def line_of(self, path: str, default: int | None = None) -> int | None:
        return self.lines.get(path, default)


def load_yaml(text: str, first_line: int = 1, loader: type | None = None) -> YamlDoc:
    """Load one YAML document; raise ``YamlProblem`` with a file line on failure.

    ``loader`` is a class from ``loader_class`` (default: on libyaml when it is installed).
    """
    offset = first_line - 1
    instance = None
    try:
        instance = (loader or _Loader)(text)  # the pure-Python reader checks characters here
        node = instance.get_single_node()
        if node is None:
            return YamlDoc(None, {}, {})
        _check_shape(node)
        lines: dict[str, int] = {}
        raw: dict[str, str] = {}
        _index_node(node, "", lines, raw, offset)
        data = instance.construct_document(node)
    except YamlProblem as problem:  # raised by the loader with a line as YAML counts them
        if problem.line is not None:
            problem.line = file_line(text, problem.line, first_line)
        if "first_line" in problem.params:
            problem.params["first_line"] = file_line(text, problem.params["first_line"], first_line)
        raise
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        mark = instance.get_mark() if hasattr(instance, "get_mark") else None
        raise explain_yaml_error(exc, text, first_line, depth_limit=MAX_DEPTH, fallback_mark=mark) from None
    except RecursionError:  # the pure-Python composer, on nesting libyaml would refuse
        raise YamlProblem("yaml-too-deep", first_line, limit=MAX_DEPTH) from None
    finally:
        if instance is not None:
            instance.dispose()
    return YamlDoc(data, lines, raw)


def _check_shape(root: yaml.Node) -> None:
    """Refuse alias bombs and absurd nesting before anything is constructed.

    An alias repeats its anchor's value, so a few lines can stand for billions
    of values (the "billion laughs"). Depth and size are measured as if every
    alias were written out, since everything after loading walks the data so.
    """
    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    open_nodes: set[int] = set()
    aliases = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        children = _children(node)
        if children_done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in children)
            depth[key] = 1 + max((depth[id(child)] for child in children), default=0)
            if depth[key] > MAX_DEPTH:
                raise YamlProblem("yaml-too-deep", node.start_mark.line + 1, limit=MAX_DEPTH)
            if size[key] > MAX_NODES:
                raise YamlProblem("yaml-too-large", node.start_mark.line + 1, limit=MAX_NODES)
            continue
        if key in size or key in open_nodes:
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YamlProblem("yaml-too-many-aliases", node.start_mark.line + 1, limit=MAX_ALIASES)
            if key in open_nodes:  # an anchor used inside itself: endless when written out
                raise YamlProblem("yaml-too-deep", node.start_mark.line + 1, limit=MAX_DEPTH)
            continue
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _index_node(node: yaml.Node, prefix: str, lines: dict, raw: dict, offset: int) -> None:
    """Record the line of every mapping key and the source text of scalars and of list items."""
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
        lines[path] = key_node.start_mark.line + 1 + offset
        if isinstance(value_node, yaml.ScalarNode):
            raw[path] = value_node.value
        elif isinstance(value_node, yaml.SequenceNode):  # list items as typed, and their lines: "tags.0"
            raw.update((f"{path}.{index}", item.value) for index, item in enumerate(value_node.value)
                       if isinstance(item, yaml.ScalarNode))
            lines.update((f"{path}.{index}", item.start_mark.line + 1 + offset)
                         for index, item in enumerate(value_node.value))
        elif isinstance(value_node, yaml.MappingNode) and path.count(".") < 3:
            _index_node(value_node, path, lines, raw, offset)
