"""From the INPUT arguments to a fixed list of work units.

The plan is computed once and stored in the manifest, so a resumed run works on exactly the same units and
writes exactly the same shard names. Units are sized from the corpus, not from the worker count: a single
1 GB JSONL file becomes 64 byte ranges that any number of workers can share.
"""

from __future__ import annotations

import os

from unmangle.pipeline import storage
from unmangle.pipeline.config import MB
from unmangle.pipeline.records import WorkUnit

FORMATS: dict[str, str] = {
    ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".jsonl.zst": "jsonl", ".ndjson": "jsonl", ".ndjson.gz": "jsonl",
    ".parquet": "parquet",
    ".warc": "warc", ".warc.gz": "warc", ".wet": "warc", ".wet.gz": "warc", ".warc.zst": "warc",
    ".txt": "txt",
}
TXT_FILES_PER_UNIT = 256
TARGET_UNITS = 64
MIN_UNIT_BYTES = 64 * 1024


class InputError(ValueError):
    """An INPUT argument names nothing that can be read."""


def format_of(path: str) -> str | None:
    """The reader for ``path``, by its longest known extension."""
    name = path.lower()
    for ext in sorted(FORMATS, key=len, reverse=True):
        if name.endswith(ext):
            return FORMATS[ext]
    return None


def expand_inputs(inputs: list[str]) -> list[str]:
    """Files named by INPUT arguments (files, directories, globs), deduplicated, in a stable order.

    A named file is kept whatever its extension (an unknown one becomes a rejected entry); files found inside
    a directory or by a glob are kept only when their extension is known.
    """
    seen: dict[str, None] = {}
    for arg in inputs:
        if any(c in arg for c in "*?["):
            matches = storage.expand_glob(arg)
            if not matches:
                raise InputError(f"no file matches {arg!r}")
            found = [m for m in matches if not storage.is_dir(m) and format_of(m)]
        elif storage.is_dir(arg):
            found = [f for f in storage.list_files(arg) if format_of(f)]
        elif storage.exists(arg):
            found = [arg]
        else:
            raise InputError(f"input {arg!r} does not exist")
        for f in found:
            seen.setdefault(f if storage.is_uri(f) else os.path.abspath(f), None)
    if not seen:
        raise InputError("no input file of a known format (.jsonl[.gz|.zst], .parquet, .warc[.gz], .txt)")
    return list(seen)


def auto_unit_bytes(total: int) -> int:
    """About TARGET_UNITS units per corpus, each between 64 KB and 32 MB.

    The repair handles a fraction of a MB per second per core and some documents cost a hundred times others,
    so the last unit of a run can leave the other workers idle; with 64 units that tail is a small part of the
    run. 64 KB keeps the per-unit cost (a shard, a manifest line) well below the work itself.
    """
    return max(MIN_UNIT_BYTES, min(32 * MB, total // TARGET_UNITS))


def plan_units(files: list[str], unit_bytes: int | None = None) -> list[WorkUnit]:
    """Split the files into work units; ``unit_bytes`` overrides the automatic unit size."""
    sizes = {f: storage.size_and_mtime(f)[0] for f in files}
    step = unit_bytes or auto_unit_bytes(sum(sizes.values()))
    units: list[WorkUnit] = []
    txt_batch: list[str] = []

    def add(fmt: str, paths: tuple[str, ...], start: int = 0, end: int = -1, size: int = 0) -> None:
        units.append(WorkUnit(len(units), fmt, paths, start, end, size))

    for f in files:
        fmt = format_of(f) or "unknown"
        size = sizes[f]
        if fmt == "txt":
            txt_batch.append(f)
            if len(txt_batch) >= TXT_FILES_PER_UNIT:
                add("txt", tuple(txt_batch), size=sum(sizes[t] for t in txt_batch))
                txt_batch = []
        elif fmt == "jsonl" and not f.endswith((".gz", ".zst")) and size > step:
            for start in range(0, size, step):
                add("jsonl", (f,), start, min(size, start + step), min(step, size - start))
        elif fmt == "parquet":
            for first, last, nbytes in _row_group_ranges(f, step):
                add("parquet", (f,), first, last, nbytes)
        else:
            add(fmt, (f,), 0, -1, size)
    if txt_batch:
        add("txt", tuple(txt_batch), size=sum(sizes[t] for t in txt_batch))
    return units


def _row_group_ranges(path: str, step: int) -> list[tuple[int, int, int]]:
    """Consecutive row groups gathered into ranges of about ``step`` bytes; the whole file when its metadata
    cannot be read (the reader then rejects it with the reason)."""
    import pyarrow.parquet as pq

    try:
        fs, inner = storage.filesystem(path)
        meta = pq.ParquetFile(inner, filesystem=fs).metadata
    except Exception:  # noqa: BLE001 - a corrupt file is the reader's to report
        return [(0, -1, storage.size_and_mtime(path)[0])]
    ranges: list[tuple[int, int, int]] = []
    first, acc = 0, 0
    for i in range(meta.num_row_groups):
        acc += meta.row_group(i).total_byte_size
        if acc >= step:
            ranges.append((first, i + 1, acc))
            first, acc = i + 1, 0
    if first < meta.num_row_groups or not ranges:
        ranges.append((first, meta.num_row_groups, acc))
    return ranges
