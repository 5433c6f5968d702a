"""The embedded engine: a pool of worker processes, one work unit per task, biggest units first.

Memory stays flat whatever the corpus size: the parent holds only the plan, each worker one batch of rows, and a
worker is replaced after ``recycle_bytes`` of input so that caches of the document step cannot grow without end.
Workers send partial progress through a queue that a thread of the parent drains, so a long unit still moves
the progress bar.
"""

from __future__ import annotations

import functools
import multiprocessing as mp
import os
import threading
from typing import Any

from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.engines import OnDone, OnProgress
from unmangle.pipeline.records import WorkUnit
from unmangle.pipeline.task import UnitResult, run_unit

_config: RunConfig | None = None
_queue: Any = None


def _init(config: RunConfig, queue: Any) -> None:
    global _config, _queue
    _config = config
    _queue = queue


def _send(index: int, docs: int, nbytes: int) -> None:
    _queue.put((index, docs, nbytes))


def _run(unit: WorkUnit) -> UnitResult:
    assert _config is not None
    report = functools.partial(_send, unit.index) if _queue is not None else None
    return run_unit(unit, _config, report)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_units(units: list[WorkUnit], config: RunConfig, on_done: OnDone,
              on_progress: OnProgress | None = None) -> None:
    # Longest first, so that the last unit to finish is a small one and no worker idles at the end.
    order = sorted(units, key=lambda u: -u.size)
    workers = min(config.workers or default_workers(), len(order))
    total = sum(u.size for u in order)
    if workers <= 1 and total <= config.recycle_bytes:  # small runs skip the start-up of a worker process
        for unit in order:
            report = functools.partial(on_progress, unit.index) if on_progress else None
            on_done(run_unit(unit, config, report))
        return
    # spawn: the parent may run a progress thread, and forking a threaded process is unsafe.
    ctx = mp.get_context("spawn")
    # Replacing a worker costs a second or two of start-up: under 1% of the minutes the repair takes for 64 MB.
    mean_unit = max(1, total // len(order))
    recycle = max(1, config.recycle_bytes // mean_unit) if total / workers > config.recycle_bytes else None
    # A Queue, not a SimpleQueue: its put never blocks a worker, and a worker killed mid-put cannot leave a
    # lock held that the parent would then wait on forever.
    queue = ctx.Queue() if on_progress else None
    stop = threading.Event()
    drain = threading.Thread(target=_drain, args=(queue, on_progress, stop), daemon=True) if queue else None
    if drain:
        drain.start()
    try:
        with ctx.Pool(workers, initializer=_init, initargs=(config, queue), maxtasksperchild=recycle) as pool:
            for result in pool.imap_unordered(_run, order, chunksize=1):
                on_done(result)
    finally:
        stop.set()
        if drain is not None:
            drain.join(timeout=2)


def _drain(queue: Any, on_progress: OnProgress, stop: threading.Event) -> None:
    import queue as stdlib_queue

    while not stop.is_set():
        try:
            message = queue.get(timeout=0.2)
        except stdlib_queue.Empty:
            continue
        except (EOFError, OSError):  # the queue is gone: only the bar stops moving
            return
        on_progress(*message)
