"""Plain text files: one document a file, the file's path as its id."""

from __future__ import annotations

from collections.abc import Iterator

from unmangle.pipeline import storage
from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.readers.common import decode_text, too_large
from unmangle.pipeline.records import Record, Rejected, WorkUnit


def read_txt(unit: WorkUnit, config: RunConfig) -> Iterator[Record | Rejected]:
    for path in unit.paths:
        size = storage.size_and_mtime(path)[0]
        if size > config.max_record_bytes:
            yield too_large(path, 0, size, config.max_record_bytes)
            continue
        try:
            with storage.open_read(path) as f:
                data = f.read()
        except OSError as exc:
            yield Rejected(path, 0, "unreadable", f"cannot read file: {exc.strerror or exc}")
            continue
        if not data.strip():
            yield Rejected(path, 0, "empty_file", "empty file: no text")
            continue
        decoded = decode_text(data, path, 0)
        if isinstance(decoded, Rejected):
            yield decoded
            continue
        text, edits = decoded
        yield Record(path, 0, {config.id_field: path, config.text_field: text}, edits)
