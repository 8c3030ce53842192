"""Diagnostics and counts put into words: the message catalogue filled in, plurals, the terminal line."""

from __future__ import annotations

import sys
from functools import lru_cache
from typing import Iterable, TextIO

from babel import Locale
from babel.numbers import format_decimal

from kimpress.core.errors import Diagnostic
from kimpress.core.messages import LABELS, MESSAGES


def word(code: str, language: str, params: dict) -> str:
    """The message for ``code`` in ``language``, filled with ``params``."""
    pair = MESSAGES.get(code)
    if pair is None:
        return f"{code} {params}" if params else code
    template = pair[0] if language == "id" else pair[1]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


@lru_cache(maxsize=8)
def _locale(language: str) -> Locale:
    return Locale.parse(language)


def plural_form(language: str, count: int) -> str:
    """The CLDR plural category of ``count`` in ``language``: "one" or "other" (Indonesian has only "other")."""
    return _locale(language).plural_form(abs(count))


def count_words(count: int, forms: dict[str, str] | str, language: str) -> str:
    """``forms`` ("{count} artikel", or {"one": "{count} article", "other": "{count} articles"}) for ``count``.

    The number is written the local way (1.234 in Indonesian, 1,234 in English).
    """
    if isinstance(forms, dict):
        forms = forms.get(plural_form(language, count)) or forms.get("other") or next(iter(forms.values()))
    return forms.replace("{count}", format_decimal(count, locale=language))


def label(key: str, language: str) -> str:
    pair = LABELS[key]
    return pair[0] if language == "id" else pair[1]


def diagnostic_message(diagnostic: Diagnostic, language: str = "id") -> str:
    """What a diagnostic says, with its did-you-mean, without its place."""
    params = diagnostic.param_dict
    if diagnostic.code == "url-conflict":  # a page kimpress makes is named as such, not as site.yaml
        params["other"] = ", ".join(label("builtin", language) if other == "site.yaml" else other
                                    for other in str(params.get("other", "")).split(", "))
    suggestion = params.get("suggestion")
    message = word(diagnostic.code, language, params)
    if suggestion:
        message += f" Maksud Anda `{suggestion}`?" if language == "id" else f" Did you mean `{suggestion}`?"
    return message


def format_diagnostic(diagnostic: Diagnostic, language: str = "id") -> str:
    """One line: ``content/x.md:4: message`` (warnings say so)."""
    message = diagnostic_message(diagnostic, language)
    location = diagnostic.path or "kimpress"
    if diagnostic.line:
        location += f":{diagnostic.line}"
    prefix = "" if diagnostic.is_error else label("warning", language) + ": "
    return f"{location}: {prefix}{message}"


def print_diagnostics(diagnostics: Iterable[Diagnostic], language: str, stream: TextIO | None = None) -> None:
    """Print every diagnostic, errors and warnings alike, in order (to stderr by default)."""
    for diagnostic in sorted(diagnostics, key=Diagnostic.sort_key):
        print(format_diagnostic(diagnostic, language), file=stream or sys.stderr)
