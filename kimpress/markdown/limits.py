"""Structural limits on a Markdown body, checked in linear time before conversion.

Python-Markdown is quadratic, or recurses without bound, on some inputs: unclosed
``[`` or backticks re-scan the rest of their paragraph, every inline match copies
its paragraph, deep lists overflow the stack, abbreviations multiply the text.
A build cannot stop a conversion once started (``kimpress serve`` builds in a
thread, so no signal can interrupt it), so a body over these limits is not
converted at all. The limits stay far above real writing; measurements are in
``benchmarks/bench_pathological.py``.
"""

from __future__ import annotations

import re

from kimpress.core.errors import Diagnostic, error

MAX_BODY_CHARS = 1_000_000  # ~150,000 words; prose this size converts in ~0.4 s
MAX_LINES = 20_000  # every line may become a block, ~50 us each
MAX_NESTING = 20  # list / blockquote levels; lists recurse ~3 frames a level
MAX_EMPHASIS_DEPTH = 20  # open * or _ in one paragraph; each level recurses
MAX_MARKUP = 30_000  # marks starting inline markup or table cells, and uses of abbreviations: ~10-30 us each
MAX_HTML_TAGS = 2_000  # html.parser is quadratic on many tags
MAX_HEADINGS = 2_000  # toc makes duplicate ids unique in quadratic time
MAX_FOOTNOTES = 1_000  # the footnotes extension is super-linear in their number
MAX_ABBREVIATIONS = 100  # every abbreviation is tried at every word of the body
MAX_DEFINITIONS_IN_A_BLOCK = 100  # def_list recurses once per definition of a block
SPLIT_BUDGET = 50_000_000  # headings, rules, definitions x length of their block
SCAN_BUDGET = 2_000_000  # characters re-scanned for [ ( ` in one paragraph
DENSITY_BUDGET = 1_000_000_000  # inline marks x length of one paragraph

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_PREFIX = re.compile(r"^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))*[ \t]*")
_PREFIX_STARTS = frozenset(" \t>-*+0123456789")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_HEADING = re.compile(r"^ {0,3}(?:#|=+[ \t]*$)")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ ]?){3,}|(?:_[ ]?){3,}|(?:\*[ ]?){3,})[ \t]*$")
_DEFINITION = re.compile(r"^ {0,3}:[ \t]")
_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]]*\]:")
_ABBREVIATION = re.compile(r"^\*\[([^\]]*)\][ ]?:", re.MULTILINE)
_HTML_TAG = re.compile(r"<[A-Za-z/!?]")
_MARK = re.compile(r"[\[<&*_`\\|]")
_SCANNED = re.compile(r"\\.|`+|[\[\]()\"']", re.DOTALL)
_EMPHASIS = re.compile(r"\\.|\*+|_+", re.DOTALL)


def check_body(rel_path: str, body: str, first_line: int = 1) -> list[Diagnostic]:
    """Errors for every limit ``body`` exceeds (at most one per kind), located in the file.

    ``first_line`` is the file line of the body's first line.
    """
    if len(body) > MAX_BODY_CHARS:
        return [error("body-too-large", rel_path, first_line + body.count("\n", 0, MAX_BODY_CHARS),
                      size=len(body), limit=MAX_BODY_CHARS)]
    lines = body.split("\n")
    if len(lines) > MAX_LINES:
        return [error("body-too-many-lines", rel_path, first_line + MAX_LINES, count=len(lines), limit=MAX_LINES)]
    found: dict[str, Diagnostic] = {}

    def report(code: str, line: int, **params: object) -> None:
        found.setdefault(code, error(code, rel_path, first_line + line, **params))

    counts = {"markup": 0, "html": 0, "headings": 0, "footnotes": 0, "abbreviations": 0}
    firsts: dict[str, int] = {}
    for start, chunk in _chunks(lines):
        for offset, line in enumerate(chunk):
            _count_line(line, start + offset, counts, firsts)
            depth = _nesting(line)
            if depth > MAX_NESTING:
                report("nesting-too-deep", start + offset, depth=depth, limit=MAX_NESTING)
        _check_chunk(start, chunk, report)
        for unit_start, unit in _inline_units(start, chunk):
            _check_unit(unit_start, "\n".join(unit), report)
    counts["markup"] += _abbreviation_uses(body, counts["abbreviations"])
    for key, code, limit in (("markup", "too-much-markup", MAX_MARKUP), ("html", "too-many-html-tags", MAX_HTML_TAGS),
                             ("headings", "too-many-headings", MAX_HEADINGS),
                             ("footnotes", "too-many-footnotes", MAX_FOOTNOTES),
                             ("abbreviations", "too-many-abbreviations", MAX_ABBREVIATIONS)):
        if counts[key] > limit:
            report(code, firsts[key], count=counts[key], limit=limit)
    return sorted(found.values(), key=Diagnostic.sort_key)


