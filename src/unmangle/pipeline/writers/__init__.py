"""Writers: a unit's rows into shards in OUTDIR, each written under a temporary name and renamed when whole."""

from __future__ import annotations

from unmangle.pipeline.writers.jsonl import JsonlShardWriter
from unmangle.pipeline.writers.parquet import ParquetShardWriter

WRITERS = {"parquet": ParquetShardWriter, "jsonl": JsonlShardWriter}
EXTENSIONS = {"parquet": ".parquet", "jsonl": ".jsonl"}

__all__ = ["EXTENSIONS", "WRITERS", "JsonlShardWriter", "ParquetShardWriter"]
