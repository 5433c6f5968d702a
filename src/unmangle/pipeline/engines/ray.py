"""Ray Data engine: the same work units, scheduled on a Ray cluster (``pip install unmangle[ray]``).

The plan becomes a dataset of units; ``map_batches`` runs the same ``run_unit`` on each, which reads its
input, cleans every document and writes its Parquet (or JSONL) shard straight to OUTDIR, which must be a path
every node sees: a shared disk or object storage (``s3://``, ``gs://``, ``abfs://``, ``hdfs://``). Rows come
out identical to the local engine's, in the same shard names, so ``--resume`` works across engines.
``RAY_ADDRESS`` (or an already initialised Ray) decides the cluster; without it Ray starts locally.
"""

from __future__ import annotations

import json
import os
from typing import Any

from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.engines import OnDone
from unmangle.pipeline.records import WorkUnit
from unmangle.pipeline.task import UnitResult, run_unit


def _run_batch(batch: dict[str, Any], config: dict[str, Any]) -> dict[str, list[str]]:
    """The batch function: unit descriptions in, unit results (small JSON) out."""
    run_config = RunConfig.from_dict(config)
    results = [run_unit(WorkUnit.from_dict(json.loads(u)), run_config) for u in batch["unit"]]
    return {"result": [json.dumps(r.to_dict()) for r in results]}


def run_units(units: list[WorkUnit], config: RunConfig, on_done: OnDone) -> None:
    try:
        import ray
    except ImportError as exc:
        raise RuntimeError("the ray engine needs Ray Data: pip install 'unmangle[ray]'") from exc
    if not ray.is_initialized():
        local = not os.environ.get("RAY_ADDRESS")
        ray.init(num_cpus=config.workers if local and config.workers else None, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.verbose_stats_logs = False
    order = sorted(units, key=lambda u: -u.size)
    items = [{"unit": json.dumps(u.to_dict())} for u in order]
    dataset = ray.data.from_items(items, override_num_blocks=len(items))
    dataset = dataset.map_batches(_run_batch, fn_kwargs={"config": config.to_dict()}, batch_size=1,
                                  num_cpus=1, batch_format="default")
    for row in dataset.iter_rows():
        on_done(UnitResult.from_dict(json.loads(row["result"])))
