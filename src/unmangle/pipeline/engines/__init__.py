"""Engines run work units somewhere (local processes, a Ray cluster); the units never know which."""

from __future__ import annotations

from collections.abc import Callable

from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.records import WorkUnit
from unmangle.pipeline.task import UnitResult

OnDone = Callable[[UnitResult], None]


def run_units(engine: str, units: list[WorkUnit], config: RunConfig, on_done: OnDone) -> None:
    """Run every unit, calling ``on_done`` in this process as each one finishes."""
    if engine == "ray":
        from unmangle.pipeline.engines.ray import run_units as run
    else:
        from unmangle.pipeline.engines.local import run_units as run
    run(units, config, on_done)
