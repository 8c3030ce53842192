"""Where each article has been: its earlier paths and ``slug:`` values, read from the site's git history.

A link shared on WhatsApp must keep working after the article moves to another
kelurahan folder or gets a new slug, and the site may be built only by CI from a
fresh clone, so the record that lasts is the repository's own history. Three git
calls read it (one when the commit was seen before: the result is kept in the
cache folder by commit):

    git rev-parse --is-inside-work-tree --is-shallow-repository HEAD
    git log --reverse -M --name-status      renames, additions, deletions under content/
    git log --reverse -M -p -G '^(slug|id):' the edits of ``slug:`` and ``id:`` lines

A file's lineage follows it through renames; an edit of ``id:`` from one value to
another starts a new lineage (it is a different article now). No git, no
repository or no commit means no history: only ``aliases:`` make redirects then.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

CONTENT = "content"
_FIELD = re.compile(r"^([+-])(slug|id)[ \t]*:[ \t]*(.*?)[ \t]*$")
_GIT_TIMEOUT = 120
FORMAT = 1


@dataclass(frozen=True)
class Place:
    """Where an article was at some commit: its path and the ``slug:`` it had then (None: from its name)."""

    path: str
    slug: str | None = None


@dataclass(frozen=True)
class ContentHistory:
    """For each path at HEAD that has moved, every place it had, oldest first (its place at HEAD last)."""

    commit: str | None = None
    shallow: bool = False
    places: dict[str, tuple[Place, ...]] = field(default_factory=dict)

    def earlier(self, path: str) -> tuple[Place, ...]:
        """The places ``path`` had before its place at HEAD."""
        return self.places.get(path, ())[:-1]

    def moved_paths(self) -> dict[str, str]:
        """Each earlier path of a file (``content/a/x.md``) -> its path at HEAD."""
        return {place.path: path for path, places in self.places.items() for place in places[:-1]
                if place.path != path}


NO_HISTORY = ContentHistory()


def read_history(site_dir: Path, cache_folder: Path | None = None, known: ContentHistory | None = None
                 ) -> ContentHistory:
    """The content history of the repository ``site_dir`` is in; ``known`` (or the cache) when HEAD is the same."""
    head = _git(site_dir, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "HEAD")
    if head is None:
        return NO_HISTORY
    lines = head.split()
    if len(lines) < 3 or lines[0] != "true":
        return NO_HISTORY
    shallow, commit = lines[1] == "true", lines[2]
    if known is not None and known.commit == commit:
        return known
    cached = _load(cache_folder, commit)
    if cached is not None:
        return cached
    moves = _git(site_dir, "log", "--reverse", "-M", "--name-status", "-z", "--format=%x01%H", "--relative",
                 "--", CONTENT)
    edits = _git(site_dir, "log", "--reverse", "-M", "-p", "--unified=0", "-G", r"^(slug|id)[[:space:]]*:",
                 "--format=%x01%H", "--relative", "--", CONTENT)
    if moves is None or edits is None:
        return ContentHistory(commit, shallow)
    history = ContentHistory(commit, shallow, replay(parse_moves(moves), parse_edits(edits)))
    _save(cache_folder, history)
    return history


def parse_moves(text: str) -> list[tuple[str, list[tuple[str, ...]]]]:
    """[(commit, [(status letter, path, [new path])...])] from ``git log --name-status -z``."""
    commits = []
    for chunk in text.split("\x01")[1:]:
        tokens = [token.strip("\n") for token in chunk.split("\x00")]
        commit, tokens = tokens[0].strip(), [token for token in tokens[1:] if token]
        changes: list[tuple[str, ...]] = []
        index = 0
        while index < len(tokens):
            status = tokens[index][:1]
            width = 2 if status in ("R", "C") else 1
            changes.append((status, *tokens[index + 1:index + 1 + width]))
            index += 1 + width
        commits.append((commit, changes))
    return commits


def parse_edits(text: str) -> dict[str, list[tuple[str, str, str, str]]]:
    """{commit: [(path, "+" or "-", field, value)]} from ``git log -p -G``: the ``slug:``/``id:`` lines changed."""
    edits: dict[str, list[tuple[str, str, str, str]]] = {}
    commit, path = "", ""
    for line in text.split("\n"):
        if line.startswith("\x01"):
            commit, path = line[1:].strip(), ""
            edits[commit] = []
        elif line.startswith("+++ "):
            target = line[4:]
            path = target[2:] if target.startswith("b/") else ""
        elif path and not line.startswith(("--- ", "+++ ")):
            match = _FIELD.match(line)
            if match:
                sign, name, value = match.groups()
                edits[commit].append((path, sign, name, value.strip("'\"")))
    return edits


@dataclass
class _Lineage:
    places: list[Place]
    ident: str | None = None


def replay(moves: list[tuple[str, list[tuple[str, ...]]]], edits: dict[str, list[tuple[str, str, str, str]]]
           ) -> dict[str, tuple[Place, ...]]:
    """Play the commits oldest first; the lineage of each path still there at the end."""
    alive: dict[str, _Lineage] = {}
    for commit, changes in moves:
        touched: set[str] = set()  # paths placed in this commit: its edits amend that place, not add one
        for status, *paths in changes:
            if status == "A" or (status == "C" and len(paths) == 2):
                alive[paths[-1]] = _Lineage([Place(paths[-1])])
                touched.add(paths[-1])
            elif status == "D":
                alive.pop(paths[0], None)
            elif status == "R" and len(paths) == 2:
                lineage = alive.pop(paths[0], None) or _Lineage([])
                lineage.places.append(Place(paths[1], lineage.places[-1].slug if lineage.places else None))
                alive[paths[1]] = lineage
                touched.add(paths[1])
        _apply_edits(alive, edits.get(commit, ()), touched)
    places = {path: tuple(_unique(lineage.places)) for path, lineage in alive.items() if path.endswith(".md")}
    return {path: steps for path, steps in places.items() if len(steps) > 1}  # only files that have moved


def _apply_edits(alive: dict[str, _Lineage], edits, touched: set[str]) -> None:
    added = {(path, name): value for path, sign, name, value in edits if sign == "+"}
    removed = {(path, name) for path, sign, name, _ in edits if sign == "-"}
    for path in {path for path, _ in added} | {path for path, _ in removed}:
        lineage = alive.get(path)
        if lineage is None:
            continue
        if (path, "id") in added:
            ident = added[(path, "id")]
            if lineage.ident and ident != lineage.ident:  # another article now: its earlier places are not its own
                lineage.places = [lineage.places[-1]]
            lineage.ident = ident
        if (path, "slug") in added or (path, "slug") in removed:
            place = Place(path, added.get((path, "slug")) or None)
            if path in touched:
                lineage.places[-1] = place
            else:
                lineage.places.append(place)


def _unique(places: list[Place]) -> list[Place]:
    """``places`` without repeats, each kept at its last appearance."""
    seen: dict[Place, None] = {}
    for place in places:
        seen.pop(place, None)
        seen[place] = None
    return list(seen)


def _git(site_dir: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=site_dir, capture_output=True,
                              timeout=_GIT_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def _load(folder: Path | None, commit: str) -> ContentHistory | None:
    try:
        data = json.loads((folder / "history.json").read_text(encoding="utf-8")) if folder else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("commit") != commit:
        return None
    places = {path: tuple(Place(*place) for place in items) for path, items in data["places"].items()}
    return ContentHistory(commit, bool(data.get("shallow")), places)


def _save(folder: Path | None, history: ContentHistory) -> None:
    if folder is None:
        return
    data = {"format": FORMAT, "commit": history.commit, "shallow": history.shallow,
            "places": {path: [[place.path, place.slug] for place in places]
                       for path, places in history.places.items()}}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / "history.json.tmp"
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(folder / "history.json")
    except OSError:
        pass
