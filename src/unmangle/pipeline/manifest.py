"""What makes a run restartable: the plan and the completed units, kept in ``OUTDIR/_unmangle/``.

``run.json`` holds the run's identity (settings and input files with size and mtime) and its unit plan;
``done.jsonl`` gets one line per unit after the unit's shards are in place. A unit missing from ``done.jsonl``
is redone from scratch (its partial files deleted first), so every document ends up written exactly once.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from typing import Any

from unmangle.pipeline import storage
from unmangle.pipeline.config import RunConfig
from unmangle.pipeline.records import WorkUnit
from unmangle.pipeline.task import STATE_DIR, UnitResult

FORMAT_VERSION = 1
OUR_FILES = ("rejected.jsonl", "stats.json", STATE_DIR)


class RunRefused(RuntimeError):
    """OUTDIR cannot take this run (it holds another run, or would overwrite an input)."""


def fingerprint(config: RunConfig, files: list[str]) -> dict[str, Any]:
    """Everything that decides what a run writes; two runs with the same fingerprint write the same rows."""
    return {
        "version": FORMAT_VERSION, "mode": config.mode, "text_field": config.text_field,
        "id_field": config.id_field, "output_format": config.output_format,
        "max_record_bytes": config.max_record_bytes,
        "inputs": [[f, *storage.size_and_mtime(f)] for f in files],
    }


@dataclass(slots=True)
class Manifest:
    outdir: str

    @property
    def state_dir(self) -> str:
        return storage.join(self.outdir, STATE_DIR)

    @property
    def run_path(self) -> str:
        return storage.join(self.state_dir, "run.json")

    @property
    def done_path(self) -> str:
        return storage.join(self.state_dir, "done.jsonl")

    def load_run(self) -> dict[str, Any] | None:
        if not storage.exists(self.run_path):
            return None
        with storage.open_read(self.run_path) as f:
            return json.loads(f.read())

    def start(self, identity: dict[str, Any], units: list[WorkUnit]) -> None:
        storage.makedirs(storage.join(self.state_dir, "rejected"))
        data = {"fingerprint": identity, "units": [u.to_dict() for u in units], "started": time.time()}
        write_atomic(self.run_path, json.dumps(data).encode("utf-8"))

    def units(self) -> list[WorkUnit]:
        run = self.load_run() or {}
        return [WorkUnit.from_dict(u) for u in run.get("units", [])]

    def completed(self) -> dict[int, UnitResult]:
        """Units recorded as done; a line cut short by a kill is ignored (that unit is simply redone)."""
        if not storage.exists(self.done_path):
            return {}
        done: dict[int, UnitResult] = {}
        with storage.open_read(self.done_path) as f:
            for line in f.read().splitlines():
                try:
                    result = UnitResult.from_dict(json.loads(line))
                except (ValueError, KeyError, TypeError):
                    continue
                done[result.index] = result
        return done

    def mark_done(self, result: UnitResult) -> None:
        """Append one line and flush it to disk (local runs; object stores rewrite the small file)."""
        line = (json.dumps(result.to_dict()) + "\n").encode("utf-8")
        if storage.is_uri(self.done_path):
            old = b""
            if storage.exists(self.done_path):
                with storage.open_read(self.done_path) as f:
                    old = f.read()
            write_atomic(self.done_path, old + line)
            return
        with open(self.done_path, "ab") as f:
            f.write(line)
            f.flush()
            os.fsync(f.fileno())


def write_atomic(path: str, data: bytes) -> None:
    tmp = path + ".tmp"
    with storage.open_write(tmp) as f:
        f.write(data)
    storage.move(tmp, path)
