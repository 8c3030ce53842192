"""The words of a text as the search index and its query see them.

Mirrored exactly by ``themes/default/static/cari.js`` (``words``, ``forms``, ``shardOf``):

- lower case, then NFKD without nonspacing marks, so "Café" is "cafe";
- words are runs of letters and digits of any script; single letters and stop words are dropped;
- a light Indonesian stemmer gives the other forms a word is also found by: particles
  (-lah, -kah, -tah, -pun), possessives (-ku, -mu, -nya), prefixes (me-, pe- with their
  nasal forms, ber-, ter-, di-, ke-, se-, memper-, diper-) and suffixes (-kan, -an, -i),
  never leaving fewer than four letters (five under a particle: "sekolah" keeps its "-lah"). Where a nasal prefix hides the first letter of
  the root (``mengirim``: ``irim`` or ``kirim``), both roots are given.
"""

from __future__ import annotations

import re
import unicodedata

import lxml.html

STOP_WORDS = frozenset(
    "yang dan di ke dari untuk dengan ini itu pada dalam atau juga akan ada adalah oleh sebagai telah "
    "sudah karena bahwa agar para kami kita saya mereka ia pun lah nya the and of to for".split())
SHARDS = "abcdefghijklmnopqrstuvwxyz0_"  # a term is kept in the shard of its first letter
MIN_STEM = 4
RULES = 1  # bump when these rules change: articles remembered with older terms are indexed again
VOWELS = "aeiou"

_CHUNK = re.compile(r"[^\s!-/:-@\[-`{-~]+")  # split first at spaces and ASCII punctuation, cheaply
_WORD = re.compile(r"[^\W_]+")  # letters and digits of any script
_LATIN = re.compile(r"[a-z]+")
_SKIPPED_TAGS = frozenset({"script", "style", "template"})
_INLINE_TAGS = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
                          "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr"})


def plain_text(html: str) -> str:
    """The text a reader sees in ``html``, blocks apart, whitespace folded."""
    if not html.strip():
        return ""
    parts: list[str] = []
    for item in lxml.html.fragments_fromstring(html):
        if isinstance(item, str):
            parts.append(item)
        else:
            _collect(item, parts)
    return " ".join("".join(parts).split())


def _collect(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag and tag not in _SKIPPED_TAGS:
        block = tag not in _INLINE_TAGS
        if block:
            parts.append(" ")
        parts.append(element.text or "")
        for child in element:
            _collect(child, parts)
        if block:
            parts.append(" ")
    parts.append(element.tail or "")


class Words:
    """Splits texts into words and forms, remembering each chunk and word it has seen (one per index or query)."""

    def __init__(self) -> None:
        self._chunks: dict[str, list[str]] = {}
        self._forms: dict[str, tuple[str, ...]] = {}

    def words(self, text: str) -> list[str]:
        found: list[str] = []
        for chunk in _CHUNK.findall(text):
            known = self._chunks.get(chunk)
            if known is None:
                known = self._chunks[chunk] = _chunk_words(chunk)
            found += known
        return found

    def forms(self, word: str) -> tuple[str, ...]:
        known = self._forms.get(word)
        if known is None:
            known = self._forms[word] = forms(word)
        return known


def words(text: str) -> list[str]:
    """The words of ``text``, normalised, without stop words."""
    return Words().words(text)


def normalise(text: str) -> str:
    """Lower case, compatibility-decomposed, without nonspacing marks (diacritics)."""
    text = unicodedata.normalize("NFKD", text.lower())
    return text if text.isascii() else "".join(c for c in text if unicodedata.category(c) != "Mn")


def _chunk_words(chunk: str) -> list[str]:
    return [word for word in _WORD.findall(normalise(chunk))
            if (len(word) > 1 or word in "0123456789") and word not in STOP_WORDS]


def shard_of(term: str) -> str:
    """The shard holding ``term``: its first letter a-z, "0" for a digit, "_" for anything else."""
    first = term[:1]
    return first if "a" <= first <= "z" else "0" if "0" <= first <= "9" else "_"


def forms(word: str) -> tuple[str, ...]:
    """``word`` and the stems it is also found by, without repeats."""
    found = [word]
    if len(word) >= 5 and _LATIN.fullmatch(word):
        bare = _cut(_cut(word, ("lah", "kah", "tah", "pun"), 1)[0], ("nya", "ku", "mu"))[0]
        found += _roots(bare)
        if bare != word and word.endswith(("ku", "mu")):  # "bertemu" is not "berte" + "-mu": try it whole too
            found += _roots(word)[1:]
    return tuple(dict.fromkeys(found))


_SUFFIXES = {"n": ("an",), "v": ("kan", "an", "i"), "": ("kan", "an")}


def _roots(word: str) -> list[str]:
    """``word`` and its roots once a prefix and a suffix are taken off."""
    found = [word]
    roots, kind = _unprefix(word)
    for root in roots:
        cut, blocked = _cut(root, _SUFFIXES[kind])
        if blocked:  # "ber" + "sih" + "kan" leaves too little: "ber" is the root's ("bersihkan")
            cut = _cut(word, _SUFFIXES[""])[0]
        elif kind and cut.startswith(("ber", "ter", "per")) and len(cut) - 3 >= MIN_STEM:
            cut = cut[3:]
        found.append(cut)
    return found


def _cut(word: str, endings: tuple[str, ...], more: int = 0) -> tuple[str, bool]:
    """``word`` without the first of ``endings`` it has if ``MIN_STEM + more`` letters are left; and whether
    one was found but left too few."""
    for ending in endings:
        if word.endswith(ending):
            if len(word) - len(ending) >= MIN_STEM + more:
                return word[:-len(ending)], False
            return word, True
    return word, False


def _unprefix(word: str) -> tuple[list[str], str]:
    """The roots under the first prefix of ``word`` and its kind: "v" (verb), "n" (noun) or "" (none)."""
    head, rest, kind = word[:2], word[2:], ""
    roots: list[str] = []
    if word.startswith(("memper", "diper")):
        roots, kind = [word[6:] if word[0] == "m" else word[5:]], "v"
    elif head in ("me", "pe"):
        kind = "v" if head == "me" else "n"
        if rest.startswith("ng"):
            root = rest[2:]
            roots = [root, "k" + root] if root[:1] in VOWELS else [root]
        elif rest.startswith("ny"):
            roots = ["s" + rest[2:]] if rest[2:3] in VOWELS else [rest]
        elif rest[:1] in ("m", "n"):
            root = rest[1:]
            roots = [("p" if rest[0] == "m" else "t") + root, rest] if root[:1] in VOWELS else [root]
        elif head == "pe" and rest[:1] == "r" and rest[1:2] not in VOWELS:
            roots = [rest[1:]]
        elif rest[:1] in "lrwy" and rest[1:2] in VOWELS or head == "pe" and rest[:1] not in VOWELS:
            roots = [rest]
    elif word.startswith(("ber", "ter")):
        roots, kind = [word[3:]], "v"
    elif head == "be" and word[2:3] not in VOWELS and word[3:5] == "er":
        roots, kind = [rest], "v"
    elif head in ("di", "ke", "se"):
        roots, kind = [rest], "v" if head == "di" else "n"
    roots = [root for root in roots if len(root) >= MIN_STEM]
    return (roots, kind) if roots else ([word], "")
