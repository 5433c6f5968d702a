"""Reading a run's output back: the shards of OUTDIR, without its ``rejected.jsonl`` or ``stats.json``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from unmangle.pipeline import storage


def output_files(outdir: str) -> list[str]:
    """The shards of a run, in order (``part-NNNNN[-k].parquet`` or ``.jsonl``)."""
    names = [n for n in storage.listdir(str(outdir)) if n.startswith("part-") and n.endswith((".parquet", ".jsonl"))]
    return [storage.join(str(outdir), n) for n in names]


def read_rows(outdir: str) -> Iterator[dict[str, Any]]:
    """Every output row of the run in OUTDIR, as dictionaries."""
    import pyarrow.parquet as pq

    for path in output_files(outdir):
        if path.endswith(".jsonl"):
            with storage.open_read(path) as f:
                for line in f:
                    yield json.loads(line)
        else:
            fs, inner = storage.filesystem(path)
            for batch in pq.ParquetFile(inner, filesystem=fs).iter_batches():
                yield from batch.to_pylist()
