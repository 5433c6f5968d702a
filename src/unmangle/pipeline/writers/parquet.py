"""Parquet shards with a stable schema for unmangle's columns and the input's columns carried through.

Every shard starts with the same typed columns (``edits`` and ``gaps`` are lists of structs). A carried
column whose values mix types (an id that is sometimes a number) is stored as JSON text; when a batch's
columns no longer fit the open file's schema, the writer starts a new file instead of failing or dropping data.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from unmangle.pipeline import storage
from unmangle.pipeline.writers.base import ShardWriter

EDIT = pa.struct([("kind", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("before", pa.string()),
                  ("after", pa.string()), ("confidence", pa.float64()), ("detail", pa.string())])
GAP = pa.struct([("offset", pa.int64()), ("confidence", pa.float64()), ("hint", pa.string())])
REMOVED = pa.struct([("kind", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
OUTPUT_SCHEMA = pa.schema([
    ("id", pa.string()), ("text", pa.string()), ("title", pa.string()), ("dateline", pa.string()),
    ("byline", pa.string()), ("captions", pa.list_(pa.string())), ("removed", pa.list_(REMOVED)),
    ("gaps", pa.list_(GAP)), ("edits", pa.list_(EDIT)), ("changed", pa.bool_()),
])


def rows_to_table(rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table: our columns typed by OUTPUT_SCHEMA, carried columns inferred (JSON text when
    their values cannot share one type)."""
    columns = {f.name: pa.array([r[f.name] for r in rows], type=f.type) for f in OUTPUT_SCHEMA}
    extra: dict[str, None] = {}
    for r in rows:
        extra.update(dict.fromkeys(k for k in r if k not in columns))
    for name in extra:
        values = [r.get(name) for r in rows]
        try:
            columns[name] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError):
            columns[name] = pa.array([None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                                      for v in values], type=pa.string())
    return pa.table(columns)


def _fit(table: pa.Table, schema: pa.Schema) -> pa.Table | None:
    """``table`` in the open file's ``schema`` (missing columns as nulls), or None if it does not fit."""
    if not set(table.column_names) <= set(schema.names):
        return None
    arrays = []
    for field in schema:
        if field.name not in table.column_names:
            arrays.append(pa.nulls(len(table), type=field.type))
            continue
        column = table[field.name]
        if column.type != field.type:
            if not pa.types.is_null(column.type) and not _safe_cast(column.type, field.type):
                return None
            try:
                column = column.cast(field.type)
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                return None
        arrays.append(column)
    return pa.Table.from_arrays(arrays, schema=schema)


def _safe_cast(source: pa.DataType, target: pa.DataType) -> bool:
    return pa.types.is_integer(source) and pa.types.is_floating(target)


class ParquetShardWriter(ShardWriter):
    extension = ".parquet"

    def __init__(self, outdir: str, stem: str) -> None:
        super().__init__(outdir, stem)
        self._writer: pq.ParquetWriter | None = None
        self._paths: tuple[str, str] | None = None

    def write(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        table = rows_to_table(rows)
        if self._writer is not None:
            fitted = _fit(table, self._writer.schema)
            if fitted is None:
                self._finish()
            else:
                table = fitted
        if self._writer is None:
            self._paths = self._next_paths()
            fs, inner = storage.filesystem(self._paths[0])
            self._writer = pq.ParquetWriter(inner, table.schema, filesystem=fs, compression="zstd")
        self._writer.write_table(table)

    def _finish(self) -> None:
        if self._writer is not None and self._paths is not None:
            self._writer.close()
            self._publish(*self._paths)
        self._writer = None
        self._paths = None

    def close(self) -> list[str]:
        self._finish()
        return self.files

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._writer = None
