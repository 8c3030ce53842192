"""What one build remembers for the next: parsed sources, rendered Markdown, outputs.

``BuildMemory`` is plain data. ``kimpress serve`` keeps one in memory between
rebuilds; ``kimpress build`` loads it from the user's cache folder and saves it
back after a successful build. Each part is checked before use, so a stale or
foreign memory costs time, never correctness:

- a parsed source is reused only while its file's (mtime, size, inode) are what
  they were *and* it was not reported changed; a file touched in the same clock
  tick as the check is read again and compared by digest;
- rendered Markdown is keyed by the digest of its text, and reused only if every
  relative link it resolved still resolves to the same URL;
- an output is re-rendered unless the stamp of all its inputs is unchanged.

The cache lives outside the site (``$XDG_CACHE_HOME/kimpress``), never in the
repository: a pickle committed by someone else is never loaded.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence, TypeVar

from kimpress import __version__
from kimpress.core.errors import Diagnostic
from kimpress.core.stamps import same
from kimpress.incremental.pickles import dump_atomically, load_checked
from kimpress.markdown.convert import LinkResolver, MarkdownRenderer, RenderedMarkdown
from kimpress.source.discovery import SourceFile, read_text
from kimpress.source.frontmatter import Document, parse_document

T = TypeVar("T")


class Spread(Protocol):
    """A parallel map handed down by the pipeline: how many workers it would use, and the map itself."""

    def workers(self, items: int) -> int: ...

    def map(self, task: Callable[[int], Any], count: int) -> list[Any]: ...

FORMAT = 7  # 7: photos' sizes are kept by digest, and bodies note their images without alt text
RACY_SECONDS = 2.0  # a file changed this close to the check may change again unseen


@dataclass
class ParsedSource:
    """One source as last read: its file identity, text digest and parse result."""

    file_key: tuple[int, int, int]
    digest: bytes
    document: Document | None
    diagnostics: list[Diagnostic]
    checked_at: float


@dataclass
class OutputRecord:
    """How an output was last made: the stamp of its inputs and the site fields it read."""

    inputs: bytes
    site_fields: tuple[str, ...]
    file_key: tuple[int, int] | None = None  # (size, mtime_ns) of the written file


@dataclass
class BuildMemory:
    """Everything reused between builds of one site."""

    sources: dict[str, ParsedSource] = field(default_factory=dict)
    markdown: dict[tuple[str, bool, bytes], tuple[RenderedMarkdown, tuple[tuple[str, str | None], ...]]] = field(
        default_factory=dict)
    outputs: dict[str, OutputRecord] = field(default_factory=dict)
    output_dir: str = ""
    files: dict[str, tuple[tuple[int, int, int], bytes, float]] = field(default_factory=dict)  # copied files
    model: "ModelMemo" = field(default_factory=lambda: ModelMemo())  # model objects, reused while their inputs hold
    images: dict[bytes, Any] = field(default_factory=dict)  # digest of a photo -> its kimpress.media ImageInfo


def _file_key(stat: os.stat_result) -> tuple[int, int, int]:
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


class FileDigests:
    """Digests of files copied as is, hashed again only when their stat says they may differ.

    Like a parse, a digest is trusted while the file's (mtime, size, inode) stay
    the same, unless the file changed within ``RACY_SECONDS`` of the last check:
    then it could have changed again within one timestamp tick, so it is hashed.
    """

    def __init__(self, memory: BuildMemory) -> None:
        self._memory = memory
        self._used: set[str] = set()

    def of(self, path: str) -> bytes | None:
        self._used.add(path)
        try:
            stat = os.stat(path)
        except OSError:
            return None
        key = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        known = self._memory.files.get(path)
        if known is not None and known[0] == key and key[0] / 1e9 < known[2] - RACY_SECONDS:
            return known[1]
        now = time.time()
        try:
            with open(path, "rb") as stream:
                digest = hashlib.file_digest(stream, "blake2b").digest()
        except OSError:
            return None
        self._memory.files[path] = (key, digest, now)
        return digest

    def forget_unused(self) -> None:
        for path in set(self._memory.files) - self._used:
            del self._memory.files[path]


def parse_source(memory: BuildMemory, source: SourceFile, changed: bool = False
                 ) -> tuple[Document | None, list[Diagnostic]]:
    """Parse ``source``, or reuse its last parse if the file is provably the same."""
    previous = memory.sources.get(source.rel_path)
    now = time.time()
    try:
        key = _file_key(source.path.stat())
    except OSError:
        key = (0, -1, 0)
    if (previous is not None and not changed and previous.file_key == key
            and key[0] / 1e9 < previous.checked_at - RACY_SECONDS):
        return previous.document, previous.diagnostics
    text, problem = read_text(source)
    digest = hashlib.blake2b((text or "").encode("utf-8", "surrogatepass"), digest_size=16).digest()
    if problem is not None:
        memory.sources.pop(source.rel_path, None)
        return None, [problem]
    if previous is not None and previous.digest == digest:
        memory.sources[source.rel_path] = ParsedSource(key, digest, previous.document, previous.diagnostics, now)
        return previous.document, previous.diagnostics
    document, diagnostics = parse_document(source.rel_path, text or "")
    memory.sources[source.rel_path] = ParsedSource(key, digest, document, diagnostics, now)
    return document, diagnostics


class CachingRenderer:
    """A ``MarkdownRenderer`` that reuses earlier results whose links still resolve the same.

    Each distinct href of a text is resolved once per render, whether the result
    comes from the cache or not, so warnings the resolver gives are the same
    either way. The key holds every setting the HTML depends on: the language
    (footnote wording), whether raw HTML is sanitised, and the plugins' Markdown
    extensions (``extensions_key``). ``warm`` converts every text the cache lacks
    at once, through ``spread`` (the pipeline's parallel map), before the model
    asks for them one by one.
    """

    def __init__(self, memory: BuildMemory, language: str, sanitize: bool = True, extensions: Sequence[Any] = (),
                 extensions_key: bytes = b"", spread: Spread | None = None) -> None:
        self._memory = memory
        self._language = language
        self._sanitize = sanitize
        self._extensions = list(extensions)
        self._extensions_key = extensions_key
        self._spread = spread
        self._inner: MarkdownRenderer | None = None
        self._used: set[tuple[str, bool, bytes]] = set()
        self._keys: dict[str, tuple[str, bool, bytes]] = {}  # text -> key, for this build only

    def _key(self, text: str) -> tuple[str, bool, bytes]:
        known = self._keys.get(text)  # warm() already digested it in this build
        if known is not None:
            return known
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), key=self._extensions_key[:64],
                                 digest_size=16).digest()
        key = self._keys[text] = (self._language, self._sanitize, digest)
        return key

    def _renderer(self) -> MarkdownRenderer:
        if self._inner is None:
            self._inner = MarkdownRenderer(self._language, self._sanitize, self._extensions)
        return self._inner

    def warm(self, texts: Sequence[tuple[str, LinkResolver | None]]) -> None:
        """Convert, all at once and in parallel when ``spread`` allows, the texts not in the cache.

        A worker resolves links without reporting anything (what it reports stays in
        the worker); ``render`` checks them again here, so the diagnostics are those
        of a serial build. Without more than one worker there is nothing to gain.
        """
        if self._spread is None or self._spread.workers(len(texts)) <= 1:
            return
        missing: dict[tuple[str, bool, bytes], tuple[str, LinkResolver | None]] = {}
        for text, resolve in texts:
            key = self._key(text)
            if key not in self._memory.markdown and key not in missing:
                missing[key] = (text, resolve)
        work = list(missing.items())

        def convert(index: int) -> tuple[RenderedMarkdown, tuple[tuple[str, str | None], ...]]:
            text, resolve = work[index][1]
            return self._convert(text, _Resolutions(resolve))

        if self._spread.workers(len(work)) <= 1:
            return
        for (key, _), result in zip(work, self._spread.map(convert, len(work))):
            self._memory.markdown[key] = result

    def render(self, text: str, resolve: LinkResolver | None = None) -> RenderedMarkdown:
        key = self._key(text)
        resolutions = _Resolutions(resolve)
        self._used.add(key)
        hit = self._memory.markdown.get(key)
        if hit is not None and all(resolutions(href) == url for href, url in hit[1]):
            return hit[0]
        self._memory.markdown[key] = result = self._convert(text, resolutions)
        return result[0]

    def _convert(self, text: str, resolutions: "_Resolutions"
                 ) -> tuple[RenderedMarkdown, tuple[tuple[str, str | None], ...]]:
        """The text converted, and every href it resolved with what it resolved to."""
        rendered = self._renderer().render(text, resolutions if resolutions.resolve is not None else None)
        return rendered, tuple(resolutions.resolved.items())

    def forget_unused(self) -> None:
        """Drop results no source of this build asked for (deleted or edited texts)."""
        for key in set(self._memory.markdown) - self._used:
            del self._memory.markdown[key]


class _Resolutions:
    """A link resolver that resolves each distinct href once and remembers what it gave."""

    def __init__(self, resolve: LinkResolver | None) -> None:
        self.resolve = resolve
        self.resolved: dict[str, str | None] = {}

    def __call__(self, href: str) -> str | None:
        if href not in self.resolved:
            self.resolved[href] = self.resolve(href) if self.resolve is not None else None
        return self.resolved[href]


class ModelMemo:
    """What ``content.build_site`` may reuse from the previous build of the same site.

    ``derive`` hands back the result of a step whose inputs are the same as last
    time (the very same objects, usually, so checking costs nothing);
    ``canonical`` hands back last build's model object when a new one is the
    same. Model objects are frozen and remember their stamp, so an unchanged
    article is neither rebuilt nor digested again. "The same" is ``stamps.same``:
    faithful, so the worst a reuse can cost is a miss.
    """

    def __init__(self) -> None:
        self._derived: dict[tuple[str, str], tuple[tuple, Any]] = {}
        self._objects: dict[tuple[type, str], Any] = {}
        self._seen: set[tuple] = set()

    def derive(self, kind: str, key: str, inputs: tuple, make: Callable[[], T]) -> T:
        slot = (kind, key)
        self._seen.add(slot)
        known = self._derived.get(slot)
        if known is not None and same(known[0], inputs):
            return known[1]
        value = make()
        self._derived[slot] = (inputs, value)
        return value

    def canonical(self, value: T) -> T:
        slot = (type(value), getattr(value, "url", ""))
        self._seen.add(slot)
        known = self._objects.get(slot)
        if known is not None and same(known, value):
            return known
        self._objects[slot] = value
        return value

    def forget_unused(self) -> None:
        """Drop what this build did not ask for; call once a build is done."""
        for table in (self._derived, self._objects):
            for slot in set(table) - self._seen:
                del table[slot]
        self._seen = set()


def forget_missing_sources(memory: BuildMemory, present: set[str]) -> None:
    for rel_path in set(memory.sources) - present:
        del memory.sources[rel_path]


def load_memory(path: Path) -> BuildMemory:
    """The saved memory, or an empty one if it is missing, foreign or from another version."""
    memory = load_checked(path, ("kimpress", __version__, FORMAT))
    return memory if isinstance(memory, BuildMemory) else BuildMemory()


def save_memory(path: Path, memory: BuildMemory) -> None:
    """Write the memory atomically; a cache that cannot be written is skipped silently."""
    dump_atomically(path, ("kimpress", __version__, FORMAT), memory)
