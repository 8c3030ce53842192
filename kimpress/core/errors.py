"""Typed, located diagnostics and the exceptions that carry them.

A diagnostic never holds a finished sentence: it holds a message ``code`` and its
``params``, and ``report.py`` words it in the site's language. Tests assert on the
fields, never on the wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Iterable


class Severity(str, Enum):
    """How bad a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the user's site, located as precisely as we can."""

    code: str
    path: str | None = None
    line: int | None = None
    params: tuple[tuple[str, Any], ...] = ()
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def param_dict(self) -> dict[str, Any]:
        return dict(self.params)

    def sort_key(self) -> tuple:
        return (self.path or "", self.line or 0, self.code, repr(self.params))


def error(code: str, path: str | None = None, line: int | None = None, **params: Any) -> Diagnostic:
    """Make an error diagnostic."""
    return Diagnostic(code, path, line, tuple(sorted(params.items())), Severity.ERROR)


def warning(code: str, path: str | None = None, line: int | None = None, **params: Any) -> Diagnostic:
    """Make a warning diagnostic."""
    return Diagnostic(code, path, line, tuple(sorted(params.items())), Severity.WARNING)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """Tell whether any diagnostic is an error."""
    return any(d.is_error for d in diagnostics)


@dataclass
class KimpressError(Exception):
    """A problem with the user's input: reported in plain words, never as a traceback."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    exit_code = 1

    def __post_init__(self) -> None:
        super().__init__(", ".join(d.code for d in self.diagnostics))


class ConfigError(KimpressError):
    """site.yaml is missing or invalid."""


class SourceError(KimpressError):
    """One or more content files are invalid."""


class TemplateError(KimpressError):
    """A theme template failed to load or render."""


class OutputDirError(KimpressError):
    """The output folder is unsafe to build into."""
