"""JSON lines shards: one row a line, UTF-8."""

from __future__ import annotations

import base64
import json
from typing import Any

from unmangle.pipeline import storage
from unmangle.pipeline.writers.base import ShardWriter


def _json_default(value: Any) -> Any:
    """Values JSON has no type for (from Parquet inputs): bytes as base64, the rest as their string form."""
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(value).decode("ascii")
    return str(value)


class JsonlShardWriter(ShardWriter):
    extension = ".jsonl"

    def __init__(self, outdir: str, stem: str) -> None:
        super().__init__(outdir, stem)
        self._paths: tuple[str, str] | None = None
        self._file: Any = None

    def write(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if self._file is None:
            self._paths = self._next_paths()
            self._file = storage.open_write(self._paths[0])
        lines = [json.dumps(r, ensure_ascii=False, default=_json_default) for r in rows]
        self._file.write(("\n".join(lines) + "\n").encode("utf-8"))

    def close(self) -> list[str]:
        if self._file is not None and self._paths is not None:
            self._file.close()
            self._file = None
            self._publish(*self._paths)
        return self.files

    def abort(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
