"""Declarative validators shared by site.yaml and article front matter.

Each ``Option`` checks one value and returns it cleaned, or raises ``Invalid`` with a
message code. ``validate_mapping`` runs a whole schema and collects *every* problem,
each located at the line of its key.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from kimpress.config.yamltext import YamlDoc
from kimpress.core.errors import Diagnostic, error, warning


class Invalid(Exception):
    """A value failed validation: ``code`` names the message, ``params`` fill it."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


MISSING = object()


@dataclass(frozen=True)
class Option:
    """One key of a schema: its default, whether it is required, and how it is checked."""

    default: Any = None
    required: bool = False
    aliases: tuple[str, ...] = ()
    raw_text: bool = False  # prefer the writer's own text over YAML 1.1 conversions

    def clean(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class Text(Option):
    """A non-empty line of text; numbers and booleans are taken as the writer typed them."""

    raw_text: bool = True
    allow_empty: bool = False

    def clean(self, value: Any) -> Any:
        if isinstance(value, (dict, list)):
            raise Invalid("expected-text")
        text = str(value).strip()
        if not text and not self.allow_empty:
            raise Invalid("empty-text")
        return text


@dataclass(frozen=True)
class Integer(Option):
    """A whole number within ``minimum``..``maximum``."""

    minimum: int | None = None
    maximum: int | None = None

    def clean(self, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid("expected-integer", value=value)
        if self.minimum is not None and value < self.minimum:
            raise Invalid("integer-too-small", value=value, minimum=self.minimum)
        if self.maximum is not None and value > self.maximum:
            raise Invalid("integer-too-large", value=value, maximum=self.maximum)
        return value


@dataclass(frozen=True)
class Boolean(Option):
    """``true`` or ``false`` (``ya``/``tidak`` also accepted for Indonesian writers)."""

    def clean(self, value: Any) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("ya", "tidak"):
            return value.strip().lower() == "ya"
        raise Invalid("expected-boolean", value=value)


@dataclass(frozen=True)
class Choice(Option):
    """One of a fixed set of text values."""

    choices: tuple[str, ...] = ()

    def clean(self, value: Any) -> Any:
        text = str(value).strip()
        if text not in self.choices:
            raise Invalid("not-a-choice", value=text, choices=", ".join(self.choices),
                          suggestion=suggest(text, self.choices))
        return text


@dataclass(frozen=True)
class URL(Option):
    """An absolute http(s) URL; ``trailing_slash`` makes it a folder URL."""

    trailing_slash: bool = False

    def clean(self, value: Any) -> Any:
        text = str(value).strip()
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise Invalid("expected-absolute-url", value=text)
        if parts.query or parts.fragment:
            raise Invalid("url-has-query", value=text)
        if self.trailing_slash and not text.endswith("/"):
            text += "/"
        return text


@dataclass(frozen=True)
class TextList(Option):
    """A list of text items; a comma-separated string is accepted too."""

    def clean(self, value: Any) -> Any:
        if value is None:
            return ()
        if isinstance(value, str):
            items = value.split(",")
        elif isinstance(value, list):
            items = value
        else:
            raise Invalid("expected-list", value=value)
        cleaned = []
        for item in items:
            if isinstance(item, (dict, list)) or item is None:
                raise Invalid("expected-list", value=item)
            text = str(item).strip()
            if text:
                cleaned.append(text)
        return tuple(cleaned)


@dataclass(frozen=True)
class Mapping_(Option):
    """A mapping; ``check`` validates it further and returns the cleaned value."""

    check: Callable[[dict], Any] | None = None

    def clean(self, value: Any) -> Any:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise Invalid("expected-mapping")
        return self.check(value) if self.check else dict(value)


@dataclass(frozen=True)
class Custom(Option):
    """A value checked by a plain function that raises ``Invalid``."""

    check: Callable[[Any], Any] = field(default=lambda value: value)

    def clean(self, value: Any) -> Any:
        return self.check(value)


def alias_map(schema: Mapping[str, Option]) -> dict[str, str]:
    """Every alias of ``schema`` mapped to its canonical key (``judul`` -> ``title``): the one place they are read."""
    return {alias: key for key, option in schema.items() for alias in option.aliases}


def refuse_unknown(value: dict, known: set[str], code: str) -> None:
    """Raise ``code`` for the first key of a settings mapping that is not ``known``, naming the known ones."""
    unknown = sorted(str(key) for key in set(value) - known)
    if unknown:
        raise Invalid(code, setting=unknown[0], choices=", ".join(sorted(known)))


def suggest(word: str, candidates: Any) -> str:
    """Return the closest candidate to ``word`` or an empty string (did-you-mean)."""
    matches = difflib.get_close_matches(str(word), [str(c) for c in candidates], n=1, cutoff=0.6)
    return matches[0] if matches else ""


def validate_mapping(
    schema: Mapping[str, Option],
    doc: YamlDoc,
    path: str,
    *,
    unknown: str = "warn",
    first_line: int = 1,
) -> tuple[dict[str, Any], dict[str, Any], list[Diagnostic]]:
    """Check ``doc.data`` against ``schema``; return (values, unknown keys, diagnostics).

    Aliases (``judul`` for ``title``) are folded into their canonical key. Every
    problem is collected; none stops the others being found. ``unknown`` is
    "warn" (config: warn with a suggestion) or "keep" (front matter: go to extra).
    """
    data = doc.data if doc.data is not None else {}
    diagnostics: list[Diagnostic] = []
    if not isinstance(data, dict):
        return {}, {}, [error("not-a-mapping", path, first_line)]
    alias_to_key = alias_map(schema)
    values: dict[str, Any] = {}
    source_key: dict[str, str] = {}
    extra: dict[str, Any] = {}
    for raw_key in data:
        key = str(raw_key)
        canonical = key if key in schema else alias_to_key.get(key)
        if canonical is None:
            if unknown == "warn":
                known = list(schema) + list(alias_to_key)
                diagnostics.append(warning("unknown-key", path, doc.line_of(key, first_line),
                                           key=key, suggestion=suggest(key, known)))
            extra[key] = data[raw_key]
            continue
        if canonical in source_key:
            diagnostics.append(error("alias-twice", path, doc.line_of(key, first_line),
                                     key=key, other=source_key[canonical]))
            continue
        source_key[canonical] = key
        option = schema[canonical]
        value = data[raw_key]
        if option.raw_text and key in doc.raw and not isinstance(value, str) and value is not None:
            value = doc.raw[key]
        if value is None:
            if option.required:
                diagnostics.append(error("missing-key", path, doc.line_of(key, first_line), key=canonical))
            continue
        try:
            values[canonical] = option.clean(value)
        except Invalid as problem:
            diagnostics.append(error(problem.code, path, doc.line_of(key, first_line), key=key, **problem.params))
    for key, option in schema.items():
        if key in values or key in source_key:
            continue
        if option.required:
            diagnostics.append(error("missing-key", path, first_line, key=key))
        elif option.default is not None:
            values[key] = option.default
    return values, extra, diagnostics
