"""The embedded engine: a pool of worker processes, one work unit per task, biggest units first.

Memory stays flat whatever the corpus size: the parent holds only the plan, each worker one batch of rows.
"""

from __future__ import annotations

import multiprocessing as mp
import os

from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.engines import OnDone
from unmangle.pipeline.records import WorkUnit
from unmangle.pipeline.task import UnitResult, run_unit

_config: RunConfig | None = None


def _init(config: RunConfig) -> None:
    global _config
    _config = config


def _run(unit: WorkUnit) -> UnitResult:
    assert _config is not None
    return run_unit(unit, _config)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_units(units: list[WorkUnit], config: RunConfig, on_done: OnDone) -> None:
    # Longest first, so that the last unit to finish is a small one and no worker idles at the end.
    order = sorted(units, key=lambda u: -u.size)
    workers = min(config.workers or default_workers(), len(order))
    if workers <= 1:
        for unit in order:
            on_done(run_unit(unit, config))
        return
    # spawn: the parent may run a progress thread, and forking a threaded process is unsafe.
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init, initargs=(config,)) as pool:
        for result in pool.imap_unordered(_run, order, chunksize=1):
            on_done(result)
