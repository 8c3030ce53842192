"""Rebuild on every change and remember how the last build went.

``Preview`` is shared by ``kimpress serve`` and ``kimpress build --watch``: it
owns one ``Builder`` (so each rebuild redoes only what changed), a watcher,
and the ``Status`` the server shows. A failed rebuild never raises out of
here: the last good site stays on disk and the problems wait in the status
until the next build succeeds.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from kimpress.core.errors import Diagnostic, KimpressError, error
from kimpress.incremental.memory import BuildMemory, load_memory, save_memory
from kimpress.pipeline.build import Builder, BuildOptions, BuildResult
from kimpress.serve.watch import SiteWatcher


@dataclass(frozen=True)
class Status:
    """How the site stands: the build count visible to browsers and the problems, if any."""

    generation: int = 0
    problems: tuple[Diagnostic, ...] = ()
    language: str = "id"


Report = Callable[["BuildResult | None", tuple[Diagnostic, ...], str], None]


class Preview:
    """Keeps ``options.output_dir`` up to date with the site while watching it.

    ``report(result, problems, language)`` is called after every build (for the
    terminal). ``memory_file`` keeps the builder's memory between sessions.
    """

    def __init__(self, site_dir: Path, options: BuildOptions, report: Report,
                 memory_file: Path | None = None, quiet: float = 0.05) -> None:
        self.site_dir = Path(site_dir)
        self._memory_file = memory_file
        memory = load_memory(memory_file) if memory_file else BuildMemory()
        self._builder = Builder(self.site_dir, options, memory)
        self._report = report
        self._status = Status()
        self._changed = threading.Condition()
        self._closed = False
        self._watcher = SiteWatcher(self.site_dir, self.rebuild, quiet=quiet)
        self.builds = 0  # builds attempted, for tests and the benchmark

    @property
    def status(self) -> Status:
        with self._changed:
            return self._status

    def start(self) -> None:
        """Build once, then watch for changes."""
        self.rebuild(())
        self._save_memory()
        self._watcher.start()

    def stop(self) -> None:
        """Stop watching, wake every waiting client and keep the memory for next time."""
        self._watcher.stop()
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        self._save_memory()

    def rebuild(self, changed: Iterable[Path]) -> None:
        """Build again; record the outcome instead of raising."""
        language = self._status.language
        result: BuildResult | None = None
        try:
            result = self._builder.build(changed=changed)
            problems: tuple[Diagnostic, ...] = ()
            language = result.config.language
        except KimpressError as exc:
            problems = tuple(exc.diagnostics)
        except Exception as exc:  # a bug in kimpress must not stop the preview either
            problems = (error("internal-error", None, None, detail=f"{type(exc).__name__}: {exc}"),)
        self.builds += 1
        self._report(result, problems, language)
        altered = result is None or result.stats.written or result.stats.deleted
        with self._changed:
            previous = self._status
            if altered or problems != previous.problems:
                self._status = Status(previous.generation + 1, problems, language)
                self._changed.notify_all()

    def wait_for_change(self, since: int, timeout: float) -> Status | None:
        """The status once its generation passes ``since``; None on timeout or shutdown."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self._status.generation > since, timeout)
            if self._closed or self._status.generation <= since:
                return None
            return self._status

    def _save_memory(self) -> None:
        if self._memory_file is not None:
            save_memory(self._memory_file, self._builder.memory)
