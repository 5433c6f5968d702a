"""JSON lines (plain, .gz, .zst): one document a line, read line by line with a bounded line length.

A plain file is read by byte range (a line belongs to the unit in which it starts), so one big file is
shared by all workers. ``position`` is the byte offset of the line in the (decompressed) file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from unmangle.decoding import looks_binary
from unmangle.pipeline import storage
from unmangle.pipeline.compression import damage_reason, open_decompressed
from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.readers.common import decode_text, too_large
from unmangle.pipeline.records import Record, Rejected, WorkUnit

SKIP_CHUNK = 1 << 20


def read_line(f: BinaryIO, limit: int) -> tuple[bytes | None, int]:
    """The next line and its length in bytes; ``None`` (and the length skipped) when it is longer than
    ``limit``: the rest of an oversized line is read in chunks and dropped, never held whole."""
    line = f.readline(limit + 2)
    if len(line) <= limit + (1 if line.endswith(b"\n") else 0):
        return line, len(line)
    n = len(line)
    while not line.endswith(b"\n"):
        line = f.readline(SKIP_CHUNK)
        if not line:
            break
        n += len(line)
    return None, n


def parse_line(line: bytes, source: str, position: int) -> Record | Rejected:
    """One JSON object; bytes that are not UTF-8 are decoded by the detector, with an edit saying so."""
    edits = []
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        decoded = decode_text(line, source, position)
        if isinstance(decoded, Rejected):
            return decoded
        text, edits = decoded
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        return Rejected(source, position, "malformed_json", f"malformed JSON line: {exc}")
    if not isinstance(obj, dict):
        return Rejected(source, position, "malformed_json", f"JSON line is a {type(obj).__name__}, not an object")
    return Record(source, position, obj, edits)


def read_jsonl(unit: WorkUnit, config: RunConfig) -> Iterator[Record | Rejected]:
    path = unit.paths[0]
    limit = config.max_record_bytes
    compressed = path.endswith((".gz", ".zst"))
    with storage.open_read(path) as raw:
        f, decompressor = open_decompressed(raw, path)
        pos = 0
        if not compressed and unit.start > 0:
            f.seek(unit.start - 1)
            _, skipped = read_line(f, 0)  # the line in progress belongs to the previous unit
            pos = unit.start - 1 + skipped
        end = unit.end if not compressed and unit.end >= 0 else float("inf")
        first = True
        empty = True
        while pos < end:
            line, n = read_line(f, limit)
            if n == 0:
                break
            empty = False
            here, pos = pos, pos + n
            if line is None:
                yield too_large(path, here, n, limit)
                continue
            if not line.strip():
                continue
            item = parse_line(line, path, here)
            if first and isinstance(item, Rejected) and _binary_from(f, line):
                yield Rejected(path, here, "binary", "binary data, not JSON lines (NUL or control bytes)")
                return
            first = False
            yield item
        reason = damage_reason(decompressor, path)
        if reason:
            yield Rejected(path, pos, "truncated" if "truncated" in reason else "corrupt", reason)
        elif empty and unit.start == 0:
            yield Rejected(path, 0, "empty_file", "empty file: no documents")


def _binary_from(f: BinaryIO, line: bytes) -> bool:
    """Whether the data at the start of a unit is binary: looked at once, when its first line does not parse."""
    sample = line[:65536]
    if len(sample) < 65536 and hasattr(f, "peek"):
        sample += f.peek(65536 - len(sample))[: 65536 - len(sample)]
    return looks_binary(sample)
