"""Reading a run's output directory: document shards, ``stats.json`` and ``rejected.jsonl``.

Read generically and as a stream: every ``*.parquet`` and ``*.jsonl`` (optionally gzipped) file under OUTDIR except
the rejections, batch by batch, so a run of any size is read in bounded memory. Files that are not document shards
(resume state, temporary files) are skipped because their rows carry no ``text``.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from unmangle.report.rows import Row, row_from_mapping

_SUFFIXES = (".parquet", ".jsonl", ".jsonl.gz")
_NOT_SHARDS = {"rejected.jsonl", "stats.json"}
_KEEP_REASONS = 10_000  # distinct rejection reasons counted; the rest are lumped together
_KEEP_EXAMPLES = 20


def shard_files(outdir: Path) -> list[Path]:
    """Document shards under ``outdir``, in a stable order; hidden and temporary files are not shards."""
    found = []
    for path in sorted(outdir.rglob("*")):
        rel = path.relative_to(outdir)
        if not path.is_file() or path.name in _NOT_SHARDS:
            continue
        if any(p.startswith((".", "_")) for p in rel.parts) or ".tmp" in path.name or path.name.endswith(".tmp"):
            continue
        if path.name.endswith(_SUFFIXES):
            found.append(path)
    return found


def _open_text(path: Path) -> TextIO:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def _jsonl_records(path: Path) -> Iterator[dict[str, Any]]:
    with _open_text(path) as fh:
        for line in fh:
            try:
                value = json.loads(line)
            except ValueError:
                continue
            if isinstance(value, dict):
                yield value


def _parquet_records(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        if "text" not in pf.schema_arrow.names:
            return
        for batch in pf.iter_batches(batch_size=512):
            yield from batch.to_pylist()
    except (OSError, ValueError) as exc:  # a corrupt or half-written shard: report what we could read
        raise ShardError(f"{path.name}: {exc}") from exc


class ShardError(Exception):
    """A shard could not be read completely."""


@dataclass(slots=True)
class ReadProblems:
    """Shards that could not be read, so the report can say its numbers are incomplete."""

    files: list[str] = field(default_factory=list)


def iter_rows(outdir: Path, problems: ReadProblems | None = None) -> Iterator[Row]:
    """Every document row of the run, as a :class:`Row` tagged with its shard's path relative to ``outdir``."""
    for path in shard_files(outdir):
        name = str(path.relative_to(outdir))
        records = _parquet_records(path) if path.suffix == ".parquet" else _jsonl_records(path)
        position = 0
        try:
            for raw in records:
                row = row_from_mapping(raw, name, position)
                position += 1
                if row is not None:
                    yield row
        except (ShardError, OSError, EOFError) as exc:
            if problems is not None:
                problems.files.append(f"{name}: {exc}")


def read_stats(outdir: Path) -> dict[str, Any]:
    """``stats.json`` as a dict (empty when missing or unreadable: the report then counts from the rows)."""
    try:
        value = json.loads((outdir / "stats.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


@dataclass(slots=True)
class Rejections:
    """What ``rejected.jsonl`` says: how many, why, and the first few entries."""

    total: int = 0
    reasons: Counter[str] = field(default_factory=Counter)  # by ``code`` when the run gives one, else by reason
    example_reason: dict[str, str] = field(default_factory=dict)
    examples: list[dict[str, str]] = field(default_factory=list)


def read_rejections(outdir: Path) -> Rejections:
    found = Rejections()
    path = outdir / "rejected.jsonl"
    if not path.is_file():
        return found
    for record in _jsonl_records(path):
        found.total += 1
        reason = str(record.get("reason", "unknown"))[:300]
        key = str(record.get("code") or reason)[:200]
        if key in found.reasons or len(found.reasons) < _KEEP_REASONS:
            found.reasons[key] += 1
            found.example_reason.setdefault(key, reason)
        else:
            found.reasons["(other reasons)"] += 1
        if len(found.examples) < _KEEP_EXAMPLES:
            found.examples.append({k: str(record.get(k, ""))[:300] for k in ("source", "position", "reason")})
    return found
