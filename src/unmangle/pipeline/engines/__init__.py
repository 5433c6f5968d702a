"""Engines run work units somewhere (local processes, a Ray cluster); the units never know which."""

from __future__ import annotations

from collections.abc import Callable

from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.records import WorkUnit
from unmangle.pipeline.task import UnitResult

OnDone = Callable[[UnitResult], None]
# Partial progress of a unit in flight: unit index, documents read and input bytes since the last call.
OnProgress = Callable[[int, int, int], None]


def run_units(engine: str, units: list[WorkUnit], config: RunConfig, on_done: OnDone,
              on_progress: OnProgress | None = None) -> None:
    """Run every unit, calling ``on_done`` in this process as each one finishes.

    ``on_progress`` may be called from another thread; an engine that cannot report partial progress (Ray)
    simply never calls it.
    """
    if engine == "ray":
        from unmangle.pipeline.engines.ray import run_units as run_ray

        run_ray(units, config, on_done)
        return
    from unmangle.pipeline.engines.local import run_units as run_local

    run_local(units, config, on_done, on_progress)
