"""Explain a YAML error: a message code, its params and the file line, never PyYAML's English.

PyYAML (``yaml.SafeLoader``) and libyaml (``yaml.CSafeLoader``) word the same mistake
differently ("mapping values are not allowed here" / "... in this context"), and libyaml
leaves the offending character out of its messages, so the character is read from the
YAML text at the error's mark. ``messages.py`` words every code for the writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

import yaml
from yaml.reader import ReaderError

_YAML_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a new line
_FILE_BREAK = re.compile(r"\r\n|[\r\n]")  # what an editor counts as a new line
_VALUE_COLON = re.compile(r":(?=[ \t]|$)")
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?([^\s#][^\n]*?):[ \t]+(\S.*?)\s*$")
_NAME = re.compile(r"[*&]([^\s,\[\]{}]+)")
_FENCE = re.compile(r"^(---|\.\.\.)(\s|$)")
_QUOTES = "\"'"


class YamlProblem(Exception):
    """YAML that cannot be loaded: a message code, its params and a line."""

    def __init__(self, code: str, line: int | None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.params = params


@dataclass(frozen=True)
class _Source:
    """The YAML text as YAML sees its lines, with the file line of each."""

    lines: tuple[str, ...]
    file_lines: tuple[int, ...]

    @classmethod
    def of(cls, text: str, first_line: int) -> _Source:
        """Split ``text`` at YAML line breaks; ``\\x85`` and U+2028 do not start a file line."""
        lines: list[str] = []
        file_lines: list[int] = []
        start, line = 0, first_line
        for match in _YAML_BREAK.finditer(text):
            lines.append(text[start:match.start()])
            file_lines.append(line)
            line += bool(_FILE_BREAK.fullmatch(match.group()))
            start = match.end()
        lines.append(text[start:])
        file_lines.append(line)
        return cls(tuple(lines), tuple(file_lines))

    def index(self, mark: Any) -> int:
        return min(max(mark.line, 0), len(self.lines) - 1)

    def line(self, mark: Any) -> int:
        """Return the file line of ``mark``."""
        return self.file_lines[self.index(mark)]

    def text(self, mark: Any) -> str:
        return self.lines[self.index(mark)]

    def char(self, mark: Any) -> str:
        """Return the character at ``mark``, or "" past the end of its line."""
        text = self.text(mark)
        return text[mark.column] if 0 <= mark.column < len(text) else ""


@dataclass(frozen=True)
class _Error:
    """The parts of a ``MarkedYAMLError`` that both libraries fill in."""

    context: str
    problem: str
    context_mark: Any
    problem_mark: Any

    @property
    def mark(self) -> Any:
        return self.problem_mark or self.context_mark

    @property
    def start(self) -> Any:
        return self.context_mark or self.problem_mark


def explain_yaml_error(exc: BaseException, text: str, first_line: int = 1, *, depth_limit: int = 50,
                       fallback_mark: Any = None) -> YamlProblem:
    """Classify a YAML loading error into a plain-words code located at a file line.

    ``fallback_mark`` (the loader's position) locates errors that carry no mark.
    """
    source = _Source.of(text, first_line)
    if isinstance(exc, ReaderError):
        return _bad_character(exc, text, first_line)
    if not isinstance(exc, yaml.MarkedYAMLError):
        if fallback_mark is None:
            return YamlProblem("yaml-syntax", first_line)
        escape = _escape_at(source.text(fallback_mark), fallback_mark.column, 3)
        if isinstance(exc, ValueError) and escape:  # PyYAML's chr() on "\U00110000"
            return YamlProblem("yaml-bad-escape", source.line(fallback_mark), escape=escape)
        return YamlProblem("yaml-syntax", source.line(fallback_mark))
    error = _Error(exc.context or "", exc.problem or "", exc.context_mark, exc.problem_mark)
    if error.mark is None:
        return YamlProblem("yaml-syntax", first_line)
    if "nesting depth" in error.problem:
        return YamlProblem("yaml-too-deep", source.line(error.mark), limit=depth_limit)
    for rule in _RULES:
        problem = rule(error, source)
        if problem is not None:
            return problem
    return YamlProblem("yaml-syntax", source.line(error.mark))


def file_line(text: str, yaml_line: int, first_line: int = 1) -> int:
    """Return the file line of ``text``'s 1-based ``yaml_line`` (YAML also breaks lines at U+2028)."""
    lines = _Source.of(text, first_line).file_lines
    return lines[min(max(yaml_line - 1, 0), len(lines) - 1)]


def _bad_character(exc: ReaderError, text: str, first_line: int) -> YamlProblem:
    """Locate a forbidden character by searching for it (libyaml counts bytes, not characters)."""
    if isinstance(exc.character, int):
        char = f"U+{exc.character:04X}"
        index = text.find(chr(exc.character))
    else:
        char, index = "?", -1
    if index < 0:
        index = min(max(exc.position, 0), len(text))
    return YamlProblem("yaml-bad-character", first_line + len(_FILE_BREAK.findall(text, 0, index)), char=char)


def _tab(error: _Error, source: _Source) -> YamlProblem | None:
    mark = error.problem_mark
    if "tab character" in error.problem or ("cannot start any token" in error.problem and source.char(mark) == "\t"):
        return YamlProblem("yaml-tab", source.line(mark))
    return None


def _quoted_scalar(error: _Error, source: _Source) -> YamlProblem | None:
    if error.context == "while scanning a quoted scalar":  # unclosed: the scalar ran to the end or to ---
        quote = source.char(error.start)
        return YamlProblem("yaml-unclosed-quote", source.line(error.start), quote=quote if quote in _QUOTES else '"')
    if error.context in ("while scanning a double-quoted scalar", "while parsing a quoted scalar"):
        escape = _escape_at(source.text(error.mark), error.mark.column, 10) or "\\"
        return YamlProblem("yaml-bad-escape", source.line(error.mark), escape=escape)
    return None


def _escape_at(line: str, column: int, reach: int) -> str:
    """Return the escape (``\\d``) whose backslash is at most ``reach`` characters before ``column``."""
    backslash = line.rfind("\\", max(column - reach, 0), column + 1)
    return line[backslash:backslash + 2] if backslash >= 0 else ""


def _indicator(error: _Error, source: _Source) -> YamlProblem | None:
    """A value that starts with a character YAML reserves: ``* & ! | > @ ` % ? ] } ,``."""
    context, problem, mark = error.context, error.problem, error.start
    if ("cannot start any token" in problem or "mapping keys are not allowed" in problem
            or ("block node" in context and source.char(error.problem_mark) in tuple("]},"))):
        mark = error.problem_mark
        char = source.char(mark)
    elif "directive" in context + problem or "YAML document" in problem or "duplicate tag handle" in problem:
        char = "%"
    elif "tag" in context or "undefined tag handle" in problem:
        char = "!"
    elif "alias" in context:
        char = "*"
    elif "anchor" in context:
        char = "&"
    elif "block scalar" in context:
        char = source.char(mark) if source.char(mark) in ("|", ">") else "|"
    else:
        return None
    if not char.strip() or not char.isprintable():
        return None
    return YamlProblem("yaml-indicator", source.line(mark), char=char,
                       example=_example(source.text(mark), f'title: "{char}..."'))


def _colon_or_dash(error: _Error, source: _Source) -> YamlProblem | None:
    mark, problem = error.problem_mark, error.problem
    if "mapping values are not allowed" in problem:
        line = source.text(mark)
        if _VALUE_COLON.search(line, 0, mark.column):  # an earlier "key:" on the same line
            return YamlProblem("yaml-colon-in-value", source.line(mark), example=_example(line, _COLON_EXAMPLE))
        return YamlProblem("yaml-bad-indent", source.line(mark))
    if "found unexpected ':'" in problem:  # libyaml, a plain item of a flow list
        return YamlProblem("yaml-colon-in-value", source.line(mark), example=_COLON_EXAMPLE)
    if "entries are not allowed" in problem:
        return YamlProblem("yaml-dash-not-allowed", source.line(mark))
    if "could not find expected ':'" in problem:
        return YamlProblem("yaml-missing-colon", source.line(error.start))
    return None


_COLON_EXAMPLE = 'title: "Rapat: hasilnya"'


def _flow(error: _Error, source: _Source) -> YamlProblem | None:
    if error.context not in ("while parsing a flow sequence", "while parsing a flow mapping"):
        return None
    if error.context.endswith("sequence"):
        return YamlProblem("yaml-unclosed-flow", source.line(error.start), open="[", close="]",
                           example="tags: [kim, posyandu]")
    return YamlProblem("yaml-unclosed-flow", source.line(error.start), open="{", close="}",
                       example="kontak: {email: kim@contoh.id}")


def _block(error: _Error, source: _Source) -> YamlProblem | None:
    """Something other than the next ``key:`` (or ``- item``) where a block collection goes on."""
    mapping = error.context == "while parsing a block mapping"
    if not mapping and error.context != "while parsing a block collection":
        return None
    mark = error.problem_mark
    line, column = source.text(mark), mark.column
    before = line[:column].rstrip()
    if before and before[-1] in _QUOTES:
        return _after_quote(source, mark, len(before) - 1)
    if before.strip(" -"):  # mid-line, after a flow collection or a key: nothing plainer to say
        return None
    if mapping and line[column:column + 2].rstrip() == "-":
        return YamlProblem("yaml-dash-not-allowed", source.line(mark))
    return YamlProblem("yaml-bad-indent" if mapping else "yaml-list-item-expected", source.line(mark))


def _after_quote(source: _Source, mark: Any, close: int) -> YamlProblem:
    """Text after a closing quote: on the same line, or the tail of a quote opened lines above."""
    line = source.text(mark)
    quote = line[close]
    if quote in line[:close]:
        return YamlProblem("yaml-text-after-quote", source.line(mark), quote=quote,
                           example=_example(line, "title: '\"Rapat\" hasilnya'"))
    index = source.index(mark)
    opening = next((i for i in range(index - 1, -1, -1) if quote in source.lines[i]), index)
    return YamlProblem("yaml-unclosed-quote", source.file_lines[opening], quote=quote)


def _document(error: _Error, source: _Source) -> YamlProblem | None:
    if "single document" not in error.context and "document start" not in error.problem:
        return None
    index = source.index(error.problem_mark)
    for i in range(index, -1, -1):
        if _FENCE.match(source.lines[i]):
            return YamlProblem("yaml-second-document", source.file_lines[i])
        if source.lines[i].startswith("%"):
            return YamlProblem("yaml-indicator", source.file_lines[i], char="%", example='title: "%..."')
    return YamlProblem("yaml-second-document", source.file_lines[index])


def _composer(error: _Error, source: _Source) -> YamlProblem | None:
    mark, problem = error.problem_mark, error.problem
    found = _NAME.match(source.text(mark), mark.column)
    name = found.group(1) if found else "?"
    if "undefined alias" in problem:
        return YamlProblem("yaml-undefined-alias", source.line(mark), name=name,
                           example=_example(source.text(mark), f'title: "*{name}"'))
    if "duplicate anchor" in error.context:
        return YamlProblem("yaml-duplicate-anchor", source.line(mark), name=name,
                           first_line=source.line(error.context_mark))
    return None


def _constructor(error: _Error, source: _Source) -> YamlProblem | None:
    if "unhashable key" in error.problem:
        return YamlProblem("yaml-complex-key", source.line(error.problem_mark))
    if "could not determine a constructor" in error.problem:
        return YamlProblem("yaml-unsafe-tag", source.line(error.mark), tag=_tag_of(error.problem))
    return None


def _tag_of(detail: str) -> str:
    """Return the tag quoted in PyYAML's constructor message (the same for both back ends)."""
    start = detail.find("'")
    end = detail.find("'", start + 1)
    return detail[start + 1:end] if 0 <= start < end else "!"


def _example(line: str, default: str) -> str:
    """Return the ``key: value`` of ``line`` with its whole value quoted, or ``default``."""
    match = _KEY_VALUE.match(line)
    if match is None or match.group(2)[0] in "[{":
        return default
    key, value = match.groups()
    if len(key) > 40:
        return default
    if len(value) > 1 and value[0] == value[-1] and value[0] in _QUOTES:
        value = value[1:-1]  # 'Jum'at bersih' -> "Jum'at bersih"
    if len(value) > 60:
        value = value[:57].rstrip() + "..."
    quoted = "'" + value.replace("'", "''") + "'" if '"' in value or "\\" in value else f'"{value}"'
    example = f"{key}: {quoted}"
    try:
        valid = isinstance(yaml.safe_load(example), dict)
    except (yaml.YAMLError, ValueError, RecursionError):
        valid = False
    return example if valid else default


_RULES: tuple[Callable[[_Error, _Source], YamlProblem | None], ...] = (
    _tab, _quoted_scalar, _colon_or_dash, _flow, _block, _document, _composer, _constructor, _indicator,
)
