"""Parquet: one document a row, read a batch at a time from the unit's row groups.

``position`` is the row index in the file. A text column of bytes is decoded with the detector (and an edit
saying which encoding it chose); a file whose footer or pages cannot be read becomes a rejected entry.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow.parquet as pq

from unmangle.pipeline import storage
from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.readers.common import too_large
from unmangle.pipeline.records import Record, Rejected, WorkUnit


def read_parquet(unit: WorkUnit, config: RunConfig) -> Iterator[Record | Rejected]:
    path = unit.paths[0]
    try:
        fs, inner = storage.filesystem(path)
        pf = pq.ParquetFile(inner, filesystem=fs)
        meta = pf.metadata
    except Exception as exc:  # noqa: BLE001 - pyarrow raises several types for a damaged file
        yield Rejected(path, 0, "corrupt", f"corrupt Parquet file: {exc}")
        return
    if meta.num_rows == 0 and unit.start == 0:
        yield Rejected(path, 0, "empty_file", "empty Parquet file: no rows")
        return
    end = meta.num_row_groups if unit.end < 0 else unit.end
    row = sum(meta.row_group(i).num_rows for i in range(unit.start))
    for group in range(unit.start, end):
        group_rows = meta.row_group(group).num_rows
        try:
            table = pf.read_row_group(group)
        except Exception as exc:  # noqa: BLE001
            yield Rejected(path, row, "corrupt",
                           f"corrupt Parquet row group {group} ({group_rows} rows lost): {exc}")
            row += group_rows
            continue
        for batch in table.to_batches(max_chunksize=config.batch_rows):
            for fields in batch.to_pylist():
                yield _record(path, row, fields, config)
                row += 1
        del table


def _record(path: str, row: int, fields: dict, config: RunConfig) -> Record | Rejected:
    value = fields.get(config.text_field)
    if isinstance(value, str | bytes) and len(value) > config.max_record_bytes:
        return too_large(path, row, len(value), config.max_record_bytes)
    return Record(path, row, fields)
