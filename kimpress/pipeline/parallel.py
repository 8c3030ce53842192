"""Spread independent work over every core: forked worker processes, results in input order.

Workers are forked from the build process, so they start with the model, the
theme and the work list already in memory: nothing is pickled on the way in,
only each result on the way back. Results come back in the order of the inputs,
so a parallel build writes exactly the bytes of a serial one. Where ``fork`` is
not available, the work is too small to be worth a process, or other threads run
(``serve``), it runs here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from typing import Any, Callable

MIN_ITEMS_PER_WORKER = 32  # below this, starting processes costs more than it saves
_worker_task: Callable[[int], Any] | None = None  # set once in each forked worker, never in the parent


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def forking_is_safe() -> bool:
    """Whether this process may fork workers: only while it runs a single thread.

    A child forked while other threads run (``kimpress serve``: its HTTP server and
    watcher) inherits their locks in whatever state they were; rebuilds there hung
    now and then. Those rebuilds are incremental and small, so they run here instead.
    """
    return threading.active_count() == 1


def worker_count(jobs: int | None, items: int, per_worker: int = MIN_ITEMS_PER_WORKER) -> int:
    """How many processes to use for ``items`` pieces of work (``jobs`` None: every core).

    ``per_worker`` is the least work worth a process: 1 for items that take seconds (photos).
    """
    wanted = available_cores() if jobs is None or jobs <= 0 else jobs
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(wanted, items // per_worker))


def parallel_map(task: Callable[[int], Any], count: int, jobs: int | None,
                 per_worker: int = MIN_ITEMS_PER_WORKER) -> list[Any]:
    """``[task(0), ..., task(count - 1)]``, computed by up to ``jobs`` forked workers.

    ``task`` may use anything in this process's memory; what it returns must pickle.
    An exception in a worker is raised here, as it would be serially.
    """
    workers = worker_count(jobs, count, per_worker)
    if workers <= 1 or not forking_is_safe():
        return [task(index) for index in range(count)]
    size = max(1, -(-count // (workers * 4)))  # a few chunks per worker evens out slow items
    chunks = [(start, min(start + size, count)) for start in range(0, count, size)]
    gc.freeze()  # objects made before the fork are left alone by the children's collector: fewer copied pages
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_install, initargs=(task,)) as pool:
            parts = pool.map(_run_chunk, chunks, chunksize=1)
    finally:
        gc.unfreeze()
    return [result for part in parts for result in part]


class Spread:
    """``parallel_map`` with a fixed ``jobs``, for stages lower down that only get handed the means."""

    def __init__(self, jobs: int | None) -> None:
        self.jobs = jobs

    def workers(self, items: int) -> int:
        return worker_count(self.jobs, items)

    def map(self, task: Callable[[int], Any], count: int) -> list[Any]:
        return parallel_map(task, count, self.jobs)


def _install(task: Callable[[int], Any]) -> None:
    global _worker_task
    _worker_task = task


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    assert _worker_task is not None
    return [_worker_task(index) for index in range(*bounds)]
