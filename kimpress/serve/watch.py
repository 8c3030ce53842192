"""Watch a site's inputs and report each burst of changes once.

Only what a build reads is watched: ``site.yaml`` and the folders ``content/``,
``static/`` and ``themes/``; the output folder and ``.git`` never are, so a
build cannot trigger itself. Editor litter (``.swp``, ``~``, ``.#x``, vim's
``4913``) is dropped. Events are gathered until the site has been quiet for a
moment (or a burst has lasted too long), then handed over as one batch: a
``git checkout`` of 500 files gives one rebuild, an atomic save (write a temp
file, rename it over the article) gives one too.
"""

from __future__ import annotations

import threading
import time
import warnings
from pathlib import Path
from typing import Callable

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from kimpress.source.discovery import is_ignored_name

WATCHED_FOLDERS = ("content", "static", "themes")
WATCHED_FILES = ("site.yaml",)

OnChange = Callable[[set[Path]], None]


class ChangeBatcher:
    """Collects changed paths and calls ``on_change`` once per quiet pause.

    ``quiet``: seconds without a new event that end a burst; ``longest``: a burst
    is cut after this long even if events keep coming. ``on_change`` runs in the
    batcher's own thread, one call at a time, so builds never overlap; events
    arriving meanwhile form the next batch.
    """

    def __init__(self, on_change: OnChange, quiet: float = 0.05, longest: float = 2.0) -> None:
        self._on_change = on_change
        self._quiet = quiet
        self._longest = longest
        self._pending: set[Path] = set()
        self._first = 0.0
        self._last = 0.0
        self._closed = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="kimpress-batcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def add(self, paths: set[Path]) -> None:
        with self._wake:
            now = time.monotonic()
            if not self._pending:
                self._first = now
            self._pending |= paths
            self._last = now
            self._wake.notify()

    def close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while True:
            batch = self._next_batch()
            if batch is None:
                return
            self._on_change(batch)

    def _next_batch(self) -> set[Path] | None:
        with self._wake:
            while not self._closed:
                if not self._pending:
                    self._wake.wait()
                    continue
                now = time.monotonic()
                deadline = min(self._last + self._quiet, self._first + self._longest)
                if now >= deadline:
                    batch, self._pending = self._pending, set()
                    return batch
                self._wake.wait(deadline - now)
            return None


class _Relay(FileSystemEventHandler):
    """Turns watchdog events into paths the build cares about."""

    def __init__(self, site_dir: Path, batcher: ChangeBatcher, on_new_folder: Callable[[Path], None]) -> None:
        self._site_dir = site_dir
        self._batcher = batcher
        self._on_new_folder = on_new_folder

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write") or (event.is_directory and event.event_type == "modified"):
            return  # a folder is "modified" whenever a file in it is; that file's own event tells more
        paths = {Path(_text(event.src_path))}
        if getattr(event, "dest_path", ""):
            paths.add(Path(_text(event.dest_path)))
        relevant = {path for path in paths if self._is_input(path)}
        if not relevant:
            return
        if event.is_directory and event.event_type in ("created", "moved"):
            for path in relevant:
                if path.parent == self._site_dir and path.name in WATCHED_FOLDERS:
                    self._on_new_folder(path)
        self._batcher.add(relevant)

    def _is_input(self, path: Path) -> bool:
        try:
            parts = path.relative_to(self._site_dir).parts
        except ValueError:
            return False
        if not parts or any(is_ignored_name(part) for part in parts):
            return False
        return parts[0] in WATCHED_FOLDERS or (len(parts) == 1 and parts[0] in WATCHED_FILES)


def _text(path: str | bytes) -> str:
    return path.decode("utf-8", "surrogateescape") if isinstance(path, bytes) else path


class SiteWatcher:
    """Watches ``site_dir`` and calls ``on_change(paths)`` after each burst of changes."""

    def __init__(self, site_dir: Path, on_change: OnChange, quiet: float = 0.05, longest: float = 2.0) -> None:
        self.site_dir = site_dir.resolve()
        self._batcher = ChangeBatcher(on_change, quiet, longest)
        self._relay = _Relay(self.site_dir, self._batcher, self._watch_folder)
        self._observer = Observer()
        self._watches: dict[Path, object] = {}
        self._lock = threading.Lock()

    def start(self) -> None:
        """Begin watching; returns once the watches are in place."""
        # The site folder itself only for site.yaml and new top-level folders:
        # watching it recursively would also watch the output folder.
        self._observer.schedule(self._relay, str(self.site_dir), recursive=False)
        # watchdog's inotify observer may add a watch for a new subfolder twice (once
        # while walking the new tree, once for the subfolder's own event) and warns
        # from its thread; the second watch simply replaces the first.
        warnings.filterwarnings("ignore", message=r"Callback with id .* already exists", category=RuntimeWarning,
                                module=r"watchdog\.")
        for name in WATCHED_FOLDERS:
            folder = self.site_dir / name
            if folder.is_dir():
                self._watch_folder(folder)
        self._batcher.start()
        self._observer.start()

    def _watch_folder(self, folder: Path) -> None:
        """Watch ``folder`` recursively, again if it was deleted and made anew."""
        with self._lock:
            old = self._watches.pop(folder, None)
            if old is not None:
                try:
                    self._observer.unschedule(old)
                except (KeyError, OSError):
                    pass  # its watch already ended with the old folder
            if folder.is_dir() and not folder.is_symlink():
                self._watches[folder] = self._observer.schedule(self._relay, str(folder), recursive=True)

    def stop(self) -> None:
        """Stop watching and wait for a build in progress to end."""
        self._observer.stop()
        self._observer.join(timeout=10)
        self._batcher.close()
