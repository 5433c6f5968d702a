"""Readers: each turns one work unit into records (or rejections); none of them knows where it runs."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.readers.jsonl import read_jsonl
from unmangle.pipeline.readers.parquet import read_parquet
from unmangle.pipeline.readers.txt import read_txt
from unmangle.pipeline.readers.warc import read_warc
from unmangle.pipeline.records import Record, Rejected, Skipped, WorkUnit

Reader = Callable[[WorkUnit, RunConfig], Iterator[Record | Rejected | Skipped]]

READERS: dict[str, Reader] = {"jsonl": read_jsonl, "parquet": read_parquet, "warc": read_warc, "txt": read_txt}


def read_unit(unit: WorkUnit, config: RunConfig) -> Iterator[Record | Rejected | Skipped]:
    """The records of ``unit``; a file of unknown format is one rejected entry."""
    reader = READERS.get(unit.fmt)
    if reader is None:
        for path in unit.paths:
            yield Rejected(path, 0, "unsupported_format",
                           "unknown file format (expected .jsonl[.gz|.zst], .parquet, .warc[.gz] or .txt)")
        return
    yield from reader(unit, config)