def _chunks(lines: list[str]):
    """Yield (0-based line, lines) of each block Python-Markdown parses: lines between blank lines.

    Closed fenced code is left out; an unclosed fence is ordinary text to
    Python-Markdown, so it stays in.
    """
    closers = _fence_closers(lines)
    chunk: list[str] = []
    start = 0
    skip_to = -1
    for number, line in enumerate(lines):
        if number <= skip_to:
            continue
        closer = closers.get(number)
        if closer is not None or not line.strip():
            if chunk:
                yield start, chunk
            chunk, skip_to = [], closer if closer is not None else -1
            continue
        if not chunk:
            start = number
        chunk.append(line)
    if chunk:
        yield start, chunk


def _inline_units(start: int, chunk: list[str]):
    """Yield (0-based line, lines) of each stretch of ``chunk`` inlined as one text, or larger.

    A chunk that opens with a list item splits at each item, one with a table
    rule at each row; abbreviation definitions are removed before inlining.
    """
    mode = "list" if _LIST_ITEM.match(chunk[0]) else "text"
    if len(chunk) > 1 and "|" in chunk[0] and _TABLE_RULE.match(chunk[1]):
        mode = "table"
    unit: list[str] = []
    unit_start = start
    for number, line in enumerate(chunk, start):
        if _ABBREVIATION.match(line):
            continue
        if unit and (mode == "table" or (mode == "list" and _LIST_ITEM.match(line))):
            yield unit_start, unit
            unit = []
        if not unit:
            unit_start = number
        unit.append(line)
    if unit:
        yield unit_start, unit


def _check_chunk(start: int, chunk: list[str], report) -> None:
    """Report a block whose headings, rules or definitions each make Python-Markdown re-split it."""
    splits = definitions = 0
    length = sum(len(line) + 1 for line in chunk)
    for line in chunk:
        if _HEADING.match(line) or _RULE.match(line):
            splits += 1
        elif _DEFINITION.match(line):
            splits += 1
            definitions += 1
    if splits * length > SPLIT_BUDGET:
        report("block-too-long", start, count=splits, length=length, limit=SPLIT_BUDGET // length)
    if definitions > MAX_DEFINITIONS_IN_A_BLOCK:
        report("too-many-definitions", start, count=definitions, limit=MAX_DEFINITIONS_IN_A_BLOCK)


def _fence_closers(lines: list[str]) -> dict[int, int]:
    """Map each opening code fence that is closed later to its closing line.

    An unclosed fence is ordinary text to Python-Markdown, so it is checked as text.
    """
    later: dict[str, int] = {}
    candidates: dict[int, int] = {}
    for number in range(len(lines) - 1, -1, -1):
        opening = _FENCE.match(lines[number])
        if opening is None:
            continue
        fence = opening.group(1)
        if fence in later:
            candidates[number] = later[fence]
        if lines[number].rstrip(" ") == fence:
            later[fence] = number
    closers: dict[int, int] = {}
    number = 0
    for opening in sorted(candidates):
        if opening >= number:
            closers[opening] = candidates[opening]
            number = candidates[opening] + 1
    return closers


def _count_line(line: str, number: int, counts: dict[str, int], firsts: dict[str, int]) -> None:
    """Add the marks, tags, headings, footnotes and abbreviations of one line."""
    found = {
        "markup": len(_MARK.findall(line)),
        "html": len(_HTML_TAG.findall(line)) if "<" in line else 0,
        "headings": 1 if _HEADING.match(line) else 0,
        "footnotes": 1 if _FOOTNOTE.match(line) else 0,
        "abbreviations": 1 if _ABBREVIATION.match(line) else 0,
    }
    for key, amount in found.items():
        if amount:
            counts[key] += amount
            firsts.setdefault(key, number)


def _abbreviation_uses(body: str, defined: int) -> int:
    """How often the body uses its abbreviations: each use becomes an element."""
    if not defined or defined > MAX_ABBREVIATIONS:
        return 0
    names = {match.group(1) for match in _ABBREVIATION.finditer(body)}
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names if name) + r")\b")
    return len(pattern.findall(body)) if any(names) else 0


def _nesting(line: str) -> int:
    """Levels of blockquote and list opened before the text of ``line`` (an upper bound)."""
    if not line or line[0] not in _PREFIX_STARTS:
        return 0
    prefix = _PREFIX.match(line).group(0)
    markers = prefix.count(">") + len(re.findall(r"(?:[-*+]|\d+[.)])(?=[ \t])", prefix))
    columns = len(prefix.replace("\t", "    ")) - len(re.sub(r"[ \t]", "", prefix))
    return markers + columns // 4


