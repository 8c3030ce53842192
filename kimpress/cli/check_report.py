"""The report of ``kimpress check`` in its three forms: text to read, JSON for programs, GitHub annotations.

    text    problems grouped by file, in the site's language, with a count at the end
    json    {"problems": [{path, line, code, severity, message}], "errors": n, "warnings": n}
    github  one ``::error file=…,line=…::message [code]`` workflow command per problem (``::warning``
            for a warning), paths from the repository's root (the current folder), so each shows
            on its file and line
"""

from __future__ import annotations

import json
import os
from itertools import groupby
from pathlib import Path
from typing import Sequence

from kimpress.core.errors import Diagnostic
from kimpress.core.wording import count_words, diagnostic_message, label

FORMATS = ("text", "json", "github")


def report(problems: Sequence[Diagnostic], language: str, form: str, site_dir: Path) -> str:
    """The whole report of ``problems`` (already sorted) in ``form``."""
    if form == "json":
        return as_json(problems, language)
    if form == "github":
        return as_github(problems, language, site_dir)
    return as_text(problems, language)


def as_text(problems: Sequence[Diagnostic], language: str) -> str:
    lines: list[str] = []
    for path, group in groupby(problems, key=lambda problem: problem.path or ""):
        lines.append(path or label("builtin-site", language))
        for problem in group:
            where = (f"baris {problem.line}" if language == "id" else f"line {problem.line}") if problem.line else "-"
            prefix = "" if problem.is_error else label("warning", language) + ": "
            lines.append(f"  {where}: {prefix}{diagnostic_message(problem, language)}")
        lines.append("")
    lines.append(closing_line(problems, language))
    return "\n".join(lines)


def closing_line(problems: Sequence[Diagnostic], language: str) -> str:
    """"3 galat dan 2 peringatan di 4 berkas." or "Tidak ada masalah."."""
    errors = sum(1 for problem in problems if problem.is_error)
    warnings = len(problems) - errors
    files = len({problem.path for problem in problems})
    if not problems:
        return "Tidak ada masalah." if language == "id" else "No problems found."
    if language == "id":
        return f"{errors} galat dan {warnings} peringatan di {files} berkas."
    return (f"{count_words(errors, {'one': '{count} error', 'other': '{count} errors'}, language)} and "
            f"{count_words(warnings, {'one': '{count} warning', 'other': '{count} warnings'}, language)} in "
            f"{count_words(files, {'one': '{count} file', 'other': '{count} files'}, language)}.")


def as_json(problems: Sequence[Diagnostic], language: str) -> str:
    items = [{"path": problem.path, "line": problem.line, "code": problem.code, "severity": problem.severity.value,
              "message": diagnostic_message(problem, language)} for problem in problems]
    errors = sum(1 for problem in problems if problem.is_error)
    return json.dumps({"problems": items, "errors": errors, "warnings": len(items) - errors}, ensure_ascii=False,
                      indent=2)


def as_github(problems: Sequence[Diagnostic], language: str, site_dir: Path) -> str:
    lines = []
    for problem in problems:
        fields = []
        if problem.path:
            fields.append(f"file={_property(_from_here(site_dir, problem.path))}")
            if problem.line:
                fields.append(f"line={problem.line}")
        level = "error" if problem.is_error else "warning"
        command = f"::{level} {','.join(fields)}" if fields else f"::{level}"
        lines.append(f"{command}::{_data(diagnostic_message(problem, language))} [{problem.code}]")
    lines.append(closing_line(problems, language))
    return "\n".join(lines)


def _from_here(site_dir: Path, path: str) -> str:
    """``path`` of the site as GitHub names it: from the repository's root, where the workflow runs."""
    return Path(os.path.relpath(site_dir / path)).as_posix()


def _data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value: also , and : escaped."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
