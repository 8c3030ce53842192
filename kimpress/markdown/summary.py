"""Summaries: which paragraph stands for an article, and the short description shared with it.

Lists show an article's first paragraph that says something: not a label such
as "**Narasi:**" or "Penjelasan:", not a picture alone. Search engines and share
cards get a description of about 160 characters, cut where a sentence or at
least a word ends.
"""

from __future__ import annotations

import re

DESCRIPTION_LIMIT = 160
LABEL_MAX_WORDS = 4
_DOTTED = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)+")  # s.d, a.n, s.sos, m.si: letters, not a time like 08.00
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]?(?=\s)")  # a closing quote or bracket stays with its sentence
# Abbreviations a period ends without ending the sentence ("Jl. Awang Long", "No. 12").
_ABBREVIATIONS = {"jl", "jln", "no", "kel", "kec", "kab", "prov", "dr", "drs", "ir", "h", "hj", "bpk", "ny", "sdr",
                  "tn", "prof", "st", "rt", "rw", "pt", "cv", "dll", "dsb", "tsb", "sbb", "dkk", "yth", "mr", "mrs",
                  "ms", "vs", "etc", "km", "rp", "kh", "ust", "pdt", "sdri", "tgl", "hlm"}


def is_label(text: str) -> bool:
    """Tell whether a paragraph is only a label for what follows ("Narasi:", "Penjelasan :")."""
    text = " ".join(text.split())
    return text.endswith(":") and len(text.split()) <= LABEL_MAX_WORDS


def says_something(text: str) -> bool:
    """Tell whether a paragraph's text can stand for the article (not empty, not a label)."""
    return bool(text.strip()) and not is_label(text)


def describe(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Cut ``text`` to about ``limit`` characters at a sentence end, else at a word end with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [match.end() for match in _SENTENCE_END.finditer(text, 0, limit + 1)
            if match.end() <= limit and not _after_abbreviation(text, match.start())]
    if ends and ends[-1] >= limit // 2:
        return text[:ends[-1]]
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit - 1]
    return cut.rstrip(",;:.-–— ") + "…"


def _after_abbreviation(text: str, period: int) -> bool:
    """A period that ends an abbreviation: a known one, a single letter, or a dotted one (s.d., a.n., S.Sos.)."""
    if text[period] != ".":
        return False
    word = text[:period].rsplit(" ", 1)[-1].lower().lstrip("(\"'")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or bool(_DOTTED.fullmatch(word))
