"""One work unit from input to shards: read, process each record, write rows and rejections.

This is the only function an engine calls. It needs nothing but the unit and the configuration, returns a
small picklable result, and may be run twice for the same unit (after a crash): it then writes the same files.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from unmangle.pipeline import storage
from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.process import process_record
from unmangle.pipeline.readers import read_unit
from unmangle.pipeline.records import Record, Rejected, Skipped, WorkUnit
from unmangle.pipeline.stats import Stats
from unmangle.pipeline.writers import WRITERS

BATCH_TEXT_BYTES = 16 * 1024 * 1024
STATE_DIR = "_unmangle"
REPORT_SECONDS = 0.5

# Partial progress: documents read and about how many input bytes since the last call.
Report = Callable[[int, int], None]


@dataclass(slots=True)
class UnitResult:
    index: int
    stats: Stats
    files: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"unit": self.index, "stats": self.stats.to_dict(), "files": self.files}

    @classmethod
    def from_dict(cls, data: dict) -> UnitResult:
        return cls(data["unit"], Stats.from_dict(data["stats"]), list(data.get("files", [])))


def rejected_path(outdir: str, index: int) -> str:
    return storage.join(outdir, STATE_DIR, "rejected", f"unit-{index:05d}.jsonl")


def run_unit(unit: WorkUnit, config: RunConfig, report: Report | None = None) -> UnitResult:
    """Process ``unit`` into ``OUTDIR/part-NNNNN.*`` and its rejections into the run's state directory.

    ``report`` (for a progress bar) is called at most every REPORT_SECONDS, never per document.
    """
    started = time.perf_counter()
    last_report = started
    seen_docs = seen_bytes = 0
    outdir = str(config.outdir)
    stats = Stats(input_bytes=unit.size)
    final_rejects = rejected_path(outdir, unit.index)
    tmp_rejects = final_rejects + ".tmp"
    batch: list[tuple[Record, dict]] = []
    pending = 0
    with storage.open_write(tmp_rejects) as rejects, WRITERS[config.output_format](outdir, unit.name) as writer:

        def reject(item: Rejected) -> None:
            stats.read += 1
            stats.rejected += 1
            stats.rejected_by_reason[item.code] += 1
            rejects.write((json.dumps(item.to_dict(), ensure_ascii=False) + "\n").encode("utf-8"))

        def flush() -> None:
            try:
                writer.write([row for _, row in batch])
            except (ValueError, TypeError, UnicodeError, OverflowError):
                # One odd value must not cost the whole batch: find it row by row.
                for record, row in batch:
                    try:
                        writer.write([row])
                    except (ValueError, TypeError, UnicodeError, OverflowError) as exc:
                        reject(Rejected(record.source, record.position, "unwritable",
                                        f"row cannot be written as {config.output_format}: {exc}"))
                        continue
                    _count(stats, record, row, config)
            else:
                for record, row in batch:
                    _count(stats, record, row, config)
            batch.clear()

        try:
            for item in read_unit(unit, config):
                if report is not None:
                    seen_docs += not isinstance(item, Skipped)
                    if isinstance(item, Record):
                        value = item.fields.get(config.text_field)
                        seen_bytes += len(value) if isinstance(value, str | bytes) else 0
                    now = time.perf_counter()
                    if now - last_report >= REPORT_SECONDS:
                        report(seen_docs, seen_bytes)
                        seen_docs = seen_bytes = 0
                        last_report = now
                if isinstance(item, Skipped):
                    stats.skipped += 1
                    continue
                if isinstance(item, Rejected):
                    reject(item)
                    continue
                row = process_record(item, config)
                if isinstance(row, Rejected):
                    reject(row)
                    continue
                batch.append((item, row))
                pending += len(row["text"])
                if len(batch) >= config.batch_rows or pending >= BATCH_TEXT_BYTES:
                    flush()
                    pending = 0
        except Exception as exc:  # noqa: BLE001 - an unexpected failure loses the rest of this unit only
            reject(Rejected(unit.paths[0], -1, "unit_failed",
                            f"reading stopped: {type(exc).__name__}: {exc}; the rest of this input is lost"))
        flush()
        files = writer.close()
    storage.move(tmp_rejects, final_rejects)
    stats.seconds = time.perf_counter() - started
    return UnitResult(unit.index, stats, files)


def _count(stats: Stats, record: Record, row: dict, config: RunConfig) -> None:
    stats.read += 1
    stats.written += 1
    value = record.fields.get(config.text_field)
    stats.bytes_in += len(value) if isinstance(value, bytes) else len(value.encode("utf-8", "surrogatepass"))
    stats.bytes_out += len(row["text"].encode("utf-8"))
    stats.changed += row["changed"]
    stats.edits += len(row["edits"])
    for e in row["edits"]:
        stats.edits_by_kind[e["kind"]] += 1