def _check_unit(start: int, text: str, report) -> None:
    """Report an over-scanned or over-dense paragraph, and over-deep emphasis."""
    length = len(text)
    cost, unclosed, culprit = _scan_cost(text)
    if cost > SCAN_BUDGET:
        report("unclosed-brackets", start + text.count("\n", 0, culprit), count=unclosed, length=length,
               limit=SCAN_BUDGET // length)
    marks = len(_MARK.findall(text)) - text.count("|") + text.count("  \n")
    if marks * length > DENSITY_BUDGET:
        report("paragraph-too-dense", start, count=marks, length=length, limit=DENSITY_BUDGET // length)
    depth, where = _emphasis_depth(text)
    if depth > MAX_EMPHASIS_DEPTH:
        report("emphasis-too-deep", start + text.count("\n", 0, where), depth=depth, limit=MAX_EMPHASIS_DEPTH)


def _scan_cost(text: str) -> tuple[int, int, int]:
    """Characters Python-Markdown re-scans for ``[`` ``](`` and backticks, an upper bound.

    Returns the cost, how many openers are never closed, nested in another or
    hold a quote (each may re-scan the rest of the paragraph), and the offset of
    the first unclosed one (or of the costliest opener).
    """
    if "[" not in text and "`" not in text:
        return 0, 0, 0
    end = len(text)
    cost = costly = 0
    costliest = (0, 0)
    brackets: list[tuple[int, bool]] = []  # (offset, inside another [)
    parens: list[tuple[int, bool]] = []  # (offset, opens a link destination)
    closed_at = -2
    quoted = False
    for match in _SCANNED.finditer(text) if "[" in text else ():
        char, at = match.group(0)[0], match.start()
        if char == "`" or char == "\\":
            continue
        if char == "[":
            brackets.append((at, bool(brackets)))
        elif char == "]" and brackets:
            opened, nested = brackets.pop()
            costly += nested
            cost += at - opened
            costliest = max(costliest, (at - opened, -opened))
            closed_at = at
        elif char == "(" and (parens or at == closed_at + 1):
            parens.append((at, at == closed_at + 1))
            quoted = quoted if len(parens) > 1 else False
        elif char == ")" and parens:
            opened, destination = parens.pop()
            if destination:
                spent = end - opened if quoted else at - opened
                costly += quoted
                cost += spent
                costliest = max(costliest, (spent, -opened))
        elif char in "\"'" and parens:
            quoted = True
    open_ends = [opened for opened, _ in brackets] + [opened for opened, destination in parens if destination]
    ticks_cost, ticks_open = _backtick_cost(text)
    cost += ticks_cost + sum(end - opened for opened in open_ends)
    open_ends += ticks_open
    culprit = min(open_ends) if open_ends else -costliest[1]
    return cost, costly + len(open_ends), culprit


def _backtick_cost(text: str) -> tuple[int, list[int]]:
    """Characters re-scanned for code spans, and the offsets of unclosed backtick runs."""
    if "`" not in text:
        return 0, []
    runs = [(m.start(), len(m.group(0))) for m in re.finditer(r"`+", text)]
    following: list[int | None] = [None] * len(runs)
    last_of: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        following[index] = last_of.get(runs[index][1])
        last_of[runs[index][1]] = index
    cost, unclosed, index, end = 0, [], 0, len(text)
    while index < len(runs):
        closer = following[index]
        if closer is None:
            cost += end - runs[index][0]
            unclosed.append(runs[index][0])
            index += 1
        else:
            cost += runs[closer][0] - runs[index][0]
            index = closer + 1
    return cost, unclosed


def _emphasis_depth(text: str) -> tuple[int, int]:
    """How deep matched ``*``/``_`` pairs nest (an upper bound) and where the deepest opens.

    A run opens when followed by text, closes when it follows text and something
    is open; an intraword ``_`` does neither. Unclosed runs nest nothing.
    """
    if "*" not in text and "_" not in text:
        return 0, 0
    stack: list[list[int]] = []  # [offset, marks left] of open runs
    events: list[tuple[int, int]] = []  # (offset, +marks at an opening / -marks at a closing)
    for match in _EMPHASIS.finditer(text):
        run = match.group(0)
        if run[0] == "\\":
            continue
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        opens, closes = not after.isspace(), not before.isspace() and bool(stack)
        if opens and closes and run[0] == "_":
            continue
        if closes:
            left = len(run)
            while left and stack:
                opened = stack[-1]
                paired = min(left, opened[1])
                events += [(opened[0], paired), (match.start(), -paired)]
                opened[1] -= paired
                left -= paired
                if not opened[1]:
                    stack.pop()
        elif opens:
            stack.append([match.start(), len(run)])
    depth = deepest = where = 0
    for offset, change in sorted(events):
        depth += change
        if depth > deepest:
            deepest, where = depth, offset
    return deepest, where
